//! `coord access check`.

use super::{case, emit, reference, value};
use crate::cli::AccessCheckArgs;
use crate::exit::Outcome;
use crate::io::{read_json, AuditLog, AuditedStdout, Failure};
use coord_core::consent::{AccessIndex, AccessRequest};
use coord_core::pointer::Pointer;
use coord_json::envelope::Answer;
use coord_json::parse::parse;
use coord_json::problems::problem;
use std::cell::RefCell;
use std::rc::Rc;

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
        let input = crate::io::ndjson_input(args.input.as_deref())?;
        let answer =
            |line: &str, log: Option<&RefCell<AuditLog>>| match parse::<AccessRequest>(line) {
                Ok(request) => match index.decide(&request) {
                    Ok(d) => {
                        if let Some(log) = log {
                            log.borrow_mut().append(&d.audit_entry());
                        }
                        Answer::success(d)
                    }
                    Err(e) => Answer::failure(vec![problem(&e, &Pointer::root())]),
                },
                Err(p) => Answer::failure(vec![p]),
            };
        let summary = match audit {
            // Each batch of answers reaches standard output only after its entries are synced.
            Some(log) => {
                let path = args.audit_log.clone().unwrap_or_default();
                let log = Rc::new(RefCell::new(log));
                let out = AuditedStdout::new(Rc::clone(&log));
                coord_json::ndjson::stream(input, out, |line| answer(line, Some(&log)))
                    .map_err(|e| Failure::io(&path, &e))?
            }
            None => coord_json::ndjson::stream(input, std::io::stdout(), |line| answer(line, None))
                .map_err(|e| Failure::io(std::path::Path::new("-"), &e))?,
        };
        return Ok(if summary.failures > 0 {
            Outcome::InvalidInput
        } else {
            Outcome::Success
        });
    }
    let request: AccessRequest = match &args.request {
        Some(path) => read_json(path)?,
        None => from_flags(args, &checked)?,
    };
    let decision = index.decide(&request).map_err(|e| {
        Failure::invalid(vec![problem(&e, &Pointer::root())], args.request.as_deref())
    })?;
    // The entry is on disk before the decision is printed; if it cannot be written, the decision
    // is not released (exit 4).
    if let Some(mut log) = audit {
        log.append(&decision.audit_entry());
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
        files: Vec::new(),
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
