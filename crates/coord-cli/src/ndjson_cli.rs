//! What every `--ndjson` command shares: `--on-error`, `--jobs`, the progress line on a terminal,
//! and the summary on standard error.

use crate::exit::Outcome;
use crate::io::Failure;
use clap::{Args, ValueEnum};
use coord_json::ndjson::{stream, Lines, StreamSummary};
use std::io::IsTerminal;
use std::path::Path;

/// What a failed line does to the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OnError {
    /// Every line is answered; the command exits 3 when any line failed.
    #[default]
    Fail,
    /// Failed lines are failure answers like any other; the command exits 0 when every line was
    /// answered (non-zero only for I/O or usage errors). For pipelines such as Spark.
    Answer,
}

/// The options of every `--ndjson` command.
#[derive(Debug, Clone, Args)]
pub struct NdjsonOptions {
    /// With --ndjson: `fail` exits 3 when any line failed; `answer` exits 0 once every line is
    /// answered (failures are answers in the output). Every line is answered either way.
    #[arg(long, value_enum, default_value_t = OnError::Fail)]
    pub on_error: OnError,
    /// With --ndjson: threads answering lines (default: the available cores). Output order and
    /// bytes are the same for any number.
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
}

impl NdjsonOptions {
    /// The number of threads: `--jobs`, or the available cores.
    pub fn jobs(&self) -> usize {
        self.jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1)
    }
}

/// Stream `input` (a file, or standard input for `None` / `-`) through `lines` to standard output,
/// print the summary on standard error, and say how the command ends.
pub fn run(
    input: Option<&Path>,
    lines: &dyn Lines,
    options: &NdjsonOptions,
) -> Result<Outcome, Failure> {
    run_with_jobs(input, lines, options, options.jobs())
}

/// [`run`] with the number of threads fixed by the caller.
pub fn run_with_jobs(
    input: Option<&Path>,
    lines: &dyn Lines,
    options: &NdjsonOptions,
    jobs: usize,
) -> Result<Outcome, Failure> {
    run_to(input, lines, options, jobs, std::io::stdout().lock())
}

/// [`run_with_jobs`] writing the answers to `out` (e.g. standard output behind an audit log).
pub fn run_to(
    input: Option<&Path>,
    lines: &dyn Lines,
    options: &NdjsonOptions,
    jobs: usize,
    out: impl std::io::Write,
) -> Result<Outcome, Failure> {
    let path = input.unwrap_or(Path::new("-"));
    let reader = crate::io::ndjson_input(input)?;
    let total = (path != Path::new("-"))
        .then(|| std::fs::metadata(path).ok().map(|m| m.len()))
        .flatten();
    let bar = std::io::stderr().is_terminal().then(|| progress_bar(total));
    let summary = stream(reader, out, lines, jobs, &mut |s| {
        if let Some(bar) = &bar {
            bar.set_position(s.bytes);
            bar.set_message(format!("{} lines", s.answered));
        }
    })
    .map_err(|e| Failure::io(path, &e))?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    eprintln!("{}", summary_line(&summary));
    Ok(match (summary.failures, options.on_error) {
        (0, _) | (_, OnError::Answer) => Outcome::Success,
        (_, OnError::Fail) => Outcome::InvalidInput,
    })
}

/// The summary: how many lines succeeded and failed.
pub fn summary_line(s: &StreamSummary) -> String {
    let blank = match s.blank {
        0 => String::new(),
        1 => ", 1 blank line skipped".to_owned(),
        n => format!(", {n} blank lines skipped"),
    };
    format!(
        "coord: {} lines answered: {} succeeded, {} failed{blank}",
        s.answered,
        s.answered - s.failures,
        s.failures
    )
}

fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    let (bar, template) = match total {
        Some(bytes) => (
            indicatif::ProgressBar::new(bytes),
            "{msg} {bytes}/{total_bytes} ({bytes_per_sec}, ETA {eta})",
        ),
        None => (
            indicatif::ProgressBar::new_spinner(),
            "{msg} {bytes} ({bytes_per_sec})",
        ),
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
    bar
}
