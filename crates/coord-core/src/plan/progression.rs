//! Progression per indicator over time, and each goal's targets and achievement status.

use super::goal::{AchievementStatus, Goal, GoalDomain, GoalLifecycle};
use super::measurement::Measurement;
use crate::check::CheckedCase;
use crate::ids::{GoalId, InstrumentId};
use crate::instruments::{
    AbilityDomain, Band, IndicatorDomain, InstrumentDefinition, SafetyFlag, ScoreRange,
};
use crate::pointer::Pointer;
use crate::reference::ReferenceData;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use thiserror::Error;

/// The |RCI| above which a change is reliable (Jacobson–Truax, p < .05).
pub const RCI_CRITICAL: f64 = 1.96;
/// The average length of a month in days, for trends per month.
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// Why progression cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ProgressError {
    /// A measurement dated after the day progression is computed as of.
    #[error("{at}: the measurement is dated {date}, after the as-of date {as_of}")]
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

/// The score of one measurement, or `None` if it does not score (a checked case always scores).
pub fn measurement_score(def: &InstrumentDefinition, m: &Measurement) -> Option<f64> {
    match (&m.value, &m.answers) {
        (Some(v), None) => Some(*v),
        (None, Some(a)) => def.score(a, &Pointer::root()).ok().map(|s| s.score),
        _ => None,
    }
}

fn direction(def: &InstrumentDefinition, from: f64, to: f64) -> ChangeDirection {
    if def.is_better(to, from) {
        ChangeDirection::Better
    } else if def.is_better(from, to) {
        ChangeDirection::Worse
    } else {
        ChangeDirection::Unchanged
    }
}

fn slope_per_month(points: &[Point]) -> Option<f64> {
    use chrono::Datelike;
    let first = points.first()?.date.num_days_from_ce();
    let n = points.len() as f64;
    // One pass over (days since the first point, score).
    let (mut sx, mut sy, mut sxx, mut sxy) = (0.0, 0.0, 0.0, 0.0);
    for p in points {
        let x = f64::from(p.date.num_days_from_ce() - first);
        sx += x;
        sy += p.score;
        sxx += x * x;
        sxy += x * p.score;
    }
    let denominator = n * sxx - sx * sx;
    (denominator > 0.0).then(|| (n * sxy - sx * sy) / denominator * DAYS_PER_MONTH)
}

/// Progression of `def` over `series` (already sorted by date, then id).
fn indicator_progress(
    def: &InstrumentDefinition,
    series: &[&Measurement],
    goals: &[Goal],
) -> Option<IndicatorProgress> {
    let points: Vec<Point> = series
        .iter()
        .filter_map(|m| {
            let score = measurement_score(def, m)?;
            Some(Point {
                date: m.date,
                score,
                band: def.band_index(score),
            })
        })
        .collect();
    let baseline = *points.first()?;
    let latest = *points.last()?;
    let change = latest.score - baseline.score;
    let dir = direction(def, baseline.score, latest.score);
    let reliable_change = def.s_diff().map(|s_diff| {
        let rci = change / s_diff;
        let class = if rci.abs() <= RCI_CRITICAL {
            ReliableChangeClass::NoReliableChange
        } else if dir == ChangeDirection::Better {
            ReliableChangeClass::ReliablyImproved
        } else {
            ReliableChangeClass::ReliablyDeteriorated
        };
        ReliableChange { rci, s_diff, class }
    });
    let band_transitions = points
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (w.first()?, w.get(1)?);
            let (fa, fb) = (a.band?, b.band?);
            (fa != fb).then(|| BandTransition {
                date: b.date,
                from: fa,
                to: fb,
                direction: direction(def, a.score, b.score),
            })
        })
        .collect();
    let safety_flags = series
        .last()
        .and_then(|m| m.answers.as_ref())
        .and_then(|a| def.score(a, &Pointer::root()).ok())
        .map(|s| s.safety_flags)
        .unwrap_or_default();
    let targets = goals
        .iter()
        .filter(|g| !g.status.is_void())
        .flat_map(|g| {
            g.targets
                .iter()
                .filter(|t| t.indicator == def.id)
                .map(|t| TargetMark {
                    goal: g.id.clone(),
                    threshold: t.threshold,
                    due: t.due,
                })
        })
        .collect();
    Some(IndicatorProgress {
        indicator: def.id.clone(),
        name_da: def.name_da.clone(),
        name_en: def.name_en.clone(),
        domain: def.domain,
        speaks_of: def.domain.speaks_of(),
        higher_is_better: def.higher_is_better,
        range: def.range,
        bands: def.bands.clone(),
        trend_per_month: slope_per_month(&points),
        points,
        baseline,
        latest,
        change,
        direction: dir,
        reliable_change,
        band_transitions,
        targets,
        safety_flags,
    })
}

/// Reject measurements dated after `as_of`.
fn check_dates(measurements: &[Measurement], as_of: NaiveDate) -> Result<(), ProgressError> {
    match measurements.iter().position(|m| m.date > as_of) {
        Some(i) => Err(ProgressError::MeasurementAfterAsOf {
            at: Pointer::root().key("measurements").index(i).key("date"),
            date: measurements.get(i).map_or(as_of, |m| m.date),
            as_of,
        }),
        None => Ok(()),
    }
}

/// Progression of every measured indicator and every goal of `case`, as of `as_of`. The result
/// does not depend on the order of the measurements in the case file.
pub fn progression(
    case: &CheckedCase,
    reference: &ReferenceData,
    as_of: NaiveDate,
) -> Result<ProgressReport, ProgressError> {
    let case = case.case();
    check_dates(&case.measurements, as_of)?;
    let all = &case.measurements;
    let defs = &reference.instruments;
    // Group by indicator with a counting sort: one lookup per measurement, then each indicator's
    // (date, position) keys in one flat buffer, so the sort moves small inline keys.
    let mut slot_of: HashMap<&str, usize, BuildFnv> =
        HashMap::with_capacity_and_hasher(defs.len(), BuildFnv::default());
    for (i, def) in defs.iter().enumerate() {
        slot_of.entry(def.id.as_str()).or_insert(i);
    }
    let slots: Vec<Option<usize>> = all
        .iter()
        .map(|m| slot_of.get(m.indicator.as_str()).copied())
        .collect();
    let mut starts = vec![0usize; defs.len() + 1];
    for slot in slots.iter().flatten() {
        if let Some(c) = starts.get_mut(slot + 1) {
            *c += 1;
        }
    }
    for i in 1..starts.len() {
        let previous = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = starts.get_mut(i) {
            *c += previous;
        }
    }
    let mut fill = starts.clone();
    let mut keys = vec![(NaiveDate::MIN, 0usize); starts.last().copied().unwrap_or(0)];
    for (pos, (slot, m)) in slots.iter().zip(all).enumerate() {
        let Some(slot) = slot else { continue };
        if let Some(at) = fill.get_mut(*slot) {
            if let Some(k) = keys.get_mut(*at) {
                *k = (m.date, pos);
            }
            *at += 1;
        }
    }
    let goals: &[Goal] = case.plan.as_ref().map_or(&[], |p| &p.goals);
    let mut indicators = Vec::with_capacity(defs.len());
    let mut series: Vec<&Measurement> = Vec::new();
    for (i, def) in defs.iter().enumerate() {
        let range = starts.get(i).copied().unwrap_or(0)..starts.get(i + 1).copied().unwrap_or(0);
        let Some(keys) = keys.get_mut(range).filter(|k| !k.is_empty()) else {
            continue;
        };
        // Same day: by measurement id, so the input order never matters.
        keys.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| {
                let id = |k: &(NaiveDate, usize)| all.get(k.1).map(|m| &m.id);
                id(a).cmp(&id(b))
            })
        });
        series.clear();
        series.extend(keys.iter().filter_map(|k| all.get(k.1)));
        indicators.extend(indicator_progress(def, &series, goals));
    }
    let goals = goals
        .iter()
        .map(|g| super::achievement::goal_progress(g, &indicators, &reference.instruments, as_of))
        .collect();
    Ok(ProgressReport {
        as_of,
        indicators,
        goals,
    })
}

/// FNV-1a: ids are short strings from the host, and grouping thousands of measurements by
/// indicator should not pay for a DoS-resistant hash (the input is one citizen's case file).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type BuildFnv = BuildHasherDefault<Fnv>;
