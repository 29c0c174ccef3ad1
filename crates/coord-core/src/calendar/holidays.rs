//! The Danish public holidays (helligdagsloven), computed from the year: no table to maintain.
//!
//! Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher); the movable holidays
//! are fixed offsets from it. Great Prayer Day (store bededag, Easter + 26) was abolished from 2024.

use chrono::{Datelike, Duration, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The last year Great Prayer Day was a public holiday (lov nr. 119 af 28/02/2023 abolished it from
/// 2024).
pub const LAST_GREAT_PRAYER_DAY_YEAR: i32 = 2023;

/// A Danish public holiday.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PublicHoliday {
    /// Nytårsdag, 1 January.
    NewYearsDay,
    /// Skærtorsdag, Easter − 3.
    MaundyThursday,
    /// Langfredag, Easter − 2.
    GoodFriday,
    /// Påskedag.
    EasterSunday,
    /// 2. påskedag, Easter + 1.
    EasterMonday,
    /// Store bededag, Easter + 26, up to and including 2023.
    GreatPrayerDay,
    /// Kristi himmelfartsdag, Easter + 39.
    AscensionDay,
    /// Pinsedag, Easter + 49.
    WhitSunday,
    /// 2. pinsedag, Easter + 50.
    WhitMonday,
    /// Juledag, 25 December.
    ChristmasDay,
    /// 2. juledag, 26 December.
    BoxingDay,
}

impl PublicHoliday {
    /// The holiday's name. In `lang`: the one wording per language.
    pub fn label(self, lang: crate::category::Language) -> &'static str {
        match self {
            PublicHoliday::NewYearsDay => crate::text::pick(lang, "nytårsdag", "New Year's Day"),
            PublicHoliday::MaundyThursday => {
                crate::text::pick(lang, "skærtorsdag", "Maundy Thursday")
            }
            PublicHoliday::GoodFriday => crate::text::pick(lang, "langfredag", "Good Friday"),
            PublicHoliday::EasterSunday => crate::text::pick(lang, "påskedag", "Easter Sunday"),
            PublicHoliday::EasterMonday => crate::text::pick(lang, "2. påskedag", "Easter Monday"),
            PublicHoliday::GreatPrayerDay => {
                crate::text::pick(lang, "store bededag", "Great Prayer Day")
            }
            PublicHoliday::AscensionDay => {
                crate::text::pick(lang, "Kristi himmelfartsdag", "Ascension Day")
            }
            PublicHoliday::WhitSunday => crate::text::pick(lang, "pinsedag", "Whit Sunday"),
            PublicHoliday::WhitMonday => crate::text::pick(lang, "2. pinsedag", "Whit Monday"),
            PublicHoliday::ChristmasDay => crate::text::pick(lang, "juledag", "Christmas Day"),
            PublicHoliday::BoxingDay => crate::text::pick(lang, "2. juledag", "Boxing Day"),
        }
    }
}

/// Easter Sunday of `year` (Gregorian calendar), by the anonymous Gregorian algorithm.
///
/// ```
/// use coord_core::calendar::easter_sunday;
/// assert_eq!(easter_sunday(2025).to_string(), "2025-04-20");
/// ```
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    // month is 3 or 4 and day 1..=31 by construction; the fallback is unreachable for valid years.
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

/// The public holiday falling on `day`, if any.
pub fn public_holiday(day: NaiveDate) -> Option<PublicHoliday> {
    public_holiday_with(day, easter_sunday)
}

/// [`public_holiday`] with Easter Sunday given by `easter_of` (so a loop over many days can reuse
/// one year's Easter); `easter_of` is only called for days in March to June.
pub fn public_holiday_with(
    day: NaiveDate,
    easter_of: impl FnOnce(i32) -> NaiveDate,
) -> Option<PublicHoliday> {
    match (day.month(), day.day()) {
        (1, 1) => return Some(PublicHoliday::NewYearsDay),
        (12, 25) => return Some(PublicHoliday::ChristmasDay),
        (12, 26) => return Some(PublicHoliday::BoxingDay),
        // Movable holidays fall between 19 March and 14 June.
        (3..=6, _) => {}
        _ => return None,
    }
    let offset = (day - easter_of(day.year())).num_days();
    match offset {
        -3 => Some(PublicHoliday::MaundyThursday),
        -2 => Some(PublicHoliday::GoodFriday),
        0 => Some(PublicHoliday::EasterSunday),
        1 => Some(PublicHoliday::EasterMonday),
        26 if day.year() <= LAST_GREAT_PRAYER_DAY_YEAR => Some(PublicHoliday::GreatPrayerDay),
        39 => Some(PublicHoliday::AscensionDay),
        49 => Some(PublicHoliday::WhitSunday),
        50 => Some(PublicHoliday::WhitMonday),
        _ => None,
    }
}

/// Every public holiday of `year`, in date order.
pub fn public_holidays(year: i32) -> Vec<(NaiveDate, PublicHoliday)> {
    let easter = easter_sunday(year);
    let fixed = |m, d, h| NaiveDate::from_ymd_opt(year, m, d).map(|day| (day, h));
    let movable = |offset: i64, h| Some((easter + Duration::days(offset), h));
    let mut days: Vec<(NaiveDate, PublicHoliday)> = [
        fixed(1, 1, PublicHoliday::NewYearsDay),
        movable(-3, PublicHoliday::MaundyThursday),
        movable(-2, PublicHoliday::GoodFriday),
        movable(0, PublicHoliday::EasterSunday),
        movable(1, PublicHoliday::EasterMonday),
        (year <= LAST_GREAT_PRAYER_DAY_YEAR)
            .then(|| movable(26, PublicHoliday::GreatPrayerDay))
            .flatten(),
        movable(39, PublicHoliday::AscensionDay),
        movable(49, PublicHoliday::WhitSunday),
        movable(50, PublicHoliday::WhitMonday),
        fixed(12, 25, PublicHoliday::ChristmasDay),
        fixed(12, 26, PublicHoliday::BoxingDay),
    ]
    .into_iter()
    .flatten()
    .collect();
    days.sort();
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_of_known_years() {
        for (year, easter) in [
            (2019, "2019-04-21"),
            (2020, "2020-04-12"),
            (2021, "2021-04-04"),
            (2022, "2022-04-17"),
            (2023, "2023-04-09"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (1818, "1818-03-22"),
        ] {
            assert_eq!(easter_sunday(year), d(easter), "{year}");
        }
    }

    #[test]
    fn holidays_of_2025() {
        let days: Vec<String> = public_holidays(2025)
            .iter()
            .map(|(day, _)| day.to_string())
            .collect();
        assert_eq!(
            days,
            [
                "2025-01-01",
                "2025-04-17",
                "2025-04-18",
                "2025-04-20",
                "2025-04-21",
                "2025-05-29",
                "2025-06-08",
                "2025-06-09",
                "2025-12-25",
                "2025-12-26"
            ]
        );
    }

    #[test]
    fn great_prayer_day_until_2023_only() {
        assert_eq!(
            public_holiday(d("2023-05-05")),
            Some(PublicHoliday::GreatPrayerDay)
        );
        assert_eq!(public_holiday(d("2024-04-26")), None);
        assert!(public_holidays(2024)
            .iter()
            .all(|(_, h)| *h != PublicHoliday::GreatPrayerDay));
        assert_eq!(public_holidays(2023).len(), 11);
    }

    #[test]
    fn every_listed_holiday_is_recognised() {
        for year in 1990..2100 {
            for (day, h) in public_holidays(year) {
                assert_eq!(public_holiday(day), Some(h), "{day}");
            }
        }
    }
}
