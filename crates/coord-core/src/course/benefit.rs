//! The days that count towards the sickness-benefit duration limit, and the cumulative window the
//! limit is stated in.
//!
//! Sygedagpengeloven §24 (read from secondary sources; the statutory text is UNVERIFIED in
//! `LAW-2025-2027.md` §3): payment stops after the end of the calendar month in which benefit has
//! been paid for more than 22 weeks within the preceding 9 calendar months. Days in the employer
//! period of an employee (the first 30 days of absence) do not count; reduced benefit and salary
//! with refusion count in full.
//!
//! [`counted_periods`] turns a course into the periods that count; [`first_day_exceeding`] finds
//! the day on which the count within the window first exceeds a number of weeks. The rule
//! language's `cumulative` date expression ([`crate::rules::DateExpr`]) uses both.

use super::Course;
use crate::time::DatePeriod;
use chrono::{Datelike, NaiveDate};

/// The length of an employee's employer period in calendar days (sygedagpengeloven §30; the 2011
/// change from 21 to 30 days amended §24 stk. 2 — `LAW-2025-2027.md` §3.2).
pub const EMPLOYER_PERIOD_DAYS: u64 = 30;

/// The employer period of the current absence: the recorded one, or for an employee the first 30
/// calendar days from the first day of absence; `None` for a citizen who is not employed or has no
/// first day of absence.
pub fn employer_period(course: &Course) -> Option<DatePeriod> {
    if let Some(p) = course.employer_period {
        return Some(p);
    }
    if !course.employed {
        return None;
    }
    let first = course.first_day_of_absence?;
    let last = first.checked_add_days(chrono::Days::new(EMPLOYER_PERIOD_DAYS - 1))?;
    Some(DatePeriod::new(first, Some(last)))
}

/// The periods that count towards the duration limit, sorted and merged (no two overlap or touch):
/// the recorded benefit-paid periods, the earlier sick periods, and the current absence from the
/// day after the employer period (for an employee) or from the first day of absence, open-ended
/// (the limit is projected as if the absence continues). Inverted periods are left out (the
/// case-file check rejects them).
pub fn counted_periods(course: &Course) -> Vec<DatePeriod> {
    let mut all: Vec<DatePeriod> = course
        .benefit_paid_periods
        .iter()
        .chain(&course.earlier_sick_periods)
        .filter(|p| !p.is_inverted())
        .copied()
        .collect();
    if let Some(first) = course.first_day_of_absence {
        let start = match employer_period(course) {
            Some(DatePeriod { to: Some(to), .. }) => to.succ_opt(),
            // An open-ended employer period: nothing of the current absence counts yet.
            Some(DatePeriod { to: None, .. }) => None,
            None => Some(first),
        };
        if let Some(start) = start {
            all.push(DatePeriod::new(start.max(first), None));
        }
    }
    merge(all)
}

/// Sort and merge periods that overlap or touch.
pub fn merge(mut periods: Vec<DatePeriod>) -> Vec<DatePeriod> {
    periods.sort_by_key(|p| p.from);
    let mut out: Vec<DatePeriod> = Vec::with_capacity(periods.len());
    for p in periods {
        match out.last_mut() {
            Some(last)
                if last
                    .to
                    .is_none_or(|to| to.succ_opt().is_none_or(|n| p.from <= n)) =>
            {
                last.to = match (last.to, p.to) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => out.push(p),
        }
    }
    out
}

/// How many days of `periods` lie in `from..=to`.
fn days_within(periods: &[DatePeriod], from: NaiveDate, to: NaiveDate) -> i64 {
    periods
        .iter()
        .map(|p| {
            let a = p.from.max(from);
            let b = p.to.map_or(to, |t| t.min(to));
            if b < a {
                0
            } else {
                (b - a).num_days() + 1
            }
        })
        .sum()
}

fn month_start(day: NaiveDate) -> Option<NaiveDate> {
    day.with_day(1)
}

/// The first day of the month `delta` months after the month of `first` (a first of a month),
/// by plain year-and-month arithmetic (no day of the month to clamp).
fn shift_month(first: NaiveDate, delta: i64) -> Option<NaiveDate> {
    let index = i64::from(first.year()) * 12 + i64::from(first.month0()) + delta;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The day on which the days of `periods` within the window of `months` calendar months — the
/// day's own month and the `months − 1` before it, up to and including the day — first exceed
/// `weeks` weeks (`7 × weeks` days). `periods` must be sorted and merged ([`merge`]). `None` when
/// the count never exceeds (finite periods that are too short), or `weeks`/`months` is 0.
///
/// The count at the end of a month is the count over the whole window the law looks back over at
/// that month's end; within a month it only grows, so the first such day lies in the first month
/// whose end-of-month count exceeds.
pub fn first_day_exceeding(periods: &[DatePeriod], weeks: u32, months: u32) -> Option<NaiveDate> {
    if weeks == 0 || months == 0 {
        return None;
    }
    let threshold = 7 * i64::from(weeks);
    let first = periods.first()?.from;
    let last_end = periods
        .iter()
        .try_fold(first, |acc, p| p.to.map(|t| acc.max(t)));
    // No day before first + threshold can be over: at most threshold days lie from `first` to
    // it. The search starts in that day's month.
    let earliest = first.checked_add_days(chrono::Days::new(u64::try_from(threshold).ok()?))?;
    let mut month = month_start(earliest)?;
    // An open-ended period exceeds within `threshold + 1` days of its start; finite ones stop
    // counting after their end. 2,400 months (200 years) bounds the loop either way.
    for _ in 0..2400 {
        if let Some(end) = last_end {
            if month > end {
                return None;
            }
        }
        let next = shift_month(month, 1)?;
        let month_end = next.pred_opt()?;
        let window_start = shift_month(month, -(i64::from(months) - 1))?;
        let before = match month.pred_opt() {
            Some(prev) if window_start <= prev => days_within(periods, window_start, prev),
            _ => 0,
        };
        let in_month = days_within(periods, month, month_end);
        if before + in_month > threshold {
            // The (threshold + 1 − before)-th counted day of this month.
            let mut need = threshold + 1 - before;
            for p in periods {
                let a = p.from.max(month);
                let b = p.to.map_or(month_end, |t| t.min(month_end));
                if b < a {
                    continue;
                }
                let len = (b - a).num_days() + 1;
                if need <= len {
                    return a.checked_add_days(chrono::Days::new(u64::try_from(need - 1).ok()?));
                }
                need -= len;
            }
            return None;
        }
        month = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn p(from: &str, to: Option<&str>) -> DatePeriod {
        DatePeriod::new(d(from), to.map(d))
    }

    #[test]
    fn shifting_a_month_is_chronos_month_arithmetic() {
        for start in ["2024-01-01", "2025-12-01", "2026-02-01", "2000-03-01"] {
            let first = d(start);
            for delta in -30i64..=30 {
                let months = chrono::Months::new(u32::try_from(delta.abs()).unwrap());
                let expected = if delta >= 0 {
                    first.checked_add_months(months)
                } else {
                    first.checked_sub_months(months)
                };
                assert_eq!(shift_month(first, delta), expected, "{start} {delta}");
            }
        }
    }

    fn employee(first: &str) -> Course {
        Course {
            first_day_of_absence: Some(d(first)),
            employed: true,
            ..Course::default()
        }
    }

    #[test]
    fn employee_without_earlier_periods_exceeds_22_weeks_on_the_155th_day_after_the_employer_period(
    ) {
        // First day 2025-01-06. Employer period: 30 days, 2025-01-06 … 2025-02-04
        // (26 days in January + 4 in February). Counting starts 2025-02-05.
        // Counted days by month end: Feb 24, Mar 55, Apr 85, May 116, Jun 146;
        // more than 22 weeks = 155 days is reached 9 days into July: 2025-07-09.
        // The window (Nov 2024 … Jul 2025) holds the whole absence, so nothing drops out.
        let course = employee("2025-01-06");
        assert_eq!(
            employer_period(&course),
            Some(p("2025-01-06", Some("2025-02-04")))
        );
        let counted = counted_periods(&course);
        assert_eq!(counted, vec![p("2025-02-05", None)]);
        assert_eq!(first_day_exceeding(&counted, 22, 9), Some(d("2025-07-09")));
    }

    #[test]
    fn an_earlier_sick_period_counts_while_it_is_within_the_9_month_window() {
        // As above, plus an earlier sick period 2024-09-01 … 2024-10-31 (30 + 31 = 61 days).
        // End of April 2025: window Aug 2024 … Apr 2025 = 61 + 85 = 146 ≤ 154, not exceeded.
        // May 2025: window Sep 2024 … May 2025 still holds all 61 days; 155 − 61 = 94 days of
        // the current absence are needed: 85 by the end of April, the 9th by 2025-05-09.
        let mut course = employee("2025-01-06");
        course.earlier_sick_periods = vec![p("2024-09-01", Some("2024-10-31"))];
        let counted = counted_periods(&course);
        assert_eq!(first_day_exceeding(&counted, 22, 9), Some(d("2025-05-09")));
    }

    #[test]
    fn the_employer_period_counts_for_a_citizen_who_is_not_employed() {
        // Unemployed, first day 2025-01-06: every day counts from the first day.
        // Jan 26, Feb 54, Mar 85, Apr 115, May 146; the 155th day is 2025-06-09.
        let course = Course {
            first_day_of_absence: Some(d("2025-01-06")),
            ..Course::default()
        };
        assert_eq!(employer_period(&course), None);
        assert_eq!(
            first_day_exceeding(&counted_periods(&course), 22, 9),
            Some(d("2025-06-09"))
        );
    }

    #[test]
    fn days_that_fell_out_of_the_window_do_not_count() {
        // 150 days 2024-01-01 … 2024-05-29 (31+29+31+30+29), then 10 days 2024-10-01 … 10.
        // End of May 2024: 150 ≤ 154. By October the window (Feb … Oct 2024) holds only
        // 29+31+30+29 = 119 + 10 = 129 days: never more than 154, so no day exceeds.
        let periods = merge(vec![
            p("2024-01-01", Some("2024-05-29")),
            p("2024-10-01", Some("2024-10-10")),
        ]);
        assert_eq!(first_day_exceeding(&periods, 22, 9), None);
        // Exactly 155 days in one period exceed on its last day.
        let exact = vec![p("2024-01-01", Some("2024-06-03"))];
        assert_eq!(days_within(&exact, d("2024-01-01"), d("2024-06-03")), 155);
        assert_eq!(first_day_exceeding(&exact, 22, 9), Some(d("2024-06-03")));
    }

    #[test]
    fn merge_joins_touching_and_overlapping_periods() {
        let merged = merge(vec![
            p("2025-03-01", Some("2025-03-10")),
            p("2025-01-01", Some("2025-01-31")),
            p("2025-02-01", Some("2025-02-05")),
            p("2025-03-05", None),
        ]);
        assert_eq!(
            merged,
            vec![p("2025-01-01", Some("2025-02-05")), p("2025-03-01", None)]
        );
    }

    /// The count within the window ending on `day`, by brute force over a day-by-day table
    /// (`counted[i]`: day `origin + i` counts; prefix sums make each window one subtraction).
    fn window_count(prefix: &[i64], origin: NaiveDate, day: NaiveDate, months: u32) -> i64 {
        let start = day
            .with_day(1)
            .unwrap()
            .checked_sub_months(chrono::Months::new(months - 1))
            .unwrap()
            .max(origin);
        let i = |x: NaiveDate| usize::try_from((x - origin).num_days()).unwrap();
        prefix[i(day) + 1] - prefix[i(start)]
    }

    proptest::proptest! {
        /// The day found is the first day whose window holds more than the weeks: checked by
        /// brute force over every day from the first counted day.
        #[test]
        fn first_day_exceeding_is_the_first_day_over_the_limit(
            raw in proptest::collection::vec((0i64..900, 1i64..200, proptest::bool::weighted(0.1)), 1..4),
            weeks in 1u32..30,
            months in 1u32..12,
        ) {
            let base = d("2023-01-01");
            let periods = merge(raw.iter().map(|(off, len, open)| {
                let from = base + chrono::Duration::days(*off);
                DatePeriod::new(from, (!open).then(|| from + chrono::Duration::days(len - 1)))
            }).collect());
            let found = first_day_exceeding(&periods, weeks, months);
            let threshold = 7 * i64::from(weeks);
            let origin = base;
            let mut prefix = vec![0i64];
            for day in origin.iter_days().take(2600) {
                let counted = i64::from(periods.iter().any(|p| p.contains(day)));
                prefix.push(prefix[prefix.len() - 1] + counted);
            }
            let horizon = found.unwrap_or(base + chrono::Duration::days(2500));
            for day in periods[0].from.iter_days().take_while(|x| *x < horizon) {
                proptest::prop_assert!(window_count(&prefix, origin, day, months) <= threshold, "{} already over", day);
            }
            if let Some(day) = found {
                proptest::prop_assert!(window_count(&prefix, origin, day, months) > threshold);
            }
        }
    }
}
