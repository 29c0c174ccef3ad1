//! The audit log check (`coord audit verify`).

use crate::doc::Doc;
use coord_core::category::Language;
use coord_core::text::{count, Unit};

/// What the check of one audit log found, as the renderer needs it.
#[derive(Debug, Clone, Copy)]
pub struct AuditCheck<'a> {
    /// The log's name as the user gave it.
    pub name: &'a str,
    /// How many lines were read.
    pub entries: u64,
    /// The first broken line and why, when the chain breaks.
    pub broken: Option<Broken<'a>>,
    /// The head of the chain as read: its hash and sequence number.
    pub head: (&'a str, u64),
}

/// Where and why an audit log's chain breaks.
#[derive(Debug, Clone, Copy)]
pub struct Broken<'a> {
    /// The first broken line (1-based).
    pub line: u64,
    /// Why, in Danish.
    pub da: &'a str,
    /// Why, in English.
    pub en: &'a str,
}

/// The result of checking an audit log's hash chain.
pub fn verification(c: &AuditCheck<'_>, lang: Language) -> Doc {
    let mut d = Doc::default();
    let (hash, seq) = c.head;
    match c.broken {
        Some(Broken { line, da, en }) => {
            let reason = coord_core::text::pick(lang, da, en);
            d.alert(match lang {
                Language::Da => format!("{}:{line}: kæden er brudt: {reason}", c.name),
                Language::En => format!("{}:{line}: the chain is broken: {reason}", c.name),
            });
            let before = line.saturating_sub(1);
            let lines = count(lang, before as i64, Unit::Line);
            d.p(match lang {
                Language::Da => format!(
                    "{lines} før den er {} (hoved {hash} i linje {seq}).",
                    if before == 1 { "intakt" } else { "intakte" }
                ),
                Language::En => format!(
                    "{lines} before it {} intact (head {hash} at line {seq}).",
                    if before == 1 { "is" } else { "are" }
                ),
            });
        }
        None => {
            let entries = count(lang, c.entries as i64, Unit::Entry);
            d.p(match lang {
                Language::Da => format!(
                    "{}: intakt, {entries} (hoved {hash} i linje {seq}).",
                    c.name
                ),
                Language::En => {
                    format!("{}: intact, {entries} (head {hash} at line {seq}).", c.name)
                }
            })
        }
    }
    d
}
