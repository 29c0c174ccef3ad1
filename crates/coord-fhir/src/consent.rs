//! Consent: scope, category, the provision by actor, action, purpose, data class and period;
//! a revocation is a nested `deny` provision from its moment (and the status is the core's
//! status on the day).

use crate::ids::{full_url, uuid};
use crate::parties::{actor_ref, patient_ref};
use crate::vocab::{self, wire, ACTION_SYSTEM, CATEGORY_SYSTEM, PURPOSE_SYSTEM};
use crate::FhirWarning;
use chrono::{NaiveDate, SecondsFormat};
use coord_core::case_file::CaseFile;
use coord_core::consent::{Consent, PartyRef};
use serde_json::{json, Value};

/// One CodeableConcept per code, in `system`.
pub fn consent_codes(system: &str, codes: impl Iterator<Item = String>) -> Vec<Value> {
    codes
        .map(|c| json!({ "coding": [{ "system": system, "code": c }] }))
        .collect()
}

fn actors(case: &CaseFile, parties: &[PartyRef], role: &str, lost: &mut bool) -> Vec<Value> {
    parties
        .iter()
        .filter_map(|p| match p {
            PartyRef::Actor(a) => Some(json!({
                "role": { "coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                    "code": role,
                }] },
                "reference": actor_ref(case, a),
            })),
            PartyRef::Sector(_) => {
                *lost = true;
                None
            }
        })
        .collect()
}

/// One Consent resource.
pub fn consent(
    case: &CaseFile,
    c: &Consent,
    index: usize,
    as_of: NaiveDate,
    warnings: &mut Vec<FhirWarning>,
) -> (String, Value) {
    let id = c.id.as_str();
    let mut lost_sector = false;
    let mut parties = actors(case, &c.scope.holders, "CST", &mut lost_sector);
    parties.extend(actors(case, &c.scope.recipients, "IRCP", &mut lost_sector));
    if lost_sector {
        warnings.push(FhirWarning::new(
            "fhir.not_mapped",
            format!("/consents/{index}/scope"),
            "en hel sektor som indehaver eller modtager kan ikke være en FHIR-reference: bestemmelsen nævner kun aktørerne; sektorerne står i sagsfilens post",
            "a whole sector as holder or recipient cannot be a FHIR reference: the provision names only the actors; the sectors are kept in the case file entry",
        ));
    }
    let mut provision = json!({
        "type": "permit",
        "period": { "start": c.valid_from.to_string(), "end": c.valid_to.to_string() },
        "action": consent_codes(ACTION_SYSTEM, c.scope.actions.iter().map(wire)),
        "purpose": c.scope.purposes.iter().map(|p| json!({ "system": PURPOSE_SYSTEM, "code": p.as_str() })).collect::<Vec<_>>(),
        "code": consent_codes(CATEGORY_SYSTEM, c.scope.categories.iter().map(wire)),
    });
    if !parties.is_empty() {
        provision["actor"] = Value::Array(parties);
    }
    let denials: Vec<Value> = c
        .revocations
        .iter()
        .map(|r| {
            let mut deny = json!({
                "type": "deny",
                "period": { "start": r.at.to_rfc3339_opts(SecondsFormat::AutoSi, false) },
            });
            if let Some(cats) = &r.categories {
                deny["code"] = Value::Array(consent_codes(CATEGORY_SYSTEM, cats.iter().map(wire)));
            }
            deny
        })
        .collect();
    if !denials.is_empty() {
        provision["provision"] = Value::Array(denials);
    }
    let mut r = json!({
        "resourceType": "Consent",
        "id": uuid("Consent", id),
        "status": vocab::consent_status(c.status_on(as_of)),
        "scope": { "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/consentscope",
            "code": "patient-privacy",
        }] },
        "category": [{ "coding": [{ "system": "http://loinc.org", "code": "59284-0" }] }],
        "patient": patient_ref(case),
        "dateTime": c.given_at.to_rfc3339_opts(SecondsFormat::AutoSi, false),
        "policyRule": { "text": "Retssikkerhedsloven § 11 a (consent to exchange information in the citizen's own case)" },
        "provision": provision,
    });
    if let Some(by) = &c.recorded_by {
        r["performer"] = json!([actor_ref(case, by)]);
    }
    if let Some(text) = &c.text_ref {
        r["sourceAttachment"] = json!({ "title": text });
    }
    (full_url("Consent", id), r)
}
