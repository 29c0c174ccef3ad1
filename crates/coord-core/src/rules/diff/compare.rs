//! One case under two packs: what differs, per outcome kind and item.

use super::{Change, OutcomeKind, Segment, Subject};
use crate::case_file::CaseFile;
use crate::check::CheckedCase;
use crate::facts::case_facts;
use crate::ids::RuleId;
use crate::reference::ReferenceData;
use crate::rules::evaluate::Evaluation;
use crate::rules::law::{evaluate_under_law_facts, LawChoice};
use crate::rules::pack::RulePack;
use crate::rules::CoordinationLevel;
use crate::text::Text;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What one case shows for one item that differs between the packs.
#[derive(Debug, Clone)]
pub(super) struct Detail {
    /// The rule behind the item under pack A (absent: no such item there).
    pub rule_a: Option<RuleId>,
    /// The rule behind the item under pack B.
    pub rule_b: Option<RuleId>,
    /// For a deadline that moves: B's due date minus A's, in days.
    pub shift_days: Option<i64>,
    /// The item's own words (a deadline's title, a warning's sentence).
    pub words: Option<Text>,
    /// The item under A and under B, as dates for a deadline.
    pub due: (Option<NaiveDate>, Option<NaiveDate>),
}

/// A difference: what changes and how, and the case's detail.
pub(super) type Found = ((Subject, Change), Detail);

/// Both packs prepared for one date.
pub(super) struct Differ<'a> {
    pub a: &'a RulePack,
    pub b: &'a RulePack,
    pub packs: &'a [RulePack],
    pub reference: &'a ReferenceData,
    pub as_of: NaiveDate,
    pub calendar: Arc<crate::calendar::WorkingCalendar>,
}

/// The outcomes of one evaluation, keyed by item.
#[derive(Default)]
struct Outcomes {
    level: Option<(CoordinationLevel, RuleId)>,
    roles: BTreeMap<crate::party::Role, RuleId>,
    deadlines: BTreeMap<String, (NaiveDate, RuleId, Text)>,
    referrals: BTreeMap<crate::rules::ReferralTarget, RuleId>,
    warnings: BTreeMap<String, (RuleId, Text)>,
}

impl Outcomes {
    fn of(e: &Evaluation) -> Self {
        let mut o = Outcomes {
            level: e.level.as_ref().map(|l| (l.level, l.rule.clone())),
            ..Outcomes::default()
        };
        for r in &e.required_roles {
            o.roles
                .entry(r.role.clone())
                .or_insert_with(|| r.rule.clone());
        }
        // Deadlines are sorted by date: the first of a task is its earliest.
        for d in &e.deadlines {
            o.deadlines.entry(d.task.clone()).or_insert_with(|| {
                (
                    d.due,
                    d.rule.clone(),
                    Text::new(d.title_da.to_string(), d.title_en.to_string()),
                )
            });
        }
        for r in &e.referrals {
            o.referrals
                .entry(r.target.clone())
                .or_insert_with(|| r.rule.clone());
        }
        for w in &e.warnings {
            o.warnings.entry(w.code.clone()).or_insert_with(|| {
                (
                    w.rule.clone(),
                    Text::new(w.da.to_string(), w.en.to_string()),
                )
            });
        }
        o
    }
}

fn detail(rule_a: Option<&RuleId>, rule_b: Option<&RuleId>, words: Option<Text>) -> Detail {
    Detail {
        rule_a: rule_a.cloned(),
        rule_b: rule_b.cloned(),
        shift_days: None,
        words,
        due: (None, None),
    }
}

/// Appears / disappears for items present on one side only.
fn presence<K: Ord + Clone, V>(
    a: &BTreeMap<K, V>,
    b: &BTreeMap<K, V>,
    subject: impl Fn(&K) -> Subject,
    parts: impl Fn(&V) -> (&RuleId, Option<Text>),
    out: &mut Vec<Found>,
) {
    for (k, v) in a {
        if !b.contains_key(k) {
            let (rule, words) = parts(v);
            out.push((
                (subject(k), Change::Disappears),
                detail(Some(rule), None, words),
            ));
        }
    }
    for (k, v) in b {
        if !a.contains_key(k) {
            let (rule, words) = parts(v);
            out.push((
                (subject(k), Change::Appears),
                detail(None, Some(rule), words),
            ));
        }
    }
}

impl Differ<'_> {
    fn evaluate(
        &self,
        pack: &RulePack,
        case: &CheckedCase,
        facts: &crate::rules::FactSet,
    ) -> Evaluation {
        let choice = LawChoice {
            pack: Some(pack),
            given: true,
            jurisdiction: pack.jurisdiction.clone(),
            as_of: self.as_of,
        };
        evaluate_under_law_facts(&choice, self.packs, case, self.reference, facts, false)
    }

    /// The differences of one case (`None`: the case fails the case-file check).
    pub fn differences(&self, case: &CaseFile) -> Option<(Segment, Vec<Found>)> {
        let checked = CheckedCase::new(case.clone(), self.reference).ok()?;
        let mut facts = case_facts(case, self.as_of);
        facts.set_calendar(Arc::clone(&self.calendar));
        let a = Outcomes::of(&self.evaluate(self.a, &checked, &facts));
        let b = Outcomes::of(&self.evaluate(self.b, &checked, &facts));
        let segment = Segment {
            target_group: case.course.target_group.clone(),
            employed: case.course.employed,
        };
        Some((segment, compare(&a, &b)))
    }

    /// The due dates under A and B of the difference `key` in `case` (for deadlines that move).
    #[cfg(feature = "proptest")]
    pub fn due_dates(
        &self,
        case: &CaseFile,
        key: &(Subject, Change),
    ) -> (Option<NaiveDate>, Option<NaiveDate>) {
        self.differences(case)
            .and_then(|(_, found)| found.into_iter().find(|(k, _)| k == key))
            .map_or((None, None), |(_, d)| d.due)
    }

    /// Whether `case` shows the difference `key`.
    #[cfg(feature = "proptest")]
    pub fn shows(&self, case: &CaseFile, key: &(Subject, Change)) -> bool {
        self.differences(case)
            .is_some_and(|(_, found)| found.iter().any(|(k, _)| k == key))
    }
}

fn compare(a: &Outcomes, b: &Outcomes) -> Vec<Found> {
    let mut out = Vec::new();
    let (la, lb) = (a.level.as_ref(), b.level.as_ref());
    if la.map(|l| l.0) != lb.map(|l| l.0) {
        out.push((
            (
                Subject::Level,
                Change::LevelChanges {
                    from: la.map(|l| l.0),
                    to: lb.map(|l| l.0),
                },
            ),
            detail(la.map(|l| &l.1), lb.map(|l| &l.1), None),
        ));
    }
    presence(
        &a.roles,
        &b.roles,
        |r| Subject::Role { role: r.clone() },
        |rule| (rule, None),
        &mut out,
    );
    presence(
        &a.deadlines,
        &b.deadlines,
        |t| Subject::Deadline { task: t.clone() },
        |(_, rule, title)| (rule, Some(title.clone())),
        &mut out,
    );
    for (task, (due_a, rule_a, title)) in &a.deadlines {
        if let Some((due_b, rule_b, _)) = b.deadlines.get(task) {
            if due_a != due_b {
                let change = if due_b < due_a {
                    Change::MovesEarlier
                } else {
                    Change::MovesLater
                };
                let mut d = detail(Some(rule_a), Some(rule_b), Some(title.clone()));
                d.shift_days = Some((*due_b - *due_a).num_days());
                d.due = (Some(*due_a), Some(*due_b));
                out.push(((Subject::Deadline { task: task.clone() }, change), d));
            }
        }
    }
    presence(
        &a.referrals,
        &b.referrals,
        |t| Subject::Referral { target: t.clone() },
        |rule| (rule, None),
        &mut out,
    );
    presence(
        &a.warnings,
        &b.warnings,
        |c| Subject::Warning { code: c.clone() },
        |(rule, words)| (rule, Some(words.clone())),
        &mut out,
    );
    out
}

impl Subject {
    /// The outcome kind the subject belongs to.
    pub fn kind(&self) -> OutcomeKind {
        match self {
            Subject::Level => OutcomeKind::Level,
            Subject::Role { .. } => OutcomeKind::Role,
            Subject::Deadline { .. } => OutcomeKind::Deadline,
            Subject::Referral { .. } => OutcomeKind::Referral,
            Subject::Warning { .. } => OutcomeKind::Warning,
        }
    }
}
