//! Proptest generators (feature `proptest`), so users can property-test their own data and rule
//! sets against coord's engines.
//!
//! One module per area; each exports `proptest::strategy::Strategy` values.
pub mod consent;
pub mod identifiers;
pub mod rules;
pub mod stats;
pub mod team;

/// A valid case file with a course, events and consents (see [`rules::case`]).
pub use rules::{as_of, case, case_with_date};
pub mod plan;

/// One person per sector, with ids `{prefix}0`, `{prefix}1` … in [`crate::party::Sector::ALL`]
/// order, so generated references always resolve.
pub fn cast_with_prefix(prefix: &str) -> Vec<crate::party::Actor> {
    crate::party::Sector::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| crate::party::Actor {
            identifiers: Vec::new(),
            id: crate::ids::ActorId::new(format!("{prefix}{i}")),
            name: format!("Actor {i}"),
            kind: crate::party::ActorKind::Person,
            sector: *s,
            role: crate::party::Role::CASEWORKER,
            organisation: None,
        })
        .collect()
}

/// Vocabularies that declare what the generators use: every role coord names (with its built-in
/// labels) and every consent purpose the generators draw. Generated reference data must declare
/// the codes its cases use (an undeclared role or purpose is a case-file error), and coord-core
/// does not embed coord-json's built-in vocabularies.
pub fn generated_vocabularies() -> crate::vocab::Vocabularies {
    use crate::vocab::{Code, VocabularyEntry};
    let entry = |code: &str, da: &str, en: &str| VocabularyEntry {
        code: Code::from_string(code),
        label: crate::text::Text::new(da, en),
        plural: None,
        source: None,
        valid_from: None,
        valid_to: None,
        verified: true,
    };
    crate::vocab::Vocabularies {
        roles: crate::team::BUILTIN_ROLE_LABELS
            .iter()
            .map(|(code, da, en)| entry(code, da, en))
            .collect(),
        purposes: consent::PURPOSES.iter().map(|p| entry(p, p, p)).collect(),
        ..crate::vocab::Vocabularies::default()
    }
}
