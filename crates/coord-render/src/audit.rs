//! The audit log check (`coord audit verify`).

use crate::doc::Doc;
use coord_core::category::Language;

/// What the check of one audit log found, as the renderer needs it.
#[derive(Debug, Clone, Copy)]
pub struct AuditCheck<'a> {
    /// The log's name as the user gave it.
    pub name: &'a str,
    /// How many lines were read.
    pub entries: u64,
    /// The first broken line (1-based) and why, when the chain breaks.
    pub broken: Option<(u64, &'a str)>,
    /// The head of the chain as read: its hash and sequence number.
    pub head: (&'a str, u64),
}

/// The result of checking an audit log's hash chain.
pub fn verification(c: &AuditCheck<'_>, lang: Language) -> Doc {
    let mut d = Doc::default();
    let (hash, seq) = c.head;
    match c.broken {
        Some((line, reason)) => {
            d.alert(match lang {
                Language::Da => format!("{}:{line}: kæden er brudt: {reason}", c.name),
                Language::En => format!("{}:{line}: the chain is broken: {reason}", c.name),
            });
            let before = line.saturating_sub(1);
            d.p(match lang {
                Language::Da => {
                    format!("{before} linje(r) før den er intakte (hoved {hash} i linje {seq}).")
                }
                Language::En => {
                    format!("{before} line(s) before it are intact (head {hash} at line {seq}).")
                }
            });
        }
        None => d.p(match lang {
            Language::Da => format!(
                "{}: intakt, {} post(er) (hoved {hash} i linje {seq}).",
                c.name, c.entries
            ),
            Language::En => format!(
                "{}: intact, {} entr{} (head {hash} at line {seq}).",
                c.name,
                c.entries,
                if c.entries == 1 { "y" } else { "ies" }
            ),
        }),
    }
    d
}
