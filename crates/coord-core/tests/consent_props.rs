//! Property tests for the consent engine: default deny, revocation, expiry, monotonicity, order
//! independence, grounds that really cover the request, JSON round trips.
#![cfg(feature = "proptest")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::consent::{
    AccessDecision, AccessIndex, AccessRequest, Consent, DenyReason, Effect, Grounds, PartyRef,
    Verdict,
};
use coord_core::ids::ActorId;
use coord_core::reference::ReferenceData;
use coord_core::strategies::consent::{
    case_and_request, case_with_consents, legal_rule, reference, request,
};
use coord_core::time::date_of;
use proptest::prelude::*;

fn decide(case: &CaseFile, reference: &ReferenceData, request: &AccessRequest) -> AccessDecision {
    let checked =
        CheckedCase::new(case.clone(), reference).expect("generated cases pass the check");
    AccessIndex::new(&checked, reference)
        .decide(request)
        .expect("generated requests resolve")
}

fn permitted(d: &AccessDecision) -> Vec<coord_core::category::InformationCategory> {
    d.outcomes
        .iter()
        .filter(|o| o.verdict.is_permit())
        .map(|o| o.category)
        .collect()
}

fn matches(case: &CaseFile, party: &PartyRef, actor: &ActorId) -> bool {
    let a = case.actor(actor).expect("actor in cast");
    match party {
        PartyRef::Actor(id) => &a.id == id || a.organisation.as_ref() == Some(id),
        PartyRef::Sector(s) => a.sector == *s,
    }
}

/// The consent part of a decision worked out the slow way, as the engine's documentation states
/// it: scan every consent in id order; the first that covers the whole request permits; otherwise
/// the one that got furthest (category → action → purpose → holder → recipient → case → given →
/// valid from → valid to → revocation; ties to the smaller id) explains the denial. Returns the
/// permitting consent, or the stage reached (0 = no consent in the category) and the consent.
fn oracle(
    case: &CaseFile,
    req: &AccessRequest,
    category: coord_core::category::InformationCategory,
) -> Result<String, (u8, Option<String>)> {
    let mut consents: Vec<&Consent> = case.consents.iter().collect();
    consents.sort_by(|a, b| a.id.cmp(&b.id));
    let day = date_of(&req.at);
    let mut best: (u8, Option<String>) = (0, None);
    for c in consents {
        let s = &c.scope;
        let checks = [
            s.categories.contains(&category),
            s.actions.contains(&req.action),
            s.purposes.contains(&req.purpose),
            s.holders.iter().any(|p| matches(case, p, &req.holder)),
            s.recipients
                .iter()
                .any(|p| matches(case, p, &req.requester)),
            s.case == req.case,
            req.at >= c.given_at,
            day >= c.valid_from,
            day <= c.valid_to,
            c.revocation_for(category).is_none_or(|r| r.at > req.at),
        ];
        let reached = checks.iter().take_while(|ok| **ok).count();
        if reached == checks.len() {
            return Ok(c.id.to_string());
        }
        // stage 1 = failed on the action (the category matched), … 10 = revoked
        let stage = u8::try_from(reached).expect("ten checks");
        if reached > 0 && stage > best.0 {
            best = (stage, Some(c.id.to_string()));
        }
    }
    Err(best)
}

fn stage_of(reason: &DenyReason) -> u8 {
    match reason {
        DenyReason::NoConsent => 0,
        DenyReason::ActionNotCovered { .. } => 1,
        DenyReason::PurposeNotCovered { .. } => 2,
        DenyReason::HolderNotCovered { .. } => 3,
        DenyReason::RecipientNotCovered { .. } => 4,
        DenyReason::CaseNotCovered { .. } => 5,
        DenyReason::NotYetGiven { .. } => 6,
        DenyReason::NotYetValid { .. } => 7,
        DenyReason::Expired { .. } => 8,
        DenyReason::Revoked { .. } => 9,
        other => panic!("no legal rules in this test, got {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn no_consents_and_no_bases_deny_everything(req in request()) {
        let case = CaseFile { consents: vec![], ..coord_core::strategies::consent::case_with_consents_fixed() };
        let d = decide(&case, &ReferenceData { vocabularies: coord_core::strategies::generated_vocabularies(), ..ReferenceData::default() }, &req);
        prop_assert!(d.outcomes.iter().all(|o| !o.verdict.is_permit()));
    }

    #[test]
    fn every_permit_names_a_record_that_really_covers_the_request(
        (case, req) in case_and_request(8), reference in reference(3, 2)
    ) {
        let d = decide(&case, &reference, &req);
        let day = req.at.date_naive();
        for o in &d.outcomes {
            match &o.verdict {
                Verdict::Permit { grounds: Grounds::Consent { consent } } => {
                    let c = case.consents.iter().find(|c| &c.id == consent).expect("named consent exists");
                    prop_assert!(c.scope.categories.contains(&o.category));
                    prop_assert!(c.scope.holders.iter().any(|p| matches(&case, p, &req.holder)));
                    prop_assert!(c.scope.recipients.iter().any(|p| matches(&case, p, &req.requester)));
                    prop_assert!(c.scope.actions.contains(&req.action));
                    prop_assert!(c.scope.purposes.contains(&req.purpose));
                    prop_assert!(c.given_at <= req.at && c.valid_from <= day && day <= c.valid_to);
                    // A revoked consent never permits at or after its revocation.
                    prop_assert!(c.revocations.iter().all(|r| !r.covers(o.category) || r.at > req.at));
                }
                Verdict::Permit { grounds: Grounds::LegalBasis { basis, .. } } => {
                    let r = reference.legal_rules.iter().find(|r| &r.id == basis).expect("named basis exists");
                    prop_assert_eq!(r.effect, Effect::Permit);
                    prop_assert!(r.categories.as_ref().is_none_or(|c| c.contains(&o.category)));
                    prop_assert!(r.valid.is_none_or(|v| v.contains(day)));
                }
                Verdict::Deny { .. } => {}
            }
            // Forbid overrides permit: a matching prohibition always denies.
            let forbidden = reference.legal_rules.iter().any(|r| {
                r.effect == Effect::Forbid
                    && r.categories.as_ref().is_none_or(|c| c.contains(&o.category))
                    && r.holders.as_ref().is_none_or(|ps| ps.iter().any(|p| matches(&case, p, &req.holder)))
                    && r.recipients.as_ref().is_none_or(|ps| ps.iter().any(|p| matches(&case, p, &req.requester)))
                    && r.actions.as_ref().is_none_or(|a| a.contains(&req.action))
                    && r.purposes.as_ref().is_none_or(|p| p.contains(&req.purpose))
                    && r.valid.is_none_or(|v| v.contains(day))
            });
            if forbidden {
                prop_assert!(!o.verdict.is_permit());
            }
        }
    }

    #[test]
    fn an_expired_or_revoked_consent_never_permits_later(
        (case, req) in case_and_request(6), later_days in 0i64..400
    ) {
        let reference = ReferenceData { vocabularies: coord_core::strategies::generated_vocabularies(), ..ReferenceData::default() };
        let later = AccessRequest { at: req.at + chrono::Duration::days(later_days), ..req.clone() };
        let d = decide(&case, &reference, &later);
        for o in &d.outcomes {
            if let Verdict::Permit { grounds: Grounds::Consent { consent } } = &o.verdict {
                let c = case.consents.iter().find(|c| &c.id == consent).expect("exists");
                prop_assert!(later.at.date_naive() <= c.valid_to);
                prop_assert!(c.revocation_for(o.category).is_none_or(|r| r.at > later.at));
            }
        }
    }

    #[test]
    fn adding_a_prohibition_never_widens_access(
        (case, req) in case_and_request(6), reference in reference(3, 1), extra in legal_rule(99, Effect::Forbid)
    ) {
        let before = permitted(&decide(&case, &reference, &req));
        let mut wider = reference.clone();
        wider.legal_rules.push(extra);
        let after = permitted(&decide(&case, &wider, &req));
        prop_assert!(after.iter().all(|c| before.contains(c)));
    }

    #[test]
    fn removing_a_consent_never_widens_access(
        (case, req) in case_and_request(6), reference in reference(2, 1), pick in any::<prop::sample::Index>()
    ) {
        prop_assume!(!case.consents.is_empty());
        let before = permitted(&decide(&case, &reference, &req));
        let mut fewer = case.clone();
        fewer.consents.remove(pick.index(case.consents.len()));
        let after = permitted(&decide(&fewer, &reference, &req));
        prop_assert!(after.iter().all(|c| before.contains(c)));
    }

    #[test]
    fn the_indexed_decision_equals_a_scan_of_every_consent(
        (case, req) in case_and_request(12)
    ) {
        let reference = ReferenceData { vocabularies: coord_core::strategies::generated_vocabularies(), ..ReferenceData::default() };
        let checked = CheckedCase::new(case.clone(), &reference).expect("generated cases pass");
        // Scanned buckets (the default for small cases) and party-indexed buckets alike.
        let scanned = AccessIndex::new(&checked, &reference).decide(&req).expect("resolves");
        let indexed = AccessIndex::with_scan_limit(&checked, &reference, 0)
            .decide(&req)
            .expect("resolves");
        prop_assert_eq!(&scanned, &indexed);
        let decision = indexed;
        for outcome in &decision.outcomes {
            let expected = oracle(&case, &req, outcome.category);
            match (&outcome.verdict, expected) {
                (Verdict::Permit { grounds: Grounds::Consent { consent } }, Ok(id)) => {
                    prop_assert_eq!(consent.to_string(), id);
                }
                (Verdict::Deny { reason }, Err((stage, id))) => {
                    prop_assert_eq!(stage_of(reason), stage);
                    prop_assert_eq!(reason.consent().map(|c| c.to_string()), id);
                }
                (verdict, expected) => {
                    prop_assert!(false, "engine {:?}, scan {:?}", verdict, expected);
                }
            }
        }
    }

    #[test]
    fn decisions_do_not_depend_on_the_order_of_records(
        (case, req) in case_and_request(8), reference in reference(3, 2)
    ) {
        let d1 = decide(&case, &reference, &req);
        let mut reversed = case.clone();
        reversed.consents.reverse();
        reversed.actors.reverse();
        let mut ref_reversed = reference.clone();
        ref_reversed.legal_rules.reverse();
        let d2 = decide(&reversed, &ref_reversed, &req);
        prop_assert_eq!(d1, d2);
    }

    #[test]
    fn case_files_requests_and_decisions_round_trip_through_json(
        case in case_with_consents(5), reference in reference(2, 2), req in request()
    ) {
        let text = serde_json::to_string(&case).unwrap();
        prop_assert_eq!(serde_json::from_str::<CaseFile>(&text).unwrap(), case.clone());
        let text = serde_json::to_string(&reference).unwrap();
        prop_assert_eq!(serde_json::from_str::<ReferenceData>(&text).unwrap(), reference.clone());
        let d = decide(&case, &reference, &req);
        let text = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(serde_json::from_str::<AccessDecision>(&text).unwrap(), d);
    }

    #[test]
    fn a_consent_with_an_empty_list_is_rejected_naming_the_list(
        case in case_with_consents(3), which in 0usize..5
    ) {
        prop_assume!(!case.consents.is_empty());
        let mut bad = case.clone();
        let scope = &mut bad.consents[0].scope;
        let key = match which {
            0 => { scope.categories.clear(); "categories" }
            1 => { scope.holders.clear(); "holders" }
            2 => { scope.recipients.clear(); "recipients" }
            3 => { scope.purposes.clear(); "purposes" }
            _ => { scope.actions.clear(); "actions" }
        };
        let errors = CheckedCase::new(bad, &ReferenceData::default()).unwrap_err();
        let expected = format!("/consents/0/scope/{key}");
        prop_assert!(errors.iter().any(|e| e.pointer().to_string() == expected && e.code() == "consent.blanket"));
    }
}

/// The generators must exercise the interesting path: guard against properties that pass because
/// no consent ever permits anything.
#[test]
fn the_generators_produce_consent_permits_and_revocation_denials() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut by_consent, mut revoked, mut expired) = (0, 0, 0);
    for _ in 0..400 {
        let (case, req) = case_and_request(6).new_tree(&mut runner).unwrap().current();
        for o in decide(
            &case,
            &ReferenceData {
                vocabularies: coord_core::strategies::generated_vocabularies(),
                ..ReferenceData::default()
            },
            &req,
        )
        .outcomes
        {
            match o.verdict {
                Verdict::Permit {
                    grounds: Grounds::Consent { .. },
                } => by_consent += 1,
                Verdict::Deny {
                    reason: coord_core::consent::DenyReason::Revoked { .. },
                } => revoked += 1,
                Verdict::Deny {
                    reason: coord_core::consent::DenyReason::Expired { .. },
                } => expired += 1,
                _ => {}
            }
        }
    }
    assert!(
        by_consent > 40 && revoked > 5 && expired > 20,
        "permits {by_consent}, revoked {revoked}, expired {expired}"
    );
}
