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
    /// Why it breaks there (never quoting the line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
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
        let broken = |reason: &str, head: ChainHead| AuditVerification {
            intact: false,
            entries: line_no,
            first_broken_line: Some(line_no),
            reason: Some(reason.to_owned()),
            head,
        };
        let record: AuditRecord = match parse(raw) {
            Ok(r) => r,
            Err(p) => {
                return broken(
                    &format!("the line is not an audit record: {}", p.message),
                    head,
                )
            }
        };
        if record.seq != head.seq + 1 {
            return broken(
                "the sequence number is out of order (a line was removed, inserted or moved before this one)",
                head,
            );
        }
        if record.prev != head.hash {
            return broken(
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
