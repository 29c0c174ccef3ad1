//! `coord audit verify LOG`: check the audit log's hash chain (one coord-json call).

use super::emit;
use crate::cli::{Format, Lang};
use crate::exit::Outcome;
use crate::io::{read_bytes, Failure};
use clap::{Args, Subcommand};
use coord_json::calls::audit::{audit_verify, AuditVerifyCall};
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
    /// Language of the text output.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
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
    let lang = args.lang.into();
    Ok(emit(
        args.format,
        lang,
        "coord audit verify",
        result,
        broken,
        |r| {
            let check = coord_render::audit::AuditCheck {
                name: &name,
                entries: r.entries,
                broken: r.first_broken_line.map(|line| coord_render::audit::Broken {
                    line,
                    da: r.reason_da.as_deref().unwrap_or(""),
                    en: r.reason.as_deref().unwrap_or(""),
                }),
                head: (&r.head.hash, r.head.seq),
            };
            coord_render::audit::verification(&check, lang)
        },
    ))
}
