//! The arguments of `coord access` and `coord consent`.

use super::Common;
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// `coord access …`.
#[derive(Debug, Subcommand)]
pub enum AccessCommand {
    /// Decide an access request, per information category.
    #[command(after_help = "Examples:
  coord access check case.json --request request.json
  coord access check case.json --requester mette --holder rehab-hillerod \\
      --category treatment_progress --category health_status --action view \\
      --purpose return-to-work --at 2025-04-01T09:00:00+02:00
  coord access check case.json --ndjson < requests.ndjson > decisions.ndjson

Exit codes: 0 all permitted, 1 some category denied, 2 usage, 3 invalid input, 4 I/O.")]
    Check(AccessCheckArgs),
}

/// `coord access check`.
#[derive(Debug, Clone, Args)]
pub struct AccessCheckArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The request as a JSON file (instead of the flags below).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["requester", "ndjson"])]
    pub request: Option<PathBuf>,
    /// Read requests as NDJSON from standard input (or --input) and write one answer per line.
    #[arg(long)]
    pub ndjson: bool,
    /// With --ndjson: read from this file instead of standard input.
    #[arg(long, value_name = "FILE", requires = "ndjson")]
    pub input: Option<PathBuf>,
    /// Who asks (an actor id in the case file).
    #[arg(long, requires_all = ["holder", "category", "action", "purpose", "at"])]
    pub requester: Option<String>,
    /// Who holds the information (an actor id).
    #[arg(long)]
    pub holder: Option<String>,
    /// An information category (repeat for several), e.g. `treatment_progress`.
    #[arg(long)]
    pub category: Vec<String>,
    /// `view`, `disclose` or `report_attendance`.
    #[arg(long)]
    pub action: Option<String>,
    /// The purpose id.
    #[arg(long)]
    pub purpose: Option<String>,
    /// The moment, RFC 3339 with offset (e.g. `2025-04-01T09:00:00+02:00`).
    #[arg(long)]
    pub at: Option<String>,
    /// Append one audit entry per decision (NDJSON: who, about whom, what, when, decision, basis)
    /// to this file, for the host to keep.
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Options of --ndjson (with --audit-log, lines are answered on one thread, in order).
    #[command(flatten)]
    pub stream: crate::ndjson_cli::NdjsonOptions,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord consent …`.
#[derive(Debug, Subcommand)]
pub enum ConsentCommand {
    /// Validate every consent of a case file (retssikkerhedsloven §11a, the consent policy) and the
    /// references around them.
    #[command(
        after_help = "Example:\n  coord consent validate case.json\n\nExit codes: 0 valid, 1 problems found, 3 invalid input, 4 I/O."
    )]
    Validate(CaseArgs),
    /// Say which consent an intended flow lacks, as the consent to ask the citizen for.
    #[command(after_help = "Example:
  coord consent gaps case.json --holder rehab-hillerod --recipient mette \\
      --category treatment_progress --category attendance --action disclose \\
      --purpose return-to-work --at 2025-04-01T09:00:00+02:00

Exit codes: 0 nothing missing, 1 a consent is missing or a flow is forbidden, 3 invalid input.")]
    Gaps(GapsArgs),
    /// Release only the permitted sections of a record (minimisation).
    #[command(
        after_help = "Example:\n  coord consent minimise case.json --release release.json\n\nExit codes: 0 all released, 1 something withheld, 3 invalid input."
    )]
    Minimise(MinimiseArgs),
}

/// A command that takes just a case file.
#[derive(Debug, Clone, Args)]
pub struct CaseArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord consent gaps`.
#[derive(Debug, Clone, Args)]
pub struct GapsArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// Who holds the information (an actor id).
    #[arg(long)]
    pub holder: String,
    /// Who should receive it (an actor id).
    #[arg(long)]
    pub recipient: String,
    /// An information category (repeat for several).
    #[arg(long, required = true)]
    pub category: Vec<String>,
    /// `view`, `disclose` or `report_attendance`.
    #[arg(long)]
    pub action: String,
    /// The purpose id.
    #[arg(long)]
    pub purpose: String,
    /// The moment, RFC 3339 with offset.
    #[arg(long)]
    pub at: String,
    /// Append the audit entry of the decision per category (as `coord access check --audit-log`) to this
    /// file before the answer is printed; if it cannot be written, nothing is released (exit 4).
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord consent minimise`.
#[derive(Debug, Clone, Args)]
pub struct MinimiseArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The release request with its record, as JSON.
    #[arg(long, value_name = "FILE")]
    pub release: PathBuf,
    /// Append the release decision's audit entry (as `coord access check --audit-log`) to this
    /// file before the minimised record is printed; if it cannot be written, nothing is released.
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}
