//! `coord stats partial|merge|report`: summary rows into partial aggregates, partials merged, the
//! published report with disclosure control.

use super::{answer, emit};
use crate::cli::{Common, Format, Lang};
use crate::exit::Outcome;
use crate::io::{read_text, Failure};
use clap::{Args, Subcommand};
use coord_core::stats::{Dimension, DisclosureSettings};
use coord_json::calls::benchmark::{stats_benchmark, StatsBenchmarkCall};
use coord_json::calls::stats::{
    parse_partial_document, partial_of_answer_lines, stats_merge, stats_report_call,
    StatsMergeCall, StatsReportCall,
};
use std::path::{Path, PathBuf};

/// `coord stats …`.
#[derive(Debug, Subcommand)]
pub enum StatsCommand {
    /// Count the answers of `coord summarise --ndjson` into a partial aggregate (JSON).
    #[command(after_help = "Example:
  coord generate --cases 10000 --seed 1 --as-of 2026-12-01 \\
    | coord summarise --ndjson --as-of 2026-12-01 \\
    | coord stats partial --by municipality,target_group > part-1.json

Exit codes: 0 counted, 2 usage, 3 a line is not a summarise answer, 4 I/O.")]
    Partial(PartialArgs),
    /// Merge partial aggregates made by the same dimensions as of the same date (JSON).
    #[command(after_help = "Example:\n  coord stats merge part-*.json > whole.json")]
    Merge(MergeArgs),
    /// The published tables of a (merged) partial, with small-cell protection.
    #[command(after_help = "Examples:
  coord stats report whole.json
  coord stats report whole.json --k 10 --format html --lang da > stats.html

Cells under k citizens show \"<k\"; further cells are hidden so none can be worked out from the
totals (see docs/stats.md). Exit codes: 0 reported, 3 invalid input, 4 I/O.")]
    Report(ReportArgs),
    /// Municipalities ranked on return to work and weeks on benefit, adjusted for case mix.
    #[command(after_help = "Example:
  coord generate --cases 100000 --seed 1 --as-of 2026-12-01 \\
    | coord summarise --ndjson --as-of 2026-12-01 --jobs 2 \\
    | coord stats partial --by municipality,target_group,level,age_band > strata.json
  coord stats benchmark strata.json --format html --lang da > benchmark.html

The partial's first dimension is the municipality, the others the case-mix strata (indirect
standardisation; see docs/stats.md). Exit codes: 0 benchmarked, 3 invalid input, 4 I/O.")]
    Benchmark(ReportArgs),
}

/// `coord stats partial`.
#[derive(Debug, Clone, Args)]
pub struct PartialArgs {
    /// Dimensions: municipality, target_group, level, age_band, gender, period — up to two for a
    /// report; municipality,target_group,level,age_band for a benchmark.
    #[arg(long, value_delimiter = ',', value_name = "DIM,DIM")]
    pub by: Vec<String>,
    /// Read the answers from this file instead of standard input.
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Output format (JSON for the next step of a pipeline).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Language of labels in text output.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
}

/// `coord stats merge`.
#[derive(Debug, Clone, Args)]
pub struct MergeArgs {
    /// Partial aggregates (files written by `coord stats partial` or `merge`).
    #[arg(required = true)]
    pub partials: Vec<PathBuf>,
    /// Output format (JSON for the next step of a pipeline).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Language of labels in text output.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
}

/// `coord stats report` and `coord stats benchmark`.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// The partial aggregate (`-` for standard input).
    pub partial: PathBuf,
    /// The smallest number of citizens a published cell may count.
    #[arg(long, default_value_t = coord_core::stats::report::DEFAULT_K)]
    pub k: u32,
    /// Quartiles are hidden when one value holds more than this share of the observations.
    #[arg(long, default_value_t = coord_core::stats::report::DEFAULT_DOMINANCE)]
    pub dominance: f64,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// Run `coord stats …`.
pub fn run(command: &StatsCommand) -> Result<Outcome, Failure> {
    match command {
        StatsCommand::Partial(a) => partial(a),
        StatsCommand::Merge(a) => merge(a),
        StatsCommand::Report(a) => report(a),
        StatsCommand::Benchmark(a) => benchmark(a),
    }
}

fn partial(args: &PartialArgs) -> Result<Outcome, Failure> {
    let dimensions = args
        .by
        .iter()
        .map(|d| super::value::<Dimension>("by", d))
        .collect::<Result<Vec<_>, _>>()?;
    let path = args.input.as_deref().unwrap_or(Path::new("-"));
    let input = crate::io::ndjson_input(args.input.as_deref())?;
    let read = partial_of_answer_lines(dimensions, input)
        .map_err(|e| Failure::io(path, &e))?
        .map_err(|p| Failure::invalid(p, args.input.as_deref()))?;
    eprintln!(
        "coord: {} lines counted, {} failed answers skipped",
        read.lines - read.skipped,
        read.skipped
    );
    let lang = args.lang.into();
    Ok(emit(args.format, lang, "coord", read.partial, false, |p| {
        coord_render::stats::partial(p, lang)
    }))
}

/// Read a partial aggregate file (or its answer envelope).
pub(crate) fn read_partial(path: &Path) -> Result<coord_core::stats::Partial, Failure> {
    let text = read_text(path)?;
    parse_partial_document(&text).map_err(|p| Failure::invalid(vec![p], Some(path)))
}

fn merge(args: &MergeArgs) -> Result<Outcome, Failure> {
    let partials = args
        .partials
        .iter()
        .map(|p| read_partial(p))
        .collect::<Result<Vec<_>, _>>()?;
    let parts: Vec<String> = (0..args.partials.len())
        .map(|i| format!("/partials/{i}"))
        .collect();
    let files: Vec<(&str, Option<&Path>)> = parts
        .iter()
        .zip(&args.partials)
        .map(|(s, p)| (s.as_str(), Some(p.as_path())))
        .collect();
    let merged = answer(stats_merge(StatsMergeCall { partials }), &files)?;
    let lang = args.lang.into();
    Ok(emit(args.format, lang, "coord", merged, false, |p| {
        coord_render::stats::partial(p, lang)
    }))
}

/// The `--k` and `--dominance` settings of `stats report` and `stats benchmark`.
fn disclosure(args: &ReportArgs) -> DisclosureSettings {
    let (k, dominance) = (args.k, args.dominance);
    DisclosureSettings { k, dominance }
}

/// Where the problems of a report or benchmark call are placed.
fn files(args: &ReportArgs) -> [(&'static str, Option<&std::path::Path>); 2] {
    [
        ("/partial", Some(args.partial.as_path())),
        ("/disclosure", None),
    ]
}

fn report(args: &ReportArgs) -> Result<Outcome, Failure> {
    let partial = read_partial(&args.partial)?;
    let call = StatsReportCall {
        partial,
        disclosure: Some(disclosure(args)),
    };
    let files = files(args);
    let result = answer(stats_report_call(call), &files)?;
    let lang = args.common.lang.into();
    let title = coord_core::text::pick(lang, "Statistik", "Statistics");
    Ok(emit(args.common.format, lang, title, result, false, |r| {
        coord_render::stats::report(r, lang)
    }))
}

fn benchmark(args: &ReportArgs) -> Result<Outcome, Failure> {
    let partial = read_partial(&args.partial)?;
    let call = StatsBenchmarkCall {
        partial,
        disclosure: Some(disclosure(args)),
    };
    let files = files(args);
    let result = answer(stats_benchmark(call), &files)?;
    let lang = args.common.lang.into();
    let title = coord_core::text::pick(lang, "Kommuner sammenlignet", "Municipalities compared");
    Ok(emit(args.common.format, lang, title, result, false, |b| {
        coord_render::benchmark::benchmark(b, lang)
    }))
}
