//! The export: every part of the case file as FHIR resources in one `collection` Bundle, plus the
//! case file itself as a `Binary` entry so that coord can read the bundle back without loss.

use crate::ids::{full_url, uuid};
use crate::vocab::CASE_FILE_TAG;
use crate::{FhirExport, FhirWarning};
use chrono::NaiveDate;
use coord_core::check::CheckedCase;
use coord_core::plan::AchievementStatus;
use coord_core::reference::ReferenceData;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Export `case` as of `as_of` as a FHIR R4 `Bundle` of type `collection`.
///
/// Statuses are the core's on `as_of`: each referral's state ([`coord_core::referral::Referral::state_on`]),
/// each goal's achievement status ([`coord_core::plan::progression::progression`]), each consent's
/// status ([`coord_core::consent::Consent::status_on`]) and each activity's phase.
pub fn export(case: &CheckedCase, reference: &ReferenceData, as_of: NaiveDate) -> FhirExport {
    export_with_audit(case, reference, as_of, &[])
}

/// [`export`], with one `AuditEvent` for each of `audit`: the audit-log entries the core chose
/// as concerning this case ([`coord_core::consent::audit::concerning`]), mapped as given.
pub fn export_with_audit(
    case: &CheckedCase,
    reference: &ReferenceData,
    as_of: NaiveDate,
    audit: &[&coord_core::consent::AuditEntry],
) -> FhirExport {
    let checked = case;
    let case = checked.case();
    let mut warnings = Vec::new();
    let mut entries: Vec<(String, Value)> = Vec::new();
    entries.push(crate::parties::patient(case));
    if !case
        .citizen
        .identifiers
        .iter()
        .any(|i| i.system == coord_core::identifier::IdentifierSystem::Cpr)
    {
        warnings.push(FhirWarning::new(
            "fhir.dk_core",
            "/citizen/identifiers",
            "borgeren har intet CPR-nummer: DK Cores Patient-profil kræver en identifikator",
            "the citizen has no CPR number: DK Core's Patient profile asks for an identifier",
        ));
    }
    for actor in &case.actors {
        entries.extend(crate::parties::actor_resources(case, actor));
    }
    entries.extend(crate::care::care_team(case));
    let achievements: BTreeMap<String, AchievementStatus> =
        match coord_core::plan::progression::progression(checked, reference, as_of) {
            Ok(p) => p
                .goals
                .into_iter()
                .filter_map(|g| g.achievement.map(|a| (g.goal.0, a)))
                .collect(),
            Err(e) => {
                warnings.push(FhirWarning::new(
                    "fhir.no_achievement",
                    e.pointer().to_string(),
                    "målenes opfyldelsesstatus kunne ikke beregnes på denne dato (en måling efter den): udeladt",
                    "the goals' achievement status could not be computed as of this date (a measurement after it): left out",
                ));
                BTreeMap::new()
            }
        };
    let higher = |id: &str| {
        reference
            .instruments
            .iter()
            .find(|d| d.id.as_str() == id)
            .map(|d| d.higher_is_better)
    };
    entries.extend(crate::care::plan(
        case,
        as_of,
        &|g| achievements.get(g).copied(),
        &higher,
        &mut warnings,
    ));
    for (i, c) in case.consents.iter().enumerate() {
        entries.push(crate::consent::consent(case, c, i, as_of, &mut warnings));
    }
    if !case.consents.is_empty() {
        warnings.push(FhirWarning::new(
            "fhir.not_mapped",
            "/consents",
            "formen, et samtykke er givet i (skriftligt, digitalt, mundtligt), og sagen, det er givet til, har intet felt i FHIR Consent: de står i coords udvidelser og i sagsfilens post",
            "the form a consent was given in (written, digital, oral) and the case it was given for have no field in FHIR Consent: carried in coord's extensions and the case file entry",
        ));
    }
    for (i, r) in case.referrals.iter().enumerate() {
        let made = crate::referral::referral(case, r, as_of);
        if made.is_empty() {
            warnings.push(FhirWarning::new(
                "fhir.after_as_of",
                format!("/referrals/{i}"),
                "henvisningen er lavet efter eksportdatoen: ingen ServiceRequest eller Task",
                "the referral was made after the export date: no ServiceRequest or Task",
            ));
        }
        if !made.is_empty()
            && r.history
                .iter()
                .any(|t| coord_core::time::date_of(&t.at) > as_of)
        {
            warnings.push(FhirWarning::new(
                "fhir.after_as_of",
                format!("/referrals/{i}/history"),
                "henvisningens overgange efter eksportdatoen er ikke i Task: står kun i sagsfilens post",
                "the referral's transitions after the export date are not in the Task: kept in the case file entry only",
            ));
        }
        entries.extend(made);
    }
    for (i, m) in case.measurements.iter().enumerate() {
        entries.extend(crate::measurement::measurement(
            case,
            m,
            i,
            &reference.instruments,
            &mut warnings,
        ));
    }
    for (part, present) in [
        ("/course", case.course != Default::default()),
        ("/events", !case.events.is_empty()),
        ("/wishes", !case.wishes.is_empty()),
        ("/demographics", case.demographics.is_some()),
    ] {
        if present {
            warnings.push(FhirWarning::new(
                "fhir.not_mapped",
                part,
                "ingen FHIR-ressource bærer denne del (forløbsfakta, hændelser, ønsker, demografi): står kun i sagsfilens post",
                "no FHIR resource carries this part (course facts, events, wishes, demographics): kept in the case file entry only",
            ));
        }
    }
    entries.extend(crate::audit::audit_events(case, audit));
    entries.push(case_file_entry(case));
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (_, r) in &entries {
        if let Some(t) = r["resourceType"].as_str() {
            *counts.entry(t.to_owned()).or_default() += 1;
        }
    }
    let bundle = json!({
        "resourceType": "Bundle",
        "id": uuid("Bundle", case.id.as_str()),
        "identifier": { "system": crate::vocab::CASE_SYSTEM, "value": case.id.as_str() },
        "type": "collection",
        "entry": entries
            .into_iter()
            .map(|(url, resource)| json!({ "fullUrl": url, "resource": resource }))
            .collect::<Vec<_>>(),
    });
    FhirExport {
        bundle,
        counts,
        warnings,
    }
}

/// The case file as a `Binary` (JSON, base64), tagged so that [`crate::import`] finds it.
fn case_file_entry(case: &coord_core::case_file::CaseFile) -> (String, Value) {
    let text = serde_json::to_vec(case).unwrap_or_default();
    let id = case.id.as_str();
    (
        full_url("Binary", id),
        json!({
            "resourceType": "Binary",
            "id": uuid("Binary", id),
            "meta": { "tag": [{ "system": CASE_FILE_TAG, "code": "case-file" }] },
            "contentType": "application/json",
            "securityContext": crate::ids::reference("Patient", case.citizen.id.as_str()),
            "data": crate::base64::encode(&text),
        }),
    )
}
