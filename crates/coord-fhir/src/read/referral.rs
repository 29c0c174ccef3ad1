//! Referrals from ServiceRequest + Task: the request gives what and why, the Task's transition
//! extensions the history (a draft needs none).

use super::care::part;
use super::{at, code_in, codes_in, identifier_in, unreadable, Reader};
use crate::import::ImportError;
use crate::vocab::{
    CATEGORY_SYSTEM, EXT_TRANSITION, ID_SYSTEM, OFFER_SYSTEM, PURPOSE_SYSTEM,
    REFERRAL_STATE_SYSTEM, RULE_SYSTEM,
};
use serde_json::{json, Value};

/// An outcome code (`successful`, `not_successful:REASON`) as the case file writes it.
fn outcome(code: &str) -> Value {
    match code.split_once(':') {
        Some((_, reason)) => json!({ "result": "not_successful", "reason": reason }),
        None => json!({ "result": code }),
    }
}

fn history(reader: &mut Reader<'_>, task: &Value, here: &str) -> Result<Vec<Value>, ImportError> {
    let mut out = Vec::new();
    let list = task["extension"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    for (k, e) in list.iter().enumerate() {
        if e["url"] != EXT_TRANSITION {
            continue;
        }
        let eat = format!("{here}/extension/{k}");
        const EXPECTED: &str =
            "a transition with to, by and at (extension urn:coord:extension:referral-transition)";
        let (Some(to), Some(by), Some(when)) = (
            part(e, "to", "valueCode").and_then(Value::as_str),
            part(e, "by", "valueReference"),
            part(e, "at", "valueDateTime").and_then(Value::as_str),
        ) else {
            return Err(unreadable(eat, EXPECTED));
        };
        let by = reader.actor(by, &eat)?;
        let mut t = json!({ "to": to, "by": by, "at": when });
        if let Some(r) = part(e, "reason", "valueString").and_then(Value::as_str) {
            t["reason"] = json!(r);
        }
        if let Some(o) = part(e, "outcome", "valueCode").and_then(Value::as_str) {
            t["outcome"] = outcome(o);
        }
        out.push(t);
    }
    Ok(out)
}

/// Every ServiceRequest, in bundle order, with the Task whose `focus` is it.
pub fn referrals(reader: &mut Reader<'_>) -> Result<Vec<Value>, ImportError> {
    let requests = reader.of_kind("ServiceRequest");
    let tasks = reader.of_kind("Task");
    let mut out = Vec::new();
    for (i, sr) in requests {
        let here = at(i);
        let id = identifier_in(sr, ID_SYSTEM)
            .or_else(|| sr["id"].as_str())
            .ok_or_else(|| {
                unreadable(
                    format!("{here}/id"),
                    "the referral's id: an identifier in urn:coord:id, or the resource id",
                )
            })?;
        let from = reader.actor(&sr["requester"], &format!("{here}/requester"))?;
        let to_ref = sr["performer"]
            .as_array()
            .and_then(|p| p.first())
            .ok_or_else(|| {
                unreadable(
                    format!("{here}/performer"),
                    "the receiving provider (ServiceRequest.performer)",
                )
            })?;
        let to = reader.actor(to_ref, &format!("{here}/performer/0"))?;
        let reason_at = format!("{here}/reasonCode/0");
        let reason = match sr["reasonCode"].as_array().and_then(|r| r.first()) {
            Some(r) => match (code_in(r, RULE_SYSTEM), r["text"].as_str()) {
                (Some(rule), _) => json!({ "rule": rule }),
                (None, Some(t)) => json!({ "text": t }),
                _ => {
                    return Err(unreadable(
                        reason_at,
                        "why: a rule in urn:coord:codesystem:rule or a text",
                    ))
                }
            },
            None => {
                return Err(unreadable(
                    reason_at,
                    "why: a reasonCode with a rule in urn:coord:codesystem:rule or a text",
                ))
            }
        };
        let purpose = sr["orderDetail"]
            .as_array()
            .and_then(|l| l.iter().find_map(|c| code_in(c, PURPOSE_SYSTEM)))
            .ok_or_else(|| {
                unreadable(
                    format!("{here}/orderDetail"),
                    "the purpose coded in urn:coord:codesystem:purpose",
                )
            })?;
        let created = sr["authoredOn"].as_str().ok_or_else(|| {
            unreadable(
                format!("{here}/authoredOn"),
                "when the referral was made (authoredOn)",
            )
        })?;
        let mut task = None;
        for (j, t) in &tasks {
            if reader.resolve(&t["focus"], &at(*j)).is_ok_and(|k| k == i) {
                task = Some((*j, *t));
                break;
            }
        }
        let history = match task {
            Some((j, t)) => {
                let h = history(reader, t, &at(j))?;
                let draft = code_in(&t["businessStatus"], REFERRAL_STATE_SYSTEM)
                    .map_or(t["status"] == "draft", |s| s == "draft");
                if h.is_empty() && !draft {
                    return Err(unreadable(
                        format!("{}/extension", at(j)),
                        "the referral's transitions (extension urn:coord:extension:referral-transition) for a Task past draft",
                    ));
                }
                h
            }
            None if sr["status"] == "draft" => Vec::new(),
            None => {
                return Err(unreadable(
                    here.clone(),
                    "a Task whose focus is this ServiceRequest (its state and history)",
                ))
            }
        };
        let mut r = json!({
            "id": id, "from": from, "to": to, "reason": reason,
            "categories": codes_in(&sr["category"], CATEGORY_SYSTEM),
            "purpose": purpose, "created_at": created, "history": history,
        });
        if let Some(offer) = code_in(&sr["code"], OFFER_SYSTEM) {
            r["offer"] = json!(offer);
        }
        reader.place(format!("/referrals/{}", out.len()), here);
        out.push(r);
    }
    Ok(out)
}
