//! The flags of `coord fhir export` and `coord fhir import`.

use crate::cli::Lang;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FhirFormat {
    /// The document itself: the Bundle (export) or the case file (import); warnings on stderr.
    Document,
    /// The answer envelope (the document, resource counts and warnings).
    Json,
    /// A summary for people: resources by type and the warnings.
    Text,
    /// The summary as Markdown.
    Markdown,
}

/// `coord fhir export`.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// The case file.
    pub case: PathBuf,
    /// The date the statuses are as of (default: today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Reference data replacing built-in parts.
    #[arg(long, value_name = "FILE")]
    pub reference: Option<PathBuf>,
    /// The audit log (`--audit-log` of the other commands: NDJSON, hash-chained): each entry of
    /// this case and citizen up to the export date becomes an AuditEvent. A broken chain is refused.
    #[arg(long, value_name = "LOG")]
    pub audit_log: Option<PathBuf>,
    /// The actor the export is for (an actor id of the case file): the citizen's identifiers go
    /// only when the consent engine releases the citizen's identity (contact details) to it, at
    /// noon UTC on the date. Without `--recipient` or `--own-copy` no identifier goes.
    #[arg(long, value_name = "ACTOR", conflicts_with = "own_copy")]
    pub recipient: Option<String>,
    /// The purpose decided for (a declared purpose; default: return-to-work).
    #[arg(long, value_name = "PURPOSE", requires = "recipient")]
    pub purpose: Option<String>,
    /// The disclosing unit (an actor id; default: the coordinating caseworker on the date).
    #[arg(long, value_name = "ACTOR", requires = "recipient")]
    pub from: Option<String>,
    /// The municipality's own full copy: every identifier (the bundle is tagged own-copy).
    #[arg(long)]
    pub own_copy: bool,
    /// What to print.
    #[arg(long, value_enum, default_value_t = FhirFormat::Document)]
    pub format: FhirFormat,
    /// Write to this file instead of standard output (whole or not at all).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Language of the summary and of the warnings.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
}

/// `coord fhir import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The Bundle.
    pub bundle: PathBuf,
    /// Reference data replacing built-in parts.
    #[arg(long, value_name = "FILE")]
    pub reference: Option<PathBuf>,
    /// What to print.
    #[arg(long, value_enum, default_value_t = FhirFormat::Document)]
    pub format: FhirFormat,
    /// Write to this file instead of standard output (whole or not at all).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Language of the summary and of the warnings.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
}
