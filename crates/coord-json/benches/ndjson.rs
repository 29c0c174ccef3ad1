//! Benchmark: NDJSON throughput of access decisions (what `coord access check --ndjson` does per
//! line: parse, decide, serialise) on 100,000 requests against the demo case.
//!
//! `cargo bench -p coord-json --bench ndjson`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

use coord_core::check::CheckedCase;
use coord_core::consent::{AccessIndex, AccessRequest};
use coord_core::pointer::Pointer;
use coord_json::envelope::Answer;
use coord_json::parse::parse;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn input(n: usize) -> String {
    let mut s = String::new();
    let cats = [
        "treatment_progress",
        "functional_ability",
        "health_status",
        "attendance",
    ];
    let holders = ["anne", "gp-berg", "rehab-hillerod"];
    let requesters = ["mette", "lars", "employer-byg"];
    for i in 0..n {
        s.push_str(&format!(
            r#"{{"requester":"{}","citizen":"cit-jens","case":"case-hillerod-1","holder":"{}","categories":["{}","{}"],"action":"view","purpose":"return-to-work","at":"2025-0{}-1{}T09:00:00+02:00"}}"#,
            requesters[i % 3], holders[i % 3], cats[i % 4], cats[(i + 1) % 4], 3 + i % 4, i % 10
        ));
        s.push('\n');
    }
    s
}

fn bench(c: &mut Criterion) {
    let reference = coord_json::builtin::reference_data().expect("built-in reference");
    let case = coord_json::demo::hillerod_case().expect("demo case");
    let checked = CheckedCase::new(case, &reference).expect("valid demo case");
    let index = AccessIndex::new(&checked, &reference);
    let n = 100_000;
    let text = input(n);
    let mut group = c.benchmark_group("ndjson");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("access_check_100k_requests", |b| {
        b.iter(|| {
            let summary = coord_json::ndjson::stream(text.as_bytes(), std::io::sink(), |line| {
                match parse::<AccessRequest>(line) {
                    Ok(r) => match index.decide(&r) {
                        Ok(d) => Answer::success(d),
                        Err(e) => Answer::failure(vec![coord_json::problems::problem(
                            &e,
                            &Pointer::root(),
                        )]),
                    },
                    Err(p) => Answer::failure(vec![p]),
                }
            })
            .expect("sink never fails");
            assert_eq!(summary.failures, 0);
            summary
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
