//! What happened next in a synthetic course, for statistics: whether and when the citizen went back
//! to work, and a baseline and a follow-up on WHO-5 and the Work Ability Score for some.
//!
//! Drawn from a sequence of its own (seeded from the population's seed and the index), so adding
//! outcomes left every other part of a generated case as it was. The figures are assumptions for
//! synthetic data, not survey figures: about 55 % back at work within a year (sooner for the
//! uncomplicated), half measured on WHO-5, a third on the Work Ability Score, follow-ups leaning
//! to improvement.

use super::rng::SplitMix64;
use crate::ids::{ActorId, InstrumentId, MeasurementId};
use crate::plan::{Measurement, MeasurementSource};
use chrono::{Duration, NaiveDate};

/// Mixed into the seed so the outcome sequence is independent of the case's main sequence.
const OUTCOME_STREAM: u64 = 0x7E57_0C0A_2D15_0001;

/// The outcomes of case `index`: the return to work (on or before `as_of`) and measurements.
pub(super) fn outcomes(
    seed: u64,
    index: u64,
    start: NaiveDate,
    as_of: NaiveDate,
    complex: bool,
) -> (Option<NaiveDate>, Vec<Measurement>) {
    let mut rng = SplitMix64::for_item(seed ^ OUTCOME_STREAM, index);
    let days_in = (as_of - start).num_days().max(0) as u64;
    let returned = rng
        .chance(if complex { 0.4 } else { 0.6 })
        .then(|| {
            let weeks = if complex {
                8 + rng.below(44)
            } else {
                2 + rng.below(30)
            };
            start + Duration::days((weeks * 7 + rng.below(7)) as i64)
        })
        .filter(|d| *d <= as_of);
    let mut measurements = Vec::new();
    let follow_up_day = (days_in >= 60).then(|| 56 + rng.below(days_in - 55));
    let baseline_day = 7 + rng.below(14);
    if days_in >= baseline_day && rng.chance(0.5) {
        let base: Vec<i32> = (0..5).map(|_| rng.below(4) as i32).collect();
        measurements.push(measurement(
            "who5",
            0,
            start,
            baseline_day,
            Some(base.clone()),
            None,
        ));
        if let Some(day) = follow_up_day {
            let gain = rng.below(3) as i32 - if rng.chance(0.25) { 2 } else { 0 };
            let later = base.iter().map(|a| (a + gain).clamp(0, 5)).collect();
            measurements.push(measurement("who5", 1, start, day, Some(later), None));
        }
    }
    if days_in >= baseline_day && rng.chance(1.0 / 3.0) {
        let base = rng.below(6) as f64;
        measurements.push(measurement("was", 0, start, baseline_day, None, Some(base)));
        if let Some(day) = follow_up_day {
            let later = (base + rng.below(5) as f64 - 1.0).clamp(0.0, 10.0);
            measurements.push(measurement("was", 1, start, day, None, Some(later)));
        }
    }
    measurements.sort_by_key(|m| m.date);
    (returned, measurements)
}

fn measurement(
    instrument: &str,
    n: u32,
    start: NaiveDate,
    day: u64,
    answers: Option<Vec<i32>>,
    value: Option<f64>,
) -> Measurement {
    Measurement {
        id: MeasurementId::new(format!("syn-{instrument}-{n}")),
        indicator: InstrumentId::new(instrument),
        date: start + Duration::days(day as i64),
        value,
        answers: answers.map(|a| a.into_iter().map(Some).collect()),
        source: MeasurementSource::Instrument,
        recorded_by: Some(ActorId::new("syn-caseworker")),
    }
}
