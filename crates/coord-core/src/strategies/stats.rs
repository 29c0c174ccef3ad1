//! Generators for statistics: summary rows over a few municipalities, groups and bands, so cells
//! are small and suppression has work to do.

use crate::course::TargetGroup;
use crate::demographics::{Gender, MunicipalityCode};
use crate::ids::InstrumentId;
use crate::plan::ReliableChangeClass;
use crate::rules::CoordinationLevel;
use crate::stats::{AgeBand, CourseSummary, Dimension, InstrumentChange, Intervention, Quarter};
use chrono::NaiveDate;
use proptest::prelude::*;

/// The date every generated row is made as of.
pub fn stats_as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or(NaiveDate::MIN)
}

fn instrument() -> impl Strategy<Value = InstrumentChange> {
    (
        prop::sample::select(vec!["who5", "was"]),
        prop::option::of(prop::sample::select(vec![
            ReliableChangeClass::ReliablyImproved,
            ReliableChangeClass::ReliablyDeteriorated,
            ReliableChangeClass::NoReliableChange,
        ])),
        prop::option::of(any::<bool>()),
    )
        .prop_map(
            |(id, reliable_change, clinically_relevant)| InstrumentChange {
                indicator: InstrumentId::new(id),
                reliable_change,
                clinically_relevant,
            },
        )
}

/// A summary row as of [`stats_as_of`], over 6 municipalities, 3 target groups, the 3 levels,
/// 3 age bands, 2 genders and 4 quarters (any of them sometimes unrecorded).
pub fn course_summary() -> impl Strategy<Value = CourseSummary> {
    let dims = (
        prop::option::weighted(0.95, 0u32..6),
        prop::option::weighted(
            0.95,
            prop::sample::select(vec![
                TargetGroup::SICKNESS_BENEFIT,
                TargetGroup::new("job_clarification"),
                TargetGroup::new("resource_course"),
            ]),
        ),
        prop::option::of(prop::sample::select(vec![
            CoordinationLevel::Uncomplicated,
            CoordinationLevel::PredictableLong,
            CoordinationLevel::Complex,
        ])),
        prop::option::weighted(
            0.95,
            prop::sample::select(vec![
                AgeBand::From18To29,
                AgeBand::From40To49,
                AgeBand::From60,
            ]),
        ),
        prop::option::weighted(
            0.95,
            prop::sample::select(vec![Gender::Female, Gender::Male]),
        ),
        prop::option::weighted(0.95, 1u32..=4),
    );
    let measures = (
        prop::option::of(0u32..80),
        prop::option::of(0u32..60),
        prop::option::of(0u32..90),
        (0u32..4, 0u32..3, 0u32..3),
        any::<bool>(),
        (0u32..3, 0u32..3),
        prop::collection::vec(instrument(), 0..2),
        (0u32..4, 0u32..4),
        prop::sample::subsequence(
            vec![
                Intervention::Role("bridge_builder".to_owned()),
                Intervention::Offer(crate::ids::OfferId::new("brobygger-samtale")),
            ],
            0..=2,
        ),
    );
    (dims, measures).prop_map(
        |(
            (municipality, target_group, level, age_band, gender, quarter),
            (
                absent,
                to_return,
                interview,
                (met, overdue, open),
                thread,
                (closed, outcome),
                mut instruments,
                (goals, achieved),
                interventions,
            ),
        )| {
            instruments.sort_by(|a, b| a.indicator.cmp(&b.indicator));
            instruments.dedup_by(|a, b| a.indicator == b.indicator);
            CourseSummary {
                as_of: stats_as_of(),
                municipality: municipality.map(|m| MunicipalityCode::new(format!("SYN-{m:03}"))),
                target_group,
                level,
                age_band,
                gender,
                period: quarter.map(|q| Quarter(format!("2026-Q{q}"))),
                weeks_absent: absent.map(|a| a.max(to_return.unwrap_or(0))),
                returned: to_return.is_some(),
                weeks_to_return: to_return,
                days_to_first_interview: interview,
                deadlines_met: met,
                deadlines_overdue: overdue,
                deadlines_open: open,
                thread_held: thread,
                referrals_closed: closed,
                referrals_with_outcome: outcome.min(closed),
                instruments,
                goals,
                goals_achieved: achieved.min(goals),
                interventions,
            }
        },
    )
}

/// Up to two different dimensions.
pub fn dimensions() -> impl Strategy<Value = Vec<Dimension>> {
    prop::sample::subsequence(Dimension::ALL.to_vec(), 0..=2).prop_shuffle()
}
