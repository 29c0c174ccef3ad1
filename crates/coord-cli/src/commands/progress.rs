//! `coord progress`: progression per indicator and per goal, and optionally the SVG chart.

use super::{answer_with, as_of, emit, overrides};
use crate::cli::ProgressArgs;
use crate::exit::Outcome;
use crate::io::{read_json, write_atomically, Failure};
use coord_core::case_file::CaseFile;
use coord_json::calls::plan::{progress, ProgressCall};

/// Run `coord progress`.
pub fn run(args: &ProgressArgs) -> Result<Outcome, Failure> {
    let case: CaseFile = read_json(&args.case)?;
    let name = case.citizen.name.clone();
    let call = ProgressCall {
        case,
        reference: overrides(&args.common)?,
        as_of: as_of(args.as_of.as_deref())?,
    };
    let report = answer_with(progress(call), &args.common, &[("/case", Some(&args.case))])?;
    let lang = args.common.lang.into();
    if let Some(path) = &args.svg {
        let svg = coord_render::chart::progress_svg(&report, &name, lang)
            .map_err(|e| super::chart_failure(&e))?;
        write_atomically(path, svg.as_bytes())?;
    }
    Ok(emit(args.common.format, lang, &name, report, false, |r| {
        coord_render::plan::progress(r, &name, lang)
    }))
}
