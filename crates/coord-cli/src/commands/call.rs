//! `coord call`: any coord-json call, one document or NDJSON.

use crate::cli::CallArgs;
use crate::exit::Outcome;
use crate::io::{log_before_release, print, read_text, AuditLog, AuditedStdout, Failure};
use coord_json::calls::lines::{call_lines, call_lines_audited};
use coord_json::calls::{run_named_audited, CALL_NAMES};
use coord_json::envelope::Problem;
use std::sync::{Arc, Mutex};

/// Run `coord call`.
pub fn run(args: &CallArgs) -> Result<Outcome, Failure> {
    if args.list {
        print(&format!("{}\n", CALL_NAMES.join("\n")));
        return Ok(Outcome::Success);
    }
    let name = args.name.as_deref().unwrap_or_default();
    if !CALL_NAMES.contains(&name) {
        return Err(Failure {
            outcome: Outcome::Usage,
            problems: vec![Problem::new(
                "usage",
                "no call by that name; see `coord call --list`",
                None,
            )],
            file: None,
            files: Vec::new(),
        });
    }
    let path = args.input.clone().unwrap_or_else(|| "-".into());
    if args.ndjson {
        let overrides = match &args.reference {
            Some(file) => Some(crate::io::read_json(file)?),
            None => None,
        };
        let shared = coord_json::shared::Shared::new(overrides)
            .map_err(|p| Failure::invalid(p, args.reference.as_deref()))?;
        let Some(log_path) = args.audit_log.as_deref() else {
            let Some(lines) = call_lines(name, &shared) else {
                return Ok(Outcome::Usage);
            };
            return crate::ndjson_cli::run(Some(&path), lines.as_ref(), &args.stream);
        };
        // Entries in input order (one thread); each batch of answers reaches standard output
        // only after its entries are synced.
        let log = Arc::new(Mutex::new(AuditLog::open(log_path)?));
        let append = |entry: &_| {
            if let Ok(mut l) = log.lock() {
                l.append(entry);
            }
        };
        let Some(lines) = call_lines_audited(name, &shared, &append) else {
            return Ok(Outcome::Usage);
        };
        let out = AuditedStdout::new(Arc::clone(&log));
        let outcome = crate::ndjson_cli::run_to(Some(&path), lines.as_ref(), &args.stream, 1, out)?;
        drop(lines);
        let log = Arc::try_unwrap(log)
            .ok()
            .and_then(|m| m.into_inner().ok())
            .ok_or_else(|| {
                Failure::io(
                    log_path,
                    &std::io::Error::other("the audit log is unusable"),
                )
            })?;
        log.finish()?;
        return Ok(outcome);
    }
    let text = read_text(&path)?;
    let Some(answer) = run_named_audited(name, &text) else {
        return Ok(Outcome::Usage);
    };
    log_before_release(args.audit_log.as_deref(), || answer.audit)?;
    print(&format!(
        "{}\n",
        serde_json::to_string_pretty(&answer.value).unwrap_or_default()
    ));
    Ok(if answer.ok {
        Outcome::Success
    } else {
        Outcome::InvalidInput
    })
}
