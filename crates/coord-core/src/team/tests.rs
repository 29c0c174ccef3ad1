//! Examples of the team answers, through one helper per question.

use super::*;
use crate::case_file::CaseFile;
use crate::check::check_case_file;
use crate::reference::ReferenceData;
use crate::time::DatePeriod;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn case(members: &str, course: &str) -> CaseFile {
    serde_json::from_str(&format!(
        r#"{{
      "id": "k", "citizen": {{ "id": "c", "name": "Jens" }},
      "actors": [
        {{ "id": "lars", "name": "Lars", "kind": "person", "sector": "municipal_employment", "role": "caseworker" }},
        {{ "id": "sara", "name": "Sara", "kind": "person", "sector": "municipal_employment", "role": "caseworker" }},
        {{ "id": "rehab", "name": "Rehab", "kind": "organisation", "sector": "municipal_rehabilitation", "role": "physiotherapist" }},
        {{ "id": "anne", "name": "Anne", "kind": "person", "sector": "municipal_rehabilitation", "role": "physiotherapist", "organisation": "rehab" }}
      ],
      "team": {{ "course": {course}, "members": [{members}] }}
    }}"#
    ))
    .unwrap()
}

const ACTIVE: &str = r#"{ "period": { "from": "2025-01-01" }, "status": "active" }"#;

fn coordinator(actor: &str, from: &str, to: Option<&str>) -> String {
    let to = to.map_or(String::new(), |t| format!(r#", "to": "{t}""#));
    format!(
        r#"{{ "actor": "{actor}", "role": "coordinating_caseworker", "period": {{ "from": "{from}"{to} }} }}"#
    )
}

fn check_holder(case: &CaseFile, day: &str, expected: Option<&str>) {
    let got = thread_holder(case, d(day));
    assert_eq!(got.actor().map(|a| a.as_str()), expected, "{day}: {got:?}");
}

#[test]
fn handover_without_gap_has_one_holder_every_day() {
    let c = case(
        &[
            coordinator("lars", "2025-01-01", Some("2025-03-31")),
            coordinator("sara", "2025-04-01", None),
        ]
        .join(","),
        ACTIVE,
    );
    check_holder(&c, "2025-01-01", Some("lars"));
    check_holder(&c, "2025-03-31", Some("lars"));
    check_holder(&c, "2025-04-01", Some("sara"));
    let (findings, handovers) = coordinator_coverage(c.team.as_ref().unwrap());
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(
        handovers,
        [Handover {
            on: d("2025-04-01"),
            from: "lars".into(),
            to: "sara".into()
        }]
    );
}

#[test]
fn gap_and_overlap_are_findings() {
    let c = case(
        &[
            coordinator("lars", "2025-01-10", Some("2025-03-31")),
            coordinator("sara", "2025-03-20", Some("2025-05-31")),
        ]
        .join(","),
        ACTIVE,
    );
    let (findings, handovers) = coordinator_coverage(c.team.as_ref().unwrap());
    assert_eq!(
        findings,
        [
            TeamFinding::NoCoordinator {
                period: DatePeriod::new(d("2025-01-01"), Some(d("2025-01-09")))
            },
            TeamFinding::SeveralCoordinators {
                actors: vec!["lars".into(), "sara".into()],
                period: DatePeriod::new(d("2025-03-20"), Some(d("2025-03-31")))
            },
            TeamFinding::NoCoordinator {
                period: DatePeriod::new(d("2025-06-01"), None)
            },
        ]
    );
    assert!(handovers.is_empty());
    assert!(matches!(
        thread_holder(&c, d("2025-03-25")),
        ThreadHolder::Several { .. }
    ));
    assert_eq!(thread_holder(&c, d("2025-01-05")), ThreadHolder::Nobody);
}

#[test]
fn proposed_course_needs_nobody() {
    let c = case(
        "",
        r#"{ "period": { "from": "2025-01-01" }, "status": "proposed" }"#,
    );
    let (findings, _) = coordinator_coverage(c.team.as_ref().unwrap());
    assert!(findings.is_empty());
    assert_eq!(thread_holder(&c, d("2025-02-01")), ThreadHolder::NoCourse);
}

#[test]
fn contacts_by_responsibility_else_coordinator() {
    let c = case(
        &[
            coordinator("lars", "2025-01-01", None),
            r#"{ "actor": "anne", "role": "physiotherapist", "period": { "from": "2025-02-01" },
                 "contact": { "phone": "+45 1234 5678" },
                 "responsibilities": { "goals": ["g-walk"], "categories": ["treatment_progress"] } }"#
                .to_owned(),
        ]
        .join(","),
        ACTIVE,
    );
    let a = contacts_for(&c, &Subject::Goal("g-walk".into()), d("2025-03-01"));
    assert!(!a.via_coordinator);
    assert_eq!(a.contacts.len(), 1);
    assert_eq!(a.contacts[0].actor.as_str(), "anne");
    assert_eq!(a.contacts[0].organisation_name.as_deref(), Some("Rehab"));
    let b = contacts_for(
        &c,
        &Subject::Category(crate::category::InformationCategory::Economy),
        d("2025-03-01"),
    );
    assert!(b.via_coordinator);
    assert_eq!(b.contacts[0].actor.as_str(), "lars");
    // Before Anne joined, her goal goes to the coordinator.
    assert!(contacts_for(&c, &Subject::Goal("g-walk".into()), d("2025-01-15")).via_coordinator);
}

#[test]
fn unfilled_required_roles() {
    let c = case(&coordinator("lars", "2025-01-01", None), ACTIVE);
    let missing = unfilled_roles(
        &c,
        &[
            crate::party::Role::COORDINATING_CASEWORKER,
            crate::party::Role::HEALTH_COORDINATOR,
            crate::party::Role::HEALTH_COORDINATOR,
        ],
        d("2025-02-01"),
    );
    assert_eq!(missing, [crate::party::Role::HEALTH_COORDINATOR]);
    let report = team_report(
        &c,
        &[crate::party::Role::HEALTH_COORDINATOR],
        d("2025-02-01"),
    );
    assert_eq!(
        report.findings,
        [TeamFinding::UnfilledRole {
            role: crate::party::Role::HEALTH_COORDINATOR
        }]
    );
}

#[test]
fn overlapping_membership_of_same_actor_and_role_is_a_case_file_error() {
    let c = case(
        &[
            coordinator("lars", "2025-01-01", Some("2025-06-30")),
            coordinator("lars", "2025-06-01", None),
        ]
        .join(","),
        ACTIVE,
    );
    let errors = check_case_file(
        &c,
        &ReferenceData {
            vocabularies: crate::vocab::builtin_for_tests(),
            ..ReferenceData::default()
        },
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code(), "team.overlapping_membership");
    assert_eq!(errors[0].pointer().to_string(), "/team/members/1/period");
    assert!(errors[0].to_string().contains("/team/members/0/period"));
}

#[test]
fn unknown_team_actor_is_named() {
    let c = case(&coordinator("nobody", "2025-01-01", None), ACTIVE);
    let errors = check_case_file(
        &c,
        &ReferenceData {
            vocabularies: crate::vocab::builtin_for_tests(),
            ..ReferenceData::default()
        },
    );
    assert_eq!(errors[0].code(), "case_file.unknown_actor");
    assert_eq!(errors[0].pointer().to_string(), "/team/members/0/actor");
}
