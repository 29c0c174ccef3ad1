//! `coord audit verify LOG`: check the audit log's hash chain (one coord-json call).

use super::emit;
use crate::cli::Format;
use crate::exit::Outcome;
use crate::io::{read_bytes, Failure};
use clap::{Args, Subcommand};
use coord_json::calls::audit::{audit_verify, AuditVerification, AuditVerifyCall};
use coord_json::envelope::Answer;
use std::path::PathBuf;

/// `coord audit …`.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Verify an audit log written with --audit-log: every line in place, none edited, removed,
    /// inserted or moved. Exit 0 intact, 1 broken (the first broken line is named), 3 not a log
    /// (invalid UTF-8), 4 unreadable.
    Verify(AuditVerifyArgs),
}

/// `coord audit verify`.
#[derive(Debug, Clone, Args)]
pub struct AuditVerifyArgs {
    /// The audit log (`-` for standard input).
    pub log: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Run `coord audit …`.
pub fn run(command: &AuditCommand) -> Result<Outcome, Failure> {
    match command {
        AuditCommand::Verify(args) => verify(args),
    }
}

fn verify(args: &AuditVerifyArgs) -> Result<Outcome, Failure> {
    let bytes = read_bytes(&args.log)?;
    let log = String::from_utf8(bytes).map_err(|_| {
        Failure::invalid(vec![coord_json::calls::audit::not_text()], Some(&args.log))
    })?;
    let answer = audit_verify(AuditVerifyCall { log });
    let Answer::Success { result, .. } = answer else {
        return Err(Failure::invalid(answer.errors().to_vec(), Some(&args.log)));
    };
    let broken = !result.intact;
    let name = args.log.display().to_string();
    Ok(emit(args.format, result, broken, |r| text(r, &name)))
}

fn text(r: &AuditVerification, name: &str) -> String {
    match (r.first_broken_line, &r.reason) {
        (Some(line), Some(reason)) => format!(
            "{name}:{line}: the chain is broken: {reason}\n{} line(s) before it are intact (head {} at line {}).\n",
            line - 1,
            r.head.hash,
            r.head.seq
        ),
        _ => format!(
            "{name}: intact, {} entr{} (head {} at line {}).\n",
            r.entries,
            if r.entries == 1 { "y" } else { "ies" },
            r.head.hash,
            r.head.seq
        ),
    }
}
