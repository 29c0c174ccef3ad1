//! The audit log's hash chain, and the call that verifies a log.
//!
//! A log is NDJSON, one [`AuditRecord`] a line: a sequence number (from 1), the SHA-256 (hex) of
//! the previous line's exact bytes (64 zeros for the first), and the [`AuditEntry`]. Editing,
//! removing, inserting or reordering a line breaks the chain at the first line after the change;
//! [`audit_verify`] names that line. (Cutting lines off the end leaves a valid shorter chain: keep
//! the head hash the verifier reports somewhere else to detect that.)

use crate::envelope::{Answer, Problem};
use crate::parse::parse;
use coord_core::consent::AuditEntry;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The `prev` of the first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditRecord {
    /// The line's place in the log, from 1.
    pub seq: u64,
    /// SHA-256 (lower-case hex) of the previous line's bytes (without its newline); [`GENESIS`]
    /// for the first.
    pub prev: String,
    /// The decision's audit entry (ids, categories, decision and its legal basis; no health
    /// content).
    pub entry: AuditEntry,
}

/// The SHA-256 of a line, lower-case hex.
pub fn line_hash(line: &[u8]) -> String {
    use std::fmt::Write as _;
    let digest = Sha256::digest(line);
    let mut s = String::with_capacity(64);
    for b in digest {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Where a chain stands: the last sequence number and the hash of the last line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChainHead {
    /// The last line's sequence number (0 for an empty log).
    pub seq: u64,
    /// The last line's hash ([`GENESIS`] for an empty log).
    pub hash: String,
}

impl Default for ChainHead {
    fn default() -> Self {
        Self {
            seq: 0,
            hash: GENESIS.to_owned(),
        }
    }
}

/// The next line of the chain after `head`, and the new head.
pub fn chain_line(head: &ChainHead, entry: &AuditEntry) -> (String, ChainHead) {
    let record = AuditRecord {
        seq: head.seq + 1,
        prev: head.hash.clone(),
        entry: entry.clone(),
    };
    let line = serde_json::to_string(&record).unwrap_or_default();
    let next = ChainHead {
        seq: record.seq,
        hash: line_hash(line.as_bytes()),
    };
    (line, next)
}

/// Verify a whole log given as a document: `{"log": "<the NDJSON text>"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditVerifyCall {
    /// The log's text.
    pub log: String,
}

/// The verifier's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditVerification {
    /// Whether every line is in place.
    pub intact: bool,
    /// How many lines were read.
    pub entries: u64,
    /// The first line (1-based) where the chain breaks, when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_broken_line: Option<u64>,
    /// Why it breaks there, in English (never quoting the line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Why it breaks there, in Danish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_da: Option<String>,
    /// The head of the chain as read up to the break (or the end): record it elsewhere to detect
    /// lines cut off the end later.
    pub head: ChainHead,
}

/// Check a log's chain line by line; the first break is reported with its line.
pub fn verify_log(text: &str) -> AuditVerification {
    let mut head = ChainHead::default();
    let mut entries = 0u64;
    for (i, raw) in text.split_terminator('\n').enumerate() {
        let line_no = i as u64 + 1;
        entries = line_no;
        let broken = |da: &str, en: &str, head: ChainHead| AuditVerification {
            intact: false,
            entries: line_no,
            first_broken_line: Some(line_no),
            reason: Some(en.to_owned()),
            reason_da: Some(da.to_owned()),
            head,
        };
        let record: AuditRecord = match parse(raw) {
            Ok(r) => r,
            Err(p) => {
                return broken(
                    "linjen kan ikke læses som en post i revisionsloggen",
                    &format!("the line is not an audit record: {}", p.message),
                    head,
                )
            }
        };
        if record.seq != head.seq + 1 {
            return broken(
                "løbenummeret er ude af orden (en linje før denne er fjernet, indsat eller flyttet)",
                "the sequence number is out of order (a line was removed, inserted or moved before this one)",
                head,
            );
        }
        if record.prev != head.hash {
            return broken(
                "den forrige linjes hash passer ikke (den forrige linje er ændret, fjernet eller flyttet)",
                "the hash of the previous line does not match (the previous line was edited, removed or moved)",
                head,
            );
        }
        head = ChainHead {
            seq: record.seq,
            hash: line_hash(raw.as_bytes()),
        };
    }
    AuditVerification {
        intact: true,
        entries,
        first_broken_line: None,
        reason: None,
        reason_da: None,
        head,
    }
}

/// The `audit-verify` call.
pub fn audit_verify(call: AuditVerifyCall) -> Answer<AuditVerification> {
    Answer::success(verify_log(&call.log))
}

/// A log that is not text is invalid input.
pub fn not_text() -> Problem {
    Problem::new("input.encoding", "the audit log is not valid UTF-8", None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u32) -> AuditEntry {
        parse(&format!(
            r#"{{"at":"2025-04-01T09:00:0{n}+02:00","requester":"a","citizen":"c","case":"k","holder":"h","action":"view","purpose":"p","decisions":[]}}"#
        ))
        .unwrap_or_else(|p| panic!("{}", p.message))
    }

    fn log(n: u32) -> Vec<String> {
        let mut head = ChainHead::default();
        (0..n)
            .map(|i| {
                let (line, next) = chain_line(&head, &entry(i));
                head = next;
                line
            })
            .collect()
    }

    fn text(lines: &[String]) -> String {
        lines.iter().map(|l| format!("{l}\n")).collect()
    }

    #[test]
    fn an_intact_chain_verifies() {
        let v = verify_log(&text(&log(5)));
        assert!(v.intact);
        assert_eq!(v.entries, 5);
        assert_eq!(v.head.seq, 5);
        assert!(verify_log("").intact);
    }

    #[test]
    fn an_edited_entry_is_found_at_the_next_line() {
        let mut lines = log(5);
        lines[1] = lines[1].replace("\"view\"", "\"disclose\"");
        let v = verify_log(&text(&lines));
        assert!(!v.intact);
        assert_eq!(v.first_broken_line, Some(3));
    }

    #[test]
    fn a_removed_entry_is_found() {
        let mut lines = log(5);
        lines.remove(2);
        assert_eq!(verify_log(&text(&lines)).first_broken_line, Some(3));
    }

    #[test]
    fn reordered_entries_are_found() {
        let mut lines = log(5);
        lines.swap(1, 3);
        assert_eq!(verify_log(&text(&lines)).first_broken_line, Some(2));
    }

    #[test]
    fn a_half_line_is_found_and_not_quoted() {
        let mut lines = log(3);
        lines[2].truncate(20);
        lines[2].push_str("ZqX9MARKqZ");
        let v = verify_log(&text(&lines));
        assert_eq!(v.first_broken_line, Some(3));
        assert!(!v.reason.unwrap_or_default().contains("ZqX9MARKqZ"));
    }
}
