//! Testing a pack: its invariants on one evaluation, its example tests, and (feature `proptest`)
//! its invariants on generated cases with a shrunk counterexample.

use super::condition::ConditionFailure;
use super::evaluate::{evaluate_facts, DeadlineStatus, Evaluation};
use super::pack::{Expectation, RulePack};
use crate::case_file::CaseFile;
use crate::check::CheckedCase;
use crate::facts::case_facts;
use crate::reference::ReferenceData;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt::Debug;

/// An invariant that does not hold for one evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InvariantViolation {
    /// The invariant's id.
    pub invariant: String,
    /// Its title in English.
    pub title_en: String,
    /// Its title in Danish.
    pub title_da: String,
    /// Why it fails: the first failing comparison of its `then`.
    pub failure: ConditionFailure,
    /// The failure in words (what the invariant asks for), when it can be said.
    pub words: Option<crate::text::Text>,
}

impl InvariantViolation {
    /// The violation as one sentence in each language: the invariant's title and what fails.
    pub fn describe(&self) -> crate::text::Text {
        let (da, en) = match &self.words {
            Some(w) => (w.da.clone(), w.en.clone()),
            None => (
                "betingelsen er ikke opfyldt".to_owned(),
                self.failure.message.clone(),
            ),
        };
        crate::text::Text {
            da: format!("{}: {da}", self.title_da),
            en: format!("{}: {en}", self.title_en),
        }
    }
}

/// Evaluate under the pack (with its transitions to the earlier packs in `reference.rule_packs`)
/// and check every invariant of the pack; the violations in pack order.
pub fn evaluate_checked(
    pack: &RulePack,
    case: &CheckedCase,
    reference: &ReferenceData,
    as_of: NaiveDate,
) -> (Evaluation, Vec<InvariantViolation>) {
    let mut facts = case_facts(case.case(), as_of);
    facts.set_calendar(std::sync::Arc::new(reference.calendar.clone()));
    let evaluation = if pack.transitions.is_empty() {
        evaluate_facts(pack, case, reference, &facts, false)
    } else {
        let law = super::law::LawChoice {
            pack: Some(pack),
            given: false,
            jurisdiction: pack.jurisdiction.clone(),
            as_of,
        };
        super::law::evaluate_under_law_facts(
            &law,
            &reference.rule_packs,
            case,
            reference,
            &facts,
            false,
        )
    };
    evaluation.add_result_facts(&mut facts);
    let in_force = evaluation.pack_in_force;
    let violations = pack
        .invariants
        .iter()
        .filter(|_| in_force)
        .filter(|inv| inv.when.as_ref().is_none_or(|w| w.holds(&facts)))
        .filter_map(|inv| {
            inv.then
                .explain(&facts)
                .failure
                .map(|failure| InvariantViolation {
                    invariant: inv.id.clone(),
                    title_en: inv.title_en.clone(),
                    title_da: inv.title_da.clone(),
                    words: crate::text::condition::failure_words(
                        &reference.vocabularies,
                        &inv.then,
                        &failure,
                    ),
                    failure,
                })
        })
        .collect();
    (evaluation, violations)
}

/// The outcome of one example test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExampleOutcome {
    /// The test's name.
    pub name: String,
    /// Whether the result matched the expectation.
    pub passed: bool,
    /// What differed, one line each (English).
    pub mismatches: Vec<String>,
    /// The same lines in Danish.
    pub mismatches_da: Vec<String>,
}

fn compare<T: Ord>(
    what: (&str, &str),
    expected: Option<impl IntoIterator<Item = T>>,
    actual: impl IntoIterator<Item = T>,
    show: impl Fn(&T) -> String,
    out: &mut Vec<crate::text::Text>,
) {
    if let Some(expected) = expected {
        let e: BTreeSet<T> = expected.into_iter().collect();
        let a: BTreeSet<T> = actual.into_iter().collect();
        if e != a {
            let list = |set: &BTreeSet<T>, none: &str| {
                if set.is_empty() {
                    none.to_owned()
                } else {
                    set.iter().map(&show).collect::<Vec<_>>().join(", ")
                }
            };
            out.push(crate::text::Text {
                da: format!(
                    "{}: forventet {}, resultat {}",
                    what.0,
                    list(&e, "ingen"),
                    list(&a, "ingen")
                ),
                en: format!(
                    "{}: expected {}, got {}",
                    what.1,
                    list(&e, "none"),
                    list(&a, "none")
                ),
            });
        }
    }
}

/// What differs between an expectation and an evaluation, one line each in both languages (the
/// expected and actual values as the pack writes them).
pub fn mismatches(expect: &Expectation, ev: &Evaluation) -> Vec<crate::text::Text> {
    let mut out = Vec::new();
    if let Some(level) = expect.level {
        let got = ev.level.as_ref().map(|l| l.level);
        if got != level {
            use crate::category::Language::{Da, En};
            let show = |l: Option<crate::rules::CoordinationLevel>, lang| {
                l.map_or(crate::text::pick(lang, "intet niveau", "no level"), |l| {
                    l.label(lang)
                })
            };
            out.push(crate::text::Text {
                da: format!(
                    "koordineringsniveau: forventet {}, resultat {}",
                    show(level, Da),
                    show(got, Da)
                ),
                en: format!("level: expected {}, got {}", show(level, En), show(got, En)),
            });
        }
    }
    compare(
        ("krævede roller", "required_roles"),
        expect.required_roles.clone(),
        ev.required_roles.iter().map(|r| r.role.clone()),
        |r| r.word().to_owned(),
        &mut out,
    );
    compare(
        ("henvisninger", "referrals"),
        expect.referrals.clone(),
        ev.referrals.iter().map(|r| r.target.clone()),
        |t| t.word().to_owned(),
        &mut out,
    );
    compare(
        ("frister", "deadlines"),
        expect.deadlines.clone(),
        ev.deadlines.iter().map(|d| d.task.clone()),
        Clone::clone,
        &mut out,
    );
    compare(
        ("overskredne frister", "overdue"),
        expect.overdue.clone(),
        ev.deadlines
            .iter()
            .filter(|d| d.status == DeadlineStatus::Overdue)
            .map(|d| d.task.clone()),
        Clone::clone,
        &mut out,
    );
    compare(
        ("advarsler", "warnings"),
        expect.warnings.clone(),
        ev.warnings.iter().map(|w| w.code.clone()),
        Clone::clone,
        &mut out,
    );
    compare(
        ("udløste regler", "fired"),
        expect.fired.clone(),
        ev.fired.iter().cloned(),
        |r| r.to_string(),
        &mut out,
    );
    if let Some(due) = &expect.due {
        for (task, day) in due {
            let got: Vec<NaiveDate> = ev
                .deadlines
                .iter()
                .filter(|d| &d.task == task)
                .map(|d| d.due)
                .collect();
            if !got.contains(day) {
                use crate::category::Language::Da;
                let days = |lang| {
                    if got.is_empty() {
                        crate::text::pick(lang, "ingen", "none").to_owned()
                    } else {
                        got.iter()
                            .map(|d| crate::text::date_long(lang, *d))
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                };
                out.push(crate::text::Text {
                    da: format!(
                        "frist for `{task}`: forventet {}, resultat {}",
                        crate::text::date_long(Da, *day),
                        days(Da)
                    ),
                    en: format!(
                        "due `{task}`: expected {day}, got {}",
                        got.iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
            }
        }
    }
    out
}

/// Run the pack's example tests (a test whose case fails the case-file check fails).
pub fn run_examples(pack: &RulePack, reference: &ReferenceData) -> Vec<ExampleOutcome> {
    pack.tests
        .iter()
        .map(|test| {
            let lines: Vec<crate::text::Text> = match CheckedCase::new(test.case.clone(), reference)
            {
                Err(errors) => errors
                    .iter()
                    .map(|e| crate::text::Text {
                        da: format!(
                            "eksempelsagen er ugyldig ({} ved {})",
                            e.code(),
                            e.pointer()
                        ),
                        en: format!("the case is invalid: {e}"),
                    })
                    .collect(),
                Ok(case) => {
                    let (ev, violations) = evaluate_checked(pack, &case, reference, test.as_of);
                    let mut m = mismatches(&test.expect, &ev);
                    m.extend(violations.iter().map(|v| {
                        let d = v.describe();
                        crate::text::Text {
                            da: format!("invarianten `{}` holder ikke: {}", v.invariant, d.da),
                            en: format!("invariant `{}` fails: {}", v.invariant, v.failure.message),
                        }
                    }));
                    m
                }
            };
            ExampleOutcome {
                name: test.name.clone(),
                passed: lines.is_empty(),
                mismatches_da: lines.iter().map(|t| t.da.clone()).collect(),
                mismatches: lines.into_iter().map(|t| t.en).collect(),
            }
        })
        .collect()
}

/// A generated case on which an invariant fails, shrunk to a minimal one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counterexample {
    /// The failing invariant (or `case_file_check` if the generated case was invalid).
    pub invariant: String,
    /// Why it fails (English).
    pub message: String,
    /// Why it fails, in Danish (the invariant's title and what it asks for in words).
    pub message_da: String,
    /// The evaluation date to replay with (`coord evaluate CASE --as-of …`).
    pub as_of: NaiveDate,
    /// The minimal case.
    pub case: CaseFile,
}

/// The outcome of checking invariants on generated cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PropertyRun {
    /// The seed (reuse it to get the same cases).
    pub seed: u64,
    /// How many cases were asked for.
    pub cases: u32,
    /// How many invariants were checked on each.
    pub invariants: usize,
    /// Whether every invariant held on every case.
    pub passed: bool,
    /// The shrunk counterexample when one failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterexample: Option<Counterexample>,
}

/// The invariant failures (or invalidity) of one generated case, as one message in each
/// language.
#[cfg(feature = "proptest")]
fn failures(
    pack: &RulePack,
    reference: &ReferenceData,
    case: &CaseFile,
    as_of: NaiveDate,
) -> Option<(String, crate::text::Text)> {
    match CheckedCase::new(case.clone(), reference) {
        Err(errors) => Some((
            "case_file_check".to_owned(),
            crate::text::Text {
                da: errors
                    .iter()
                    .map(|e| format!("sagen er ugyldig ({} ved {})", e.code(), e.pointer()))
                    .collect::<Vec<_>>()
                    .join("; "),
                en: errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            },
        )),
        Ok(checked) => {
            let (_, violations) = evaluate_checked(pack, &checked, reference, as_of);
            violations.first().map(|v| {
                let d = v.describe();
                (
                    v.invariant.clone(),
                    crate::text::Text {
                        da: d.da,
                        en: format!("{}: {}", v.title_en, v.failure.message),
                    },
                )
            })
        }
    }
}

/// Generate `cases` cases from `seed`, check every invariant of `pack` on each, and shrink the
/// first failure to a minimal counterexample. Deterministic in its arguments.
#[cfg(feature = "proptest")]
pub fn check_generated(
    pack: &RulePack,
    reference: &ReferenceData,
    seed: u64,
    cases: u32,
) -> PropertyRun {
    use proptest::test_runner::{
        Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner,
    };
    let mut bytes = [0u8; 32];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        chunk.copy_from_slice(&(seed.wrapping_add(i as u64)).to_le_bytes());
    }
    let config = Config {
        cases,
        failure_persistence: None,
        // Shrink to the end: proptest prints to stderr when it stops early, and the core never prints.
        max_shrink_iters: 1_000_000,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes));
    let strategy = crate::strategies::rules::case_with_date(pack.valid, &reference.vocabularies);
    let result = runner.run(&strategy, |(case, as_of)| {
        match failures(pack, reference, &case, as_of) {
            None => Ok(()),
            Some((id, message)) => Err(TestCaseError::fail(format!("{id}: {}", message.en))),
        }
    });
    let counterexample = match result {
        Ok(()) => None,
        Err(TestError::Fail(_, (case, as_of))) => {
            let (invariant, message) =
                failures(pack, reference, &case, as_of).unwrap_or_else(|| {
                    (
                        "unknown".to_owned(),
                        crate::text::Text::new(
                            "fejlen kunne ikke gentages",
                            "the failure did not reproduce",
                        ),
                    )
                });
            Some(Counterexample {
                invariant,
                message: message.en,
                message_da: message.da,
                as_of,
                case,
            })
        }
        Err(TestError::Abort(reason)) => Some(Counterexample {
            invariant: "generator".to_owned(),
            message: reason.to_string(),
            message_da: "sagsgeneratoren gav op (for mange afviste sager)".to_owned(),
            as_of: pack.valid.from,
            case: crate::strategies::rules::empty_case(),
        }),
    };
    PropertyRun {
        seed,
        cases,
        invariants: pack.invariants.len(),
        passed: counterexample.is_none(),
        counterexample,
    }
}
