//! The identifiers an export may carry (`coord_core::identifier::release`): none by default, the
//! citizen's as the consent engine decides for a recipient, every one in the own copy; the
//! withheld ones by place and system, never the value; errors at their place, never the value.
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
use coord_core::identifier::IdentifierSystem;
use coord_core::identifier::{
    release_identifiers, IdentifierRelease, IdentifierReleaseError, IdentifierRequest, ReleaseMode,
    WithholdReason,
};
use serde_json::json;

/// The Hillerød demo's CPR number (a test number, on the citizen and on the citizen's actor).
const CPR: &str = "0108589995";
/// A CPR number planted on the GP, an actor who is not the citizen.
const OTHER_CPR: &str = "0202029995";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 4, 10).unwrap()
}

/// The Hillerød demo (its consents, team and course) with the citizen's CPR on their actor too and a CPR on the GP, and, with
/// `consent`, one permitting contact details from the jobcenter to the hospital.
fn case(consent: bool) -> CaseFile {
    let mut v: serde_json::Value = serde_json::from_str(include_str!(
        "../../coord-json/data/demo/report/hillerod.json"
    ))
    .unwrap();
    // The parts that need coord-json's built-in offers and instruments are not needed here.
    let o = v.as_object_mut().unwrap();
    for part in ["referrals", "wishes", "plan", "measurements"] {
        o.remove(part);
    }
    for m in v["team"]["members"].as_array_mut().unwrap() {
        m.as_object_mut().unwrap().remove("responsibilities");
    }
    let actors = v["actors"].as_array_mut().unwrap();
    for a in actors.iter_mut() {
        match a["id"].as_str() {
            Some("jens") => a["identifiers"] = json!([{ "system": "cpr", "value": CPR }]),
            Some("gp-berg") => a["identifiers"] = json!([{ "system": "cpr", "value": OTHER_CPR }]),
            _ => {}
        }
    }
    if consent {
        v["consents"].as_array_mut().unwrap().push(json!({
            "id": "c-identity", "citizen": "cit-jens", "given_at": "2025-03-03T10:00:00+01:00",
            "form": "written", "recorded_by": "lars",
            "scope": { "categories": ["contact_details"], "holders": [{ "actor": "jobcenter-hillerod" }],
                       "recipients": [{ "actor": "hospital-hillerod" }], "purposes": ["return-to-work"],
                       "actions": ["disclose"], "case": "case-hillerod-1" },
            "valid_from": "2025-03-03", "valid_to": "2026-03-02"
        }));
    }
    serde_json::from_value(v).unwrap()
}

fn release(
    case: CaseFile,
    request: serde_json::Value,
) -> Result<IdentifierRelease, IdentifierReleaseError> {
    let reference = support::reference();
    let checked = CheckedCase::new(case, &reference).unwrap();
    let request: IdentifierRequest = serde_json::from_value(request).unwrap();
    release_identifiers(&checked, &reference, &request, day())
}

/// The serialized released case file, and the withheld identifiers as (pointer, system).
fn check(
    consent: bool,
    request: serde_json::Value,
    mode: ReleaseMode,
    present: &[&str],
    withheld: &[(&str, IdentifierSystem)],
) -> IdentifierRelease {
    let r = release(case(consent), request.clone()).unwrap();
    assert_eq!(r.mode, mode, "{request}");
    let text = serde_json::to_string(&r.case).unwrap();
    for v in [CPR, OTHER_CPR, "123456789012", "12345674", "5790000123452"] {
        assert_eq!(text.contains(v), present.contains(&v), "{request}: {v}");
    }
    let got: Vec<(&str, IdentifierSystem)> = r
        .withheld
        .iter()
        .map(|w| (w.pointer.as_str(), w.system.clone()))
        .collect();
    assert_eq!(got, withheld, "{request}");
    let listed = serde_json::to_string(&r.withheld).unwrap();
    for v in [CPR, OTHER_CPR, "123456789012"] {
        assert!(!listed.contains(v), "{request}: a withheld value is listed");
    }
    for w in &r.withheld {
        let t = w.warning();
        assert!(!t.da.contains(CPR) && !t.en.contains(CPR));
        assert_ne!(t.da, t.en);
    }
    r
}

#[test]
fn by_default_no_identifier_goes() {
    use IdentifierSystem::*;
    let r = check(
        true,
        json!({}),
        ReleaseMode::NoIdentifiers,
        &[],
        &[
            ("/citizen/identifiers/0", Cpr),
            ("/actors/0/identifiers/0", Cpr),
            ("/actors/1/identifiers/0", Sor),
            ("/actors/6/identifiers/0", Cpr),
            ("/actors/7/identifiers/0", Sor),
            ("/actors/7/identifiers/1", Gln),
            ("/actors/8/identifiers/0", Cvr),
            ("/actors/8/identifiers/1", PNumber),
        ],
    );
    assert!(r
        .withheld
        .iter()
        .all(|w| w.reason == WithholdReason::NoRelease));
    assert!(r.decision.is_none());
    // Only the identifiers are taken out.
    let mut back = case(true);
    back.citizen.identifiers.clear();
    back.actors.iter_mut().for_each(|a| a.identifiers.clear());
    assert_eq!(r.case, back);
}

#[test]
fn a_recipient_without_a_consent_gets_no_citizen_identifier() {
    use IdentifierSystem::*;
    let r = check(
        false,
        json!({ "recipient": "hospital-hillerod" }),
        ReleaseMode::Recipient,
        &["123456789012", "12345674", "5790000123452"],
        &[
            ("/citizen/identifiers/0", Cpr),
            ("/actors/0/identifiers/0", Cpr),
            ("/actors/6/identifiers/0", Cpr),
        ],
    );
    assert!(matches!(
        &r.withheld[0].reason,
        WithholdReason::Denied { category, .. }
            if *category == coord_core::category::InformationCategory::ContactDetails
    ));
    assert_eq!(r.withheld[2].reason, WithholdReason::NotTheCitizens);
    let d = r.decision.unwrap();
    assert_eq!(
        d.request.holder.as_str(),
        "lars",
        "the coordinating caseworker"
    );
    assert_eq!(d.request.requester.as_str(), "hospital-hillerod");
}

#[test]
fn a_consent_for_the_recipient_lets_the_citizens_cpr_go() {
    let r = check(
        true,
        json!({ "recipient": "hospital-hillerod", "purpose": "return-to-work" }),
        ReleaseMode::Recipient,
        &[CPR, "123456789012", "12345674", "5790000123452"],
        &[("/actors/6/identifiers/0", IdentifierSystem::Cpr)],
    );
    assert_eq!(r.withheld[0].reason, WithholdReason::NotTheCitizens);
    // The same consent covers neither another recipient nor another purpose.
    for request in [
        json!({ "recipient": "employer-byg" }),
        json!({ "recipient": "hospital-hillerod", "purpose": "treatment" }),
        json!({ "recipient": "hospital-hillerod", "from": "gp-berg" }),
    ] {
        let r = release(case(true), request.clone()).unwrap();
        assert!(
            !serde_json::to_string(&r.case).unwrap().contains(CPR),
            "{request}"
        );
    }
}

#[test]
fn the_own_copy_keeps_every_identifier() {
    let r = check(
        false,
        json!({ "own_copy": true }),
        ReleaseMode::OwnCopy,
        &[CPR, OTHER_CPR, "123456789012", "12345674", "5790000123452"],
        &[],
    );
    assert_eq!(r.case, case(false));
}

#[test]
fn bad_requests_are_refused_at_their_place_never_naming_the_value() {
    for (request, code, pointer) in [
        (
            json!({ "recipient": CPR }),
            "identifier_release.unknown_actor",
            "/recipient",
        ),
        (
            json!({ "recipient": "hospital-hillerod", "from": CPR }),
            "identifier_release.unknown_actor",
            "/from",
        ),
        (
            json!({ "recipient": "hospital-hillerod", "purpose": CPR }),
            "identifier_release.undeclared_purpose",
            "/purpose",
        ),
        (
            json!({ "recipient": "hospital-hillerod", "own_copy": true }),
            "identifier_release.both_modes",
            "/own_copy",
        ),
        (
            json!({ "purpose": "return-to-work" }),
            "identifier_release.no_recipient",
            "/purpose",
        ),
        (
            json!({ "from": "lars" }),
            "identifier_release.no_recipient",
            "/from",
        ),
    ] {
        let e = release(case(true), request.clone()).unwrap_err();
        assert_eq!(e.code(), code, "{request}");
        assert_eq!(e.pointer().to_string(), pointer, "{request}");
        assert!(!e.to_string().contains(CPR), "{request}");
    }
}

#[test]
fn no_disclosing_unit_on_a_day_nobody_holds_the_thread() {
    let mut c = case(true);
    c.team
        .as_mut()
        .unwrap()
        .members
        .retain(|m| m.actor.as_str() != "lars");
    let e = release(c, json!({ "recipient": "hospital-hillerod" })).unwrap_err();
    assert_eq!(e.code(), "identifier_release.no_sender");
    assert_eq!(e.pointer().to_string(), "/from");
}
