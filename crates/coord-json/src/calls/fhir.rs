//! The FHIR calls: a case file as a FHIR R4 Bundle as of a date (`fhir-export`), and a bundle
//! read back into a case file (`fhir-import`). Parse → check → coord-fhir → answer.

use super::check_case;
use crate::envelope::{Answer, Problem};
use crate::reference::ReferenceOverrides;
use crate::shared::Shared;
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::identifier::release_identifiers;
pub use coord_core::identifier::{IdentifierRequest, ReleaseMode};
use coord_core::pointer::Pointer;
pub use coord_fhir::FhirWarning;
use coord_fhir::{FhirExport, FhirImport};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Export a case file as of a date as a FHIR R4 Bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FhirExportCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts (instruments for the scores and target
    /// directions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The date the statuses are as of (referral states, achievement, consent status).
    pub as_of: NaiveDate,
    /// Audit-log entries: each that concerns this case and citizen, made on or before `as_of`,
    /// becomes an `AuditEvent` (the others are left out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<coord_core::consent::AuditEntry>,
    /// Which identifiers (CPR, SOR, CVR, GLN, P-number, other) the export may carry: absent or
    /// `{}`, none at all; `{recipient, purpose?, from?}`, the citizen's as the consent engine
    /// decides for the flow to the recipient; `{own_copy: true}`, every one (the municipality's
    /// own full copy). Each withheld identifier is a warning at its place, never its value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release: Option<IdentifierRequest>,
}

/// Read a FHIR R4 Bundle made by `fhir-export` back into a case file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FhirImportCall {
    /// The Bundle (JSON).
    pub bundle: serde_json::Value,
    /// Reference data replacing built-in parts (to check the case file read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
}

fn problems_of(warnings: &[FhirWarning], prefix: &str) -> Vec<Problem> {
    warnings
        .iter()
        .map(|w| {
            Problem::new(
                w.code.clone(),
                w.message.en.clone(),
                Some(format!("{prefix}{}", w.pointer)),
            )
        })
        .collect()
}

fn with_warnings<T>(answer: Answer<T>, extra: Vec<Problem>) -> Answer<T> {
    match answer {
        Answer::Success {
            version, result, ..
        } => Answer::Success {
            version,
            result,
            warnings: extra,
        },
        failure => failure,
    }
}

/// Export the case file.
pub fn fhir_export(call: FhirExportCall) -> Answer<FhirExport> {
    super::with_builtin(call, fhir_export_with)
}

/// Export the case file, with reference data shared by many calls.
pub fn fhir_export_with(shared: &Shared, call: FhirExportCall) -> Answer<FhirExport> {
    let answer = Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let checked = check_case(call.case, &reference)?;
        let request = call.release.unwrap_or_default();
        let release =
            release_identifiers(&checked, &reference, &request, call.as_of).map_err(|e| {
                vec![Problem::new(
                    e.code(),
                    crate::problems::bounded(&e.to_string()),
                    Some(format!("/release{}", e.pointer())),
                )]
            })?;
        // The released case file is a case file like any other: checked before it is exported.
        let cut = CheckedCase::new(release.case.clone(), &reference)
            .map_err(|e| crate::problems::problems(&e, &Pointer::root().key("case")))?;
        let audit = coord_core::consent::audit::concerning(&call.audit, cut.case(), call.as_of);
        Ok(coord_fhir::export_with_audit(
            &release, &cut, &reference, call.as_of, &audit,
        ))
    })());
    let warnings = answer
        .result()
        .map(|r| problems_of(&r.warnings, "/case"))
        .unwrap_or_default();
    with_warnings(answer, warnings)
}

/// Import the bundle.
pub fn fhir_import(call: FhirImportCall) -> Answer<FhirImport> {
    super::with_builtin(call, fhir_import_with)
}

/// Import the bundle, with reference data shared by many calls.
pub fn fhir_import_with(shared: &Shared, call: FhirImportCall) -> Answer<FhirImport> {
    let answer = Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let read = coord_fhir::import(&call.bundle).map_err(|e| {
            vec![Problem::new(
                e.code(),
                e.to_string(),
                Some(format!("/bundle{}", e.pointer())),
            )]
        })?;
        // The case file read is held to the same strict reading and check as any other; its
        // problems are placed under the entry's data, or at the entry the part came from.
        let place = |p: &str| format!("/bundle{}", read.place(p));
        let case: CaseFile = crate::parse::from_value(read.case.clone()).map_err(|mut p| {
            p.pointer = Some(place(p.pointer.as_deref().unwrap_or("")));
            vec![p]
        })?;
        let checked = coord_core::check::CheckedCase::new(case, &reference).map_err(|errors| {
            let root = coord_core::pointer::Pointer::parse("");
            crate::problems::problems(&errors, &root)
                .into_iter()
                .map(|mut p| {
                    p.pointer = Some(place(p.pointer.as_deref().unwrap_or("")));
                    p
                })
                .collect::<Vec<_>>()
        })?;
        Ok(FhirImport {
            case: checked.into_inner(),
            counts: read.counts,
            warnings: read.warnings,
        })
    })());
    let warnings = answer
        .result()
        .map(|r| problems_of(&r.warnings, "/bundle"))
        .unwrap_or_default();
    with_warnings(answer, warnings)
}
