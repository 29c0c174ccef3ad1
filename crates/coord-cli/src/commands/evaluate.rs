//! `coord evaluate`: one case (or NDJSON cases) under the law the core chooses for the date.

use super::{emit, reference};
use crate::cli::EvaluateArgs;
use crate::exit::Outcome;
use crate::io::{read_json, Failure};
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::rules::law::choose_law;
use coord_core::rules::RulePack;
use coord_json::calls::rules::{check_given, evaluate_document, evaluate_line};
use coord_json::envelope::Answer;

/// Run `coord evaluate`.
pub fn run(args: &EvaluateArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let as_of: NaiveDate = super::as_of(args.as_of.as_deref())?;
    let given: Option<RulePack> = match &args.pack {
        Some(path) => Some(read_json(path)?),
        None => None,
    };
    if args.ndjson {
        let given = check_given(given, &reference, &coord_core::pointer::Pointer::root())
            .map_err(|p| Failure::invalid(p, args.pack.as_deref()))?;
        let law = choose_law(
            &reference.rule_packs,
            given.as_ref(),
            &args.jurisdiction,
            as_of,
        );
        let input = crate::io::ndjson_input(args.input.as_deref())?;
        let compiled = law
            .pack
            .map(|p| coord_core::rules::compile::CompiledPack::for_law(p, &reference.rule_packs));
        let summary = coord_json::ndjson::stream(input, std::io::stdout(), |line| {
            evaluate_line(line, &law, compiled.as_ref(), &reference, args.explain)
        })
        .map_err(|e| Failure::io(std::path::Path::new("-"), &e))?;
        return Ok(if summary.failures > 0 {
            Outcome::InvalidInput
        } else if law.pack.is_none() {
            Outcome::NoLaw
        } else {
            Outcome::Success
        });
    }
    let path = args.case.as_deref().unwrap_or(std::path::Path::new("-"));
    let case: CaseFile = read_json(path)?;
    let given_copy = given.clone();
    let answer = evaluate_document(
        case.clone(),
        &reference,
        given,
        &args.jurisdiction,
        as_of,
        args.explain,
    );
    let Answer::Success { result, .. } = answer else {
        let file = if args.pack.is_some()
            && answer.errors().iter().any(|p| p.code.starts_with("rules."))
        {
            args.pack.as_deref()
        } else {
            Some(path)
        };
        return Err(Failure::invalid(answer.errors().to_vec(), file));
    };
    let no_law = result.law.as_ref().is_some_and(|l| l.pack.is_none());
    let lang = args.common.lang.into();
    let pack = given_copy.as_ref().or_else(|| {
        result
            .pack
            .as_ref()
            .and_then(|id| reference.rule_packs.iter().find(|p| &p.id == id))
    });
    let pack = pack.cloned();
    let outcome = emit(args.common.format, result, false, |r| {
        crate::render_rules::evaluation(r, pack.as_ref(), &case, lang)
    });
    Ok(if no_law { Outcome::NoLaw } else { outcome })
}
