//! The NDJSON forms of two calls: one case (or pack) fixed, one request (or case) per line. Each
//! is one call: resolve and check once, then answer every line through the core.

use super::check_case_document;
use super::rules::{check_given, evaluate_line};
use crate::envelope::{Answer, Problem};
use crate::ndjson::{stream, StreamSummary};
use crate::parse::parse;
use crate::problems::problem;
use crate::reference::{resolve, ReferenceOverrides};
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::consent::{AccessIndex, AccessRequest, AuditEntry};
use coord_core::pointer::Pointer;
use coord_core::rules::compile::CompiledPack;
use coord_core::rules::law::choose_law;
use coord_core::rules::RulePack;
use std::io::{BufRead, Write};

/// Why a stream stopped: the fixed part was invalid, or reading/writing failed.
#[derive(Debug)]
pub enum StreamError {
    /// The case, pack or reference data given once is invalid.
    Invalid(Vec<Problem>),
    /// Reading the input or writing the output failed.
    Io(std::io::Error),
}

/// Decide one access request per line against `case`; `on_decision` sees each decision's audit
/// entry (to log it) and may stop the stream by returning an error, which is handed back.
pub fn access_check_stream<E>(
    case: CaseFile,
    reference: Option<ReferenceOverrides>,
    input: impl BufRead,
    output: impl Write,
    mut on_decision: impl FnMut(&AuditEntry) -> Result<(), E>,
) -> Result<(StreamSummary, Option<E>), StreamError> {
    let reference = resolve(reference).map_err(StreamError::Invalid)?;
    let checked = check_case_document(case, &reference).map_err(StreamError::Invalid)?;
    let index = AccessIndex::new(&checked, &reference);
    let mut first_error: Option<E> = None;
    let summary = stream(input, output, |line| match parse::<AccessRequest>(line) {
        Ok(request) => match index.decide(&request) {
            Ok(d) => {
                if first_error.is_none() {
                    first_error = on_decision(&d.audit_entry()).err();
                }
                Answer::success(d)
            }
            Err(e) => Answer::failure(vec![problem(&e, &Pointer::root())]),
        },
        Err(p) => Answer::failure(vec![p]),
    })
    .map_err(StreamError::Io)?;
    Ok((summary, first_error))
}

/// Evaluate one case per line under the law the core chooses: `pack` if given (checked), else the
/// pack in force in `jurisdiction` on `as_of`; with none, every line is answered with an
/// evaluation that assesses nothing. The flag says whether a pack applied.
pub fn evaluate_stream(
    reference: Option<ReferenceOverrides>,
    pack: Option<RulePack>,
    jurisdiction: &str,
    as_of: NaiveDate,
    explain: bool,
    input: impl BufRead,
    output: impl Write,
) -> Result<(StreamSummary, bool), StreamError> {
    let reference = resolve(reference).map_err(StreamError::Invalid)?;
    let given = check_given(pack, &reference, &Pointer::root()).map_err(StreamError::Invalid)?;
    super::rules::check_jurisdiction(&reference, given.as_ref(), jurisdiction)
        .map_err(StreamError::Invalid)?;
    let law = choose_law(&reference.rule_packs, given.as_ref(), jurisdiction, as_of);
    let compiled = law
        .pack
        .map(|p| CompiledPack::for_law(p, &reference.rule_packs));
    let summary = stream(input, output, |line| {
        evaluate_line(line, &law, compiled.as_ref(), &reference, explain)
    })
    .map_err(StreamError::Io)?;
    Ok((summary, law.pack.is_some()))
}
