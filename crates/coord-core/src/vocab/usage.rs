//! Where a case file uses vocabulary codes: the case-file check of declared codes, and the
//! finding for a code used outside its valid period.
//!
//! **Decided:** an undeclared code is an *error* of the case-file check (the case cannot be read:
//! coord does not know what the word means). A declared code used on a day outside its valid
//! period is a *finding* of the evaluation ([`codes_outside_period`]), not an error: the case-file
//! check has no date, and a target group that ended yesterday is a fact the caseworker must see,
//! not a reason to refuse the case. The day of use is the event's day for an event kind, and the
//! evaluation date for the course's target group, conditions and social factors, the actors' and
//! team members' roles, and the purposes of consents and referrals.

use super::{Vocabularies, VocabularyKind};
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
    pub code: &'a str,
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
            code: g.word(),
            pointer: course.key("target_group"),
            on: None,
        });
    }
    for (i, c) in case.course.conditions.iter().enumerate() {
        uses.push(CodeUse {
            kind: VocabularyKind::ConditionCategory,
            code: c.word(),
            pointer: course.key("conditions").index(i),
            on: None,
        });
    }
    for (i, f) in case.course.social_factors.iter().enumerate() {
        uses.push(CodeUse {
            kind: VocabularyKind::SocialFactor,
            code: f.word(),
            pointer: course.key("social_factors").index(i),
            on: None,
        });
    }
    for (i, e) in case.events.iter().enumerate() {
        uses.push(CodeUse {
            kind: VocabularyKind::EventKind,
            code: e.kind.word(),
            pointer: Pointer::root().key("events").index(i).key("kind"),
            on: Some(e.on),
        });
    }
    for (i, a) in case.actors.iter().enumerate() {
        uses.push(CodeUse {
            kind: VocabularyKind::Role,
            code: a.role.word(),
            pointer: Pointer::root().key("actors").index(i).key("role"),
            on: None,
        });
    }
    if let Some(team) = &case.team {
        for (i, m) in team.members.iter().enumerate() {
            uses.push(CodeUse {
                kind: VocabularyKind::Role,
                code: m.role.word(),
                pointer: Pointer::root()
                    .key("team")
                    .key("members")
                    .index(i)
                    .key("role"),
                on: None,
            });
        }
    }
    for (i, c) in case.consents.iter().enumerate() {
        for (j, p) in c.scope.purposes.iter().enumerate() {
            uses.push(CodeUse {
                kind: VocabularyKind::Purpose,
                code: p.as_str(),
                pointer: Pointer::root()
                    .key("consents")
                    .index(i)
                    .key("scope")
                    .key("purposes")
                    .index(j),
                on: None,
            });
        }
    }
    for (i, r) in case.referrals.iter().enumerate() {
        uses.push(CodeUse {
            kind: VocabularyKind::Purpose,
            code: r.purpose.as_str(),
            pointer: Pointer::root().key("referrals").index(i).key("purpose"),
            on: None,
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
        .filter(|u| !vocabularies.declares(u.kind, u.code))
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
            let e = vocabularies.entry(u.kind, u.code)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn hillerod() -> CaseFile {
        serde_json::from_str(include_str!("../../../coord-json/data/demo/hillerod.json"))
            .unwrap_or_else(|e| panic!("demo case: {e}"))
    }

    #[test]
    fn the_demo_case_declares_every_role_and_purpose() {
        let v = super::super::builtin_for_tests();
        assert_eq!(undeclared_codes(&hillerod(), &v), []);
    }

    #[test]
    fn an_undeclared_role_and_purpose_are_placed_without_their_codes() {
        let v = super::super::builtin_for_tests();
        let mut case = hillerod();
        case.actors[1].role = crate::party::Role::from_string("secret_role_x");
        case.consents[0].scope.purposes[0] = crate::ids::PurposeId::new("secret-purpose-x");
        let found = undeclared_codes(&case, &v);
        let places: Vec<(VocabularyKind, String)> = found
            .iter()
            .map(|u| (u.kind, u.pointer.to_string()))
            .collect();
        assert_eq!(
            places,
            [
                (VocabularyKind::Role, "/actors/1/role".to_owned()),
                (
                    VocabularyKind::Purpose,
                    "/consents/0/scope/purposes/0".to_owned()
                ),
            ]
        );
        for u in &found {
            let message = u.to_string();
            assert!(!message.contains("secret"), "{message}");
            assert!(message.contains("declared codes:"), "{message}");
        }
        assert!(found[1].declared.contains("return-to-work"));
    }

    #[test]
    fn a_role_outside_its_period_is_a_finding() {
        let mut v = super::super::builtin_for_tests();
        let case = hillerod();
        let role = case.actors[0].role.word().to_owned();
        let mut ended = v
            .entry(VocabularyKind::Role, &role)
            .cloned()
            .unwrap_or_else(|| panic!("declared"));
        ended.valid_to = NaiveDate::from_ymd_opt(2020, 12, 31);
        v.extend(&Vocabularies {
            roles: vec![ended],
            ..Vocabularies::default()
        });
        let as_of = NaiveDate::from_ymd_opt(2025, 5, 1).unwrap_or_default();
        let found = codes_outside_period(&case, &v, as_of);
        assert!(found
            .iter()
            .any(|f| f.kind == VocabularyKind::Role && f.pointer.to_string() == "/actors/0/role"));
    }

    #[test]
    fn the_builtin_role_labels_are_the_vocabulary_labels() {
        let v = super::super::builtin_for_tests();
        let declared: Vec<&str> = v.codes(VocabularyKind::Role).map(|c| c.as_str()).collect();
        let named: Vec<&str> = crate::team::BUILTIN_ROLE_LABELS
            .iter()
            .map(|(c, _, _)| *c)
            .collect();
        assert_eq!(declared, named);
        for (code, da, en) in crate::team::BUILTIN_ROLE_LABELS {
            assert_eq!(v.label(VocabularyKind::Role, code, Language::Da), Some(da));
            assert_eq!(v.label(VocabularyKind::Role, code, Language::En), Some(en));
        }
    }
}
