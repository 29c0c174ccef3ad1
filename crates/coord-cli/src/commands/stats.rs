//! `coord summarise` (one summary row per course) and `coord stats partial|merge|report`: rows
//! into partial aggregates, partials merged, the published report with disclosure control.

use super::{answer, emit, optional, overrides};
use crate::cli::{Common, Format, Lang};
use crate::exit::Outcome;
use crate::io::{read_json, read_text, Failure};
use clap::{Args, Subcommand};
use coord_core::case_file::CaseFile;
use coord_core::stats::{Dimension, DisclosureSettings};
use coord_json::calls::stats::{
    parse_partial_document, partial_of_answer_lines, stats_merge, stats_report_call,
    summarise_call, summarise_lines, StatsMergeCall, StatsReportCall, SummariseCall,
};
use std::path::{Path, PathBuf};

/// `coord summarise`.
#[derive(Debug, Clone, Args)]
pub struct SummariseArgs {
    /// Case files; not with --ndjson.
    #[arg(required_unless_present = "ndjson")]
    pub cases: Vec<PathBuf>,
    /// A rule pack file to use instead of the built-in pack in force.
    #[arg(long, value_name = "FILE")]
    pub pack: Option<PathBuf>,
    /// The date the rows are made as of (YYYY-MM-DD); default today (UTC).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// The jurisdiction whose built-in pack is used.
    #[arg(long, default_value = "DK")]
    pub jurisdiction: String,
    /// Read case files as NDJSON (one per line) from standard input or --input; one answer per line.
    #[arg(long, conflicts_with = "cases")]
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
}

/// `coord stats partial`.
#[derive(Debug, Clone, Args)]
pub struct PartialArgs {
    /// Up to two dimensions: municipality, target_group, level, age_band, gender, period.
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

/// `coord stats report`.
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

/// Run `coord summarise`.
pub fn summarise(args: &SummariseArgs) -> Result<Outcome, Failure> {
    let as_of = super::as_of(args.as_of.as_deref())?;
    let pack = optional(args.pack.as_deref())?;
    let reference = overrides(&args.common)?;
    if args.ndjson {
        return summarise_lines(reference, pack, &args.jurisdiction, as_of, |lines| {
            crate::ndjson_cli::run(args.input.as_deref(), lines, &args.stream)
        })
        .map_err(|p| Failure::invalid(p, args.pack.as_deref()))?;
    }
    let cases = args
        .cases
        .iter()
        .map(|p| read_json::<CaseFile>(p))
        .collect::<Result<Vec<_>, _>>()?;
    let call = SummariseCall {
        cases,
        reference,
        pack,
        jurisdiction: Some(args.jurisdiction.clone()),
        as_of,
    };
    let parts: Vec<(String, Option<&Path>)> = args
        .cases
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("/cases/{i}"), Some(p.as_path())))
        .chain([("/pack".to_owned(), args.pack.as_deref())])
        .collect();
    let files: Vec<(&str, Option<&Path>)> = parts.iter().map(|(s, p)| (s.as_str(), *p)).collect();
    let result = answer(summarise_call(call), &files)?;
    let lang = args.common.lang.into();
    let title = coord_core::text::pick(lang, "Forløb", "Courses");
    Ok(emit(args.common.format, lang, title, result, false, |r| {
        coord_render::stats::summaries(&r.rows, lang)
    }))
}

/// Run `coord stats …`.
pub fn run(command: &StatsCommand) -> Result<Outcome, Failure> {
    match command {
        StatsCommand::Partial(a) => partial(a),
        StatsCommand::Merge(a) => merge(a),
        StatsCommand::Report(a) => report(a),
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

fn read_partial(path: &Path) -> Result<coord_core::stats::Partial, Failure> {
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

fn report(args: &ReportArgs) -> Result<Outcome, Failure> {
    let partial = read_partial(&args.partial)?;
    let call = StatsReportCall {
        partial,
        disclosure: Some(DisclosureSettings {
            k: args.k,
            dominance: args.dominance,
        }),
    };
    let files = [
        ("/partial", Some(args.partial.as_path())),
        ("/disclosure", None),
    ];
    let result = answer(stats_report_call(call), &files)?;
    let lang = args.common.lang.into();
    let title = coord_core::text::pick(lang, "Statistik", "Statistics");
    Ok(emit(args.common.format, lang, title, result, false, |r| {
        coord_render::stats::report(r, lang)
    }))
}
