//! Examples of offer matching, catalogue validation and attendance reporting.

use super::*;
use crate::attendance::{attendance_report, AttendanceAnswer, AttendanceQuestion};
use crate::case_file::CaseFile;
use crate::check::CheckedCase;
use crate::consent::AccessIndex;
use crate::facts::{FactSet, FactValue};
use crate::pointer::Pointer;
use crate::reference::ReferenceData;

const CATALOGUE: &str = r#"{
  "providers": [
    { "id": "volunteers", "name": "Volunteer centre", "sector": "volunteer_organisation" },
    { "id": "jobcenter", "name": "Jobcenter", "sector": "municipal_employment" }
  ],
  "offers": [
    { "id": "lat", "name_da": "Lær at tackle", "name_en": "Self-management course", "provider": "volunteers",
      "sector": "volunteer_organisation", "status": "active", "basis": "voluntary_health_offer",
      "areas": ["self_management", "mental_health"], "mode": "group",
      "readiness": { "any_of": [ { "kind": "indicator_at_least", "indicator": "motivation", "level": 3 }, { "kind": "own_wish" } ] } },
    { "id": "mentor", "name_da": "Mentor", "name_en": "Mentor", "provider": "jobcenter",
      "sector": "municipal_employment", "status": "active", "basis": "obligatory_employment_activity",
      "areas": ["work"], "mode": "individual", "capacity": { "waiting_weeks": 2 },
      "eligibility": { "fact": "employed", "eq": false } },
    { "id": "praktik", "name_da": "Virksomhedspraktik", "name_en": "Work placement", "provider": "jobcenter",
      "sector": "municipal_employment", "status": "temporarily_closed", "basis": "obligatory_employment_activity",
      "areas": ["work"], "mode": "individual" }
  ]
}"#;

pub(super) fn catalogue() -> OfferCatalogue {
    serde_json::from_str(CATALOGUE).unwrap()
}

pub(super) fn ctx(
    areas: &[GoalArea],
    wished: &[&str],
    motivation: Option<f64>,
    employed: bool,
) -> MatchContext {
    let mut facts = FactSet::new("2025-05-01".parse().unwrap());
    facts.insert("employed", FactValue::Bool(employed));
    MatchContext {
        as_of: facts.as_of,
        areas: areas.to_vec(),
        wished_offers: wished.iter().map(|w| (*w).into()).collect(),
        readiness: motivation
            .map(|value| ReadinessReading {
                indicator: "motivation".into(),
                value,
            })
            .into_iter()
            .collect(),
        facts,
        already_referred: Vec::new(),
        expected_return: None,
        treatments: Vec::new(),
        indicator_names: Vec::new(),
        vocabularies: crate::vocab::Vocabularies::default(),
    }
}

/// A defined instrument with this id (a 0–10 single item), for the catalogue validator.
pub(super) fn instrument(id: &str) -> crate::instruments::InstrumentDefinition {
    serde_json::from_value(serde_json::json!({
        "id": id, "name_da": "Parathed", "name_en": "Readiness", "domain": "self_efficacy",
        "items": [{ "id": format!("{id}-1") }],
        "options": (0..=10).map(|v| serde_json::json!({ "value": v, "score": f64::from(v) })).collect::<Vec<_>>(),
        "scoring": { "method": "sum" }, "range": { "min": 0.0, "max": 10.0 },
        "higher_is_better": true, "licence": "test"
    }))
    .unwrap()
}

fn check(ctx: MatchContext, matched: &[&str], excluded: &[(&str, &[&str])]) {
    let m = match_offers(&catalogue(), &ctx);
    let got: Vec<&str> = m.matches.iter().map(|c| c.offer.as_str()).collect();
    assert_eq!(got, matched);
    let kinds: Vec<(&str, Vec<String>)> = m
        .excluded
        .iter()
        .map(|e| {
            (
                e.offer.as_str(),
                e.reasons
                    .iter()
                    .map(|r| {
                        serde_json::to_value(r).unwrap()["kind"]
                            .as_str()
                            .unwrap()
                            .to_owned()
                    })
                    .collect(),
            )
        })
        .collect();
    let want: Vec<(&str, Vec<String>)> = excluded
        .iter()
        .map(|(o, rs)| (*o, rs.iter().map(|r| (*r).to_owned()).collect()))
        .collect();
    assert_eq!(kinds, want);
}

#[test]
fn group_course_needs_readiness_or_own_wish() {
    // S11: sent without a wish or a readiness reading, the group course is excluded.
    check(
        ctx(
            &[GoalArea::SelfManagement, GoalArea::Work],
            &[],
            None,
            false,
        ),
        &["mentor"],
        &[
            ("lat", &["readiness_not_met"]),
            ("praktik", &["not_active"]),
        ],
    );
    check(
        ctx(&[GoalArea::Work], &["lat"], None, false),
        &["lat", "mentor"],
        &[("praktik", &["not_active"])],
    );
    check(
        ctx(&[GoalArea::MentalHealth], &[], Some(3.0), true),
        &["lat"],
        &[
            ("mentor", &["no_matching_goal", "not_eligible"]),
            ("praktik", &["not_active", "no_matching_goal"]),
        ],
    );
    check(
        ctx(&[GoalArea::MentalHealth], &[], Some(2.0), true),
        &[],
        &[
            ("lat", &["readiness_not_met"]),
            ("mentor", &["no_matching_goal", "not_eligible"]),
            ("praktik", &["not_active", "no_matching_goal"]),
        ],
    );
}

#[test]
fn ineligibility_explains_the_fact_in_words() {
    let m = match_offers(&catalogue(), &ctx(&[GoalArea::Work], &[], None, true));
    let mentor = m
        .excluded
        .iter()
        .find(|e| e.offer.as_str() == "mentor")
        .unwrap();
    let reason = mentor
        .reasons
        .iter()
        .find(|r| matches!(r, ExclusionReason::NotEligible { .. }))
        .unwrap();
    let en = reason.describe(crate::category::Language::En);
    let da = reason.describe(crate::category::Language::Da);
    assert!(en.contains("the citizen is employed"), "{en}");
    assert!(da.contains("borgeren er i ansættelse"), "{da}");
    for text in [&en, &da] {
        assert!(!text.contains(" = ") && !text.contains("needs"), "{text}");
    }
    // The failure itself stays for the record (the JSON answer).
    let ExclusionReason::NotEligible { failure, .. } = reason else {
        panic!("not eligible expected");
    };
    assert_eq!(failure.as_ref().map(|f| f.fact.as_str()), Some("employed"));
}

#[test]
fn unknown_provider_is_named() {
    let mut c = catalogue();
    c.offers[1].provider = "nobody".into();
    let defined = [instrument("motivation")];
    let errors = validate_catalogue(&c, &defined, &Pointer::root().key("offers"));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code(), "offers.unknown_provider");
    assert_eq!(errors[0].pointer().to_string(), "/offers/offers/1/provider");
    assert!(validate_catalogue(&catalogue(), &defined, &Pointer::root()).is_empty());
}

fn attendance_case(consents: &str) -> CaseFile {
    serde_json::from_str(&format!(
        r#"{{
      "id": "k", "citizen": {{ "id": "c", "name": "Jens" }},
      "actors": [
        {{ "id": "volunteers", "name": "Volunteer centre", "kind": "organisation", "sector": "volunteer_organisation", "role": "volunteer" }},
        {{ "id": "jobcenter", "name": "Jobcenter", "kind": "organisation", "sector": "municipal_employment", "role": "caseworker" }},
        {{ "id": "lars", "name": "Lars", "kind": "person", "sector": "municipal_employment", "role": "caseworker", "organisation": "jobcenter" }}
      ],
      "consents": [{consents}]
    }}"#
    ))
    .unwrap()
}

fn attend(case: CaseFile, offer: &str, holder: &str) -> AttendanceAnswer {
    let reference = ReferenceData {
        offers: catalogue(),
        vocabularies: crate::vocab::builtin_for_tests(),
        ..ReferenceData::default()
    };
    let checked = CheckedCase::new(case, &reference).unwrap();
    let index = AccessIndex::new(&checked, &reference);
    let q = AttendanceQuestion {
        offer: offer.into(),
        holder: holder.into(),
        recipient: "lars".into(),
        purpose: "sickness-benefit-follow-up".into(),
        at: "2025-05-01T10:00:00+02:00".parse().unwrap(),
    };
    attendance_report(&index, &reference.offers, &q, &Pointer::root()).unwrap()
}

#[test]
fn voluntary_offer_attendance_is_withheld_without_consent() {
    let a = attend(attendance_case(""), "lat", "volunteers");
    let AttendanceAnswer::Withheld {
        notice_en,
        suggestion,
        ..
    } = a
    else {
        panic!("{a:?}")
    };
    assert!(notice_en.contains("voluntary health offer"), "{notice_en}");
    assert!(suggestion.is_some());
}

#[test]
fn voluntary_offer_attendance_forwarded_under_consent() {
    let consent = r#"{ "id": "c-att", "citizen": "c", "given_at": "2025-04-01T10:00:00+02:00", "form": "written",
      "scope": { "categories": ["attendance"], "holders": [{ "actor": "volunteers" }],
                 "recipients": [{ "actor": "lars" }], "purposes": ["sickness-benefit-follow-up"],
                 "actions": ["report_attendance"], "case": "k" },
      "valid_from": "2025-04-01", "valid_to": "2026-03-31" }"#;
    assert!(matches!(
        attend(attendance_case(consent), "lat", "volunteers"),
        AttendanceAnswer::Forward { .. }
    ));
    // The same consent for another purpose does not open it.
    let other = consent.replace("sickness-benefit-follow-up", "refund");
    assert!(matches!(
        attend(attendance_case(&other), "lat", "volunteers"),
        AttendanceAnswer::Withheld { .. }
    ));
}

#[test]
fn obligatory_activity_is_reportable() {
    assert_eq!(
        attend(attendance_case(""), "mentor", "jobcenter"),
        AttendanceAnswer::Reportable
    );
}

#[test]
fn a_wish_for_an_unknown_offer_is_named() {
    let mut case = attendance_case("");
    case.wishes = serde_json::from_str(
        r#"[{ "offer": "nope", "recorded_at": "2025-04-01T10:00:00+02:00", "recorded_by": "lars" },
            { "offer": "lat", "recorded_at": "2025-04-01T10:00:00+02:00", "recorded_by": "lars" }]"#,
    )
    .unwrap();
    let reference = ReferenceData {
        offers: catalogue(),
        vocabularies: crate::vocab::builtin_for_tests(),
        ..ReferenceData::default()
    };
    let errors = crate::check::check_case_file(&case, &reference);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code(), "case_file.unknown_offer");
    assert_eq!(errors[0].pointer().to_string(), "/wishes/0/offer");
}

#[test]
fn an_offer_already_under_way_is_excluded_and_says_which_referral() {
    let mut c = ctx(&[GoalArea::Work], &["mentor"], None, false);
    c.already_referred
        .push(("mentor".into(), "r-mentor".into()));
    let m = match_offers(&catalogue(), &c);
    let ex = m
        .excluded
        .iter()
        .find(|e| e.offer.as_str() == "mentor")
        .unwrap();
    assert!(ex.reasons.iter().any(|r| matches!(r, ExclusionReason::AlreadyReferred { referral } if referral.as_str() == "r-mentor")));
}
