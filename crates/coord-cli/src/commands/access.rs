//! `coord access check`: one request (from a file or the flags) or one per NDJSON line.

use super::{answer_with, emit, overrides, value};
use crate::cli::AccessCheckArgs;
use crate::exit::Outcome;
use crate::io::{read_json, AuditLog, AuditedStdout, Failure};
use coord_core::case_file::CaseFile;
use coord_core::consent::AccessRequest;
use coord_json::calls::consent::{access_check, AccessCheckCall};
use coord_json::calls::streams::access_check_lines;
use coord_json::envelope::Problem;
use std::sync::{Arc, Mutex};

/// Run `coord access check`.
pub fn check(args: &AccessCheckArgs) -> Result<Outcome, Failure> {
    let case: CaseFile = read_json(&args.case)?;
    let reference = overrides(&args.common)?;
    let audit = args.audit_log.as_deref().map(AuditLog::open).transpose()?;
    if args.ndjson {
        let invalid = |p| Failure::invalid(p, Some(&args.case));
        return match audit {
            // Audit entries in input order (one thread); each batch of answers reaches standard
            // output only after its entries are synced.
            Some(log) => {
                let path = args.audit_log.clone().unwrap_or_default();
                let log = Arc::new(Mutex::new(log));
                let append = |entry: &_| {
                    if let Ok(mut l) = log.lock() {
                        l.append(entry);
                    }
                };
                let out = AuditedStdout::new(Arc::clone(&log));
                let outcome = access_check_lines(case, reference, &append, |lines| {
                    crate::ndjson_cli::run_to(args.input.as_deref(), lines, &args.stream, 1, out)
                })
                .map_err(invalid)??;
                let log = Arc::try_unwrap(log)
                    .ok()
                    .and_then(|m| m.into_inner().ok())
                    .ok_or_else(|| {
                        Failure::io(&path, &std::io::Error::other("the audit log is unusable"))
                    })?;
                log.finish()?;
                Ok(outcome)
            }
            None => access_check_lines(case, reference, &|_| {}, |lines| {
                crate::ndjson_cli::run(args.input.as_deref(), lines, &args.stream)
            })
            .map_err(invalid)?,
        };
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
    let decision = answer_with(access_check(call), &args.common, &files)?;
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
