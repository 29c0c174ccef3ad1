//! `coord access check`: one request (from a file or the flags) or one per NDJSON line.

use super::{answer, emit, overrides, value};
use crate::cli::AccessCheckArgs;
use crate::exit::Outcome;
use crate::io::{read_json, AuditLog, AuditedStdout, Failure};
use coord_core::case_file::CaseFile;
use coord_core::consent::AccessRequest;
use coord_json::calls::consent::{access_check, AccessCheckCall};
use coord_json::calls::streams::{access_check_stream, StreamError};
use coord_json::envelope::Problem;
use std::cell::RefCell;
use std::rc::Rc;

/// Run `coord access check`.
pub fn check(args: &AccessCheckArgs) -> Result<Outcome, Failure> {
    let case: CaseFile = read_json(&args.case)?;
    let reference = overrides(&args.common)?;
    let audit = args.audit_log.as_deref().map(AuditLog::open).transpose()?;
    if args.ndjson {
        let input = crate::io::ndjson_input(args.input.as_deref())?;
        let failed = |e: StreamError| match e {
            StreamError::Invalid(p) => Failure::invalid(p, Some(&args.case)),
            StreamError::Io(e) => Failure::io(std::path::Path::new("-"), &e),
        };
        let summary = match audit {
            // Each batch of answers reaches standard output only after its entries are synced.
            Some(log) => {
                let path = args.audit_log.clone().unwrap_or_default();
                let log = Rc::new(RefCell::new(log));
                let out = AuditedStdout::new(Rc::clone(&log));
                let append = |entry: &_| {
                    log.borrow_mut().append(entry);
                    Ok::<(), Failure>(())
                };
                let (summary, _) = access_check_stream(case, reference, input, out, append)
                    .map_err(|e| match e {
                        StreamError::Io(e) => Failure::io(&path, &e),
                        other => failed(other),
                    })?;
                let log = Rc::try_unwrap(log).map_err(|_| {
                    Failure::io(
                        &path,
                        &std::io::Error::other("the audit log is still in use"),
                    )
                })?;
                log.into_inner().finish()?;
                summary
            }
            None => {
                let none = |_: &_| Ok::<(), Failure>(());
                access_check_stream(case, reference, input, std::io::stdout(), none)
                    .map_err(failed)?
                    .0
            }
        };
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
    // The entry is on disk before the decision is printed; if it cannot be written, the decision
    // is not released (exit 4).
    if let Some(mut log) = audit {
        log.append(&decision.audit_entry());
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
            files: Vec::new(),
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
