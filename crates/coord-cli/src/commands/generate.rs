//! `coord generate`: synthetic case files as NDJSON on standard output.

use crate::exit::Outcome;
use crate::io::Failure;
use clap::Args;
use coord_json::calls::generate::{write_ndjson, GenerateCall};

/// `coord generate`.
#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// How many cases (at most 10,000,000).
    #[arg(long)]
    pub cases: u64,
    /// The seed: the same seed and settings give the same cases, on any machine.
    #[arg(long)]
    pub seed: u64,
    /// How many municipalities to spread the cases over (1–999; Denmark has 98).
    #[arg(long, default_value_t = coord_core::generate::DEFAULT_MUNICIPALITIES)]
    pub municipalities: u32,
    /// The index of the first case, to generate one slice of a larger population.
    #[arg(long, default_value_t = 0)]
    pub first: u64,
    /// The day the population is drawn as of (YYYY-MM-DD): courses start up to 400 days before
    /// it. Default today (UTC).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Wrap each case in a call document for `coord call NAME --ndjson` (`id` = the case id):
    /// evaluate, report, plan-check, progress, team, referrals, offers-match.
    #[arg(long, value_name = "NAME")]
    pub call: Option<String>,
}

/// Run `coord generate`.
pub fn run(args: &GenerateArgs) -> Result<Outcome, Failure> {
    let call = GenerateCall {
        cases: args.cases,
        seed: args.seed,
        first: args.first,
        municipalities: Some(args.municipalities),
        as_of: super::as_of(args.as_of.as_deref())?,
        wrap: args.call.clone(),
    };
    match write_ndjson(&call, std::io::stdout().lock()) {
        Ok(Ok(_)) => Ok(Outcome::Success),
        Ok(Err(problems)) => Err(Failure {
            outcome: Outcome::Usage,
            problems,
            file: None,
            files: Vec::new(),
        }),
        Err(e) => Err(Failure::io(std::path::Path::new("-"), &e)),
    }
}
