//! The reference data coord ships, embedded at build time, and the embedded demo.
//!
//! A municipality replaces any part of it by giving its own (see [`crate::reference`]).

use crate::envelope::Problem;
use crate::parse::parse;
use coord_core::instruments::InstrumentDefinition;
use coord_core::reference::ReferenceData;

/// The built-in reference data as JSON text (legal bases and prohibitions, consent policy …).
pub const REFERENCE_JSON: &str = include_str!("../data/reference.json");

/// The built-in instrument definitions as JSON text (WHO-5, PHQ-9, GAD-7, GSE, WAS, FSIII J1–J5).
pub const INSTRUMENTS_JSON: &str = include_str!("../data/instruments.json");

/// The built-in reference data.
pub fn reference_data() -> Result<ReferenceData, Problem> {
    let mut r: ReferenceData = parse(REFERENCE_JSON)?;
    r.instruments = instruments()?;
    Ok(r)
}

/// The built-in instrument definitions.
pub fn instruments() -> Result<Vec<InstrumentDefinition>, Problem> {
    parse(INSTRUMENTS_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_reference_parses_and_has_the_employer_prohibition() {
        let r = reference_data().unwrap();
        assert!(r
            .legal_rules
            .iter()
            .any(|l| l.id.as_str() == "sdpl-68a-employer-no-health"));
    }

    #[test]
    fn builtin_instruments_parse_and_are_valid() {
        let defs = instruments().unwrap();
        let ids: Vec<&str> = defs.iter().map(|d| d.id.as_str()).collect();
        for id in ["who5", "phq9", "gad7", "gse", "was", "fsiii-j1", "fsiii-j5"] {
            assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
        let errors = coord_core::instruments::validate_instruments(
            &defs,
            &coord_core::pointer::Pointer::root(),
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(reference_data().unwrap().instruments.len(), defs.len());
    }

    #[test]
    fn override_replaces_only_given_parts() {
        let o: crate::reference::ReferenceOverrides =
            parse(r#"{"consent_policy":{"max_validity_months":6}}"#).unwrap();
        let r = o.resolve().unwrap();
        assert_eq!(r.consent_policy.max_validity_months, 6);
        assert!(!r.legal_rules.is_empty());
    }
}
