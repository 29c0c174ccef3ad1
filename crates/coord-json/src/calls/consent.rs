//! Calls about consent: decide, validate, minimise, consent gaps.

use super::check_case;
use crate::envelope::{Answer, Problem};
use crate::problems::{problem, problems};
use crate::reference::ReferenceOverrides;
use crate::shared::Shared;
use coord_core::case_file::CaseFile;
use coord_core::consent::minimise::ReleaseRequest;
use coord_core::consent::{
    consent_gaps, minimise, validation_summary, AccessDecision, AccessIndex, AccessRequest,
    ConsentGapReport, GapFlow, MinimisedRecord,
};
use coord_core::pointer::Pointer;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Decide an access request against a case file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessCheckCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The request.
    pub request: AccessRequest,
}

/// Decide an access request.
pub fn access_check(call: AccessCheckCall) -> Answer<AccessDecision> {
    super::with_builtin(call, access_check_with)
}

/// Decide an access request.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn access_check_with(shared: &Shared, call: AccessCheckCall) -> Answer<AccessDecision> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let checked = check_case(call.case, &reference)?;
        let index = AccessIndex::new(&checked, &reference);
        index
            .decide(&call.request)
            .map_err(|e| vec![problem(&e, &Pointer::root().key("request"))])
    })())
}

/// Validate the consents (and the rest) of a case file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentValidateCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts (the consent policy matters here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
}

/// The outcome of validating a case file's consents: `coord_core::consent::ConsentValidationSummary`
/// with its errors serialised as problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentValidation {
    /// Whether every consent (and the case file around them) is valid.
    pub valid: bool,
    /// How many consents were checked.
    pub consents_checked: usize,
    /// Every problem, in document order, with its place.
    pub problems: Vec<Problem>,
}

/// Validate a case file's consents.
pub fn consent_validate(call: ConsentValidateCall) -> Answer<ConsentValidation> {
    super::with_builtin(call, consent_validate_with)
}

/// Validate a case file's consents.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn consent_validate_with(
    shared: &Shared,
    call: ConsentValidateCall,
) -> Answer<ConsentValidation> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let summary = validation_summary(&call.case, &reference);
        Ok(ConsentValidation {
            valid: summary.valid,
            consents_checked: summary.consents_checked,
            problems: problems(&summary.errors, &Pointer::root().key("case")),
        })
    })())
}

/// Release only the permitted sections of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MinimiseCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The release request with the record.
    pub release: ReleaseRequest,
}

/// Minimise a record.
pub fn minimise_record(call: MinimiseCall) -> Answer<MinimisedRecord> {
    super::with_builtin(call, minimise_record_with)
}

/// Minimise a record.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn minimise_record_with(shared: &Shared, call: MinimiseCall) -> Answer<MinimisedRecord> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let checked = check_case(call.case, &reference)?;
        let index = AccessIndex::new(&checked, &reference);
        minimise(&index, &call.release).map_err(|e| vec![release_problem(&e)])
    })())
}

fn release_problem(e: &coord_core::consent::RequestError) -> Problem {
    // The release request names the holder inside its record.
    let mut p = problem(e, &Pointer::root().key("release"));
    if p.pointer.as_deref() == Some("/release/holder") {
        p.pointer = Some("/release/record/holder".to_owned());
    }
    p
}

/// Which consent an intended flow lacks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentGapsCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The intended flow.
    pub flow: GapFlow,
}

/// Find the consent gaps of a flow.
pub fn consent_gaps_call(call: ConsentGapsCall) -> Answer<ConsentGapReport> {
    super::with_builtin(call, consent_gaps_call_with)
}

/// Find the consent gaps of a flow.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn consent_gaps_call_with(shared: &Shared, call: ConsentGapsCall) -> Answer<ConsentGapReport> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let checked = check_case(call.case, &reference)?;
        let index = AccessIndex::new(&checked, &reference);
        consent_gaps(&index, &call.flow).map_err(|e| vec![gap_problem(&e)])
    })())
}

fn gap_problem(e: &coord_core::consent::RequestError) -> Problem {
    // A flow says holder / recipient; the request it becomes says holder / requester.
    let mut p = problem(e, &Pointer::root().key("flow"));
    if p.pointer.as_deref() == Some("/flow/requester") {
        p.pointer = Some("/flow/recipient".to_owned());
    }
    p
}
