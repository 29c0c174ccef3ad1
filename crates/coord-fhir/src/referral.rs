//! ServiceRequest + Task per referral (the Gravity Project's closed loop): the request names
//! what and why; the Task carries the state on the day, the outcome, and the referrer as the one
//! to be told (`Task.requester`, `Task.restriction.recipient`).

use crate::consent::consent_codes;
use crate::ids::{full_url, reference, uuid};
use crate::parties::{actor_ref, coord_identifier, patient_ref};
use crate::vocab::{
    self, wire, CATEGORY_SYSTEM, EXT_TRANSITION, ID_SYSTEM, PURPOSE_SYSTEM, REFERRAL_STATE_SYSTEM,
};
use chrono::{NaiveDate, SecondsFormat};
use coord_core::case_file::CaseFile;
use coord_core::referral::{Referral, ReferralOutcome, ReferralReason, Transition};
use serde_json::{json, Value};

/// The outcome's code in `urn:coord:codesystem:referral-outcome`: `successful`, or
/// `not_successful:REASON`.
pub fn outcome_code(outcome: ReferralOutcome) -> String {
    match outcome {
        ReferralOutcome::Successful => "successful".to_owned(),
        ReferralOutcome::NotSuccessful { reason } => format!("not_successful:{}", wire(&reason)),
    }
}

/// One transition of the history as a complex extension (`to`, `by`, `at`, `reason`, `outcome`).
fn transition(case: &CaseFile, t: &Transition) -> Value {
    let mut parts = vec![
        json!({ "url": "to", "valueCode": t.to.wire_name() }),
        json!({ "url": "by", "valueReference": actor_ref(case, &t.by) }),
        json!({ "url": "at", "valueDateTime": t.at.to_rfc3339_opts(SecondsFormat::AutoSi, false) }),
    ];
    if let Some(reason) = &t.reason {
        parts.push(json!({ "url": "reason", "valueString": reason }));
    }
    if let Some(outcome) = t.outcome {
        parts.push(json!({ "url": "outcome", "valueCode": outcome_code(outcome) }));
    }
    json!({ "url": EXT_TRANSITION, "extension": parts })
}

/// The ServiceRequest and the Task of one referral, as of `as_of` (`None` before it was made).
pub fn referral(case: &CaseFile, r: &Referral, as_of: NaiveDate) -> Vec<(String, Value)> {
    let Some((state, since)) = r.state_on(as_of) else {
        return Vec::new();
    };
    let id = r.id.as_str();
    let mut sr = json!({
        "resourceType": "ServiceRequest",
        "id": uuid("ServiceRequest", id),
        "identifier": [coord_identifier(ID_SYSTEM, id)],
        "status": vocab::service_request_status(state),
        "intent": "order",
        "subject": patient_ref(case),
        "requester": actor_ref(case, &r.from),
        "performer": [actor_ref(case, &r.to)],
        "authoredOn": r.created_at.to_rfc3339_opts(SecondsFormat::AutoSi, false),
        "supportingInfo": [],
    });
    if let Some(offer) = &r.offer {
        sr["code"] =
            json!({ "coding": [{ "system": vocab::OFFER_SYSTEM, "code": offer.as_str() }] });
    }
    match &r.reason {
        ReferralReason::Rule(rule) => {
            sr["reasonCode"] =
                json!([{ "coding": [{ "system": vocab::RULE_SYSTEM, "code": rule.as_str() }] }]);
        }
        ReferralReason::Text(t) => sr["reasonCode"] = json!([{ "text": t }]),
    }
    if let Some(o) = sr.as_object_mut() {
        o.remove("supportingInfo");
    }
    if !r.categories.is_empty() {
        sr["category"] = Value::Array(consent_codes(
            CATEGORY_SYSTEM,
            r.categories.iter().map(wire),
        ));
    }
    sr["orderDetail"] =
        json!([{ "coding": [{ "system": PURPOSE_SYSTEM, "code": r.purpose.as_str() }] }]);
    let done: Vec<&Transition> = r
        .history
        .iter()
        .take_while(|t| coord_core::time::date_of(&t.at) <= as_of)
        .collect();
    let mut task = json!({
        "resourceType": "Task",
        "id": uuid("Task", id),
        "identifier": [coord_identifier(ID_SYSTEM, id)],
        "status": vocab::task_status(state),
        "businessStatus": { "coding": [{ "system": REFERRAL_STATE_SYSTEM, "code": state.wire_name() }] },
        "intent": "order",
        "focus": reference("ServiceRequest", id),
        "for": patient_ref(case),
        "authoredOn": r.created_at.to_rfc3339_opts(SecondsFormat::AutoSi, false),
        "lastModified": since.to_rfc3339_opts(SecondsFormat::AutoSi, false),
        "requester": actor_ref(case, &r.from),
        "owner": actor_ref(case, &r.to),
        "restriction": { "recipient": [actor_ref(case, &r.from)] },
    });
    if !done.is_empty() {
        task["extension"] = Value::Array(done.iter().map(|t| transition(case, t)).collect());
    }
    let last = done.last();
    if let Some(reason) = last.and_then(|t| t.reason.as_ref()) {
        task["statusReason"] = json!({ "text": reason });
    }
    if let Some(outcome) = last.and_then(|t| t.outcome) {
        let code = outcome_code(outcome);
        task["output"] = json!([{
            "type": { "coding": [{ "system": "urn:coord:codesystem:referral-output", "code": "outcome" }] },
            "valueCodeableConcept": { "coding": [{ "system": "urn:coord:codesystem:referral-outcome", "code": code }] },
        }]);
    }
    vec![
        (full_url("ServiceRequest", id), sr),
        (full_url("Task", id), task),
    ]
}
