//! `rules diff`: a pack against itself changes nothing; the 2025 and 2026 packs on 1 December
//! 2026 — counts add up, the run is deterministic in its seed, and every example, replayed
//! through the public evaluation under each pack, shows the change it stands for.
#![cfg(feature = "proptest")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests: a failure must stop the run"
)]

mod support;

use chrono::NaiveDate;
use coord_core::check::CheckedCase;
use coord_core::reference::ReferenceData;
use coord_core::rules::diff::{diff_cases, diff_generated, Change, ChangeGroup, Subject};
use coord_core::rules::evaluate::Evaluation;
use coord_core::rules::law::{choose_law, evaluate_under_law};
use coord_core::rules::RulePack;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn reference() -> ReferenceData {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../coord-json/data/packs");
    let mut packs: Vec<RulePack> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    packs.sort_by_key(|p| p.valid.from);
    ReferenceData {
        rule_packs: packs,
        ..support::reference()
    }
}

fn pack<'r>(r: &'r ReferenceData, id: &str) -> &'r RulePack {
    r.rule_packs.iter().find(|p| p.id.as_str() == id).unwrap()
}

fn under(pack: &RulePack, r: &ReferenceData, case: &CheckedCase, as_of: NaiveDate) -> Evaluation {
    let choice = choose_law(&r.rule_packs, Some(pack), &pack.jurisdiction, as_of);
    evaluate_under_law(&choice, &r.rule_packs, case, r, false)
}

/// Whether the evaluation has the item (and its earliest due date for a deadline).
fn has(e: &Evaluation, s: &Subject) -> Option<Option<NaiveDate>> {
    match s {
        Subject::Level => e.level.as_ref().map(|_| None),
        Subject::Role { role } => e
            .required_roles
            .iter()
            .any(|x| &x.role == role)
            .then_some(None),
        Subject::Deadline { task } => e
            .deadlines
            .iter()
            .filter(|x| &x.task == task)
            .map(|x| x.due)
            .min()
            .map(Some),
        Subject::Referral { target } => e
            .referrals
            .iter()
            .any(|x| &x.target == target)
            .then_some(None),
        Subject::Warning { code } => e.warnings.iter().any(|x| &x.code == code).then_some(None),
    }
}

fn replays(c: &ChangeGroup, a: &Evaluation, b: &Evaluation) -> bool {
    let (ha, hb) = (has(a, &c.subject), has(b, &c.subject));
    match &c.change {
        Change::Appears => ha.is_none() && hb.is_some(),
        Change::Disappears => ha.is_some() && hb.is_none(),
        Change::MovesEarlier => matches!((ha, hb), (Some(Some(x)), Some(Some(y))) if y < x),
        Change::MovesLater => matches!((ha, hb), (Some(Some(x)), Some(Some(y))) if y > x),
        Change::LevelChanges { from, to } => {
            a.level.as_ref().map(|l| l.level) == *from && b.level.as_ref().map(|l| l.level) == *to
        }
    }
}

#[test]
fn the_2025_and_2026_packs_differ_and_every_example_replays() {
    let r = reference();
    let (a, b) = (
        pack(&r, "dk-sickness-benefit-2025"),
        pack(&r, "dk-sickness-benefit-2026"),
    );
    let as_of = d("2026-12-01");
    let diff = diff_generated(a, b, &r, as_of, 400, 1);
    assert_eq!(diff.cases + diff.invalid.len(), 400);
    assert!(diff.changed > 0 && diff.changed <= diff.cases);
    assert_eq!(
        diff.segments.iter().map(|s| s.of).sum::<usize>(),
        diff.cases
    );
    assert!(diff.changes.iter().any(
        |c| matches!(&c.subject, Subject::Deadline { task } if task == "first_follow_up_interview")
            && c.change == Change::Disappears
    ));
    for pair in diff.changes.windows(2) {
        assert!(pair[0].cases >= pair[1].cases, "most frequent first");
    }
    for c in &diff.changes {
        assert!(c.cases <= diff.changed);
        assert_eq!(
            c.by_segment.iter().map(|s| s.changed).sum::<usize>(),
            c.cases
        );
        assert!(c.by_segment.iter().all(|s| s.changed <= s.of));
        assert!(!c.sentence.da.is_empty() && c.sentence.da != c.sentence.en);
        assert_eq!(c.example.replay.len(), 2);
        let case = c
            .example
            .case
            .clone()
            .expect("generated examples carry their case");
        let checked = CheckedCase::new(case, &r).expect("the example is a valid case");
        let (ea, eb) = (under(a, &r, &checked, as_of), under(b, &r, &checked, as_of));
        assert!(
            replays(c, &ea, &eb),
            "the example does not show {:?} {:?}",
            c.subject,
            c.change
        );
    }
    assert_eq!(
        diff,
        diff_generated(a, b, &r, as_of, 400, 1),
        "deterministic in the seed"
    );
}

#[test]
fn given_cases_are_named_by_number_and_never_copied() {
    let r = reference();
    let (a, b) = (
        pack(&r, "dk-sickness-benefit-2025"),
        pack(&r, "dk-sickness-benefit-2026"),
    );
    let generated = diff_generated(a, b, &r, d("2026-12-01"), 50, 3);
    let cases: Vec<_> = generated
        .changes
        .iter()
        .filter_map(|c| c.example.case.clone())
        .collect();
    let diff = diff_cases(a, b, &r, d("2026-12-01"), &cases);
    assert_eq!(diff.cases, cases.len());
    assert!(!diff.changes.is_empty());
    for c in &diff.changes {
        assert!(c.example.case.is_none());
        let n = c.example.number.unwrap();
        assert!(n >= 1 && n <= cases.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    /// A pack compared with itself changes nothing, whatever the cases and the date.
    #[test]
    fn a_pack_against_itself_changes_nothing(seed in any::<u64>(), day in 0i64..900, which in 0usize..3) {
        let r = reference();
        let p = &r.rule_packs[which % r.rule_packs.len()];
        let as_of = d("2024-06-01") + chrono::Duration::days(day);
        let diff = diff_generated(p, p, &r, as_of, 40, seed);
        prop_assert_eq!(diff.changed, 0);
        prop_assert!(diff.changes.is_empty());
    }
}
