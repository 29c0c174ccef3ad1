//! NDJSON streaming: one answer line per non-blank input line, in input order, each carrying the
//! input `line` number (blank lines are counted but get no answer) and the line's `id` when it has
//! one; memory bounded by one chunk of lines, whatever the input size.
//!
//! ```json
//! {"line":3,"id":"row-17","status":"success","version":"coord/v1","result":{…},"warnings":[]}
//! ```
//!
//! With more than one job, chunks of lines are answered in parallel (rayon) and written in order:
//! the output is byte for byte the output of one job.

use crate::envelope::{Answer, Problem};
use crate::line_parse::{parse_line, IdField};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::io::{self, BufRead, Write};
use std::marker::PhantomData;

/// Lines read and answered together when running on several threads.
pub const CHUNK_LINES: usize = 2048;

/// What a stream did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StreamSummary {
    /// Input lines answered (blank lines are skipped and not counted here).
    pub answered: u64,
    /// Answers that were failures.
    pub failures: u64,
    /// Blank lines (counted for line numbers, not answered).
    pub blank: u64,
    /// Bytes read.
    pub bytes: u64,
}

/// How to answer one line of a stream.
pub trait Lines: Sync {
    /// Append the answer to `text` (input line `line`) to `out` as one JSON object without a
    /// newline; true when the answer is a success.
    fn answer(&self, text: &str, line: u64, out: &mut Vec<u8>) -> bool;
}

/// Append an answer with its `line` and `id` in front.
pub fn write_answer<T: Serialize>(
    out: &mut Vec<u8>,
    line: u64,
    id: Option<&str>,
    answer: &Answer<T>,
) {
    let start = out.len();
    out.extend_from_slice(b"{\"line\":");
    out.extend_from_slice(line.to_string().as_bytes());
    if let Some(id) = id {
        out.extend_from_slice(b",\"id\":");
        // A string always serialises.
        let _ = serde_json::to_writer(&mut *out, id);
    }
    let brace = out.len();
    match serde_json::to_writer(&mut *out, answer) {
        Ok(()) if out.get(brace) == Some(&b'{') => out[brace] = b',',
        _ => {
            out.truncate(start);
            let failure: Answer<()> = Answer::failure(vec![Problem::new(
                "internal",
                "the answer could not be written as JSON",
                None,
            )
            .on_line(line)]);
            write_answer(out, line, id, &failure);
        }
    }
}

/// Lines that parse into `C` (fast: plain serde_json, pointer tracking only on failure) and are
/// answered by `run`.
pub struct TypedLines<C, R, F> {
    run: F,
    field: IdField,
    _types: PhantomData<fn(C) -> R>,
}

impl<C, R, F> TypedLines<C, R, F>
where
    C: DeserializeOwned,
    R: Serialize,
    F: Fn(C) -> Answer<R> + Sync,
{
    /// Lines whose `id` is theirs alone ([`IdField::Strip`]: calls, requests).
    pub fn new(run: F) -> Self {
        Self {
            run,
            field: IdField::Strip,
            _types: PhantomData,
        }
    }

    /// Lines whose `id` is part of the document ([`IdField::Peek`]: case files).
    pub fn with_own_id(run: F) -> Self {
        Self {
            run,
            field: IdField::Peek,
            _types: PhantomData,
        }
    }
}

impl<C, R, F> Lines for TypedLines<C, R, F>
where
    C: DeserializeOwned,
    R: Serialize,
    F: Fn(C) -> Answer<R> + Sync,
{
    fn answer(&self, text: &str, line: u64, out: &mut Vec<u8>) -> bool {
        let (id, parsed) = parse_line::<C>(text, self.field);
        let answer = match parsed {
            Ok(call) => (self.run)(call),
            Err(p) => Answer::failure(vec![p]),
        }
        .on_line(line);
        write_answer(out, line, id.as_deref(), &answer);
        answer.result().is_some()
    }
}

fn not_utf8(line: u64, out: &mut Vec<u8>) -> bool {
    let a: Answer<()> = Answer::failure(vec![Problem::new(
        "json.malformed",
        "malformed JSON: the line is not valid UTF-8",
        None,
    )
    .on_line(line)]);
    write_answer(out, line, None, &a);
    false
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// Answer every non-blank line of `input`, writing one answer per line to `output`, with `jobs`
/// threads (1: on this thread). `progress` is told the summary so far after every chunk.
pub fn stream<R: BufRead, W: Write>(
    mut input: R,
    output: W,
    lines: &dyn Lines,
    jobs: usize,
    progress: &mut dyn FnMut(&StreamSummary),
) -> io::Result<StreamSummary> {
    let mut out = io::BufWriter::with_capacity(256 * 1024, output);
    let mut summary = StreamSummary::default();
    let mut line_no: u64 = 0;
    if jobs <= 1 {
        let mut buf: Vec<u8> = Vec::with_capacity(8192);
        let mut answer: Vec<u8> = Vec::with_capacity(8192);
        loop {
            buf.clear();
            let n = input.read_until(b'\n', &mut buf)?;
            if n == 0 {
                break;
            }
            line_no += 1;
            summary.bytes += n as u64;
            if is_blank(&buf) {
                summary.blank += 1;
                continue;
            }
            answer.clear();
            let ok = match std::str::from_utf8(&buf) {
                Ok(text) => lines.answer(text, line_no, &mut answer),
                Err(_) => not_utf8(line_no, &mut answer),
            };
            summary.answered += 1;
            summary.failures += u64::from(!ok);
            answer.push(b'\n');
            out.write_all(&answer)?;
            if line_no % CHUNK_LINES as u64 == 0 {
                progress(&summary);
            }
        }
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(io::Error::other)?;
        // A pipeline of chunks: while the pool answers chunk n, this thread writes the answers
        // of chunk n − 1 and reads chunk n + 1, so reading and writing overlap the work.
        let mut spare: Vec<Vec<u8>> = Vec::new();
        let (mut chunk, mut eof) = read_chunk(&mut input, &mut spare, &mut line_no, &mut summary)?;
        let mut written: Vec<(Vec<u8>, bool)> = Vec::new();
        while !chunk.is_empty() {
            let (answers, next) = std::thread::scope(|scope| {
                let current = &chunk;
                let worker = scope.spawn(|| {
                    pool.install(|| {
                        current
                            .par_iter()
                            .map(|(no, bytes)| {
                                let mut a = Vec::with_capacity(bytes.len().max(1024));
                                let ok = match std::str::from_utf8(bytes) {
                                    Ok(text) => lines.answer(text, *no, &mut a),
                                    Err(_) => not_utf8(*no, &mut a),
                                };
                                a.push(b'\n');
                                (a, ok)
                            })
                            .collect::<Vec<_>>()
                    })
                });
                let io = write_answers(&mut out, &written, &mut summary).and_then(|()| {
                    if eof {
                        Ok((Vec::new(), true))
                    } else {
                        read_chunk(&mut input, &mut spare, &mut line_no, &mut summary)
                    }
                });
                let answers = worker
                    .join()
                    .map_err(|_| io::Error::other("an NDJSON worker thread stopped"))?;
                io.map(|next| (answers, next))
            })?;
            if !written.is_empty() {
                progress(&summary);
            }
            spare.extend(chunk.drain(..).map(|(_, b)| b));
            written = answers;
            (chunk, eof) = next;
        }
        write_answers(&mut out, &written, &mut summary)?;
    }
    out.flush()?;
    progress(&summary);
    Ok(summary)
}

/// Lines of one chunk with their line numbers.
type Chunk = Vec<(u64, Vec<u8>)>;

/// Read up to [`CHUNK_LINES`] non-blank lines (reusing buffers from `spare`); true at the end of
/// the input.
fn read_chunk<R: BufRead>(
    input: &mut R,
    spare: &mut Vec<Vec<u8>>,
    line_no: &mut u64,
    summary: &mut StreamSummary,
) -> io::Result<(Chunk, bool)> {
    let mut chunk = Vec::with_capacity(CHUNK_LINES);
    while chunk.len() < CHUNK_LINES {
        let mut buf = spare.pop().unwrap_or_default();
        buf.clear();
        let n = input.read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok((chunk, true));
        }
        *line_no += 1;
        summary.bytes += n as u64;
        if is_blank(&buf) {
            summary.blank += 1;
            spare.push(buf);
            continue;
        }
        chunk.push((*line_no, buf));
    }
    Ok((chunk, false))
}

/// Write a chunk's answers in order and count them.
fn write_answers<W: Write>(
    out: &mut W,
    answers: &[(Vec<u8>, bool)],
    summary: &mut StreamSummary,
) -> io::Result<()> {
    for (a, ok) in answers {
        summary.answered += 1;
        summary.failures += u64::from(!ok);
        out.write_all(a)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doubled() -> impl Lines {
        TypedLines::new(|n: u32| Answer::success(n * 2))
    }

    fn run(input: &str, jobs: usize) -> (StreamSummary, Vec<serde_json::Value>, String) {
        let mut out = Vec::new();
        let s = stream(input.as_bytes(), &mut out, &doubled(), jobs, &mut |_| {}).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (s, lines, text)
    }

    #[test]
    fn one_answer_per_line_in_order_with_line_numbers() {
        let (s, lines, _) = run("1\n\nnot json\n3\n", 1);
        assert_eq!(
            (s.answered, s.failures, s.blank),
            (3, 1, 1),
            "blank lines are counted, not answered"
        );
        assert_eq!(lines[0]["result"], 2);
        assert_eq!(lines[0]["line"], 1);
        assert_eq!(lines[1]["status"], "failure");
        assert_eq!(lines[1]["line"], 3);
        assert_eq!(lines[1]["errors"][0]["line"], 3);
        assert_eq!(lines[2]["result"], 6);
        assert_eq!(lines[2]["line"], 4);
    }

    #[test]
    fn several_jobs_write_exactly_what_one_job_writes() {
        let mut input = String::new();
        for i in 0..(3 * CHUNK_LINES + 17) {
            match i % 97 {
                0 => input.push('\n'),
                1 => input.push_str("{oops\n"),
                _ => input.push_str(&format!("{i}\n")),
            }
        }
        let (s1, _, one) = run(&input, 1);
        for jobs in [2, 3] {
            let (s, _, many) = run(&input, jobs);
            assert_eq!(s, s1);
            assert!(one == many, "output differs with {jobs} jobs");
        }
    }

    #[test]
    fn a_line_that_is_not_utf8_gets_a_failure_of_its_own() {
        let mut out = Vec::new();
        let s = stream(&b"1\n\xff\n2\n"[..], &mut out, &doubled(), 1, &mut |_| {}).unwrap();
        assert_eq!((s.answered, s.failures), (3, 1));
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().nth(1).unwrap().contains("not valid UTF-8"));
    }
}
