//! Fact values and fact sets: what conditions are evaluated against.
//!
//! A [`FactSet`] is a map from fact names to [`FactValue`]s plus the evaluation date (`as_of`).
//! The case-file fact catalogue ([`super::facts`]) fills one from a case; any other caller (e.g.
//! offer eligibility) may fill one by hand with [`FactSet::insert`].

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// The type of a fact (what the validator checks comparisons against).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FactType {
    /// `true` or `false`.
    Bool,
    /// A number (weeks, counts, scores).
    Number,
    /// A calendar date (`2025-03-01`).
    Date,
    /// One word from a closed or open vocabulary (`sickness_benefit`).
    Text,
    /// A set of words (`["mental", "musculoskeletal"]`).
    Set,
}

impl FactType {
    /// The type's name as used in messages.
    pub fn name(self) -> &'static str {
        match self {
            FactType::Bool => "bool",
            FactType::Number => "number",
            FactType::Date => "date",
            FactType::Text => "text",
            FactType::Set => "set",
        }
    }
}

impl fmt::Display for FactType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The value of one fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum FactValue {
    /// A truth value.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A date.
    Date(NaiveDate),
    /// A word.
    Text(Cow<'static, str>),
    /// A set of words, sorted and without duplicates.
    Set(Vec<Cow<'static, str>>),
}

impl FactValue {
    /// The value's type.
    pub fn fact_type(&self) -> FactType {
        match self {
            FactValue::Bool(_) => FactType::Bool,
            FactValue::Number(_) => FactType::Number,
            FactValue::Date(_) => FactType::Date,
            FactValue::Text(_) => FactType::Text,
            FactValue::Set(_) => FactType::Set,
        }
    }

    /// A set value from words (sorted, duplicates removed).
    pub fn set<I, S>(words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<Cow<'static, str>>,
    {
        let mut v: Vec<Cow<'static, str>> = words.into_iter().map(Into::into).collect();
        v.sort();
        v.dedup();
        FactValue::Set(v)
    }

    /// A text value.
    pub fn text(word: impl Into<Cow<'static, str>>) -> Self {
        FactValue::Text(word.into())
    }
}

impl fmt::Display for FactValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactValue::Bool(b) => write!(f, "{b}"),
            FactValue::Number(n) => write_number(f, *n),
            FactValue::Date(d) => write!(f, "{d}"),
            FactValue::Text(t) => f.write_str(t),
            FactValue::Set(s) => {
                f.write_str("[")?;
                for (i, w) in s.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(w)?;
                }
                f.write_str("]")
            }
        }
    }
}

/// Numbers without a fractional part print without `.0`.
pub(crate) fn write_number(f: &mut fmt::Formatter<'_>, n: f64) -> fmt::Result {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        write!(f, "{}", n as i64)
    } else {
        write!(f, "{n}")
    }
}

/// The facts about one subject as of one date: a map from names to values, kept as a sorted
/// vector (facts are few, looked up often and built once per evaluation).
#[derive(Debug, Clone, PartialEq)]
pub struct FactSet {
    /// The evaluation date.
    pub as_of: NaiveDate,
    facts: Vec<(Cow<'static, str>, FactValue)>,
}

impl FactSet {
    /// An empty fact set as of `as_of`.
    pub fn new(as_of: NaiveDate) -> Self {
        Self {
            as_of,
            facts: Vec::with_capacity(48),
        }
    }

    /// Set a fact (replacing any earlier value).
    pub fn insert(&mut self, name: impl Into<Cow<'static, str>>, value: FactValue) {
        let name = name.into();
        // Facts usually arrive in name order (the catalogue is sorted): append fast.
        if self.facts.last().is_none_or(|(last, _)| *last < name) {
            self.facts.push((name, value));
            return;
        }
        match self
            .facts
            .binary_search_by(|(n, _)| n.as_ref().cmp(name.as_ref()))
        {
            Ok(i) => self.facts[i].1 = value,
            Err(i) => self.facts.insert(i, (name, value)),
        }
    }

    /// The value of a fact, if known.
    pub fn get(&self, name: &str) -> Option<&FactValue> {
        self.facts
            .binary_search_by(|(n, _)| n.as_ref().cmp(name))
            .ok()
            .map(|i| &self.facts[i].1)
    }

    /// Every known fact, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &FactValue)> {
        self.facts.iter().map(|(n, v)| (n.as_ref(), v))
    }

    /// How many facts are known.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// Whether no fact is known.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }
}

impl Serialize for FactSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Facts<'a>(&'a [(Cow<'static, str>, FactValue)]);
        impl Serialize for Facts<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
            }
        }
        let mut st = s.serialize_struct("FactSet", 2)?;
        st.serialize_field("as_of", &self.as_of)?;
        st.serialize_field("facts", &Facts(&self.facts))?;
        st.end()
    }
}
