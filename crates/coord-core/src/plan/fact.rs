//! The latest band of an indicator as of a day: a fact for the rules engine.

use super::progression::measurement_score;
use crate::check::CheckedCase;
use crate::ids::{InstrumentId, MeasurementId};
use crate::instruments::BandRef;
use crate::reference::ReferenceData;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An indicator's latest band as of a day: a fact for the rules engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BandFact {
    /// The indicator.
    pub indicator: InstrumentId,
    /// The measurement it comes from.
    pub measurement: MeasurementId,
    /// Its date.
    pub date: NaiveDate,
    /// Its score.
    pub score: f64,
    /// The band.
    pub band: BandRef,
}

/// The band of the latest measurement of `indicator` on or before `as_of` (ties on a day by
/// measurement id), or `None` when it was not measured or has no bands.
pub fn latest_band(
    case: &CheckedCase,
    reference: &ReferenceData,
    indicator: &InstrumentId,
    as_of: NaiveDate,
) -> Option<BandFact> {
    let def = crate::instruments::find(&reference.instruments, indicator)?;
    let m = case
        .case()
        .measurements
        .iter()
        .filter(|m| &m.indicator == indicator && m.date <= as_of)
        .max_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)))?;
    let score = measurement_score(def, m)?;
    Some(BandFact {
        indicator: indicator.clone(),
        measurement: m.id.clone(),
        date: m.date,
        score,
        band: def.band_ref(score)?,
    })
}
