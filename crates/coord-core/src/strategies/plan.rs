//! Generators for the shared plan: instrument definitions with answers that fit them, measurement
//! series, and case files with a plan and measurements that pass the case-file check.
//!
//! Scores and hours are multiples of ½, so JSON round trips are exact.

use crate::case_file::{CaseFile, Citizen};
use crate::ids::{ActivityId, ActorId, CaseId, CitizenId, GoalId, InstrumentId, MeasurementId};
use crate::instruments::{
    AnswerOption, Band, IndicatorDomain, InstrumentDefinition, Item, ScoreRange, Scoring,
};
use crate::party::{Actor, Sector};
use crate::plan::{
    Activity, Evaluation, ExpressedBy, Goal, GoalDomain, GoalLifecycle, Measurement,
    MeasurementSource, Participation, Plan, Target,
};
use crate::reference::ReferenceData;
use crate::time::DatePeriod;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;

/// The first day generated data uses.
pub fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 6).unwrap_or_default()
}

fn day(offset: u64) -> NaiveDate {
    day0()
        .checked_add_days(Days::new(offset))
        .unwrap_or_default()
}

/// An instrument definition: 1–8 items answered 0..=k (scores = values, or reversed), summed,
/// averaged or scaled, either direction, with bands inside its range and maybe a reliability.
pub fn instrument(id: &'static str) -> impl Strategy<Value = InstrumentDefinition> {
    (
        1usize..=8,
        1i32..=5,
        prop_oneof![
            Just(Scoring::Sum),
            Just(Scoring::Mean),
            (1u8..=4).prop_map(|f| Scoring::Scaled {
                factor: f64::from(f)
            })
        ],
        any::<bool>(),
        0usize..=2,
        proptest::option::of((1u8..=9, 1u8..=20)),
        0usize..=3,
    )
        .prop_map(move |(n, k, scoring, higher, max_missing, rel, n_bands)| {
            let options: Vec<AnswerOption> = (0..=k)
                .map(|v| AnswerOption {
                    value: v,
                    score: Some(f64::from(v)),
                    label_da: String::new(),
                    label_en: String::new(),
                })
                .collect();
            let items = (0..n)
                .map(|i| Item {
                    id: format!("{id}-{}", i + 1),
                    text_da: None,
                    text_en: None,
                    options: None,
                })
                .collect();
            let (min, max) = match scoring {
                Scoring::Sum => (0.0, n as f64 * f64::from(k)),
                Scoring::Mean => (0.0, f64::from(k)),
                Scoring::Scaled { factor } => (0.0, n as f64 * f64::from(k) * factor),
            };
            let bands = (0..n_bands)
                .map(|b| Band {
                    from: min + (max - min) * b as f64 / (n_bands.max(1)) as f64,
                    label_da: format!("bånd {b}"),
                    label_en: format!("band {b}"),
                })
                .collect();
            InstrumentDefinition {
                id: InstrumentId::new(id),
                name_da: id.to_owned(),
                name_en: id.to_owned(),
                domain: IndicatorDomain::Wellbeing,
                items,
                options,
                scoring,
                range: ScoreRange { min, max },
                higher_is_better: higher,
                bands,
                reliability: rel.map(|(r, _)| f64::from(r) / 10.0),
                norm_sd: rel.map(|(_, sd)| f64::from(sd)),
                clinically_relevant_change: None,
                safety_items: Vec::new(),
                max_missing: max_missing.min(n.saturating_sub(1)),
                licence: "generated".to_owned(),
                licence_da: String::new(),
                codes: Vec::new(),
            }
        })
}

/// Answers that fit `def`: every item answered with one of its options, up to `max_missing` left
/// out.
pub fn answers_for(def: &InstrumentDefinition) -> impl Strategy<Value = Vec<Option<i32>>> {
    let n = def.items.len();
    let values: Vec<i32> = def.options.iter().map(|o| o.value).collect();
    let max_missing = def.max_missing;
    (
        proptest::collection::vec(select(values), n),
        proptest::collection::vec(0..n.max(1), 0..=max_missing),
    )
        .prop_map(|(mut answers, missing)| {
            let mut out: Vec<Option<i32>> = answers.drain(..).map(Some).collect();
            for i in missing {
                if let Some(a) = out.get_mut(i) {
                    *a = None;
                }
            }
            out
        })
}

/// A definition together with answers that fit it.
pub fn instrument_with_answers(
    id: &'static str,
) -> impl Strategy<Value = (InstrumentDefinition, Vec<Option<i32>>)> {
    instrument(id).prop_flat_map(|def| {
        let answers = answers_for(&def);
        (Just(def), answers)
    })
}

/// 1–40 measurements of `def` as values in its range (multiples of ½), on days within a year,
/// with distinct ids.
pub fn series(def: &InstrumentDefinition) -> impl Strategy<Value = Vec<Measurement>> {
    let id = def.id.clone();
    let steps = ((def.range.max - def.range.min) * 2.0).floor() as u32;
    let min = def.range.min;
    proptest::collection::vec((0u64..365, 0..=steps), 1..40).prop_map(move |points| {
        points
            .into_iter()
            .enumerate()
            .map(|(i, (d, s))| Measurement {
                id: MeasurementId::new(format!("{id}-m{i}")),
                indicator: id.clone(),
                date: day(d),
                value: Some(min + f64::from(s) / 2.0),
                answers: None,
                source: MeasurementSource::ProfessionalAssessment,
                recorded_by: None,
            })
            .collect()
    })
}

/// The actors of generated plans: one per sector.
pub fn cast() -> Vec<Actor> {
    super::cast_with_prefix("p")
}

fn activity(i: usize, goals: usize) -> impl Strategy<Value = Activity> {
    (
        0..Sector::ALL.len(),
        0u64..365,
        proptest::option::of(0u64..200),
        0u8..=40,
        any::<bool>(),
        proptest::collection::vec(0..goals.max(1), 0..=2),
    )
        .prop_map(move |(s, from, len, half_hours, obligatory, gs)| {
            let sector = Sector::ALL.get(s).copied().unwrap_or(Sector::Citizen);
            let mut gs: Vec<GoalId> = gs
                .into_iter()
                .map(|g| GoalId::new(format!("g{g}")))
                .collect();
            gs.sort();
            gs.dedup();
            Activity {
                id: ActivityId::new(format!("act{i}")),
                what: format!("activity {i}"),
                sector,
                provider: ActorId::new(format!("p{s}")),
                goals: if goals == 0 { Vec::new() } else { gs },
                period: DatePeriod::new(day(from), len.map(|l| day(from + l))),
                hours_per_week: f64::from(half_hours) / 2.0,
                participation: if obligatory {
                    Participation::Obligatory
                } else {
                    Participation::Voluntary
                },
            }
        })
}

fn goal(i: usize, indicator: InstrumentId, threshold: f64) -> impl Strategy<Value = Goal> {
    (
        select(vec![
            GoalLifecycle::Proposed,
            GoalLifecycle::Active,
            GoalLifecycle::Accepted,
            GoalLifecycle::Completed,
            GoalLifecycle::OnHold,
            GoalLifecycle::Cancelled,
        ]),
        0u64..100,
        100u64..400,
        any::<bool>(),
        0usize..3,
    )
        .prop_map(move |(status, start, due, with_target, text)| Goal {
            id: GoalId::new(format!("g{i}")),
            text: format!("goal text {text}"),
            domain: GoalDomain::Health,
            expressed_by: ExpressedBy::Citizen,
            responsible: if text == 0 {
                Vec::new()
            } else {
                vec![ActorId::new("p0")]
            },
            sectors: vec![Sector::MunicipalEmployment],
            agreed_at: Some(day(start)),
            signed_by: Vec::new(),
            start: day(start),
            targets: if with_target {
                vec![Target {
                    indicator: indicator.clone(),
                    threshold,
                    due: day(start + due),
                }]
            } else {
                Vec::new()
            },
            milestones: Vec::new(),
            status,
        })
}

/// A case file with a plan (0–5 goals on indicator `def`, 0–30 activities, capacity, evaluations)
/// and a measurement series of `def`, with the reference data to check it against. It passes the
/// case-file check.
pub fn plan_case() -> impl Strategy<Value = (CaseFile, ReferenceData)> {
    instrument("ind").prop_flat_map(|def| {
        let threshold = (def.range.min + def.range.max) / 2.0;
        let id = def.id.clone();
        (0usize..=5)
            .prop_flat_map(move |n_goals| {
                let goals: Vec<_> = (0..n_goals)
                    .map(|i| goal(i, id.clone(), threshold))
                    .collect();
                (Just(n_goals), goals)
            })
            .prop_flat_map(|(n_goals, goals)| {
                let acts: Vec<_> = (0..30).map(|i| activity(i, n_goals)).collect();
                (
                    Just(goals),
                    acts,
                    0usize..=30,
                    proptest::option::of(0u8..=60),
                    proptest::collection::vec(0u64..400, 0..4),
                    proptest::collection::vec(0u64..400, 0..4),
                )
            })
            .prop_flat_map(move |(goals, mut acts, n_acts, cap, eval_dates, held)| {
                acts.truncate(n_acts);
                let plan = Plan {
                    goals,
                    activities: acts,
                    weekly_capacity_hours: cap.map(|c| f64::from(c) / 2.0),
                    evaluation_dates: eval_dates.into_iter().map(day).collect(),
                    evaluations: held
                        .into_iter()
                        .map(|d| Evaluation {
                            held_on: day(d),
                            participants: vec![ActorId::new("p0")],
                            note: String::new(),
                        })
                        .collect(),
                };
                let def = def.clone();
                (Just(plan), series(&def), Just(def))
            })
            .prop_map(|(plan, measurements, def)| {
                let case = CaseFile {
                    id: CaseId::new("case-plan-gen"),
                    title: String::new(),
                    citizen: Citizen {
                        identifiers: Vec::new(),
                        id: CitizenId::new("cit-gen"),
                        name: "Generated".to_owned(),
                        actor: None,
                    },
                    actors: cast(),
                    plan: Some(plan),
                    measurements,
                    ..CaseFile::default()
                };
                let reference = ReferenceData {
                    instruments: vec![def],
                    vocabularies: super::generated_vocabularies(),
                    ..ReferenceData::default()
                };
                (case, reference)
            })
    })
}
