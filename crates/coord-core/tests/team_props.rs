//! Properties of the team, referral and working-day rules.
#![cfg(feature = "proptest")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

use coord_core::calendar::{public_holiday, WorkingCalendar};
use coord_core::check::{check_case_file, CheckedCase};
use coord_core::consent::{AccessIndex, Action, Consent, ConsentForm, ConsentScope, PartyRef};
use coord_core::pointer::Pointer;
use coord_core::reference::ReferenceData;
use coord_core::referral::{
    check_step, send_permit, transition, Referral, ReferralReason, ReferralState,
};
use coord_core::strategies::team::{
    attempt, attempt_to_transition, base_case, calendar, date, referral_categories, team,
};
use coord_core::team::{coordinator_coverage, thread_holder, TeamFinding, ThreadHolder};
use coord_core::time::Instant;
use proptest::prelude::*;

fn at(s: &str) -> Instant {
    s.parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Adding working days never lands on a closed day, and more days never land earlier.
    #[test]
    fn working_days_are_monotonic_and_skip_closed_days(
        cal in calendar(), start in date(), n in 0u32..60, m in 0u32..60
    ) {
        let a = cal.add_working_days(start, n);
        let b = cal.add_working_days(start, n + m);
        prop_assert!(a <= b);
        if m > 0 { prop_assert!(a < b); }
        if n > 0 {
            prop_assert!(cal.is_working_day(a));
            prop_assert!(public_holiday(a).is_none());
        }
        prop_assert_eq!(cal.working_days_between(start, a), i64::from(n));
        let counted = start.iter_days().skip(1).take_while(|d| *d <= a).filter(|d| cal.is_working_day(*d)).count();
        prop_assert_eq!(counted as u32, n);
    }

    /// The arithmetic count of working days between two dates equals counting day by day.
    #[test]
    fn working_days_between_counts_day_by_day(cal in calendar(), a in date(), b in date()) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let counted = lo.iter_days().skip(1).take_while(|d| *d <= hi).filter(|d| cal.is_working_day(*d)).count() as i64;
        prop_assert_eq!(cal.working_days_between(lo, hi), counted);
        prop_assert_eq!(cal.working_days_between(hi, lo), -counted);
    }

    /// Holidays are never working days, whatever the settings.
    #[test]
    fn holidays_are_never_working_days(cal in calendar(), day in date()) {
        if public_holiday(day).is_some() {
            prop_assert!(!cal.is_working_day(day));
            prop_assert!(!WorkingCalendar::public_holidays_only().is_working_day(day));
        }
    }

    /// For any valid team history, on every day of a running course exactly one coordinating
    /// person is found, or a finding covers that day and says why not.
    #[test]
    fn exactly_one_coordinator_or_a_finding(team in team()) {
        let mut case = base_case();
        case.team = Some(team.clone());
        let reference = ReferenceData { vocabularies: coord_core::strategies::generated_vocabularies(), ..ReferenceData::default() };
        prop_assert!(check_case_file(&case, &reference).is_empty());
        let (findings, _) = coordinator_coverage(&team);
        let start = team.course.period.from;
        for day in start.iter_days().take(420) {
            let covering: Vec<&TeamFinding> = findings.iter().filter(|f| match f {
                TeamFinding::NoCoordinator { period } | TeamFinding::SeveralCoordinators { period, .. } => period.contains(day),
                _ => false,
            }).collect();
            match thread_holder(&case, day) {
                ThreadHolder::One { .. } => prop_assert!(covering.is_empty(), "{day}: {covering:?}"),
                ThreadHolder::NoCourse => {
                    prop_assert!(!team.course.needs_coordinator_on(day));
                    prop_assert!(covering.is_empty());
                }
                ThreadHolder::Nobody => {
                    if team.course.needs_coordinator_on(day) {
                        prop_assert!(matches!(covering.as_slice(), [TeamFinding::NoCoordinator { .. }]), "{day}: {covering:?}");
                    }
                }
                ThreadHolder::Several { members } => {
                    if team.course.needs_coordinator_on(day) {
                        let [TeamFinding::SeveralCoordinators { actors, .. }] = covering.as_slice() else {
                            return Err(TestCaseError::fail(format!("{day}: {covering:?}")));
                        };
                        prop_assert_eq!(actors.len(), members.len());
                    }
                }
            }
        }
    }

    /// Whatever transitions are attempted: every accepted one follows a legal edge, the recorded
    /// history replays, every completed referral has an outcome, the referrer is always told, and
    /// a referral is sent only with a permit for every category it carries.
    #[test]
    fn referral_state_machine_holds(
        carried in referral_categories(),
        consented in referral_categories(),
        attempts in proptest::collection::vec(attempt(), 0..25),
    ) {
        let mut case = base_case();
        if !consented.is_empty() {
            case.consents.push(Consent {
                id: "c1".into(),
                citizen: "c".into(),
                given_at: at("2025-03-01T10:00:00+01:00"),
                form: ConsentForm::Written,
                recorded_by: None,
                scope: ConsentScope {
                    categories: consented.clone(),
                    holders: vec![PartyRef::Actor("lars".into())],
                    recipients: vec![PartyRef::Actor("hc".into())],
                    purposes: vec!["current-treatment".into()],
                    actions: vec![Action::Disclose],
                    case: "k".into(),
                },
                valid_from: "2025-03-01".parse().unwrap(),
                valid_to: "2026-02-28".parse().unwrap(),
                revocations: Vec::new(),
                text_ref: None,
            });
        }
        let reference = ReferenceData { vocabularies: coord_core::strategies::generated_vocabularies(), ..ReferenceData::default() };
        let checked = CheckedCase::new(case, &reference).unwrap();
        let index = AccessIndex::new(&checked, &reference);
        let mut referral = Referral {
            id: "r1".into(),
            from: "lars".into(),
            to: "hc".into(),
            offer: None,
            reason: ReferralReason::Text("x".into()),
            categories: carried.clone(),
            purpose: "current-treatment".into(),
            created_at: at("2025-03-03T09:00:00+01:00"),
            history: Vec::new(),
        };
        let mut base = referral.created_at;
        let covered = carried.iter().all(|c| consented.contains(c));
        for a in &attempts {
            let step = attempt_to_transition(a, base);
            let before = referral.state();
            match transition(&index, &referral, &step, &Pointer::root()) {
                Ok(out) => {
                    prop_assert!(before.can_go_to(out.to));
                    if out.to == ReferralState::Sent {
                        prop_assert!(covered);
                        let permit = send_permit(&index, &out.referral, step.at);
                        prop_assert!(permit.is_none_or(|p| p.missing.is_empty() && p.blocked.is_empty()));
                    }
                    if out.to == ReferralState::Completed {
                        prop_assert!(out.referral.outcome().is_some());
                    }
                    prop_assert!(out.notifications.iter().any(|n| n.to.as_str() == "lars"));
                    referral = out.referral;
                    base = step.at;
                }
                Err(e) => {
                    let legal = check_step(before, referral.since(), &step, &Pointer::root()).is_ok();
                    if legal && step.to == ReferralState::Sent && !covered {
                        prop_assert_eq!(e.code(), "referral.no_permit");
                    }
                    if !before.can_go_to(step.to) {
                        prop_assert_eq!(e.code(), "referral.illegal_transition");
                    }
                }
            }
        }
        // The recorded history replays without a case-file error.
        let mut case = checked.into_inner();
        case.referrals.push(referral.clone());
        prop_assert!(check_case_file(&case, &reference).is_empty());
        if referral.state() == ReferralState::Completed {
            prop_assert!(referral.outcome().is_some());
        }
    }
}
