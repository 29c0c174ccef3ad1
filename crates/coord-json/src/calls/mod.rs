//! One typed call and answer per operation. Each function is a thin wrapper: resolve reference
//! data, check the case, call the core, wrap the answer.

pub mod consent;
pub mod plan;

use crate::envelope::{Answer, Problem};
use crate::parse::parse;
use crate::problems::problems;
use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::pointer::Pointer;
use coord_core::reference::ReferenceData;
use serde::de::DeserializeOwned;

/// Parse a call document and run it.
pub fn call_json<C: DeserializeOwned, R>(
    text: &str,
    run: impl FnOnce(C) -> Answer<R>,
) -> Answer<R> {
    match parse::<C>(text) {
        Ok(call) => run(call),
        Err(p) => Answer::failure(vec![p]),
    }
}

/// Check a case file that sits at `/case` of a call.
pub fn check_case(case: CaseFile, reference: &ReferenceData) -> Result<CheckedCase, Vec<Problem>> {
    CheckedCase::new(case, reference).map_err(|e| problems(&e, &Pointer::root().key("case")))
}

/// Check a case file given as a document of its own (pointers from its root).
pub fn check_case_document(
    case: CaseFile,
    reference: &ReferenceData,
) -> Result<CheckedCase, Vec<Problem>> {
    CheckedCase::new(case, reference).map_err(|e| problems(&e, &Pointer::root()))
}
