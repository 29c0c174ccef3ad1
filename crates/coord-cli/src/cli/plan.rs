//! The arguments of `coord plan`, `coord progress` and `coord instruments`.

use super::Common;
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// `coord plan …`.
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Check the plan as of a day: goals without activity or indicator, missed evaluations,
    /// weeks over the citizen's capacity, voluntary health offers made obligatory, goals nobody
    /// is responsible for, duplicate goals.
    #[command(after_help = "Example:
  coord plan check case.json --as-of 2025-08-15

Exit codes: 0 no findings, 1 findings to act on, 3 invalid input, 4 I/O.")]
    Check(PlanCheckArgs),
}

/// `coord plan check`.
#[derive(Debug, Clone, Args)]
pub struct PlanCheckArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The day to check as of (YYYY-MM-DD); today when left out.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord progress`.
#[derive(Debug, Clone, Args)]
pub struct ProgressArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The day to compute progression as of (YYYY-MM-DD); today when left out.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Also write an SVG chart: one panel per indicator with bands and targets, and a star chart
    /// of baseline versus latest.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord instruments …`.
#[derive(Debug, Subcommand)]
pub enum InstrumentsCommand {
    /// List the instrument definitions (built-in, or from --reference).
    #[command(after_help = "Example:\n  coord instruments list")]
    List(InstrumentsArgs),
    /// Show one definition: items, options, bands, reliability, licence.
    #[command(after_help = "Example:\n  coord instruments show phq9 --lang da")]
    Show(InstrumentShowArgs),
    /// Score answers (one per item, in order; `-` for an unanswered item).
    #[command(after_help = "Examples:
  coord instruments score who5 --answers 3,3,3,3,3
  coord instruments score phq9 --answers 1,1,2,1,0,1,1,0,1 --format json

Exit codes: 0 scored, 1 scored with a safety flag raised, 3 invalid answers.")]
    Score(InstrumentScoreArgs),
}

/// `coord instruments list`.
#[derive(Debug, Clone, Args)]
pub struct InstrumentsArgs {
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord instruments show`.
#[derive(Debug, Clone, Args)]
pub struct InstrumentShowArgs {
    /// The instrument id (see `coord instruments list`).
    pub id: String,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord instruments score`.
#[derive(Debug, Clone, Args)]
pub struct InstrumentScoreArgs {
    /// The instrument id.
    pub id: String,
    /// The answers, comma-separated in item order (`-` or nothing for an unanswered item).
    #[arg(long, value_name = "LIST", allow_hyphen_values = true)]
    pub answers: String,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}
