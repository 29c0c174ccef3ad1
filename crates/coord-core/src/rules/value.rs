//! Fact values and fact sets: what conditions are evaluated against.
//!
//! A [`FactSet`] is a map from fact names to [`FactValue`]s plus the evaluation date (`as_of`).
//! The case-file fact catalogue ([`super::facts`]) fills one from a case; any other caller (e.g.
//! offer eligibility) may fill one by hand with [`FactSet::insert`].

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
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

/// The facts about one subject as of one date.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FactSet {
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// The known facts by name; a fact that is not known is absent.
    pub facts: BTreeMap<Cow<'static, str>, FactValue>,
}

impl FactSet {
    /// An empty fact set as of `as_of`.
    pub fn new(as_of: NaiveDate) -> Self {
        Self {
            as_of,
            facts: BTreeMap::new(),
        }
    }

    /// Set a fact (replacing any earlier value).
    pub fn insert(&mut self, name: impl Into<Cow<'static, str>>, value: FactValue) {
        self.facts.insert(name.into(), value);
    }

    /// The value of a fact, if known.
    pub fn get(&self, name: &str) -> Option<&FactValue> {
        self.facts.get(name)
    }
}
