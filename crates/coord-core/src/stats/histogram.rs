//! An exact, mergeable distribution of a bounded whole number (weeks, days): a count per value.
//!
//! Weeks of absence, weeks to return and days to the first interview are whole numbers, so a
//! histogram with one count per value holds the distribution exactly; merging adds the counts,
//! so quartiles of a merged histogram are exactly those of all the observations together — no
//! sketch, no approximation. Values above the cap given to [`Histogram::add`] are counted at the cap (the top
//! value then reads "at least"): weeks are capped at 520 (ten years), days at 3,650, so a
//! histogram has at most a few thousand entries however many courses it counts.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The highest number of weeks counted as itself (ten years).
pub const WEEKS_CAP: u32 = 520;
/// The highest number of days counted as itself (ten years).
pub const DAYS_CAP: u32 = 3650;

/// Counts per whole-number value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Histogram(pub BTreeMap<u32, u64>);

/// The first, second and third quartile of a distribution (nearest rank: each is a value
/// observed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quartiles {
    /// The first quartile.
    pub q1: u32,
    /// The median.
    pub median: u32,
    /// The third quartile.
    pub q3: u32,
}

impl Histogram {
    /// Count `value` once, at most `cap`.
    pub fn add(&mut self, value: u32, cap: u32) {
        *self.0.entry(value.min(cap)).or_insert(0) += 1;
    }

    /// Add every count of `other`.
    pub fn merge(&mut self, other: &Histogram) {
        for (v, n) in &other.0 {
            *self.0.entry(*v).or_insert(0) += n;
        }
    }

    /// How many observations.
    pub fn len(&self) -> u64 {
        self.0.values().sum()
    }

    /// Whether nothing is counted.
    pub fn is_empty(&self) -> bool {
        self.0.values().all(|n| *n == 0)
    }

    /// The largest share one value holds (0 when empty).
    pub fn top_share(&self) -> f64 {
        let n = self.len();
        if n == 0 {
            return 0.0;
        }
        self.0.values().copied().max().unwrap_or(0) as f64 / n as f64
    }

    /// The `p`-quantile by nearest rank: the smallest value with at least `ceil(p·n)` of the
    /// observations at or below it (`None` when empty).
    pub fn quantile(&self, numerator: u64, denominator: u64) -> Option<u32> {
        let n = self.len();
        if n == 0 || denominator == 0 {
            return None;
        }
        let rank = (numerator * n).div_ceil(denominator).max(1);
        let mut seen = 0u64;
        for (v, c) in &self.0 {
            seen += c;
            if seen >= rank {
                return Some(*v);
            }
        }
        self.0.keys().next_back().copied()
    }

    /// The quartiles (`None` when empty).
    pub fn quartiles(&self) -> Option<Quartiles> {
        Some(Quartiles {
            q1: self.quantile(1, 4)?,
            median: self.quantile(1, 2)?,
            q3: self.quantile(3, 4)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_quartiles() {
        let mut h = Histogram::default();
        for v in [1, 2, 3, 4, 5, 6, 7, 8] {
            h.add(v, WEEKS_CAP);
        }
        assert_eq!(
            h.quartiles(),
            Some(Quartiles {
                q1: 2,
                median: 4,
                q3: 6
            })
        );
        h.add(10_000, WEEKS_CAP);
        assert_eq!(h.0.keys().next_back(), Some(&WEEKS_CAP));
        assert_eq!(Histogram::default().quartiles(), None);
    }
}
