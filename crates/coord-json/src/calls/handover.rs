//! The handover calls (issue 14 §4): what may go to the new municipality when the citizen moves,
//! as a FHIR Bundle (`handover-export`), and the course started in the new municipality from such
//! a bundle (`handover-import`). Parse → check → one core function → coord-fhir → answer.

use super::check_case;
use crate::envelope::{Answer, Problem};
use crate::reference::ReferenceOverrides;
use crate::shared::Shared;
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::consent::{AuditEntry, Audited};
use coord_core::handover::{
    HandoverError, HandoverNote, HandoverRelease, HandoverRequest, HandoverStart,
};
use coord_core::ids::CaseId;
use coord_core::pointer::Pointer;
use coord_fhir::FhirWarning;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Decide and build the handover to the new municipality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HandoverExportCall {
    /// The case file in the sending municipality.
    pub case: CaseFile,
    /// Reference data replacing built-in parts (legal rules: a municipality's own legal basis for
    /// a handover goes here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// To whom, on which day, from which unit, for which purpose.
    pub handover: HandoverRequest,
}

/// The handover: the release decision and the bundle holding only the released parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HandoverExport {
    /// What goes, what is withheld and why, the consent to ask for, the decision and the sources.
    pub release: HandoverRelease,
    /// The FHIR R4 `Bundle` for the new municipality (JSON).
    pub bundle: serde_json::Value,
    /// How many resources of each type the bundle holds.
    pub counts: BTreeMap<String, usize>,
    /// What the bundle does not carry: every withheld part, and what FHIR cannot carry.
    pub warnings: Vec<FhirWarning>,
}

impl Audited for HandoverExport {
    /// The release decision (the core's entry for [`HandoverRelease`]).
    fn audit_entries(&self) -> Vec<AuditEntry> {
        self.release.audit_entries()
    }
}

/// Start the course in the new municipality from a handover bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HandoverImportCall {
    /// The Bundle made by `handover-export` (JSON).
    pub bundle: serde_json::Value,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The new case id; absent: the old id and the municipality code (`OLD-CODE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<CaseId>,
    /// The day the course starts in the new municipality (on or after the move); absent: the move
    /// date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
}

fn handover_problem(e: &HandoverError, prefix: &Pointer) -> Vec<Problem> {
    match e {
        HandoverError::Case(errors) => crate::problems::problems(errors, prefix),
        other => vec![Problem::new(
            other.code(),
            crate::problems::bounded(&other.to_string()),
            Some(format!("{prefix}{}", other.pointer())),
        )],
    }
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

/// Build the handover.
pub fn handover_export(call: HandoverExportCall) -> Answer<HandoverExport> {
    super::with_builtin(call, handover_export_with)
}

/// Build the handover, with reference data shared by many calls.
pub fn handover_export_with(shared: &Shared, call: HandoverExportCall) -> Answer<HandoverExport> {
    let answer = Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let checked = check_case(call.case, &reference)?;
        let release = coord_core::handover::release(&checked, &reference, &call.handover)
            .map_err(|e| handover_problem(&e, &Pointer::root().key("handover")))?;
        // The released case file is a case file like any other: checked before it is exported.
        let cut = CheckedCase::new(release.case.clone(), &reference)
            .map_err(|e| crate::problems::problems(&e, &Pointer::root().key("case")))?;
        let export = coord_fhir::handover_bundle(&release, &cut, &reference);
        Ok(HandoverExport {
            release,
            bundle: export.bundle,
            counts: export.counts,
            warnings: export.warnings,
        })
    })());
    let warnings = answer
        .result()
        .map(|r| problems_of(&r.warnings, "/case"))
        .unwrap_or_default();
    with_warnings(answer, warnings)
}

/// Start the course in the new municipality.
pub fn handover_import(call: HandoverImportCall) -> Answer<HandoverStart> {
    super::with_builtin(call, handover_import_with)
}

/// Start the course, with reference data shared by many calls.
pub fn handover_import_with(shared: &Shared, call: HandoverImportCall) -> Answer<HandoverStart> {
    let answer = Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let read = coord_fhir::read_handover(&call.bundle).map_err(|e| {
            vec![Problem::new(
                e.code(),
                e.to_string(),
                Some(format!("/bundle{}", e.pointer())),
            )]
        })?;
        fn place(at: &str) -> impl Fn(Problem) -> Vec<Problem> + '_ {
            move |mut p: Problem| {
                p.pointer = Some(format!("/bundle{at}{}", p.pointer.as_deref().unwrap_or("")));
                vec![p]
            }
        }
        let case: CaseFile =
            crate::parse::from_value(read.bundle.case).map_err(place(&read.bundle.case_at))?;
        let note: HandoverNote =
            crate::parse::from_value(read.note).map_err(place(&read.note_at))?;
        let at = format!("/bundle{}", read.bundle.case_at);
        let checked = CheckedCase::new(case, &reference)
            .map_err(|errors| crate::problems::problems(&errors, &Pointer::parse(&at)))?;
        let as_of = call.as_of.unwrap_or(note.moved_on);
        coord_core::handover::start_course(&checked, &reference, &note, call.case_id, as_of)
            .map_err(|e| handover_problem(&e, &Pointer::root()))
    })());
    answer
}
