//! NDJSON streaming: one answer line per input line, errors included with their line number, order
//! kept, memory constant in the input size (one reused buffer; nothing is collected).

use crate::envelope::{Answer, Problem};
use serde::Serialize;
use std::io::{self, BufRead, Write};

/// What a stream did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StreamSummary {
    /// Input lines answered (blank lines are skipped and not counted).
    pub answered: u64,
    /// Answers that were failures.
    pub failures: u64,
}

/// Answer every non-blank line of `input` with `per_line(text, line_number)`, writing one JSON
/// answer per line to `output`. A line that is not UTF-8 gets a failure answer of its own.
pub fn stream<R: BufRead, W: Write, T: Serialize>(
    mut input: R,
    output: W,
    mut per_line: impl FnMut(&str) -> Answer<T>,
) -> io::Result<StreamSummary> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, output);
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut line_no: u64 = 0;
    let mut summary = StreamSummary::default();
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        let answer = match std::str::from_utf8(&buf) {
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => per_line(text).on_line(line_no),
            Err(_) => Answer::failure(vec![Problem::new(
                "json.malformed",
                "malformed JSON: the line is not valid UTF-8",
                None,
            )
            .on_line(line_no)]),
        };
        summary.answered += 1;
        if answer.result().is_none() {
            summary.failures += 1;
        }
        serde_json::to_writer(&mut out, &answer).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    #[test]
    fn one_answer_per_line_in_order_with_line_numbers() {
        let input = "1\n\nnot json\n3\n";
        let mut out = Vec::new();
        let s = stream(input.as_bytes(), &mut out, |t| match parse::<u32>(t) {
            Ok(n) => Answer::success(n * 2),
            Err(p) => Answer::failure(vec![p]),
        })
        .unwrap();
        assert_eq!(
            s,
            StreamSummary {
                answered: 3,
                failures: 1
            }
        );
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["result"], 2);
        assert_eq!(lines[1]["status"], "failure");
        assert_eq!(lines[1]["errors"][0]["line"], 3);
        assert_eq!(lines[2]["result"], 6);
    }
}
