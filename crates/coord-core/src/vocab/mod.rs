//! Vocabularies: the words of the law as reference data.
//!
//! Target groups, event kinds, health-condition categories, social-factor categories, roles and
//! purposes are not Rust enums: each is a *vocabulary* declared in the reference data (`vocabularies` in a
//! `--reference` file; coord ships the Danish ones as embedded JSON in coord-json). An entry has
//! a `code` (the snake_case word case files, packs and NDJSON use), a `label` in Danish and
//! English, the legal `source` it comes from, a valid period (`valid_from`, `valid_to`) and
//! `verified` (false: the reading is not checked against the statute). Which vocabularies exist is
//! fixed by coord ([`VocabularyKind`]); their codes are data, so a municipality can add a target
//! group or an event kind for a new law without a release.
//!
//! - [`code`]: [`Code`] and one typed code per kind ([`TargetGroup`], [`EventKind`] …); the codes
//!   coord's own logic names are constants (`EventKind::FOLLOW_UP_INTERVIEW`) that must be declared.
//! - [`entry`]: [`VocabularyEntry`], [`Vocabularies`] (the six lists, merged with a
//!   municipality's additions) and the reference-data check of them.
//! - [`usage`]: the codes a case file uses, with their places: the case-file check (an undeclared
//!   code is an error naming its place and the declared codes, never the code) and the evaluation's
//!   finding for a code used outside its valid period.
//! - [`word`]: [`word::Word`], a code's text (static, or shared when read from data) as fact
//!   values carry it.
//!
//! Concepts coord itself fixes stay Rust enums: information categories, consent actions, referral
//! states, sectors, instrument kinds.

pub mod code;
pub mod entry;
pub mod usage;
pub mod word;

pub use code::{
    Code, ConditionCategory, EventKind, Role, SocialFactor, TargetGroup, VocabularyCode,
};
pub use entry::{Vocabularies, VocabularyEntry, VocabularyError};

use crate::category::Language;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The vocabularies coord knows. Which ones exist is coord's; their codes are data.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum VocabularyKind {
    /// Target groups in employment law (`course.target_group`).
    TargetGroup,
    /// Kinds of event in the course (`events[].kind`).
    EventKind,
    /// Categories of health condition (`course.conditions[]`).
    ConditionCategory,
    /// Social factors (`course.social_factors[]`).
    SocialFactor,
    /// Professional roles of actors and team members (`actors[].role`, `team.members[].role`,
    /// pack actions `require_role` and `propose_referral.role`).
    Role,
    /// Purposes of processing in consents and access requests (`consents[].scope.purposes[]`,
    /// `referrals[].purpose`, an access request's `purpose`).
    Purpose,
}

impl VocabularyKind {
    /// Every kind, in a stable order.
    pub const ALL: [VocabularyKind; 6] = [
        VocabularyKind::TargetGroup,
        VocabularyKind::EventKind,
        VocabularyKind::ConditionCategory,
        VocabularyKind::SocialFactor,
        VocabularyKind::Role,
        VocabularyKind::Purpose,
    ];

    /// The key of the vocabulary in the reference data (`vocabularies.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            VocabularyKind::TargetGroup => "target_groups",
            VocabularyKind::EventKind => "event_kinds",
            VocabularyKind::ConditionCategory => "condition_categories",
            VocabularyKind::SocialFactor => "social_factors",
            VocabularyKind::Role => "roles",
            VocabularyKind::Purpose => "purposes",
        }
    }

    /// The vocabulary's name for people.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            VocabularyKind::TargetGroup => crate::text::pick(lang, "målgrupper", "target groups"),
            VocabularyKind::EventKind => crate::text::pick(lang, "hændelser", "event kinds"),
            VocabularyKind::ConditionCategory => crate::text::pick(
                lang,
                "kategorier af helbredsproblemer",
                "health-condition categories",
            ),
            VocabularyKind::SocialFactor => {
                crate::text::pick(lang, "sociale faktorer", "social factors")
            }
            VocabularyKind::Role => crate::text::pick(lang, "roller", "roles"),
            VocabularyKind::Purpose => crate::text::pick(lang, "formål", "purposes"),
        }
    }
}

impl VocabularyKind {
    /// Whether `code` has the form this vocabulary's codes have: 1–64 characters of `a`–`z`,
    /// `0`–`9` and `_`, starting with a letter; a purpose may also use `-` (`return-to-work`:
    /// consent purposes have always been written so, and existing consents keep their words).
    pub fn is_well_formed(self, code: &str) -> bool {
        let extra = |c: char| c == '_' || (self == VocabularyKind::Purpose && c == '-');
        code.len() <= 64
            && code.starts_with(|c: char| c.is_ascii_lowercase())
            && code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || extra(c))
    }
}

impl std::fmt::Display for VocabularyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// The built-in vocabularies (coord-json's embedded JSON) for the core's own unit tests.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) fn builtin_for_tests() -> Vocabularies {
    serde_json::from_str(include_str!("../../../coord-json/data/vocabularies.json")).unwrap()
}
