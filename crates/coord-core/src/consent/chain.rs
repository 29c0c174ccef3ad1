//! The audit log's hash chain: the rule that makes a log tamper-evident, and its check.
//!
//! A log is one [`AuditRecord`] a line: a sequence number (from 1), the hash of the previous
//! line's exact bytes ([`GENESIS`] for the first), and the [`AuditEntry`]. Editing, removing,
//! inserting or reordering a line breaks the chain at the first line after the change;
//! [`verify_chain`] names that line. (Cutting lines off the end leaves a valid shorter chain: keep
//! the head the check reports somewhere else to detect that.)
//!
//! Pure: the adapter reads the lines, parses each into a record and hashes its bytes (SHA-256,
//! lower-case hex, in `coord_json::calls::audit`); this module decides whether the chain holds.

use super::audit::AuditEntry;
use crate::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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

impl ChainHead {
    /// The record that follows this head.
    pub fn next_record(&self, entry: &AuditEntry) -> AuditRecord {
        AuditRecord {
            seq: self.seq + 1,
            prev: self.hash.clone(),
            entry: entry.clone(),
        }
    }
}

/// One line as the adapter read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainLine {
    /// The line parsed as a record, or why it could not be (a message that never quotes the
    /// line).
    pub record: Result<AuditRecord, String>,
    /// The hash of the line's exact bytes.
    pub hash: String,
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

/// Check a log's chain line by line; the first break is reported with its line and the reason in
/// both languages.
pub fn verify_chain(lines: impl IntoIterator<Item = ChainLine>) -> AuditVerification {
    let mut head = ChainHead::default();
    let mut entries = 0u64;
    for (i, line) in lines.into_iter().enumerate() {
        let line_no = u64::try_from(i).unwrap_or(u64::MAX).saturating_add(1);
        entries = line_no;
        let broken = |why: Text, head: ChainHead| AuditVerification {
            intact: false,
            entries: line_no,
            first_broken_line: Some(line_no),
            reason: Some(why.en),
            reason_da: Some(why.da),
            head,
        };
        let record = match line.record {
            Ok(r) => r,
            Err(detail) => {
                return broken(
                    Text {
                        da: "linjen kan ikke læses som en post i revisionsloggen".to_owned(),
                        en: format!("the line is not an audit record: {detail}"),
                    },
                    head,
                )
            }
        };
        if record.seq != head.seq + 1 {
            return broken(
                Text::new(
                    "løbenummeret er ude af orden (en linje før denne er fjernet, indsat eller flyttet)",
                    "the sequence number is out of order (a line was removed, inserted or moved before this one)",
                ),
                head,
            );
        }
        if record.prev != head.hash {
            return broken(
                Text::new(
                    "den forrige linjes hash passer ikke (den forrige linje er ændret, fjernet eller flyttet)",
                    "the hash of the previous line does not match (the previous line was edited, removed or moved)",
                ),
                head,
            );
        }
        head = ChainHead {
            seq: record.seq,
            hash: line.hash,
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
