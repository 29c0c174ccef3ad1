//! Referral and coordination rules: a condition language over case facts, dated rule packs, a
//! validator, explained evaluation and property-tested invariants.
//!
//! - [`value`]: fact values, types and fact sets.
//! - [`condition`]: the condition language and its explained evaluation.

pub mod condition;
pub mod value;

pub use condition::{
    Comparison, Condition, ConditionFailure, ConditionOutcome, DateExpr, Literal, Test,
};
pub use value::{FactSet, FactType, FactValue};
