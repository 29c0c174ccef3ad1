//! Fuzz target: the NDJSON reader with the two streaming calls. The first byte chooses the stream
//! (access requests against the Hillerød demo case, or one case file per line to evaluate); the
//! rest is the stream. A crash is a panic, or a stream that does not answer every line.

use coord_core::case_file::CaseFile;
use coord_json::calls::streams::{access_check_lines, evaluate_lines};
use coord_json::ndjson::stream;

const CASE: &str = include_str!("../../../crates/coord-json/data/demo/hillerod.json");

fn main() {
    let case: CaseFile = match coord_json::parse::parse(CASE) {
        Ok(c) => c,
        Err(_) => panic!("the demo case does not parse"),
    };
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 5, 1).unwrap_or_default();
    afl::fuzz!(|data: &[u8]| {
        let Some((&first, input)) = data.split_first() else {
            return;
        };
        let mut out = Vec::new();
        let summary = if first % 2 == 0 {
            access_check_lines(case.clone(), None, &|_| {}, |lines| {
                stream(input, &mut out, lines, 1, &mut |_| {})
            })
        } else {
            evaluate_lines(None, None, "DK", as_of, first % 4 == 1, |lines, _| {
                stream(input, &mut out, lines, 1, &mut |_| {})
            })
        };
        let Ok(Ok(summary)) = summary else {
            panic!("the stream failed on in-memory input");
        };
        let answers = out.iter().filter(|b| **b == b'\n').count() as u64;
        assert_eq!(answers, summary.answered, "not one answer per line");
    });
}
