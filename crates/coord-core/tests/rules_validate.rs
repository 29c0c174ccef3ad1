//! The validator: one data-driven check per code, each naming the place.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

mod support;

use coord_core::reference::ReferenceData;
use coord_core::rules::validate::{validate_pack, validate_packs};
use coord_core::rules::{RulePack, Severity, ValidationOptions};

/// A pack around `rules` (a JSON array of rules).
fn pack(rules: &str) -> RulePack {
    serde_json::from_str(&format!(
        r#"{{"id":"p","version":"1","jurisdiction":"DK","title_da":"x","title_en":"x",
            "valid":{{"from":"2025-01-01","to":"2025-12-31"}},"rules":{rules}}}"#
    ))
    .unwrap()
}

fn rule(id: &str, when: &str, then: &str) -> String {
    format!(
        r#"{{"id":"{id}","title_da":"t","title_en":"t","source":{{"kind":"law","citation":"c","cites":[{{"statute":"Lov","number":"LBK nr. 1","paragraph":"§ 1"}}]}},"when":{when},"then":{then}}}"#
    )
}

const LEVEL: &str = r#"[{"set_level":"complex"}]"#;

/// Check that validating `rules` gives exactly `expected` (code, pointer, severity) findings.
fn check(rules: &[String], options: &ValidationOptions, expected: &[(&str, &str, Severity)]) {
    let pack = pack(&format!("[{}]", rules.join(",")));
    let got: Vec<(String, String, Severity)> = validate_pack(&pack, &support::reference(), options)
        .into_iter()
        .map(|f| {
            assert!(!f.message.starts_with('/'), "{}", f.message);
            (f.code, f.pointer.to_string(), f.severity)
        })
        .collect();
    let want: Vec<(String, String, Severity)> = expected
        .iter()
        .map(|(c, p, s)| ((*c).to_owned(), (*p).to_owned(), *s))
        .collect();
    assert_eq!(got, want);
}

use Severity::{Error, Warning};

#[test]
fn a_clean_rule_has_no_findings() {
    check(
        &[rule(
            "a",
            r#"{"fact":"weeks_since_first_absence","gte":8}"#,
            LEVEL,
        )],
        &Default::default(),
        &[],
    );
}

#[test]
fn unknown_facts_values_roles_and_anchors() {
    check(
        &[rule(
            "a",
            r#"{"all":[{"fact":"weeks_since","gte":8},{"fact":"target_group","eq":"sick"},
                       {"fact":"actor_roles","contains":"coordinator"},
                       {"fact":"first_day_of_absence","lt":{"date":"last_tuesday","plus_days":1}}]}"#,
            LEVEL,
        )],
        &Default::default(),
        &[
            ("rules.unknown_fact", "/rules/0/when/all/0/fact", Error),
            ("rules.unknown_anchor", "/rules/0/when/all/3/lt/date", Error),
            // A target group and a role are vocabulary codes: checked against the declared codes.
            ("rules.undeclared_code", "/rules/0/when/all/1/eq", Error),
            (
                "rules.undeclared_code",
                "/rules/0/when/all/2/contains",
                Error,
            ),
        ],
    );
}

#[test]
fn type_mismatches_and_operators_without_meaning() {
    check(
        &[rule(
            "a",
            r#"{"all":[{"fact":"first_day_of_absence","gte":8},{"fact":"conditions","lt":2},
                       {"fact":"employed","in":[true,"yes"]}]}"#,
            LEVEL,
        )],
        &Default::default(),
        &[
            ("rules.type_mismatch", "/rules/0/when/all/0/gte", Error),
            ("rules.bad_operator", "/rules/0/when/all/1/lt", Error),
            ("rules.type_mismatch", "/rules/0/when/all/2/in/1", Error),
        ],
    );
}

#[test]
fn conditions_that_never_hold() {
    for when in [
        r#"{"all":[{"fact":"weeks_since_first_absence","gte":10},{"fact":"weeks_since_first_absence","lt":5}]}"#,
        r#"{"all":[{"fact":"weeks_since_first_absence","gt":5},{"not":{"fact":"weeks_since_first_absence","gt":4}}]}"#,
        r#"{"all":[{"fact":"target_group","eq":"sickness_benefit"},{"fact":"target_group","in":["resource_course"]}]}"#,
        r#"{"all":[{"fact":"conditions","contains":"mental"},{"not":{"fact":"conditions","contains_any":["mental"]}}]}"#,
        r#"{"all":[{"fact":"expected_return","known":false},{"fact":"expected_return","gt":"2025-01-01"}]}"#,
        r#"{"all":[{"fact":"first_day_of_absence","gt":{"date":"as_of","plus_weeks":-2}},{"fact":"first_day_of_absence","lt":{"date":"as_of","plus_weeks":-8}}]}"#,
    ] {
        check(
            &[rule("a", when, LEVEL)],
            &Default::default(),
            &[("rules.never_holds", "/rules/0/when", Error)],
        );
    }
    // satisfiable: negated comparisons alone hold for an unknown fact; different bases do not clash
    for when in [
        r#"{"all":[{"not":{"fact":"weeks_since_first_absence","gte":10}},{"not":{"fact":"weeks_since_first_absence","lt":12}}]}"#,
        r#"{"all":[{"fact":"first_day_of_absence","gt":{"date":"as_of","plus_weeks":-2}},{"fact":"first_day_of_absence","lt":"2020-01-01"}]}"#,
        r#"{"any":[{"fact":"weeks_since_first_absence","gte":10},{"fact":"weeks_since_first_absence","lt":5}]}"#,
    ] {
        check(&[rule("a", when, LEVEL)], &Default::default(), &[]);
    }
}

#[test]
fn duplicate_ids_missing_sources_periods_and_empty_rules() {
    let mut no_source = rule("b", r#"{"fact":"employed","eq":true}"#, "[]");
    no_source = no_source.replace(r#""citation":"c""#, r#""citation":" ""#);
    let outside = rule("c", r#"{"fact":"employed","eq":false}"#, LEVEL)
        .replace(r#""when""#, r#""valid":{"from":"2030-01-01"},"when""#);
    let inverted = rule("d", r#"{"fact":"employed","eq":false}"#, LEVEL).replace(
        r#""when""#,
        r#""valid":{"from":"2025-06-01","to":"2025-05-01"},"when""#,
    );
    check(
        &[
            rule("a", r#"{"fact":"employed","eq":true}"#, LEVEL),
            rule(
                "a",
                r#"{"fact":"employed","eq":true}"#,
                r#"[{"warn":{"code":"w","da":"d","en":"e"}}]"#,
            ),
            no_source,
            outside,
            inverted,
        ],
        &Default::default(),
        &[
            ("rules.duplicate_rule_id", "/rules/1/id", Error),
            ("rules.missing_text", "/rules/2/source/citation", Error),
            ("rules.no_actions", "/rules/2/then", Warning),
            ("rules.rule_outside_pack", "/rules/3/valid", Warning),
            ("rules.inverted_period", "/rules/4/valid", Error),
        ],
    );
}

#[test]
fn shadowed_rules_contradictions_and_duplicate_tasks() {
    let deadline = r#"[{"deadline":{"task":"t","title_da":"t","title_en":"t","due":{"date":"first_day_of_absence","plus_weeks":8}}}]"#;
    check(
        &[
            rule(
                "a",
                r#"{"fact":"weeks_since_first_absence","gte":8}"#,
                r#"[{"propose_referral":{"offer":"o"}}]"#,
            ),
            rule(
                "b",
                r#"{"all":[{"fact":"weeks_since_first_absence","gte":10},{"fact":"employed","eq":true}]}"#,
                r#"[{"propose_referral":{"offer":"o"}}]"#,
            ),
            rule(
                "c",
                r#"{"fact":"employed","eq":true}"#,
                r#"[{"forbid_referral":{"offer":"o"}}]"#,
            ),
            // d forbids too, but never fires together with a or b (weeks < 8): no warning
            rule(
                "d",
                r#"{"fact":"weeks_since_first_absence","lt":8}"#,
                r#"[{"forbid_referral":{"offer":"o"}}]"#,
            ),
            rule(
                "e",
                r#"{"fact":"fast_track_requested","eq":true}"#,
                deadline,
            ),
            // e and f are disjoint; g can fire with either
            rule(
                "f",
                r#"{"fact":"fast_track_requested","eq":false}"#,
                deadline,
            ),
            rule("g", r#"{"fact":"employed","eq":true}"#, deadline),
        ],
        &Default::default(),
        &[
            ("rules.shadowed", "/rules/1", Warning),
            ("rules.contradictory_actions", "/rules/2/then/0", Warning),
            ("rules.contradictory_actions", "/rules/2/then/0", Warning),
            ("rules.duplicate_task", "/rules/6/then/0", Warning),
            ("rules.duplicate_task", "/rules/6/then/0", Warning),
        ],
    );
}

#[test]
fn unknown_offers_and_indicators_only_when_the_lists_are_given() {
    let rules = [rule(
        "a",
        r#"{"fact":"indicator_band.who6","eq":"poor"}"#,
        r#"[{"propose_referral":{"offer":"yoga"}},{"require_role":"brobygger"}]"#,
    )];
    let options = ValidationOptions {
        known_offers: Some(["laer-at-tackle".to_owned()].into()),
        known_indicators: Some(["who5".to_owned()].into()),
    };
    check(
        &rules,
        &options,
        &[
            ("rules.unknown_indicator", "/rules/0/when/fact", Error),
            (
                "rules.unknown_offer",
                "/rules/0/then/0/propose_referral/offer",
                Error,
            ),
            (
                "rules.undeclared_code",
                "/rules/0/then/1/require_role",
                Error,
            ),
        ],
    );
    // without the lists only what the catalogue knows is checked
    check(
        &rules,
        &Default::default(),
        &[
            ("rules.unknown_fact", "/rules/0/when/fact", Error),
            (
                "rules.undeclared_code",
                "/rules/0/then/1/require_role",
                Error,
            ),
        ],
    );
}

#[test]
fn result_facts_only_in_invariants_and_overlapping_packs() {
    check(
        &[rule(
            "a",
            r#"{"fact":"coordination_level","eq":"complex"}"#,
            LEVEL,
        )],
        &Default::default(),
        &[("rules.result_fact_in_rule", "/rules/0/when/fact", Error)],
    );
    let a = pack("[]");
    let mut b = pack("[]");
    b.id = "q".into();
    let findings = validate_packs(
        &[a.clone(), b.clone()],
        &support::reference(),
        &Default::default(),
    );
    assert_eq!(findings.len(), 1);
    assert_eq!(
        (findings[0].code.as_str(), findings[0].pointer.to_string()),
        ("rules.overlapping_packs", "/1/valid".to_owned())
    );
    b.jurisdiction = "DK-0219".into();
    assert!(validate_packs(&[a, b], &support::reference(), &Default::default()).is_empty());
}

#[test]
fn date_language_anchors_lists_and_windows_are_checked_where_they_are() {
    let deadline = |due: &str| {
        format!(r#"[{{"deadline":{{"task":"t","title_da":"t","title_en":"t","due":{due}}}}}]"#)
    };
    check(
        &[rule(
            "a",
            r#"{"fact":"employed","eq":true}"#,
            &deadline(
                r#"{"earliest_of":[{"date":"first_day_of_absence","end_of_week":8},{"date":"nonsense","plus_weeks":2}]}"#,
            ),
        )],
        &ValidationOptions::default(),
        &[(
            "rules.unknown_anchor",
            "/rules/0/then/0/deadline/due/earliest_of/1/date",
            Error,
        )],
    );
    check(
        &[rule(
            "a",
            r#"{"fact":"employed","eq":true}"#,
            &deadline(r#"{"latest_of":[]}"#),
        )],
        &ValidationOptions::default(),
        &[(
            "rules.empty_list",
            "/rules/0/then/0/deadline/due/latest_of",
            Error,
        )],
    );
    check(
        &[rule(
            "a",
            r#"{"fact":"employed","eq":true}"#,
            &deadline(
                r#"{"from":{"cumulative":{"weeks_exceed":0,"calendar_months":9}},"plus_weeks":69}"#,
            ),
        )],
        &ValidationOptions::default(),
        &[(
            "rules.empty_window",
            "/rules/0/then/0/deadline/due/from/cumulative",
            Error,
        )],
    );
}

#[test]
fn extension_grounds_are_the_packs_own_vocabulary() {
    let mut p = pack(&format!(
        "[{}]",
        rule(
            "a",
            r#"{"fact":"extension_ground","in":["medical_treatment","made_up"]}"#,
            LEVEL
        )
    ));
    p.extension_grounds = serde_json::from_str(
        r#"[{"code":"medical_treatment","title_da":"Lægelig behandling","title_en":"Medical treatment",
             "source":{"kind":"secondary","citation":"c","cites":[{"statute":"Lov","number":"LBK nr. 1","paragraph":"§ 27"}]},"max_weeks":134}]"#,
    )
    .unwrap();
    let got: Vec<(String, String)> =
        validate_pack(&p, &support::reference(), &ValidationOptions::default())
            .into_iter()
            .map(|f| (f.code, f.pointer.to_string()))
            .collect();
    assert_eq!(
        got,
        [(
            "rules.unknown_value".to_owned(),
            "/rules/0/when/in/1".to_owned()
        )]
    );
}

#[test]
fn citations_name_a_statute_or_document_and_never_a_project_note() {
    let with = |source: &str| {
        format!(
            r#"{{"id":"a","title_da":"t","title_en":"t","source":{source},"when":{{"fact":"employed","eq":true}},"then":{LEVEL}}}"#
        )
    };
    check(
        &[with(
            r#"{"kind":"law","citation":"Lov om sygedagpenge § 24"}"#,
        )],
        &ValidationOptions::default(),
        &[("rules.no_citation", "/rules/0/source/cites", Error)],
    );
    check(
        &[with(
            r#"{"kind":"secondary","citation":"c","cites":[{"document":"DOMAIN.md §4","issuer":"coord","date":"2026"},{"statute":"Lov","number":"","paragraph":"§ 1"}]}"#,
        )],
        &ValidationOptions::default(),
        &[
            ("rules.project_note_cited", "/rules/0/source/cites/0", Error),
            (
                "rules.citation_incomplete",
                "/rules/0/source/cites/1",
                Error,
            ),
        ],
    );
}

/// The shipped packs, oldest first.
fn shipped() -> Vec<RulePack> {
    ["dk-pre-2025", "dk-2025", "dk-2026"]
        .iter()
        .map(|n| {
            let path = format!(
                "{}/../coord-json/data/packs/{n}.json",
                env!("CARGO_MANIFEST_DIR")
            );
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
        })
        .collect()
}

fn codes(findings: &[coord_core::rules::PackFinding]) -> Vec<(String, String)> {
    findings
        .iter()
        .filter(|f| f.code.contains("transition") || f.code == "rules.overlapping_packs")
        .map(|f| (f.code.clone(), f.pointer.to_string()))
        .collect()
}

#[test]
fn transitions_are_checked_with_stable_codes() {
    let packs = shipped();
    let reference = ReferenceData {
        rule_packs: packs.clone(),
        ..support::reference()
    };
    let options = ValidationOptions::default();
    // The shipped 2026 pack's transitions are sound, alone and together with the others.
    assert_eq!(
        codes(&validate_pack(&packs[2], &reference, &options)),
        vec![]
    );
    assert_eq!(codes(&validate_packs(&packs, &reference, &options)), vec![]);
    assert!(!packs[2].transitions.is_empty());
    // Unknown earlier pack, unknown kept and set-aside rules, the pack itself, an end before start.
    let mut bad = packs[2].clone();
    let t = bad.transitions[0].clone();
    let mut unknown = t.clone();
    unknown.earlier_pack = coord_core::ids::PackId::new("nope");
    let mut rules = t.clone();
    rules
        .keep
        .push(coord_core::ids::RuleId::new("no-such-rule"));
    rules
        .instead_of
        .push(coord_core::ids::RuleId::new("no-such-rule"));
    rules.id = "second".into();
    let mut itself = t.clone();
    itself.earlier_pack = bad.id.clone();
    itself.id = "third".into();
    itself.until = Some("2025-01-01".parse().unwrap());
    let mut duplicate = t.clone();
    duplicate.keep.clear();
    duplicate.instead_of.clear();
    bad.transitions = vec![unknown, rules, itself, duplicate];
    let k = t.keep.len();
    let i = t.instead_of.len();
    assert_eq!(
        codes(&validate_pack(&bad, &reference, &options)),
        vec![
            (
                "rules.transition_unknown_pack".into(),
                "/transitions/0/earlier_pack".into()
            ),
            (
                "rules.transition_unknown_rule".into(),
                format!("/transitions/1/keep/{k}")
            ),
            (
                "rules.transition_unknown_rule".into(),
                format!("/transitions/1/instead_of/{i}")
            ),
            (
                "rules.transition_same_pack".into(),
                "/transitions/2/earlier_pack".into()
            ),
            (
                "rules.transition_ends_before_pack".into(),
                "/transitions/2/until".into()
            ),
            (
                "rules.duplicate_transition_id".into(),
                "/transitions/3/id".into()
            ),
            (
                "rules.transition_keeps_nothing".into(),
                "/transitions/3".into()
            ),
        ]
    );
    // Two overlapping packs: an error without a transition between them, none with one.
    let mut earlier = packs[1].clone();
    earlier.valid.to = Some("2026-03-31".parse().unwrap());
    let pair = vec![earlier.clone(), packs[2].clone()];
    assert_eq!(codes(&validate_packs(&pair, &reference, &options)), vec![]);
    let mut alone = packs[2].clone();
    alone.transitions.clear();
    let pair = vec![earlier, alone];
    assert_eq!(
        codes(&validate_packs(&pair, &reference, &options)),
        vec![("rules.overlapping_packs".into(), "/1/valid".into())]
    );
}

/// The reference data with a target group and an event kind valid from 2025-07-01 added.
fn with_new_codes() -> coord_core::reference::ReferenceData {
    let mut r = support::reference();
    let added: coord_core::vocab::Vocabularies = serde_json::from_str(
        r#"{"target_groups": [{"code": "new_group", "label": {"da": "ny gruppe", "en": "new group"},
                               "valid_from": "2025-07-01"}],
            "event_kinds": [{"code": "new_event", "label": {"da": "ny hændelse", "en": "new event"},
                             "valid_from": "2025-07-01", "valid_to": "2025-08-31"}]}"#,
    )
    .unwrap();
    r.vocabularies.extend(&added);
    r
}

fn findings(
    rules: &[String],
    reference: &coord_core::reference::ReferenceData,
) -> Vec<(String, String, Severity)> {
    let pack = pack(&format!("[{}]", rules.join(",")));
    validate_pack(&pack, reference, &Default::default())
        .into_iter()
        .map(|f| {
            // The message lists the declared codes; the place is in the pointer.
            assert!(!f.message.starts_with('/'), "{}", f.message);
            (f.code, f.pointer.to_string(), f.severity)
        })
        .collect()
}

#[test]
fn undeclared_codes_in_words_families_and_anchors_are_errors_listing_the_declared_codes() {
    let rules = [rule(
        "a",
        r#"{"all":[{"fact":"conditions","contains_any":["mental","leprosy"]},
                   {"fact":"event_count.unheard_of","gte":1},
                   {"fact":"events_held","contains":"team_meeting"},
                   {"fact":"as_of","gte":{"date":"first_event_on.nothing_like_it","plus_days":1}}]}"#,
        LEVEL,
    )];
    let pack = pack(&format!("[{}]", rules.join(",")));
    let all = validate_pack(&pack, &support::reference(), &Default::default());
    let got: Vec<(&str, String)> = all
        .iter()
        .map(|f| (f.code.as_str(), f.pointer.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "rules.undeclared_code",
                "/rules/0/when/all/0/contains_any/1".to_owned()
            ),
            (
                "rules.undeclared_code",
                "/rules/0/when/all/1/fact".to_owned()
            ),
            (
                "rules.undeclared_code",
                "/rules/0/when/all/3/gte".to_owned()
            ),
        ]
    );
    assert!(
        all[0]
            .message
            .contains("musculoskeletal, mental, cardiovascular"),
        "{}",
        all[0].message
    );
    assert!(
        all[1].message.contains("follow_up_interview"),
        "{}",
        all[1].message
    );
}

#[test]
fn a_code_used_outside_its_valid_period_is_an_error_and_partly_outside_a_warning() {
    // The pack runs through 2025; `new_group` starts 2025-07-01 (partly), `new_event` only
    // July–August 2025 (partly); a rule of its own period in the first half of 2025 never meets
    // either (error).
    let whole_year = rule(
        "whole-year",
        r#"{"all":[{"fact":"target_group","eq":"new_group"},{"fact":"event_count.new_event","gte":1}]}"#,
        LEVEL,
    );
    let first_half = rule(
        "first-half",
        r#"{"fact":"target_group","in":["sickness_benefit","new_group"]}"#,
        LEVEL,
    )
    .replace(
        r#""when""#,
        r#""valid":{"from":"2025-01-01","to":"2025-06-30"},"when""#,
    );
    let autumn = rule(
        "autumn",
        r#"{"fact":"target_group","eq":"new_group"}"#,
        r#"[{"deadline":{"task":"t","title_da":"t","title_en":"t","due":{"date":"first_event_on.new_event","plus_weeks":4}}}]"#,
    )
    .replace(
        r#""when""#,
        r#""valid":{"from":"2025-09-01","to":"2025-12-31"},"when""#,
    );
    let got = findings(&[whole_year, first_half, autumn], &with_new_codes());
    let want: Vec<(String, String, Severity)> = [
        (
            "rules.code_partly_outside_period",
            "/rules/0/when/all/0/eq",
            Warning,
        ),
        (
            "rules.code_partly_outside_period",
            "/rules/0/when/all/1/fact",
            Warning,
        ),
        ("rules.code_outside_period", "/rules/1/when/in/1", Error),
        (
            "rules.code_outside_period",
            "/rules/2/then/0/deadline/due",
            Error,
        ),
    ]
    .iter()
    .map(|(c, p, s)| ((*c).to_owned(), (*p).to_owned(), *s))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn a_case_file_with_an_undeclared_code_is_rejected_naming_the_place_and_the_declared_codes() {
    let case: coord_core::case_file::CaseFile = serde_json::from_str(
        r#"{"id":"c","citizen":{"id":"x","name":"X"},
            "course":{"target_group":"sickness_benefit","conditions":["mental","secret_diagnosis"]},
            "events":[{"id":"e","kind":"not_an_event","on":"2025-01-02"}]}"#,
    )
    .unwrap();
    let errors = coord_core::check::check_case_file(&case, &support::reference());
    let got: Vec<(&str, String)> = errors
        .iter()
        .map(|e| (e.code(), e.pointer().to_string()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "case_file.undeclared_code",
                "/course/conditions/1".to_owned()
            ),
            ("case_file.undeclared_code", "/events/0/kind".to_owned()),
        ]
    );
    for e in &errors {
        let m = e.to_string();
        assert!(
            !m.contains("secret_diagnosis") && !m.contains("not_an_event"),
            "{m}"
        );
        assert!(m.contains("declared codes: "), "{m}");
    }
    assert!(errors[0].to_string().contains("cancer"));
}
