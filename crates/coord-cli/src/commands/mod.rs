//! One module per command group. Every command takes the same road:
//!
//! ```text
//! arguments ─> read files ─> one coord-json call ─> its answer ─> one coord-render renderer ─> output
//! ```
//!
//! A command module builds the call from its arguments, makes the call, and hands the answer to a
//! renderer; it computes nothing and never calls a coord-core engine (the test
//! `crates/coord-cli/tests/one_road.rs` checks the imports). The helpers here are that road's
//! shared parts: reading the reference overrides, turning a failed answer into a [`Failure`]
//! placed in the right file, and printing an answer in the format asked for.

pub mod access;
pub mod audit;
pub mod business;
pub mod calendar;
pub mod call;
pub mod citizen;
pub mod consent;
pub mod demo;
pub mod diff;
pub mod evaluate;
pub mod fhir;
pub mod fhir_args;
pub mod generate;
pub mod handover;
pub mod handover_args;
pub mod instruments;
mod pack_arg;
pub mod plan;
pub mod progress;
pub mod report;
pub mod rules;
pub mod schema;
pub mod stats;
pub mod summarise;
pub mod team;

pub use pack_arg::{optional_pack, pack_arg};

use crate::cli::{Common, Format};
use crate::exit::Outcome;
use crate::io::{read_json, Failure};
use coord_core::category::Language;
use coord_json::envelope::{Answer, Problem};
use coord_json::reference::ReferenceOverrides;
use coord_render::Doc;
use serde::Serialize;
use std::path::Path;

/// The `--reference FILE` overrides, if given.
pub fn overrides(common: &Common) -> Result<Option<ReferenceOverrides>, Failure> {
    optional(common.reference.as_deref())
}

/// Read an optional JSON file.
pub fn optional<T: serde::de::DeserializeOwned>(path: Option<&Path>) -> Result<Option<T>, Failure> {
    path.map(read_json).transpose()
}

/// [`answer`], problems under `/reference` also placed in the `--reference` file of `common`.
pub fn answer_with<'a, R>(
    a: Answer<R>,
    common: &'a Common,
    files: &[(&'a str, Option<&'a Path>)],
) -> Result<R, Failure> {
    let mut all = files.to_vec();
    all.push(("/reference", common.reference.as_deref()));
    answer(a, &all)
}

/// The result of an answer, or a failure whose problems are placed where they came from: a
/// problem under `/case` is in the case file (its pointer relative to that file), and so on for
/// each `(part of the call, file)` in `files`; a part given by flags (no file) names the flag
/// (`/transition/to` → `--to`). Only pointers are moved; messages are the core's.
pub fn answer<R>(a: Answer<R>, files: &[(&str, Option<&Path>)]) -> Result<R, Failure> {
    match a {
        Answer::Success { result, .. } => Ok(result),
        Answer::Failure { mut errors, .. } => {
            // Parts given by flags (no file): the pointer names the flag.
            for p in &mut errors {
                for (part, path) in files {
                    let Some(ptr) = p.pointer.as_deref() else {
                        break;
                    };
                    let inside = ptr == *part || ptr.starts_with(&format!("{part}/"));
                    if part.is_empty() || !inside {
                        continue;
                    }
                    if path.is_none() {
                        let rest = &ptr[part.len()..];
                        let field = rest.trim_start_matches('/');
                        let flag = field.split('/').next().unwrap_or(field);
                        // A place inside a list given by one flag keeps its pointer.
                        if flag.parse::<usize>().is_err() {
                            p.pointer = Some(if flag.is_empty() {
                                format!("--{}", part.trim_start_matches('/'))
                            } else {
                                format!("--{}", flag.replace('_', "-"))
                            });
                        }
                    }
                    break;
                }
            }
            // Parts read from files: each problem is reported against its own file.
            Err(Failure::placed(errors, files))
        }
    }
}

/// Parse a command-line value as the JSON string form of `T` (e.g. a category name). The error
/// names the flag and what it takes, never the value given.
pub fn value<T: serde::de::DeserializeOwned>(flag: &str, text: &str) -> Result<T, Failure> {
    coord_json::parse::from_flag(text).map_err(|p| Failure {
        outcome: Outcome::Usage,
        problems: vec![Problem::new(
            "usage",
            format!("--{flag}: {}", p.message),
            None,
        )],
        file: None,
        files: Vec::new(),
    })
}

/// The terminal's width for text tables: `COLUMNS`, or [`coord_render::DEFAULT_WIDTH`].
pub fn width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(coord_render::DEFAULT_WIDTH)
}

/// Print an answer: the JSON envelope, or the renderer's document as text, Markdown or HTML.
/// `negative` is whether the answer is a "no" (exit 1). `title` names the HTML page.
pub fn emit<T: Serialize>(
    format: Format,
    lang: Language,
    title: &str,
    result: T,
    negative: bool,
    render: impl FnOnce(&T) -> Doc,
) -> Outcome {
    crate::io::print(&output(format, lang, title, &result, render));
    if negative {
        Outcome::Negative
    } else {
        Outcome::Success
    }
}

/// An answer in `format` (see [`emit`]).
pub fn output<T: Serialize>(
    format: Format,
    lang: Language,
    title: &str,
    result: &T,
    render: impl FnOnce(&T) -> Doc,
) -> String {
    match format {
        Format::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&Answer::success(result)).unwrap_or_default()
        ),
        Format::Text => render(result).text(width()),
        Format::Markdown => render(result).markdown(),
        Format::Html => render(result).html(&coord_render::page(title, title, "", lang)),
    }
}

/// Today's date (UTC). The command line is the only place that reads the clock; the core never does.
pub fn today() -> chrono::NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .map_or(chrono::NaiveDate::MIN, |t| t.date_naive())
}

/// `--as-of DATE` (YYYY-MM-DD), or today when it is left out.
pub fn as_of(text: Option<&str>) -> Result<chrono::NaiveDate, Failure> {
    match text {
        Some(t) => value("as-of", t),
        None => Ok(today()),
    }
}

/// The chart could not be drawn: an output failure (exit 4).
pub fn chart_failure(e: &coord_render::chart::ChartError) -> Failure {
    Failure {
        outcome: Outcome::Io,
        problems: vec![Problem::new("svg", e.to_string(), None)],
        file: None,
        files: Vec::new(),
    }
}
