//! The benchmark of municipalities as a document: one ranked table per measure. Layout only:
//! figures, suppression and verdicts come from `coord_core::stats::benchmark`, the words from
//! `coord_core::stats::words`.

use crate::doc::{Block, Doc};
use coord_core::category::Language;
use coord_core::stats::words;
use coord_core::stats::{Benchmark, Dimension, MeasureBenchmark, Published};
use coord_core::text::{date_long, pick};

/// The benchmark: what it adjusts for, one table per measure, and the note on method and
/// disclosure.
pub fn benchmark(b: &Benchmark, lang: Language) -> Doc {
    let k = b.disclosure.k;
    let mut d = Doc::default();
    d.h(
        1,
        pick(lang, "Kommuner sammenlignet", "Municipalities compared"),
    );
    if let Some(a) = b.as_of {
        d.labelled(pick(lang, "Opgjort pr.", "As of"), date_long(lang, a));
    }
    let strata: Vec<&str> = b.strata.iter().map(|s| s.label(lang)).collect();
    d.labelled(
        pick(lang, "Justeret for", "Adjusted for"),
        if strata.is_empty() {
            pick(lang, "intet", "nothing").to_owned()
        } else {
            strata.join(", ")
        },
    );
    d.labelled(
        pick(lang, "Forløb i alt", "Courses in all"),
        match &b.courses {
            Published::Value(v) => v.to_string(),
            other => words::hidden(other, k),
        },
    );
    for m in &b.measures {
        measure(&mut d, m, k, lang);
    }
    d.p(words::benchmark_note(
        lang,
        k,
        b.disclosure.dominance,
        &strata,
    ));
    d
}

fn measure(d: &mut Doc, m: &MeasureBenchmark, k: u32, lang: Language) {
    let title = m.measure.label(lang);
    d.h(2, title);
    d.p(m.measure.describe(lang));
    let rate = |p: &Published<f64>| match p {
        Published::Value(x) => words::benchmark_rate(lang, m.measure, *x),
        other => words::hidden(other, k),
    };
    d.labelled(
        pick(lang, "Alle kommuner", "All municipalities"),
        rate(&m.pooled),
    );
    let head = [
        pick(lang, "Plads", "Rank"),
        Dimension::Municipality.label(lang),
        pick(lang, "Forløb", "Courses"),
        pick(lang, "Observeret", "Observed"),
        pick(lang, "Forventet", "Expected"),
        pick(lang, "Forhold (95 %-interval)", "Ratio (95 % interval)"),
        pick(lang, "Standardiseret", "Standardised"),
        pick(lang, "Vurdering", "Verdict"),
    ];
    let rows = m
        .rows
        .iter()
        .map(|r| {
            vec![
                r.rank.map_or_else(|| "–".to_owned(), |n| n.to_string()),
                Dimension::Municipality.value_label(r.municipality.as_deref(), lang),
                match &r.courses {
                    Published::Value(v) => v.to_string(),
                    other => words::hidden(other, k),
                },
                rate(&r.observed),
                rate(&r.expected),
                match &r.ratio {
                    Published::Value(x) => words::ratio_interval(lang, x),
                    other => words::hidden(other, k),
                },
                rate(&r.standardised),
                r.verdict
                    .map_or_else(|| "·".to_owned(), |v| v.label(lang).to_owned()),
            ]
        })
        .collect();
    d.table(title, &head, rows);
    // The chart is drawn for the HTML page (text and Markdown leave it out); a failure to draw
    // leaves the table, which holds every figure.
    if let Ok(svg) = crate::stats_chart::benchmark_svg(m, lang) {
        d.blocks.push(Block::Svg(svg));
    }
}
