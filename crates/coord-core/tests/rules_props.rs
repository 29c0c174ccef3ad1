//! Properties of rule evaluation, the validator and the invariant checker.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]
#![cfg(feature = "proptest")]

mod support;

use chrono::NaiveDate;
use coord_core::check::CheckedCase;

use coord_core::facts::FactName;
use coord_core::rules::condition::{Comparison, Condition, Literal, Test};
use coord_core::rules::evaluate::{evaluate, Evaluation};
use coord_core::rules::pack::Invariant;
use coord_core::rules::testing::check_generated;
use coord_core::rules::validate::validate_pack;
use coord_core::rules::{RulePack, ValidationOptions};
use coord_core::strategies::rules::case_with_date;
use coord_core::time::DatePeriod;
use proptest::prelude::*;

const PRE_2025: &str = include_str!("../../coord-json/data/packs/dk-pre-2025.json");
const FROM_2025: &str = include_str!("../../coord-json/data/packs/dk-2025.json");

fn pack(text: &str) -> RulePack {
    serde_json::from_str(text).unwrap()
}

fn packs() -> Vec<RulePack> {
    vec![pack(PRE_2025), pack(FROM_2025)]
}

fn without_trace(mut e: Evaluation) -> Evaluation {
    e.trace = None;
    e
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn both_packs_with_cases(
) -> impl Strategy<Value = (usize, coord_core::case_file::CaseFile, NaiveDate)> {
    (0usize..2).prop_flat_map(|i| {
        let period = packs()[i].valid;
        case_with_date(period, &support::vocabularies()).prop_map(move |(c, d)| (i, c, d))
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn evaluation_is_deterministic_and_names_existing_rules((i, case, as_of) in both_packs_with_cases()) {
        let reference = support::reference();
        let pack = &packs()[i];
        let checked = CheckedCase::new(case, &reference).unwrap();
        let a = evaluate(pack, &checked, &reference, as_of, true);
        let b = evaluate(pack, &checked, &reference, as_of, true);
        prop_assert_eq!(&a, &b);
        // `evaluate` computes only the facts the pack uses, with the result the whole catalogue
        // gives (every fact computed, the reference calendar set)
        let mut all = coord_core::facts::case_facts(checked.case(), as_of);
        all.set_calendar(std::sync::Arc::new(reference.calendar.clone()));
        let whole = coord_core::rules::evaluate::evaluate_facts(pack, &checked, &reference, &all, true);
        prop_assert_eq!(&whole, &a);
        for id in a.named_rules() {
            prop_assert!(pack.rule(id).is_some(), "unknown rule {id}");
        }
        // the trace says fired exactly for the fired rules
        let trace = a.trace.as_ref().unwrap();
        prop_assert_eq!(trace.len(), pack.rules.len());
        let fired_in_trace: Vec<_> = trace.iter()
            .filter(|t| t.outcome == coord_core::rules::evaluate::TraceOutcome::Fired)
            .map(|t| t.rule.clone()).collect();
        let mut sorted = fired_in_trace.clone();
        sorted.sort();
        prop_assert_eq!(sorted, a.fired.clone());
    }

    #[test]
    fn result_does_not_depend_on_rule_order(
        (i, case, as_of) in both_packs_with_cases(),
        seed in any::<u64>(),
    ) {
        let reference = support::reference();
        let pack = &packs()[i];
        let mut shuffled = pack.clone();
        // a deterministic permutation from the seed
        let n = shuffled.rules.len();
        let mut s = seed;
        for k in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.rules.swap(k, (s >> 33) as usize % (k + 1));
        }
        let checked = CheckedCase::new(case, &reference).unwrap();
        let a = without_trace(evaluate(pack, &checked, &reference, as_of, false));
        let b = without_trace(evaluate(&shuffled, &checked, &reference, as_of, false));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn a_rule_outside_its_valid_period_never_fires(
        (i, case, as_of) in both_packs_with_cases(),
        pick in any::<prop::sample::Index>(),
        after in any::<bool>(),
    ) {
        let reference = support::reference();
        let mut pack = packs()[i].clone();
        let k = pick.index(pack.rules.len());
        let period = if after {
            DatePeriod::new(as_of.succ_opt().unwrap(), None)
        } else {
            DatePeriod::new(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(), as_of.pred_opt())
        };
        pack.rules[k].valid = Some(period);
        let id = pack.rules[k].id.clone();
        let checked = CheckedCase::new(case, &reference).unwrap();
        let e = evaluate(&pack, &checked, &reference, as_of, false);
        prop_assert!(!e.fired.contains(&id));
        prop_assert!(!e.named_rules().contains(&&id));
        // and a pack outside its own period fires nothing
        let outside = pack.valid.to.and_then(|d| d.succ_opt()).unwrap();
        let e = evaluate(&pack, &checked, &reference, outside, false);
        prop_assert!(!e.pack_in_force && e.fired.is_empty() && e.level.is_none());
    }

    #[test]
    fn evaluation_never_panics_on_any_date(
        case in coord_core::strategies::case(&support::vocabularies()),
        as_of in coord_core::strategies::as_of(),
    ) {
        let reference = support::reference();
        let checked = CheckedCase::new(case, &reference).unwrap();
        for pack in packs() {
            let e = evaluate(&pack, &checked, &reference, as_of, true);
            prop_assert_eq!(e.pack_in_force, pack.valid.contains(as_of));
        }
    }
}

fn literal() -> impl Strategy<Value = Literal> {
    prop_oneof![
        any::<bool>().prop_map(Literal::Bool),
        (-100i32..100).prop_map(|n| Literal::Number(f64::from(n))),
        prop::sample::select(vec![
            "sickness_benefit",
            "mental",
            "2025-01-01",
            "as_of",
            "x"
        ])
        .prop_map(|s| Literal::Text(s.to_owned())),
    ]
}

fn condition() -> impl Strategy<Value = Condition> {
    let fact = prop::sample::select(vec![
        "weeks_since_first_absence",
        "target_group",
        "conditions",
        "employed",
        "first_day_of_absence",
        "no_such_fact",
        "coordination_level",
    ]);
    let leaf = (fact, literal(), 0usize..6).prop_map(|(f, l, op)| {
        let test = match op {
            0 => Test::Eq(l),
            1 => Test::Gte(l),
            2 => Test::Lt(l),
            3 => Test::Contains(l),
            4 => Test::In(vec![l]),
            _ => Test::Known(true),
        };
        Condition::Compare(Comparison {
            fact: FactName::new(f),
            test,
        })
    });
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Condition::All),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Condition::Any),
            inner.prop_map(|c| Condition::Not(Box::new(c))),
        ]
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn validator_and_evaluation_never_panic_on_arbitrary_conditions(
        when in condition(),
        (case, as_of) in case_with_date(DatePeriod::new(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(), None), &support::vocabularies()),
    ) {
        let reference = support::reference();
        let mut pack = pack(FROM_2025);
        pack.rules[0].when = when;
        let findings = validate_pack(&pack, &reference, &ValidationOptions::default());
        for f in &findings {
            prop_assert!(f.pointer.to_string().starts_with("/rules/0") || f.code == "rules.shadowed" || f.code == "rules.duplicate_task" || f.code == "rules.contradictory_actions", "{f:?}");
            prop_assert!(!f.message.starts_with('/'), "{}", f.message);
        }
        let checked = CheckedCase::new(case, &reference).unwrap();
        let _ = evaluate(&pack, &checked, &reference, as_of, true);
    }
}

#[test]
fn never_holds_is_not_reported_for_satisfiable_conditions() {
    // Brute force over one numeric fact: the validator says never_holds only if no value in a
    // range satisfies the condition.
    let reference = support::reference();
    let ops = ["gte", "gt", "lt", "lte", "eq", "ne"];
    for a in ops {
        for b in ops {
            for x in [3, 5, 8] {
                for y in [3, 5, 8] {
                    let when: Condition = serde_json::from_str(&format!(
                        r#"{{"all":[{{"fact":"weeks_since_first_absence","{a}":{x}}},{{"not":{{"fact":"weeks_since_first_absence","{b}":{y}}}}}]}}"#
                    )).unwrap();
                    let mut pack = pack(FROM_2025);
                    pack.rules[0].when = when.clone();
                    let flagged = validate_pack(&pack, &reference, &ValidationOptions::default())
                        .iter()
                        .any(|f| f.code == "rules.never_holds");
                    let satisfiable = (0..20).any(|w| {
                        let mut facts = coord_core::rules::FactSet::new(
                            NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
                        );
                        facts.insert(
                            "weeks_since_first_absence",
                            coord_core::rules::FactValue::Number(f64::from(w)),
                        );
                        when.holds(&facts)
                    });
                    assert_eq!(flagged, !satisfiable, "{a} {x} / not {b} {y}");
                }
            }
        }
    }
}

#[test]
fn invariant_failure_is_shrunk_to_a_minimal_case_and_is_reproducible() {
    let reference = support::reference();
    let mut pack = pack(FROM_2025);
    pack.tests.clear();
    pack.invariants = vec![Invariant {
        id: "no-cancer-is-complex".into(),
        title_da: "x".into(),
        title_en: "A cancer case is never complex".into(),
        when: Some(serde_json::from_str(r#"{"fact":"conditions","contains":"cancer"}"#).unwrap()),
        // `not eq`, not `ne`: a comparison with an unknown fact (no level) fails, `not` of it holds
        then: serde_json::from_str(r#"{"not":{"fact":"coordination_level","eq":"complex"}}"#)
            .unwrap(),
    }];
    let run = check_generated(&pack, &reference, 1, 2000);
    assert!(!run.passed);
    let ce = run.counterexample.clone().unwrap();
    assert_eq!(ce.invariant, "no-cancer-is-complex");
    // minimal: nothing but what makes a cancer case complex (cancer + one more condition, or a
    // social/diffuse sign), no actors, events or consents
    assert!(ce.case.actors.is_empty(), "{:#?}", ce.case);
    assert!(ce.case.events.is_empty());
    assert!(ce.case.consents.is_empty());
    let signs = ce.case.course.conditions.len()
        + ce.case.course.social_factors.len()
        + usize::from(ce.case.course.diffuse_picture.is_some());
    assert!(signs <= 2, "{:#?}", ce.case.course);
    // the counterexample replays: evaluating it gives a complex cancer case
    let checked = CheckedCase::new(ce.case.clone(), &reference).unwrap();
    let e = evaluate(&pack, &checked, &reference, ce.as_of, false);
    assert_eq!(
        e.level.unwrap().level,
        coord_core::rules::CoordinationLevel::Complex
    );
    // the same seed gives the same run
    assert_eq!(check_generated(&pack, &reference, 1, 2000), run);
}

#[test]
fn generated_cases_exercise_every_rule_and_every_kind_of_output() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    use std::collections::BTreeSet;
    let reference = support::reference();
    for pack in packs() {
        let mut runner = TestRunner::new_with_rng(
            Config::default(),
            TestRng::from_seed(RngAlgorithm::ChaCha, &[3; 32]),
        );
        let strategy = case_with_date(pack.valid, &support::vocabularies());
        let mut fired = BTreeSet::new();
        let mut levels = BTreeSet::new();
        let (mut gaps, mut overdue, mut done, mut referrals, mut warnings) = (0, 0, 0, 0, 0);
        for _ in 0..3000 {
            let (case, as_of) = strategy.new_tree(&mut runner).unwrap().current();
            let checked = CheckedCase::new(case, &reference).unwrap();
            let e = evaluate(&pack, &checked, &reference, as_of, false);
            fired.extend(e.fired.iter().cloned());
            levels.extend(e.level.map(|l| l.level));
            gaps += e.consent_gaps.len();
            referrals += e.referrals.len();
            warnings += e.warnings.len();
            overdue += e
                .deadlines
                .iter()
                .filter(|d| d.status == coord_core::rules::evaluate::DeadlineStatus::Overdue)
                .count();
            done += e
                .deadlines
                .iter()
                .filter(|d| d.status == coord_core::rules::evaluate::DeadlineStatus::Done)
                .count();
        }
        let never: Vec<_> = pack
            .rules
            .iter()
            .filter(|r| !fired.contains(&r.id))
            .map(|r| r.id.to_string())
            .collect();
        assert!(
            never.is_empty(),
            "{}: rules never fired on generated cases: {never:?}",
            pack.id
        );
        assert_eq!(levels.len(), 3, "{}", pack.id);
        assert!(
            gaps > 0 && overdue > 0 && done > 0 && referrals > 0 && warnings > 0,
            "{}",
            pack.id
        );
    }
}

#[test]
fn the_revoked_consent_invariant_catches_a_rule_without_its_guard() {
    let reference = support::reference();
    let mut pack = pack(FROM_2025);
    pack.tests.clear();
    let rule = pack
        .rules
        .iter_mut()
        .find(|r| r.id.as_str() == "early-job-directed-contact")
        .unwrap();
    let Condition::All(parts) = &mut rule.when else {
        panic!("expected all")
    };
    assert!(format!("{:?}", parts.pop()).contains("consents_revoked"));
    let run = check_generated(&pack, &reference, 9, 10_000);
    let ce = run
        .counterexample
        .expect("the invariant must fail without the guard");
    assert_eq!(ce.invariant, "revoked-consent-no-referral");
    assert_eq!(ce.case.actors.len(), 1);
    assert_eq!(ce.case.consents.len(), 1);
    assert!(ce.case.events.is_empty());
    // with the guard the shipped pack passes on the same seed
    assert!(check_generated(&self::pack(FROM_2025), &reference, 9, 10_000).passed);
}
