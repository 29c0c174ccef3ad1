//! The arguments of `coord team`, `coord referral`, `coord offers`, `coord attendance` and `coord calendar`.

use super::{AsOfArgs, Common};
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// `coord team`.
#[derive(Debug, Clone, Args)]
pub struct TeamArgs {
    /// The case file and date.
    #[command(flatten)]
    pub base: AsOfArgs,
    /// A role the rules require (repeat for several), e.g. `health_coordinator`.
    #[arg(long = "require", value_name = "ROLE")]
    pub require: Vec<String>,
}

/// `coord referral …`.
#[derive(Debug, Subcommand)]
pub enum ReferralCommand {
    /// Make one transition; prints the new state and the notifications. Writes nothing unless
    /// `--out FILE` (the whole case file, atomically).
    #[command(after_help = "Examples:
  coord referral transition case.json --referral r-lat --to accepted_by_citizen \\
      --by mona --at 2025-06-03T10:00:00+02:00 --out case.json
  coord referral transition case.json --referral r-stress --to completed --by helle \\
      --at 2025-06-18T12:00:00+02:00 --outcome successful

States: draft, proposed_to_citizen, accepted_by_citizen, declined_by_citizen, sent, received,
accepted, rejected, in_progress, completed, cancelled, expired.
Outcomes (for completed): successful, citizen_declined, no_capacity, could_not_contact, no_longer_needed.

Exit codes: 0 done, 1 not sent: a permit is missing, 3 invalid input or illegal transition (nothing written).")]
    Transition(TransitionArgs),
}

/// `coord referral transition`.
#[derive(Debug, Clone, Args)]
pub struct TransitionArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The referral's id.
    #[arg(long)]
    pub referral: String,
    /// The new state.
    #[arg(long)]
    pub to: String,
    /// Who makes the transition (an actor id).
    #[arg(long)]
    pub by: String,
    /// When, RFC 3339 with offset.
    #[arg(long)]
    pub at: String,
    /// Why (required for rejected and cancelled).
    #[arg(long)]
    pub reason: Option<String>,
    /// The outcome (required for completed).
    #[arg(long)]
    pub outcome: Option<String>,
    /// Write the case file with the transition recorded here (atomically; nothing on error).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Append the audit entry of the send permit (for `sent`) (as `coord access check --audit-log`) to this
    /// file before the answer is printed; if it cannot be written, nothing is released (exit 4).
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord offers …`.
#[derive(Debug, Subcommand)]
pub enum OffersCommand {
    /// List the offer catalogue (built-in unless `--reference` replaces it).
    #[command(after_help = "Example:\n  coord offers list\n  coord offers list --format json")]
    List(OffersListArgs),
    /// The offers that fit the citizen, best first, and why the others do not.
    #[command(after_help = "Example:\n  coord offers match case.json --as-of 2025-06-02")]
    Match(AsOfArgs),
}

/// `coord offers list`.
#[derive(Debug, Clone, Args)]
pub struct OffersListArgs {
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord attendance`.
#[derive(Debug, Clone, Args)]
pub struct AttendanceArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The offer attended.
    #[arg(long)]
    pub offer: String,
    /// Who holds the attendance record (an actor id).
    #[arg(long)]
    pub holder: String,
    /// Who would receive it (an actor id).
    #[arg(long)]
    pub recipient: String,
    /// The purpose id.
    #[arg(long)]
    pub purpose: String,
    /// When, RFC 3339 with offset.
    #[arg(long)]
    pub at: String,
    /// Append the audit entry of the decision to report or withhold attendance (as `coord access check --audit-log`) to this
    /// file before the answer is printed; if it cannot be written, nothing is released (exit 4).
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord calendar …`.
#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// The date N working days after DATE, and the holidays skipped.
    #[command(
        name = "add-working-days",
        after_help = "Example:\n  coord calendar add-working-days 2025-04-14 10   # 2025-05-01"
    )]
    AddWorkingDays(AddWorkingDaysArgs),
}

/// `coord calendar add-working-days`.
#[derive(Debug, Clone, Args)]
pub struct AddWorkingDaysArgs {
    /// The start date (not counted).
    pub date: String,
    /// How many working days.
    pub n: u32,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}
