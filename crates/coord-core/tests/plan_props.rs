//! Property tests for instruments, the plan check and progression: scores within range, invalid
//! answers named by item, progression independent of measurement order, improvement respecting
//! direction, the reliable-change sign, capacity findings that add up, JSON round trips.
#![cfg(feature = "proptest")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::instruments::{InstrumentDefinition, ScoreError};
use coord_core::plan::{
    check_plan, progression, ChangeDirection, FindingKind, ProgressReport, ReliableChangeClass,
    TargetState,
};
use coord_core::pointer::Pointer;
use coord_core::reference::ReferenceData;
use coord_core::strategies::plan::{instrument, instrument_with_answers, plan_case, series};
use proptest::prelude::*;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn progress(case: &CaseFile, reference: &ReferenceData) -> ProgressReport {
    let checked = CheckedCase::new(case.clone(), reference).expect("generated cases pass");
    progression(&checked, reference, as_of()).expect("no measurement after as_of")
}

fn with_series(
    def: InstrumentDefinition,
) -> impl Strategy<Value = (InstrumentDefinition, CaseFile)> {
    let s = series(&def);
    (Just(def), s).prop_map(|(def, measurements)| {
        let case = CaseFile {
            id: "case".into(),
            citizen: coord_core::case_file::Citizen {
                identifiers: Vec::new(),
                id: "cit".into(),
                name: "N".into(),
                actor: None,
            },
            measurements,
            ..CaseFile::default()
        };
        (def, case)
    })
}

fn reference_of(def: &InstrumentDefinition) -> ReferenceData {
    ReferenceData {
        instruments: vec![def.clone()],
        vocabularies: coord_core::strategies::generated_vocabularies(),
        ..ReferenceData::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn valid_answers_score_within_range((def, answers) in instrument_with_answers("x")) {
        let s = def.score(&answers, &Pointer::root()).unwrap();
        prop_assert!(def.range.contains(s.score), "{} outside {:?}", s.score, def.range);
        if let Some(b) = &s.band {
            prop_assert!(def.bands[b.index].from <= s.score);
        }
    }

    #[test]
    fn an_answer_out_of_range_is_rejected_naming_the_item(
        (def, answers) in instrument_with_answers("x"),
        pick in any::<prop::sample::Index>(),
        bad in prop_oneof![-5i32..0, 6i32..50],
    ) {
        let mut answers: Vec<Option<i32>> = answers.into_iter().map(|a| a.or(Some(0))).collect();
        let i = pick.index(answers.len());
        answers[i] = Some(bad);
        let at = Pointer::root().key("answers");
        match def.score(&answers, &at) {
            Err(ScoreError::OutOfRange { at: where_, number, item, value, .. }) => {
                prop_assert_eq!(where_, at.index(i));
                prop_assert_eq!(number, i + 1);
                prop_assert_eq!(&item, &def.items[i].id);
                prop_assert_eq!(value, bad);
            }
            other => prop_assert!(false, "expected out of range, got {:?}", other),
        }
    }

    #[test]
    fn too_many_missing_items_are_rejected_naming_the_item(
        (def, answers) in instrument_with_answers("x"),
    ) {
        // Leave every item out: more than max_missing (< number of items) are missing.
        let none = vec![None; answers.len()];
        match def.score(&none, &Pointer::root()) {
            Err(ScoreError::MissingItem { number, item, .. }) => {
                prop_assert_eq!(number, def.max_missing + 1);
                prop_assert_eq!(&item, &def.items[def.max_missing].id);
            }
            other => prop_assert!(false, "expected a missing item, got {:?}", other),
        }
    }

    #[test]
    fn progression_does_not_depend_on_measurement_order(
        (def, case) in instrument("x").prop_flat_map(with_series),
        seed in any::<u64>(),
    ) {
        let reference = reference_of(&def);
        let a = progress(&case, &reference);
        let mut shuffled = case.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.measurements.len();
        let mut state = seed | 1;
        for i in (1..n).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            let j = (state % (i as u64 + 1)) as usize;
            shuffled.measurements.swap(i, j);
        }
        shuffled.measurements.reverse();
        let b = progress(&shuffled, &reference);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn improvement_respects_direction_and_rci_sign_matches_change(
        (def, case) in instrument("x").prop_flat_map(with_series),
    ) {
        let reference = reference_of(&def);
        let report = progress(&case, &reference);
        let p = &report.indicators[0];
        let change = p.latest.score - p.baseline.score;
        let expected = if change == 0.0 {
            ChangeDirection::Unchanged
        } else if (change > 0.0) == def.higher_is_better {
            ChangeDirection::Better
        } else {
            ChangeDirection::Worse
        };
        prop_assert_eq!(p.direction, expected);
        if let Some(rc) = p.reliable_change {
            prop_assert!(rc.rci == 0.0 && change == 0.0 || rc.rci.signum() == change.signum());
            match rc.class {
                ReliableChangeClass::ReliablyImproved => prop_assert_eq!(p.direction, ChangeDirection::Better),
                ReliableChangeClass::ReliablyDeteriorated => prop_assert_eq!(p.direction, ChangeDirection::Worse),
                ReliableChangeClass::NoReliableChange => prop_assert!(rc.rci.abs() <= 1.96),
            }
        }
        // The trend has the sign of the least-squares slope: a series that only rises never trends down.
        if p.points.windows(2).all(|w| w[1].score >= w[0].score && w[1].date > w[0].date) {
            prop_assert!(p.trend_per_month.is_none_or(|t| t >= -1e-9));
        }
    }

    #[test]
    fn a_met_target_was_reached_by_its_due_date((case, reference) in plan_case()) {
        let report = progress(&case, &reference);
        let def = &reference.instruments[0];
        for g in &report.goals {
            for t in &g.targets {
                if t.state == TargetState::Met {
                    let on = t.met_on.unwrap();
                    prop_assert!(on <= t.due);
                    let p = &report.indicators[0];
                    prop_assert!(p.points.iter().any(|pt| pt.date == on && def.reaches(pt.score, t.threshold)));
                }
            }
        }
    }

    #[test]
    fn capacity_findings_add_up((case, reference) in plan_case()) {
        let checked = CheckedCase::new(case.clone(), &reference).unwrap();
        let plan = case.plan.as_ref().unwrap();
        let report = check_plan(&checked, as_of());
        let total: f64 = plan.activities.iter().map(|a| a.hours_per_week).sum();
        for f in &report.findings {
            if let FindingKind::CapacityExceeded { hours, capacity, activities, .. } = &f.kind {
                prop_assert!(hours > capacity);
                let named: f64 = plan.activities.iter()
                    .filter(|a| activities.contains(&a.id))
                    .map(|a| a.hours_per_week)
                    .sum();
                prop_assert!((named - hours).abs() < 1e-9);
            }
        }
        if plan.weekly_capacity_hours.is_none_or(|c| total <= c) {
            let exceeded = report.findings.iter().any(|f| matches!(f.kind, FindingKind::CapacityExceeded { .. }));
            prop_assert!(!exceeded, "capacity finding while the total fits");
        }
    }

    #[test]
    fn case_files_with_plans_round_trip_through_json((case, reference) in plan_case()) {
        let text = serde_json::to_string(&case).unwrap();
        let back: CaseFile = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &case);
        let defs = serde_json::to_string(&reference.instruments).unwrap();
        let back: Vec<InstrumentDefinition> = serde_json::from_str(&defs).unwrap();
        prop_assert_eq!(back, reference.instruments.clone());
        let report = progress(&case, &reference);
        let text = serde_json::to_string(&report).unwrap();
        let back: ProgressReport = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, report);
    }
}
