//! Official identifiers a citizen or an actor carries: CPR, SOR, CVR, GLN, P-number, or another
//! system named by its URI.
//!
//! The systems coord knows are an enum, each with the system URI HL7 Denmark's DK Core profiles
//! fix (`input/fsh/*Identifier.fsh` in github.com/hl7dk/dk-core): CPR `urn:oid:1.2.208.176.1.2`,
//! SOR `urn:oid:1.2.208.176.1.1`, CVR `http://cvr.dk`, GLN `http://www.gs1.org/gln`. DK Core has
//! no profile for the P-number (produktionsenhedsnummer); coord names it with its own URI
//! [`P_NUMBER_SYSTEM`] (unverified: no official system URI was found).
//!
//! Identifiers are sensitive (a CPR number reveals the birth date and, by tradition, the gender).
//! Errors name the place and the expected form, never the value ([`IdentifierError`]); reports for
//! people never show them. An export carries them only as released ([`release`]: none by default,
//! the citizen's as the consent engine decides for a recipient, or all in the municipality's own
//! copy), every one taken out by the same rule ([`withhold`]).

mod cpr;
pub mod release;
pub mod withhold;

pub use cpr::{cpr_birth_date, CprProblem};
pub use release::{
    release_identifiers, IdentifierRelease, IdentifierReleaseError, IdentifierRequest, ReleaseMode,
    WithheldIdentifier, WithholdReason,
};

use crate::pointer::Pointer;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The CPR system URI (DK Core `DkCoreCprIdentifier`).
pub const CPR_SYSTEM: &str = "urn:oid:1.2.208.176.1.2";
/// The SOR system URI (DK Core `SORIdentifier`).
pub const SOR_SYSTEM: &str = "urn:oid:1.2.208.176.1.1";
/// The CVR system URI (DK Core `CVRIdentifier`).
pub const CVR_SYSTEM: &str = "http://cvr.dk";
/// The GLN system URI (DK Core `GLNIdentifier`).
pub const GLN_SYSTEM: &str = "http://www.gs1.org/gln";
/// coord's own URI for the P-number: DK Core fixes none (unverified, see the module docs).
pub const P_NUMBER_SYSTEM: &str = "urn:coord:identifier:p-number";

/// The system an identifier belongs to.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierSystem {
    /// The Danish civil registration number (CPR-nummer): ten digits, a birth date in the first
    /// six.
    Cpr,
    /// The Danish health care organisation register (SOR-id): at least eleven digits.
    Sor,
    /// The Danish central business register (CVR-nummer): eight digits, modulus 11.
    Cvr,
    /// A GS1 Global Location Number (EAN-nummer): thirteen digits, GS1 check digit.
    Gln,
    /// A production unit number in CVR (P-nummer): ten digits.
    PNumber,
    /// Any other system, named by its absolute URI.
    Other(String),
}

impl IdentifierSystem {
    /// The system's URI (for FHIR `Identifier.system`).
    pub fn uri(&self) -> &str {
        match self {
            IdentifierSystem::Cpr => CPR_SYSTEM,
            IdentifierSystem::Sor => SOR_SYSTEM,
            IdentifierSystem::Cvr => CVR_SYSTEM,
            IdentifierSystem::Gln => GLN_SYSTEM,
            IdentifierSystem::PNumber => P_NUMBER_SYSTEM,
            IdentifierSystem::Other(uri) => uri,
        }
    }

    /// The system a URI names: a known one, or `Other`.
    pub fn from_uri(uri: &str) -> Self {
        match uri {
            CPR_SYSTEM => IdentifierSystem::Cpr,
            SOR_SYSTEM => IdentifierSystem::Sor,
            CVR_SYSTEM => IdentifierSystem::Cvr,
            GLN_SYSTEM => IdentifierSystem::Gln,
            P_NUMBER_SYSTEM => IdentifierSystem::PNumber,
            other => IdentifierSystem::Other(other.to_owned()),
        }
    }

    /// Whether identifiers of this system identify a person (and so belong on the citizen or a
    /// person, never on an organisation).
    pub fn identifies_a_person(&self) -> bool {
        matches!(self, IdentifierSystem::Cpr)
    }
}

/// An identifier: a value in a system.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Identifier {
    /// The system.
    pub system: IdentifierSystem,
    /// The value, in the system's own form (digits only for the Danish registers).
    pub value: String,
}

impl Identifier {
    /// An identifier of `system` with `value`.
    pub fn new(system: IdentifierSystem, value: impl Into<String>) -> Self {
        Identifier {
            system,
            value: value.into(),
        }
    }
}

/// What is wrong with an identifier. The value is never part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierProblem {
    /// A CPR number is not ten digits.
    CprNotTenDigits,
    /// A CPR number's first six digits are not a date (day, month, year; century from the
    /// seventh digit).
    CprNoDate,
    /// A SOR-id is not at least eleven digits.
    SorFormat,
    /// A CVR number is not eight digits.
    CvrFormat,
    /// A CVR number fails the modulus 11 check.
    CvrCheck,
    /// A GLN is not thirteen digits.
    GlnFormat,
    /// A GLN's check digit is wrong.
    GlnCheck,
    /// A P-number is not ten digits.
    PNumberFormat,
    /// The system of an `other` identifier is not an absolute URI (a scheme, `:`, and more).
    SystemNotUri,
    /// The system of an `other` identifier is one coord knows by name: use the name.
    SystemKnown,
    /// The value is empty.
    EmptyValue,
    /// A person's identifier (CPR) on an organisation.
    PersonIdOnOrganisation,
    /// The same system twice on one party, for a system that gives one identifier per party.
    DuplicateSystem,
}

impl IdentifierProblem {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            IdentifierProblem::CprNotTenDigits => "identifier.cpr_format",
            IdentifierProblem::CprNoDate => "identifier.cpr_date",
            IdentifierProblem::SorFormat => "identifier.sor_format",
            IdentifierProblem::CvrFormat => "identifier.cvr_format",
            IdentifierProblem::CvrCheck => "identifier.cvr_check",
            IdentifierProblem::GlnFormat => "identifier.gln_format",
            IdentifierProblem::GlnCheck => "identifier.gln_check",
            IdentifierProblem::PNumberFormat => "identifier.p_number_format",
            IdentifierProblem::SystemNotUri => "identifier.system_not_uri",
            IdentifierProblem::SystemKnown => "identifier.system_known",
            IdentifierProblem::EmptyValue => "identifier.empty_value",
            IdentifierProblem::PersonIdOnOrganisation => "identifier.person_id_on_organisation",
            IdentifierProblem::DuplicateSystem => "identifier.duplicate_system",
        }
    }

    /// What was expected, in words (never the value given).
    pub fn expected(self) -> &'static str {
        match self {
            IdentifierProblem::CprNotTenDigits => "a CPR number is ten digits (no dash)",
            IdentifierProblem::CprNoDate => {
                "a CPR number's first six digits are a date (DDMMYY, century from the 7th digit)"
            }
            IdentifierProblem::SorFormat => "a SOR-id is at least eleven digits",
            IdentifierProblem::CvrFormat => "a CVR number is eight digits",
            IdentifierProblem::CvrCheck => "a CVR number passes the modulus 11 check",
            IdentifierProblem::GlnFormat => "a GLN is thirteen digits",
            IdentifierProblem::GlnCheck => "a GLN ends in its GS1 check digit",
            IdentifierProblem::PNumberFormat => "a P-number is ten digits",
            IdentifierProblem::SystemNotUri => {
                "the system of an `other` identifier is an absolute URI"
            }
            IdentifierProblem::SystemKnown => {
                "a known system (cpr, sor, cvr, gln, p_number) is named, not given as `other`"
            }
            IdentifierProblem::EmptyValue => "an identifier has a value",
            IdentifierProblem::PersonIdOnOrganisation => {
                "a CPR number identifies a person, not an organisation"
            }
            IdentifierProblem::DuplicateSystem => {
                "at most one identifier of this system per citizen or actor"
            }
        }
    }
}

/// An identifier that is not in its system's form: the place and the problem, never the value.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("invalid identifier: {}", problem.expected())]
pub struct IdentifierError {
    /// Where the identifier (or its value) is.
    pub at: Pointer,
    /// What is wrong.
    pub problem: IdentifierProblem,
}

impl IdentifierError {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// Where the identifier is.
    pub fn pointer(&self) -> &Pointer {
        &self.at
    }
}

fn all_digits(value: &str, len: std::ops::RangeInclusive<usize>) -> bool {
    len.contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit())
}

fn digits(value: &str) -> impl Iterator<Item = u32> + '_ {
    value.bytes().map(|b| u32::from(b.wrapping_sub(b'0')))
}

/// The problem with `identifier`'s form, if any (the system's own checks only).
pub fn check_identifier(identifier: &Identifier) -> Option<IdentifierProblem> {
    let value = identifier.value.as_str();
    if value.trim().is_empty() {
        return Some(IdentifierProblem::EmptyValue);
    }
    match &identifier.system {
        IdentifierSystem::Cpr => cpr::check(value).err().map(|p| match p {
            CprProblem::NotTenDigits => IdentifierProblem::CprNotTenDigits,
            CprProblem::NoDate => IdentifierProblem::CprNoDate,
        }),
        IdentifierSystem::Sor => {
            (!all_digits(value, 11..=usize::MAX)).then_some(IdentifierProblem::SorFormat)
        }
        IdentifierSystem::Cvr => {
            if !all_digits(value, 8..=8) {
                return Some(IdentifierProblem::CvrFormat);
            }
            // DK Core CVR-modulus-11: weights 2 7 6 5 4 3 2 1, the sum divisible by 11.
            let sum: u32 = digits(value)
                .zip([2, 7, 6, 5, 4, 3, 2, 1])
                .map(|(d, w)| d * w)
                .sum();
            (sum % 11 != 0).then_some(IdentifierProblem::CvrCheck)
        }
        IdentifierSystem::Gln => {
            if !all_digits(value, 13..=13) {
                return Some(IdentifierProblem::GlnFormat);
            }
            // GS1: weights 1 3 1 3 … on the first twelve digits; check = (10 − sum mod 10) mod 10.
            let d: Vec<u32> = digits(value).collect();
            let sum: u32 = d
                .iter()
                .take(12)
                .zip([1, 3].iter().cycle())
                .map(|(d, w)| d * w)
                .sum();
            let check = (10 - sum % 10) % 10;
            (d.get(12) != Some(&check)).then_some(IdentifierProblem::GlnCheck)
        }
        IdentifierSystem::PNumber => {
            (!all_digits(value, 10..=10)).then_some(IdentifierProblem::PNumberFormat)
        }
        IdentifierSystem::Other(uri) => {
            if !is_absolute_uri(uri) {
                Some(IdentifierProblem::SystemNotUri)
            } else if !matches!(IdentifierSystem::from_uri(uri), IdentifierSystem::Other(_)) {
                Some(IdentifierProblem::SystemKnown)
            } else {
                None
            }
        }
    }
}

/// An absolute URI: a scheme (a letter, then letters, digits, `+`, `-`, `.`), `:`, and more, with
/// no white space.
fn is_absolute_uri(uri: &str) -> bool {
    let Some((scheme, rest)) = uri.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !uri.chars().any(char::is_whitespace)
}

/// Every problem with the identifiers of one party at `at` (`…/identifiers`): each one's form,
/// a CPR on an organisation, and a known system given twice.
pub fn check_identifiers(
    identifiers: &[Identifier],
    is_organisation: bool,
    at: &Pointer,
) -> Vec<IdentifierError> {
    let mut errors = Vec::new();
    let mut seen: Vec<&IdentifierSystem> = Vec::new();
    for (i, id) in identifiers.iter().enumerate() {
        let here = || at.index(i);
        if let Some(problem) = check_identifier(id) {
            let at = match problem {
                IdentifierProblem::SystemNotUri | IdentifierProblem::SystemKnown => {
                    here().key("system")
                }
                _ => here().key("value"),
            };
            errors.push(IdentifierError { at, problem });
        }
        if is_organisation && id.system.identifies_a_person() {
            errors.push(IdentifierError {
                at: here().key("system"),
                problem: IdentifierProblem::PersonIdOnOrganisation,
            });
        }
        let known = !matches!(id.system, IdentifierSystem::Other(_));
        if known && seen.contains(&&id.system) {
            errors.push(IdentifierError {
                at: here().key("system"),
                problem: IdentifierProblem::DuplicateSystem,
            });
        }
        seen.push(&id.system);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(system: IdentifierSystem, value: &str) -> Identifier {
        Identifier::new(system, value)
    }

    #[test]
    fn known_systems_round_trip_through_their_uris() {
        for s in [
            IdentifierSystem::Cpr,
            IdentifierSystem::Sor,
            IdentifierSystem::Cvr,
            IdentifierSystem::Gln,
            IdentifierSystem::PNumber,
            IdentifierSystem::Other("https://example.org/ids".into()),
        ] {
            assert_eq!(IdentifierSystem::from_uri(s.uri()), s);
        }
    }

    #[test]
    fn registers_check_their_forms() {
        // DK Core's own examples: CVR 25450442 (Sundhedsdatastyrelsen's example passes mod 11),
        // GLN 5790000121526.
        assert_eq!(
            check_identifier(&id(IdentifierSystem::Cvr, "25450442")),
            None
        );
        assert_eq!(
            check_identifier(&id(IdentifierSystem::Cvr, "25450443")),
            Some(IdentifierProblem::CvrCheck)
        );
        assert_eq!(
            check_identifier(&id(IdentifierSystem::Cvr, "2545044")),
            Some(IdentifierProblem::CvrFormat)
        );
        assert_eq!(
            check_identifier(&id(IdentifierSystem::Gln, "5790000121526")),
            None
        );
        assert_eq!(
            check_identifier(&id(IdentifierSystem::Gln, "5790000121527")),
            Some(IdentifierProblem::GlnCheck)
        );
        assert_eq!(
            check_identifier(&id(IdentifierSystem::Sor, "123456789012")),
            None
        );
        assert_eq!(
            check_identifier(&id(IdentifierSystem::Sor, "1234567890")),
            Some(IdentifierProblem::SorFormat)
        );
        assert_eq!(
            check_identifier(&id(IdentifierSystem::PNumber, "1003388394")),
            None
        );
        assert_eq!(
            check_identifier(&id(IdentifierSystem::PNumber, "100338839")),
            Some(IdentifierProblem::PNumberFormat)
        );
        assert_eq!(
            check_identifier(&id(IdentifierSystem::Other("no uri".into()), "x")),
            Some(IdentifierProblem::SystemNotUri)
        );
        assert_eq!(
            check_identifier(&id(IdentifierSystem::Other(CPR_SYSTEM.into()), "x")),
            Some(IdentifierProblem::SystemKnown)
        );
        assert_eq!(
            check_identifier(&id(IdentifierSystem::Other("urn:x:y".into()), " ")),
            Some(IdentifierProblem::EmptyValue)
        );
    }

    #[test]
    fn errors_name_the_place_never_the_value() {
        let ids = [
            id(IdentifierSystem::Cpr, "3213459999"),
            id(IdentifierSystem::Cpr, "0108589995"),
        ];
        let errors = check_identifiers(&ids, true, &Pointer::root().key("identifiers"));
        let text: Vec<String> = errors
            .iter()
            .map(|e| format!("{e} {} {:?}", e.at, e.problem))
            .collect();
        assert_eq!(
            errors.first().map(|e| e.at.to_string()),
            Some("/identifiers/0/value".into())
        );
        assert!(errors
            .iter()
            .any(|e| e.problem == IdentifierProblem::DuplicateSystem));
        assert!(errors
            .iter()
            .any(|e| e.problem == IdentifierProblem::PersonIdOnOrganisation));
        for t in text {
            assert!(!t.contains("321345") && !t.contains("010858"), "{t}");
        }
    }
}
