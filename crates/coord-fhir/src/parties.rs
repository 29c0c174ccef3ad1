//! Patient, Organization, Practitioner and PractitionerRole from the citizen and the actors.

use crate::ids::{full_url, reference};
use crate::vocab::{wire, ACTOR_SYSTEM, CITIZEN_SYSTEM, ROLE_SYSTEM, SECTOR_SYSTEM};
use coord_core::case_file::CaseFile;
use coord_core::identifier::{Identifier, IdentifierSystem};
use coord_core::party::{Actor, ActorKind};
use serde_json::{json, Value};

/// FHIR `Identifier`s: DK Core's `use = official` for the Danish registers.
pub fn identifiers(ids: &[Identifier]) -> Vec<Value> {
    ids.iter()
        .map(|i| match i.system {
            IdentifierSystem::Other(_) => json!({ "system": i.system.uri(), "value": i.value }),
            _ => json!({ "use": "official", "system": i.system.uri(), "value": i.value }),
        })
        .collect()
}

/// coord's own id of a record, as an `Identifier` in one of coord's systems (after the official
/// ones, so that DK Core's identifiers come first).
pub fn coord_identifier(system: &str, id: &str) -> Value {
    json!({ "system": system, "value": id })
}

fn with_identifiers(mut resource: Value, ids: &[Identifier], own: &[Value]) -> Value {
    let mut all = identifiers(ids);
    all.extend(own.iter().cloned());
    if !all.is_empty() {
        resource["identifier"] = Value::Array(all);
    }
    resource
}

/// The resource type an actor becomes: the citizen's own actor is the Patient, an organisation
/// an Organization, any other person a Practitioner.
pub fn kind_of(case: &CaseFile, actor: &Actor) -> &'static str {
    if case.citizen.actor.as_ref() == Some(&actor.id) {
        "Patient"
    } else if actor.kind == ActorKind::Organisation {
        "Organization"
    } else {
        "Practitioner"
    }
}

/// A reference to the resource an actor id became (the Patient for the citizen's actor).
pub fn actor_ref(case: &CaseFile, id: &coord_core::ids::ActorId) -> Value {
    match case.actor(id) {
        Some(a) if kind_of(case, a) == "Patient" => patient_ref(case),
        Some(a) => reference(kind_of(case, a), id.as_str()),
        None => reference("Practitioner", id.as_str()),
    }
}

/// A reference to the Patient.
pub fn patient_ref(case: &CaseFile) -> Value {
    reference("Patient", case.citizen.id.as_str())
}

/// The Patient.
pub fn patient(case: &CaseFile) -> (String, Value) {
    let id = case.citizen.id.as_str();
    let url = full_url("Patient", id);
    let mut r = json!({
        "resourceType": "Patient",
        "id": crate::ids::uuid("Patient", id),
        "meta": { "profile": ["http://hl7.dk/fhir/core/StructureDefinition/dk-core-patient"] },
    });
    // A handover that withholds the citizen's identity carries no name (FHIR has no empty string).
    if !case.citizen.name.is_empty() {
        r["name"] = json!([{ "text": case.citizen.name }]);
    }
    let mut own = vec![coord_identifier(CITIZEN_SYSTEM, id)];
    if let Some(actor) = &case.citizen.actor {
        own.push(coord_identifier(ACTOR_SYSTEM, actor.as_str()));
    }
    (url, with_identifiers(r, &case.citizen.identifiers, &own))
}

fn role_coding(actor: &Actor) -> Value {
    json!({
        "coding": [{ "system": ROLE_SYSTEM, "code": wire(&actor.role) }],
        "text": wire(&actor.role),
    })
}

/// The resources of one actor (none for the citizen's own actor: that is the Patient).
pub fn actor_resources(case: &CaseFile, actor: &Actor) -> Vec<(String, Value)> {
    let id = actor.id.as_str();
    let sector = json!({ "coding": [{ "system": SECTOR_SYSTEM, "code": wire(&actor.sector) }] });
    match kind_of(case, actor) {
        "Patient" => Vec::new(),
        "Organization" => {
            let r = json!({
                "resourceType": "Organization",
                "id": crate::ids::uuid("Organization", id),
                "active": true,
                "name": actor.name,
                "type": [sector, role_coding(actor)],
            });
            vec![(
                full_url("Organization", id),
                with_identifiers(r, &actor.identifiers, &[coord_identifier(ACTOR_SYSTEM, id)]),
            )]
        }
        _ => {
            let p = json!({
                "resourceType": "Practitioner",
                "id": crate::ids::uuid("Practitioner", id),
                "active": true,
                "name": [{ "text": actor.name }],
            });
            let mut role = json!({
                "resourceType": "PractitionerRole",
                "id": crate::ids::uuid("PractitionerRole", id),
                "active": true,
                "practitioner": reference("Practitioner", id),
                "code": [role_coding(actor)],
                "specialty": [sector],
            });
            if let Some(org) = &actor.organisation {
                role["organization"] = actor_ref(case, org);
            }
            vec![
                (
                    full_url("Practitioner", id),
                    with_identifiers(p, &actor.identifiers, &[coord_identifier(ACTOR_SYSTEM, id)]),
                ),
                (full_url("PractitionerRole", id), role),
            ]
        }
    }
}
