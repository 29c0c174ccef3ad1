//! `coord instruments list | show | score`.

use super::{answer_with, emit, overrides};
use crate::cli::{InstrumentScoreArgs, InstrumentShowArgs, InstrumentsArgs};
use crate::exit::Outcome;
use crate::io::Failure;
use coord_json::calls::instruments::{
    instrument_show, instruments_list, InstrumentShowCall, InstrumentsListCall,
};
use coord_json::calls::plan::{instrument_score, ScoreCall};
use coord_json::envelope::Problem;

/// Run `coord instruments list`.
pub fn list(args: &InstrumentsArgs) -> Result<Outcome, Failure> {
    let call = InstrumentsListCall {
        reference: overrides(&args.common)?,
    };
    let defs = answer_with(instruments_list(call), &args.common, &[])?;
    let lang = args.common.lang.into();
    Ok(emit(
        args.common.format,
        lang,
        "coord instruments",
        defs,
        false,
        |d| coord_render::plan::instruments(d, lang),
    ))
}

/// Run `coord instruments show`.
pub fn show(args: &InstrumentShowArgs) -> Result<Outcome, Failure> {
    let call = InstrumentShowCall {
        instrument: args.id.as_str().into(),
        reference: overrides(&args.common)?,
    };
    let def = answer_with(
        instrument_show(call),
        &args.common,
        &[("/instrument", None)],
    )?;
    let lang = args.common.lang.into();
    Ok(emit(args.common.format, lang, &args.id, def, false, |d| {
        coord_render::plan::instrument(d, lang)
    }))
}

/// Parse `3,3,-,3`: a value per item, `-` or nothing for an unanswered item.
fn parse_answers(text: &str) -> Result<Vec<Option<i32>>, Failure> {
    text.split(',')
        .map(str::trim)
        .enumerate()
        .map(|(i, a)| match a {
            "" | "-" => Ok(None),
            v => v.parse().map(Some).map_err(|_| Failure {
                outcome: Outcome::Usage,
                problems: vec![Problem::new(
                    "usage",
                    format!(
                        "--answers: answer {} is not a whole number (use `-` for an unanswered item)",
                        i + 1
                    ),
                    None,
                )],
                file: None,
                files: Vec::new(),
            }),
        })
        .collect()
}

/// Run `coord instruments score`.
pub fn score(args: &InstrumentScoreArgs) -> Result<Outcome, Failure> {
    let call = ScoreCall {
        instrument: args.id.as_str().into(),
        answers: parse_answers(&args.answers)?,
        reference: overrides(&args.common)?,
    };
    let score = answer_with(
        instrument_score(call),
        &args.common,
        &[("/instrument", None), ("/answers", None)],
    )?;
    let lang = args.common.lang.into();
    let flagged = !score.safety_flags.is_empty();
    Ok(emit(
        args.common.format,
        lang,
        &args.id,
        score,
        flagged,
        |s| coord_render::plan::score(s, &args.id, lang),
    ))
}
