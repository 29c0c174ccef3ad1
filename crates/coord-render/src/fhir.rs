//! The FHIR export and import summary (`coord fhir … --format text`): resources by type, and what
//! the standard resources could not carry.

use crate::doc::Doc;
use coord_core::category::Language;
use coord_core::text::pick;
use std::collections::BTreeMap;

/// One warning as the renderer shows it: its place and its message.
#[derive(Debug, Clone, Copy)]
pub struct Warning<'a> {
    /// Where (a JSON pointer in the case file or the bundle).
    pub pointer: &'a str,
    /// What was not carried.
    pub message: &'a str,
}

/// The summary of an export whose identifiers are as `release` says (the core's sentence for the
/// mode: none, for a recipient, the own copy).
pub fn export_summary(
    release: &str,
    counts: &BTreeMap<String, usize>,
    warnings: &[Warning<'_>],
    lang: Language,
) -> Doc {
    let mut d = summary(true, counts, warnings, lang);
    let line = crate::doc::Block::Labelled(
        pick(lang, "Identifikatorer", "Identifiers").to_owned(),
        release.to_owned(),
    );
    // After the heading, before the resources.
    d.blocks.insert(1.min(d.blocks.len()), line);
    d
}

/// The summary of a bundle: `exported` says whether it was written (export) or read (import).
pub fn summary(
    exported: bool,
    counts: &BTreeMap<String, usize>,
    warnings: &[Warning<'_>],
    lang: Language,
) -> Doc {
    let mut d = Doc::default();
    d.h(
        1,
        match exported {
            true => pick(lang, "FHIR-eksport (R4 Bundle)", "FHIR export (R4 Bundle)"),
            false => pick(lang, "FHIR-import (R4 Bundle)", "FHIR import (R4 Bundle)"),
        },
    );
    let rows: Vec<Vec<String>> = counts
        .iter()
        .map(|(t, n)| vec![t.clone(), n.to_string()])
        .collect();
    d.table(
        pick(lang, "Ressourcer", "Resources"),
        &[pick(lang, "type", "type"), pick(lang, "antal", "count")],
        rows,
    );
    if warnings.is_empty() {
        d.p(pick(lang, "Ingen advarsler.", "No warnings."));
    } else {
        d.h(
            2,
            pick(
                lang,
                "Ikke i standardressourcerne",
                "Not in the standard resources",
            ),
        );
        d.list(
            warnings
                .iter()
                .map(|w| format!("{}: {}", w.pointer, w.message))
                .collect(),
        );
    }
    d
}
