//! Proptest generators (feature `proptest`), so users can property-test their own data and rule
//! sets against coord's engines.
//!
//! One module per area; each exports `proptest::strategy::Strategy` values.
pub mod consent;
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
