//! Official identifiers planted on generated cases: a valid CPR number on the citizen (and on the
//! citizen's own actor entry), and on each actor any of CPR (persons only), SOR, CVR, GLN,
//! P-number and an `other` system, each of a form the case-file check accepts.

use crate::case_file::CaseFile;
use crate::identifier::{check_identifier, Identifier, IdentifierSystem};
use crate::party::ActorKind;
use proptest::prelude::*;

/// The `other` system planted on actors.
pub const OTHER_SYSTEM: &str = "urn:example:staff-register";

fn valid(system: IdentifierSystem, value: String) -> Option<Identifier> {
    let id = Identifier { system, value };
    check_identifier(&id).is_none().then_some(id)
}

/// A CPR number of a real date (days 1–28) in any century the seventh digit gives.
pub fn cpr() -> impl Strategy<Value = Identifier> {
    (1u32..=28, 1u32..=12, 0u32..=99, 0u32..=9999)
        .prop_filter_map("a CPR number of a date", |(d, m, y, n)| {
            valid(IdentifierSystem::Cpr, format!("{d:02}{m:02}{y:02}{n:04}"))
        })
}

/// A SOR id (12 digits).
pub fn sor() -> impl Strategy<Value = Identifier> {
    (100_000_000_000u64..1_000_000_000_000)
        .prop_filter_map("a SOR id", |n| valid(IdentifierSystem::Sor, n.to_string()))
}

/// A CVR number (8 digits, modulus 11 with weights 2 7 6 5 4 3 2 1).
pub fn cvr() -> impl Strategy<Value = Identifier> {
    (1_000_000u32..10_000_000).prop_filter_map("a CVR number", |n| {
        let digits: Vec<u32> = n
            .to_string()
            .chars()
            .filter_map(|c| c.to_digit(10))
            .collect();
        let sum: u32 = digits
            .iter()
            .zip([2, 7, 6, 5, 4, 3, 2])
            .map(|(d, w)| d * w)
            .sum();
        let check = (11 - sum % 11) % 11;
        (check < 10)
            .then(|| valid(IdentifierSystem::Cvr, format!("{n}{check}")))
            .flatten()
    })
}

/// A GLN (13 digits, GS1 check digit).
pub fn gln() -> impl Strategy<Value = Identifier> {
    (100_000_000_000u64..1_000_000_000_000).prop_filter_map("a GLN", |n| {
        let text = n.to_string();
        let sum: u32 = text
            .chars()
            .rev()
            .filter_map(|c| c.to_digit(10))
            .zip([3, 1].into_iter().cycle())
            .map(|(d, w)| d * w)
            .sum();
        let check = (10 - sum % 10) % 10;
        valid(IdentifierSystem::Gln, format!("{text}{check}"))
    })
}

/// A P-number (10 digits).
pub fn p_number() -> impl Strategy<Value = Identifier> {
    (1_000_000_000u64..10_000_000_000).prop_filter_map("a P-number", |n| {
        valid(IdentifierSystem::PNumber, n.to_string())
    })
}

/// An identifier of [`OTHER_SYSTEM`].
pub fn other() -> impl Strategy<Value = Identifier> {
    "[a-z]{4}[0-9]{6}".prop_filter_map("an other identifier", |v| {
        valid(IdentifierSystem::Other(OTHER_SYSTEM.to_owned()), v)
    })
}

/// Any subset of the six systems, one identifier each.
pub fn party_identifiers() -> impl Strategy<Value = Vec<Identifier>> {
    (
        proptest::option::of(cpr()),
        proptest::option::of(sor()),
        proptest::option::of(cvr()),
        proptest::option::of(gln()),
        proptest::option::of(p_number()),
        proptest::option::of(other()),
    )
        .prop_map(|(a, b, c, d, e, f)| [a, b, c, d, e, f].into_iter().flatten().collect())
}

/// `case` with identifiers planted: a CPR number on the citizen and on the citizen's own actor
/// entry, any of [`party_identifiers`] on every other actor (no CPR on an organisation).
pub fn with_identifiers(case: impl Strategy<Value = CaseFile>) -> impl Strategy<Value = CaseFile> {
    case.prop_flat_map(|c| {
        let n = c.actors.len();
        (
            Just(c),
            cpr(),
            proptest::collection::vec(party_identifiers(), n),
        )
    })
    .prop_map(|(mut case, own, planted)| {
        case.citizen.identifiers = vec![own.clone()];
        let citizen = case.citizen.actor.clone();
        for (actor, mut ids) in case.actors.iter_mut().zip(planted) {
            if Some(&actor.id) == citizen.as_ref() {
                ids.retain(|i| i.system != IdentifierSystem::Cpr);
                ids.insert(0, own.clone());
            } else if actor.kind == ActorKind::Organisation {
                ids.retain(|i| !i.system.identifies_a_person());
            }
            actor.identifiers = ids;
        }
        case
    })
}
