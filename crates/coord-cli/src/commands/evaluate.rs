//! `coord evaluate`: one case file, or one case per NDJSON line, under the law the core chooses
//! for the date (exit 5 when no rule pack is in force).

use super::{answer_with, emit, overrides};
use crate::cli::EvaluateArgs;
use crate::exit::Outcome;
use crate::io::{read_json, Failure};
use coord_core::case_file::CaseFile;
use coord_json::calls::rules::{evaluate_call, EvaluateCall};
use coord_json::calls::streams::evaluate_lines;
use std::path::Path;

/// Run `coord evaluate`.
pub fn run(args: &EvaluateArgs) -> Result<Outcome, Failure> {
    let as_of = super::as_of(args.as_of.as_deref())?;
    let (pack, pack_file) = super::optional_pack(args.pack.as_deref())?;
    let reference = overrides(&args.common)?;
    if args.ndjson {
        let outcome = evaluate_lines(
            reference,
            pack,
            &args.jurisdiction,
            as_of,
            args.explain,
            |lines, assessed| {
                crate::ndjson_cli::run(args.input.as_deref(), lines, &args.stream).map(|o| {
                    if o == Outcome::Success && !assessed {
                        Outcome::NoLaw
                    } else {
                        o
                    }
                })
            },
        )
        .map_err(|p| Failure::invalid(p, pack_file))??;
        return Ok(outcome);
    }
    let path = args.case.as_deref().unwrap_or(Path::new("-"));
    let case: CaseFile = read_json(path)?;
    let call = EvaluateCall {
        case: case.clone(),
        reference,
        pack,
        jurisdiction: Some(args.jurisdiction.clone()),
        as_of,
        explain: args.explain,
    };
    let files = [("/case", Some(path)), ("/pack", pack_file)];
    let result = answer_with(evaluate_call(call), &args.common, &files)?;
    let lang = args.common.lang.into();
    let no_law = result.law.as_ref().is_some_and(|l| l.pack.is_none());
    let outcome = emit(
        args.common.format,
        lang,
        &case.citizen.name,
        result,
        false,
        |r| coord_render::rules::evaluation(r, &case, lang),
    );
    Ok(if no_law { Outcome::NoLaw } else { outcome })
}
