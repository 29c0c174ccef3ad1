//! The team + referral + stale analysis on a large case: 30 team members (with coordinator
//! handovers), 50 referrals in every state, 200 events, a few consents.
//!
//! Run: `cargo bench -p coord-core --bench team`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

use coord_core::calendar::WorkingCalendar;
use coord_core::check::CheckedCase;
use coord_core::consent::AccessIndex;
use coord_core::offers::OfferCatalogue;
use coord_core::reference::ReferenceData;
use coord_core::referral::{referral_overview, ResponseDeadlines};
use coord_core::team::team_report;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

#[path = "fixtures/large_case.rs"]
mod fixtures;
use fixtures::large_case;

fn bench(c: &mut Criterion) {
    let reference = ReferenceData::default();
    let checked = CheckedCase::new(large_case(), &reference).unwrap();
    let catalogue = OfferCatalogue {
        default_response_deadlines: ResponseDeadlines {
            proposed_to_citizen: Some(10),
            accepted_by_citizen: Some(3),
            sent: Some(5),
            received: Some(10),
            accepted: Some(20),
            ..ResponseDeadlines::default()
        },
        ..OfferCatalogue::default()
    };
    let calendar = WorkingCalendar::default();
    let as_of = "2024-06-03".parse().unwrap();
    let overview = {
        let index = AccessIndex::new(&checked, &reference);
        referral_overview(&index, &catalogue, &calendar, as_of)
    };
    assert!(overview.referrals.iter().any(|r| r.stale));
    c.bench_function(
        "team_referrals_stale/30_members_50_referrals_200_events",
        |b| {
            b.iter(|| {
                let team = team_report(checked.case(), &[], black_box(as_of));
                let index = AccessIndex::new(&checked, &reference);
                let referrals = referral_overview(&index, &catalogue, &calendar, black_box(as_of));
                black_box((team, referrals))
            })
        },
    );
    let case = checked.case().clone();
    c.bench_function(
        "team_referrals_stale_with_case_check/30_members_50_referrals_200_events",
        |b| {
            b.iter(|| {
                let checked = CheckedCase::new(black_box(case.clone()), &reference).unwrap();
                let team = team_report(checked.case(), &[], as_of);
                let index = AccessIndex::new(&checked, &reference);
                let referrals = referral_overview(&index, &catalogue, &calendar, as_of);
                black_box((team.findings.len(), referrals.findings.len()))
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
