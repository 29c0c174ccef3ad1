//! `coord calendar add-working-days`.

use super::{answer_with, emit, overrides, value};
use crate::cli::AddWorkingDaysArgs;
use crate::exit::Outcome;
use crate::io::Failure;
use coord_json::calls::team::{add_working_days as working_days_call, WorkingDaysCall};

/// Run `coord calendar add-working-days`.
pub fn add_working_days(args: &AddWorkingDaysArgs) -> Result<Outcome, Failure> {
    let call = WorkingDaysCall {
        reference: overrides(&args.common)?,
        from: value("date", &args.date)?,
        working_days: args.n,
    };
    let result = answer_with(working_days_call(call), &args.common, &[])
        .map_err(|f| f.renamed("/working_days", "<N>"))?;
    let lang = args.common.lang.into();
    Ok(emit(
        args.common.format,
        lang,
        "coord calendar",
        result,
        false,
        |a| coord_render::team::working_days(a, lang),
    ))
}
