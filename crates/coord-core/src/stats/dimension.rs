//! The dimensions a statistic is broken down by: municipality, target group, coordination level,
//! age band, gender and period (the quarter the absence began). A row's value on a dimension is a
//! word ([`Dimension::value`]); `None` when the case file does not say.

use super::summary::CourseSummary;
use crate::category::Language;
use crate::text::pick;
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A dimension to break statistics down by (at most two at a time in a report).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// The municipality responsible for the course (its code).
    Municipality,
    /// The target group.
    TargetGroup,
    /// The coordination level the rules set.
    Level,
    /// The age band on the day the statistic is made as of.
    AgeBand,
    /// Gender as registered.
    Gender,
    /// The quarter in which the absence began (`2026-Q1`).
    Period,
}

impl Dimension {
    /// Every dimension, in a stable order.
    pub const ALL: [Dimension; 6] = [
        Dimension::Municipality,
        Dimension::TargetGroup,
        Dimension::Level,
        Dimension::AgeBand,
        Dimension::Gender,
        Dimension::Period,
    ];

    /// The JSON word.
    pub fn word(self) -> &'static str {
        match self {
            Dimension::Municipality => "municipality",
            Dimension::TargetGroup => "target_group",
            Dimension::Level => "level",
            Dimension::AgeBand => "age_band",
            Dimension::Gender => "gender",
            Dimension::Period => "period",
        }
    }

    /// The dimension's name for people.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            Dimension::Municipality => pick(lang, "Kommune", "Municipality"),
            Dimension::TargetGroup => pick(lang, "Målgruppe", "Target group"),
            Dimension::Level => pick(lang, "Koordineringsniveau", "Coordination level"),
            Dimension::AgeBand => pick(lang, "Alder", "Age"),
            Dimension::Gender => pick(lang, "Køn", "Gender"),
            Dimension::Period => pick(lang, "Periode", "Period"),
        }
    }

    /// The row's value on this dimension, as a word (`None`: not recorded).
    pub fn value(self, row: &CourseSummary) -> Option<String> {
        match self {
            Dimension::Municipality => row.municipality.as_ref().map(|m| m.as_str().to_owned()),
            Dimension::TargetGroup => row.target_group.as_ref().map(|g| g.word().to_owned()),
            Dimension::Level => row.level.map(|l| l.word().to_owned()),
            Dimension::AgeBand => row.age_band.map(|a| a.word().to_owned()),
            Dimension::Gender => row.gender.map(|g| gender_word(g).to_owned()),
            Dimension::Period => row.period.as_ref().map(|p| p.0.clone()),
        }
    }

    /// A value of this dimension in words for people (the word itself where there is no label:
    /// municipality codes and quarters).
    pub fn value_label(self, value: Option<&str>, lang: Language) -> String {
        let Some(v) = value else {
            return pick(lang, "Ikke oplyst", "Not recorded").to_owned();
        };
        let found = match self {
            Dimension::TargetGroup => super::words::target_group(v, lang).map(str::to_owned),
            Dimension::Level => [
                crate::rules::CoordinationLevel::Uncomplicated,
                crate::rules::CoordinationLevel::PredictableLong,
                crate::rules::CoordinationLevel::Complex,
            ]
            .iter()
            .find(|l| l.word() == v)
            .map(|l| l.label(lang).to_owned()),
            Dimension::AgeBand => AgeBand::ALL
                .iter()
                .find(|a| a.word() == v)
                .map(|a| a.label(lang)),
            Dimension::Gender => [
                crate::demographics::Gender::Female,
                crate::demographics::Gender::Male,
                crate::demographics::Gender::Unspecified,
            ]
            .iter()
            .find(|g| gender_word(**g) == v)
            .map(|g| super::words::gender(*g, lang).to_owned()),
            Dimension::Municipality | Dimension::Period => None,
        };
        found.unwrap_or_else(|| v.to_owned())
    }
}

fn gender_word(g: crate::demographics::Gender) -> &'static str {
    match g {
        crate::demographics::Gender::Female => "female",
        crate::demographics::Gender::Male => "male",
        crate::demographics::Gender::Unspecified => "unspecified",
    }
}

/// An age band, from the age in whole years on the day the statistic is made as of (birth year
/// only: the age is the difference of the years).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub enum AgeBand {
    /// Under 18.
    #[serde(rename = "0-17")]
    Under18,
    /// 18 to 29.
    #[serde(rename = "18-29")]
    From18To29,
    /// 30 to 39.
    #[serde(rename = "30-39")]
    From30To39,
    /// 40 to 49.
    #[serde(rename = "40-49")]
    From40To49,
    /// 50 to 59.
    #[serde(rename = "50-59")]
    From50To59,
    /// 60 and over.
    #[serde(rename = "60+")]
    From60,
}

impl AgeBand {
    /// Every band, youngest first.
    pub const ALL: [AgeBand; 6] = [
        AgeBand::Under18,
        AgeBand::From18To29,
        AgeBand::From30To39,
        AgeBand::From40To49,
        AgeBand::From50To59,
        AgeBand::From60,
    ];

    /// The band of an age in years.
    pub fn of_age(age: i32) -> AgeBand {
        match age {
            i32::MIN..=17 => AgeBand::Under18,
            18..=29 => AgeBand::From18To29,
            30..=39 => AgeBand::From30To39,
            40..=49 => AgeBand::From40To49,
            50..=59 => AgeBand::From50To59,
            _ => AgeBand::From60,
        }
    }

    /// The JSON word (`18-29`).
    pub fn word(self) -> &'static str {
        match self {
            AgeBand::Under18 => "0-17",
            AgeBand::From18To29 => "18-29",
            AgeBand::From30To39 => "30-39",
            AgeBand::From40To49 => "40-49",
            AgeBand::From50To59 => "50-59",
            AgeBand::From60 => "60+",
        }
    }

    /// The band for people ("18–29 år", "18–29 years").
    pub fn label(self, lang: Language) -> String {
        let years = pick(lang, "år", "years");
        match self {
            AgeBand::Under18 => pick(lang, "under 18 år", "under 18 years").to_owned(),
            AgeBand::From60 => pick(lang, "60 år og derover", "60 years and over").to_owned(),
            other => format!("{} {years}", other.word().replace('-', "–")),
        }
    }
}

/// A calendar quarter, `YYYY-Qn`, made from a date.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct Quarter(pub String);

impl Quarter {
    /// The quarter `date` falls in.
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter(format!("{}-Q{}", date.year(), date.month0() / 3 + 1))
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_and_quarters() {
        assert_eq!(AgeBand::of_age(29), AgeBand::From18To29);
        assert_eq!(AgeBand::of_age(30), AgeBand::From30To39);
        assert_eq!(AgeBand::of_age(66), AgeBand::From60);
        let d = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap_or_default();
        assert_eq!(Quarter::of(d).0, "2026-Q2");
        for a in AgeBand::ALL {
            let json = serde_json::to_string(&a).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", a.word()));
        }
    }
}
