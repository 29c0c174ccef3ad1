//! Working days (hverdage): the Danish public-holiday calendar, computed, and the days most offices
//! close by agreement as a setting of the calendar.
//!
//! A [`WorkingCalendar`] is a value the caller configures (it is part of the reference data), not a
//! set of constants: Constitution Day, Christmas Eve and New Year's Eve are closed by agreement in
//! most public offices, and a municipality may add its own closing days.
//!
//! ```
//! use coord_core::calendar::WorkingCalendar;
//! let cal = WorkingCalendar::default();
//! let start = "2025-04-14".parse().unwrap(); // Monday before Easter
//! assert_eq!(cal.add_working_days(start, 10).to_string(), "2025-05-01");
//! ```

pub mod holidays;

pub use holidays::{
    easter_sunday, public_holiday, public_holiday_with, public_holidays, PublicHoliday,
};

use chrono::{Datelike, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A day that is not a public holiday but on which most public offices close by agreement.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AgreedClosingDay {
    /// Grundlovsdag, 5 June.
    ConstitutionDay,
    /// Juleaftensdag, 24 December.
    ChristmasEve,
    /// Nytårsaftensdag, 31 December.
    NewYearsEve,
}

impl AgreedClosingDay {
    /// Every agreed closing day.
    pub const ALL: [AgreedClosingDay; 3] = [
        AgreedClosingDay::ConstitutionDay,
        AgreedClosingDay::ChristmasEve,
        AgreedClosingDay::NewYearsEve,
    ];

    /// The day in `year`.
    pub fn date_in(self, year: i32) -> Option<NaiveDate> {
        match self {
            AgreedClosingDay::ConstitutionDay => NaiveDate::from_ymd_opt(year, 6, 5),
            AgreedClosingDay::ChristmasEve => NaiveDate::from_ymd_opt(year, 12, 24),
            AgreedClosingDay::NewYearsEve => NaiveDate::from_ymd_opt(year, 12, 31),
        }
    }

    /// Whether `day` is this closing day.
    pub fn falls_on(self, day: NaiveDate) -> bool {
        let md = (day.month(), day.day());
        match self {
            AgreedClosingDay::ConstitutionDay => md == (6, 5),
            AgreedClosingDay::ChristmasEve => md == (12, 24),
            AgreedClosingDay::NewYearsEve => md == (12, 31),
        }
    }
}

fn default_agreed() -> Vec<AgreedClosingDay> {
    AgreedClosingDay::ALL.to_vec()
}

/// Easter Sunday of the last year asked for, so a loop over days computes it once a year.
#[derive(Debug, Default)]
struct EasterCache(Option<(i32, NaiveDate)>);

impl EasterCache {
    fn get(&mut self, year: i32) -> NaiveDate {
        match self.0 {
            Some((y, e)) if y == year => e,
            _ => {
                let e = easter_sunday(year);
                self.0 = Some((year, e));
                e
            }
        }
    }
}

/// Weekdays (Monday–Friday) from 1 January of year 1 (a Monday) through `day`.
fn weekdays_through(day: NaiveDate) -> i64 {
    let n = i64::from(day.num_days_from_ce());
    n.div_euclid(7) * 5 + n.rem_euclid(7).min(5)
}

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ClosedBecause {
    /// Saturday or Sunday.
    Weekend,
    /// A public holiday.
    PublicHoliday {
        /// Which one.
        holiday: PublicHoliday,
    },
    /// A day closed by agreement.
    Agreed {
        /// Which one.
        day: AgreedClosingDay,
    },
    /// A closing day the municipality added.
    Local,
}

/// A closed day and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClosedDay {
    /// The day.
    pub day: NaiveDate,
    /// Why it is closed.
    pub why: ClosedBecause,
}

impl ClosedBecause {
    /// The reason in a language.
    pub fn describe(&self, lang: crate::category::Language) -> &'static str {
        use crate::category::Language;
        match (self, lang) {
            (ClosedBecause::Weekend, Language::En) => "weekend",
            (ClosedBecause::Weekend, Language::Da) => "weekend",
            (ClosedBecause::PublicHoliday { holiday }, Language::En) => {
                holiday.label(crate::category::Language::En)
            }
            (ClosedBecause::PublicHoliday { holiday }, Language::Da) => {
                holiday.label(crate::category::Language::Da)
            }
            (ClosedBecause::Agreed { day }, Language::En) => match day {
                AgreedClosingDay::ConstitutionDay => "Constitution Day (closed by agreement)",
                AgreedClosingDay::ChristmasEve => "Christmas Eve (closed by agreement)",
                AgreedClosingDay::NewYearsEve => "New Year's Eve (closed by agreement)",
            },
            (ClosedBecause::Agreed { day }, Language::Da) => match day {
                AgreedClosingDay::ConstitutionDay => "grundlovsdag (lukket efter aftale)",
                AgreedClosingDay::ChristmasEve => "juleaftensdag (lukket efter aftale)",
                AgreedClosingDay::NewYearsEve => "nytårsaftensdag (lukket efter aftale)",
            },
            (ClosedBecause::Local, Language::En) => "local closing day",
            (ClosedBecause::Local, Language::Da) => "lokal lukkedag",
        }
    }
}

/// A date `n` working days on, and the closed weekdays skipped to get there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkingDaysAnswer {
    /// The start date (not counted).
    pub from: NaiveDate,
    /// How many working days were added.
    pub working_days: u32,
    /// The resulting date.
    pub date: NaiveDate,
    /// Holidays and closing days (not weekends) skipped on the way.
    pub closed_days_skipped: Vec<ClosedDay>,
}

/// The working-day calendar: weekends and the Danish public holidays are always closed; the
/// agreed closing days and local closing days are settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkingCalendar {
    /// Days closed by agreement (default: Constitution Day, Christmas Eve, New Year's Eve).
    #[serde(default = "default_agreed")]
    pub closed_by_agreement: Vec<AgreedClosingDay>,
    /// Further closing days of this municipality (e.g. a moved holiday).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_closing_days: Vec<NaiveDate>,
}

impl Default for WorkingCalendar {
    fn default() -> Self {
        Self {
            closed_by_agreement: default_agreed(),
            local_closing_days: Vec::new(),
        }
    }
}

impl WorkingCalendar {
    /// Only weekends and public holidays are closed (no agreed or local closing days).
    pub fn public_holidays_only() -> Self {
        Self {
            closed_by_agreement: Vec::new(),
            local_closing_days: Vec::new(),
        }
    }

    /// Why `day` is closed, or `None` when it is a working day.
    pub fn closed_because(&self, day: NaiveDate) -> Option<ClosedBecause> {
        self.closed_because_cached(day, &mut EasterCache::default())
    }

    fn closed_because_cached(
        &self,
        day: NaiveDate,
        easter: &mut EasterCache,
    ) -> Option<ClosedBecause> {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            return Some(ClosedBecause::Weekend);
        }
        if let Some(holiday) = public_holiday_with(day, |y| easter.get(y)) {
            return Some(ClosedBecause::PublicHoliday { holiday });
        }
        if let Some(&agreed) = self.closed_by_agreement.iter().find(|a| a.falls_on(day)) {
            return Some(ClosedBecause::Agreed { day: agreed });
        }
        if self.local_closing_days.contains(&day) {
            return Some(ClosedBecause::Local);
        }
        None
    }

    /// Whether `day` is a working day.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        self.closed_because(day).is_none()
    }

    /// The `n`-th working day after `start` (`start` itself is not counted; `n = 0` gives `start`).
    /// At the end of the representable calendar it stops at the last date.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut easter = EasterCache::default();
        let mut day = start;
        let mut left = n;
        while left > 0 {
            let Some(next) = day.succ_opt() else {
                return day;
            };
            day = next;
            if self.closed_because_cached(day, &mut easter).is_none() {
                left -= 1;
            }
        }
        day
    }

    /// The number of working days after `from` up to and including `to`; negative when `to` is
    /// before `from`. So `working_days_between(d, add_working_days(d, n)) == n`. Counts weekdays
    /// arithmetically and subtracts the closed weekdays of the years in between.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        let weekdays = weekdays_through(to) - weekdays_through(from);
        let mut closed: Vec<NaiveDate> = Vec::new();
        for year in from.year()..=to.year() {
            closed.extend(public_holidays(year).into_iter().map(|(d, _)| d));
            closed.extend(
                self.closed_by_agreement
                    .iter()
                    .filter_map(|a| a.date_in(year)),
            );
        }
        closed.extend(self.local_closing_days.iter().copied());
        closed.retain(|d| {
            *d > from && *d <= to && !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
        });
        closed.sort_unstable();
        closed.dedup();
        weekdays - closed.len() as i64
    }

    /// Every closed day after `from` up to and including `to`, with the reason.
    pub fn closed_days_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<ClosedDay> {
        from.iter_days()
            .skip(1)
            .take_while(|d| *d <= to)
            .filter_map(|day| self.closed_because(day).map(|why| ClosedDay { day, why }))
            .collect()
    }

    /// `n` working days after `start`, with the closed days skipped on the way (for explaining a
    /// deadline).
    /// Refused beyond [`crate::limits::MAX_WORKING_DAYS`] (the error is placed at `at`).
    pub fn explain_add(
        &self,
        start: NaiveDate,
        n: u32,
        at: &crate::pointer::Pointer,
    ) -> Result<WorkingDaysAnswer, crate::limits::LimitError> {
        use crate::limits::{within, Counted, MAX_WORKING_DAYS};
        within(i64::from(n), MAX_WORKING_DAYS, Counted::WorkingDays, at)?;
        let date = self.add_working_days(start, n);
        Ok(WorkingDaysAnswer {
            from: start,
            working_days: n,
            date,
            closed_days_skipped: self
                .closed_days_between(start, date)
                .into_iter()
                .filter(|c| !matches!(c.why, ClosedBecause::Weekend))
                .collect(),
        })
    }

    /// The first working day on or after `day`.
    pub fn next_working_day_from(&self, day: NaiveDate) -> NaiveDate {
        if self.is_working_day(day) {
            day
        } else {
            self.add_working_days(day, 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn check_add(cal: &WorkingCalendar, start: &str, n: u32, expected: &str) {
        assert_eq!(
            cal.add_working_days(d(start), n),
            d(expected),
            "{start} + {n}"
        );
        assert_eq!(
            cal.working_days_between(d(start), d(expected)),
            i64::from(n)
        );
    }

    #[test]
    fn known_additions() {
        let cal = WorkingCalendar::default();
        check_add(&cal, "2025-04-14", 10, "2025-05-01");
        check_add(&cal, "2025-04-16", 1, "2025-04-22");
        // Whitsun and Constitution Day 2025: Thu 5 June closed by agreement, Mon 9 June Whit Monday.
        check_add(&cal, "2025-06-04", 1, "2025-06-06");
        check_add(&cal, "2025-06-06", 1, "2025-06-10");
        // Christmas 2025: 24 (agreed), 25, 26 closed; 31 (agreed), 1 January closed.
        check_add(&cal, "2025-12-23", 1, "2025-12-29");
        check_add(&cal, "2025-12-30", 1, "2026-01-02");
        // Great Prayer Day 2023 (Friday 5 May) skipped, but not in 2024 (Friday 26 April).
        check_add(&cal, "2023-05-04", 1, "2023-05-08");
        check_add(&cal, "2024-04-25", 1, "2024-04-26");
        check_add(&cal, "2025-04-14", 0, "2025-04-14");
    }

    #[test]
    fn agreed_days_are_a_setting() {
        let open = WorkingCalendar::public_holidays_only();
        assert!(open.is_working_day(d("2025-06-05")));
        assert!(!WorkingCalendar::default().is_working_day(d("2025-06-05")));
        assert_eq!(
            WorkingCalendar::default().closed_because(d("2025-12-24")),
            Some(ClosedBecause::Agreed {
                day: AgreedClosingDay::ChristmasEve
            })
        );
        let local = WorkingCalendar {
            local_closing_days: vec![d("2025-03-03")],
            ..WorkingCalendar::default()
        };
        assert_eq!(
            local.closed_because(d("2025-03-03")),
            Some(ClosedBecause::Local)
        );
    }

    #[test]
    fn between_is_antisymmetric() {
        let cal = WorkingCalendar::default();
        assert_eq!(
            cal.working_days_between(d("2025-05-01"), d("2025-04-14")),
            -10
        );
        assert_eq!(
            cal.working_days_between(d("2025-04-14"), d("2025-04-14")),
            0
        );
    }
}
