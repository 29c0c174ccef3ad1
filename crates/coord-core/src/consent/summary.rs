//! The summary `consent validate` answers: whether a case file's consents (and the case file around
//! them) are valid, how many were checked, and every problem with its place.

use crate::case_file::CaseFile;
use crate::check::{check_case_file, CaseFileError};
use crate::reference::ReferenceData;

/// The outcome of validating a case file's consents. Adapters serialise the errors as problems.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsentValidationSummary {
    /// Whether every consent (and the case file around them) is valid.
    pub valid: bool,
    /// How many consents were checked.
    pub consents_checked: usize,
    /// Every problem, in document order, with its place.
    pub errors: Vec<CaseFileError>,
}

/// Validate a case file's consents (and the rest of it: a consent is only valid in a readable case).
pub fn validation_summary(case: &CaseFile, reference: &ReferenceData) -> ConsentValidationSummary {
    let errors = check_case_file(case, reference);
    ConsentValidationSummary {
        valid: errors.is_empty(),
        consents_checked: case.consents.len(),
        errors,
    }
}
