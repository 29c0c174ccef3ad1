//! The audit log on the wire: reading, hashing and writing its lines, and the call that verifies
//! a log. The chain's rule and its check are the core's (`coord_core::consent::chain`); this module
//! parses each line, hashes its bytes with SHA-256 and hands both to the core.

use crate::envelope::{Answer, Problem};
use crate::parse::parse;
use coord_core::consent::chain::{verify_chain, ChainLine};
pub use coord_core::consent::chain::{AuditRecord, AuditVerification, ChainHead, GENESIS};
use coord_core::consent::AuditEntry;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

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

/// The next line of the chain after `head`, and the new head.
pub fn chain_line(head: &ChainHead, entry: &AuditEntry) -> (String, ChainHead) {
    let record = head.next_record(entry);
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

/// Check a log's chain line by line (`coord_core::consent::chain::verify_chain`); the first break
/// is reported with its line.
pub fn verify_log(text: &str) -> AuditVerification {
    verify_chain(text.split_terminator('\n').map(|raw| ChainLine {
        record: parse::<AuditRecord>(raw).map_err(|p| p.message),
        hash: line_hash(raw.as_bytes()),
    }))
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
