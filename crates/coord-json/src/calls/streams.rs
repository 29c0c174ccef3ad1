//! The NDJSON forms of two calls: one case (or pack) fixed, one request (or case) per line. Each
//! is one call: resolve and check the fixed part once, then hand the caller the [`Lines`] that
//! answer every line through the core (the caller streams them: `--jobs`, progress, summary).

use super::check_case_document;
use super::pack_ref::{resolve_pack, PackRef};
use super::rules::evaluate_case;
use crate::envelope::{Answer, Problem};
use crate::ndjson::{Lines, TypedLines};
use crate::problems::problem;
use crate::reference::{resolve, ReferenceOverrides};
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::consent::{AccessIndex, AccessRequest, AuditEntry};
use coord_core::pointer::Pointer;
use coord_core::rules::compile::CompiledPack;
use coord_core::rules::law::choose_law;

/// Decide one access request per line against `case`: `run` streams the lines; `on_decision`
/// sees each decision's audit entry (to log it) before its answer is written.
pub fn access_check_lines<T>(
    case: CaseFile,
    reference: Option<ReferenceOverrides>,
    on_decision: &(dyn Fn(&AuditEntry) + Sync),
    run: impl FnOnce(&dyn Lines) -> T,
) -> Result<T, Vec<Problem>> {
    let reference = resolve(reference)?;
    let checked = check_case_document(case, &reference)?;
    let index = AccessIndex::new(&checked, &reference);
    let lines = TypedLines::new(|request: AccessRequest| match index.decide(&request) {
        Ok(d) => {
            on_decision(&d.audit_entry());
            Answer::success(d)
        }
        Err(e) => Answer::failure(vec![problem(&e, &Pointer::root())]),
    });
    Ok(run(&lines))
}

/// Evaluate one case per line under the law the core chooses: `pack` if given (checked), else the
/// pack in force in `jurisdiction` on `as_of`; with none, every line is answered with an
/// evaluation that assesses nothing. `run` gets the lines and whether a pack applied.
pub fn evaluate_lines<T>(
    reference: Option<ReferenceOverrides>,
    pack: Option<PackRef>,
    jurisdiction: &str,
    as_of: NaiveDate,
    explain: bool,
    run: impl FnOnce(&dyn Lines, bool) -> T,
) -> Result<T, Vec<Problem>> {
    let reference = resolve(reference)?;
    let given = resolve_pack(pack, &reference, &Pointer::root())?;
    super::rules::check_jurisdiction(&reference, given.as_ref(), jurisdiction)?;
    let law = choose_law(&reference.rule_packs, given.as_ref(), jurisdiction, as_of);
    let compiled = law
        .pack
        .map(|p| CompiledPack::for_law(p, &reference.rule_packs));
    let lines = TypedLines::with_own_id(|case: CaseFile| {
        evaluate_case(case, &law, compiled.as_ref(), &reference, explain)
    });
    Ok(run(&lines, law.pack.is_some()))
}
