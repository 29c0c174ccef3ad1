//! Generators for the team, referral and calendar properties: team histories with handovers, gaps
//! and overlaps; referral transition attempts; dates and calendars.

use crate::calendar::{AgreedClosingDay, WorkingCalendar};
use crate::case_file::{CaseFile, Citizen};
use crate::category::InformationCategory;
use crate::party::{Actor, ActorKind, Role, Sector};
use crate::referral::{NotSuccessfulReason, ReferralOutcome, ReferralState, Transition};
use crate::team::{CareTeam, Course, CourseStatus, Responsibilities, TeamMember};
use crate::time::{DatePeriod, Instant};
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use proptest::sample::subsequence;

/// The first day of generated courses: 2025-01-01.
pub fn course_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// A date between 2018 and 2032.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..(365 * 14)).prop_map(|d| {
        NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or(NaiveDate::MIN) + Duration::days(d)
    })
}

/// A working calendar with any subset of the agreed closing days and up to three local ones.
pub fn calendar() -> impl Strategy<Value = WorkingCalendar> {
    (
        subsequence(AgreedClosingDay::ALL.to_vec(), 0..=3),
        proptest::collection::vec(date(), 0..3),
    )
        .prop_map(
            |(closed_by_agreement, local_closing_days)| WorkingCalendar {
                closed_by_agreement,
                local_closing_days,
            },
        )
}

fn actor(id: &str, sector: Sector, role: Role) -> Actor {
    Actor {
        identifiers: Vec::new(),
        id: id.into(),
        name: id.to_uppercase(),
        kind: ActorKind::Person,
        sector,
        role,
        organisation: None,
    }
}

/// The ids of the generated coordinating caseworkers.
pub const COORDINATORS: [&str; 5] = ["cw0", "cw1", "cw2", "cw3", "cw4"];

/// A case file with the citizen `jens`, caseworkers `cw0`–`cw4`, the referrer `lars` and the
/// receiver `hc` (a health centre), and no team, consents or referrals.
pub fn base_case() -> CaseFile {
    let mut actors = vec![
        actor("jens", Sector::Citizen, Role::CITIZEN),
        actor("lars", Sector::MunicipalEmployment, Role::CASEWORKER),
        actor("hc", Sector::MunicipalHealthCentre, Role::NURSE),
    ];
    for id in COORDINATORS {
        actors.push(actor(
            id,
            Sector::MunicipalEmployment,
            Role::COORDINATING_CASEWORKER,
        ));
    }
    CaseFile {
        id: "k".into(),
        title: String::new(),
        citizen: Citizen {
            identifiers: Vec::new(),
            id: "c".into(),
            name: "Jens".into(),
            actor: Some("jens".into()),
        },
        actors,
        consents: Vec::new(),
        course: Default::default(),
        events: Vec::new(),
        team: None,
        referrals: Vec::new(),
        wishes: Vec::new(),
        ..CaseFile::default()
    }
}

/// A valid team history: a course from 2025-01-01 (open or closed, any status) and up to five
/// coordinating memberships of different people with periods that may hand over cleanly, leave
/// gaps or overlap.
pub fn team() -> impl Strategy<Value = CareTeam> {
    let status = prop_oneof![
        Just(CourseStatus::Active),
        Just(CourseStatus::Suspended),
        Just(CourseStatus::Closed),
        Just(CourseStatus::Proposed),
    ];
    let course_end = proptest::option::of(30i64..400);
    let member = (0i64..300, proptest::option::of(0i64..200), any::<bool>());
    (
        status,
        course_end,
        proptest::collection::vec(member, 0..=COORDINATORS.len()),
    )
        .prop_map(|(status, end, members)| {
            let start = course_start();
            let mut previous_end: Option<NaiveDate> = None;
            let members = members
                .into_iter()
                .zip(COORDINATORS)
                .map(|((offset, length, follow), id)| {
                    // Half the time, start the day after the previous member ends (a handover).
                    let from = match (follow, previous_end) {
                        (true, Some(e)) => e + Duration::days(1),
                        _ => start + Duration::days(offset),
                    };
                    let to = length.map(|l| from + Duration::days(l));
                    previous_end = to;
                    TeamMember {
                        actor: id.into(),
                        role: Role::COORDINATING_CASEWORKER,
                        period: DatePeriod::new(from, to),
                        contact: None,
                        responsibilities: Responsibilities::default(),
                    }
                })
                .collect();
            CareTeam {
                course: Course {
                    period: DatePeriod::new(start, end.map(|e| start + Duration::days(e))),
                    status,
                },
                members,
            }
        })
}

/// The categories a generated referral may carry.
pub const REFERRAL_CATEGORIES: [InformationCategory; 3] = [
    InformationCategory::PlanAndGoals,
    InformationCategory::FunctionalAbility,
    InformationCategory::HealthStatus,
];

/// A subset of [`REFERRAL_CATEGORIES`].
pub fn referral_categories() -> impl Strategy<Value = Vec<InformationCategory>> {
    subsequence(REFERRAL_CATEGORIES.to_vec(), 0..=3)
}

/// One attempted transition: any state, by `lars` or `hc`, some hours after the start, with or
/// without a reason and an outcome.
pub fn attempt() -> impl Strategy<Value = (ReferralState, bool, i64, bool, Option<ReferralOutcome>)>
{
    let state = proptest::sample::select(ReferralState::ALL.to_vec());
    let outcome = proptest::option::of(prop_oneof![
        Just(ReferralOutcome::Successful),
        Just(ReferralOutcome::NotSuccessful {
            reason: NotSuccessfulReason::NoCapacity
        }),
        Just(ReferralOutcome::NotSuccessful {
            reason: NotSuccessfulReason::CitizenDeclined
        }),
    ]);
    (state, any::<bool>(), 0i64..48, any::<bool>(), outcome)
}

/// The transition an [`attempt`] describes, at `base` plus its hours.
pub fn attempt_to_transition(
    attempt: &(ReferralState, bool, i64, bool, Option<ReferralOutcome>),
    base: Instant,
) -> Transition {
    let (to, by_receiver, hours, reason, outcome) = attempt;
    Transition {
        to: *to,
        by: if *by_receiver { "hc" } else { "lars" }.into(),
        at: base + Duration::hours(*hours),
        reason: reason.then(|| "because".to_owned()),
        outcome: *outcome,
    }
}
