//! The reference data coord ships, embedded at build time, and the embedded demo.
//!
//! A municipality replaces any part of it by giving its own (see [`crate::reference`]).

use crate::envelope::Problem;
use crate::parse::parse;
use coord_core::reference::ReferenceData;

/// The built-in reference data as JSON text (legal bases and prohibitions, consent policy …).
pub const REFERENCE_JSON: &str = include_str!("../data/reference.json");

/// The built-in reference data.
pub fn reference_data() -> Result<ReferenceData, Problem> {
    parse(REFERENCE_JSON)
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
    fn override_replaces_only_given_parts() {
        let o: crate::reference::ReferenceOverrides =
            parse(r#"{"consent_policy":{"max_validity_months":6}}"#).unwrap();
        let r = o.resolve().unwrap();
        assert_eq!(r.consent_policy.max_validity_months, 6);
        assert!(!r.legal_rules.is_empty());
    }
}
