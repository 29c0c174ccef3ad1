//! Measurements: an indicator's value on a day, given as a value or as item answers.

use crate::ids::{ActorId, InstrumentId, MeasurementId};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One measurement of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// The measurement's id, unique within the case file.
    pub id: MeasurementId,
    /// The indicator (an instrument id in the reference data).
    pub indicator: InstrumentId,
    /// The day it was measured.
    pub date: NaiveDate,
    /// The score, when given directly (a single number such as the Work Ability Score).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The item answers, in item order (`null` for an unanswered item); scored with the
    /// instrument's definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<Option<i32>>>,
    /// Where the measurement comes from.
    pub source: MeasurementSource,
    /// Who recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<ActorId>,
}

/// Where a measurement comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeasurementSource {
    /// The citizen's own report.
    CitizenSelfReport,
    /// A professional's assessment.
    ProfessionalAssessment,
    /// A questionnaire filled in by the citizen.
    Instrument,
}
