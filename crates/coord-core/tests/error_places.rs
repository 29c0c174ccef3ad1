//! Core errors carry their place as a field: on a corpus of bad inputs (case files, offer
//! catalogues, instrument definitions, rule packs) every error names a place, and no message
//! starts with it — or with any pointer — so no adapter has to cut it off.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests: a failure must stop the run"
)]

mod support;

use coord_core::case_file::CaseFile;
use coord_core::check::check_case_file;
use coord_core::reference::{check_reference, ReferenceData};
use coord_core::rules::{validate_pack, RulePack, ValidationOptions};

fn bad_case_files() -> Vec<&'static str> {
    vec![
        // A dangling employer, an inverted treatment, a plan from an unknown hospital.
        r#"{ "id": "k", "citizen": { "id": "c", "name": "Jens" },
             "course": { "employer": "nobody", "first_day_of_absence": "2025-03-01",
                         "earlier_sick_periods": [{ "from": "2024-06-01", "to": "2024-05-01" }],
                         "treatments": [{ "kind": "chemotherapy", "period": { "from": "2025-06-01", "to": "2025-05-01" }, "by": "ghost" }],
                         "rehabilitation_plans": [{ "received_on": "2025-03-02", "from": "ghost" }] } }"#,
        // Duplicate actor ids, a consent for an unknown citizen, an event by nobody.
        r#"{ "id": "k", "citizen": { "id": "c", "name": "Jens" },
             "actors": [{ "id": "a", "name": "A", "kind": "person", "sector": "hospital", "role": "nurse" },
                        { "id": "a", "name": "B", "kind": "person", "sector": "hospital", "role": "nurse" }],
             "events": [{ "id": "e", "kind": "team_meeting", "on": "2025-01-01", "by": "nobody" }],
             "wishes": [{ "offer": "nope", "recorded_at": "2025-04-01T10:00:00+02:00", "recorded_by": "nobody" }] }"#,
    ]
}

fn assert_placed(what: &str, place: &str, message: &str) {
    assert!(place.starts_with('/'), "{what}: no place: {message}");
    assert!(
        !message.starts_with('/') && !message.starts_with(place),
        "{what}: the message starts with its place: {message}"
    );
}

#[test]
fn case_file_errors_carry_their_place_and_do_not_start_with_it() {
    let reference = support::reference();
    let mut seen = 0;
    for text in bad_case_files() {
        let case: CaseFile = serde_json::from_str(text).unwrap();
        for e in check_case_file(&case, &reference) {
            assert_placed(e.code(), &e.pointer().to_string(), &e.to_string());
            seen += 1;
        }
    }
    assert!(seen >= 7, "the corpus found only {seen} errors");
}

#[test]
fn reference_errors_carry_their_place_and_do_not_start_with_it() {
    let reference: ReferenceData = serde_json::from_value(serde_json::json!({
        "offers": {
            "providers": [{ "id": "p", "name": "P", "sector": "municipal_health_centre" },
                          { "id": "p", "name": "Q", "sector": "municipal_health_centre" }],
            "offers": [{ "id": "", "name_da": "X", "name_en": "X", "provider": "ghost",
                         "sector": "municipal_health_centre", "status": "active",
                         "basis": "voluntary_health_offer", "areas": ["lifestyle"], "mode": "individual",
                         "weekly_hours": -1, "duration_weeks": 0,
                         "readiness": { "any_of": [{ "kind": "indicator_at_least", "indicator": "undefined", "level": 1 }] } }]
        },
        "instruments": [{ "id": "i", "name_da": "I", "name_en": "I", "domain": "wellbeing", "items": [],
                          "scoring": { "method": "sum" }, "range": { "min": 5.0, "max": 1.0 },
                          "higher_is_better": true, "licence": "" }]
    }))
    .unwrap();
    let errors = check_reference(&reference);
    assert!(errors.len() >= 6, "{errors:?}");
    for e in &errors {
        assert_placed(e.code(), &e.pointer().to_string(), &e.to_string());
    }
}

#[test]
fn rule_pack_findings_carry_their_place_and_do_not_start_with_it() {
    let pack: RulePack = serde_json::from_str(
        r#"{"id":"p","version":"1","jurisdiction":"DK","title_da":"x","title_en":"x",
            "valid":{"from":"2025-01-01","to":"2025-12-31"},"rules":[{"id":"r","title_da":"t","title_en":"t","source":{"kind":"law","citation":"c","cites":[{"statute":"Lov","number":"LBK nr. 1","paragraph":"§ 1"}]},"when":{"fact":"no_such_fact","eq":true},"then":[{"set_level":"complex"}]},
            {"id":"r","title_da":"t","title_en":"t","source":{"kind":"law","citation":"c","cites":[{"statute":"Lov","number":"LBK nr. 1","paragraph":"§ 1"}]},"when":{"fact":"employed","eq":3},"then":[{"set_level":"complex"}]}]}"#,
    )
    .unwrap();
    let findings = validate_pack(&pack, &support::reference(), &ValidationOptions::default());
    assert!(findings.len() >= 2, "{findings:?}");
    for f in &findings {
        assert_placed(&f.code, &f.pointer.to_string(), &f.message);
    }
}
