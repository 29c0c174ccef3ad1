//! `coord evaluate`.

use super::{emit, reference};
use crate::cli::EvaluateArgs;
use crate::exit::Outcome;
use crate::io::{read_json, Failure};
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::pointer::Pointer;
use coord_core::rules::evaluate;
use coord_core::rules::RulePack;
use coord_json::calls::rules::{choose_pack, evaluate_case};
use coord_json::ndjson::TypedLines;

/// Run `coord evaluate`.
pub fn run(args: &EvaluateArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let as_of: NaiveDate = super::as_of(args.as_of.as_deref())?;
    let given: Option<RulePack> = match &args.pack {
        Some(path) => Some(read_json(path)?),
        None => None,
    };
    let pack = choose_pack(
        given,
        &reference,
        &args.jurisdiction,
        as_of,
        &Pointer::root(),
    )
    .map_err(|p| Failure::invalid(p, args.pack.as_deref()))?;
    if args.ndjson {
        let compiled = coord_core::rules::compile::CompiledPack::new(&pack);
        let lines = TypedLines::with_own_id(|case| {
            evaluate_case(case, &compiled, &reference, as_of, args.explain)
        });
        return crate::ndjson_cli::run(args.input.as_deref(), &lines, &args.stream);
    }
    let path = args.case.as_deref().unwrap_or(std::path::Path::new("-"));
    let case: CaseFile = read_json(path)?;
    let checked = coord_json::calls::check_case_document(case, &reference)
        .map_err(|p| Failure::invalid(p, Some(path)))?;
    let result = evaluate(&pack, &checked, &reference, as_of, args.explain);
    let case = checked.case();
    let lang = args.common.lang.into();
    Ok(emit(args.common.format, result, false, |r| {
        crate::render_rules::evaluation(r, &pack, case, lang)
    }))
}
