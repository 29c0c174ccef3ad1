//! ServiceRequest + Task per referral (the Gravity Project's closed loop): the request names
//! what and why; the Task carries the state on the day, the outcome, and the referrer as the one
//! to be told (`Task.requester`, `Task.restriction.recipient`).

use crate::consent::consent_codes;
use crate::ids::{full_url, reference, uuid};
use crate::parties::{actor_ref, patient_ref};
use crate::vocab::{self, wire, CATEGORY_SYSTEM, PURPOSE_SYSTEM, REFERRAL_STATE_SYSTEM};
use chrono::{NaiveDate, SecondsFormat};
use coord_core::case_file::CaseFile;
use coord_core::referral::{Referral, ReferralOutcome, ReferralReason};
use serde_json::{json, Value};

/// The ServiceRequest and the Task of one referral, as of `as_of` (`None` before it was made).
pub fn referral(case: &CaseFile, r: &Referral, as_of: NaiveDate) -> Vec<(String, Value)> {
    let Some((state, since)) = r.state_on(as_of) else {
        return Vec::new();
    };
    let id = r.id.as_str();
    let mut sr = json!({
        "resourceType": "ServiceRequest",
        "id": uuid("ServiceRequest", id),
        "status": vocab::service_request_status(state),
        "intent": "order",
        "subject": patient_ref(case),
        "requester": actor_ref(case, &r.from),
        "performer": [actor_ref(case, &r.to)],
        "authoredOn": r.created_at.to_rfc3339_opts(SecondsFormat::AutoSi, false),
        "supportingInfo": [],
    });
    if let Some(offer) = &r.offer {
        sr["code"] = json!({ "coding": [{ "system": "urn:coord:codesystem:offer", "code": offer.as_str() }] });
    }
    match &r.reason {
        ReferralReason::Rule(rule) => {
            sr["reasonCode"] = json!([{ "coding": [{ "system": "urn:coord:codesystem:rule", "code": rule.as_str() }] }]);
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
    let mut task = json!({
        "resourceType": "Task",
        "id": uuid("Task", id),
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
    let last = r
        .history
        .iter()
        .take_while(|t| coord_core::time::date_of(&t.at) <= as_of)
        .last();
    if let Some(reason) = last.and_then(|t| t.reason.as_ref()) {
        task["statusReason"] = json!({ "text": reason });
    }
    if let Some(outcome) = last.and_then(|t| t.outcome) {
        let code = match outcome {
            ReferralOutcome::Successful => "successful".to_owned(),
            ReferralOutcome::NotSuccessful { reason } => {
                format!("not_successful:{}", wire(&reason))
            }
        };
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
