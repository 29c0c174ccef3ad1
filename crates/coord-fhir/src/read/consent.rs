//! Consents from Consent resources: the provision read backwards (period, actors by role,
//! actions, purposes, categories), each nested `deny` a revocation.

use super::care::extension;
use super::{at, codes_in, day, identifier_in, unreadable, Reader};
use crate::consent::PARTICIPATION;
use crate::import::ImportError;
use crate::vocab::{
    ACTION_SYSTEM, CATEGORY_SYSTEM, EXT_CONSENT_CASE, EXT_CONSENT_FORM, EXT_RECORDED_BY, ID_SYSTEM,
    PURPOSE_SYSTEM, SECTOR_SYSTEM,
};
use serde_json::{json, Value};

fn party(reader: &mut Reader<'_>, a: &Value, here: &str) -> Result<Value, ImportError> {
    let r = &a["reference"];
    if r["identifier"]["system"] == SECTOR_SYSTEM {
        let s = r["identifier"]["value"].as_str().ok_or_else(|| {
            unreadable(
                format!("{here}/reference/identifier/value"),
                "a sector code",
            )
        })?;
        return Ok(json!({ "sector": s }));
    }
    Ok(json!({ "actor": reader.actor(r, &format!("{here}/reference"))? }))
}

/// Every Consent, in bundle order, as given by `citizen`.
pub fn consents(reader: &mut Reader<'_>, citizen: &str) -> Result<Vec<Value>, ImportError> {
    let mut out = Vec::new();
    for (i, c) in reader.of_kind("Consent") {
        let here = at(i);
        let id = identifier_in(c, ID_SYSTEM)
            .or_else(|| c["id"].as_str())
            .ok_or_else(|| {
                unreadable(
                    format!("{here}/id"),
                    "the consent's id: an identifier in urn:coord:id, or the resource id",
                )
            })?;
        let form = extension(c, EXT_CONSENT_FORM)
            .and_then(|e| e["valueCode"].as_str())
            .ok_or_else(|| unreadable(format!("{here}/extension"), "the form the consent was given in (extension urn:coord:extension:consent-form: written, digital or oral)"))?;
        let case = extension(c, EXT_CONSENT_CASE)
            .and_then(|e| e["valueString"].as_str())
            .ok_or_else(|| unreadable(format!("{here}/extension"), "the case the consent was given for (extension urn:coord:extension:consent-case)"))?;
        let given_at = c["dateTime"].as_str().ok_or_else(|| {
            unreadable(
                format!("{here}/dateTime"),
                "when the consent was given (Consent.dateTime)",
            )
        })?;
        let p = &c["provision"];
        let pat = format!("{here}/provision");
        let (Some(from), Some(to)) = (day(&p["period"]["start"]), day(&p["period"]["end"])) else {
            return Err(unreadable(
                format!("{pat}/period"),
                "the consent's validity (provision.period with start and end)",
            ));
        };
        let (mut holders, mut recipients) = (Vec::new(), Vec::new());
        for (k, a) in p["actor"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let aat = format!("{pat}/actor/{k}");
            let role = a["role"]["coding"]
                .as_array()
                .and_then(|l| l.iter().find(|x| x["system"] == PARTICIPATION))
                .and_then(|x| x["code"].as_str());
            match role {
                Some("CST") => holders.push(party(reader, a, &aat)?),
                Some("IRCP") => recipients.push(party(reader, a, &aat)?),
                _ => return Err(unreadable(
                    format!("{aat}/role"),
                    "the actor's role: CST (holder) or IRCP (recipient) in v3-ParticipationType",
                )),
            }
        }
        let purposes: Vec<Value> = p["purpose"]
            .as_array()
            .map(|l| {
                l.iter()
                    .filter(|x| x["system"] == PURPOSE_SYSTEM)
                    .filter_map(|x| x["code"].as_str().map(|c| json!(c)))
                    .collect()
            })
            .unwrap_or_default();
        let mut revocations = Vec::new();
        for (k, d) in p["provision"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let dat = format!("{pat}/provision/{k}");
            if d["type"] != "deny" {
                return Err(unreadable(
                    format!("{dat}/type"),
                    "a nested provision of type deny (a revocation)",
                ));
            }
            let when = d["period"]["start"].as_str().ok_or_else(|| {
                unreadable(
                    format!("{dat}/period/start"),
                    "when the consent was revoked",
                )
            })?;
            let by = extension(d, EXT_RECORDED_BY).ok_or_else(|| {
                unreadable(
                    format!("{dat}/extension"),
                    "who recorded the revocation (extension urn:coord:extension:recorded-by)",
                )
            })?;
            let by = reader.actor(&by["valueReference"], &format!("{dat}/extension"))?;
            let mut r = json!({ "at": when, "recorded_by": by });
            if d.get("code").is_some() {
                r["categories"] = Value::Array(codes_in(&d["code"], CATEGORY_SYSTEM));
            }
            revocations.push(r);
        }
        let mut consent = json!({
            "id": id,
            "citizen": citizen,
            "given_at": given_at,
            "form": form,
            "scope": {
                "categories": codes_in(&p["code"], CATEGORY_SYSTEM),
                "holders": holders,
                "recipients": recipients,
                "purposes": purposes,
                "actions": codes_in(&p["action"], ACTION_SYSTEM),
                "case": case,
            },
            "valid_from": from,
            "valid_to": to,
        });
        if let Some(by) = c["performer"].as_array().and_then(|l| l.first()) {
            consent["recorded_by"] = json!(reader.actor(by, &format!("{here}/performer/0"))?);
        }
        if let Some(t) = c["sourceAttachment"]["title"].as_str() {
            consent["text_ref"] = json!(t);
        }
        if !revocations.is_empty() {
            consent["revocations"] = Value::Array(revocations);
        }
        reader.place(format!("/consents/{}", out.len()), here);
        out.push(consent);
    }
    Ok(out)
}
