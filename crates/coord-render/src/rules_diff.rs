//! `coord rules diff`: what changes between two rule packs, for an analyst — the opening
//! paragraph, the changes as sentences (the most frequent first), a table, and one example per
//! change with the commands that replay it. Rule and pack ids only in the sources part.

use crate::Doc;
use coord_core::category::Language;
use coord_core::rules::diff::words::percent;
use coord_core::rules::diff::PackDiff;
use coord_core::text::thousands;
use coord_core::text::{date_long, pick};

/// The diff as a document in `lang`.
pub fn diff(r: &PackDiff, lang: Language) -> Doc {
    let mut d = Doc::default();
    d.h(1, pick(lang, "Hvad ændrer sig", "What changes"));
    d.p(r.summary.get(lang));
    if r.changes.is_empty() {
        return d;
    }
    d.h(2, pick(lang, "Ændringerne", "The changes"));
    d.list(
        r.changes
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{}. {}", i + 1, c.sentence.get(lang)))
            .collect(),
    );
    let rows = r
        .changes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                (i + 1).to_string(),
                c.kind.label(lang).to_owned(),
                c.what.get(lang).to_owned(),
                thousands(lang, c.cases as u64),
                percent(lang, c.cases, r.cases),
            ]
        })
        .collect();
    d.table(
        pick(lang, "Ændringer efter slags", "Changes by kind"),
        &[
            pick(lang, "Nr.", "No."),
            pick(lang, "Slags", "Kind"),
            pick(lang, "Ændring", "Change"),
            pick(lang, "Sager", "Cases"),
            pick(lang, "Andel", "Share"),
        ],
        rows,
    );
    d.h(2, pick(lang, "Eksempler", "Examples"));
    d.p(r.examples_note.get(lang));
    for (i, c) in r.changes.iter().enumerate() {
        d.h(3, format!("{}. {}", i + 1, c.what.get(lang)));
        if let Some(n) = c.example.number {
            d.labelled(pick(lang, "Sag nr.", "Case no."), n.to_string());
        }
        if let (Some(a), Some(b)) = (c.example.due_a, c.example.due_b) {
            d.labelled(
                pick(lang, "Frist", "Due"),
                format!("{} → {}", date_long(lang, a), date_long(lang, b)),
            );
        }
        d.list(c.example.replay.clone());
    }
    d.sources(
        pick(lang, "Kilder", "Sources"),
        std::iter::once(format!("{} → {} ({})", r.a.id, r.b.id, r.as_of))
            .chain(r.changes.iter().enumerate().map(|(i, c)| {
                let ids = |v: &[coord_core::ids::RuleId]| {
                    if v.is_empty() {
                        "–".to_owned()
                    } else {
                        v.iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                };
                format!(
                    "{}. {}: {} → {}: {}",
                    i + 1,
                    r.a.id,
                    ids(&c.rules_a),
                    r.b.id,
                    ids(&c.rules_b)
                )
            }))
            .collect(),
    );
    d
}
