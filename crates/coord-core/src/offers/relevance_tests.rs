//! Offers are relevant (issue 9 §4): none that ends after the expected return to work, none a
//! citizen cannot attend during a treatment, §140 rehabilitation only on a hospital's
//! rehabilitation plan, a smoking course only for smokers, readiness indicators that are defined.

use super::tests::{catalogue, ctx, instrument};
use super::*;
use crate::category::Language;
use crate::course::{Treatment, TreatmentKind};
use crate::facts::{FactSet, FactValue};
use crate::pointer::Pointer;
use crate::time::DatePeriod;
use chrono::NaiveDate;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The test catalogue's mentor (2 weeks' wait) given a length, and no other offer.
fn mentor_lasting(weeks: Option<u32>, not_during: &[TreatmentKind]) -> OfferCatalogue {
    let mut c = catalogue();
    c.offers.retain(|o| o.id.as_str() == "mentor");
    c.offers[0].duration_weeks = weeks;
    c.offers[0].not_during = not_during.to_vec();
    c
}

fn work_ctx() -> MatchContext {
    ctx(&[GoalArea::Work], &[], None, false)
}

fn shown(c: &OfferCatalogue, x: &MatchContext) -> Vec<String> {
    match_offers(c, x)
        .matches
        .iter()
        .map(|m| m.offer.to_string())
        .collect()
}

fn reason(c: &OfferCatalogue, x: &MatchContext) -> Option<ExclusionReason> {
    match_offers(c, x)
        .excluded
        .first()
        .and_then(|e| e.reasons.first().cloned())
}

#[test]
fn an_offer_that_ends_after_the_expected_return_is_not_shown() {
    // As of 1 May: 2 weeks' wait and 6 weeks' course end on 25 June.
    let c = mentor_lasting(Some(6), &[]);
    assert_eq!(
        c.offers[0].expected_end(d("2025-05-01")),
        Some(d("2025-06-25"))
    );
    let mut x = work_ctx();
    x.expected_return = Some(d("2025-06-24"));
    let Some(ExclusionReason::EndsAfterReturn {
        ends_on,
        expected_return,
    }) = reason(&c, &x)
    else {
        panic!("ends after return expected");
    };
    assert_eq!(
        (ends_on, expected_return),
        (d("2025-06-25"), d("2025-06-24"))
    );
    let da = reason(&c, &x).unwrap().describe(Language::Da);
    assert!(
        da.contains("25. juni 2025") && da.contains("24. juni 2025"),
        "{da}"
    );
    // Back on the day it ends, or later: shown.
    x.expected_return = Some(d("2025-06-25"));
    assert_eq!(shown(&c, &x), ["mentor"]);
    // No expected return known, or ongoing support without a length: shown.
    x.expected_return = None;
    assert_eq!(shown(&c, &x), ["mentor"]);
    x.expected_return = Some(d("2025-05-02"));
    assert_eq!(shown(&mentor_lasting(None, &[]), &x), ["mentor"]);
}

#[test]
fn an_offer_cannot_be_attended_during_a_treatment_it_names() {
    let c = mentor_lasting(Some(6), &[TreatmentKind::Chemotherapy]);
    let mut x = work_ctx();
    let chemo = |from: &str, to: Option<&str>| Treatment {
        kind: TreatmentKind::Chemotherapy,
        period: DatePeriod::new(d(from), to.map(d)),
        by: None,
    };
    // Chemotherapy until the course would start (15 May): not shown.
    x.treatments = vec![chemo("2025-03-01", Some("2025-05-15"))];
    assert_eq!(
        reason(&c, &x),
        Some(ExclusionReason::DuringTreatment {
            treatment: TreatmentKind::Chemotherapy
        })
    );
    let en = reason(&c, &x).unwrap().describe(Language::En);
    assert!(en.contains("during chemotherapy"), "{en}");
    let da = reason(&c, &x).unwrap().describe(Language::Da);
    assert!(da.contains("under kemoterapi"), "{da}");
    // Planned after the course (from 26 June), or open-ended from inside it: as it overlaps.
    x.treatments = vec![chemo("2025-06-26", None)];
    assert_eq!(shown(&c, &x), ["mentor"]);
    x.treatments = vec![chemo("2025-06-20", None)];
    assert!(shown(&c, &x).is_empty());
    // Over before the course starts: shown. Another treatment: shown.
    x.treatments = vec![chemo("2025-03-01", Some("2025-05-14"))];
    assert_eq!(shown(&c, &x), ["mentor"]);
    x.treatments = vec![Treatment {
        kind: TreatmentKind::Radiotherapy,
        ..chemo("2025-03-01", None)
    }];
    assert_eq!(shown(&c, &x), ["mentor"]);
}

#[test]
fn rehabilitation_under_section_140_needs_the_hospitals_plan() {
    let mut c = mentor_lasting(None, &[]);
    c.offers[0].eligibility = Some(
        serde_json::from_str(r#"{ "fact": "rehabilitation_plan_received", "eq": true }"#).unwrap(),
    );
    let mut case: crate::case_file::CaseFile = serde_json::from_str(
        r#"{ "id": "k", "citizen": { "id": "c", "name": "Jens" },
             "actors": [{ "id": "hospital", "name": "Hospital", "kind": "organisation", "sector": "hospital", "role": "physician" }],
             "wishes": [{ "areas": ["work"], "recorded_at": "2025-04-01T10:00:00+02:00", "recorded_by": "hospital" }] }"#,
    )
    .unwrap();
    let facts = |case: &crate::case_file::CaseFile, on: &str| crate::facts::case_facts(case, d(on));
    let run = |case: &crate::case_file::CaseFile, on: &str| {
        match_offers(&c, &MatchContext::from_case(case, facts(case, on)))
    };
    let m = run(&case, "2025-05-01");
    assert!(m.matches.is_empty());
    let ExclusionReason::NotEligible { words, .. } = &m.excluded[0].reasons[0] else {
        panic!("not eligible expected: {m:?}");
    };
    let words = words.as_ref().unwrap();
    assert!(
        words.get(Language::Da).contains("genoptræningsplan"),
        "{words:?}"
    );
    case.course.rehabilitation_plans = vec![crate::course::RehabilitationPlan {
        received_on: d("2025-04-20"),
        from: "hospital".into(),
    }];
    assert_eq!(run(&case, "2025-05-01").matches.len(), 1);
    // Not before it arrived.
    assert!(run(&case, "2025-04-19").matches.is_empty());
    assert_eq!(
        facts(&case, "2025-04-19").get("rehabilitation_plan_received"),
        Some(&FactValue::Bool(false))
    );
}

#[test]
fn a_smoking_course_is_for_smokers() {
    let mut c = mentor_lasting(None, &[]);
    c.offers[0].eligibility =
        Some(serde_json::from_str(r#"{ "fact": "smokes", "eq": true }"#).unwrap());
    let mut x = work_ctx();
    let mut facts = FactSet::new(x.as_of);
    x.facts = facts.clone();
    assert!(shown(&c, &x).is_empty(), "not recorded: not shown");
    facts.insert("smokes", FactValue::Bool(false));
    x.facts = facts.clone();
    assert!(shown(&c, &x).is_empty());
    let da = reason(&c, &x).unwrap().describe(Language::Da);
    assert!(da.contains("borgeren ryger"), "{da}");
    facts.insert("smokes", FactValue::Bool(true));
    x.facts = facts;
    assert_eq!(shown(&c, &x), ["mentor"]);
}

#[test]
fn a_readiness_indicator_must_be_a_defined_instrument() {
    let errors = validate_catalogue(&catalogue(), &[], &Pointer::root().key("offers"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code(), "offers.unknown_indicator");
    assert_eq!(
        errors[0].pointer().to_string(),
        "/offers/offers/0/readiness/any_of/0/indicator"
    );
    let message = errors[0].to_string();
    assert!(
        !message.starts_with('/') && !message.contains("motivation"),
        "{message}"
    );
    assert!(
        validate_catalogue(&catalogue(), &[instrument("motivation")], &Pointer::root()).is_empty()
    );
}

#[test]
fn readiness_names_the_instrument_not_its_id() {
    let x = ctx(&[GoalArea::SelfManagement], &[], None, false)
        .with_instrument_names(&[instrument("motivation")]);
    let m = match_offers(&catalogue(), &x);
    let lat = m
        .excluded
        .iter()
        .find(|e| e.offer.as_str() == "lat")
        .unwrap();
    let da = lat.reasons[0].describe(Language::Da);
    assert!(
        da.contains("Parathed mindst 3") && !da.contains("motivation"),
        "{da}"
    );
}

#[test]
fn a_zero_length_course_is_rejected() {
    let mut c = catalogue();
    c.offers[1].duration_weeks = Some(0);
    let errors = validate_catalogue(&c, &[instrument("motivation")], &Pointer::root());
    assert_eq!(errors[0].code(), "offers.zero_duration");
    assert_eq!(errors[0].pointer().to_string(), "/offers/1/duration_weeks");
}

fn treatment() -> impl Strategy<Value = Treatment> {
    (any::<bool>(), -120i64..200, proptest::option::of(0i64..200)).prop_map(|(chemo, from, len)| {
        let start = d("2025-05-01") + chrono::Duration::days(from);
        Treatment {
            kind: if chemo {
                TreatmentKind::Chemotherapy
            } else {
                TreatmentKind::Radiotherapy
            },
            period: DatePeriod::new(start, len.map(|l| start + chrono::Duration::days(l))),
            by: None,
        }
    })
}

proptest! {
    /// No offer shown ever ends after the expected return, and none overlaps a treatment it
    /// cannot be attended during.
    #[test]
    fn shown_offers_end_in_time_and_avoid_treatments(
        lengths in proptest::collection::vec((proptest::option::of(0u32..30), proptest::option::of(0u32..20), any::<bool>()), 3),
        back in proptest::option::of(-10i64..300),
        treatments in proptest::collection::vec(treatment(), 0..3),
    ) {
        let mut c = catalogue();
        for (o, (weeks, wait, chemo)) in c.offers.iter_mut().zip(&lengths) {
            o.duration_weeks = *weeks;
            o.capacity.waiting_weeks = *wait;
            o.not_during = if *chemo { vec![TreatmentKind::Chemotherapy] } else { Vec::new() };
            o.status = OfferStatus::Active;
        }
        let mut x = ctx(&[GoalArea::Work, GoalArea::SelfManagement], &["lat"], None, false);
        x.expected_return = back.map(|b| x.as_of + chrono::Duration::days(b));
        x.treatments = treatments;
        let m = match_offers(&c, &x);
        prop_assert_eq!(m.matches.len() + m.excluded.len(), c.offers.len());
        for shown in &m.matches {
            let offer = c.offer(&shown.offer).unwrap();
            if let (Some(end), Some(back)) = (offer.expected_end(x.as_of), x.expected_return) {
                prop_assert!(end <= back, "{} ends {end}, back {back}", offer.id);
            }
            let from = offer.expected_start(x.as_of);
            let to = offer.expected_end(x.as_of);
            for t in &x.treatments {
                prop_assert!(!(offer.not_during.contains(&t.kind) && t.overlaps(from, to)));
            }
        }
    }
}
