//! One module per command group. Each command: read inputs, call coord-json / coord-core, render.

pub mod access;
pub mod call;
pub mod consent;
pub mod demo;
pub mod evaluate;
pub mod generate;
pub mod instruments;
pub mod plan;
pub mod progress;
pub mod report;
pub mod rules;
pub mod schema;
pub mod team;

use crate::cli::{Common, Format};
use crate::exit::Outcome;
use crate::io::{read_json, Failure};
use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::reference::ReferenceData;
use coord_json::envelope::{Answer, Problem};
use coord_json::reference::ReferenceOverrides;
use serde::Serialize;
use std::path::Path;

/// The reference data: built-in, with the parts of `--reference` replacing built-in parts, checked
/// (instrument definitions, offer catalogue).
pub fn reference(common: &Common) -> Result<ReferenceData, Failure> {
    let overrides: Option<ReferenceOverrides> = match &common.reference {
        Some(path) => Some(read_json(path)?),
        None => None,
    };
    coord_json::reference::resolve_checked(overrides, &coord_core::pointer::Pointer::root())
        .map_err(|p| Failure::invalid(p, common.reference.as_deref()))
}

/// Read and check a case file.
pub fn case(path: &Path, reference: &ReferenceData) -> Result<CheckedCase, Failure> {
    let case: CaseFile = read_json(path)?;
    coord_json::calls::check_case_document(case, reference)
        .map_err(|p| Failure::invalid(p, Some(path)))
}

/// Parse a command-line value as the JSON string form of `T` (e.g. a category name).
pub fn value<T: serde::de::DeserializeOwned>(flag: &str, text: &str) -> Result<T, Failure> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| Failure {
        outcome: Outcome::Usage,
        problems: vec![Problem::new(
            "usage",
            format!("--{flag} `{text}`: {e}"),
            None,
        )],
        file: None,
    })
}

/// Render an answer: JSON envelope, or text by `text`. Returns the outcome for the exit code.
pub fn emit<T: Serialize>(
    format: Format,
    result: T,
    negative: bool,
    text: impl FnOnce(&T) -> String,
) -> Outcome {
    match format {
        Format::Json => {
            let answer = Answer::success(result);
            crate::io::print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&answer).unwrap_or_default()
            ));
        }
        Format::Text => crate::io::print(&text(&result)),
    }
    if negative {
        Outcome::Negative
    } else {
        Outcome::Success
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
        Some(t) => t.parse().map_err(|e| Failure {
            outcome: Outcome::Usage,
            problems: vec![Problem::new(
                "usage",
                format!("--as-of `{t}`: {e} (expected YYYY-MM-DD)"),
                None,
            )],
            file: None,
        }),
        None => Ok(today()),
    }
}
