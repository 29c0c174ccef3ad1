//! Benchmark: the coordination report in-process on a case with 30 team members, 50 referrals
//! and 200 events (plus a plan with 3 indicators × 12 measurements), with the built-in reference
//! data and the 2025 rule pack.
//!
//! `cargo bench -p coord-json --bench report`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

#[path = "../../coord-core/benches/fixtures/large_case.rs"]
mod fixtures;

use coord_core::check::CheckedCase;
use coord_core::plan::Measurement;
use coord_core::report::coordination_report;
use coord_core::rules::law::choose_law;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use serde_json::json;

fn bench(c: &mut Criterion) {
    let reference = coord_json::builtin::reference_data().unwrap();
    let mut case = fixtures::large_case();
    let mut measurements = Vec::new();
    for (k, (instrument, base)) in [("who5", 28.0), ("phq9", 18.0), ("was", 2.0)]
        .iter()
        .enumerate()
    {
        for month in 0..12 {
            let value = if *instrument == "phq9" {
                base - month as f64
            } else {
                base + 2.0 * month as f64
            };
            let value = if *instrument == "was" {
                (value / 2.0).min(10.0).round()
            } else {
                value
            };
            let m: Measurement = serde_json::from_value(json!({
                "id": format!("m{k}-{month}"), "indicator": instrument, "date": format!("2024-{:02}-15", month + 1),
                "source": "instrument", "value": value, "recorded_by": "a0"
            }))
            .unwrap();
            measurements.push(m);
        }
    }
    case.measurements = measurements;
    case.course = serde_json::from_value(json!({
        "target_group": "sickness_benefit", "first_day_of_absence": "2024-01-02", "employed": false,
        "conditions": ["musculoskeletal", "mental"], "social_factors": ["weak_network"]
    }))
    .unwrap();
    let checked = CheckedCase::new(case, &reference).unwrap();
    let as_of = "2024-12-20".parse().unwrap();
    let law = choose_law(&reference.rule_packs, None, "DK", as_of);
    let report = coordination_report(&checked, &reference, &law).unwrap();
    assert_eq!(report.team.members.len(), 30);
    assert_eq!(report.referrals.referrals.len(), 50);
    c.bench_function("report/30_members_50_referrals_200_events", |b| {
        b.iter(|| coordination_report(black_box(&checked), &reference, black_box(&law)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
