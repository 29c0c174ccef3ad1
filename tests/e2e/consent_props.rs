//! Every generated answer of the consent calls validates against its committed schema.

use super::schemas::assert_valid;
use coord_core::strategies::consent::{case_with_consents, reference, request};
use coord_json::calls::consent::{
    access_check, consent_gaps_call, consent_validate, AccessCheckCall, ConsentGapsCall,
    ConsentValidateCall,
};
use coord_json::reference::ReferenceOverrides;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_answers_match_their_schemas(case in case_with_consents(5), reference in reference(2, 2), req in request()) {
        let overrides = ReferenceOverrides { legal_rules: Some(reference.legal_rules.clone()), ..ReferenceOverrides::default() };
        let answer = access_check(AccessCheckCall { case: case.clone(), reference: Some(overrides.clone()), request: req.clone() });
        prop_assert!(answer.result().is_some());
        assert_valid("access-check.answer", &serde_json::to_value(&answer).unwrap());
        assert_valid("access-check.call", &serde_json::to_value(AccessCheckCall { case: case.clone(), reference: Some(overrides.clone()), request: req.clone() }).unwrap());

        let answer = consent_validate(ConsentValidateCall { case: case.clone(), reference: None });
        assert_valid("consent-validate.answer", &serde_json::to_value(&answer).unwrap());

        let flow = coord_core::consent::GapFlow {
            holder: req.holder.clone(), recipient: req.requester.clone(), categories: req.categories.clone(),
            action: req.action, purpose: req.purpose.clone(), at: req.at,
        };
        let answer = consent_gaps_call(ConsentGapsCall { case, reference: Some(overrides), flow });
        assert_valid("consent-gaps.answer", &serde_json::to_value(&answer).unwrap());
    }
}
