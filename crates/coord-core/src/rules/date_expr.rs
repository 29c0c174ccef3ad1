//! The date language: how a rule states a day the way the law counts it.
//!
//! ```json
//! { "date": "first_day_of_absence", "end_of_week": 8 }
//! { "date": "first_day_of_absence", "plus_weeks": 4 }
//! { "date": "visitation_on", "plus_months": 1, "end_of_month": true }
//! { "date": "fast_track_requested_on", "plus_working_days": 10 }
//! { "earliest_of": [ { "date": "fast_track_requested_on", "plus_weeks": 2 },
//!                    { "date": "first_day_of_absence", "end_of_week": 8 } ] }
//! { "cumulative": { "weeks_exceed": 22, "calendar_months": 9 }, "end_of_month": true }
//! { "from": { "cumulative": { "weeks_exceed": 22, "calendar_months": 9 }, "end_of_month": true },
//!   "plus_weeks": 69 }
//! ```
//!
//! An expression has exactly one **base**:
//! - `date`: `"as_of"` (the evaluation date), the name of a date fact (an *anchor*), or a literal
//!   date `YYYY-MM-DD`;
//! - `earliest_of` / `latest_of`: the earliest / latest of the *known* dates of a list (unknown when
//!   none is known) — a fast-track deadline that can only bring an interview forward is the
//!   earliest of the two;
//! - `from`: another expression (to apply steps after, say, an end of month);
//! - `cumulative`: the day on which the days counting towards the sickness-benefit duration limit
//!   (the case's benefit-paid periods, earlier sick periods and current absence after the employer
//!   period, [`crate::course::benefit::counted_periods`]) within the window of `calendar_months`
//!   calendar months — that day's month and the months before it — first exceed `weeks_exceed`
//!   weeks (sygedagpengeloven §24).
//!
//! Then the **steps**, always in this order (each optional):
//! 1. `end_of_week: N` — the last day of week N counted from the base, week 1 starting on the
//!    base day: base + 7·N − 1 days ("inden udgangen af 8. uge regnet fra første fraværsdag");
//! 2. `plus_months` — calendar months; a day that does not exist in the target month becomes
//!    that month's last day (31 January + 1 month = 28/29 February);
//! 3. `plus_weeks`, `plus_days` — a plain offset ("senest 4 uger efter" = base + 28 days);
//! 4. `end_of_month: true` — the last day of that calendar month ("efter udgangen af den
//!    kalendermåned, hvor …");
//! 5. `plus_working_days` — working days in coord's calendar (weekends, public holidays, days
//!    closed by agreement and local closing days are skipped; the start day is not counted;
//!    negative counts go back).
//!
//! Offsets may be negative. A date outside the calendar, an unknown anchor or a window never
//! exceeded makes the expression unknown.

use crate::calendar::WorkingCalendar;
use crate::facts::name::FactName;
use crate::facts::value::{FactSet, FactValue};
use chrono::{Datelike, Days, Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A date computed from a base by steps. See the [module documentation](self) for the JSON form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawDateExpr", into = "RawDateExpr")]
pub struct DateExpr {
    /// Where the computation starts.
    pub base: DateSource,
    /// Step 1: the last day of week N counted from the base (week 1 starts on the base day).
    pub end_of_week: Option<u32>,
    /// Step 2: calendar months to add (may be negative).
    pub plus_months: i32,
    /// Step 3: weeks to add (may be negative).
    pub plus_weeks: i32,
    /// Step 3: days to add (may be negative).
    pub plus_days: i32,
    /// Step 4: move to the last day of the calendar month.
    pub end_of_month: bool,
    /// Step 5: working days to add in coord's calendar (may be negative).
    pub plus_working_days: i32,
}

/// The base of a [`DateExpr`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateSource {
    /// `"as_of"`, an anchor (a date fact) or a literal date, as written (with its catalogue
    /// slot when it names a catalogue fact).
    Named(FactName),
    /// The earliest known date of the list.
    EarliestOf(Vec<DateExpr>),
    /// The latest known date of the list.
    LatestOf(Vec<DateExpr>),
    /// Another expression.
    From(Box<DateExpr>),
    /// The cumulative window of the sickness-benefit duration limit.
    Cumulative(CumulativeWindow),
}

/// "The day on which more than `weeks_exceed` weeks have counted within `calendar_months`
/// calendar months".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CumulativeWindow {
    /// The count must be more than this many weeks (22 in §24).
    pub weeks_exceed: u32,
    /// The window: this many calendar months, the day's own month included (9 in §24).
    pub calendar_months: u32,
}

/// What a named base means, decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBase<'a> {
    /// The evaluation date.
    AsOf,
    /// A literal date.
    Fixed(NaiveDate),
    /// A date fact (anchor).
    Anchor(&'a str),
}

/// Decode a named base.
pub fn named_base(name: &str) -> DateBase<'_> {
    let looks_like_date = name.bytes().next().is_some_and(|b| b.is_ascii_digit());
    if name == "as_of" {
        DateBase::AsOf
    } else if let Some(d) = looks_like_date
        .then(|| name.parse::<NaiveDate>().ok())
        .flatten()
    {
        DateBase::Fixed(d)
    } else {
        DateBase::Anchor(name)
    }
}

impl DateExpr {
    /// `base` plus `weeks` and `days` (the plain offset).
    pub fn offset(base: impl Into<String>, weeks: i32, days: i32) -> Self {
        DateExpr {
            base: DateSource::Named(FactName::new(base)),
            end_of_week: None,
            plus_months: 0,
            plus_weeks: weeks,
            plus_days: days,
            end_of_month: false,
            plus_working_days: 0,
        }
    }

    /// The named base, when the base is `date`.
    pub fn base(&self) -> Option<DateBase<'_>> {
        match &self.base {
            DateSource::Named(n) => Some(named_base(n)),
            _ => None,
        }
    }

    /// When the expression is a named base moved by a fixed number of days (only `end_of_week`,
    /// `plus_weeks` and `plus_days`): the base and the offset in days. The interval reasoning of
    /// the validator analyses only these.
    pub fn linear(&self) -> Option<(DateBase<'_>, i64)> {
        if self.plus_months != 0 || self.end_of_month || self.plus_working_days != 0 {
            return None;
        }
        let base = self.base()?;
        let week = self.end_of_week.map_or(0, |n| 7 * i64::from(n) - 1);
        Some((
            base,
            week + i64::from(self.plus_days) + 7 * i64::from(self.plus_weeks),
        ))
    }

    /// Every anchor the expression names (nested ones included), in document order.
    pub fn anchors(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_anchors(&mut out);
        out
    }

    fn collect_anchors<'a>(&'a self, out: &mut Vec<&'a str>) {
        self.for_each_anchor(&mut |n| out.push(n.as_str()));
    }

    /// Call `f` with every anchor the expression names (nested ones included), in document
    /// order.
    pub fn for_each_anchor<'a>(&'a self, f: &mut impl FnMut(&'a FactName)) {
        match &self.base {
            DateSource::Named(n) => {
                if let DateBase::Anchor(_) = named_base(n) {
                    f(n);
                }
            }
            DateSource::EarliestOf(parts) | DateSource::LatestOf(parts) => {
                for p in parts {
                    p.for_each_anchor(f);
                }
            }
            DateSource::From(inner) => inner.for_each_anchor(f),
            DateSource::Cumulative(_) => {}
        }
    }

    /// Whether the expression (or a nested one) counts working days.
    pub fn uses_working_days(&self) -> bool {
        self.plus_working_days != 0
            || match &self.base {
                DateSource::EarliestOf(parts) | DateSource::LatestOf(parts) => {
                    parts.iter().any(DateExpr::uses_working_days)
                }
                DateSource::From(inner) => inner.uses_working_days(),
                DateSource::Named(_) | DateSource::Cumulative(_) => false,
            }
    }

    /// Whether the expression (or a nested one) uses the cumulative window.
    pub fn uses_cumulative(&self) -> bool {
        match &self.base {
            DateSource::EarliestOf(parts) | DateSource::LatestOf(parts) => {
                parts.iter().any(DateExpr::uses_cumulative)
            }
            DateSource::From(inner) => inner.uses_cumulative(),
            DateSource::Cumulative(_) => true,
            DateSource::Named(_) => false,
        }
    }

    /// The date in `facts`, or `None` when the base is not known or the date would fall outside
    /// the calendar.
    pub fn resolve(&self, facts: &FactSet) -> Option<NaiveDate> {
        let base = match &self.base {
            DateSource::Named(n) => match named_base(n) {
                DateBase::AsOf => facts.as_of,
                DateBase::Fixed(d) => d,
                DateBase::Anchor(_) => match facts.get_named(n) {
                    Some(FactValue::Date(d)) => *d,
                    _ => return None,
                },
            },
            DateSource::EarliestOf(parts) => parts.iter().filter_map(|p| p.resolve(facts)).min()?,
            DateSource::LatestOf(parts) => parts.iter().filter_map(|p| p.resolve(facts)).max()?,
            DateSource::From(inner) => inner.resolve(facts)?,
            DateSource::Cumulative(w) => {
                facts.first_day_exceeding(w.weeks_exceed, w.calendar_months)?
            }
        };
        self.steps(base, facts)
    }

    fn steps(&self, base: NaiveDate, facts: &FactSet) -> Option<NaiveDate> {
        let mut day = base;
        if let Some(n) = self.end_of_week {
            day = shift(day, 7 * i64::from(n) - 1)?;
        }
        day = add_months(day, self.plus_months)?;
        day = shift(
            day,
            i64::from(self.plus_days) + 7 * i64::from(self.plus_weeks),
        )?;
        if self.end_of_month {
            day = end_of_month(day)?;
        }
        if self.plus_working_days != 0 {
            day = add_working_days(facts.calendar(), day, self.plus_working_days)?;
        }
        Some(day)
    }
}

/// `day` moved by `offset` days (None outside the calendar).
pub fn shift(day: NaiveDate, offset: i64) -> Option<NaiveDate> {
    let magnitude = Days::new(offset.unsigned_abs());
    if offset >= 0 {
        day.checked_add_days(magnitude)
    } else {
        day.checked_sub_days(magnitude)
    }
}

/// `day` moved by `months` calendar months (the day clamped to the month's last day).
pub fn add_months(day: NaiveDate, months: i32) -> Option<NaiveDate> {
    let magnitude = Months::new(months.unsigned_abs());
    if months >= 0 {
        day.checked_add_months(magnitude)
    } else {
        day.checked_sub_months(magnitude)
    }
}

/// The last day of `day`'s calendar month.
pub fn end_of_month(day: NaiveDate) -> Option<NaiveDate> {
    day.with_day(1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// `n` working days after `day` (before, for negative `n`); `day` itself is not counted.
fn add_working_days(calendar: &WorkingCalendar, day: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        return Some(calendar.add_working_days(day, n.unsigned_abs()));
    }
    let mut left = n.unsigned_abs();
    let mut d = day;
    while left > 0 {
        d = d.pred_opt()?;
        if calendar.is_working_day(d) {
            left -= 1;
        }
    }
    Some(d)
}

impl fmt::Display for DateExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, word: &str, parts: &[DateExpr]| {
            write!(f, "{word} [")?;
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{p}")?;
            }
            f.write_str("]")
        };
        match &self.base {
            DateSource::Named(n) => f.write_str(n)?,
            DateSource::EarliestOf(parts) => list(f, "earliest of", parts)?,
            DateSource::LatestOf(parts) => list(f, "latest of", parts)?,
            DateSource::From(inner) => write!(f, "({inner})")?,
            DateSource::Cumulative(w) => write!(
                f,
                "day more than {} weeks counted within {} calendar months",
                w.weeks_exceed, w.calendar_months
            )?,
        }
        if let Some(n) = self.end_of_week {
            write!(f, ", end of week {n}")?;
        }
        for (n, unit) in [
            (self.plus_months, "months"),
            (self.plus_weeks, "weeks"),
            (self.plus_days, "days"),
        ] {
            match n.cmp(&0) {
                std::cmp::Ordering::Greater => write!(f, " + {n} {unit}")?,
                std::cmp::Ordering::Less => write!(f, " − {} {unit}", n.unsigned_abs())?,
                std::cmp::Ordering::Equal => {}
            }
        }
        if self.end_of_month {
            f.write_str(", end of month")?;
        }
        match self.plus_working_days.cmp(&0) {
            std::cmp::Ordering::Greater => write!(f, " + {} working days", self.plus_working_days)?,
            std::cmp::Ordering::Less => write!(
                f,
                " − {} working days",
                self.plus_working_days.unsigned_abs()
            )?,
            std::cmp::Ordering::Equal => {}
        }
        Ok(())
    }
}

/// The JSON form of a [`DateExpr`]: exactly one base key plus optional steps.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDateExpr {
    /// `"as_of"`, the name of a date fact (an anchor), or a date `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The earliest known date of the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest_of: Option<Vec<DateExpr>>,
    /// The latest known date of the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_of: Option<Vec<DateExpr>>,
    /// Another expression, to apply the steps after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Box<DateExpr>>,
    /// The cumulative window of the sickness-benefit duration limit (§24).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cumulative: Option<CumulativeWindow>,
    /// Step 1: the last day of week N counted from the base (week 1 starts on the base day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_of_week: Option<u32>,
    /// Step 2: calendar months to add (may be negative).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub plus_months: i32,
    /// Step 3: weeks to add (may be negative).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub plus_weeks: i32,
    /// Step 3: days to add (may be negative).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub plus_days: i32,
    /// Step 4: the last day of the calendar month.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub end_of_month: bool,
    /// Step 5: working days to add in coord's calendar (may be negative).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub plus_working_days: i32,
}

fn is_zero(n: &i32) -> bool {
    *n == 0
}

/// Why a JSON date expression does not have the shape of one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateExprShapeError {
    /// Not exactly one base.
    #[error("a date expression needs exactly one of `date`, `earliest_of`, `latest_of`, `from` or `cumulative`")]
    Base,
    /// `end_of_week: 0`.
    #[error("`end_of_week` counts weeks from 1 (week 1 starts on the base day)")]
    WeekZero,
}

impl TryFrom<RawDateExpr> for DateExpr {
    type Error = DateExprShapeError;

    fn try_from(raw: RawDateExpr) -> Result<Self, DateExprShapeError> {
        let bases = usize::from(raw.date.is_some())
            + usize::from(raw.earliest_of.is_some())
            + usize::from(raw.latest_of.is_some())
            + usize::from(raw.from.is_some())
            + usize::from(raw.cumulative.is_some());
        if bases != 1 {
            return Err(DateExprShapeError::Base);
        }
        if raw.end_of_week == Some(0) {
            return Err(DateExprShapeError::WeekZero);
        }
        let base = if let Some(d) = raw.date {
            DateSource::Named(FactName::new(d))
        } else if let Some(parts) = raw.earliest_of {
            DateSource::EarliestOf(parts)
        } else if let Some(parts) = raw.latest_of {
            DateSource::LatestOf(parts)
        } else if let Some(inner) = raw.from {
            DateSource::From(inner)
        } else if let Some(w) = raw.cumulative {
            DateSource::Cumulative(w)
        } else {
            return Err(DateExprShapeError::Base);
        };
        Ok(DateExpr {
            base,
            end_of_week: raw.end_of_week,
            plus_months: raw.plus_months,
            plus_weeks: raw.plus_weeks,
            plus_days: raw.plus_days,
            end_of_month: raw.end_of_month,
            plus_working_days: raw.plus_working_days,
        })
    }
}

impl From<DateExpr> for RawDateExpr {
    fn from(e: DateExpr) -> Self {
        let mut raw = RawDateExpr {
            end_of_week: e.end_of_week,
            plus_months: e.plus_months,
            plus_weeks: e.plus_weeks,
            plus_days: e.plus_days,
            end_of_month: e.end_of_month,
            plus_working_days: e.plus_working_days,
            ..Default::default()
        };
        match e.base {
            DateSource::Named(n) => raw.date = Some(n.into()),
            DateSource::EarliestOf(p) => raw.earliest_of = Some(p),
            DateSource::LatestOf(p) => raw.latest_of = Some(p),
            DateSource::From(inner) => raw.from = Some(inner),
            DateSource::Cumulative(w) => raw.cumulative = Some(w),
        }
        raw
    }
}

impl JsonSchema for DateExpr {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateExpr".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        RawDateExpr::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::AgreedClosingDay;
    use crate::time::DatePeriod;
    use std::sync::Arc;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn expr(json: &str) -> DateExpr {
        serde_json::from_str(json).unwrap()
    }

    fn facts() -> FactSet {
        let mut f = FactSet::new(d("2025-03-10"));
        f.insert("first_day_of_absence", FactValue::Date(d("2025-01-06")));
        f.insert("fast_track_requested_on", FactValue::Date(d("2025-02-24")));
        f
    }

    #[test]
    fn end_of_a_counted_week_and_a_plain_offset_are_different_conventions() {
        // "inden udgangen af 8. uge regnet fra første fraværsdag": week 1 is Monday 2025-01-06 …
        // Sunday 2025-01-12; week 8 is 2025-02-24 … 2025-03-02, so the last day is 2025-03-02
        // (first day + 8·7 − 1 = 55 days).
        let week8 = expr(r#"{"date": "first_day_of_absence", "end_of_week": 8}"#);
        assert_eq!(week8.resolve(&facts()), Some(d("2025-03-02")));
        // "senest 4 uger efter 1. sygedag": 2025-01-06 + 28 days = 2025-02-03 — the same weekday
        // four weeks on, one day later than the end of week 4 (2025-02-02).
        let four_weeks = expr(r#"{"date": "first_day_of_absence", "plus_weeks": 4}"#);
        assert_eq!(four_weeks.resolve(&facts()), Some(d("2025-02-03")));
        let week4 = expr(r#"{"date": "first_day_of_absence", "end_of_week": 4}"#);
        assert_eq!(week4.resolve(&facts()), Some(d("2025-02-02")));
        // Both are linear: base + 55 days, base + 28 days.
        assert_eq!(week8.linear().map(|(_, n)| n), Some(55));
        assert_eq!(four_weeks.linear().map(|(_, n)| n), Some(28));
        assert!(
            serde_json::from_str::<DateExpr>(r#"{"date": "as_of", "end_of_week": 0}"#).is_err()
        );
    }

    #[test]
    fn calendar_months_clamp_and_end_of_month() {
        // 2025-01-31 + 1 month: February 2025 has 28 days, so 2025-02-28.
        let e = expr(r#"{"date": "2025-01-31", "plus_months": 1}"#);
        assert_eq!(e.resolve(&facts()), Some(d("2025-02-28")));
        // "efter udgangen af den kalendermåned, hvor" the first day falls: January 2025 ends on
        // the 31st. One month on from 2025-01-06 is 2025-02-06, whose month ends 2025-02-28.
        let eom = expr(r#"{"date": "first_day_of_absence", "end_of_month": true}"#);
        assert_eq!(eom.resolve(&facts()), Some(d("2025-01-31")));
        let next =
            expr(r#"{"date": "first_day_of_absence", "plus_months": 1, "end_of_month": true}"#);
        assert_eq!(next.resolve(&facts()), Some(d("2025-02-28")));
        // 2024 is a leap year: 2024-02-10's month ends on the 29th.
        assert_eq!(
            expr(r#"{"date": "2024-02-10", "end_of_month": true}"#).resolve(&facts()),
            Some(d("2024-02-29"))
        );
        assert_eq!(eom.linear(), None);
    }

    #[test]
    fn working_days_skip_weekends_holidays_and_agreed_closing_days() {
        // 2025-04-16 is the Wednesday before Easter. Thursday 17 (Maundy Thursday), Friday 18
        // (Good Friday), the weekend 19–20 and Monday 21 (Easter Monday) are closed, so 2 working
        // days later is Wednesday 2025-04-23 (Tuesday 22 is the first).
        let e = expr(r#"{"date": "2025-04-16", "plus_working_days": 2}"#);
        assert_eq!(e.resolve(&facts()), Some(d("2025-04-23")));
        // Back 1 working day from Tuesday 2025-04-22 is Wednesday 2025-04-16.
        let back = expr(r#"{"date": "2025-04-22", "plus_working_days": -1}"#);
        assert_eq!(back.resolve(&facts()), Some(d("2025-04-16")));
        // Constitution Day (5 June, closed by agreement) counts only with the municipality's
        // calendar: from Wednesday 2025-06-04, 1 working day is Thursday 5 June with public
        // holidays only, Friday 6 June with the agreed closing day.
        let june = expr(r#"{"date": "2025-06-04", "plus_working_days": 1}"#);
        assert_eq!(june.resolve(&facts()), Some(d("2025-06-05")));
        let mut f = facts();
        f.set_calendar(Arc::new(WorkingCalendar {
            closed_by_agreement: vec![AgreedClosingDay::ConstitutionDay],
            local_closing_days: Vec::new(),
        }));
        assert_eq!(june.resolve(&f), Some(d("2025-06-06")));
        assert!(june.uses_working_days());
    }

    #[test]
    fn earliest_of_and_latest_of_ignore_unknown_dates() {
        // Fast track requested 2025-02-24: + 2 weeks = 2025-03-10; the ordinary end of week 8 is
        // 2025-03-02, so the interview is due at the earlier date, 2025-03-02 — a late request
        // never moves it past week 8.
        let e = expr(
            r#"{"earliest_of": [{"date": "fast_track_requested_on", "plus_weeks": 2},
                                {"date": "first_day_of_absence", "end_of_week": 8}]}"#,
        );
        assert_eq!(e.resolve(&facts()), Some(d("2025-03-02")));
        let late = expr(
            r#"{"latest_of": [{"date": "fast_track_requested_on", "plus_weeks": 2},
                              {"date": "first_day_of_absence", "end_of_week": 8}]}"#,
        );
        assert_eq!(late.resolve(&facts()), Some(d("2025-03-10")));
        // Without a request only week 8 is known.
        let mut f = FactSet::new(d("2025-03-10"));
        f.insert("first_day_of_absence", FactValue::Date(d("2025-01-06")));
        assert_eq!(e.resolve(&f), Some(d("2025-03-02")));
        // Nothing known: unknown.
        assert_eq!(e.resolve(&FactSet::new(d("2025-03-10"))), None);
        assert_eq!(
            e.anchors(),
            ["fast_track_requested_on", "first_day_of_absence"]
        );
    }

    #[test]
    fn cumulative_window_stops_at_the_end_of_the_month() {
        // An employee whose first day is 2025-01-06: counting starts after the 30-day employer
        // period, on 2025-02-05; the 155th counted day (more than 22 weeks) is 2025-07-09
        // (worked out in `course::benefit`), so payment stops at the end of July: 2025-07-31.
        let mut f = facts();
        f.set_counted_periods(Arc::from(vec![DatePeriod::new(d("2025-02-05"), None)]));
        let e = expr(
            r#"{"cumulative": {"weeks_exceed": 22, "calendar_months": 9}, "end_of_month": true}"#,
        );
        assert_eq!(e.resolve(&f), Some(d("2025-07-31")));
        // An extension of up to 69 weeks from that day: 2025-07-31 + 483 days = 2026-11-26.
        let ext = DateExpr {
            base: DateSource::From(Box::new(e.clone())),
            ..DateExpr::offset("as_of", 69, 0)
        };
        assert_eq!(ext.resolve(&f), Some(d("2026-11-26")));
        // No counted periods: unknown.
        assert_eq!(e.resolve(&facts()), None);
        assert!(e.uses_cumulative() && ext.uses_cumulative());
        let back: DateExpr = serde_json::from_str(&serde_json::to_string(&ext).unwrap()).unwrap();
        assert_eq!(back, ext);
        assert_eq!(
            e.to_string(),
            "day more than 22 weeks counted within 9 calendar months, end of month"
        );
    }
}
