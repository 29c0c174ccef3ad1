//! Consent: scope, category, the provision by actor, action, purpose, data class and period;
//! a revocation is a nested `deny` provision from its moment (and the status is the core's
//! status on the day).

use crate::ids::{full_url, uuid};
use crate::parties::{actor_ref, coord_identifier, patient_ref};
use crate::vocab::{
    self, wire, ACTION_SYSTEM, CATEGORY_SYSTEM, EXT_CONSENT_CASE, EXT_CONSENT_FORM,
    EXT_RECORDED_BY, ID_SYSTEM, PURPOSE_SYSTEM, SECTOR_SYSTEM,
};
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

/// HL7's participation types: `CST` (custodian, the holder) and `IRCP` (information recipient).
pub const PARTICIPATION: &str = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

/// The provision's actors in one role. A named actor is a reference to its resource; a whole
/// sector is a logical reference (`Reference.identifier` in coord's sector code system), which no
/// resource stands for.
fn actors(case: &CaseFile, parties: &[PartyRef], role: &str, sectors: &mut bool) -> Vec<Value> {
    parties
        .iter()
        .map(|p| {
            let reference = match p {
                PartyRef::Actor(a) => actor_ref(case, a),
                PartyRef::Sector(s) => {
                    *sectors = true;
                    json!({ "identifier": { "system": SECTOR_SYSTEM, "value": wire(s) } })
                }
            };
            json!({
                "role": { "coding": [{ "system": PARTICIPATION, "code": role }] },
                "reference": reference,
            })
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
    let mut sectors = false;
    let mut parties = actors(case, &c.scope.holders, "CST", &mut sectors);
    parties.extend(actors(case, &c.scope.recipients, "IRCP", &mut sectors));
    if sectors {
        warnings.push(FhirWarning::new(
            "fhir.not_mapped",
            format!("/consents/{index}/scope"),
            "en hel sektor som indehaver eller modtager er ingen FHIR-ressource: bestemmelsen nævner sektoren som en logisk reference i coords kodeliste for sektorer",
            "a whole sector as holder or recipient is no FHIR resource: the provision names the sector as a logical reference in coord's sector code system",
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
                "extension": [{ "url": EXT_RECORDED_BY, "valueReference": actor_ref(case, &r.recorded_by) }],
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
        "extension": [
            { "url": EXT_CONSENT_FORM, "valueCode": wire(&c.form) },
            { "url": EXT_CONSENT_CASE, "valueString": c.scope.case.as_str() },
        ],
        "identifier": [coord_identifier(ID_SYSTEM, id)],
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
