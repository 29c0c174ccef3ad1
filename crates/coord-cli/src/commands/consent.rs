//! `coord consent validate | gaps | minimise`.

use super::{answer_with, emit, overrides, value};
use crate::cli::{CaseArgs, GapsArgs, MinimiseArgs};
use crate::exit::Outcome;
use crate::io::{log_before_release, read_json, AuditLog, Failure};
use coord_core::consent::{Audited, GapFlow};
use coord_json::calls::consent::{
    consent_gaps_call, consent_validate, minimise_record, ConsentGapsCall, ConsentValidateCall,
    MinimiseCall,
};
use coord_render::consent::ProblemLine;

/// Run `coord consent validate`.
pub fn validate(args: &CaseArgs) -> Result<Outcome, Failure> {
    let call = ConsentValidateCall {
        case: read_json(&args.case)?,
        reference: overrides(&args.common)?,
    };
    let result = answer_with(consent_validate(call), &args.common, &[])?;
    let lang = args.common.lang.into();
    let file = args.case.display().to_string();
    let invalid = !result.valid;
    Ok(emit(
        args.common.format,
        lang,
        &file,
        result,
        invalid,
        |r| {
            let lines: Vec<ProblemLine<'_>> = r
                .problems
                .iter()
                .map(|p| ProblemLine {
                    place: p
                        .pointer
                        .as_deref()
                        .unwrap_or("")
                        .trim_start_matches("/case"),
                    message: &p.message,
                    code: &p.code,
                })
                .collect();
            coord_render::consent::validation(&file, r.valid, r.consents_checked, &lines, lang)
        },
    ))
}

/// Run `coord consent gaps`.
pub fn gaps(args: &GapsArgs) -> Result<Outcome, Failure> {
    let flow = GapFlow {
        holder: args.holder.as_str().into(),
        recipient: args.recipient.as_str().into(),
        categories: args
            .category
            .iter()
            .map(|c| value("category", c))
            .collect::<Result<_, _>>()?,
        action: value("action", &args.action)?,
        purpose: args.purpose.as_str().into(),
        at: value("at", &args.at)?,
    };
    let call = ConsentGapsCall {
        case: read_json(&args.case)?,
        reference: overrides(&args.common)?,
        flow,
    };
    let files = [("/case", Some(args.case.as_path())), ("/flow", None)];
    let report = answer_with(consent_gaps_call(call), &args.common, &files)?;
    log_before_release(args.audit_log.as_deref(), || report.audit_entries())?;
    let lang = args.common.lang.into();
    let negative = !report.missing.is_empty() || !report.blocked.is_empty();
    Ok(emit(
        args.common.format,
        lang,
        "coord consent gaps",
        report,
        negative,
        |r| coord_render::consent::gaps(r, lang),
    ))
}

/// Run `coord consent minimise`.
pub fn minimise_cmd(args: &MinimiseArgs) -> Result<Outcome, Failure> {
    let audit = args.audit_log.as_deref().map(AuditLog::open).transpose()?;
    let call = MinimiseCall {
        case: read_json(&args.case)?,
        reference: overrides(&args.common)?,
        release: read_json(&args.release)?,
    };
    let files = [
        ("/case", Some(args.case.as_path())),
        ("/release", Some(args.release.as_path())),
    ];
    let result = answer_with(minimise_record(call), &args.common, &files)?;
    // The entries the core names are on disk before the record is printed (exit 4 otherwise).
    if let Some(mut log) = audit {
        for entry in result.audit_entries() {
            log.append(&entry);
        }
        log.finish()?;
    }
    let lang = args.common.lang.into();
    let withheld = !result.withheld.is_empty();
    Ok(emit(
        args.common.format,
        lang,
        "coord consent minimise",
        result,
        withheld,
        |r| coord_render::consent::minimised(r, lang),
    ))
}
