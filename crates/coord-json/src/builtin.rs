//! The reference data coord ships, embedded at build time, and the embedded demo.
//!
//! A municipality replaces any part of it by giving its own (see [`crate::reference`]).

use crate::envelope::Problem;
use crate::parse::parse;
use coord_core::instruments::InstrumentDefinition;
use coord_core::reference::ReferenceData;
use coord_core::rules::RulePack;

/// The built-in reference data as JSON text (legal bases and prohibitions, consent policy …).
pub const REFERENCE_JSON: &str = include_str!("../data/reference.json");

/// The built-in offer catalogue as JSON text (an example catalogue drawn from the seeds).
pub const OFFERS_JSON: &str = include_str!("../data/offers.json");

/// The built-in Danish rule pack for sickness benefit and coordination before 2025, as JSON text.
pub const PACK_DK_PRE_2025_JSON: &str = include_str!("../data/packs/dk-pre-2025.json");
/// The built-in Danish rule pack from 1 January 2025 (L 74), as JSON text.
pub const PACK_DK_2025_JSON: &str = include_str!("../data/packs/dk-2025.json");

/// The built-in Danish rule pack from 1 February 2026 (lov nr. 1750 af 29/12/2025, L 66), open-ended,
/// as JSON text.
pub const PACK_DK_2026_JSON: &str = include_str!("../data/packs/dk-2026.json");

/// The built-in rule packs, oldest first.
pub fn rule_packs() -> Result<Vec<RulePack>, Problem> {
    Ok(vec![
        parse(PACK_DK_PRE_2025_JSON)?,
        parse(PACK_DK_2025_JSON)?,
        parse(PACK_DK_2026_JSON)?,
    ])
}

/// The built-in reference data (with the built-in rule packs and offer catalogue).
pub fn reference_data() -> Result<ReferenceData, Problem> {
    let mut r: ReferenceData = parse(REFERENCE_JSON)?;
    r.rule_packs = rule_packs()?;
    r.offers = offer_catalogue()?;
    r.instruments = instruments()?;
    r.vocabularies = vocabularies()?;
    Ok(r)
}

/// The built-in vocabularies as JSON text: the Danish target groups, event kinds, health-condition
/// categories and social factors, with labels, sources and valid periods.
pub const VOCABULARIES_JSON: &str = include_str!("../data/vocabularies.json");

/// The built-in vocabularies.
pub fn vocabularies() -> Result<coord_core::vocab::Vocabularies, Problem> {
    parse(VOCABULARIES_JSON)
}

/// The built-in offer catalogue.
pub fn offer_catalogue() -> Result<coord_core::offers::OfferCatalogue, Problem> {
    parse(OFFERS_JSON)
}

/// The built-in instrument definitions as JSON text (WHO-5, PHQ-9, GAD-7, GSE, WAS, FSIII J1–J5).
pub const INSTRUMENTS_JSON: &str = include_str!("../data/instruments.json");

/// The built-in instrument definitions.
pub fn instruments() -> Result<Vec<InstrumentDefinition>, Problem> {
    parse(INSTRUMENTS_JSON)
}

/// The built-in business-case settings as JSON text: the weekly sickness-benefit rate, dated,
/// with its source and `verified` mark (docs/stats.md, "Business case").
pub const BUSINESS_CASE_JSON: &str = include_str!("../data/business-case.json");

/// The built-in business-case settings.
pub fn business_case_settings() -> Result<coord_core::stats::BusinessCaseSettings, Problem> {
    parse(BUSINESS_CASE_JSON)
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
    fn the_whole_builtin_reference_passes_the_core_check() {
        let r = reference_data().unwrap();
        assert_eq!(coord_core::reference::check_reference(&r), vec![]);
    }

    #[test]
    fn a_replaced_part_is_checked_and_its_problems_placed_under_reference() {
        let o: crate::reference::ReferenceOverrides = parse(
            r#"{"offers":{"providers":[],"offers":[{"id":"x","name_da":"X","name_en":"X","provider":"nobody",
                "sector":"municipal_employment","status":"active","basis":"obligatory_employment_activity",
                "areas":["work"],"mode":"individual"}]}}"#,
        )
        .unwrap();
        let errors = crate::reference::resolve(Some(o)).unwrap_err();
        assert!(
            errors.iter().all(|p| p
                .pointer
                .as_deref()
                .is_some_and(|ptr| ptr.starts_with("/reference/offers"))),
            "{errors:?}"
        );
    }

    #[test]
    fn builtin_offer_catalogue_is_valid() {
        let c = offer_catalogue().unwrap();
        assert!(c.offers.len() >= 6);
        let errors = coord_core::offers::validate_catalogue(
            &c,
            &instruments().unwrap(),
            &coord_core::pointer::Pointer::root(),
        );
        assert!(errors.is_empty(), "{errors:?}");
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

    #[test]
    fn builtin_packs_validate_clean_and_pass_their_tests() {
        use coord_core::rules::testing::{check_generated, run_examples};
        use coord_core::rules::validate::validate_packs;
        let r = reference_data().unwrap();
        let findings = validate_packs(&r.rule_packs, &r, &Default::default());
        assert!(findings.is_empty(), "{findings:#?}");
        for pack in &r.rule_packs {
            for outcome in run_examples(pack, &r) {
                assert!(
                    outcome.passed,
                    "{}: {}: {:?}",
                    pack.id, outcome.name, outcome.mismatches
                );
            }
            let run = check_generated(pack, &r, 7, 300);
            assert!(run.passed, "{}: {:#?}", pack.id, run.counterexample);
        }
    }
}
