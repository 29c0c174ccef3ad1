//! Every generated plan call and answer validates against its committed schema.

use super::schemas::assert_valid;
use coord_core::strategies::plan::{instrument_with_answers, plan_case};
use coord_json::calls::plan::{
    instrument_score, plan_check, progress, PlanCheckCall, ProgressCall, ScoreCall,
};
use coord_json::reference::ReferenceOverrides;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn generated_plan_answers_match_their_schemas((case, reference) in plan_case()) {
        // Own instruments replace the built-in ones, so the built-in catalogue's readiness
        // indicator is no longer defined: the catalogue goes too.
        let overrides = ReferenceOverrides {
            instruments: Some(reference.instruments.clone()),
            offers: Some(coord_core::offers::OfferCatalogue::default()),
            ..ReferenceOverrides::default()
        };
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        assert_valid("case-file", &serde_json::to_value(&case).unwrap());
        let call = PlanCheckCall { case: case.clone(), reference: Some(overrides.clone()), as_of };
        assert_valid("plan-check.call", &serde_json::to_value(&call).unwrap());
        let answer = plan_check(call);
        prop_assert!(answer.result().is_some(), "{:?}", answer.errors());
        assert_valid("plan-check.answer", &serde_json::to_value(&answer).unwrap());
        let call = ProgressCall { case, reference: Some(overrides), as_of };
        assert_valid("progress.call", &serde_json::to_value(&call).unwrap());
        let answer = progress(call);
        prop_assert!(answer.result().is_some(), "{:?}", answer.errors());
        assert_valid("progress.answer", &serde_json::to_value(&answer).unwrap());
    }

    #[test]
    fn generated_scores_match_their_schemas((def, answers) in instrument_with_answers("own")) {
        assert_valid("instrument-definitions", &serde_json::to_value(vec![def.clone()]).unwrap());
        let call = ScoreCall {
            instrument: def.id.clone(),
            answers,
            reference: Some(ReferenceOverrides {
                instruments: Some(vec![def]),
                offers: Some(coord_core::offers::OfferCatalogue::default()),
                ..ReferenceOverrides::default()
            }),
        };
        assert_valid("instrument-score.call", &serde_json::to_value(&call).unwrap());
        let answer = instrument_score(call);
        prop_assert!(answer.result().is_some(), "{:?}", answer.errors());
        assert_valid("instrument-score.answer", &serde_json::to_value(&answer).unwrap());
    }
}
