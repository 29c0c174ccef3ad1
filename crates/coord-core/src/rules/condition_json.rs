//! The JSON form of a [`Condition`]: one object with exactly one of `all`, `any`, `not` or
//! `fact` plus one operator, checked on reading (see [`ConditionShapeError`]).

use super::condition::{Comparison, Condition, Literal, Test};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The JSON form of a condition: exactly one of the keys is given.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    /// Every part holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    /// At least one part holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
    /// The part does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
    /// The fact to test (with exactly one operator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// Equal to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eq: Option<Literal>,
    /// Not equal to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ne: Option<Literal>,
    /// Less than.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lt: Option<Literal>,
    /// Less than or equal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lte: Option<Literal>,
    /// Greater than.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gt: Option<Literal>,
    /// Greater than or equal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gte: Option<Literal>,
    /// One of.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub in_: Option<Vec<Literal>>,
    /// None of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_in: Option<Vec<Literal>>,
    /// A set fact contains the word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains: Option<Literal>,
    /// A set fact contains one of the words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains_any: Option<Vec<Literal>>,
    /// The fact is known (or not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known: Option<bool>,
}

/// Why a JSON condition does not have the shape of a condition.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConditionShapeError {
    /// Not exactly one of `all`, `any`, `not`, `fact`.
    #[error("a condition needs exactly one of `all`, `any`, `not` or `fact`")]
    Head,
    /// An operator without a `fact`.
    #[error("the operator `{operator}` needs a `fact`, not `all`/`any`/`not`")]
    OperatorWithoutFact {
        /// The operator.
        operator: &'static str,
    },
    /// A comparison without an operator.
    #[error("a comparison needs one operator: eq, ne, lt, lte, gt, gte, in, not_in, contains, contains_any or known")]
    NoOperator {
        /// The fact.
        fact: String,
    },
    /// A comparison with two operators.
    #[error(
        "a comparison has two operators (`{first}` and `{second}`); use `all` to combine them"
    )]
    TwoOperators {
        /// The fact.
        fact: String,
        /// The first operator.
        first: &'static str,
        /// The second operator.
        second: &'static str,
    },
}

impl TryFrom<RawCondition> for Condition {
    type Error = ConditionShapeError;

    fn try_from(raw: RawCondition) -> Result<Self, ConditionShapeError> {
        let RawCondition {
            all,
            any,
            not,
            fact,
            eq,
            ne,
            lt,
            lte,
            gt,
            gte,
            in_,
            not_in,
            contains,
            contains_any,
            known,
        } = raw;
        let tests: Vec<Test> = [
            eq.map(Test::Eq),
            ne.map(Test::Ne),
            lt.map(Test::Lt),
            lte.map(Test::Lte),
            gt.map(Test::Gt),
            gte.map(Test::Gte),
            in_.map(Test::In),
            not_in.map(Test::NotIn),
            contains.map(Test::Contains),
            contains_any.map(Test::ContainsAny),
            known.map(Test::Known),
        ]
        .into_iter()
        .flatten()
        .collect();
        let heads = usize::from(all.is_some())
            + usize::from(any.is_some())
            + usize::from(not.is_some())
            + usize::from(fact.is_some());
        if heads != 1 {
            return Err(ConditionShapeError::Head);
        }
        if let (None, Some(first)) = (&fact, tests.first()) {
            return Err(ConditionShapeError::OperatorWithoutFact {
                operator: first.key(),
            });
        }
        if let Some(parts) = all {
            return Ok(Condition::All(parts));
        }
        if let Some(parts) = any {
            return Ok(Condition::Any(parts));
        }
        if let Some(inner) = not {
            return Ok(Condition::Not(inner));
        }
        let fact = fact.unwrap_or_default();
        let mut tests = tests.into_iter();
        match (tests.next(), tests.next()) {
            (Some(test), None) => Ok(Condition::Compare(Comparison {
                fact: fact.into(),
                test,
            })),
            (None, _) => Err(ConditionShapeError::NoOperator { fact }),
            (Some(a), Some(b)) => Err(ConditionShapeError::TwoOperators {
                fact,
                first: a.key(),
                second: b.key(),
            }),
        }
    }
}

impl From<Condition> for RawCondition {
    fn from(c: Condition) -> Self {
        match c {
            Condition::All(parts) => RawCondition {
                all: Some(parts),
                ..Default::default()
            },
            Condition::Any(parts) => RawCondition {
                any: Some(parts),
                ..Default::default()
            },
            Condition::Not(inner) => RawCondition {
                not: Some(inner),
                ..Default::default()
            },
            Condition::Compare(Comparison { fact, test }) => {
                let mut raw = RawCondition {
                    fact: Some(fact.into()),
                    ..Default::default()
                };
                match test {
                    Test::Eq(l) => raw.eq = Some(l),
                    Test::Ne(l) => raw.ne = Some(l),
                    Test::Lt(l) => raw.lt = Some(l),
                    Test::Lte(l) => raw.lte = Some(l),
                    Test::Gt(l) => raw.gt = Some(l),
                    Test::Gte(l) => raw.gte = Some(l),
                    Test::In(ls) => raw.in_ = Some(ls),
                    Test::NotIn(ls) => raw.not_in = Some(ls),
                    Test::Contains(l) => raw.contains = Some(l),
                    Test::ContainsAny(ls) => raw.contains_any = Some(ls),
                    Test::Known(k) => raw.known = Some(k),
                }
                raw
            }
        }
    }
}

impl JsonSchema for Condition {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Condition".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        RawCondition::json_schema(generator)
    }
}
