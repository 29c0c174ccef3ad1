//! What changes between two rule packs: both run over the same cases on one date (generated, or
//! the municipality's own), and per outcome kind (level, role, deadline, referral, warning) and
//! item, how many cases change and how, with the rules behind it and one example case per change
//! (generated cases are shrunk to a minimal one, replayable with `coord evaluate`).
//!
//! Each pack is applied as a pack given explicitly ([`super::law::choose_law`] with a pack): its
//! rules apply on the date even outside its period, and its transitions to earlier packs (found
//! among the reference packs) apply to the cases they name. So "the 2025 pack against the 2026
//! pack on 1 December 2026" answers: what would the old law require today, and what does the new
//! one?

mod compare;
pub mod words;

use crate::case_file::CaseFile;
use crate::course::TargetGroup;
use crate::ids::RuleId;
use crate::party::Role;
use crate::reference::ReferenceData;
use crate::rules::law::PackSummary;
use crate::rules::pack::RulePack;
use crate::rules::{CoordinationLevel, ReferralTarget};
use crate::text::Text;
use chrono::NaiveDate;
use compare::{Detail, Differ, Found};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The kind of outcome a change is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// The coordination level.
    Level,
    /// A role the case needs.
    Role,
    /// A deadline.
    Deadline,
    /// A proposed referral.
    Referral,
    /// A warning.
    Warning,
}

impl OutcomeKind {
    /// The kind's name in `lang`.
    pub fn label(self, lang: crate::category::Language) -> &'static str {
        let (da, en) = match self {
            OutcomeKind::Level => ("koordineringsniveau", "coordination level"),
            OutcomeKind::Role => ("rolle", "role"),
            OutcomeKind::Deadline => ("frist", "deadline"),
            OutcomeKind::Referral => ("henvisning", "referral"),
            OutcomeKind::Warning => ("advarsel", "warning"),
        };
        crate::text::pick(lang, da, en)
    }
}

/// The item that changes.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Subject {
    /// The coordination level.
    Level,
    /// A required role.
    Role {
        /// The role.
        role: Role,
    },
    /// A deadline, by task.
    Deadline {
        /// The task's name.
        task: String,
    },
    /// A proposed referral, by target.
    Referral {
        /// Where to.
        target: ReferralTarget,
    },
    /// A warning, by code.
    Warning {
        /// The warning's code.
        code: String,
    },
}

/// How the item changes from pack A to pack B.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "change", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    /// Present under B, not under A.
    Appears,
    /// Present under A, not under B.
    Disappears,
    /// A deadline falls due earlier under B (its earliest due date).
    MovesEarlier,
    /// A deadline falls due later under B.
    MovesLater,
    /// The coordination level differs.
    LevelChanges {
        /// Under A (absent: no rule set one).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<CoordinationLevel>,
        /// Under B.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<CoordinationLevel>,
    },
}

/// A group of cases: target group and whether the citizen is employed.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// The target group (absent: none recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_group: Option<TargetGroup>,
    /// Whether the citizen is employed.
    pub employed: bool,
}

/// How many cases of one group there are, and how many of them change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SegmentCount {
    /// The group.
    pub segment: Segment,
    /// Cases of the group that change.
    pub changed: usize,
    /// Cases of the group.
    pub of: usize,
}

/// One example case for a change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DiffExample {
    /// The case (generated cases only: the municipality's own cases are named by number, never
    /// copied into the answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<CaseFile>,
    /// The case's number among the cases given (1 = the first line), for given cases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<usize>,
    /// How many shrinking steps made the generated case smaller (0: not shrunk).
    pub shrink_steps: usize,
    /// For a deadline: its due date under A and under B.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_a: Option<NaiveDate>,
    /// For a deadline: its due date under B.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_b: Option<NaiveDate>,
    /// How to replay it with `coord evaluate`, one command per pack.
    pub replay: Vec<String>,
    /// What the example is and how to replay it, for people.
    pub note: Text,
}

/// One change: an item, how it changes, in how many cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeGroup {
    /// The outcome kind.
    pub kind: OutcomeKind,
    /// The item.
    pub subject: Subject,
    /// How it changes.
    #[serde(flatten)]
    pub change: Change,
    /// Cases that show it.
    pub cases: usize,
    /// Per group of cases (target group × employed), those with at least one changed case.
    pub by_segment: Vec<SegmentCount>,
    /// For a deadline that moves: the smallest and largest move, in days (B minus A).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_days: Option<(i64, i64)>,
    /// Pack A's rules behind the item (in the cases that change).
    pub rules_a: Vec<RuleId>,
    /// Pack B's rules behind the item.
    pub rules_b: Vec<RuleId>,
    /// What changes, without the share ("the deadline … disappears").
    pub what: Text,
    /// The change in one sentence, for an analyst.
    pub sentence: Text,
    /// One example case.
    pub example: DiffExample,
}

/// Where the cases came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "source", rename_all = "snake_case", deny_unknown_fields)]
pub enum DiffSource {
    /// Generated with the rule generators.
    Generated {
        /// How many.
        cases: usize,
        /// The seed (the same seed gives the same cases).
        seed: u64,
    },
    /// Given by the caller.
    Given,
}

/// What changes between two packs over a set of cases on one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackDiff {
    /// Pack A (the old law, as a rule).
    pub a: PackSummary,
    /// Pack B.
    pub b: PackSummary,
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// Where the cases came from.
    pub source: DiffSource,
    /// Cases compared (valid ones).
    pub cases: usize,
    /// Cases left out because they fail the case-file check (their numbers, 1-based).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid: Vec<usize>,
    /// Cases with at least one change.
    pub changed: usize,
    /// Every group of cases with its size.
    pub segments: Vec<SegmentCount>,
    /// The changes, the most frequent first.
    pub changes: Vec<ChangeGroup>,
    /// The opening paragraph, for an analyst.
    pub summary: Text,
    /// What the examples are and how to replay them.
    pub examples_note: Text,
}

/// How many shrinking steps at most per example (each step evaluates both packs once).
pub const SHRINK_STEPS: usize = 400;

#[derive(Default)]
struct Acc {
    cases: usize,
    by_segment: BTreeMap<Segment, usize>,
    rules_a: BTreeSet<RuleId>,
    rules_b: BTreeSet<RuleId>,
    shift: Option<(i64, i64)>,
    words: Option<Text>,
    first: usize,
    due: (Option<NaiveDate>, Option<NaiveDate>),
}

/// The running totals over the cases.
struct Tally {
    cases: usize,
    changed: usize,
    invalid: Vec<usize>,
    segments: BTreeMap<Segment, usize>,
    groups: BTreeMap<(Subject, Change), Acc>,
}

impl Tally {
    fn new() -> Self {
        Tally {
            cases: 0,
            changed: 0,
            invalid: Vec::new(),
            segments: BTreeMap::new(),
            groups: BTreeMap::new(),
        }
    }

    fn add(&mut self, index: usize, outcome: Option<(Segment, Vec<Found>)>) {
        let Some((segment, found)) = outcome else {
            self.invalid.push(index + 1);
            return;
        };
        self.cases += 1;
        *self.segments.entry(segment.clone()).or_default() += 1;
        if !found.is_empty() {
            self.changed += 1;
        }
        let mut seen = BTreeSet::new();
        for (key, d) in found {
            if !seen.insert(key.clone()) {
                continue;
            }
            let Detail {
                rule_a,
                rule_b,
                shift_days,
                words,
                due,
            } = d;
            let acc = self.groups.entry(key).or_insert_with(|| Acc {
                first: index,
                due,
                ..Acc::default()
            });
            acc.cases += 1;
            *acc.by_segment.entry(segment.clone()).or_default() += 1;
            acc.rules_a.extend(rule_a);
            acc.rules_b.extend(rule_b);
            if let Some(s) = shift_days {
                acc.shift = Some(acc.shift.map_or((s, s), |(lo, hi)| (lo.min(s), hi.max(s))));
            }
            if acc.words.is_none() {
                acc.words = words;
            }
        }
    }

    fn finish(
        self,
        differ: &Differ<'_>,
        source: DiffSource,
        mut example: impl FnMut(&(Subject, Change), &Acc) -> DiffExample,
    ) -> PackDiff {
        let segments: Vec<SegmentCount> = self
            .segments
            .iter()
            .map(|(s, n)| SegmentCount {
                segment: s.clone(),
                changed: 0,
                of: *n,
            })
            .collect();
        let mut changes: Vec<ChangeGroup> = self
            .groups
            .iter()
            .map(|(key, acc)| {
                let by_segment: Vec<SegmentCount> = acc
                    .by_segment
                    .iter()
                    .map(|(s, n)| SegmentCount {
                        segment: s.clone(),
                        changed: *n,
                        of: self.segments.get(s).copied().unwrap_or(0),
                    })
                    .collect();
                let (subject, change) = key.clone();
                let sentence = words::sentence(
                    &subject,
                    &change,
                    acc.words.as_ref(),
                    acc.shift,
                    acc.cases,
                    self.cases,
                    &by_segment,
                    &differ.reference.vocabularies,
                );
                let what = Text::new(
                    words::what(
                        &subject,
                        &change,
                        acc.words.as_ref(),
                        acc.shift,
                        crate::category::Language::Da,
                    ),
                    words::what(
                        &subject,
                        &change,
                        acc.words.as_ref(),
                        acc.shift,
                        crate::category::Language::En,
                    ),
                );
                ChangeGroup {
                    what,
                    kind: subject.kind(),
                    subject,
                    change,
                    cases: acc.cases,
                    by_segment,
                    shift_days: acc.shift,
                    rules_a: acc.rules_a.iter().cloned().collect(),
                    rules_b: acc.rules_b.iter().cloned().collect(),
                    sentence,
                    example: example(key, acc),
                }
            })
            .collect();
        changes.sort_by(|x, y| {
            y.cases
                .cmp(&x.cases)
                .then_with(|| (&x.subject, &x.change).cmp(&(&y.subject, &y.change)))
        });
        let a = PackSummary::of(differ.a, differ.as_of, true);
        let b = PackSummary::of(differ.b, differ.as_of, true);
        let summary = words::summary(
            &a,
            &b,
            differ.as_of,
            source,
            (self.cases, self.changed, self.invalid.len()),
            changes.len(),
        );
        PackDiff {
            a,
            b,
            as_of: differ.as_of,
            source,
            cases: self.cases,
            invalid: self.invalid,
            changed: self.changed,
            segments,
            changes,
            summary,
            examples_note: words::examples_note(source),
        }
    }
}

fn differ<'a>(
    a: &'a RulePack,
    b: &'a RulePack,
    reference: &'a ReferenceData,
    as_of: NaiveDate,
) -> Differ<'a> {
    Differ {
        a,
        b,
        packs: &reference.rule_packs,
        reference,
        as_of,
        calendar: Arc::new(reference.calendar.clone()),
    }
}

/// The replay commands of an example: `coord evaluate CASE --pack … --as-of …` per pack (a pack
/// of the reference data by its id, another by its file).
fn replay(differ: &Differ<'_>, case: &str) -> Vec<String> {
    [differ.a, differ.b]
        .iter()
        .map(|p| {
            let builtin = differ.packs.iter().any(|q| q == *p);
            let pack = if builtin {
                p.id.to_string()
            } else {
                "PACK.json".to_owned()
            };
            format!(
                "coord evaluate {case} --pack {pack} --as-of {}",
                differ.as_of
            )
        })
        .collect()
}

/// Compare packs `a` and `b` on `as_of` over the cases given (a case failing the case-file
/// check is left out and counted). Examples name the first case that shows each change.
pub fn diff_cases(
    a: &RulePack,
    b: &RulePack,
    reference: &ReferenceData,
    as_of: NaiveDate,
    cases: &[CaseFile],
) -> PackDiff {
    let differ = differ(a, b, reference, as_of);
    let mut tally = Tally::new();
    for (i, case) in cases.iter().enumerate() {
        tally.add(i, differ.differences(case));
    }
    tally.finish(&differ, DiffSource::Given, |_, acc| DiffExample {
        case: None,
        number: Some(acc.first + 1),
        shrink_steps: 0,
        due_a: acc.due.0,
        due_b: acc.due.1,
        replay: replay(&differ, "CASE.json"),
        note: words::given_note(acc.first + 1),
    })
}

#[cfg(feature = "proptest")]
mod generated;
#[cfg(feature = "proptest")]
pub use generated::diff_generated;
