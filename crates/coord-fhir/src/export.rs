//! The export: every part of the case file as FHIR resources in one `collection` Bundle, plus the
//! case file itself as a `Binary` entry so that coord can read the bundle back without loss.

use crate::ids::{full_url, uuid};
use crate::vocab::{CASE_FILE_TAG, RELEASE_TAG};
use crate::{FhirExport, FhirWarning};
use chrono::NaiveDate;
use coord_core::check::CheckedCase;
use coord_core::identifier::{IdentifierRelease, ReleaseMode};
use coord_core::plan::AchievementStatus;
use coord_core::reference::ReferenceData;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Export the case file `release` let go, as of `as_of`, as a FHIR R4 `Bundle` of type
/// `collection`: `case` is `release.case`, checked. The Patient, every actor's resource and the
/// case file `Binary` carry only the identifiers the core released
/// ([`coord_core::identifier::release_identifiers`]); each withheld one is a warning
/// `fhir.identifier_withheld` at its place, never its value, and the Bundle's `meta.tag` names
/// the mode (`urn:coord:codesystem:identifier-release`: `no-identifiers`, `recipient`, `own-copy`).
///
/// Statuses are the core's on `as_of`: each referral's state ([`coord_core::referral::Referral::state_on`]),
/// each goal's achievement status ([`coord_core::plan::progression::progression`]), each consent's
/// status ([`coord_core::consent::Consent::status_on`]) and each activity's phase.
pub fn export(
    release: &IdentifierRelease,
    case: &CheckedCase,
    reference: &ReferenceData,
    as_of: NaiveDate,
) -> FhirExport {
    export_with_audit(release, case, reference, as_of, &[])
}

/// [`export`], with one `AuditEvent` for each of `audit`: the audit-log entries the core chose
/// as concerning this case ([`coord_core::consent::audit::concerning`]), mapped as given.
pub fn export_with_audit(
    release: &IdentifierRelease,
    case: &CheckedCase,
    reference: &ReferenceData,
    as_of: NaiveDate,
    audit: &[&coord_core::consent::AuditEntry],
) -> FhirExport {
    build(case, reference, as_of, audit, Some(release))
}

/// The code of a release mode in [`RELEASE_TAG`].
fn release_code(mode: ReleaseMode) -> &'static str {
    match mode {
        ReleaseMode::NoIdentifiers => "no-identifiers",
        ReleaseMode::Recipient => "recipient",
        ReleaseMode::OwnCopy => "own-copy",
    }
}

/// The bundle of `case` as given (its identifiers already cut by the core: an identifier release,
/// or a handover's released case file).
pub(crate) fn build(
    case: &CheckedCase,
    reference: &ReferenceData,
    as_of: NaiveDate,
    audit: &[&coord_core::consent::AuditEntry],
    release: Option<&IdentifierRelease>,
) -> FhirExport {
    let checked = case;
    let case = checked.case();
    let mut warnings = Vec::new();
    let mut entries: Vec<(String, Value)> = Vec::new();
    entries.push(crate::parties::patient(case));
    let cpr = |ids: &[coord_core::identifier::Identifier]| {
        ids.iter()
            .any(|i| i.system == coord_core::identifier::IdentifierSystem::Cpr)
    };
    let cpr_withheld = release.is_some_and(|r| {
        r.withheld.iter().any(|w| {
            w.system == coord_core::identifier::IdentifierSystem::Cpr
                && w.pointer.starts_with("/citizen/")
        })
    });
    if cpr_withheld {
        warnings.push(FhirWarning::new(
            "fhir.dk_core",
            "/citizen/identifiers",
            "borgerens CPR-nummer er holdt tilbage fra denne eksport: DK Cores Patient-profil kræver en identifikator",
            "the citizen's CPR number is withheld from this export: DK Core's Patient profile asks for an identifier",
        ));
    } else if !cpr(&case.citizen.identifiers) {
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
    let mut bundle = json!({
        "resourceType": "Bundle",
        "id": uuid("Bundle", case.id.as_str()),
        "identifier": { "system": crate::vocab::CASE_SYSTEM, "value": case.id.as_str() },
        "type": "collection",
        "entry": entries
            .into_iter()
            .map(|(url, resource)| json!({ "fullUrl": url, "resource": resource }))
            .collect::<Vec<_>>(),
    });
    if let Some(release) = release {
        bundle["meta"] = json!({ "tag": [{
            "system": RELEASE_TAG,
            "code": release_code(release.mode),
            "display": release.mode.describe(coord_core::category::Language::En),
        }] });
        for w in &release.withheld {
            warnings.push(FhirWarning::text(
                "fhir.identifier_withheld",
                w.pointer.clone(),
                w.warning(),
            ));
        }
    }
    FhirExport {
        bundle,
        counts,
        warnings,
        release_mode: release.map(|r| r.mode),
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
