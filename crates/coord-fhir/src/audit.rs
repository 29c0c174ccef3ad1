//! AuditEvent: one per audit-log entry the core says concerns the case — who asked (and whose
//! information), about the Patient, for which purpose, and per information category whether it
//! was permitted and on which grounds. No content beyond the entry's own ids, codes and grounds.

use crate::ids::{full_url, uuid};
use crate::vocab::{wire, ACTION_SYSTEM, AUDIT_TYPE_SYSTEM, CATEGORY_SYSTEM, PURPOSE_SYSTEM};
use coord_core::case_file::CaseFile;
use coord_core::consent::AuditEntry;
use coord_core::ids::ActorId;
use serde_json::{json, Value};

/// An actor as an AuditEvent agent's `who`: a reference to the resource the actor became, or,
/// for an actor the case file does not hold (a unit of another municipality), its coord id.
fn who(case: &CaseFile, id: &ActorId) -> Value {
    match case.actor(id) {
        Some(_) => crate::parties::actor_ref(case, id),
        None => {
            json!({ "identifier": { "system": crate::vocab::ACTOR_SYSTEM, "value": id.as_str() } })
        }
    }
}

/// The AuditEvents of `entries` (already chosen by the core), in their order.
pub fn audit_events(case: &CaseFile, entries: &[&AuditEntry]) -> Vec<(String, Value)> {
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let key = format!(
                "{}#{i}#{}",
                case.id.as_str(),
                serde_json::to_string(e).unwrap_or_default()
            );
            let all = e.decisions.iter().all(|d| d.permitted);
            let none = e.decisions.iter().all(|d| !d.permitted);
            let (outcome, desc) = match (all, none) {
                (true, _) => ("0", "permitted"),
                (false, true) => ("4", "denied"),
                (false, false) => ("4", "permitted in part"),
            };
            let mut entity = vec![json!({
                "what": crate::parties::patient_ref(case),
                "type": { "system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "1", "display": "Person" },
                "role": { "system": "http://terminology.hl7.org/CodeSystem/object-role", "code": "1", "display": "Patient" },
            })];
            entity.extend(e.decisions.iter().map(|d| {
                let category = wire(&d.category);
                let mut detail = vec![
                    json!({ "type": "decision", "valueString": if d.permitted { "permitted" } else { "denied" } }),
                    json!({ "type": "basis", "valueString": d.basis }),
                ];
                if !d.basis_da.is_empty() {
                    detail.push(json!({ "type": "basis-da", "valueString": d.basis_da }));
                }
                json!({
                    "type": { "system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "2", "display": "System Object" },
                    "name": category,
                    "securityLabel": [{ "system": CATEGORY_SYSTEM, "code": category }],
                    "detail": detail,
                })
            }));
            let resource = json!({
                "resourceType": "AuditEvent",
                "id": uuid("AuditEvent", &key),
                "type": { "system": AUDIT_TYPE_SYSTEM, "code": "access-decision", "display": "access decision" },
                "subtype": [{ "system": ACTION_SYSTEM, "code": wire(&e.action) }],
                "action": "E",
                "recorded": wire(&e.at),
                "outcome": outcome,
                "outcomeDesc": desc,
                "purposeOfEvent": [{ "coding": [{ "system": PURPOSE_SYSTEM, "code": e.purpose.as_str() }] }],
                "agent": [
                    {
                        "who": who(case, &e.requester),
                        "requestor": true,
                        "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "IRCP", "display": "information recipient" }] },
                    },
                    {
                        "who": who(case, &e.holder),
                        "requestor": false,
                        "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "CST", "display": "custodian" }] },
                    },
                ],
                "source": {
                    "site": case.id.as_str(),
                    "observer": { "display": "coord" },
                },
                "entity": entity,
            });
            (full_url("AuditEvent", &key), resource)
        })
        .collect()
}
