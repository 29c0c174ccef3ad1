//! `coord summarise`: one summary row per course as of a date, for statistics (no names, no
//! identifiers).

use super::{answer, emit, overrides};
use crate::cli::Common;
use crate::exit::Outcome;
use crate::io::{read_json, Failure};
use clap::Args;
use coord_core::case_file::CaseFile;
use coord_json::calls::stats::{summarise_call, summarise_lines, SummariseCall};
use std::path::{Path, PathBuf};

/// `coord summarise`.
#[derive(Debug, Clone, Args)]
pub struct SummariseArgs {
    /// Case files; not with --ndjson.
    #[arg(required_unless_present = "ndjson")]
    pub cases: Vec<PathBuf>,
    /// A rule pack file (or the id of a built-in pack) to use instead of the pack in force.
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

/// Run `coord summarise`.
pub fn run(args: &SummariseArgs) -> Result<Outcome, Failure> {
    let as_of = super::as_of(args.as_of.as_deref())?;
    let (pack, pack_file) = super::optional_pack(args.pack.as_deref())?;
    let reference = overrides(&args.common)?;
    if args.ndjson {
        return summarise_lines(reference, pack, &args.jurisdiction, as_of, |lines| {
            crate::ndjson_cli::run(args.input.as_deref(), lines, &args.stream)
        })
        .map_err(|p| Failure::invalid(p, pack_file))?;
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
        .chain([("/pack".to_owned(), pack_file)])
        .collect();
    let files: Vec<(&str, Option<&Path>)> = parts.iter().map(|(s, p)| (s.as_str(), *p)).collect();
    let result = answer(summarise_call(call), &files)?;
    let lang = args.common.lang.into();
    let title = coord_core::text::pick(lang, "Forløb", "Courses");
    Ok(emit(args.common.format, lang, title, result, false, |r| {
        coord_render::stats::summaries(&r.rows, lang)
    }))
}
