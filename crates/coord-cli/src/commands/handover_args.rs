//! The flags of `coord handover export` and `coord handover import`.

pub use super::fhir_args::FhirFormat as HandoverFormat;
use crate::cli::Lang;
use clap::Args;
use std::path::PathBuf;

/// `coord handover export`.
#[derive(Debug, Clone, Args)]
pub struct HandoverExportArgs {
    /// The case file in the sending municipality.
    pub case: PathBuf,
    /// The municipality the citizen moves to (its code, e.g. 0270).
    #[arg(long, value_name = "MUNICIPALITY")]
    pub to: String,
    /// The receiving municipality's name for people ("Gribskov Kommune").
    #[arg(long, value_name = "NAME")]
    pub to_name: Option<String>,
    /// The day of the move (default: today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// The sending unit (an actor id; default: the coordinating caseworker on the day).
    #[arg(long, value_name = "ACTOR")]
    pub from: Option<String>,
    /// The receiving unit, when it is an actor in the case file (a consent may name it).
    #[arg(long, value_name = "ACTOR")]
    pub receiving_unit: Option<String>,
    /// The purpose decided for (default: municipality-handover).
    #[arg(long, value_name = "PURPOSE")]
    pub purpose: Option<String>,
    /// Reference data replacing built-in parts (a municipality's own legal basis goes here).
    #[arg(long, value_name = "FILE")]
    pub reference: Option<PathBuf>,
    /// What to print: the Bundle (warnings on stderr), the answer envelope, or a summary.
    #[arg(long, value_enum, default_value_t = HandoverFormat::Document)]
    pub format: HandoverFormat,
    /// Write to this file instead of standard output (whole or not at all).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Append the release decision to this audit log (NDJSON, hash-chained) before anything is
    /// written; nothing is released if it cannot be.
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Language of the summary and of the warnings.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
}

/// `coord handover import`.
#[derive(Debug, Clone, Args)]
pub struct HandoverImportArgs {
    /// The Bundle made by `coord handover export`.
    pub bundle: PathBuf,
    /// The day the course starts in the new municipality (default: the move date).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// The new case id (default: the old id and the municipality code).
    #[arg(long, value_name = "ID")]
    pub case_id: Option<String>,
    /// Reference data replacing built-in parts.
    #[arg(long, value_name = "FILE")]
    pub reference: Option<PathBuf>,
    /// What to print: the new case file, the answer envelope, or a summary.
    #[arg(long, value_enum, default_value_t = HandoverFormat::Document)]
    pub format: HandoverFormat,
    /// Write to this file instead of standard output (whole or not at all).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Language of the summary.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
}
