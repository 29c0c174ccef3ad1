//! `coord fhir export CASE` and `coord fhir import BUNDLE`: one coord-json call each
//! (`fhir-export`, `fhir-import`), one renderer (`coord_render::fhir::summary`) for text.

pub use super::fhir_args::{ExportArgs, FhirFormat, ImportArgs};
use super::{as_of, optional};
use crate::exit::Outcome;
use crate::io::{print, read_json, write_atomically, Failure};
use clap::Subcommand;
use coord_json::calls::fhir::{
    fhir_export, fhir_import, FhirExportCall, FhirImportCall, IdentifierRequest, ReleaseMode,
};
use coord_json::envelope::Answer;
use std::path::PathBuf;

/// `coord fhir …`.
#[derive(Debug, Subcommand)]
pub enum FhirCommand {
    /// Export a case file as a FHIR R4 Bundle (type collection) as of a date: Patient,
    /// Organization, Practitioner(Role), CareTeam, Goal, CarePlan, Consent, ServiceRequest + Task,
    /// Observation, QuestionnaireResponse, and the case file itself as a Binary entry.
    /// Identifiers (CPR, SOR, CVR, GLN, P-number) go only as released: none by default; the
    /// citizen's as consent or a legal basis permits with `--recipient`; all with `--own-copy`.
    /// What FHIR cannot carry, and each identifier withheld, is listed as warnings (on standard
    /// error with the default `--format document`). Exit 0, 2 usage, 3 invalid case file or an
    /// unknown actor or purpose, 4 I/O.
    #[command(after_help = "Examples:
  coord fhir export crates/coord-json/data/demo/report/hillerod.json --as-of 2025-04-10 > bundle.json
  coord fhir export crates/coord-json/data/demo/report/hillerod.json --as-of 2025-04-10 --own-copy --out own-copy.json
  coord fhir export crates/coord-json/data/demo/report/hillerod.json --as-of 2025-04-10 --recipient hospital-hillerod --purpose return-to-work --format text
  coord fhir export crates/coord-json/data/demo/report/hillerod.json --as-of 2025-04-10 --format text
  coord fhir export crates/coord-json/data/demo/report/hillerod.json --as-of 2025-04-10 --lang da --out bundle.json
  coord handover export crates/coord-json/data/demo/report/backpain-depression.json --to 0270 --as-of 2025-08-01 --audit-log audit.ndjson --out handover.json
  coord fhir export crates/coord-json/data/demo/report/backpain-depression.json --as-of 2025-08-01 --audit-log audit.ndjson --format text")]
    Export(ExportArgs),
    /// Read a Bundle made by `coord fhir export` back into a case file (printed as JSON).
    /// Exit 0, 3 not a coord bundle or an invalid case file inside, 4 I/O.
    #[command(after_help = "Examples:
  coord fhir export crates/coord-json/data/demo/report/hillerod.json --as-of 2025-04-10 --out bundle.json
  coord fhir import bundle.json > case.json
  coord fhir import bundle.json --format text --lang da")]
    Import(ImportArgs),
}

/// Run `coord fhir …`.
pub fn run(command: &FhirCommand) -> Result<Outcome, Failure> {
    match command {
        FhirCommand::Export(args) => export(args),
        FhirCommand::Import(args) => import(args),
    }
}

/// The warnings as lines for standard error, in `lang`: place, wording, code. Never a value.
pub(crate) fn warnings_text(
    warnings: &[coord_json::calls::fhir::FhirWarning],
    lang: coord_core::category::Language,
) -> String {
    let word = coord_core::text::pick(lang, "advarsel", "warning");
    warnings
        .iter()
        .map(|w| {
            format!(
                "{word}: {}: {} [{}]\n",
                w.pointer,
                w.message.get(lang),
                w.code
            )
        })
        .collect()
}

/// The entries of a hash-chained audit log; a bad line or a broken chain is an error at its line.
fn finish(text: &str, out: Option<&PathBuf>) -> Result<Outcome, Failure> {
    match out {
        Some(path) => write_atomically(path, text.as_bytes())?,
        None => print(text),
    }
    Ok(Outcome::Success)
}

fn render<T: serde::Serialize>(
    format: FhirFormat,
    answer: &Answer<T>,
    document: impl FnOnce() -> serde_json::Value,
    summary: impl FnOnce() -> coord_render::doc::Doc,
) -> String {
    match format {
        FhirFormat::Document => {
            format!(
                "{}\n",
                serde_json::to_string_pretty(&document()).unwrap_or_default()
            )
        }
        FhirFormat::Json => {
            format!(
                "{}\n",
                serde_json::to_string_pretty(answer).unwrap_or_default()
            )
        }
        FhirFormat::Text => summary().text(super::width()),
        FhirFormat::Markdown => summary().markdown(),
    }
}

fn export(args: &ExportArgs) -> Result<Outcome, Failure> {
    let call = FhirExportCall {
        case: read_json(&args.case)?,
        reference: optional(args.reference.as_deref())?,
        as_of: as_of(args.as_of.as_deref())?,
        audit: match &args.audit_log {
            Some(path) => crate::io::audit_entries(path)?,
            None => Vec::new(),
        },
        release: Some(IdentifierRequest {
            recipient: args.recipient.as_deref().map(Into::into),
            purpose: args.purpose.as_deref().map(Into::into),
            from: args.from.as_deref().map(Into::into),
            own_copy: args.own_copy,
        }),
    };
    let answer = fhir_export(call);
    let files = [
        ("/case", Some(args.case.as_path())),
        ("/reference", args.reference.as_deref()),
        ("/release", None),
    ];
    if let Answer::Failure { errors, .. } = &answer {
        return Err(super::answer(Answer::<()>::failure(errors.clone()), &files)
            .err()
            .unwrap_or_else(|| Failure::invalid(errors.clone(), Some(&args.case))));
    }
    let Some(result) = answer.result() else {
        return Err(Failure::invalid(Vec::new(), Some(&args.case)));
    };
    let lang = args.lang.into();
    let text = render(
        args.format,
        &answer,
        || result.bundle.clone(),
        || summary(result.release_mode, &result.counts, &result.warnings, lang),
    );
    if args.format == FhirFormat::Document {
        eprint!("{}", warnings_text(&result.warnings, lang));
    }
    finish(&text, args.out.as_ref())
}

fn import(args: &ImportArgs) -> Result<Outcome, Failure> {
    let call = FhirImportCall {
        bundle: read_json(&args.bundle)?,
        reference: optional(args.reference.as_deref())?,
    };
    let answer = fhir_import(call);
    let files = [
        ("/bundle", Some(args.bundle.as_path())),
        ("/reference", args.reference.as_deref()),
    ];
    if let Answer::Failure { errors, .. } = &answer {
        return Err(super::answer(Answer::<()>::failure(errors.clone()), &files)
            .err()
            .unwrap_or_else(|| Failure::invalid(errors.clone(), Some(&args.bundle))));
    }
    let Some(result) = answer.result() else {
        return Err(Failure::invalid(Vec::new(), Some(&args.bundle)));
    };
    let lang = args.lang.into();
    let text = render(
        args.format,
        &answer,
        || serde_json::to_value(&result.case).unwrap_or_default(),
        || summary(None, &result.counts, &result.warnings, lang),
    );
    if args.format == FhirFormat::Document {
        eprint!("{}", warnings_text(&result.warnings, lang));
    }
    finish(&text, args.out.as_ref())
}

/// The text summary of an export (`release`: which identifiers it carries) or an import (none):
/// resource counts and what could not be mapped.
fn summary(
    release: Option<ReleaseMode>,
    counts: &std::collections::BTreeMap<String, usize>,
    warnings: &[coord_json::calls::fhir::FhirWarning],
    lang: coord_core::category::Language,
) -> coord_render::Doc {
    let w: Vec<coord_render::fhir::Warning<'_>> = warnings
        .iter()
        .map(|w| coord_render::fhir::Warning {
            pointer: &w.pointer,
            message: w.message.get(lang),
        })
        .collect();
    match release {
        Some(mode) => coord_render::fhir::export_summary(mode.describe(lang), counts, &w, lang),
        None => coord_render::fhir::summary(false, counts, &w, lang),
    }
}
