//! The end-to-end floor of an NDJSON path, as a program: read NDJSON from standard input, parse
//! each line with plain serde_json into the same type the path parses, and write a small answer
//! per line. Nothing is checked or decided. `scripts/ndjson-floor-e2e.py` times it against the
//! release `coord` over the same lines (without their `id`, which the plain types reject).
//!
//! `cargo run --release -p coord-json --example ndjson_floor -- TYPE < lines.ndjson > /dev/null`
//!
//! TYPE: `access-request`, `case`, or a call name (`evaluate`, `report`, `plan-check`,
//! `progress`, `team`, `referrals`, `offers-match`, `working-days`).
#![forbid(unsafe_code)]

use coord_core::case_file::CaseFile;
use coord_core::consent::AccessRequest;
use coord_json::calls::{plan, report, rules, team};
use serde::de::DeserializeOwned;
use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

fn run<T: DeserializeOwned>() -> std::io::Result<(u64, u64)> {
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let (mut ok, mut failed) = (0, 0);
    for (n, line) in stdin.split(b'\n').enumerate() {
        let line = line?;
        if line.is_empty() {
            continue;
        }
        match serde_json::from_slice::<T>(&line) {
            Ok(v) => {
                std::hint::black_box(&v);
                ok += 1;
                writeln!(out, "{{\"line\":{},\"status\":\"success\"}}", n + 1)?;
            }
            Err(_) => {
                failed += 1;
                writeln!(out, "{{\"line\":{},\"status\":\"failure\"}}", n + 1)?;
            }
        }
    }
    out.flush()?;
    Ok((ok, failed))
}

fn main() -> ExitCode {
    let kind = std::env::args().nth(1).unwrap_or_default();
    let result = match kind.as_str() {
        "access-request" => run::<AccessRequest>(),
        "case" => run::<CaseFile>(),
        "evaluate" => run::<rules::EvaluateCall>(),
        "report" => run::<report::ReportCall>(),
        "plan-check" => run::<plan::PlanCheckCall>(),
        "progress" => run::<plan::ProgressCall>(),
        "team" => run::<team::TeamCall>(),
        "referrals" => run::<team::ReferralsCall>(),
        "offers-match" => run::<team::OffersMatchCall>(),
        "working-days" => run::<team::WorkingDaysCall>(),
        _ => {
            eprintln!("usage: ndjson_floor TYPE < lines.ndjson (see the file's documentation)");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok((_, 0)) => ExitCode::SUCCESS,
        Ok((_, failed)) => {
            eprintln!("{failed} lines did not parse");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("i/o error: {e}");
            ExitCode::from(4)
        }
    }
}
