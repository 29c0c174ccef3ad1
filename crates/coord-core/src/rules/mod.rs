//! Referral and coordination rules: a condition language over case facts, dated rule packs, a
//! validator, explained evaluation and property-tested invariants.
//!
//! - [`value`]: fact values, types and fact sets.
//! - [`facts`]: the fact catalogue and the facts of a case as of a date.
//! - [`condition`]: the condition language and its explained evaluation.
//! - [`date_expr`]: the date language (counted weeks, months, working days, earliest/latest of,
//!   the cumulative window of the sickness-benefit duration limit).
//! - [`action`]: what rules do; [`pack`]: rule packs with invariants and example tests.
//! - [`evaluate`](mod@evaluate): evaluation with priorities and a trace.
//! - [`testing`]: invariants, example tests and generated-case checks.
//! - [`diff`]: what changes between two packs over the same cases (`rules diff`).
//! - [`compile`]: a pack prepared for many cases (only the facts it uses are computed).
//! - [`validate`]: the pack validator (codes and pointers).
//! - [`law`]: which pack is in force for a jurisdiction on a date, the banner when none is, and
//!   evaluation under the law that applies to a case (with [`transition`]s and announcements).

pub mod action;
pub mod compile;
pub mod condition;
mod condition_json;
pub mod date_expr;
pub mod diff;
pub mod evaluate;
pub use crate::facts;
mod intervals;
pub mod law;
pub mod pack;
pub mod reports;
pub mod testing;
pub mod transition;
pub mod validate;
pub use crate::facts::value;

pub use action::{CoordinationLevel, ReferralTarget, RuleAction};
pub use condition::{
    Comparison, Condition, ConditionFailure, ConditionOutcome, DateExpr, Literal, Test,
};
pub use date_expr::{CumulativeWindow, DateSource};
pub use evaluate::{evaluate, Evaluation};
pub use pack::{pack_in_force, Rule, RulePack};
pub use reports::{PackCheck, PackTestReport};
pub use validate::{validate_pack, validate_packs, PackFinding, Severity, ValidationOptions};
pub use value::{FactSet, FactType, FactValue};
