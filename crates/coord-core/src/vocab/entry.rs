//! Vocabulary entries and the vocabularies of the reference data.

use super::{Code, VocabularyKind};
use crate::category::Language;
use crate::citation::Citation;
use crate::pointer::Pointer;
use crate::text::Text;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One code of a vocabulary.
///
/// ```json
/// { "code": "sickness_benefit", "label": { "da": "sygedagpengemodtager", "en": "sickness benefit" },
///   "source": { "statute": "Lov om sygedagpenge", "number": "LBK nr. 1179 af 2023", "paragraph": "§ 1" },
///   "valid_from": "2015-01-01" }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VocabularyEntry {
    /// The code case files, packs and NDJSON use.
    pub code: Code,
    /// The code for people, in Danish and English.
    pub label: Text,
    /// For a target group: its citizens in the plural ("sygedagpengemodtagere"), for sentences
    /// about groups of cases; without it those sentences name the group by its label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plural: Option<Text>,
    /// The legal source the code comes from (a statute or a named document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// The first day the code can be used (none: always).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<NaiveDate>,
    /// The last day the code can be used (none: open-ended).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<NaiveDate>,
    /// Whether the reading is verified against the source (false: check before relying on it).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub verified: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

impl VocabularyEntry {
    /// Whether the code can be used on `day`.
    pub fn valid_on(&self, day: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= day) && self.valid_to.is_none_or(|t| day <= t)
    }

    /// Whether the code can be used on some day from `from` to `to` (none: open-ended).
    pub fn valid_in(&self, from: NaiveDate, to: Option<NaiveDate>) -> bool {
        self.valid_to.is_none_or(|t| from <= t)
            && match (self.valid_from, to) {
                (Some(f), Some(to)) => f <= to,
                _ => true,
            }
    }

    /// Whether the code can be used on every day from `from` to `to` (none: open-ended).
    pub fn valid_throughout(&self, from: NaiveDate, to: Option<NaiveDate>) -> bool {
        self.valid_from.is_none_or(|f| f <= from)
            && match (self.valid_to, to) {
                (None, _) => true,
                (Some(t), Some(to)) => to <= t,
                (Some(_), None) => false,
            }
    }

    /// The label in `lang`.
    pub fn label(&self, lang: Language) -> &str {
        self.label.get(lang)
    }
}

/// The vocabularies of the reference data: one list of entries per [`VocabularyKind`].
///
/// A municipality's `--reference` file adds to the built-in vocabularies ([`Vocabularies::extend`]):
/// a new code is added, and an entry with a code already declared replaces the built-in entry
/// (its label, source or period).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vocabularies {
    /// Target groups in employment law.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_groups: Vec<VocabularyEntry>,
    /// Kinds of event in the course.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_kinds: Vec<VocabularyEntry>,
    /// Categories of health condition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub condition_categories: Vec<VocabularyEntry>,
    /// Social factors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub social_factors: Vec<VocabularyEntry>,
    /// Professional roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<VocabularyEntry>,
    /// Purposes of processing (consents, access requests, referrals).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<VocabularyEntry>,
}

impl Vocabularies {
    /// The entries of one vocabulary, in declaration order.
    pub fn entries(&self, kind: VocabularyKind) -> &[VocabularyEntry] {
        match kind {
            VocabularyKind::TargetGroup => &self.target_groups,
            VocabularyKind::EventKind => &self.event_kinds,
            VocabularyKind::ConditionCategory => &self.condition_categories,
            VocabularyKind::SocialFactor => &self.social_factors,
            VocabularyKind::Role => &self.roles,
            VocabularyKind::Purpose => &self.purposes,
        }
    }

    fn entries_mut(&mut self, kind: VocabularyKind) -> &mut Vec<VocabularyEntry> {
        match kind {
            VocabularyKind::TargetGroup => &mut self.target_groups,
            VocabularyKind::EventKind => &mut self.event_kinds,
            VocabularyKind::ConditionCategory => &mut self.condition_categories,
            VocabularyKind::SocialFactor => &mut self.social_factors,
            VocabularyKind::Role => &mut self.roles,
            VocabularyKind::Purpose => &mut self.purposes,
        }
    }

    /// The entry declaring `code` in the vocabulary `kind`.
    pub fn entry(&self, kind: VocabularyKind, code: &str) -> Option<&VocabularyEntry> {
        self.entries(kind).iter().find(|e| e.code.as_str() == code)
    }

    /// Whether `code` is declared in `kind`.
    pub fn declares(&self, kind: VocabularyKind, code: &str) -> bool {
        self.entry(kind, code).is_some()
    }

    /// The declared codes of `kind`, in declaration order.
    pub fn codes(&self, kind: VocabularyKind) -> impl Iterator<Item = &Code> + '_ {
        self.entries(kind).iter().map(|e| &e.code)
    }

    /// The declared codes of `kind` as one line (`a, b, c`), for messages.
    pub fn code_list(&self, kind: VocabularyKind) -> String {
        let codes: Vec<&str> = self.codes(kind).map(Code::as_str).collect();
        if codes.is_empty() {
            "none (the vocabulary is empty)".to_owned()
        } else {
            codes.join(", ")
        }
    }

    /// The label of `code` in `lang`, if it is declared.
    pub fn label(&self, kind: VocabularyKind, code: &str, lang: Language) -> Option<&str> {
        self.entry(kind, code).map(|e| e.label(lang))
    }

    /// The label of a code declared in any vocabulary (the first in [`VocabularyKind::ALL`]
    /// order), for words whose vocabulary is not known (a condition's literal).
    pub fn any_label(&self, code: &str, lang: Language) -> Option<&str> {
        VocabularyKind::ALL
            .iter()
            .find_map(|k| self.label(*k, code, lang))
    }

    /// Whether any entry has a valid period (otherwise every declared code is always valid).
    pub fn has_periods(&self) -> bool {
        VocabularyKind::ALL.iter().any(|k| {
            self.entries(*k)
                .iter()
                .any(|e| e.valid_from.is_some() || e.valid_to.is_some())
        })
    }

    /// Add `other`'s entries: a new code is appended, a declared code's entry is replaced.
    pub fn extend(&mut self, other: &Vocabularies) {
        for kind in VocabularyKind::ALL {
            let mine = self.entries_mut(kind);
            for entry in other.entries(kind) {
                match mine.iter_mut().find(|e| e.code == entry.code) {
                    Some(e) => *e = entry.clone(),
                    None => mine.push(entry.clone()),
                }
            }
        }
    }
}

/// A problem in a vocabulary of the reference data. Messages name the place and never the code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VocabularyError {
    /// A code that is not a snake_case word.
    #[error("a vocabulary code must be 1–64 characters of a–z, 0–9 and _ (a purpose: also -), starting with a letter")]
    BadCode {
        /// Where.
        pointer: Pointer,
    },
    /// Two entries of one vocabulary share a code.
    #[error("the code is declared twice in this vocabulary (first at {first})")]
    DuplicateCode {
        /// Where.
        pointer: Pointer,
        /// The first entry.
        first: Pointer,
    },
    /// A label without Danish or English.
    #[error("a vocabulary entry needs a label in both Danish and English")]
    MissingLabel {
        /// Where.
        pointer: Pointer,
    },
    /// A valid period that ends before it starts.
    #[error("the entry's valid period ends before it starts")]
    InvertedPeriod {
        /// Where.
        pointer: Pointer,
    },
}

impl VocabularyError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            VocabularyError::BadCode { .. } => "vocabulary.bad_code",
            VocabularyError::DuplicateCode { .. } => "vocabulary.duplicate_code",
            VocabularyError::MissingLabel { .. } => "vocabulary.missing_label",
            VocabularyError::InvertedPeriod { .. } => "vocabulary.inverted_period",
        }
    }

    /// Where in the reference data the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            VocabularyError::BadCode { pointer }
            | VocabularyError::DuplicateCode { pointer, .. }
            | VocabularyError::MissingLabel { pointer }
            | VocabularyError::InvertedPeriod { pointer } => pointer,
        }
    }
}

/// Every problem in `vocabularies` (placed under `at`), in document order.
pub fn validate_vocabularies(vocabularies: &Vocabularies, at: &Pointer) -> Vec<VocabularyError> {
    let mut errors = Vec::new();
    for kind in VocabularyKind::ALL {
        let base = at.key(kind.key());
        let mut seen: Vec<(&str, Pointer)> = Vec::new();
        let mut codes = BTreeSet::new();
        for (i, e) in vocabularies.entries(kind).iter().enumerate() {
            let place = base.index(i);
            if !kind.is_well_formed(e.code.as_str()) {
                errors.push(VocabularyError::BadCode {
                    pointer: place.key("code"),
                });
            } else if !codes.insert(e.code.as_str()) {
                let first = seen
                    .iter()
                    .find(|(c, _)| *c == e.code.as_str())
                    .map_or_else(|| base.clone(), |(_, p)| p.clone());
                errors.push(VocabularyError::DuplicateCode {
                    pointer: place.key("code"),
                    first,
                });
            } else {
                seen.push((e.code.as_str(), place.key("code")));
            }
            if e.label.da.trim().is_empty() || e.label.en.trim().is_empty() {
                errors.push(VocabularyError::MissingLabel {
                    pointer: place.key("label"),
                });
            }
            if let (Some(f), Some(t)) = (e.valid_from, e.valid_to) {
                if t < f {
                    errors.push(VocabularyError::InvertedPeriod {
                        pointer: place.key("valid_to"),
                    });
                }
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(code: &'static str) -> VocabularyEntry {
        VocabularyEntry {
            code: Code::new(code),
            label: Text::new("da", "en"),
            plural: None,
            source: None,
            valid_from: None,
            valid_to: None,
            verified: true,
        }
    }

    #[test]
    fn extending_adds_new_codes_and_replaces_declared_ones() {
        let mut v = Vocabularies {
            target_groups: vec![entry("a"), entry("b")],
            ..Vocabularies::default()
        };
        let mut b2 = entry("b");
        b2.label = Text::new("bee", "bee");
        v.extend(&Vocabularies {
            target_groups: vec![b2, entry("c")],
            ..Vocabularies::default()
        });
        let codes: Vec<&str> = v
            .codes(VocabularyKind::TargetGroup)
            .map(Code::as_str)
            .collect();
        assert_eq!(codes, ["a", "b", "c"]);
        assert_eq!(
            v.label(VocabularyKind::TargetGroup, "b", Language::Da),
            Some("bee")
        );
    }

    #[test]
    fn bad_duplicate_unlabelled_and_inverted_entries_are_placed() {
        let mut dup = entry("a");
        dup.label = Text::new("", "x");
        let mut inverted = entry("c");
        inverted.valid_from = NaiveDate::from_ymd_opt(2026, 1, 1);
        inverted.valid_to = NaiveDate::from_ymd_opt(2025, 1, 1);
        let v = Vocabularies {
            event_kinds: vec![entry("a"), dup, entry("Bad"), inverted],
            ..Vocabularies::default()
        };
        let errors = validate_vocabularies(&v, &Pointer::root().key("vocabularies"));
        let got: Vec<(&str, String)> = errors
            .iter()
            .map(|e| (e.code(), e.pointer().to_string()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "vocabulary.duplicate_code",
                    "/vocabularies/event_kinds/1/code".to_owned()
                ),
                (
                    "vocabulary.missing_label",
                    "/vocabularies/event_kinds/1/label".to_owned()
                ),
                (
                    "vocabulary.bad_code",
                    "/vocabularies/event_kinds/2/code".to_owned()
                ),
                (
                    "vocabulary.inverted_period",
                    "/vocabularies/event_kinds/3/valid_to".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn periods_are_inclusive_and_open_ends_are_open() {
        let mut e = entry("x");
        e.valid_from = NaiveDate::from_ymd_opt(2026, 2, 1);
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(!e.valid_on(d(2026, 1, 31)));
        assert!(e.valid_on(d(2026, 2, 1)));
        assert!(e.valid_in(d(2025, 1, 1), Some(d(2026, 2, 1))));
        assert!(!e.valid_in(d(2025, 1, 1), Some(d(2026, 1, 31))));
        assert!(!e.valid_throughout(d(2025, 1, 1), None));
        assert!(e.valid_throughout(d(2026, 3, 1), None));
    }
}
