//! The statistics report: a merged partial turned into published tables — every cell of the
//! chosen dimensions with its row and column totals and the grand total — with disclosure control
//! applied ([`super::disclosure`]).
//!
//! What is published per cell:
//! - **courses**: a count of citizens' courses, protected (primary and complementary);
//! - **shares** of courses (back at work, one coordinator holding the thread, an overdue
//!   deadline) and per instrument (reliably improved, clinically relevantly improved, of those
//!   measured twice) with 95 % Wilson intervals. Each numerator is a count of citizens too: it is
//!   protected as a table of its own, primary when its denominator is not shown or when fewer
//!   than `k` citizens have — or lack — the attribute (else "all of them" or "none of them" would
//!   tell something about each one);
//! - **quartiles** of weeks of absence, weeks to return and days to the first interview: shown
//!   only for a shown cell with at least `2k` observations, and not when one value holds more
//!   than `dominance` of them (the dominance check: the figure would then be one value most of
//!   the group shares). No means are published;
//! - **ratios** of deadlines met (of those due), closed referrals with an outcome and goals
//!   achieved: counts of deadlines, referrals and goals, not citizens; shown for a shown cell
//!   when the denominator is at least `k`, and published only as ratios (never the counts, so no
//!   equation holds them).

use super::dimension::Dimension;
use super::disclosure::{cells, index, primary, protect, protect_knowing};
use super::histogram::{Histogram, Quartiles};
use super::partial::{Counts, Partial, StatsError, MAX_REPORT_DIMENSIONS};
use super::wilson::{wilson, ShareInterval};
use crate::ids::InstrumentId;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The default smallest number of citizens a published cell may count.
pub const DEFAULT_K: u32 = 5;
/// The default dominance limit for quartiles: the largest share one value may hold.
pub const DEFAULT_DOMINANCE: f64 = 0.8;

/// Disclosure settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DisclosureSettings {
    /// The smallest number of citizens a published cell may count (default 5, at least 2).
    #[serde(default = "default_k")]
    pub k: u32,
    /// Quartiles are not shown when one value holds more than this share of the observations
    /// (default 0.8).
    #[serde(default = "default_dominance")]
    pub dominance: f64,
}

fn default_k() -> u32 {
    DEFAULT_K
}

fn default_dominance() -> f64 {
    DEFAULT_DOMINANCE
}

impl Default for DisclosureSettings {
    fn default() -> Self {
        Self {
            k: DEFAULT_K,
            dominance: DEFAULT_DOMINANCE,
        }
    }
}

/// A published figure, or why it is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Published<T> {
    /// Shown.
    Value(T),
    /// Fewer than k citizens (primary suppression): shown as "<k".
    BelowK,
    /// Not shown: complementary suppression, or computed from a cell not shown, or too few
    /// observations, or dominated by one value.
    Suppressed,
}

impl<T> Published<T> {
    /// The value, when shown.
    pub fn value(&self) -> Option<&T> {
        match self {
            Published::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// The figures of one instrument in one cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstrumentFigures {
    /// The instrument.
    pub indicator: InstrumentId,
    /// Courses measured at least twice.
    pub measured: Published<u64>,
    /// Share reliably improved.
    pub reliably_improved: Published<ShareInterval>,
    /// Share improved by at least the clinically relevant change.
    pub clinically_relevant: Published<ShareInterval>,
}

/// One published cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportCell {
    /// One value per dimension (`null`: not recorded; see `total`).
    pub key: Vec<Option<String>>,
    /// Per dimension: whether this cell is the total over it (a margin).
    pub total: Vec<bool>,
    /// Courses.
    pub courses: Published<u64>,
    /// Share back at work.
    pub returned: Published<ShareInterval>,
    /// Share with one coordinator holding the thread.
    pub thread_held: Published<ShareInterval>,
    /// Share with at least one overdue deadline.
    pub with_overdue: Published<ShareInterval>,
    /// Quartiles of the weeks of absence.
    pub weeks_absent: Published<Quartiles>,
    /// Quartiles of the weeks to return to work (courses back at work).
    pub weeks_to_return: Published<Quartiles>,
    /// Quartiles of the days to the first follow-up interview.
    pub days_to_first_interview: Published<Quartiles>,
    /// Deadlines met of those met or overdue.
    pub deadlines_met: Published<f64>,
    /// Closed referrals completed with an outcome.
    pub referrals_with_outcome: Published<f64>,
    /// Goals achieved of the goals set.
    pub goals_achieved: Published<f64>,
    /// Per instrument, in id order.
    pub instruments: Vec<InstrumentFigures>,
}

/// The statistics report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatsReport {
    /// The date the rows were made as of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// The dimensions.
    pub dimensions: Vec<Dimension>,
    /// The settings applied.
    pub disclosure: DisclosureSettings,
    /// The values of each dimension, in order.
    pub values: Vec<Vec<Option<String>>>,
    /// Every cell, margins included: row by row, the row's total last, the total row last.
    pub cells: Vec<ReportCell>,
    /// Counts of cells suppressed: primary, then complementary (courses table only).
    pub suppressed: [u32; 2],
}

/// Make the report of `partial` with `settings` (`k` below 2 counts as 2); a partial by more
/// than two dimensions is refused (its margins would go unprotected).
pub fn stats_report(
    partial: &Partial,
    settings: DisclosureSettings,
) -> Result<StatsReport, StatsError> {
    if partial.dimensions.len() > MAX_REPORT_DIMENSIONS {
        return Err(StatsError::ReportDimensions);
    }
    let k = settings.k.max(2);
    let settings = DisclosureSettings { k, ..settings };
    let dims = partial.dimensions.len();
    let values: Vec<Vec<Option<String>>> = (0..dims)
        .map(|d| {
            let set: BTreeSet<&Option<String>> =
                partial.cells.iter().filter_map(|c| c.key.get(d)).collect();
            set.into_iter().cloned().collect()
        })
        .collect();
    let shape: Vec<usize> = values.iter().map(Vec::len).collect();
    let n = cells(&shape);
    let mut grid = vec![Counts::default(); n];
    for c in &partial.cells {
        let at: Vec<Option<usize>> = c
            .key
            .iter()
            .zip(&values)
            .map(|(v, vs)| vs.binary_search(v).ok())
            .collect();
        if at.iter().any(Option::is_none) {
            continue;
        }
        // The cell and every margin it counts towards.
        for mask in 0..(1usize << dims) {
            let pos: Vec<Option<usize>> = at
                .iter()
                .enumerate()
                .map(|(d, a)| if mask & (1 << d) != 0 { None } else { *a })
                .collect();
            if let Some(g) = grid.get_mut(index(&shape, &pos)) {
                g.merge(&c.counts);
            }
        }
    }
    let coords: Vec<Vec<Option<usize>>> = (0..n).map(|i| coordinates(&shape, i)).collect();

    let courses: Vec<u64> = grid.iter().map(|g| g.courses).collect();
    let first = primary(&courses, k);
    let shown = protect(&shape, &courses, &first);
    let count_of = |i: usize| -> Published<u64> {
        match (first.get(i), shown.get(i), courses.get(i)) {
            (Some(true), _, _) => Published::BelowK,
            (_, Some(true), _) => Published::Suppressed,
            (_, _, Some(v)) => Published::Value(*v),
            _ => Published::Suppressed,
        }
    };
    let course_shown: Vec<bool> = (0..n).map(|i| count_of(i).value().is_some()).collect();
    let shares = |num: &dyn Fn(&Counts) -> u64,
                  den: &dyn Fn(&Counts) -> u64,
                  den_shown: &[bool]|
     -> Vec<Published<ShareInterval>> {
        let xs: Vec<u64> = grid.iter().map(num).collect();
        let ns: Vec<u64> = grid.iter().map(den).collect();
        let first: Vec<bool> = (0..n)
            .map(|i| {
                let (x, d) = (
                    xs.get(i).copied().unwrap_or(0),
                    ns.get(i).copied().unwrap_or(0),
                );
                !den_shown.get(i).copied().unwrap_or(false)
                    || x < u64::from(k)
                    || d.saturating_sub(x) < u64::from(k)
            })
            .collect();
        // A numerator of a denominator shown as 0 is known to be 0.
        let known: Vec<bool> = (0..n)
            .map(|i| {
                den_shown.get(i).copied().unwrap_or(false) && ns.get(i).copied().unwrap_or(0) == 0
            })
            .collect();
        let hidden = protect_knowing(&shape, &xs, &first, &known);
        (0..n)
            .map(|i| match (hidden.get(i), xs.get(i), ns.get(i)) {
                (Some(false), Some(x), Some(d)) => {
                    wilson(*x, *d).map_or(Published::Suppressed, Published::Value)
                }
                _ => Published::Suppressed,
            })
            .collect()
    };
    let returned = shares(&|c| c.returned, &|c| c.courses, &course_shown);
    let thread = shares(&|c| c.thread_held, &|c| c.courses, &course_shown);
    let overdue = shares(&|c| c.with_overdue, &|c| c.courses, &course_shown);

    let instruments: BTreeSet<InstrumentId> = partial
        .cells
        .iter()
        .flat_map(|c| c.counts.instruments.keys().cloned())
        .collect();
    let mut per_instrument: BTreeMap<InstrumentId, Vec<InstrumentFigures>> = BTreeMap::new();
    for id in &instruments {
        let get = |c: &Counts| c.instruments.get(id).cloned().unwrap_or_default();
        let measured: Vec<u64> = grid.iter().map(|c| get(c).measured).collect();
        let mut first_m = primary(&measured, k);
        for (f, s) in first_m.iter_mut().zip(&course_shown) {
            *f |= !s;
        }
        let hidden = protect(&shape, &measured, &first_m);
        let measured_shown: Vec<bool> = hidden.iter().map(|h| !h).collect();
        let improved = shares(
            &|c| get(c).reliably_improved,
            &|c| get(c).measured,
            &measured_shown,
        );
        let relevant = shares(
            &|c| get(c).clinically_relevant,
            &|c| get(c).measured,
            &measured_shown,
        );
        let figures = (0..n)
            .map(|i| InstrumentFigures {
                indicator: id.clone(),
                measured: match (first_m.get(i), hidden.get(i), measured.get(i)) {
                    (_, Some(false), Some(v)) => Published::Value(*v),
                    (Some(true), _, Some(v)) if *v > 0 && *v < u64::from(k) && course_shown[i] => {
                        Published::BelowK
                    }
                    _ => Published::Suppressed,
                },
                reliably_improved: improved.get(i).copied().unwrap_or(Published::Suppressed),
                clinically_relevant: relevant.get(i).copied().unwrap_or(Published::Suppressed),
            })
            .collect();
        per_instrument.insert(id.clone(), figures);
    }

    let quartiles = |h: &Histogram, shown: bool| -> Published<Quartiles> {
        if !shown || h.len() < 2 * u64::from(k) || h.top_share() > settings.dominance {
            return Published::Suppressed;
        }
        h.quartiles()
            .map_or(Published::Suppressed, Published::Value)
    };
    let ratio = |x: u64, d: u64, shown: bool| -> Published<f64> {
        if shown && d >= u64::from(k) {
            Published::Value(x as f64 / d as f64)
        } else {
            Published::Suppressed
        }
    };
    let report_cells = (0..n)
        .map(|i| {
            let g = &grid[i];
            let at = &coords[i];
            let s = course_shown[i];
            ReportCell {
                key: at
                    .iter()
                    .zip(&values)
                    .map(|(a, vs)| a.and_then(|a| vs.get(a).cloned().flatten()))
                    .collect(),
                total: at.iter().map(Option::is_none).collect(),
                courses: count_of(i),
                returned: returned[i],
                thread_held: thread[i],
                with_overdue: overdue[i],
                weeks_absent: quartiles(&g.weeks_absent, s),
                weeks_to_return: quartiles(&g.weeks_to_return, s),
                days_to_first_interview: quartiles(&g.days_to_first_interview, s),
                deadlines_met: ratio(g.deadlines_met, g.deadlines_met + g.deadlines_overdue, s),
                referrals_with_outcome: ratio(g.referrals_with_outcome, g.referrals_closed, s),
                goals_achieved: ratio(g.goals_achieved, g.goals, s),
                instruments: per_instrument
                    .values()
                    .filter_map(|f| f.get(i).cloned())
                    .collect(),
            }
        })
        .collect();
    let primary_count = first.iter().filter(|x| **x).count();
    let all_count = shown.iter().filter(|x| **x).count();
    Ok(StatsReport {
        as_of: partial.as_of,
        dimensions: partial.dimensions.clone(),
        disclosure: settings,
        values,
        cells: report_cells,
        suppressed: [
            u32::try_from(primary_count).unwrap_or(u32::MAX),
            u32::try_from(all_count - primary_count).unwrap_or(u32::MAX),
        ],
    })
}

/// The coordinates of cell `i` of a table of `shape` (`None`: the margin).
pub fn coordinates(shape: &[usize], mut i: usize) -> Vec<Option<usize>> {
    let mut at = vec![None; shape.len()];
    for (d, n) in shape.iter().enumerate().rev() {
        let a = i % (n + 1);
        i /= n + 1;
        if let Some(slot) = at.get_mut(d) {
            *slot = (a < *n).then_some(a);
        }
    }
    at
}
