//! The `rules-diff` call: what changes between two rule packs over the same cases on one date.

use super::rules::DEFAULT_CASES;
use crate::envelope::{Answer, Problem};
use crate::reference::ReferenceOverrides;
use crate::shared::Shared;
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::pointer::Pointer;
use coord_core::reference::ReferenceData;
use coord_core::rules::diff::{diff_cases, diff_generated, PackDiff};
use coord_core::rules::RulePack;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::pack_ref::PackRef;

/// The cases to compare on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum DiffCases {
    /// Cases generated with the rule generators from a seed.
    Generated {
        /// How many (default 10,000).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cases: Option<u32>,
        /// The seed (the same seed gives the same cases).
        seed: u64,
    },
    /// The caller's own cases.
    Given(Vec<CaseFile>),
}

/// Compare two packs over the same cases on one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesDiffCall {
    /// Pack A (the earlier law, as a rule).
    pub a: PackRef,
    /// Pack B.
    pub b: PackRef,
    /// The cases.
    pub cases: DiffCases,
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// Reference data replacing built-in parts (including the rule packs ids name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
}

/// The most cases one call generates.
pub const MAX_GENERATED: u32 = 1_000_000;

fn resolve(r: PackRef, reference: &ReferenceData, at: &str) -> Result<RulePack, Vec<Problem>> {
    super::pack_ref::resolve_pack(Some(r), reference, &Pointer::root().key(at))?
        .ok_or_else(Vec::new)
}

/// Compare two packs.
pub fn rules_diff(call: RulesDiffCall) -> Answer<PackDiff> {
    super::with_builtin(call, rules_diff_with)
}

/// Compare two packs.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn rules_diff_with(shared: &Shared, call: RulesDiffCall) -> Answer<PackDiff> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let a = resolve(call.a, &reference, "a");
        let b = resolve(call.b, &reference, "b");
        let (a, b) = match (a, b) {
            (Ok(a), Ok(b)) => (a, b),
            (a, b) => {
                let mut problems = a.err().unwrap_or_default();
                problems.extend(b.err().unwrap_or_default());
                return Err(problems);
            }
        };
        Ok(match call.cases {
            DiffCases::Generated { cases, seed } => {
                let n = cases.unwrap_or(DEFAULT_CASES);
                if n == 0 || n > MAX_GENERATED {
                    return Err(vec![Problem::new(
                        "rules.diff_cases",
                        format!("/cases/generated/cases: expected a number of cases from 1 to {MAX_GENERATED}"),
                        Some("/cases/generated/cases".to_owned()),
                    )]);
                }
                diff_generated(&a, &b, &reference, call.as_of, n as usize, seed)
            }
            DiffCases::Given(cases) => diff_cases(&a, &b, &reference, call.as_of, &cases),
        })
    })())
}
