//! The law in force today: choosing the pack for a date, a citizen whose course spans the 2026
//! reform (seen in January, March and September 2026), announcements, and the coverage of the
//! shipped packs (every day from the first pack's start on has law; every rule cites a source).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests: a failure must stop the run"
)]

mod support;

use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::party::Role;
use coord_core::reference::ReferenceData;
use coord_core::rules::law::{choose_law, evaluate_under_law, packs_in_force, BannerCode};
use coord_core::rules::RulePack;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Every pack shipped in `crates/coord-json/data/packs/`, oldest first (a new pack file is covered
/// by the tests below without touching them).
fn packs() -> Vec<RulePack> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../coord-json/data/packs");
    let mut packs: Vec<RulePack> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    packs.sort_by_key(|p| p.valid.from);
    packs
}

fn reference() -> ReferenceData {
    ReferenceData {
        rule_packs: packs(),
        ..support::reference()
    }
}

/// Karin began a resource course on 1 September 2025, under the 2025 rules.
const KARIN: &str = r#"{ "id": "k", "citizen": { "id": "c", "name": "Karin" },
  "actors": [ { "id": "sb", "name": "Sagsbehandler", "kind": "person", "sector": "municipal_employment", "role": "caseworker" } ],
  "course": { "target_group": "resource_course", "course_started_on": "2025-09-01",
              "conditions": ["mental", "musculoskeletal"], "social_factors": ["weak_network"] } }"#;

/// Ole fell ill on 3 November 2025, employed; both he and the employer expect him back after
/// 30 weeks.
const OLE: &str = r#"{ "id": "o", "citizen": { "id": "c", "name": "Ole" },
  "actors": [ { "id": "sb", "name": "Sagsbehandler", "kind": "person", "sector": "municipal_employment", "role": "caseworker" } ],
  "course": { "target_group": "sickness_benefit", "first_day_of_absence": "2025-11-03",
              "expected_return": "2026-06-01", "employer_expected_return": "2026-06-01", "employed": true,
              "conditions": ["cancer"] },
  "events": [ { "id": "e1", "kind": "follow_up_interview", "on": "2025-12-15" },
              { "id": "e2", "kind": "absence_conversation", "on": "2025-11-24" } ] }"#;

fn case(text: &str, reference: &ReferenceData) -> CheckedCase {
    let case: CaseFile = serde_json::from_str(text).unwrap();
    CheckedCase::new(case, reference).unwrap()
}

fn roles(e: &coord_core::rules::Evaluation) -> Vec<Role> {
    let mut v: Vec<Role> = e.required_roles.iter().map(|r| r.role.clone()).collect();
    v.sort();
    v.dedup();
    v
}

fn warnings(e: &coord_core::rules::Evaluation) -> Vec<&str> {
    e.warnings.iter().map(|w| w.code.as_str()).collect()
}

#[test]
fn the_pack_in_force_follows_the_date_and_no_day_is_left_without_law() {
    let packs = packs();
    let id = |day: &str| {
        packs_in_force(&packs, "DK", d(day))
            .pop()
            .map(|p| p.id.to_string())
    };
    assert_eq!(
        id("2024-12-31").as_deref(),
        Some("dk-sickness-benefit-pre-2025")
    );
    assert_eq!(
        id("2025-01-01").as_deref(),
        Some("dk-sickness-benefit-2025")
    );
    assert_eq!(
        id("2026-01-31").as_deref(),
        Some("dk-sickness-benefit-2025")
    );
    assert_eq!(
        id("2026-02-01").as_deref(),
        Some("dk-sickness-benefit-2026")
    );
    assert_eq!(
        id("2026-12-01").as_deref(),
        Some("dk-sickness-benefit-2026")
    );
    assert_eq!(id("2013-03-01"), None);
    assert_eq!(
        id("2040-01-01").as_deref(),
        Some("dk-sickness-benefit-2026")
    );
}

#[test]
fn a_resource_course_begun_in_2025_across_the_reform() {
    let reference = reference();
    let karin = case(KARIN, &reference);
    let at = |day: &str| {
        let law = choose_law(&reference.rule_packs, None, "DK", d(day));
        evaluate_under_law(&law, &reference.rule_packs, &karin, &reference, false)
    };

    // January 2026: the 2025 pack; the resource course goes to the rehabilitation team.
    let jan = at("2026-01-15");
    let law = jan.law.as_ref().unwrap();
    assert_eq!(
        law.pack.as_ref().unwrap().id.as_str(),
        "dk-sickness-benefit-2025"
    );
    assert!(law.banner.is_none() && law.transitions.is_empty() && law.announcements.is_empty());
    assert_eq!(
        roles(&jan),
        vec![
            Role::COORDINATING_CASEWORKER,
            Role::REHABILITATION_TEAM_MEMBER
        ]
    );
    assert_eq!(warnings(&jan), Vec::<&str>::new());

    // March 2026: the 2026 pack; the course is not new, so it continues, and the transition keeps
    // the 2025 rehabilitation-team rule for it.
    let mar = at("2026-03-16");
    let law = mar.law.as_ref().unwrap();
    assert_eq!(
        law.pack.as_ref().unwrap().id.as_str(),
        "dk-sickness-benefit-2026"
    );
    assert!(law.banner.is_none());
    assert_eq!(law.transitions.len(), 1);
    assert_eq!(
        law.transitions[0].earlier_pack.as_str(),
        "dk-sickness-benefit-2025"
    );
    assert_eq!(
        law.transitions[0].kept[0].as_str(),
        "rehabilitation-team-target-groups"
    );
    assert_eq!(
        roles(&mar),
        vec![
            Role::COORDINATING_CASEWORKER,
            Role::REHABILITATION_TEAM_MEMBER
        ]
    );
    assert_eq!(warnings(&mar), vec!["running_course_continues"]);
    assert!(!warnings(&mar).contains(&"scheme_closed_to_new"));
    let fired: Vec<&str> = mar.fired.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        fired,
        vec![
            "rehabilitation-team-target-groups",
            "running-resource-course-continues"
        ]
    );

    // September 2026: the same (the contact-course rules from 1 July are for other groups).
    let sep = at("2026-09-15");
    assert_eq!(roles(&sep), roles(&mar));
    assert_eq!(warnings(&sep), warnings(&mar));
    assert!(sep.law.as_ref().unwrap().announcements.is_empty());

    // The same course begun in March 2026 could not have been granted.
    let new = case(&KARIN.replace("2025-09-01", "2026-03-02"), &reference);
    let law = choose_law(&reference.rule_packs, None, "DK", d("2026-03-16"));
    let e = evaluate_under_law(&law, &reference.rule_packs, &new, &reference, false);
    assert_eq!(warnings(&e), vec!["scheme_closed_to_new"]);
    assert!(!roles(&e).contains(&Role::REHABILITATION_TEAM_MEMBER));
    assert!(e.law.unwrap().transitions.is_empty());
}

#[test]
fn a_sickness_benefit_course_begun_in_2025_across_the_reform() {
    let reference = reference();
    let ole = case(OLE, &reference);
    let at = |day: &str| {
        let law = choose_law(&reference.rule_packs, None, "DK", d(day));
        evaluate_under_law(&law, &reference.rule_packs, &ole, &reference, false)
    };
    let tasks = |e: &coord_core::rules::Evaluation| -> Vec<(String, String, String)> {
        e.deadlines
            .iter()
            .map(|x| {
                (
                    x.task.clone(),
                    x.due.to_string(),
                    x.pack.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                )
            })
            .collect()
    };
    let p25 = "dk-sickness-benefit-2025".to_owned();
    let p26 = "dk-sickness-benefit-2026".to_owned();

    let t = |task: &str, due: &str, pack: &str| (task.to_owned(), due.to_owned(), pack.to_owned());

    // January 2026 (2025 law): category 2 — the week-8 interview (held), 4 follow-ups in the
    // first half-year (to 2026-05-02), the employer's conversation 4 weeks after the first day
    // (2025-12-01), and the duration limit: the employer period ends 2025-12-02, more than 22
    // weeks of benefit are paid in May 2026, so the reassessment falls at the end of May.
    let jan = at("2026-01-15");
    assert_eq!(
        tasks(&jan),
        vec![
            t("absence_conversation", "2025-12-01", &p25),
            t("first_follow_up_interview", "2025-12-28", &p25),
            t("follow_ups_first_half_year", "2026-05-02", &p25),
            t("benefit_duration_reassessment", "2026-05-31", &p25),
        ]
    );
    assert_eq!(jan.level.as_ref().unwrap().level.word(), "predictable_long");

    // March 2026 (2026 law): 30 weeks expected, so not exempt; one interview in the first
    // half-year (already held); no week-8 deadline and no 4 follow-ups any more.
    let mar = at("2026-03-16");
    assert_eq!(
        tasks(&mar),
        vec![
            t("absence_conversation", "2025-12-01", &p26),
            t("follow_up_interview_first_half_year", "2026-05-03", &p26),
            t("benefit_duration_reassessment", "2026-05-31", &p26),
        ]
    );
    assert!(mar
        .deadlines
        .iter()
        .all(|x| x.status != coord_core::rules::evaluate::DeadlineStatus::Overdue));
    assert!(!warnings(&mar).contains(&"follow_up_exempt_employed"));

    // September 2026: past 22 weeks without a reassessment: the benefit period ends.
    let sep = at("2026-09-15");
    assert!(warnings(&sep).contains(&"benefit_period_ends"));
    assert!(roles(&sep).contains(&Role::COORDINATING_CASEWORKER));
    assert!(sep.law.as_ref().unwrap().announcements.is_empty());

    // From 30 days before 1 January 2027 the report says the rules are expected to change.
    let dec1 = at("2026-12-01");
    assert!(
        dec1.law.as_ref().unwrap().announcements.is_empty(),
        "31 days before: not yet"
    );
    let dec2 = at("2026-12-02");
    let ids: Vec<&str> = dec2
        .law
        .as_ref()
        .unwrap()
        .announcements
        .iter()
        .map(|a| a.announcement.as_str())
        .collect();
    assert_eq!(
        ids,
        vec!["new-main-act-2027", "job-clarification-ends-2027"]
    );
    assert!(dec2.law.as_ref().unwrap().announcements[0]
        .en
        .starts_with("The rules for this citizen are expected to change on 2027-01-01"));
}

#[test]
fn no_pack_and_a_pack_outside_its_period_are_said_in_a_banner() {
    let reference = reference();
    let ole = case(OLE, &reference);
    let none = choose_law(&reference.rule_packs, None, "DK", d("2013-03-01"));
    let e = evaluate_under_law(&none, &reference.rule_packs, &ole, &reference, false);
    let law = e.law.unwrap();
    assert!(law.pack.is_none() && e.level.is_none() && e.deadlines.is_empty());
    let banner = law.banner.unwrap();
    assert_eq!(banner.code, BannerCode::NoPackInForce);
    assert_eq!(
        banner.en,
        "no rule pack for DK is in force on 1 March 2013: coordination level and legal deadlines are not assessed"
    );
    assert_eq!(
        banner.da,
        "ingen regelpakke for DK er i kraft den 1. marts 2013: koordineringsniveau og lovbestemte frister vurderes ikke"
    );

    let p25 = &reference.rule_packs[1];
    let given = choose_law(&reference.rule_packs, Some(p25), "DK", d("2026-03-16"));
    let e = evaluate_under_law(&given, &reference.rule_packs, &ole, &reference, false);
    assert!(
        e.fired
            .iter()
            .any(|r| r.as_str() == "first-interview-week-8"),
        "a given pack is used"
    );
    let law = e.law.unwrap();
    let summary = law.pack.unwrap();
    assert!(summary.given && !summary.in_force);
    assert_eq!(summary.valid.to, Some(d("2026-01-31")));
    assert_eq!(law.banner.unwrap().code, BannerCode::PackNotInForce);
}

/// Every rule of every shipped pack cites a source; packs of one jurisdiction overlap only
/// through a transition; and from the first pack's start to an open end no day is without law.
#[test]
fn shipped_packs_cite_their_sources_and_cover_every_day() {
    let packs = packs();
    let mut problems = Vec::new();
    for p in &packs {
        for r in &p.rules {
            if r.source.citation.trim().is_empty() {
                problems.push(format!("{}/{}: no citation", p.id, r.id));
            }
        }
        for t in &p.transitions {
            if t.source.citation.trim().is_empty() {
                problems.push(format!("{}/{}: transition without citation", p.id, t.id));
            }
        }
        for a in &p.announcements {
            if a.source.citation.trim().is_empty() {
                problems.push(format!("{}/{}: announcement without citation", p.id, a.id));
            }
        }
    }
    problems.extend(coverage_problems(&packs));
    assert_eq!(problems, Vec::<String>::new());
}

fn coverage_problems(packs: &[RulePack]) -> Vec<String> {
    let mut out = Vec::new();
    let mut by_start: Vec<&RulePack> = packs.iter().filter(|p| p.jurisdiction == "DK").collect();
    by_start.sort_by_key(|p| p.valid.from);
    for pair in by_start.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.valid.overlaps(&b.valid) && !b.transitions.iter().any(|t| t.earlier_pack == a.id) {
            out.push(format!(
                "{} and {} overlap without a transition",
                a.id, b.id
            ));
        }
        match a.valid.to {
            None => out.push(format!("{} is open-ended but {} follows it", a.id, b.id)),
            Some(end) if end.succ_opt() < Some(b.valid.from) => out.push(format!(
                "no pack from {} to {}",
                end.succ_opt().unwrap(),
                b.valid.from.pred_opt().unwrap()
            )),
            _ => {}
        }
    }
    match by_start.last() {
        Some(last) if last.valid.to.is_some() => {
            out.push(format!("the last pack {} ends: no law after it", last.id))
        }
        None => out.push("no packs".to_owned()),
        _ => {}
    }
    out
}

#[test]
fn the_coverage_check_catches_a_gap_an_overlap_and_an_end() {
    let mut packs = packs();
    packs[2].valid.from = d("2026-02-03");
    assert_eq!(
        coverage_problems(&packs),
        vec!["no pack from 2026-02-01 to 2026-02-02"]
    );
    packs[2].valid.from = d("2026-01-15");
    packs[2].transitions.clear();
    assert_eq!(
        coverage_problems(&packs),
        vec!["dk-sickness-benefit-2025 and dk-sickness-benefit-2026 overlap without a transition"]
    );
    let mut packs = self::packs();
    packs[2].valid.to = Some(d("2026-12-31"));
    assert_eq!(
        coverage_problems(&packs),
        vec!["the last pack dk-sickness-benefit-2026 ends: no law after it"]
    );
}

/// The report's deadline table is by due date, whatever the case and the date (overdue and done
/// deadlines are not moved out of date order), under every shipped pack in force.
#[cfg(feature = "proptest")]
mod report_deadline_order {
    use super::reference;
    use coord_core::check::CheckedCase;
    use coord_core::report::coordination_report;
    use coord_core::rules::law::choose_law;
    use coord_core::time::DatePeriod;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        #[test]
        fn the_deadline_table_is_sorted_by_due_date(
            (case, as_of) in coord_core::strategies::case_with_date(DatePeriod::new(
                "2025-01-01".parse().unwrap(),
                Some("2027-06-30".parse().unwrap()),
            ), &super::support::vocabularies())
        ) {
            let r = reference();
            let checked = CheckedCase::new(case, &r).unwrap();
            let law = choose_law(&r.rule_packs, None, "DK", as_of);
            let report = coordination_report(&checked, &r, &law).unwrap();
            let dues: Vec<_> = report.deadlines.iter().map(|d| d.due).collect();
            let mut sorted = dues.clone();
            sorted.sort();
            prop_assert_eq!(dues, sorted);
        }
    }
}

/// A pack whose one rule sets a deadline one working day after Wednesday 4 June 2025 (Thursday 5
/// June is Constitution Day: a working day with public holidays only, closed by agreement in
/// the municipality's calendar).
const WORKING_DAY_PACK: &str = r#"{ "id": "local-working-days", "version": "1", "jurisdiction": "DK",
  "title_da": "Lokal", "title_en": "Local", "valid": { "from": "2025-01-01" },
  "rules": [ { "id": "answer-next-working-day", "title_da": "Svar", "title_en": "Answer",
    "source": { "kind": "local_practice", "citation": "Kommunens egen praksis" },
    "when": { "fact": "target_group", "known": true },
    "then": [ { "deadline": { "task": "answer", "title_da": "Svar", "title_en": "Answer",
                "due": { "date": "2025-06-04", "plus_working_days": 1 } } } ] } ] }"#;

#[test]
fn evaluation_under_the_law_counts_working_days_in_the_reference_calendar() {
    let pack: RulePack = serde_json::from_str(WORKING_DAY_PACK).unwrap();
    let mut reference = reference();
    let karin = case(KARIN, &reference);
    let due = |e: &coord_core::rules::evaluate::Evaluation| e.deadlines.first().map(|x| x.due);
    // The default calendar closes on the agreed closing days: due Friday 6 June.
    let given = choose_law(&reference.rule_packs, Some(&pack), "DK", d("2025-06-02"));
    let e = evaluate_under_law(&given, &reference.rule_packs, &karin, &reference, false);
    assert_eq!(due(&e), Some(d("2025-06-06")));
    let plain =
        coord_core::rules::evaluate::evaluate(&pack, &karin, &reference, d("2025-06-02"), false);
    assert_eq!(
        due(&plain),
        Some(d("2025-06-06")),
        "evaluate and the law agree"
    );
    // A municipality that works on Constitution Day: due Thursday 5 June.
    reference.calendar.closed_by_agreement.clear();
    let e = evaluate_under_law(&given, &reference.rule_packs, &karin, &reference, false);
    assert_eq!(due(&e), Some(d("2025-06-05")));
}
