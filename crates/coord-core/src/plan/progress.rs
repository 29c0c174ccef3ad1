//! What progression answers: per indicator (points, reliable and clinically relevant change,
//! bands, trend, targets) and per goal (targets and achievement status). The engine that
//! computes it is [`super::progression()`]; each goal's achievement is [`super::achievement`]'s.

use super::goal::{AchievementStatus, GoalDomain, GoalLifecycle};
use crate::ids::{GoalId, InstrumentId};
use crate::instruments::{AbilityDomain, Band, IndicatorDomain, SafetyFlag, ScoreRange};
use crate::pointer::Pointer;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why progression cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ProgressError {
    /// A measurement dated after the day progression is computed as of.
    #[error("the measurement is dated after the as-of date")]
    MeasurementAfterAsOf {
        /// Where the measurement's date is.
        at: Pointer,
        /// Its date.
        date: NaiveDate,
        /// The as-of date.
        as_of: NaiveDate,
    },
}

impl ProgressError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            ProgressError::MeasurementAfterAsOf { .. } => "progress.measurement_after_as_of",
        }
    }

    /// Where the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            ProgressError::MeasurementAfterAsOf { at, .. } => at,
        }
    }
}

/// Progression of every measured indicator and every goal, as of a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProgressReport {
    /// The day.
    pub as_of: NaiveDate,
    /// One entry per measured indicator, in the order of the instrument definitions.
    pub indicators: Vec<IndicatorProgress>,
    /// One entry per goal, in plan order.
    pub goals: Vec<GoalProgress>,
}

/// One measured point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Point {
    /// The day.
    pub date: NaiveDate,
    /// The score.
    pub score: f64,
    /// The index of its band in the indicator's `bands`, if it has bands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<usize>,
}

/// Whether a change is for the better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeDirection {
    /// Better, in the indicator's direction.
    Better,
    /// Worse.
    Worse,
    /// The same.
    Unchanged,
}

/// The Jacobson–Truax classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReliableChangeClass {
    /// |RCI| > 1.96, for the better.
    ReliablyImproved,
    /// |RCI| > 1.96, for the worse.
    ReliablyDeteriorated,
    /// |RCI| ≤ 1.96: within measurement error.
    NoReliableChange,
}

impl ReliableChangeClass {
    /// The class in words.
    pub fn label(self, lang: crate::category::Language) -> &'static str {
        match (self, lang) {
            (ReliableChangeClass::ReliablyImproved, crate::category::Language::En) => {
                "reliably improved"
            }
            (ReliableChangeClass::ReliablyImproved, crate::category::Language::Da) => {
                "pålideligt forbedret"
            }
            (ReliableChangeClass::ReliablyDeteriorated, crate::category::Language::En) => {
                "reliably worse"
            }
            (ReliableChangeClass::ReliablyDeteriorated, crate::category::Language::Da) => {
                "pålideligt forværret"
            }
            (ReliableChangeClass::NoReliableChange, crate::category::Language::En) => {
                "no reliable change"
            }
            (ReliableChangeClass::NoReliableChange, crate::category::Language::Da) => {
                "ingen pålidelig ændring"
            }
        }
    }
}

/// The reliable-change index between baseline and latest.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReliableChange {
    /// RCI = (latest − baseline) / S_diff; its sign is the sign of the raw change.
    pub rci: f64,
    /// S_diff = √2 · SD · √(1 − r).
    pub s_diff: f64,
    /// The classification, respecting the indicator's direction.
    pub class: ReliableChangeClass,
}

/// A move from one band to another between two consecutive measurements. Bands are given by
/// their index in the indicator's `bands` (labels are there, once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BandTransition {
    /// The day of the measurement in the new band.
    pub date: NaiveDate,
    /// The index of the band before.
    pub from: usize,
    /// The index of the band after.
    pub to: usize,
    /// Whether the move is for the better.
    pub direction: ChangeDirection,
}

/// A goal's target on this indicator, for charts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TargetMark {
    /// The goal.
    pub goal: GoalId,
    /// The threshold.
    pub threshold: f64,
    /// The due date.
    pub due: NaiveDate,
}

impl IndicatorProgress {
    /// The band at `index` in this indicator's bands.
    pub fn band(&self, index: usize) -> Option<&Band> {
        self.bands.get(index)
    }
}

/// Progression of one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IndicatorProgress {
    /// The indicator.
    pub indicator: InstrumentId,
    /// Its name in Danish.
    pub name_da: String,
    /// Its name in English.
    pub name_en: String,
    /// What it speaks of.
    pub domain: IndicatorDomain,
    /// Which of the two sectors' words that is (functional or work ability).
    pub speaks_of: AbilityDomain,
    /// Whether higher is better.
    pub higher_is_better: bool,
    /// The score range.
    pub range: ScoreRange,
    /// The bands.
    pub bands: Vec<Band>,
    /// Every measurement up to the as-of date, by date (ties by measurement id).
    pub points: Vec<Point>,
    /// The first measurement.
    pub baseline: Point,
    /// The latest measurement.
    pub latest: Point,
    /// latest − baseline.
    pub change: f64,
    /// Whether that change is for the better.
    pub direction: ChangeDirection,
    /// The reliable-change index, where the reliability is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliable_change: Option<ReliableChange>,
    /// Whether the change from baseline reaches the instrument's clinically relevant change
    /// (absent when the instrument defines none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinically_relevant: Option<bool>,
    /// The least-squares slope of score over time, per month (needs two days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend_per_month: Option<f64>,
    /// Band changes between consecutive measurements.
    pub band_transitions: Vec<BandTransition>,
    /// Goal targets on this indicator.
    pub targets: Vec<TargetMark>,
    /// Safety flags raised by the latest measurement.
    pub safety_flags: Vec<SafetyFlag>,
}

/// Whether a target is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetState {
    /// Reached on or before the due date.
    Met,
    /// The due date passed without reaching it.
    Missed,
    /// Not yet reached, and not yet due.
    Open,
}

/// One target of a goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TargetProgress {
    /// The indicator.
    pub indicator: InstrumentId,
    /// The threshold.
    pub threshold: f64,
    /// Whether the target is reached at or above the threshold (the instrument's higher is
    /// better), or at or below it.
    pub at_least: bool,
    /// The due date.
    pub due: NaiveDate,
    /// Met, missed or open.
    pub state: TargetState,
    /// The first day on or after the goal's start and on or before the due date the threshold was
    /// reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met_on: Option<NaiveDate>,
    /// The latest score, if measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<f64>,
}

impl TargetProgress {
    /// The comparison the target asks for: `≥` when higher is better, `≤` when lower is.
    pub fn comparison(&self) -> &'static str {
        if self.at_least {
            "≥"
        } else {
            "≤"
        }
    }
}

/// Progress of one goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GoalProgress {
    /// The goal.
    pub goal: GoalId,
    /// The goal in the citizen's words.
    pub text: String,
    /// Its domain.
    pub domain: GoalDomain,
    /// Which of the two sectors' words that is.
    pub speaks_of: AbilityDomain,
    /// Its lifecycle.
    pub status: GoalLifecycle,
    /// The computed achievement status (FHIR); absent for a goal without targets or out of play.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievement: Option<AchievementStatus>,
    /// Its targets.
    pub targets: Vec<TargetProgress>,
}
