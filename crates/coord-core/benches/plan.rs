//! Benchmarks: progression for a citizen with 20 indicators × 100 measurements, and the plan check
//! of a 30-activity plan over a year.
//!
//! `cargo bench -p coord-core --bench plan`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

use chrono::{Days, NaiveDate};
use coord_core::case_file::{CaseFile, Citizen};
use coord_core::check::CheckedCase;
use coord_core::instruments::{
    AnswerOption, Band, IndicatorDomain, InstrumentDefinition, Item, ScoreRange, Scoring,
};
use coord_core::party::{Actor, ActorKind, Role, Sector};
use coord_core::plan::{
    check_plan, progression, Activity, Evaluation, ExpressedBy, Goal, GoalDomain, GoalLifecycle,
    Measurement, MeasurementSource, Participation, Plan, Target,
};
use coord_core::reference::ReferenceData;
use coord_core::time::DatePeriod;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 6)
        .unwrap()
        .checked_add_days(Days::new(n))
        .unwrap()
}

fn instrument(i: usize) -> InstrumentDefinition {
    InstrumentDefinition {
        id: format!("ind{i}").into(),
        name_da: format!("Indikator {i}"),
        name_en: format!("Indicator {i}"),
        domain: IndicatorDomain::Wellbeing,
        items: vec![Item {
            id: format!("ind{i}-1"),
            text_da: None,
            text_en: None,
            options: None,
        }],
        options: (0..=10)
            .map(|v| AnswerOption {
                value: v,
                score: Some(f64::from(v)),
                label_da: String::new(),
                label_en: String::new(),
            })
            .collect(),
        scoring: Scoring::Sum,
        range: ScoreRange {
            min: 0.0,
            max: 10.0,
        },
        higher_is_better: i % 2 == 0,
        bands: [0.0, 4.0, 7.0]
            .iter()
            .map(|&from| Band {
                from,
                label_da: format!("fra {from}"),
                label_en: format!("from {from}"),
            })
            .collect(),
        reliability: Some(0.8),
        norm_sd: Some(2.0),
        clinically_relevant_change: None,
        safety_items: Vec::new(),
        max_missing: 0,
        licence: "bench".into(),
        licence_da: String::new(),
        codes: Vec::new(),
    }
}

fn actors() -> Vec<Actor> {
    Sector::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| Actor {
            identifiers: Vec::new(),
            id: format!("a{i}").into(),
            name: format!("Actor {i}"),
            kind: ActorKind::Person,
            sector: *s,
            role: Role::CASEWORKER,
            organisation: None,
        })
        .collect()
}

fn goals(n: usize) -> Vec<Goal> {
    (0..n)
        .map(|g| Goal {
            id: format!("g{g}").into(),
            text: format!("goal {g}"),
            domain: GoalDomain::Work,
            expressed_by: ExpressedBy::Citizen,
            responsible: vec!["a0".into()],
            sectors: vec![Sector::MunicipalEmployment],
            agreed_at: Some(day(0)),
            signed_by: Vec::new(),
            start: day(0),
            targets: vec![Target {
                indicator: format!("ind{}", g % 20).into(),
                threshold: 6.0,
                due: day(300),
            }],
            milestones: Vec::new(),
            status: GoalLifecycle::Active,
        })
        .collect()
}

/// 20 indicators × 100 measurements (values, in shuffled order), 10 goals with targets.
fn progression_fixture() -> (CheckedCase, ReferenceData) {
    let reference = ReferenceData {
        instruments: (0..20).map(instrument).collect(),
        ..ReferenceData::default()
    };
    let mut measurements = Vec::new();
    for k in 0..100u64 {
        for i in 0..20u64 {
            // Walk the measurements out of date order, as a host may send them.
            let d = (k * 37) % 100 * 3;
            measurements.push(Measurement {
                id: format!("m{i}-{k}").into(),
                indicator: format!("ind{i}").into(),
                date: day(d),
                value: Some(((k + i) % 11) as f64),
                answers: None,
                source: MeasurementSource::Instrument,
                recorded_by: None,
            });
        }
    }
    let case = CaseFile {
        id: "case-bench".into(),
        citizen: Citizen {
            identifiers: Vec::new(),
            id: "cit".into(),
            name: "Bench".into(),
            actor: None,
        },
        actors: actors(),
        plan: Some(Plan {
            goals: goals(10),
            ..Plan::default()
        }),
        measurements,
        ..CaseFile::default()
    };
    (CheckedCase::new(case, &reference).unwrap(), reference)
}

/// 30 activities from both sectors spread over a year, 10 goals, 12 evaluation dates.
fn plan_fixture() -> CheckedCase {
    let activities = (0..30u64)
        .map(|i| {
            let sector = Sector::ALL[(i as usize) % Sector::ALL.len()];
            Activity {
                id: format!("act{i}").into(),
                what: format!("activity {i}"),
                sector,
                provider: format!("a{}", (i as usize) % Sector::ALL.len()).into(),
                goals: vec![format!("g{}", i % 10).into()],
                period: DatePeriod::new(day(i * 11), Some(day(i * 11 + 60))),
                hours_per_week: 2.0 + (i % 4) as f64,
                participation: if i % 3 == 0 {
                    Participation::Obligatory
                } else {
                    Participation::Voluntary
                },
            }
        })
        .collect();
    let case = CaseFile {
        id: "case-bench".into(),
        citizen: Citizen {
            identifiers: Vec::new(),
            id: "cit".into(),
            name: "Bench".into(),
            actor: None,
        },
        actors: actors(),
        plan: Some(Plan {
            goals: goals(10),
            activities,
            weekly_capacity_hours: Some(15.0),
            evaluation_dates: (0..12).map(|m| day(m * 30)).collect(),
            evaluations: (0..8)
                .map(|m| Evaluation {
                    held_on: day(m * 30 + 2),
                    participants: vec!["a0".into()],
                    note: String::new(),
                })
                .collect(),
        }),
        ..CaseFile::default()
    };
    let reference = ReferenceData {
        instruments: (0..20).map(instrument).collect(),
        ..ReferenceData::default()
    };
    CheckedCase::new(case, &reference).unwrap()
}

fn bench(c: &mut Criterion) {
    let (case, reference) = progression_fixture();
    let as_of = day(400);
    let report = progression(&case, &reference, as_of).unwrap();
    assert_eq!(report.indicators.len(), 20);
    assert_eq!(report.indicators[0].points.len(), 100);
    c.bench_function("progression 20 indicators x 100 measurements", |b| {
        b.iter(|| progression(black_box(&case), black_box(&reference), black_box(as_of)))
    });
    let plan = plan_fixture();
    let check = check_plan(&plan, as_of);
    assert!(!check.findings.is_empty());
    c.bench_function("plan check 30 activities over a year", |b| {
        b.iter(|| check_plan(black_box(&plan), black_box(as_of)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
