//! A partial aggregate: the summary rows of any part of the population, counted per cell of the
//! chosen dimensions (up to four; a report takes two), and merged with the partials of the other parts.
//!
//! Every measure is a count or an exact histogram ([`super::histogram`]), so merging is addition:
//! associative and commutative, and the merge of the partials of any split of the rows equals the
//! partial of all of them (property tests in `tests/stats_props.rs`). Shares, intervals and
//! quartiles are computed only when the report is made, from the merged counts.

use super::dimension::Dimension;
use super::histogram::{Histogram, DAYS_CAP, WEEKS_CAP};
use super::intervention::{entry, histogram_minus, InterventionCounts};
use super::summary::CourseSummary;
use crate::ids::InstrumentId;
use crate::plan::ReliableChangeClass;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

/// The most dimensions a partial is broken down by (a benchmark partial: the municipality and
/// three case-mix strata).
pub const MAX_DIMENSIONS: usize = 4;
/// The most dimensions a published report is broken down by (its margins are protected as rows
/// and columns of a table).
pub const MAX_REPORT_DIMENSIONS: usize = 2;

/// What can go wrong making or merging partials.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum StatsError {
    /// More than four dimensions, or one twice.
    #[error("choose at most {MAX_DIMENSIONS} different dimensions")]
    Dimensions,
    /// A report of a partial by more than two dimensions.
    #[error("a report is broken down by at most {MAX_REPORT_DIMENSIONS} dimensions; a partial by more is for the benchmark")]
    ReportDimensions,
    /// A benchmark of a partial whose first dimension is not the municipality.
    #[error("a benchmark needs a partial whose first dimension is the municipality (by default municipality,target_group,level,age_band)")]
    BenchmarkDimensions,
    /// Partials broken down by different dimensions cannot be merged.
    #[error("the partials are broken down by different dimensions and cannot be merged")]
    DimensionsDiffer,
    /// Partials made as of different dates cannot be merged.
    #[error("the partials are made as of different dates and cannot be merged")]
    DatesDiffer,
    /// A row made as of another date than the partial's.
    #[error("the summary row is made as of another date than the other rows")]
    RowDateDiffers,
    /// A cell's key does not have one value per dimension.
    #[error("a cell's key must have one value per dimension")]
    KeyLength,
    /// The same key twice in one partial.
    #[error("a cell's key appears twice")]
    DuplicateKey,
    /// A cell's intervention counts do not fit its own counts (or are out of order).
    #[error("a cell's intervention counts must be in order, each once, and never exceed the cell's own counts")]
    InterventionCounts,
}

/// The counts per instrument of one cell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstrumentCounts {
    /// Courses measured at least twice on the instrument.
    pub measured: u64,
    /// Of those, reliably improved (baseline to latest).
    pub reliably_improved: u64,
    /// Of those, reliably deteriorated.
    pub reliably_deteriorated: u64,
    /// Of those, improved by at least the clinically relevant change.
    pub clinically_relevant: u64,
}

/// Everything counted in one cell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Courses (one per citizen's course).
    pub courses: u64,
    /// Courses back at work.
    pub returned: u64,
    /// Courses with one coordinator holding the thread.
    pub thread_held: u64,
    /// Courses with at least one overdue deadline.
    pub with_overdue: u64,
    /// Weeks of absence.
    pub weeks_absent: Histogram,
    /// Weeks to return to work (returned courses only).
    pub weeks_to_return: Histogram,
    /// Days to the first follow-up interview.
    pub days_to_first_interview: Histogram,
    /// Deadlines done.
    pub deadlines_met: u64,
    /// Deadlines overdue.
    pub deadlines_overdue: u64,
    /// Referrals closed.
    pub referrals_closed: u64,
    /// Referrals completed with an outcome.
    pub referrals_with_outcome: u64,
    /// Goals.
    pub goals: u64,
    /// Goals achieved.
    pub goals_achieved: u64,
    /// Per instrument.
    #[serde(default)]
    pub instruments: BTreeMap<InstrumentId, InstrumentCounts>,
    /// Per intervention the courses had (in order, each once): what the business case compares.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interventions: Vec<InterventionCounts>,
}

impl Counts {
    /// Count one row.
    pub fn add(&mut self, row: &CourseSummary) {
        self.courses += 1;
        self.returned += u64::from(row.returned);
        self.thread_held += u64::from(row.thread_held);
        self.with_overdue += u64::from(row.deadlines_overdue > 0);
        if let Some(w) = row.weeks_absent {
            self.weeks_absent.add(w, WEEKS_CAP);
        }
        if let Some(w) = row.weeks_to_return {
            self.weeks_to_return.add(w, WEEKS_CAP);
        }
        if let Some(d) = row.days_to_first_interview {
            self.days_to_first_interview.add(d, DAYS_CAP);
        }
        self.deadlines_met += u64::from(row.deadlines_met);
        self.deadlines_overdue += u64::from(row.deadlines_overdue);
        self.referrals_closed += u64::from(row.referrals_closed);
        self.referrals_with_outcome += u64::from(row.referrals_with_outcome);
        self.goals += u64::from(row.goals);
        self.goals_achieved += u64::from(row.goals_achieved);
        for i in &row.instruments {
            let c = self.instruments.entry(i.indicator.clone()).or_default();
            c.measured += 1;
            match i.reliable_change {
                Some(ReliableChangeClass::ReliablyImproved) => c.reliably_improved += 1,
                Some(ReliableChangeClass::ReliablyDeteriorated) => c.reliably_deteriorated += 1,
                _ => {}
            }
            c.clinically_relevant += u64::from(i.clinically_relevant == Some(true));
        }
        for i in &row.interventions {
            entry(&mut self.interventions, i).add(row.returned, row.weeks_absent);
        }
    }

    /// Add every count of `other`.
    pub fn merge(&mut self, other: &Counts) {
        self.courses += other.courses;
        self.returned += other.returned;
        self.thread_held += other.thread_held;
        self.with_overdue += other.with_overdue;
        self.weeks_absent.merge(&other.weeks_absent);
        self.weeks_to_return.merge(&other.weeks_to_return);
        self.days_to_first_interview
            .merge(&other.days_to_first_interview);
        self.deadlines_met += other.deadlines_met;
        self.deadlines_overdue += other.deadlines_overdue;
        self.referrals_closed += other.referrals_closed;
        self.referrals_with_outcome += other.referrals_with_outcome;
        self.goals += other.goals;
        self.goals_achieved += other.goals_achieved;
        for (id, c) in &other.instruments {
            let mine = self.instruments.entry(id.clone()).or_default();
            mine.measured += c.measured;
            mine.reliably_improved += c.reliably_improved;
            mine.reliably_deteriorated += c.reliably_deteriorated;
            mine.clinically_relevant += c.clinically_relevant;
        }
        for i in &other.interventions {
            entry(&mut self.interventions, &i.intervention).merge(i);
        }
    }

    /// Whether the intervention counts belong to this cell: each intervention once, in order,
    /// well formed, and never more courses, returns or weeks than the cell has.
    pub fn interventions_fit(&self) -> bool {
        let ordered = self
            .interventions
            .windows(2)
            .all(|w| w[0].intervention < w[1].intervention);
        ordered
            && self.interventions.iter().all(|i| {
                i.intervention.is_well_formed()
                    && i.courses <= self.courses
                    && i.returned <= i.courses.min(self.returned)
                    && i.weeks_absent.len() <= i.courses
                    && histogram_minus(&self.weeks_absent, &i.weeks_absent).is_some()
            })
    }
}

/// One cell: the values of the dimensions (`null`: not recorded) and its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// One value per dimension, in the partial's order.
    pub key: Vec<Option<String>>,
    /// The counts.
    pub counts: Counts,
}

/// A partial aggregate: cells in key order, each key once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partial {
    /// The dimensions, in order (none: one cell for everything).
    pub dimensions: Vec<Dimension>,
    /// The date the rows were made as of (none while empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// The cells, in key order.
    pub cells: Vec<Cell>,
}

/// Check that `dimensions` are at most four and different.
pub fn check_dimensions(dimensions: &[Dimension]) -> Result<(), StatsError> {
    let twice = dimensions
        .iter()
        .enumerate()
        .any(|(i, d)| dimensions[..i].contains(d));
    if dimensions.len() > MAX_DIMENSIONS || twice {
        Err(StatsError::Dimensions)
    } else {
        Ok(())
    }
}

impl Partial {
    /// The empty partial for `dimensions`.
    pub fn empty(dimensions: Vec<Dimension>) -> Result<Partial, StatsError> {
        check_dimensions(&dimensions)?;
        Ok(Partial {
            dimensions,
            as_of: None,
            cells: Vec::new(),
        })
    }

    /// The partial of `rows` (all made as of one date) by `dimensions`.
    pub fn of_rows<'r>(
        dimensions: Vec<Dimension>,
        rows: impl IntoIterator<Item = &'r CourseSummary>,
    ) -> Result<Partial, StatsError> {
        check_dimensions(&dimensions)?;
        let mut as_of = None;
        let mut cells: BTreeMap<Vec<Option<String>>, Counts> = BTreeMap::new();
        for row in rows {
            match as_of {
                None => as_of = Some(row.as_of),
                Some(d) if d != row.as_of => return Err(StatsError::RowDateDiffers),
                Some(_) => {}
            }
            let key = dimensions.iter().map(|d| d.value(row)).collect();
            cells.entry(key).or_default().add(row);
        }
        Ok(Partial {
            dimensions,
            as_of,
            cells: cells
                .into_iter()
                .map(|(key, counts)| Cell { key, counts })
                .collect(),
        })
    }

    /// Check a partial read from outside: dimensions, key lengths, each key once.
    pub fn validate(&self) -> Result<(), StatsError> {
        check_dimensions(&self.dimensions)?;
        let mut seen = std::collections::BTreeSet::new();
        for c in &self.cells {
            if c.key.len() != self.dimensions.len() {
                return Err(StatsError::KeyLength);
            }
            if !seen.insert(&c.key) {
                return Err(StatsError::DuplicateKey);
            }
            if !c.counts.interventions_fit() {
                return Err(StatsError::InterventionCounts);
            }
        }
        Ok(())
    }

    /// Merge `other` into a new partial (same dimensions and date, or either empty of rows).
    pub fn merge(&self, other: &Partial) -> Result<Partial, StatsError> {
        if self.dimensions != other.dimensions {
            return Err(StatsError::DimensionsDiffer);
        }
        let as_of = match (self.as_of, other.as_of) {
            (Some(a), Some(b)) if a != b => return Err(StatsError::DatesDiffer),
            (a, b) => a.or(b),
        };
        let mut cells: BTreeMap<Vec<Option<String>>, Counts> = BTreeMap::new();
        for c in self.cells.iter().chain(&other.cells) {
            cells.entry(c.key.clone()).or_default().merge(&c.counts);
        }
        Ok(Partial {
            dimensions: self.dimensions.clone(),
            as_of,
            cells: cells
                .into_iter()
                .map(|(key, counts)| Cell { key, counts })
                .collect(),
        })
    }

    /// Merge every partial of `parts` (the empty partial for `dimensions` when there are none).
    pub fn merge_all<'p>(
        dimensions: Vec<Dimension>,
        parts: impl IntoIterator<Item = &'p Partial>,
    ) -> Result<Partial, StatsError> {
        let mut whole = Partial::empty(dimensions)?;
        for p in parts {
            whole = whole.merge(p)?;
        }
        Ok(whole)
    }
}
