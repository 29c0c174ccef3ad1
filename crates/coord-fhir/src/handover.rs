//! The handover bundle (issue 14 §4): the export of the *released* case file — the standard
//! resources and the case file `Binary` hold only what the core released — plus the handover note
//! as a second `Binary` (tagged `urn:coord:handover`: the receiving municipality, the move date,
//! the parts that went and the parts withheld with their reasons). Every withheld part is also a
//! warning (`handover.withheld`), so nothing is dropped silently. No decision is made here.

use crate::ids::{full_url, uuid};
use crate::import::ImportError;
use crate::vocab::HANDOVER_TAG;
use crate::{FhirExport, FhirWarning};
use coord_core::check::CheckedCase;
use coord_core::handover::HandoverRelease;
use coord_core::reference::ReferenceData;
use serde_json::{json, Value};

/// The bundle for the new municipality: `released` is the core's release, `case` its released case
/// file, checked.
pub fn handover_bundle(
    release: &HandoverRelease,
    case: &CheckedCase,
    reference: &ReferenceData,
) -> FhirExport {
    let mut export = crate::export::build(case, reference, release.note.moved_on, &[], None);
    let id = format!("handover:{}", case.case().id);
    let text = serde_json::to_vec(&release.note).unwrap_or_default();
    let note = json!({
        "fullUrl": full_url("Binary", &id),
        "resource": {
            "resourceType": "Binary",
            "id": uuid("Binary", &id),
            "meta": { "tag": [{ "system": HANDOVER_TAG, "code": "handover-note" }] },
            "contentType": "application/json",
            "securityContext": crate::ids::reference("Patient", case.case().citizen.id.as_str()),
            "data": crate::base64::encode(&text),
        },
    });
    if let Some(entries) = export.bundle["entry"].as_array_mut() {
        entries.push(note);
    }
    *export.counts.entry("Binary".to_owned()).or_default() += 1;
    for w in &release.note.withheld {
        export.warnings.push(FhirWarning::text(
            "handover.withheld",
            w.pointer.clone(),
            w.warning(),
        ));
    }
    export
}

/// What a handover bundle holds: the case file and the note, as JSON for the caller's strict
/// parser, with where each is.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedHandover {
    /// The case file part, read as by [`crate::import`].
    pub bundle: crate::ImportedBundle,
    /// The handover note's JSON.
    pub note: Value,
    /// Where the note's data is (`/entry/N/resource/data`).
    pub note_at: String,
}

/// Read a bundle made by [`handover_bundle`].
pub fn read_handover(bundle: &Value) -> Result<ImportedHandover, ImportError> {
    let read = crate::import(bundle)?;
    let entries = bundle["entry"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let mut found: Option<(usize, &str)> = None;
    for (i, e) in entries.iter().enumerate() {
        let r = &e["resource"];
        let tagged = r["resourceType"] == "Binary"
            && r["meta"]["tag"]
                .as_array()
                .is_some_and(|tags| tags.iter().any(|t| t["system"] == HANDOVER_TAG));
        if tagged {
            if found.is_some() {
                return Err(ImportError::TwoCaseFiles {
                    at: format!("/entry/{i}"),
                });
            }
            let data = r["data"].as_str().ok_or_else(|| ImportError::BadData {
                at: format!("/entry/{i}/resource/data"),
            })?;
            found = Some((i, data));
        }
    }
    let (i, data) = found.ok_or(ImportError::NoHandoverNote {
        at: "/entry".to_owned(),
    })?;
    let at = format!("/entry/{i}/resource/data");
    let bytes =
        crate::base64::decode(data).ok_or_else(|| ImportError::BadData { at: at.clone() })?;
    let note: Value =
        serde_json::from_slice(&bytes).map_err(|_| ImportError::BadData { at: at.clone() })?;
    Ok(ImportedHandover {
        bundle: read,
        note,
        note_at: at,
    })
}
