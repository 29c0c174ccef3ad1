//! One voice: the bilingual text type and the Danish/English grammar every sentence for people
//! uses — plurals, dates, decimal numbers. A concept has one wording per language, written here
//! or next to the concept's `label`/`describe`, and nowhere else; adapters never choose words.
//!
//! - [`Text`]: a sentence in both languages, picked with [`Text::get`].
//! - [`count`]: a number with its noun in the right number ("1 hverdag", "2 hverdage").
//! - [`date_long`]: a date as people write it ("14. marts 2025", "14 March 2025").
//! - [`thousands`]: a whole number with its thousands separated ("10.000", "10,000").
//! - [`decimal`]: a number with a decimal comma in Danish ("2,5"), a point in English.

pub mod condition;
mod units;

pub use units::Unit;

use crate::category::Language;
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A text in Danish and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Danish.
    pub da: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A text from its Danish and English wording (in that order, always).
    pub fn new(da: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            da: da.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Language) -> &str {
        match lang {
            Language::Da => &self.da,
            Language::En => &self.en,
        }
    }
}

/// Pick the wording for `lang` from a Danish and an English one (in that order, always).
pub fn pick<'a>(lang: Language, da: &'a str, en: &'a str) -> &'a str {
    match lang {
        Language::Da => da,
        Language::En => en,
    }
}

/// `n` with `unit` in the right number: "1 hverdag", "2 hverdage", "1 week", "2 weeks".
pub fn count(lang: Language, n: i64, unit: Unit) -> String {
    let (one, many) = unit.forms(lang);
    format!("{n} {}", if n == 1 || n == -1 { one } else { many })
}

const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as people write it: "14. marts 2025" in Danish, "14 March 2025" in English.
pub fn date_long(lang: Language, d: NaiveDate) -> String {
    let m = d.month0() as usize;
    match lang {
        Language::Da => format!("{}. {} {}", d.day(), MONTHS_DA[m], d.year()),
        Language::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
    }
}

/// The weekday of `d`: "fredag", "Friday".
pub fn weekday(lang: Language, d: NaiveDate) -> &'static str {
    use chrono::Weekday::*;
    match d.weekday() {
        Mon => pick(lang, "mandag", "Monday"),
        Tue => pick(lang, "tirsdag", "Tuesday"),
        Wed => pick(lang, "onsdag", "Wednesday"),
        Thu => pick(lang, "torsdag", "Thursday"),
        Fri => pick(lang, "fredag", "Friday"),
        Sat => pick(lang, "lørdag", "Saturday"),
        Sun => pick(lang, "søndag", "Sunday"),
    }
}

/// `n` with thousands separated ("10.000", "10,000").
pub fn thousands(lang: Language, n: u64) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Language::Da => '.',
        Language::En => ',',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A short date for tables: "14.03.2025" in Danish, "2025-03-14" in English.
pub fn date_short(lang: Language, d: NaiveDate) -> String {
    match lang {
        Language::Da => d.format("%d.%m.%Y").to_string(),
        Language::En => d.to_string(),
    }
}

/// `x` rounded to one decimal, without a trailing `.0`; a decimal comma in Danish.
pub fn decimal(lang: Language, x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    let s = if r == r.trunc() {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    };
    let s = if s == "-0" { "0".to_owned() } else { s };
    match lang {
        Language::Da => s.replace('.', ","),
        Language::En => s,
    }
}

/// `x` with exactly `places` decimals; a decimal comma in Danish ("4,16").
pub fn fixed(lang: Language, x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    let s = s.replace('-', "−");
    match lang {
        Language::Da => s.replace('.', ","),
        Language::En => s,
    }
}

/// Like [`decimal`] with a sign: "+2,5", "−1", "0".
pub fn signed(lang: Language, x: f64) -> String {
    let s = decimal(lang, x);
    if s == "0" {
        s
    } else if let Some(rest) = s.strip_prefix('-') {
        format!("−{rest}")
    } else {
        format!("+{s}")
    }
}

#[cfg(test)]
mod tests;
