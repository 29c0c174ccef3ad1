//! `coord access check`.

use super::{case, emit, reference, value};
use crate::cli::AccessCheckArgs;
use crate::exit::Outcome;
use crate::io::{read_json, AuditLog, Failure};
use coord_core::consent::{AccessIndex, AccessRequest};
use coord_core::pointer::Pointer;
use coord_json::envelope::Answer;
use coord_json::ndjson::TypedLines;
use coord_json::problems::problem;

/// Run `coord access check`.
pub fn check(args: &AccessCheckArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let checked = case(&args.case, &reference)?;
    let index = AccessIndex::new(&checked, &reference);
    let audit = match &args.audit_log {
        Some(path) => Some(AuditLog::open(path)?),
        None => None,
    };
    if args.ndjson {
        let audit = std::sync::Mutex::new((audit, None::<Failure>));
        let lines = TypedLines::new(|request: AccessRequest| match index.decide(&request) {
            Ok(d) => {
                if let Ok(mut guard) = audit.lock() {
                    let (log, error) = &mut *guard;
                    if let (Some(log), None) = (log.as_mut(), &error) {
                        *error = log.append(&d.audit_entry()).err();
                    }
                }
                Answer::success(d)
            }
            Err(e) => Answer::failure(vec![problem(&e, &Pointer::root())]),
        });
        // Audit entries are appended in input order: one thread when there is a log.
        let jobs = if args.audit_log.is_some() {
            1
        } else {
            args.stream.jobs()
        };
        let outcome =
            crate::ndjson_cli::run_with_jobs(args.input.as_deref(), &lines, &args.stream, jobs)?;
        let (log, error) = audit
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(e) = error {
            return Err(e);
        }
        if let Some(log) = log {
            log.finish()?;
        }
        return Ok(outcome);
    }
    let request: AccessRequest = match &args.request {
        Some(path) => read_json(path)?,
        None => from_flags(args, &checked)?,
    };
    let decision = index.decide(&request).map_err(|e| {
        Failure::invalid(vec![problem(&e, &Pointer::root())], args.request.as_deref())
    })?;
    if let Some(mut log) = audit {
        log.append(&decision.audit_entry())?;
        log.finish()?;
    }
    let lang = args.common.lang.into();
    let denied = !decision.all_permitted();
    Ok(emit(args.common.format, decision, denied, |d| {
        crate::render::decision(checked.case(), d, lang)
    }))
}

fn from_flags(
    args: &AccessCheckArgs,
    checked: &coord_core::check::CheckedCase,
) -> Result<AccessRequest, Failure> {
    let missing = || {
        Failure {
        outcome: Outcome::Usage,
        problems: vec![coord_json::envelope::Problem::new(
            "usage",
            "give the request with --request FILE, --ndjson, or --requester/--holder/--category/--action/--purpose/--at",
            None,
        )],
        file: None,
    }
    };
    let (Some(requester), Some(holder), Some(action), Some(purpose), Some(at)) = (
        &args.requester,
        &args.holder,
        &args.action,
        &args.purpose,
        &args.at,
    ) else {
        return Err(missing());
    };
    let case = checked.case();
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
