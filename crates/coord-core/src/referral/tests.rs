//! Examples of the referral state machine, the permit check, replay and staleness.

use super::*;
use crate::calendar::WorkingCalendar;
use crate::case_file::CaseFile;
use crate::check::{check_case_file, CheckedCase};
use crate::consent::AccessIndex;
use crate::offers::OfferCatalogue;
use crate::pointer::Pointer;
use crate::reference::ReferenceData;

const CONSENT: &str = r#"{
  "id": "c-ref", "citizen": "c", "given_at": "2025-03-01T10:00:00+01:00", "form": "written",
  "scope": { "categories": ["plan_and_goals", "functional_ability"],
             "holders": [{ "actor": "lars" }], "recipients": [{ "actor": "hc" }],
             "purposes": ["treatment"], "actions": ["disclose"], "case": "k" },
  "valid_from": "2025-03-01", "valid_to": "2026-02-28" }"#;

fn case(referrals: &str, consents: &str) -> CaseFile {
    serde_json::from_str(&format!(
        r#"{{
      "id": "k", "citizen": {{ "id": "c", "name": "Jens", "actor": "jens" }},
      "actors": [
        {{ "id": "jens", "name": "Jens", "kind": "person", "sector": "citizen", "role": "citizen" }},
        {{ "id": "lars", "name": "Lars", "kind": "person", "sector": "municipal_employment", "role": "caseworker" }},
        {{ "id": "sara", "name": "Sara", "kind": "person", "sector": "municipal_employment", "role": "coordinating_caseworker" }},
        {{ "id": "hc", "name": "Health centre", "kind": "organisation", "sector": "municipal_health_centre", "role": "nurse" }}
      ],
      "consents": [{consents}],
      "team": {{ "course": {{ "period": {{ "from": "2025-01-01" }}, "status": "active" }},
                 "members": [ {{ "actor": "sara", "role": "coordinating_caseworker", "period": {{ "from": "2025-01-01" }} }} ] }},
      "referrals": [{referrals}]
    }}"#
    ))
    .unwrap()
}

fn referral(categories: &str, history: &str) -> String {
    format!(
        r#"{{ "id": "r1", "from": "lars", "to": "hc", "reason": {{ "text": "stress course" }},
             "categories": [{categories}], "purpose": "treatment",
             "created_at": "2025-03-03T09:00:00+01:00", "history": [{history}] }}"#
    )
}

fn step(to: &str, by: &str, at: &str) -> Transition {
    serde_json::from_str(&format!(
        r#"{{ "to": "{to}", "by": "{by}", "at": "{at}" }}"#
    ))
    .unwrap()
}

const ACCEPTED: &str = r#"{ "to": "proposed_to_citizen", "by": "lars", "at": "2025-03-03T10:00:00+01:00" },
                          { "to": "accepted_by_citizen", "by": "jens", "at": "2025-03-04T10:00:00+01:00" }"#;

/// Make one transition on referral r1 of the case.
fn check(case: CaseFile, next: Transition) -> Result<TransitionResult, TransitionError> {
    let reference = ReferenceData {
        vocabularies: crate::vocab::builtin_for_tests(),
        ..ReferenceData::default()
    };
    let checked = CheckedCase::new(case, &reference).unwrap();
    let index = AccessIndex::new(&checked, &reference);
    let r = checked.case().referrals[0].clone();
    transition(&index, &r, &next, &Pointer::root().key("transition"))
}

#[test]
fn send_with_permit_notifies_referrer_and_coordinator() {
    let c = case(&referral(r#""plan_and_goals""#, ACCEPTED), CONSENT);
    let out = check(c, step("sent", "lars", "2025-03-05T09:00:00+01:00")).unwrap();
    assert_eq!(out.from, ReferralState::AcceptedByCitizen);
    assert_eq!(out.referral.state(), ReferralState::Sent);
    let to: Vec<(&str, &[NotifiedAs])> = out
        .notifications
        .iter()
        .map(|n| (n.to.as_str(), n.notified_as.as_slice()))
        .collect();
    assert_eq!(
        to,
        [
            ("lars", &[NotifiedAs::Referrer][..]),
            ("sara", &[NotifiedAs::Coordinator][..])
        ]
    );
    assert!(out.notifications[0].text_en.contains("is now sent"));
}

#[test]
fn no_send_without_permit_names_the_missing_consent() {
    let c = case(
        &referral(r#""plan_and_goals", "health_status""#, ACCEPTED),
        CONSENT,
    );
    let err = check(c, step("sent", "lars", "2025-03-05T09:00:00+01:00")).unwrap_err();
    assert_eq!(err.code(), "referral.no_permit");
    assert_eq!(err.pointer().to_string(), "/transition/to");
    let TransitionError::NoPermit { missing, ask, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        missing,
        &[crate::category::InformationCategory::HealthStatus]
    );
    assert!(ask.as_deref().unwrap().contains("health status"), "{err}");
}

#[test]
fn illegal_transitions_are_refused() {
    let c = case(&referral("", ""), "");
    let err = check(c.clone(), step("sent", "lars", "2025-03-05T09:00:00+01:00")).unwrap_err();
    assert_eq!(err.code(), "referral.illegal_transition");
    assert!(
        err.to_string()
            .contains("allowed next: `proposed_to_citizen`, `cancelled`"),
        "{err}"
    );
    let err = check(
        c.clone(),
        step("cancelled", "lars", "2025-03-05T09:00:00+01:00"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "referral.reason_required");
    let err = check(
        c,
        step("proposed_to_citizen", "lars", "2025-03-01T09:00:00+01:00"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "referral.out_of_order");
}

#[test]
fn completed_needs_an_outcome() {
    let history = format!(
        r#"{ACCEPTED},
        {{ "to": "sent", "by": "lars", "at": "2025-03-05T10:00:00+01:00" }},
        {{ "to": "received", "by": "hc", "at": "2025-03-06T10:00:00+01:00" }},
        {{ "to": "accepted", "by": "hc", "at": "2025-03-07T10:00:00+01:00" }},
        {{ "to": "in_progress", "by": "hc", "at": "2025-03-10T10:00:00+01:00" }}"#
    );
    let c = case(&referral("", &history), "");
    let err = check(
        c.clone(),
        step("completed", "hc", "2025-04-10T10:00:00+02:00"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "referral.outcome_required");
    let mut done = step("completed", "hc", "2025-04-10T10:00:00+02:00");
    done.outcome = Some(ReferralOutcome::NotSuccessful {
        reason: NotSuccessfulReason::CouldNotContact,
    });
    let out = check(c, done).unwrap();
    assert_eq!(
        out.referral.outcome(),
        out.referral.history.last().unwrap().outcome
    );
    assert!(out.notifications[0].text_en.contains("could not contact"));
}

#[test]
fn recorded_illegal_step_is_a_case_file_error_with_its_place() {
    let history = format!(
        r#"{ACCEPTED}, {{ "to": "completed", "by": "hc", "at": "2025-03-06T10:00:00+01:00", "outcome": {{ "result": "successful" }} }}"#
    );
    let c = case(&referral("", &history), "");
    let errors = check_case_file(
        &c,
        &ReferenceData {
            vocabularies: crate::vocab::builtin_for_tests(),
            ..ReferenceData::default()
        },
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code(), "referral.illegal_transition");
    assert_eq!(errors[0].pointer().to_string(), "/referrals/0/history/2/to");
}

#[test]
fn stale_as_of_the_evaluation_date() {
    // Proposed on Monday 14 April 2025; the citizen has 10 working days: due Thursday 1 May.
    let history =
        r#"{ "to": "proposed_to_citizen", "by": "lars", "at": "2025-04-14T10:00:00+02:00" }"#;
    let c = case(&referral("", history), "");
    let reference = ReferenceData {
        vocabularies: crate::vocab::builtin_for_tests(),
        ..ReferenceData::default()
    };
    let checked = CheckedCase::new(c, &reference).unwrap();
    let index = AccessIndex::new(&checked, &reference);
    let catalogue = OfferCatalogue {
        default_response_deadlines: ResponseDeadlines {
            proposed_to_citizen: Some(10),
            ..ResponseDeadlines::default()
        },
        ..OfferCatalogue::default()
    };
    let cal = WorkingCalendar::default();
    let on_time = referral_overview(&index, &catalogue, &cal, "2025-05-01".parse().unwrap());
    assert!(!on_time.referrals[0].stale);
    assert_eq!(
        on_time.referrals[0].due,
        Some("2025-05-01".parse().unwrap())
    );
    let late = referral_overview(&index, &catalogue, &cal, "2025-05-05".parse().unwrap());
    assert!(late.referrals[0].stale);
    assert_eq!(late.referrals[0].working_days_overdue, 2);
    assert_eq!(late.findings[0].code(), "referral.stale");
    // Before it existed, it is not listed.
    let before = referral_overview(&index, &catalogue, &cal, "2025-03-01".parse().unwrap());
    assert!(before.referrals.is_empty());
}

#[test]
fn recorded_send_without_permit_is_a_finding() {
    let history = format!(
        r#"{ACCEPTED}, {{ "to": "sent", "by": "lars", "at": "2025-03-05T10:00:00+01:00" }}"#
    );
    let c = case(&referral(r#""health_status""#, &history), CONSENT);
    let reference = ReferenceData {
        vocabularies: crate::vocab::builtin_for_tests(),
        ..ReferenceData::default()
    };
    let checked = CheckedCase::new(c, &reference).unwrap();
    let index = AccessIndex::new(&checked, &reference);
    let o = referral_overview(
        &index,
        &OfferCatalogue::default(),
        &WorkingCalendar::default(),
        "2025-04-01".parse().unwrap(),
    );
    assert_eq!(o.findings.len(), 1);
    assert_eq!(o.findings[0].code(), "referral.sent_without_permit");
}
