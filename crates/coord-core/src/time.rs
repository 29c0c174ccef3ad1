//! The one time model of coord.
//!
//! - **Dates** ([`chrono::NaiveDate`]) for everything that is a day in the citizen's course:
//!   deadlines, valid periods, due dates, evaluation dates (`as_of`). A date period is inclusive at
//!   both ends: a consent valid to 2025-06-30 is valid all of that day.
//! - **Instants** ([`Instant`], a time with an explicit UTC offset) for when something happened or was
//!   asked: a consent given, a revocation, an access request, a referral transition.
//!
//! An instant is placed on a date by its own offset (the local date where it happened). The core
//! never reads a clock: callers pass `at` / `as_of`.

use chrono::{DateTime, FixedOffset, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A moment with its UTC offset, e.g. `2025-03-01T10:00:00+01:00` (RFC 3339 in JSON).
pub type Instant = DateTime<FixedOffset>;

/// The local calendar date of an instant (by its own offset).
pub fn date_of(at: &Instant) -> NaiveDate {
    at.date_naive()
}

/// Where a day falls against a period ([`DatePeriod::phase_on`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// The period has not started.
    NotStarted,
    /// The day is in the period.
    Running,
    /// The period ended before the day.
    Ended,
}

/// An inclusive period of dates; `to` absent means open-ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DatePeriod {
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period (inclusive); absent for an open-ended period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

impl DatePeriod {
    /// A period from `from` to `to` inclusive.
    pub fn new(from: NaiveDate, to: Option<NaiveDate>) -> Self {
        Self { from, to }
    }

    /// Whether `day` lies within the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        day >= self.from && self.to.is_none_or(|to| day <= to)
    }

    /// Where `day` falls: before the period, in it, or after it.
    pub fn phase_on(&self, day: NaiveDate) -> Phase {
        if day < self.from {
            Phase::NotStarted
        } else if self.to.is_some_and(|to| day > to) {
            Phase::Ended
        } else {
            Phase::Running
        }
    }

    /// Whether the period ends before it starts.
    pub fn is_inverted(&self) -> bool {
        self.to.is_some_and(|to| to < self.from)
    }

    /// Whether two periods share at least one day.
    pub fn overlaps(&self, other: &DatePeriod) -> bool {
        let starts_before_other_ends = other.to.is_none_or(|to| self.from <= to);
        let other_starts_before_end = self.to.is_none_or(|to| other.from <= to);
        starts_before_other_ends && other_starts_before_end
    }

    /// Length in days, inclusive of both ends (None when open-ended).
    pub fn length_days(&self) -> Option<i64> {
        self.to.map(|to| (to - self.from).num_days() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn period_contains_both_ends() {
        let p = DatePeriod::new(d("2025-01-01"), Some(d("2025-01-31")));
        assert!(p.contains(d("2025-01-01")));
        assert!(p.contains(d("2025-01-31")));
        assert!(!p.contains(d("2025-02-01")));
        assert!(!p.contains(d("2024-12-31")));
        assert_eq!(p.length_days(), Some(31));
    }

    #[test]
    fn open_period_overlaps_later_one() {
        let open = DatePeriod::new(d("2025-01-01"), None);
        let later = DatePeriod::new(d("2030-01-01"), Some(d("2030-01-02")));
        let earlier = DatePeriod::new(d("2024-01-01"), Some(d("2024-12-31")));
        assert!(open.overlaps(&later));
        assert!(!open.overlaps(&earlier));
    }
}
