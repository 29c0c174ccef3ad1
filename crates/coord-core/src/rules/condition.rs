//! The condition language: comparisons over facts, set membership, `all` / `any` / `not`, and date
//! arithmetic relative to the evaluation date and to anchor dates.
//!
//! # JSON
//! ```json
//! { "all": [
//!   { "fact": "weeks_since_first_absence", "gte": 8 },
//!   { "fact": "conditions", "contains_any": ["mental", "musculoskeletal"] },
//!   { "not": { "fact": "employed", "eq": true } },
//!   { "fact": "fast_track_requested_on", "lte": { "date": "as_of", "plus_weeks": -2 } },
//!   { "fact": "expected_return", "gt": { "date": "first_day_of_absence", "plus_weeks": 8 } }
//! ] }
//! ```
//! A condition is exactly one of `all` (every part holds; an empty list holds), `any` (some part
//! holds; an empty list does not), `not`, or a comparison: `fact` plus exactly one test — `eq`,
//! `ne`, `lt`, `lte`, `gt`, `gte`, `in`, `not_in`, `contains`, `contains_any` or `known`.
//!
//! Values: JSON `true`/`false`, numbers, words, and dates — a date is written `"2025-01-01"` or as a
//! date expression ([`super::date_expr`]): `{ "date": BASE, "plus_weeks": n }` where `BASE` is
//! `"as_of"`, the name of a date fact (an *anchor*), or a literal date, and the date language's
//! other forms (end of a counted week, calendar months, working days, earliest/latest of, the
//! cumulative window).
//!
//! **Unknown facts.** A comparison with a fact that is not known (absent from the fact set), or
//! with an anchor that is not known, does not hold — only `{"fact": …, "known": false}` holds
//! then. `not` negates that: `not (weeks ≥ 8)` holds when the weeks are not known. A comparison
//! whose value has the wrong type for the fact (a date compared with a number) does not hold; the
//! validator reports it before a pack is used.
//!
//! # Explanations
//! [`Condition::explain`] reports the first failing comparison with the fact's actual value, e.g.
//! `weeks_since_first_absence = 6, needs ≥ 8`. For `any`, every part failed; the first part's
//! failure is reported.

pub use super::condition_json::{ConditionShapeError, RawCondition};
pub use super::date_expr::{DateBase, DateExpr};
use crate::facts::name::FactName;
use crate::facts::value::{write_number, FactSet, FactType, FactValue};
use crate::pointer::Pointer;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// A condition over facts. See the [module documentation](self) for the JSON form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawCondition", into = "RawCondition")]
pub enum Condition {
    /// Every part holds (an empty list holds).
    All(Vec<Condition>),
    /// At least one part holds (an empty list does not).
    Any(Vec<Condition>),
    /// The part does not hold.
    Not(Box<Condition>),
    /// A test of one fact.
    Compare(Comparison),
}

/// A test of one fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The fact's name (see `coord rules facts`), with its catalogue slot.
    pub fact: FactName,
    /// The test.
    pub test: Test,
}

/// The comparison operator and its value.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// Equal to.
    Eq(Literal),
    /// Not equal to.
    Ne(Literal),
    /// Less than (numbers, dates).
    Lt(Literal),
    /// Less than or equal (numbers, dates).
    Lte(Literal),
    /// Greater than (numbers, dates).
    Gt(Literal),
    /// Greater than or equal (numbers, dates).
    Gte(Literal),
    /// One of the listed values.
    In(Vec<Literal>),
    /// None of the listed values.
    NotIn(Vec<Literal>),
    /// A set fact contains the word.
    Contains(Literal),
    /// A set fact contains at least one of the words.
    ContainsAny(Vec<Literal>),
    /// The fact is known (`true`) or not known (`false`).
    Known(bool),
}

impl Test {
    /// The operator's JSON key (`gte`, `in` …).
    pub fn key(&self) -> &'static str {
        match self {
            Test::Eq(_) => "eq",
            Test::Ne(_) => "ne",
            Test::Lt(_) => "lt",
            Test::Lte(_) => "lte",
            Test::Gt(_) => "gt",
            Test::Gte(_) => "gte",
            Test::In(_) => "in",
            Test::NotIn(_) => "not_in",
            Test::Contains(_) => "contains",
            Test::ContainsAny(_) => "contains_any",
            Test::Known(_) => "known",
        }
    }

    /// The operator as people read it (`≥`, `in` …).
    pub fn symbol(&self) -> &'static str {
        match self {
            Test::Eq(_) => "=",
            Test::Ne(_) => "≠",
            Test::Lt(_) => "<",
            Test::Lte(_) => "≤",
            Test::Gt(_) => ">",
            Test::Gte(_) => "≥",
            Test::In(_) => "one of",
            Test::NotIn(_) => "none of",
            Test::Contains(_) => "contains",
            Test::ContainsAny(_) => "contains one of",
            Test::Known(true) => "known",
            Test::Known(false) => "not known",
        }
    }

    /// The values the test compares with (one for scalar operators, none for `known`).
    pub fn literals(&self) -> &[Literal] {
        match self {
            Test::Eq(l)
            | Test::Ne(l)
            | Test::Lt(l)
            | Test::Lte(l)
            | Test::Gt(l)
            | Test::Gte(l)
            | Test::Contains(l) => std::slice::from_ref(l),
            Test::In(ls) | Test::NotIn(ls) | Test::ContainsAny(ls) => ls,
            Test::Known(_) => &[],
        }
    }
}

/// A value in a condition.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Literal {
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A word, or a date written `YYYY-MM-DD` (read as a date when the fact is a date).
    Text(String),
    /// A date computed from the evaluation date or an anchor date.
    Date(DateExpr),
}

// Read by its JSON type (a boolean, a number, a string, or an object for a date expression)
// rather than by serde's untagged buffering, so the reader's checks (duplicate keys, plain dates,
// array limits) reach inside a date expression too.
impl<'de> Deserialize<'de> for Literal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Literal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a boolean, a number, a word or date, or a date expression object")
            }
            fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<Literal, E> {
                Ok(Literal::Bool(b))
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Literal, E> {
                Ok(Literal::Number(n as f64))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Literal, E> {
                Ok(Literal::Number(n as f64))
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Literal, E> {
                Ok(Literal::Number(n))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Literal, E> {
                Ok(Literal::Text(s.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Literal, A::Error> {
                DateExpr::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Literal::Date)
            }
        }
        d.deserialize_any(V)
    }
}

impl Literal {
    /// The types of fact this value can be compared with.
    pub fn fits(&self, ty: FactType) -> bool {
        match self {
            Literal::Bool(_) => ty == FactType::Bool,
            Literal::Number(_) => ty == FactType::Number,
            Literal::Text(t) => {
                matches!(ty, FactType::Text | FactType::Set)
                    || (ty == FactType::Date && t.parse::<NaiveDate>().is_ok())
            }
            Literal::Date(_) => ty == FactType::Date,
        }
    }

    /// The value's own type as people read it (for messages).
    pub fn type_name(&self) -> &'static str {
        match self {
            Literal::Bool(_) => "bool",
            Literal::Number(_) => "number",
            Literal::Text(t) if t.parse::<NaiveDate>().is_ok() => "date",
            Literal::Text(_) => "text",
            Literal::Date(_) => "date",
        }
    }
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Bool(b) => write!(f, "{b}"),
            Literal::Number(n) => write_number(f, *n),
            Literal::Text(t) => f.write_str(t),
            Literal::Date(d) => d.fmt(f),
        }
    }
}

/// The outcome of evaluating a condition with an explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConditionOutcome {
    /// Whether the condition holds.
    pub holds: bool,
    /// When it does not: the first failing comparison.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<ConditionFailure>,
}

/// The first comparison that made a condition fail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConditionFailure {
    /// Where in the condition (relative to the condition itself, e.g. `/all/1`).
    pub at: Pointer,
    /// The fact tested.
    pub fact: String,
    /// The fact's actual value (absent when not known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<FactValue>,
    /// What the comparison needs, e.g. `≥ 8` (`not ≥ 8` under a `not`).
    pub needs: String,
    /// One line for people: `weeks_since_first_absence = 6, needs ≥ 8`.
    pub message: String,
}

impl Condition {
    /// A comparison condition.
    pub fn compare(fact: impl Into<String>, test: Test) -> Self {
        Condition::Compare(Comparison {
            fact: FactName::new(fact),
            test,
        })
    }

    /// Whether the condition holds for `facts` (fast, no explanation).
    pub fn holds(&self, facts: &FactSet) -> bool {
        match self {
            Condition::All(parts) => parts.iter().all(|c| c.holds(facts)),
            Condition::Any(parts) => parts.iter().any(|c| c.holds(facts)),
            Condition::Not(inner) => !inner.holds(facts),
            Condition::Compare(cmp) => cmp.holds(facts),
        }
    }

    /// Whether the condition holds, and if not, the first failing comparison with the actual value.
    pub fn explain(&self, facts: &FactSet) -> ConditionOutcome {
        let failure = self.first_failure(facts, &Pointer::root(), false);
        ConditionOutcome {
            holds: failure.is_none(),
            failure,
        }
    }

    /// Every comparison in the condition, with its place (relative to the condition), in document
    /// order.
    pub fn comparisons(&self) -> Vec<(Pointer, &Comparison)> {
        let mut out = Vec::new();
        self.collect(&Pointer::root(), &mut out);
        out
    }

    /// Call `f` with every comparison of the condition, in document order (no places: the
    /// walk allocates nothing).
    pub fn for_each_comparison<'a>(&'a self, f: &mut impl FnMut(&'a Comparison)) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|c| c.for_each_comparison(f));
            }
            Condition::Not(inner) => inner.for_each_comparison(f),
            Condition::Compare(cmp) => f(cmp),
        }
    }

    fn collect<'a>(&'a self, at: &Pointer, out: &mut Vec<(Pointer, &'a Comparison)>) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => {
                let key = if matches!(self, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                for (i, c) in parts.iter().enumerate() {
                    c.collect(&at.key(key).index(i), out);
                }
            }
            Condition::Not(inner) => inner.collect(&at.key("not"), out),
            Condition::Compare(cmp) => out.push((at.clone(), cmp)),
        }
    }

    /// The first failure when the condition should hold (`negated == false`) or should not hold.
    fn first_failure(
        &self,
        facts: &FactSet,
        at: &Pointer,
        negated: bool,
    ) -> Option<ConditionFailure> {
        match (self, negated) {
            (Condition::All(parts), false) | (Condition::Any(parts), true) => {
                let key = if negated { "any" } else { "all" };
                parts
                    .iter()
                    .enumerate()
                    .find_map(|(i, c)| c.first_failure(facts, &at.key(key).index(i), negated))
            }
            (Condition::Any(parts), false) | (Condition::All(parts), true) => {
                let key = if negated { "all" } else { "any" };
                let mut first = None;
                for (i, c) in parts.iter().enumerate() {
                    match c.first_failure(facts, &at.key(key).index(i), negated) {
                        None => return None,
                        Some(f) => {
                            first.get_or_insert(f);
                        }
                    }
                }
                Some(first.unwrap_or_else(|| ConditionFailure {
                    at: at.key(key),
                    fact: String::new(),
                    actual: None,
                    needs: if negated {
                        "a part that does not hold".to_owned()
                    } else {
                        "at least one part".to_owned()
                    },
                    message: format!("`{key}` is empty"),
                }))
            }
            (Condition::Not(inner), _) => inner.first_failure(facts, &at.key("not"), !negated),
            (Condition::Compare(cmp), _) => {
                if cmp.holds(facts) != negated {
                    return None;
                }
                let actual = facts.get_named(&cmp.fact).cloned();
                let needs = if negated {
                    format!("not {}", cmp.needs(facts))
                } else {
                    cmp.needs(facts)
                };
                let shown = actual
                    .as_ref()
                    .map_or_else(|| "not known".to_owned(), ToString::to_string);
                Some(ConditionFailure {
                    at: at.clone(),
                    message: format!("{} = {shown}, needs {needs}", cmp.fact),
                    fact: cmp.fact.to_string(),
                    actual,
                    needs,
                })
            }
        }
    }
}

impl Comparison {
    /// Whether the comparison holds for `facts`.
    pub fn holds(&self, facts: &FactSet) -> bool {
        let Some(value) = facts.get_named(&self.fact) else {
            return matches!(self.test, Test::Known(false));
        };
        match &self.test {
            Test::Known(k) => *k,
            Test::Eq(l) => equal(value, l, facts) == Some(true),
            Test::Ne(l) => equal(value, l, facts) == Some(false),
            Test::Lt(l) => order(value, l, facts) == Some(Ordering::Less),
            Test::Lte(l) => matches!(
                order(value, l, facts),
                Some(Ordering::Less | Ordering::Equal)
            ),
            Test::Gt(l) => order(value, l, facts) == Some(Ordering::Greater),
            Test::Gte(l) => matches!(
                order(value, l, facts),
                Some(Ordering::Greater | Ordering::Equal)
            ),
            Test::In(ls) => ls.iter().any(|l| equal(value, l, facts) == Some(true)),
            Test::NotIn(ls) => ls.iter().all(|l| equal(value, l, facts) == Some(false)),
            Test::Contains(l) => contains(value, l) == Some(true),
            Test::ContainsAny(ls) => ls.iter().any(|l| contains(value, l) == Some(true)),
        }
    }

    /// What the comparison needs, as people read it (`≥ 8`, `≤ 2025-03-01 (as_of − 2 weeks)`).
    pub fn needs(&self, facts: &FactSet) -> String {
        let show = |l: &Literal| match l {
            Literal::Date(expr) => match expr.resolve(facts) {
                Some(d) => format!("{d} ({expr})"),
                None => format!("{expr} (not known)"),
            },
            other => other.to_string(),
        };
        match &self.test {
            Test::Known(_) => self.test.symbol().to_owned(),
            Test::In(ls) | Test::NotIn(ls) | Test::ContainsAny(ls) => format!(
                "{} [{}]",
                self.test.symbol(),
                ls.iter().map(show).collect::<Vec<_>>().join(", ")
            ),
            Test::Eq(l)
            | Test::Ne(l)
            | Test::Lt(l)
            | Test::Lte(l)
            | Test::Gt(l)
            | Test::Gte(l)
            | Test::Contains(l) => format!("{} {}", self.test.symbol(), show(l)),
        }
    }
}

/// The literal as a value of the fact's type (None: wrong type, or a date that is not known).
fn resolve<'a>(literal: &'a Literal, ty: FactType, facts: &FactSet) -> Option<Resolved<'a>> {
    match (literal, ty) {
        (Literal::Bool(b), FactType::Bool) => Some(Resolved::Bool(*b)),
        (Literal::Number(n), FactType::Number) => Some(Resolved::Number(*n)),
        (Literal::Text(t), FactType::Date) => t.parse().ok().map(Resolved::Date),
        (Literal::Date(expr), FactType::Date) => expr.resolve(facts).map(Resolved::Date),
        (Literal::Text(t), FactType::Text | FactType::Set) => Some(Resolved::Text(t)),
        _ => None,
    }
}

enum Resolved<'a> {
    Bool(bool),
    Number(f64),
    Date(NaiveDate),
    Text(&'a str),
}

fn equal(value: &FactValue, literal: &Literal, facts: &FactSet) -> Option<bool> {
    match (value, resolve(literal, value.fact_type(), facts)?) {
        (FactValue::Bool(a), Resolved::Bool(b)) => Some(a == &b),
        (FactValue::Number(a), Resolved::Number(b)) => Some(a == &b),
        (FactValue::Date(a), Resolved::Date(b)) => Some(a == &b),
        (FactValue::Text(a), Resolved::Text(b)) => Some(a == b),
        _ => None,
    }
}

fn order(value: &FactValue, literal: &Literal, facts: &FactSet) -> Option<Ordering> {
    match (value, resolve(literal, value.fact_type(), facts)?) {
        (FactValue::Number(a), Resolved::Number(b)) => a.partial_cmp(&b),
        (FactValue::Date(a), Resolved::Date(b)) => Some(a.cmp(&b)),
        _ => None,
    }
}

fn contains(value: &FactValue, literal: &Literal) -> Option<bool> {
    match (value, literal) {
        (FactValue::Set(words), Literal::Text(t)) => {
            Some(words.binary_search_by(|w| w.as_ref().cmp(t)).is_ok())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> FactSet {
        let mut f = FactSet::new("2025-03-10".parse().unwrap());
        f.insert("weeks_since_first_absence", FactValue::Number(6.0));
        f.insert(
            "first_day_of_absence",
            FactValue::Date("2025-01-27".parse().unwrap()),
        );
        f.insert("conditions", FactValue::set(["mental", "musculoskeletal"]));
        f.insert("employed", FactValue::Bool(true));
        f
    }

    fn cond(json: &str) -> Condition {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn explains_first_failing_comparison_with_actual_value() {
        let c = cond(
            r#"{"all": [{"fact": "employed", "eq": true},
                        {"fact": "weeks_since_first_absence", "gte": 8}]}"#,
        );
        let out = c.explain(&facts());
        assert!(!out.holds);
        let f = out.failure.unwrap();
        assert_eq!(f.message, "weeks_since_first_absence = 6, needs ≥ 8");
        assert_eq!(f.at.to_string(), "/all/1");
        assert_eq!(f.actual, Some(FactValue::Number(6.0)));
        assert!(!c.holds(&facts()));
    }

    #[test]
    fn date_arithmetic_relative_to_as_of_and_anchor() {
        let f = facts();
        // 2025-01-27 + 8 weeks = 2025-03-24 > as_of
        assert!(cond(
            r#"{"fact": "first_day_of_absence", "gte": {"date": "as_of", "plus_weeks": -6}}"#
        )
        .holds(&f));
        assert!(!cond(
            r#"{"fact": "first_day_of_absence", "lte": {"date": "as_of", "plus_weeks": -8}}"#
        )
        .holds(&f));
        assert!(cond(r#"{"fact": "first_day_of_absence", "eq": "2025-01-27"}"#).holds(&f));
        let anchor = cond(
            r#"{"fact": "first_day_of_absence", "lt": {"date": "first_day_of_absence", "plus_days": 1}}"#,
        );
        assert!(anchor.holds(&f));
        let out = cond(r#"{"fact": "first_day_of_absence", "gt": {"date": "first_day_of_absence", "plus_weeks": 8}}"#).explain(&f);
        assert_eq!(
            out.failure.unwrap().needs,
            "> 2025-03-24 (first_day_of_absence + 8 weeks)"
        );
    }

    #[test]
    fn sets_membership_and_unknown_facts() {
        let f = facts();
        assert!(cond(r#"{"fact": "conditions", "contains": "mental"}"#).holds(&f));
        assert!(cond(r#"{"fact": "conditions", "contains_any": ["cancer", "mental"]}"#).holds(&f));
        assert!(!cond(r#"{"fact": "conditions", "contains": "cancer"}"#).holds(&f));
        assert!(!cond(r#"{"fact": "expected_return", "ne": "2025-01-01"}"#).holds(&f));
        assert!(cond(r#"{"fact": "expected_return", "known": false}"#).holds(&f));
        let not = cond(r#"{"not": {"fact": "employed", "eq": true}}"#).explain(&f);
        assert_eq!(
            not.failure.unwrap().message,
            "employed = true, needs not = true"
        );
        let any = cond(r#"{"any": []}"#).explain(&f);
        assert!(!any.holds);
        assert!(cond(r#"{"all": []}"#).holds(&f));
    }

    #[test]
    fn rejects_malformed_conditions_and_round_trips() {
        for bad in [
            r#"{"fact": "x"}"#,
            r#"{"fact": "x", "eq": 1, "gt": 2}"#,
            r#"{"all": [], "fact": "x", "eq": 1}"#,
            r#"{"all": [], "eq": 1}"#,
            r#"{"fact": "x", "between": 1}"#,
        ] {
            assert!(serde_json::from_str::<Condition>(bad).is_err(), "{bad}");
        }
        let c = cond(
            r#"{"any": [{"not": {"fact": "a", "in": [1, 2]}}, {"fact": "b", "lte": {"date": "as_of", "plus_weeks": -2}}]}"#,
        );
        let back: Condition = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
    }
}
