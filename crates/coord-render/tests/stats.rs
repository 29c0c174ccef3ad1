//! The statistics renderers on 200 generated courses by municipality × gender, in Danish and
//! English: insta snapshots of the report's text and Markdown, and a scan of the Danish text.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests: a failure must stop the run"
)]

use coord_core::category::Language;
use coord_core::stats::Dimension;
use coord_json::calls::generate::{generate, GenerateCall};
use coord_json::calls::stats::{
    stats_partial, stats_report_call, summarise_call, StatsPartialCall, StatsReportCall,
    SummariseCall,
};

fn report() -> coord_core::stats::StatsReport {
    let as_of = "2026-12-01".parse().unwrap();
    let cases = generate(GenerateCall {
        cases: 200,
        seed: 2,
        first: 0,
        municipalities: 5.into(),
        as_of,
        wrap: None,
    })
    .result()
    .unwrap()
    .cases
    .clone();
    let rows = summarise_call(SummariseCall {
        cases,
        reference: None,
        pack: None,
        jurisdiction: None,
        as_of,
    })
    .result()
    .unwrap()
    .rows
    .clone();
    let partial = stats_partial(StatsPartialCall {
        dimensions: vec![Dimension::Municipality, Dimension::Gender],
        rows,
    })
    .result()
    .unwrap()
    .clone();
    stats_report_call(StatsReportCall {
        partial,
        disclosure: None,
    })
    .result()
    .unwrap()
    .clone()
}

#[test]
fn the_report_in_both_languages() {
    let r = report();
    for (lang, code) in [(Language::Da, "da"), (Language::En, "en")] {
        let doc = coord_render::stats::report(&r, lang);
        let text = doc.text(120);
        insta::assert_snapshot!(format!("stats_report_{code}"), text);
        insta::assert_snapshot!(format!("stats_report_{code}_md"), doc.markdown());
        if lang == Language::Da {
            for english in [" the ", " and ", "Total", "Courses", "weeks"] {
                assert!(!text.contains(english), "English in Danish: {english}");
            }
        }
    }
}
