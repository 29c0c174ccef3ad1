//! `coord handover export CASE --to MUNICIPALITY` and `coord handover import BUNDLE`: one
//! coord-json call each (`handover-export`, `handover-import`), one renderer each
//! (`coord_render::handover`) for text.

pub use super::handover_args::{HandoverExportArgs, HandoverFormat, HandoverImportArgs};
use super::value;
use crate::exit::Outcome;
use crate::io::{print, read_json, write_atomically, AuditLog, Failure};
use clap::Subcommand;
use coord_core::consent::Audited;
use coord_core::handover::{HandoverRequest, Municipality};
use coord_json::calls::handover::{
    handover_export, handover_import, HandoverExportCall, HandoverImportCall,
};
use coord_json::envelope::Answer;
use std::path::Path;

/// `coord handover …`.
#[derive(Debug, Subcommand)]
pub enum HandoverCommand {
    /// The citizen moves: a FHIR R4 Bundle for the new municipality holding only what the
    /// citizen's consents or a legal basis permit to go there; every withheld part is listed with
    /// its reason (warnings on standard error), with the consent to ask for. Exit 0, 3 invalid
    /// case file or flags, 4 I/O (nothing written when the audit log cannot be).
    #[command(after_help = "Examples:
  coord handover export crates/coord-json/data/demo/report/backpain-depression.json --to 0270 --to-name \"Gribskov Kommune\" --as-of 2025-08-01 --out handover.json
  coord handover export crates/coord-json/data/demo/report/backpain-depression.json --to 0270 --to-name \"Gribskov Kommune\" --as-of 2025-08-01 --format text --lang da
  coord handover export handover-case.json --to 0270 --receiving-unit jobcenter-gribskov --as-of 2025-08-01 --audit-log audit.ndjson --format text")]
    Export(HandoverExportArgs),
    /// Start the course in the new municipality from a handover Bundle: history kept, the old
    /// team's members ended, a new case id (no old consent covers it); prints the new case file,
    /// or with `--format text` what came, what was withheld and which consents to ask for again.
    /// Exit 0, 3 not a handover bundle or an invalid case file inside, 4 I/O.
    #[command(after_help = "Examples:
  coord handover export handover-case.json --to 0270 --receiving-unit jobcenter-gribskov --as-of 2025-08-01 --out handover.json
  coord handover import handover.json --as-of 2025-08-04 --format text --lang da
  coord handover import handover.json > new-case.json")]
    Import(HandoverImportArgs),
}

/// Run `coord handover …`.
pub fn run(command: &HandoverCommand) -> Result<Outcome, Failure> {
    match command {
        HandoverCommand::Export(args) => export(args),
        HandoverCommand::Import(args) => import(args),
    }
}

fn failed<T>(answer: &Answer<T>, files: &[(&str, Option<&Path>)]) -> Option<Failure> {
    match answer {
        Answer::Failure { errors, .. } => Some(
            super::answer(Answer::<()>::failure(errors.clone()), files)
                .err()
                .unwrap_or_else(|| Failure::placed(errors.clone(), files)),
        ),
        Answer::Success { .. } => None,
    }
}

fn finish(text: &str, out: Option<&std::path::PathBuf>) -> Result<Outcome, Failure> {
    match out {
        Some(path) => write_atomically(path, text.as_bytes())?,
        None => print(text),
    }
    Ok(Outcome::Success)
}

fn pretty(v: &impl serde::Serialize) -> String {
    format!("{}\n", serde_json::to_string_pretty(v).unwrap_or_default())
}

fn export(args: &HandoverExportArgs) -> Result<Outcome, Failure> {
    let audit = args.audit_log.as_deref().map(AuditLog::open).transpose()?;
    let handover = HandoverRequest {
        to: Municipality {
            code: value("to", &args.to)?,
            name: args.to_name.clone(),
        },
        moved_on: super::as_of(args.as_of.as_deref())?,
        from: args.from.as_deref().map(Into::into),
        receiving_unit: args.receiving_unit.as_deref().map(Into::into),
        purpose: args.purpose.as_deref().map(Into::into),
    };
    let call = HandoverExportCall {
        case: read_json(&args.case)?,
        reference: super::optional(args.reference.as_deref())?,
        handover,
    };
    let answer = handover_export(call);
    let files = [
        ("/case", Some(args.case.as_path())),
        ("/reference", args.reference.as_deref()),
        ("/handover", None),
    ];
    if let Some(f) = failed(&answer, &files) {
        return Err(f);
    }
    let Some(result) = answer.result() else {
        return Err(Failure::invalid(Vec::new(), Some(&args.case)));
    };
    // The release decision is on disk before the bundle leaves coord (exit 4 otherwise).
    if let Some(mut log) = audit {
        for entry in result.audit_entries() {
            log.append(&entry);
        }
        log.finish()?;
    }
    let lang = args.lang.into();
    let doc = || coord_render::handover::export(&result.release, lang);
    let text = match args.format {
        HandoverFormat::Document => {
            eprint!("{}", super::fhir::warnings_text(&result.warnings, lang));
            pretty(&result.bundle)
        }
        HandoverFormat::Json => pretty(&answer),
        HandoverFormat::Text => doc().text(super::width()),
        HandoverFormat::Markdown => doc().markdown(),
    };
    finish(&text, args.out.as_ref())
}

fn import(args: &HandoverImportArgs) -> Result<Outcome, Failure> {
    let call = HandoverImportCall {
        bundle: read_json(&args.bundle)?,
        reference: super::optional(args.reference.as_deref())?,
        case_id: args.case_id.as_deref().map(Into::into),
        as_of: args
            .as_of
            .as_deref()
            .map(|d| value("as-of", d))
            .transpose()?,
    };
    let answer = handover_import(call);
    let files = [
        ("/bundle", Some(args.bundle.as_path())),
        ("/reference", args.reference.as_deref()),
    ];
    if let Some(f) = failed(&answer, &files) {
        return Err(f);
    }
    let Some(result) = answer.result() else {
        return Err(Failure::invalid(Vec::new(), Some(&args.bundle)));
    };
    let lang = args.lang.into();
    let doc = || coord_render::handover::import(result, lang);
    let text = match args.format {
        HandoverFormat::Document => pretty(&result.case),
        HandoverFormat::Json => pretty(&answer),
        HandoverFormat::Text => doc().text(super::width()),
        HandoverFormat::Markdown => doc().markdown(),
    };
    finish(&text, args.out.as_ref())
}
