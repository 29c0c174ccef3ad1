//! The strict reader's checks reach inside values serde would otherwise buffer: a pack given
//! inline in a call (`PackRef`), a date expression in a condition (`Literal`), a citation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests: a failure must stop the run"
)]

use coord_json::calls::run_named;
use serde_json::{json, Value};

const PACK_2026: &str = include_str!("../data/packs/dk-2026.json");

/// An evaluate call with the 2026 pack inline, as text, with `edit` applied to the pack's text.
fn evaluate_with(edit: impl Fn(String) -> String) -> Value {
    let case: Value = serde_json::from_str(coord_json::demo::HILLEROD_CASE_JSON).unwrap();
    let pack: Value = serde_json::from_str(PACK_2026).unwrap();
    let pack_text = edit(serde_json::to_string(&pack).unwrap());
    let text = format!(
        "{{\"case\":{},\"pack\":{},\"as_of\":\"2026-03-02\"}}",
        serde_json::to_string(&case).unwrap(),
        pack_text
    );
    run_named("evaluate", &text).unwrap().0
}

fn problem(answer: &Value) -> (String, String) {
    assert_eq!(answer["status"], "failure", "{answer:#}");
    let p = &answer["errors"][0];
    (
        p["pointer"].as_str().unwrap_or_default().to_owned(),
        p["message"].as_str().unwrap_or_default().to_owned(),
    )
}

#[test]
fn an_inline_pack_is_read_like_a_pack_file() {
    // the unchanged pack is accepted (so the edits below are what is refused)
    let ok = evaluate_with(|t| t);
    assert_eq!(ok["status"], "success", "{ok:#}");

    // a five-digit year chrono would read
    let a =
        evaluate_with(|t| t.replacen("\"from\":\"2026-02-01\"", "\"from\":\"+12026-02-01\"", 1));
    let (at, msg) = problem(&a);
    assert_eq!(at, "/pack/valid/from", "{a:#}");
    assert!(msg.starts_with("expected a date YYYY-MM-DD"), "{msg}");
    assert!(!msg.contains("12026"), "the value is not repeated: {msg}");

    // the same key twice
    let a = evaluate_with(|t| {
        t.replacen(
            "\"from\":\"2026-02-01\"",
            "\"from\":\"2026-02-01\",\"from\":\"2026-02-01\"",
            1,
        )
    });
    let (at, msg) = problem(&a);
    assert_eq!(at, "/pack/valid");
    assert!(msg.contains("the same key appears twice"), "{msg}");

    // an array where the pack's `valid` object belongs
    let a = evaluate_with(|t| {
        t.replacen(
            "\"valid\":{\"from\":\"2026-02-01\"}",
            "\"valid\":[\"2026-02-01\"]",
            1,
        )
    });
    let (at, msg) = problem(&a);
    assert_eq!(at, "/pack/valid");
    assert!(msg.contains("expected an object, found an array"), "{msg}");
}

#[test]
fn a_date_expression_in_a_condition_is_read_strictly() {
    let needle = "{\"date\":\"first_day_of_absence\",\"end_of_week\":5}";
    assert!(
        PACK_2026.replace([' ', '\n'], "").contains(needle),
        "the 2026 pack has the expression"
    );
    let a = evaluate_with(|t| {
        t.replacen(
            needle,
            "{\"date\":\"first_day_of_absence\",\"end_of_week\":5,\"end_of_week\":5}",
            1,
        )
    });
    let (at, msg) = problem(&a);
    assert!(
        at.starts_with("/pack/rules/") && at.ends_with("/gt"),
        "{at}"
    );
    assert!(msg.contains("the same key appears twice"), "{msg}");
    // a date expression given as an array is not a literal of any kind
    let a = evaluate_with(|t| t.replacen(needle, "[\"first_day_of_absence\"]", 1));
    let (at, _) = problem(&a);
    assert!(
        at.starts_with("/pack/rules/") && at.ends_with("/gt"),
        "{at}"
    );
}

#[test]
fn a_citation_is_one_form_or_the_other() {
    let mut reference: Value = json!({});
    // a vocabulary entry citing a statute and a document at once is refused at the citation
    let mixed = json!({ "statute": "Lov om sygedagpenge", "number": "LBK nr. 1", "paragraph": "§ 24",
                        "document": "L 66", "issuer": "Folketinget", "date": "2025-11-06" });
    reference["vocabularies"] = json!({ "target_groups": [{
        "code": "new_group", "label": { "da": "ny gruppe", "en": "new group" }, "source": mixed,
        "verified": false
    }] });
    let case: Value = serde_json::from_str(coord_json::demo::HILLEROD_CASE_JSON).unwrap();
    let call = json!({ "case": case, "reference": reference, "as_of": "2026-03-02" });
    let a = run_named("evaluate", &call.to_string()).unwrap().0;
    let (at, msg) = problem(&a);
    assert!(
        at.starts_with("/reference/vocabularies/target_groups/0"),
        "{at}"
    );
    assert!(msg.contains("expected a citation"), "{msg}");
}
