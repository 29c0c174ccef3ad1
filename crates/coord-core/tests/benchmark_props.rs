//! Properties of the benchmark: a municipality doing as the pool does in every stratum gets ratio
//! 1 (not a difference); observed and expected agree over all municipalities; merging partials
//! first gives the same benchmark; and what it publishes gives no small cell away.
#![cfg(feature = "proptest")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests: a failure must stop the run"
)]

use coord_core::demographics::MunicipalityCode;
use coord_core::stats::{
    benchmark, standardise, AgeBand, Benchmark, BenchmarkMeasure, CourseSummary,
    DisclosureSettings, Partial, Published, Verdict, BENCHMARK_DIMENSIONS,
};
use coord_core::strategies::stats::course_summary;
use proptest::prelude::*;

fn partial(rows: &[CourseSummary]) -> Partial {
    Partial::of_rows(BENCHMARK_DIMENSIONS.to_vec(), rows).unwrap()
}

/// Strata (age bands) each with a block of outcomes (returned, weeks); municipalities with a
/// number of copies of each block: every municipality does exactly as the pool does.
fn as_the_pool() -> impl Strategy<Value = Vec<CourseSummary>> {
    let block = prop::collection::vec((any::<bool>(), 0u32..60), 1..6);
    (
        course_summary(),
        prop::collection::vec(block, 1..4),
        prop::collection::vec(prop::collection::vec(0usize..4, 3), 1..5),
    )
        .prop_map(|(template, blocks, copies)| {
            let mut rows = Vec::new();
            for (m, per_stratum) in copies.iter().enumerate() {
                for (s, block) in blocks.iter().enumerate() {
                    for _ in 0..per_stratum.get(s).copied().unwrap_or(0) {
                        for (returned, weeks) in block {
                            let mut r = template.clone();
                            r.municipality = Some(MunicipalityCode::new(format!("M{m}")));
                            r.age_band = Some(AgeBand::ALL[s]);
                            r.returned = *returned;
                            r.weeks_absent = Some(*weeks);
                            rows.push(r);
                        }
                    }
                }
            }
            rows
        })
}

fn settings(k: u32) -> DisclosureSettings {
    DisclosureSettings {
        k,
        ..DisclosureSettings::default()
    }
}

/// In a one-equation table (the municipalities and their total), a hidden cell is recoverable
/// exactly when the total is shown and it is the only one hidden.
fn hidden_alone(total_shown: bool, hidden: usize) -> bool {
    total_shown && hidden == 1
}

fn check_published(b: &Benchmark, p: &Partial, k: u32) {
    let counts = |m: &Option<String>| {
        let mut all = coord_core::stats::Counts::default();
        for c in p.cells.iter().filter(|c| c.key.first() == Some(m)) {
            all.merge(&c.counts);
        }
        all
    };
    for mb in &b.measures {
        for r in &mb.rows {
            let c = counts(&r.municipality);
            if matches!(r.courses, Published::BelowK) {
                assert!(c.courses < u64::from(k));
            }
            if r.courses.value().is_none() {
                assert!(r.ratio.value().is_none() && r.observed.value().is_none());
                assert!(r.expected.value().is_none() && r.standardised.value().is_none());
                assert!(r.verdict.is_none() && r.rank.is_none());
            }
            if r.ratio.value().is_some() && mb.measure == BenchmarkMeasure::ReturnToWork {
                assert!(c.returned >= u64::from(k), "{r:?}");
                assert!(c.courses - c.returned >= u64::from(k), "{r:?}");
            }
            if r.ratio.value().is_some() && mb.measure == BenchmarkMeasure::WeeksOnBenefit {
                assert!(c.weeks_absent.len() >= 2 * u64::from(k), "{r:?}");
            }
        }
        // The measure's count (returned, weeks summed) can be recovered from the pooled figure
        // when exactly one municipality's is hidden.
        let hidden = mb
            .rows
            .iter()
            .filter(|r| r.observed.value().is_none())
            .count();
        assert!(
            !hidden_alone(mb.pooled.value().is_some(), hidden),
            "{:?}: one hidden municipality and the pooled figure shown",
            mb.measure
        );
    }
    let rows = &b.measures[0].rows;
    let hidden = rows.iter().filter(|r| r.courses.value().is_none()).count();
    assert!(!hidden_alone(b.courses.value().is_some(), hidden));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn doing_as_the_pool_in_every_stratum_gives_ratio_one(rows in as_the_pool()) {
        let p = partial(&rows);
        for measure in BenchmarkMeasure::ALL {
            for s in standardise(&p, measure).unwrap() {
                if let Some(r) = s.ratio() {
                    prop_assert!((r.ratio - 1.0).abs() < 1e-9, "{:?} {:?}", measure, s);
                    prop_assert!(r.low <= 1.0 && 1.0 <= r.high + 1e-12);
                    prop_assert_eq!(s.verdict(measure), Some(Verdict::WithinNoise));
                }
            }
        }
        let b = benchmark(&p, settings(2)).unwrap();
        for mb in &b.measures {
            for r in &mb.rows {
                if let Some(v) = r.ratio.value() {
                    prop_assert!((v.ratio - 1.0).abs() < 1e-9);
                    prop_assert_eq!(r.rank, Some(1), "ties share the first rank");
                }
            }
        }
    }

    #[test]
    fn observed_and_expected_agree_over_all_municipalities(
        rows in prop::collection::vec(course_summary(), 0..150),
    ) {
        let p = partial(&rows);
        for measure in BenchmarkMeasure::ALL {
            let all = standardise(&p, measure).unwrap();
            let o: f64 = all.iter().map(|s| s.observed).sum();
            let e: f64 = all.iter().map(|s| s.expected).sum();
            prop_assert!((o - e).abs() <= 1e-9 * o.max(1.0), "{:?}: {} vs {}", measure, o, e);
            for s in &all {
                if let (Some(r), Some(v)) = (s.ratio(), s.verdict(measure)) {
                    prop_assert!(r.low <= r.ratio && r.ratio <= r.high);
                    // The verdict follows the interval.
                    if r.low > 1.0 + 1e-6 || r.high < 1.0 - 1e-6 {
                        prop_assert_ne!(v, Verdict::WithinNoise, "{:?}", s);
                    }
                }
            }
        }
    }

    #[test]
    fn merging_partials_first_gives_the_same_benchmark(
        a in prop::collection::vec(course_summary(), 0..80),
        b in prop::collection::vec(course_summary(), 0..80),
        k in 3u32..7,
    ) {
        let mut all = a.clone();
        all.extend(b.iter().cloned());
        let merged = partial(&a).merge(&partial(&b)).unwrap();
        prop_assert_eq!(
            benchmark(&merged, settings(k)).unwrap(),
            benchmark(&partial(&all), settings(k)).unwrap()
        );
    }

    #[test]
    fn the_benchmark_gives_no_small_cell_away(
        rows in prop::collection::vec(course_summary(), 0..250),
        k in 3u32..7,
    ) {
        let p = partial(&rows);
        let b = benchmark(&p, settings(k)).unwrap();
        check_published(&b, &p, k);
    }
}
