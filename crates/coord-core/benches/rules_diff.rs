//! `rules diff` between the 2025 and 2026 Danish packs over 10,000 generated cases on
//! 1 December 2026 (generation, both evaluations, shrinking one example per change), against a
//! reference measured in the same run: generating the same 10,000 cases and evaluating one pack
//! (the 2026 pack, given explicitly) over them.
//!
//! `cargo bench -p coord-core --features proptest --bench rules_diff`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

const VOCABULARIES: &str = include_str!("../../coord-json/data/vocabularies.json");

use chrono::NaiveDate;
use coord_core::check::CheckedCase;
use coord_core::reference::ReferenceData;
use coord_core::rules::diff::diff_generated;
use coord_core::rules::law::{choose_law, evaluate_under_law};
use coord_core::rules::RulePack;
use coord_core::time::DatePeriod;
use criterion::{criterion_group, criterion_main, Criterion};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::hint::black_box;
use std::time::Duration;

const PACKS: [&str; 3] = [
    include_str!("../../coord-json/data/packs/dk-pre-2025.json"),
    include_str!("../../coord-json/data/packs/dk-2025.json"),
    include_str!("../../coord-json/data/packs/dk-2026.json"),
];
const CASES: usize = 10_000;

fn bench(c: &mut Criterion) {
    let reference = ReferenceData {
        rule_packs: PACKS
            .iter()
            .map(|t| serde_json::from_str::<RulePack>(t).unwrap())
            .collect(),
        vocabularies: serde_json::from_str(VOCABULARIES).unwrap(),
        ..ReferenceData::default()
    };
    let (a, b) = (&reference.rule_packs[1], &reference.rule_packs[2]);
    let as_of: NaiveDate = "2026-12-01".parse().unwrap();
    let mut group = c.benchmark_group("rules_diff");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(15));
    group.bench_function(
        "reference_generate_and_evaluate_2026_pack_10000_cases",
        |bench| {
            bench.iter(|| {
                let mut runner = TestRunner::new_with_rng(
                    Config::default(),
                    TestRng::from_seed(RngAlgorithm::ChaCha, &[1; 32]),
                );
                let strategy = coord_core::strategies::case_with_date(
                    DatePeriod::new(as_of, Some(as_of)),
                    &reference.vocabularies,
                );
                for _ in 0..CASES {
                    let (case, _) = strategy.new_tree(&mut runner).unwrap().current();
                    let checked = CheckedCase::new(case, &reference).unwrap();
                    let choice = choose_law(&reference.rule_packs, Some(b), "DK", as_of);
                    black_box(evaluate_under_law(
                        &choice,
                        &reference.rule_packs,
                        &checked,
                        &reference,
                        false,
                    ));
                }
            })
        },
    );
    group.bench_function("diff_2025_2026_10000_cases", |bench| {
        bench.iter(|| black_box(diff_generated(a, b, &reference, as_of, CASES, 1)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
