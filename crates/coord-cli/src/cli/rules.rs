//! The arguments of `coord rules` and `coord evaluate`.

use super::Common;
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// `coord rules …`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate rule packs: schema, unknown facts/roles/offers, type mismatches, conditions that
    /// never hold, duplicate ids, shadowed rules, overlapping packs, contradictory actions.
    #[command(after_help = "Examples:
  coord rules check crates/coord-json/data/packs/dk-2025.json
  coord rules check dk-pre-2025.json dk-2025.json --known-offer laer-at-tackle

Exit codes: 0 no errors (warnings allowed), 1 errors found, 3 a pack does not parse, 4 I/O.")]
    Check(RulesCheckArgs),
    /// Test a rule pack: its example tests, then its invariants on generated cases; a failure is
    /// shrunk to a minimal case that `coord evaluate` can replay.
    #[command(after_help = "Examples:
  coord rules test crates/coord-json/data/packs/dk-2025.json
  coord rules test my-pack.json --seed 42 --cases 2000 --counterexample minimal-case.json

Exit codes: 0 all passed, 1 an example or invariant failed, 3 invalid pack, 4 I/O.")]
    Test(RulesTestArgs),
    /// Compare two rule packs over the same cases on one date: per outcome (level, role,
    /// deadline, referral, warning), how many cases change and how, with a shrunk example each.
    #[command(after_help = "Examples:
  coord rules diff dk-sickness-benefit-2025 dk-sickness-benefit-2026 --generated 10000 --seed 1 --as-of 2026-12-01
  coord rules diff dk-sickness-benefit-2025 dk-sickness-benefit-2026 --generated 1000 --seed 1 --as-of 2026-12-01 --examples examples/
  coord rules diff dk-sickness-benefit-2026 my-pack.json --cases cases.ndjson --as-of 2026-12-01 --format json

A pack is a built-in pack id (dk-sickness-benefit-pre-2025, dk-sickness-benefit-2025,
dk-sickness-benefit-2026) or a pack file. Both packs apply on
the date as if given with coord evaluate --pack (also outside their period). Without --cases,
10,000 cases are generated from --seed (default 1). Each example replays with the two commands
shown (coord evaluate EXAMPLE.json --pack … --as-of …).

Exit codes: 0 compared (changes or not), 3 invalid input (a pack, a case line), 4 I/O.")]
    Diff(RulesDiffArgs),
    /// List the facts rules can test (name, type, meaning) and the vocabularies whose codes rules
    /// and case files use (code, labels, source, valid period).
    #[command(
        after_help = "Examples:\n  coord rules facts\n  coord rules facts --lang da\n  coord rules facts --format json"
    )]
    Facts(FactsArgs),
}

/// `coord rules check`.
#[derive(Debug, Clone, Args)]
pub struct RulesCheckArgs {
    /// The pack files (checked together: overlapping periods are reported).
    #[arg(required = true)]
    pub packs: Vec<PathBuf>,
    /// A further known offer id besides the reference data's offer catalogue (repeat); referrals
    /// to offers in neither are errors.
    #[arg(long, value_name = "ID")]
    pub known_offer: Vec<String>,
    /// A further known indicator id besides the reference data's instruments (repeat);
    /// `indicator_*.<id>` facts for others are errors.
    #[arg(long, value_name = "ID")]
    pub known_indicator: Vec<String>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord rules test`.
#[derive(Debug, Clone, Args)]
pub struct RulesTestArgs {
    /// The pack file.
    pub pack: PathBuf,
    /// The seed (printed when not given; reuse it to get the same cases).
    #[arg(long)]
    pub seed: Option<u64>,
    /// How many cases to generate.
    #[arg(long, default_value_t = 10_000)]
    pub cases: u32,
    /// Write the shrunk counterexample case here (only when an invariant fails).
    #[arg(long, value_name = "FILE")]
    pub counterexample: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord rules diff`.
#[derive(Debug, Clone, Args)]
pub struct RulesDiffArgs {
    /// Pack A (the earlier law): a built-in pack id or a pack file.
    pub pack_a: PathBuf,
    /// Pack B: a built-in pack id or a pack file.
    pub pack_b: PathBuf,
    /// The municipality's own cases, one case file per line (NDJSON).
    #[arg(long, value_name = "FILE.ndjson", conflicts_with = "generated")]
    pub cases: Option<PathBuf>,
    /// How many cases to generate (when --cases is not given).
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub generated: u32,
    /// The seed of the generated cases.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The evaluation date (YYYY-MM-DD); default today (UTC).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Write each generated example case to DIR/change-N.json (N as numbered in the output).
    #[arg(long, value_name = "DIR")]
    pub examples: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord rules facts`.
#[derive(Debug, Clone, Args)]
pub struct FactsArgs {
    /// Reference file (its vocabulary entries are listed with the built-in ones), format, language.
    #[command(flatten)]
    pub common: Common,
}

/// `coord evaluate`.
#[derive(Debug, Clone, Args)]
pub struct EvaluateArgs {
    /// The case file (`-` for standard input); not with --ndjson.
    #[arg(required_unless_present = "ndjson")]
    pub case: Option<PathBuf>,
    /// A rule pack file (or a built-in pack id such as
    /// dk-sickness-benefit-2025) to use instead of the built-in
    /// pack in force.
    #[arg(long, value_name = "FILE")]
    pub pack: Option<PathBuf>,
    /// The evaluation date (YYYY-MM-DD); default today (UTC).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Show a trace per rule: fired, or the first failing condition with the actual value.
    #[arg(long)]
    pub explain: bool,
    /// The jurisdiction whose built-in pack is used.
    #[arg(long, default_value = "DK")]
    pub jurisdiction: String,
    /// Read case files as NDJSON (one per line) from standard input or --input; one answer per line.
    #[arg(long, conflicts_with = "case")]
    pub ndjson: bool,
    /// With --ndjson: read from this file instead of standard input.
    #[arg(long, value_name = "FILE", requires = "ndjson")]
    pub input: Option<PathBuf>,
    /// Options of --ndjson.
    #[command(flatten)]
    pub stream: crate::ndjson_cli::NdjsonOptions,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}
