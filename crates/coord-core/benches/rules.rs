//! The 2025 Danish rule pack over generated cases: per-case evaluation time, and scaling from
//! 10,000 to 100,000 distinct cases (and to 100,000 evaluations of the same 10,000 cases).
//!
//! `cargo bench -p coord-core --features proptest --bench rules`
//!
//! `COORD_BENCH_PACK=FILE` evaluates another pack under the same names, e.g. the 2025 pack as it
//! was when the speed bound of the date language was set
//! (`benches/fixtures/dk-2025-at-0953789.json`: 17 rules, before the law was corrected), so the
//! engine's figure can be paired with that commit's on the same rules.
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
use coord_core::rules::compile::CompiledPack;
use coord_core::rules::evaluate::evaluate;
use coord_core::rules::RulePack;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::hint::black_box;
use std::time::Duration;

const FROM_2025: &str = include_str!("../../coord-json/data/packs/dk-2025.json");

fn generated(
    pack: &RulePack,
    reference: &ReferenceData,
    n: usize,
) -> Vec<(CheckedCase, NaiveDate)> {
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let strategy = coord_core::strategies::case_with_date(pack.valid, &reference.vocabularies);
    (0..n)
        .filter_map(|_| {
            let (case, as_of) = strategy.new_tree(&mut runner).ok()?.current();
            Some((CheckedCase::new(case, reference).ok()?, as_of))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let text = match std::env::var_os("COORD_BENCH_PACK") {
        Some(path) => std::fs::read_to_string(&path).expect("COORD_BENCH_PACK: a readable file"),
        None => FROM_2025.to_owned(),
    };
    let pack: RulePack = match serde_json::from_str(&text) {
        Ok(p) => p,
        Err(e) => panic!("the pack does not parse: {e}"),
    };
    let reference = ReferenceData {
        vocabularies: serde_json::from_str(VOCABULARIES).unwrap(),
        ..ReferenceData::default()
    };
    let cases = generated(&pack, &reference, 100_000);
    assert_eq!(cases.len(), 100_000);

    let mut group = c.benchmark_group("rules");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    let mut i = 0usize;
    group.bench_function("evaluate_one_case_2025_pack", |b| {
        b.iter(|| {
            let (case, as_of) = &cases[i % cases.len()];
            i += 1;
            black_box(evaluate(&pack, case, &reference, *as_of, false))
        })
    });
    // Compiled once, as `coord evaluate --ndjson` does: only the facts the pack uses.
    let compiled = CompiledPack::new(&pack);
    group.bench_function("evaluate_one_case_2025_pack_compiled", |b| {
        b.iter(|| {
            let (case, as_of) = &cases[i % cases.len()];
            i += 1;
            black_box(compiled.evaluate(case, &reference, *as_of, false))
        })
    });
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for n in [10_000usize, 100_000] {
        group.bench_function(format!("evaluate_{n}_cases_2025_pack"), |b| {
            b.iter_batched(
                || (),
                |()| {
                    for (case, as_of) in &cases[..n] {
                        black_box(compiled.evaluate(case, &reference, *as_of, false));
                    }
                },
                BatchSize::PerIteration,
            )
        });
    }
    // The same 10,000 cases evaluated ten times over: 10x the evaluations over the same data, so
    // the ratio to the 10,000 run shows the algorithm's scaling without the memory-hierarchy
    // effect of touching 10x as much case data.
    group.bench_function(
        "evaluate_100000_evaluations_of_10000_cases_2025_pack",
        |b| {
            b.iter_batched(
                || (),
                |()| {
                    for _ in 0..10 {
                        for (case, as_of) in &cases[..10_000] {
                            black_box(evaluate(&pack, case, &reference, *as_of, false));
                        }
                    }
                },
                BatchSize::PerIteration,
            )
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
