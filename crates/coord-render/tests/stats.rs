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

fn rows(cases: u64) -> Vec<coord_core::stats::CourseSummary> {
    let as_of = "2026-12-01".parse().unwrap();
    let cases = generate(GenerateCall {
        cases,
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
    summarise_call(SummariseCall {
        cases,
        reference: None,
        pack: None,
        jurisdiction: None,
        as_of,
    })
    .result()
    .unwrap()
    .rows
    .clone()
}

fn report() -> coord_core::stats::StatsReport {
    let rows = rows(200);
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
fn the_summaries_and_a_partial_in_both_languages() {
    let rows = rows(6);
    let partial = stats_partial(StatsPartialCall {
        dimensions: vec![Dimension::Municipality],
        rows: rows.clone(),
    })
    .result()
    .unwrap()
    .clone();
    for (lang, code) in [(Language::Da, "da"), (Language::En, "en")] {
        let text = coord_render::stats::summaries(&rows, lang).text(120);
        insta::assert_snapshot!(format!("stats_summaries_{code}"), text);
        let text = coord_render::stats::partial(&partial, lang).text(120);
        insta::assert_snapshot!(format!("stats_partial_{code}"), text);
    }
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

#[test]
fn the_benchmark_in_both_languages_with_its_charts() {
    let partial = stats_partial(StatsPartialCall {
        dimensions: coord_core::stats::BENCHMARK_DIMENSIONS.to_vec(),
        rows: rows(600),
    })
    .result()
    .unwrap()
    .clone();
    let b = coord_json::calls::benchmark::stats_benchmark(
        coord_json::calls::benchmark::StatsBenchmarkCall {
            partial,
            disclosure: None,
        },
    )
    .result()
    .unwrap()
    .clone();
    for (lang, code) in [(Language::Da, "da"), (Language::En, "en")] {
        let doc = coord_render::benchmark::benchmark(&b, lang);
        let text = doc.text(140);
        insta::assert_snapshot!(format!("stats_benchmark_{code}"), text);
        let html = doc.html(&page());
        // One chart per measure, each with its own title and description.
        assert_eq!(html.matches("<svg").count(), 2, "two charts");
        assert!(html.contains("benchmark-return-title") && html.contains("benchmark-weeks-desc"));
        if lang == Language::Da {
            for english in [" the ", " and ", "Total", "Courses", "weeks", "Ratio"] {
                assert!(!text.contains(english), "English in Danish: {english}");
            }
        }
    }
    let html = coord_render::stats::report(&report(), Language::En).html(&page());
    assert!(
        html.contains("weeks-absent-title"),
        "the distribution chart"
    );
}

#[test]
fn the_business_case_in_both_languages() {
    let mut rows = rows(600);
    for r in rows.iter_mut().step_by(3) {
        r.interventions = vec![coord_core::stats::Intervention::Role(
            "bridge_builder".to_owned(),
        )];
    }
    let partial = stats_partial(StatsPartialCall {
        dimensions: vec![Dimension::TargetGroup, Dimension::Level],
        rows,
    })
    .result()
    .unwrap()
    .clone();
    let b = coord_json::calls::business::business_case_call(
        coord_json::calls::business::BusinessCaseCall {
            partial,
            intervention: coord_core::stats::Intervention::Role("bridge_builder".to_owned()),
            settings: coord_core::stats::BusinessCaseSettings {
                cost_per_citizen_dkk: Some(3000.0),
                ..Default::default()
            },
            disclosure: None,
        },
    )
    .result()
    .unwrap()
    .clone();
    assert!(b.weeks_saved.value().is_some(), "{b:?}");
    for (lang, code) in [(Language::Da, "da"), (Language::En, "en")] {
        let doc = coord_render::business::business_case(&b, lang);
        let text = doc.text(140);
        insta::assert_snapshot!(format!("business_case_{code}"), text);
        let html = doc.html(&page());
        assert!(html.contains("https://bm.dk/satser/satser-for-2019/sygedagpenge/"));
        if lang == Language::Da {
            for english in [" the ", " and ", "Total", "Courses", "weeks", "DKK", "Net "] {
                assert!(!text.contains(english), "English in Danish: {english}");
            }
        }
    }
}

fn page() -> coord_render::doc::Page {
    coord_render::doc::Page {
        title: "Statistics".into(),
        lang: "en".into(),
        head_left: String::new(),
        head_right: String::new(),
        page_word: "Page".into(),
    }
}
