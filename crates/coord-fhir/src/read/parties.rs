//! The citizen and the actors from Patient, Organization, Practitioner and PractitionerRole.

use super::{at, code_in, human_name, identifier_in, unreadable, Reader};
use crate::import::ImportError;
use crate::vocab::{ACTOR_SYSTEM, CITIZEN_SYSTEM, ID_SYSTEM, ROLE_SYSTEM, SECTOR_SYSTEM};
use crate::FhirWarning;
use coord_core::identifier::{Identifier, IdentifierSystem};
use serde_json::{json, Value};

/// An actor resource's coord id: its identifier in `urn:coord:actor`, else its `id`.
pub fn actor_id(resource: &Value, at: &str) -> Result<String, ImportError> {
    identifier_in(resource, ACTOR_SYSTEM)
        .or_else(|| resource["id"].as_str())
        .map(str::to_owned)
        .ok_or_else(|| {
            unreadable(
                format!("{at}/id"),
                "the actor's id: an identifier in urn:coord:actor, or the resource id",
            )
        })
}

/// The official identifiers of a resource (every system but coord's own ids), as the case file
/// writes them. One without a system or a value is left out with a warning.
fn identifiers(resource: &Value, at: &str, warnings: &mut Vec<FhirWarning>) -> Vec<Value> {
    let list = match &resource["identifier"] {
        Value::Array(list) => list.as_slice(),
        Value::Null => &[],
        _ => {
            warnings.push(FhirWarning::new(
                "fhir.not_read",
                format!("{at}/identifier"),
                "identifikatorerne er ikke en liste og kan ikke læses af coord: udeladt",
                "the identifiers are not a list and cannot be read by coord: left out",
            ));
            &[]
        }
    };
    let mut out = Vec::new();
    for (i, id) in list.iter().enumerate() {
        match (id["system"].as_str(), id["value"].as_str()) {
            (Some(ACTOR_SYSTEM | CITIZEN_SYSTEM | ID_SYSTEM), _) => {}
            (Some(system), Some(value)) => out.push(
                serde_json::to_value(Identifier {
                    system: IdentifierSystem::from_uri(system),
                    value: value.to_owned(),
                })
                .unwrap_or_default(),
            ),
            _ => warnings.push(FhirWarning::new(
                "fhir.not_read",
                format!("{at}/identifier/{i}"),
                "en identifikator uden system eller værdi kan coord ikke læse: udeladt",
                "an identifier without a system or a value cannot be read by coord: left out",
            )),
        }
    }
    out
}

/// The citizen from the one Patient; also fixes the citizen's actor id.
pub fn citizen(reader: &mut Reader<'_>) -> Result<Value, ImportError> {
    let (i, patient) = reader.of_kind("Patient")[0];
    let here = at(i);
    let id = identifier_in(patient, CITIZEN_SYSTEM)
        .or_else(|| patient["id"].as_str())
        .ok_or_else(|| {
            unreadable(
                format!("{here}/id"),
                "the citizen's id: an identifier in urn:coord:citizen, or the resource id",
            )
        })?;
    // The citizen's actor: coord's identifier names it; otherwise the Patient is an actor only
    // where a resource names it as one, with the citizen's id.
    match identifier_in(patient, ACTOR_SYSTEM) {
        Some(actor) => {
            reader.citizen_actor = actor.to_owned();
            reader.citizen_actor_used = true;
        }
        None => reader.citizen_actor = id.to_owned(),
    }
    let name = patient["name"]
        .as_array()
        .and_then(|n| n.first())
        .and_then(human_name)
        .unwrap_or_default();
    let mut citizen = json!({ "id": id, "name": name });
    let ids = identifiers(patient, &here, &mut reader.warnings);
    if !ids.is_empty() {
        citizen["identifiers"] = Value::Array(ids);
    }
    reader.place("/citizen", here);
    Ok(citizen)
}

/// The citizen's own actor: a person in the citizen sector, in the citizen role, named as the
/// citizen is.
pub fn citizen_actor(citizen: &Value) -> Value {
    json!({
        "id": citizen["actor"],
        "name": citizen["name"],
        "kind": "person",
        "sector": "citizen",
        "role": crate::vocab::wire(&coord_core::party::Role::CITIZEN),
    })
}

/// The actors: each Organization, and each Practitioner with its PractitionerRole, in bundle
/// order.
pub fn actors(reader: &mut Reader<'_>) -> Result<Vec<Value>, ImportError> {
    let mut found = reader.of_kind("Organization");
    found.extend(reader.of_kind("Practitioner"));
    found.sort_by_key(|(i, _)| *i);
    let roles = reader.of_kind("PractitionerRole");
    let mut out = Vec::new();
    for (i, r) in found {
        let here = at(i);
        let id = actor_id(r, &here)?;
        let mut actor = if r["resourceType"] == "Organization" {
            let name = super::required(r, &here, "name", "the organisation's name")?;
            let types = r["type"].as_array().map(Vec::as_slice).unwrap_or(&[]);
            let sector = types.iter().find_map(|t| code_in(t, SECTOR_SYSTEM));
            let role = types.iter().find_map(|t| code_in(t, ROLE_SYSTEM));
            let (Some(sector), Some(role)) = (sector, role) else {
                return Err(unreadable(
                    format!("{here}/type"),
                    "a type coded in urn:coord:codesystem:sector and one in urn:coord:codesystem:role (the actor's sector and role)",
                ));
            };
            json!({ "id": id, "name": name, "kind": "organisation", "sector": sector, "role": role })
        } else {
            let name = r["name"]
                .as_array()
                .and_then(|n| n.first())
                .and_then(human_name)
                .ok_or_else(|| unreadable(format!("{here}/name"), "the practitioner's name"))?;
            let mut role_of = None;
            for (j, pr) in &roles {
                let points_here = reader
                    .resolve(&pr["practitioner"], &format!("{}/practitioner", at(*j)))
                    .is_ok_and(|k| k == i);
                if points_here {
                    role_of = Some((*j, *pr));
                    break;
                }
            }
            const EXPECTED: &str = "a PractitionerRole naming this Practitioner, with a code in urn:coord:codesystem:role and a specialty in urn:coord:codesystem:sector";
            let (j, pr) = role_of.ok_or_else(|| unreadable(here.clone(), EXPECTED))?;
            let codes = |field: &str, system: &str| {
                pr[field]
                    .as_array()
                    .and_then(|l| l.iter().find_map(|c| code_in(c, system)))
            };
            let (Some(role), Some(sector)) = (
                codes("code", ROLE_SYSTEM),
                codes("specialty", SECTOR_SYSTEM),
            ) else {
                return Err(unreadable(at(j), EXPECTED));
            };
            let mut actor =
                json!({ "id": id, "name": name, "kind": "person", "sector": sector, "role": role });
            if pr.get("organization").is_some() {
                let org = reader.actor(&pr["organization"], &format!("{}/organization", at(j)))?;
                actor["organisation"] = json!(org);
            }
            actor
        };
        let ids = identifiers(r, &here, &mut reader.warnings);
        if !ids.is_empty() {
            actor["identifiers"] = Value::Array(ids);
        }
        reader.place(format!("/actors/{}", out.len()), here);
        out.push(actor);
    }
    Ok(out)
}
