//! `coord plan check`.

use super::{answer_with, as_of, emit, overrides};
use crate::cli::PlanCheckArgs;
use crate::exit::Outcome;
use crate::io::{read_json, Failure};
use coord_core::case_file::CaseFile;
use coord_json::calls::plan::{plan_check, PlanCheckCall};

/// Run `coord plan check`.
pub fn check(args: &PlanCheckArgs) -> Result<Outcome, Failure> {
    let case: CaseFile = read_json(&args.case)?;
    let name = case.citizen.name.clone();
    let call = PlanCheckCall {
        case,
        reference: overrides(&args.common)?,
        as_of: as_of(args.as_of.as_deref())?,
    };
    let result = answer_with(
        plan_check(call),
        &args.common,
        &[("/case", Some(&args.case))],
    )?;
    let lang = args.common.lang.into();
    let negative = !result.findings.is_empty();
    Ok(emit(
        args.common.format,
        lang,
        &name,
        result,
        negative,
        |r| coord_render::plan::plan_check(r, &name, lang),
    ))
}
