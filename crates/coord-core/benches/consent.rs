//! Benchmark: one access decision for a citizen with 50 consents on file and 10 legal rules.
//!
//! `cargo bench -p coord-core --bench consent`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

use chrono::{Duration, NaiveDate};
use coord_core::case_file::{CaseFile, Citizen};
use coord_core::category::InformationCategory;
use coord_core::check::CheckedCase;
use coord_core::consent::{
    AccessIndex, AccessRequest, Action, Consent, ConsentForm, ConsentScope, Effect, LegalRule,
    PartyRef,
};
use coord_core::party::{Actor, ActorKind, Role, Sector};
use coord_core::reference::ReferenceData;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

/// 50 consents spread over categories, holders, recipients and purposes; 10 legal rules.
fn fixture(n_consents: usize) -> (CheckedCase, ReferenceData) {
    let actors: Vec<Actor> = Sector::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| Actor {
            identifiers: Vec::new(),
            id: format!("a{i}").into(),
            name: format!("Actor {i}"),
            kind: ActorKind::Person,
            sector: *s,
            role: Role::CASEWORKER,
            organisation: None,
        })
        .collect();
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let consents = (0..n_consents)
        .map(|i| {
            let cats = InformationCategory::ALL;
            Consent {
                id: format!("c{i:05}").into(),
                citizen: "cit".into(),
                given_at: "2025-01-01T09:00:00+01:00".parse().unwrap(),
                form: ConsentForm::Digital,
                recorded_by: None,
                scope: ConsentScope {
                    categories: vec![cats[i % cats.len()], cats[(i + 3) % cats.len()]],
                    holders: vec![PartyRef::Sector(Sector::ALL[i % 7 + 1])],
                    recipients: vec![PartyRef::Sector(Sector::ALL[(i / 7) % 3])],
                    purposes: vec![["return-to-work", "follow-up", "statistics"][i % 3].into()],
                    actions: vec![Action::ALL[i % 3]],
                    case: "case".into(),
                },
                valid_from: start + Duration::days((i % 100) as i64),
                valid_to: start + Duration::days(300),
                revocations: vec![],
                text_ref: None,
            }
        })
        .collect();
    let case = CaseFile {
        id: "case".into(),
        citizen: Citizen {
            identifiers: Vec::new(),
            id: "cit".into(),
            name: "Bench".into(),
            actor: None,
        },
        actors,
        consents,
        ..CaseFile::default()
    };
    let legal_rules = (0..10)
        .map(|i| LegalRule {
            id: format!("rule{i}").into(),
            effect: if i % 3 == 0 {
                Effect::Forbid
            } else {
                Effect::Permit
            },
            title_da: String::new(),
            title_en: String::new(),
            source: "bench".into(),
            holders: Some(vec![PartyRef::Sector(Sector::ALL[i % 12])]),
            recipients: Some(vec![PartyRef::Sector(Sector::ALL[(i + 5) % 12])]),
            categories: Some(vec![InformationCategory::ALL[i % 10]]),
            actions: None,
            purposes: None,
            valid: None,
        })
        .collect();
    let reference = ReferenceData {
        legal_rules,
        ..ReferenceData::default()
    };
    let checked = CheckedCase::new(case, &reference).expect("bench fixture is valid");
    (checked, reference)
}

fn bench(c: &mut Criterion) {
    let (checked, reference) = fixture(50);
    let index = AccessIndex::new(&checked, &reference);
    // a jobcenter caseworker (a0) views rehabilitation (a1) information in two categories
    let request = AccessRequest {
        requester: "a0".into(),
        citizen: "cit".into(),
        case: "case".into(),
        holder: "a1".into(),
        categories: vec![
            InformationCategory::TreatmentProgress,
            InformationCategory::HealthStatus,
        ],
        action: Action::View,
        purpose: "return-to-work".into(),
        at: "2025-06-01T10:00:00+02:00".parse().unwrap(),
    };
    assert_eq!(index.decide(&request).unwrap().outcomes.len(), 2);
    c.bench_function("consent/decide_2_categories_50_consents_10_rules", |b| {
        b.iter(|| index.decide(black_box(&request)))
    });
    c.bench_function("consent/index_build_50_consents_10_rules", |b| {
        b.iter(|| AccessIndex::new(black_box(&checked), black_box(&reference)))
    });
}

/// The same requests with 10× and 100× the consents on file: how the cost grows.
fn scaling(c: &mut Criterion) {
    for n in [50, 500, 5000] {
        let (checked, reference) = fixture(n);
        let index = AccessIndex::new(&checked, &reference);
        let request = |category, purpose: &str| AccessRequest {
            requester: "a0".into(),
            citizen: "cit".into(),
            case: "case".into(),
            holder: "a1".into(),
            categories: vec![category],
            action: Action::View,
            purpose: purpose.into(),
            at: "2025-06-01T10:00:00+02:00".parse().unwrap(),
        };
        let permit = request(InformationCategory::TreatmentProgress, "return-to-work");
        let deny = request(InformationCategory::Economy, "no-such-purpose");
        c.bench_function(&format!("consent/scaling/permit/{n}_consents"), |b| {
            b.iter(|| index.decide(black_box(&permit)))
        });
        c.bench_function(&format!("consent/scaling/deny/{n}_consents"), |b| {
            b.iter(|| index.decide(black_box(&deny)))
        });
    }
}

/// A denial over a full (category, action, purpose) bucket: every consent covers the category,
/// action and purpose asked for. `other_parties`: each names another holder (the index answers
/// from the heads of its holder lists); `same_parties`: each names this holder and recipient but
/// has expired (a citizen who renewed a consent again and again — each must be checked for its
/// dates, so this one grows with the consents naming these very parties).
fn full_bucket(c: &mut Criterion) {
    for same_parties in [false, true] {
        for n in [10, 100, 1000] {
            let (mut checked, reference) = fixture(0);
            let mut case = checked.case().clone();
            let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
            case.consents = (0..n)
                .map(|i| Consent {
                    id: format!("c{i:05}").into(),
                    citizen: "cit".into(),
                    given_at: "2025-01-01T09:00:00+01:00".parse().unwrap(),
                    form: ConsentForm::Digital,
                    recorded_by: None,
                    scope: ConsentScope {
                        categories: vec![InformationCategory::TreatmentProgress],
                        holders: vec![PartyRef::Sector(if same_parties {
                            Sector::ALL[1]
                        } else {
                            Sector::ALL[2 + i % 5]
                        })],
                        recipients: vec![PartyRef::Sector(Sector::ALL[0])],
                        purposes: vec!["return-to-work".into()],
                        actions: vec![Action::View],
                        case: "case".into(),
                    },
                    valid_from: start,
                    valid_to: start
                        + Duration::days(match (same_parties, i % 2) {
                            (true, _) => 100,
                            (false, 0) => 100,
                            (false, _) => 300,
                        }),
                    revocations: vec![],
                    text_ref: None,
                })
                .collect();
            checked = CheckedCase::new(case, &reference).expect("bench fixture is valid");
            let index = AccessIndex::new(&checked, &reference);
            let deny = AccessRequest {
                requester: "a0".into(),
                citizen: "cit".into(),
                case: "case".into(),
                holder: "a1".into(),
                categories: vec![InformationCategory::TreatmentProgress],
                action: Action::View,
                purpose: "return-to-work".into(),
                at: "2025-06-01T10:00:00+02:00".parse().unwrap(),
            };
            assert!(!index.decide(&deny).unwrap().all_permitted());
            let kind = if same_parties {
                "deny_full_bucket_same_parties"
            } else {
                "deny_full_bucket"
            };
            c.bench_function(&format!("consent/scaling/{kind}/{n}_consents"), |b| {
                b.iter(|| index.decide(black_box(&deny)))
            });
        }
    }
}

criterion_group!(benches, bench, scaling, full_bucket);
criterion_main!(benches);
