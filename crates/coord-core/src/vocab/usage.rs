//! Where a case file uses vocabulary codes: the case-file check of declared codes, and the
//! finding for a code used outside its valid period.
//!
//! **Decided:** an undeclared code is an *error* of the case-file check (the case cannot be read:
//! coord does not know what the word means). A declared code used on a day outside its valid
//! period is a *finding* of the evaluation ([`codes_outside_period`]), not an error: the case-file
//! check has no date, and a target group that ended yesterday is a fact the caseworker must see,
//! not a reason to refuse the case. The day of use is the event's day for an event kind, and the
//! evaluation date for the course's target group, conditions and social factors.

use super::{Code, Vocabularies, VocabularyKind};
use crate::case_file::CaseFile;
use crate::category::Language;
use crate::pointer::Pointer;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One use of a code in a case file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeUse<'a> {
    /// The vocabulary the code must be declared in.
    pub kind: VocabularyKind,
    /// The code.
    pub code: &'a Code,
    /// Where in the case file.
    pub pointer: Pointer,
    /// The day the code is used on, when the case says (an event's day).
    pub on: Option<NaiveDate>,
}

/// Every code `case` uses, in document order.
pub fn codes_used(case: &CaseFile) -> Vec<CodeUse<'_>> {
    let course = Pointer::root().key("course");
    let mut uses = Vec::new();
    if let Some(g) = &case.course.target_group {
        uses.push(CodeUse {
            kind: VocabularyKind::TargetGroup,
            code: &g.0,
            pointer: course.key("target_group"),
            on: None,
        });
    }
    for (i, c) in case.course.conditions.iter().enumerate() {
        uses.push(CodeUse {
            kind: VocabularyKind::ConditionCategory,
            code: &c.0,
            pointer: course.key("conditions").index(i),
            on: None,
        });
    }
    for (i, f) in case.course.social_factors.iter().enumerate() {
        uses.push(CodeUse {
            kind: VocabularyKind::SocialFactor,
            code: &f.0,
            pointer: course.key("social_factors").index(i),
            on: None,
        });
    }
    for (i, e) in case.events.iter().enumerate() {
        uses.push(CodeUse {
            kind: VocabularyKind::EventKind,
            code: &e.kind.0,
            pointer: Pointer::root().key("events").index(i).key("kind"),
            on: Some(e.on),
        });
    }
    uses
}

/// A code the reference data does not declare. The message names the place and the declared
/// codes, never the code itself (a condition category is health data).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a declared {kind} code; declared codes: {declared}")]
pub struct UndeclaredCode {
    /// The vocabulary.
    pub kind: VocabularyKind,
    /// Where.
    pub pointer: Pointer,
    /// The declared codes, as one line.
    pub declared: String,
}

/// Every undeclared code in `case`, in document order.
pub fn undeclared_codes(case: &CaseFile, vocabularies: &Vocabularies) -> Vec<UndeclaredCode> {
    codes_used(case)
        .into_iter()
        .filter(|u| !vocabularies.declares(u.kind, u.code.as_str()))
        .map(|u| UndeclaredCode {
            kind: u.kind,
            declared: vocabularies.code_list(u.kind),
            pointer: u.pointer,
        })
        .collect()
}

/// A declared code used on a day outside its valid period (a finding of the evaluation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutsidePeriod {
    /// The vocabulary.
    pub kind: VocabularyKind,
    /// Where in the case file.
    pub pointer: Pointer,
    /// The day of use.
    pub on: NaiveDate,
    /// The code's first valid day, if any.
    pub valid_from: Option<NaiveDate>,
    /// The code's last valid day, if any.
    pub valid_to: Option<NaiveDate>,
}

/// Every code `case` uses, as of `as_of`, on a day outside its valid period: events on or before
/// `as_of` on their day, the course's codes on `as_of`. Undeclared codes are the check's concern.
pub fn codes_outside_period(
    case: &CaseFile,
    vocabularies: &Vocabularies,
    as_of: NaiveDate,
) -> Vec<OutsidePeriod> {
    if !vocabularies.has_periods() {
        // Nothing can be outside a period (the built-in vocabularies): no places are built.
        return Vec::new();
    }
    codes_used(case)
        .into_iter()
        .filter(|u| u.on.is_none_or(|d| d <= as_of))
        .filter_map(|u| {
            let on = u.on.unwrap_or(as_of);
            let e = vocabularies.entry(u.kind, u.code.as_str())?;
            (!e.valid_on(on)).then_some(OutsidePeriod {
                kind: u.kind,
                pointer: u.pointer,
                on,
                valid_from: e.valid_from,
                valid_to: e.valid_to,
            })
        })
        .collect()
}

impl OutsidePeriod {
    /// The finding for people (it names the vocabulary and the period, never the code).
    pub fn describe(&self, lang: Language) -> String {
        let date = |d: NaiveDate| crate::text::date_long(lang, d);
        let period = match (self.valid_from, self.valid_to) {
            (Some(f), Some(t)) => {
                crate::text::pick(lang, "gælder fra ", "is valid from ").to_owned()
                    + &date(f)
                    + crate::text::pick(lang, " til ", " to ")
                    + &date(t)
            }
            (Some(f), None) => {
                crate::text::pick(lang, "gælder fra ", "is valid from ").to_owned() + &date(f)
            }
            (None, Some(t)) => {
                crate::text::pick(lang, "gælder til ", "is valid until ").to_owned() + &date(t)
            }
            (None, None) => crate::text::pick(lang, "gælder altid", "is always valid").to_owned(),
        };
        match lang {
            Language::Da => format!(
                "En kode fra {} er brugt {}, men koden {period}.",
                self.kind.label(lang),
                date(self.on)
            ),
            Language::En => format!(
                "A code of the {} is used on {}, but the code {period}.",
                self.kind.label(lang),
                date(self.on)
            ),
        }
    }
}
