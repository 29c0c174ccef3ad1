//! What `rules check` and `rules test` answer: the validator's findings counted, and a pack's
//! example tests and invariants on generated cases. Computed here so every adapter reports the
//! same thing.

use super::testing::{ExampleOutcome, PropertyRun};
#[cfg(feature = "proptest")]
use super::{testing::run_examples, RulePack};
use super::{PackFinding, Severity};
#[cfg(feature = "proptest")]
use crate::reference::ReferenceData;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The validator's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackCheck {
    /// Whether no finding is an error.
    pub valid: bool,
    /// How many errors.
    pub errors: usize,
    /// How many warnings.
    pub warnings: usize,
    /// Every finding, with the pack it is in (`pack`, the index in the order given) and the place
    /// inside that pack (`pointer`, never led by the index).
    pub findings: Vec<PackFinding>,
}

impl PackCheck {
    /// Count a list of findings whose pointers start with the pack's index (`/<pack index>/…`, as
    /// [`validate_packs`](super::validate::validate_packs) gives them): each finding is answered
    /// with that index in `pack` and its place inside the pack in `pointer`.
    pub fn summarise(mut findings: Vec<PackFinding>) -> PackCheck {
        for f in &mut findings {
            if f.pack.is_some() {
                continue;
            }
            let text = f.pointer.to_string();
            let mut parts = text.splitn(3, '/').skip(1);
            if let Some(Ok(index)) = parts.next().map(str::parse::<usize>) {
                f.pack = Some(index);
                f.pointer = crate::pointer::Pointer::parse(
                    &parts.next().map(|r| format!("/{r}")).unwrap_or_default(),
                );
            }
        }
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        PackCheck {
            valid: errors == 0,
            errors,
            warnings: findings.len() - errors,
            findings,
        }
    }
}

/// What `rules test` found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackTestReport {
    /// The pack tested.
    pub pack: String,
    /// Whether every example passed and every invariant held.
    pub passed: bool,
    /// The example tests.
    pub examples: Vec<ExampleOutcome>,
    /// The invariants on generated cases.
    pub property: PropertyRun,
}

/// Test a (valid) pack: its example tests, and its invariants on `cases` cases generated from
/// `seed` (the same seed gives the same cases).
#[cfg(feature = "proptest")]
pub fn test_pack(
    pack: &RulePack,
    reference: &ReferenceData,
    seed: u64,
    cases: u32,
) -> PackTestReport {
    let examples = run_examples(pack, reference);
    let property = super::testing::check_generated(pack, reference, seed, cases);
    PackTestReport {
        pack: pack.id.to_string(),
        passed: property.passed && examples.iter().all(|e| e.passed),
        examples,
        property,
    }
}
