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
use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::consent::AccessIndex;
use coord_core::offers::OfferCatalogue;
use coord_core::reference::ReferenceData;
use coord_core::referral::{referral_overview, ResponseDeadlines};
use coord_core::team::team_report;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};

const STEPS: [&str; 6] = [
    "proposed_to_citizen",
    "accepted_by_citizen",
    "sent",
    "received",
    "accepted",
    "in_progress",
];

fn large_case() -> CaseFile {
    let mut actors = vec![
        json!({ "id": "cit", "name": "Borger", "kind": "person", "sector": "citizen", "role": "citizen" }),
        json!({ "id": "hc", "name": "Sundhedscenter", "kind": "organisation", "sector": "municipal_health_centre", "role": "nurse" }),
    ];
    let mut members = Vec::new();
    for i in 0..30 {
        actors.push(
            json!({ "id": format!("a{i}"), "name": format!("Actor {i}"), "kind": "person",
            "sector": if i % 2 == 0 { "municipal_employment" } else { "municipal_rehabilitation" },
            "role": "caseworker" }),
        );
        // Five coordinating caseworkers hand over every 60 days; the rest are other roles.
        let (role, from, to) = if i < 5 {
            let from = 60 * i;
            (
                "coordinating_caseworker",
                from,
                if i < 4 { Some(from + 59) } else { None },
            )
        } else {
            (
                if i % 3 == 0 {
                    "physiotherapist"
                } else {
                    "mentor"
                },
                (i * 7) % 200,
                None,
            )
        };
        let day = |d: i64| {
            (chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(d))
                .to_string()
        };
        let mut period = json!({ "from": day(from) });
        if let Some(t) = to {
            period["to"] = Value::String(day(t));
        }
        members.push(json!({ "actor": format!("a{i}"), "role": role, "period": period,
            "responsibilities": { "goals": [format!("g{i}")], "categories": ["treatment_progress"] } }));
    }
    let mut referrals = Vec::new();
    for i in 0..50 {
        let n = i % (STEPS.len() + 1);
        let history: Vec<Value> = STEPS
            .iter()
            .take(n)
            .enumerate()
            .map(|(k, s)| json!({ "to": s, "by": "a0", "at": format!("2024-03-{:02}T10:00:00+01:00", 1 + k + (i % 10)) }))
            .collect();
        referrals.push(json!({ "id": format!("r{i}"), "from": "a0", "to": "hc",
            "reason": { "text": "x" }, "categories": ["plan_and_goals"], "purpose": "p",
            "created_at": "2024-02-28T10:00:00+01:00", "history": history }));
    }
    let events: Vec<Value> = (0..200)
        .map(|i| json!({ "id": format!("e{i}"), "kind": "follow_up_interview", "on": format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28), "by": "a0" }))
        .collect();
    let consent = json!({ "id": "c1", "citizen": "cit", "given_at": "2024-01-01T10:00:00+01:00", "form": "written",
        "scope": { "categories": ["plan_and_goals"], "holders": [{ "sector": "municipal_employment" }],
                   "recipients": [{ "actor": "hc" }], "purposes": ["p"], "actions": ["disclose"], "case": "k" },
        "valid_from": "2024-01-01", "valid_to": "2024-12-31" });
    serde_json::from_value(json!({
        "id": "k", "citizen": { "id": "cit", "name": "Borger", "actor": "cit" },
        "actors": actors, "consents": [consent], "events": events,
        "team": { "course": { "period": { "from": "2024-01-01" }, "status": "active" }, "members": members },
        "referrals": referrals
    }))
    .unwrap()
}

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
