//! `coord access check`: one request (from a file or the flags) or one per NDJSON line.

use super::{answer, emit, overrides, value};
use crate::cli::AccessCheckArgs;
use crate::exit::Outcome;
use crate::io::{read_json, AuditLog, Failure};
use coord_core::case_file::CaseFile;
use coord_core::consent::AccessRequest;
use coord_json::calls::consent::{access_check, AccessCheckCall};
use coord_json::calls::streams::{access_check_stream, StreamError};
use coord_json::envelope::Problem;

/// Run `coord access check`.
pub fn check(args: &AccessCheckArgs) -> Result<Outcome, Failure> {
    let case: CaseFile = read_json(&args.case)?;
    let reference = overrides(&args.common)?;
    let mut audit = args.audit_log.as_deref().map(AuditLog::open).transpose()?;
    if args.ndjson {
        let input = crate::io::ndjson_input(args.input.as_deref())?;
        let log = |entry: &_| audit.as_mut().map_or(Ok(()), |l| l.append(entry));
        let (summary, log_error) =
            access_check_stream(case, reference, input, std::io::stdout(), log).map_err(
                |e| match e {
                    StreamError::Invalid(p) => Failure::invalid(p, Some(&args.case)),
                    StreamError::Io(e) => Failure::io(std::path::Path::new("-"), &e),
                },
            )?;
        if let Some(e) = log_error {
            return Err(e);
        }
        audit.map(AuditLog::finish).transpose()?;
        return Ok(if summary.failures > 0 {
            Outcome::InvalidInput
        } else {
            Outcome::Success
        });
    }
    let request = match &args.request {
        Some(path) => read_json(path)?,
        None => from_flags(args, &case)?,
    };
    let call = AccessCheckCall {
        case: case.clone(),
        reference,
        request,
    };
    let files = [
        ("/case", Some(args.case.as_path())),
        ("/request", args.request.as_deref()),
    ];
    let decision = answer(access_check(call), &files)?;
    if let Some(mut log) = audit {
        log.append(&decision.audit_entry())?;
        log.finish()?;
    }
    let lang = args.common.lang.into();
    let denied = !decision.all_permitted();
    Ok(emit(
        args.common.format,
        lang,
        "coord access check",
        decision,
        denied,
        |d| coord_render::consent::decision_doc(&case, d, lang),
    ))
}

fn from_flags(args: &AccessCheckArgs, case: &CaseFile) -> Result<AccessRequest, Failure> {
    let (Some(requester), Some(holder), Some(action), Some(purpose), Some(at)) = (
        &args.requester,
        &args.holder,
        &args.action,
        &args.purpose,
        &args.at,
    ) else {
        return Err(Failure {
            outcome: Outcome::Usage,
            problems: vec![Problem::new(
                "usage",
                "give the request with --request FILE, --ndjson, or --requester/--holder/--category/--action/--purpose/--at",
                None,
            )],
            file: None,
        });
    };
    Ok(AccessRequest {
        requester: requester.as_str().into(),
        citizen: case.citizen.id.clone(),
        case: case.id.clone(),
        holder: holder.as_str().into(),
        categories: args
            .category
            .iter()
            .map(|c| value("category", c))
            .collect::<Result<_, _>>()?,
        action: value("action", action)?,
        purpose: purpose.as_str().into(),
        at: value("at", at)?,
    })
}
