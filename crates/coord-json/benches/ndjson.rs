//! Benchmark: every NDJSON path against its floor, in the same run. The floor parses the same
//! bytes into the same types with plain serde_json and writes a small answer per line; the path is
//! what `coord … --ndjson --jobs 1` does per line (fast parse with the line id, check, decide,
//! write the answer with `line` and `id`). Report the ratio floor time / path time.
//!
//! `cargo bench -p coord-json --bench ndjson -- --warm-up-time 1 --measurement-time 3`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::consent::{AccessIndex, AccessRequest};
use coord_core::pointer::Pointer;
use coord_json::calls::generate::{write_ndjson, GenerateCall};
use coord_json::calls::lines::call_lines;
use coord_json::envelope::Answer;
use coord_json::ndjson::{stream, Lines, TypedLines};
use coord_json::shared::Shared;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde::de::DeserializeOwned;
use std::io::Write;

fn requests(n: usize) -> String {
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
            r#"{{"id":"r{i}","requester":"{}","citizen":"cit-jens","case":"case-hillerod-1","holder":"{}","categories":["{}","{}"],"action":"view","purpose":"return-to-work","at":"2025-0{}-1{}T09:00:00+02:00"}}"#,
            requesters[i % 3], holders[i % 3], cats[i % 4], cats[(i + 1) % 4], 3 + i % 4, i % 10
        ));
        s.push('\n');
    }
    s
}

fn generated(n: u64, wrap: Option<&str>) -> String {
    let mut out = Vec::new();
    write_ndjson(
        &GenerateCall {
            cases: n,
            seed: 1,
            first: 0,
            municipalities: None,
            as_of: "2025-11-01".parse().unwrap(),
            wrap: wrap.map(str::to_owned),
        },
        &mut out,
    )
    .unwrap()
    .unwrap();
    String::from_utf8(out).unwrap()
}

/// The floor: plain serde_json into `T` and a small answer, per line.
fn floor<T: DeserializeOwned>(text: &str) -> usize {
    let mut out = Vec::with_capacity(1 << 16);
    let mut ok = 0;
    for line in text.lines() {
        out.clear();
        match serde_json::from_str::<T>(line) {
            Ok(v) => {
                std::hint::black_box(&v);
                ok += 1;
                out.extend_from_slice(b"{\"status\":\"success\"}\n");
            }
            Err(_) => out.extend_from_slice(b"{\"status\":\"failure\"}\n"),
        }
        std::io::sink().write_all(&out).unwrap();
    }
    ok
}

fn path(text: &str, lines: &dyn Lines) -> u64 {
    let s = stream(text.as_bytes(), std::io::sink(), lines, 1, &mut |_| {}).unwrap();
    assert_eq!(s.failures, 0);
    s.answered
}

/// Lines a case-file stream would carry, with the strip-`id` call types parsed without the `id`
/// for the floor (plain serde_json rejects the unknown field).
fn without_ids(text: &str) -> String {
    text.lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("id");
            v.to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn bench(c: &mut Criterion) {
    let shared = Shared::builtin().unwrap();
    let reference = shared.reference();
    let case = coord_json::demo::hillerod_case().expect("demo case");
    let checked = CheckedCase::new(case, reference).expect("valid demo case");
    let index = AccessIndex::new(&checked, reference);

    let mut group = c.benchmark_group("ndjson");
    group.sample_size(10);

    // access check CASE --ndjson: one request per line.
    let n = 20_000;
    let text = requests(n);
    let plain = without_ids(&text);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("access_check/floor", |b| {
        b.iter(|| floor::<AccessRequest>(&plain))
    });
    let access = TypedLines::new(|r: AccessRequest| match index.decide(&r) {
        Ok(d) => Answer::success(d),
        Err(e) => Answer::failure(vec![coord_json::problems::problem(&e, &Pointer::root())]),
    });
    group.bench_function("access_check/path", |b| b.iter(|| path(&text, &access)));

    // evaluate --ndjson: one case file per line.
    let n = 5_000;
    let cases = generated(n, None);
    let as_of = "2025-11-01".parse().unwrap();
    let law = coord_core::rules::law::choose_law(&reference.rule_packs, None, "DK", as_of);
    let compiled = law
        .pack
        .map(|p| coord_core::rules::compile::CompiledPack::for_law(p, &reference.rule_packs));
    group.throughput(Throughput::Elements(n));
    group.bench_function("evaluate/floor", |b| b.iter(|| floor::<CaseFile>(&cases)));
    let evaluate = TypedLines::with_own_id(|case| {
        coord_json::calls::rules::evaluate_case(case, &law, compiled.as_ref(), reference, false)
    });
    group.bench_function("evaluate/path", |b| b.iter(|| path(&cases, &evaluate)));

    // call NAME --ndjson for the calls that take a case and a date.
    for name in [
        "evaluate",
        "report",
        "plan-check",
        "team",
        "referrals",
        "offers-match",
        "progress",
    ] {
        let calls = generated(n, Some(name));
        let plain = without_ids(&calls);
        let lines = call_lines(name, &shared).unwrap();
        macro_rules! floor_of {
            ($t:ty) => {
                group.bench_function(format!("call_{name}/floor"), |b| {
                    b.iter(|| floor::<$t>(&plain))
                })
            };
        }
        use coord_json::calls::{plan, report, rules, team};
        match name {
            "evaluate" => floor_of!(rules::EvaluateCall),
            "report" => floor_of!(report::ReportCall),
            "plan-check" => floor_of!(plan::PlanCheckCall),
            "progress" => floor_of!(plan::ProgressCall),
            "team" => floor_of!(team::TeamCall),
            "referrals" => floor_of!(team::ReferralsCall),
            _ => floor_of!(team::OffersMatchCall),
        };
        group.bench_function(format!("call_{name}/path"), |b| {
            b.iter(|| path(&calls, lines.as_ref()))
        });
    }

    // call working-days --ndjson: no case, the cheapest call (the reference data used to dominate).
    let n = 20_000;
    let days: String = (0..n)
        .map(|i| {
            format!(
                "{{\"id\":\"w{i}\",\"from\":\"2025-04-{:02}\",\"working_days\":{}}}\n",
                1 + i % 28,
                i % 30
            )
        })
        .collect();
    let plain = without_ids(&days);
    group.throughput(Throughput::Elements(n));
    group.bench_function("call_working-days/floor", |b| {
        b.iter(|| floor::<coord_json::calls::team::WorkingDaysCall>(&plain))
    });
    let lines = call_lines("working-days", &shared).unwrap();
    group.bench_function("call_working-days/path", |b| {
        b.iter(|| path(&days, lines.as_ref()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
