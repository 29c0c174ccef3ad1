//! Known-answer tests for the access decision, through one `check` helper.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

mod support;
use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::consent::{AccessIndex, AccessRequest, DenyReason, Grounds, Verdict};
use coord_core::reference::ReferenceData;
use serde_json::json;

fn case() -> serde_json::Value {
    json!({
      "id": "k1",
      "citizen": { "id": "cit", "name": "Jens", "actor": "jens" },
      "actors": [
        { "id": "jens", "name": "Jens", "kind": "person", "sector": "citizen", "role": "citizen" },
        { "id": "rehab", "name": "Rehab", "kind": "organisation", "sector": "municipal_rehabilitation", "role": "physiotherapist" },
        { "id": "anne", "name": "Anne", "kind": "person", "sector": "municipal_rehabilitation", "role": "physiotherapist", "organisation": "rehab" },
        { "id": "mette", "name": "Mette", "kind": "person", "sector": "municipal_employment", "role": "bridge_builder" },
        { "id": "boss", "name": "Boss", "kind": "organisation", "sector": "employer", "role": "employer_contact" },
        { "id": "gp", "name": "GP", "kind": "person", "sector": "general_practice", "role": "physician" }
      ],
      "consents": [{
        "id": "c1", "citizen": "cit", "given_at": "2025-03-03T10:00:00+01:00", "form": "written",
        "scope": { "categories": ["treatment_progress", "functional_ability"], "holders": [{ "actor": "rehab" }],
                   "recipients": [{ "sector": "municipal_employment" }, { "sector": "employer" }], "purposes": ["return-to-work"],
                   "actions": ["view"], "case": "k1" },
        "valid_from": "2025-03-03", "valid_to": "2025-12-31",
        "revocations": [{ "at": "2025-06-01T12:00:00+02:00", "recorded_by": "jens", "categories": ["functional_ability"] }]
      }]
    })
}

fn reference() -> ReferenceData {
    let mut reference: ReferenceData = serde_json::from_value(json!({ "legal_rules": [
      { "id": "no-employer-health", "effect": "forbid", "title_da": "", "title_en": "", "source": "§68a",
        "recipients": [{ "sector": "employer" }], "categories": ["health_status", "treatment_progress", "functional_ability"] },
      { "id": "treatment", "effect": "permit", "title_da": "", "title_en": "", "source": "sundhedsloven §41",
        "holders": [{ "sector": "general_practice" }], "recipients": [{ "sector": "municipal_rehabilitation" }],
        "purposes": ["current-treatment"] }
    ]}))
    .unwrap();
    reference.vocabularies = support::vocabularies();
    reference
}

/// Decide `changes` applied to a base request and compare the one category's verdict.
fn check(changes: serde_json::Value, expected: Verdict) {
    let mut request = json!({
        "requester": "mette", "citizen": "cit", "case": "k1", "holder": "anne",
        "categories": ["treatment_progress"], "action": "view", "purpose": "return-to-work",
        "at": "2025-04-01T09:00:00+02:00"
    });
    for (k, v) in changes.as_object().unwrap() {
        request[k] = v.clone();
    }
    let case: CaseFile = serde_json::from_value(case()).unwrap();
    let reference = reference();
    let checked = CheckedCase::new(case, &reference).unwrap();
    let request: AccessRequest = serde_json::from_value(request).unwrap();
    let d = AccessIndex::new(&checked, &reference)
        .decide(&request)
        .unwrap();
    assert_eq!(d.outcomes.len(), 1);
    assert_eq!(d.outcomes[0].verdict, expected, "for {changes}");
}

fn permit_by(c: &str) -> Verdict {
    Verdict::Permit {
        grounds: Grounds::Consent { consent: c.into() },
    }
}

fn deny(reason: DenyReason) -> Verdict {
    Verdict::Deny { reason }
}

#[test]
fn a_person_in_the_named_organisation_is_covered() {
    check(json!({}), permit_by("c1"));
}

#[test]
fn a_category_outside_every_consent_is_denied_for_want_of_consent() {
    check(
        json!({ "categories": ["health_status"] }),
        deny(DenyReason::NoConsent),
    );
}

#[test]
fn the_closest_consent_explains_the_denial() {
    check(
        json!({ "purpose": "refund" }),
        deny(DenyReason::PurposeNotCovered {
            consent: "c1".into(),
        }),
    );
    check(
        json!({ "action": "disclose" }),
        deny(DenyReason::ActionNotCovered {
            consent: "c1".into(),
        }),
    );
    check(
        json!({ "holder": "gp" }),
        deny(DenyReason::HolderNotCovered {
            consent: "c1".into(),
        }),
    );
    check(
        json!({ "requester": "gp" }),
        deny(DenyReason::RecipientNotCovered {
            consent: "c1".into(),
        }),
    );
}

#[test]
fn before_it_was_given_and_after_it_expired_the_consent_does_not_permit() {
    check(
        json!({ "at": "2025-03-03T08:00:00+01:00" }),
        deny(DenyReason::NotYetGiven {
            consent: "c1".into(),
            given_at: "2025-03-03T10:00:00+01:00".parse().unwrap(),
        }),
    );
    check(
        json!({ "at": "2026-01-01T08:00:00+01:00" }),
        deny(DenyReason::Expired {
            consent: "c1".into(),
            on: "2025-12-31".parse().unwrap(),
        }),
    );
    check(
        json!({ "at": "2025-12-31T23:59:00+01:00" }),
        permit_by("c1"),
    );
}

#[test]
fn a_partial_revocation_reaches_forward_only_and_only_its_categories() {
    let revoked_at = "2025-06-01T12:00:00+02:00".parse().unwrap();
    check(
        json!({ "categories": ["functional_ability"], "at": "2025-05-31T12:00:00+02:00" }),
        permit_by("c1"),
    );
    check(
        json!({ "categories": ["functional_ability"], "at": "2025-06-01T12:00:00+02:00" }),
        deny(DenyReason::Revoked {
            consent: "c1".into(),
            at: revoked_at,
        }),
    );
    check(
        json!({ "categories": ["treatment_progress"], "at": "2025-07-01T12:00:00+02:00" }),
        permit_by("c1"),
    );
}

#[test]
fn a_prohibition_overrides_the_citizens_consent() {
    check(
        json!({ "requester": "boss" }),
        deny(DenyReason::Forbidden {
            rule: "no-employer-health".into(),
            source: "§68a".into(),
        }),
    );
}

#[test]
fn a_legal_basis_permits_without_consent() {
    check(
        json!({ "requester": "anne", "holder": "gp", "categories": ["health_status"], "purpose": "current-treatment", "action": "disclose" }),
        Verdict::Permit {
            grounds: Grounds::LegalBasis {
                basis: "treatment".into(),
                source: "sundhedsloven §41".into(),
            },
        },
    );
}

#[test]
fn a_request_naming_an_unknown_actor_is_an_error_not_a_denial() {
    let case: CaseFile = serde_json::from_value(case()).unwrap();
    let reference = reference();
    let checked = CheckedCase::new(case, &reference).unwrap();
    let request: AccessRequest = serde_json::from_value(json!({
        "requester": "nobody", "citizen": "cit", "case": "k1", "holder": "anne",
        "categories": ["treatment_progress"], "action": "view", "purpose": "return-to-work", "at": "2025-04-01T09:00:00+02:00"
    }))
    .unwrap();
    let err = AccessIndex::new(&checked, &reference)
        .decide(&request)
        .unwrap_err();
    assert_eq!(err.pointer().to_string(), "/requester");
    assert_eq!(err.code(), "request.unknown_actor");
}
