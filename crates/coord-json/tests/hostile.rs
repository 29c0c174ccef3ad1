//! Hostile input through every coord-json call and the NDJSON reader (issue 11 §1, §5):
//!
//! - **No echo**: a marker planted in a rejected position (an unknown key, a replaced value, an
//!   unknown enum word, a dangling id, a bad date, an array for an object, raw bytes in the text)
//!   never appears in a failure answer, nor in the warnings of a success.
//! - **No panic**: arbitrary bytes and structure-aware mutations of valid documents never panic.
//!
//! Case counts are moderate by default; set `PROPTEST_CASES` (e.g. `PROPTEST_CASES=100000`) for a
//! long run (see docs/security.md).

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use coord_json::calls::{run_named, CALL_NAMES};
use proptest::prelude::*;
use serde_json::{json, Value};

const MARKER: &str = "ZqX9MARKqZ";

fn data(path: &str) -> Value {
    let full = format!("{}/data/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// One valid (or nearly valid) document per call, to mutate.
fn bases() -> Vec<(&'static str, Value)> {
    let case = data("demo/hillerod.json");
    let requests = data("demo/hillerod-requests.json");
    let request = requests[0]["request"].clone();
    let plan_case = data("demo/plan-example.json");
    let pack = data("packs/dk-2025.json");
    let as_of = json!("2025-05-01");
    vec![
        ("access-check", json!({ "case": case, "request": request })),
        ("consent-validate", json!({ "case": case })),
        ("minimise", json!({ "case": case, "release": {} })),
        ("consent-gaps", json!({ "case": case, "flow": {} })),
        ("plan-check", json!({ "case": plan_case, "as_of": as_of })),
        (
            "instrument-score",
            json!({ "instrument": "who5", "answers": [3, 3, 3, 3, 3] }),
        ),
        ("progress", json!({ "case": plan_case, "as_of": as_of })),
        ("rules-check", json!({ "packs": [pack] })),
        ("rules-test", json!({ "pack": pack, "seed": 1, "cases": 3 })),
        (
            "rules-diff",
            json!({
                "a": "dk-sickness-benefit-2025",
                "b": pack,
                "cases": { "generated": { "cases": 3, "seed": 1 } },
                "as_of": "2026-12-01"
            }),
        ),
        ("evaluate", json!({ "case": case, "as_of": as_of })),
        ("team", json!({ "case": case, "as_of": as_of })),
        ("referrals", json!({ "case": case, "as_of": as_of })),
        (
            "referral-transition",
            json!({ "case": case, "referral": "r1", "transition": {} }),
        ),
        ("offers-list", json!({})),
        ("offers-match", json!({ "case": case, "as_of": as_of })),
        ("attendance", json!({ "case": case, "question": {} })),
        (
            "working-days",
            json!({ "from": "2025-05-01", "working_days": 10 }),
        ),
        ("report", json!({ "case": case, "as_of": as_of })),
        (
            "audit-verify",
            json!({ "log": "{\"seq\":1,\"prev\":\"0\",\"entry\":{}}\n" }),
        ),
        ("instruments-list", json!({})),
        ("instrument-show", json!({ "instrument": "who5" })),
        ("citizen-report", json!({ "case": case, "as_of": as_of })),
        (
            "generate",
            json!({ "cases": 2, "seed": 1, "first": 0, "as_of": as_of }),
        ),
        ("summarise", json!({ "cases": [case], "as_of": as_of })),
        (
            "stats-partial",
            json!({ "dimensions": ["municipality", "gender"], "rows": [summary_row()] }),
        ),
        ("stats-merge", json!({ "partials": [partial(), partial()] })),
        (
            "stats-report",
            json!({ "partial": partial(), "disclosure": { "k": 5, "dominance": 0.8 } }),
        ),
        (
            "stats-benchmark",
            json!({ "partial": partial(), "disclosure": { "k": 5, "dominance": 0.8 } }),
        ),
        (
            "business-case",
            json!({ "partial": partial(), "intervention": { "offer": "brobygger-samtale" },
                "settings": { "weekly_rate": { "dkk_per_week": 4000.0, "valid_from": "2026-01-05",
                    "source": { "document": "d", "issuer": "i", "date": "2026" }, "verified": false },
                    "cost_per_citizen_dkk": 1500.0, "rate_range": 0.1, "cost_range": 0.2 },
                "disclosure": { "k": 5, "dominance": 0.8 } }),
        ),
        (
            "fhir-export",
            json!({ "case": case, "as_of": as_of,
                "release": { "recipient": "mette", "from": "lars", "purpose": "return-to-work" } }),
        ),
        (
            "fhir-import",
            json!({ "bundle": { "resourceType": "Bundle", "type": "collection", "entry": [] } }),
        ),
        (
            "handover-export",
            json!({ "case": case, "handover": { "to": { "code": "0270", "name": "Gribskov Kommune" }, "moved_on": as_of, "from": "lars" } }),
        ),
        (
            "handover-import",
            json!({ "bundle": handover_bundle(), "as_of": as_of }),
        ),
    ]
}

/// A handover bundle of the Hillerød demo (the base the import's markers are planted in).
fn handover_bundle() -> Value {
    let call = json!({
        "case": data("demo/hillerod.json"),
        "handover": { "to": { "code": "0270" }, "moved_on": "2025-04-10", "from": "lars" }
    });
    let (answer, ok) =
        coord_json::calls::run_named("handover-export", &call.to_string()).expect("a known call");
    assert!(ok, "{answer}");
    answer["result"]["bundle"].clone()
}

fn summary_row() -> Value {
    json!({
        "as_of": "2025-05-01", "municipality": "0219", "target_group": "sickness_benefit",
        "level": "complex", "age_band": "40-49", "gender": "female", "period": "2025-Q1",
        "weeks_absent": 12, "returned": true, "weeks_to_return": 10, "days_to_first_interview": 14,
        "deadlines_met": 2, "deadlines_overdue": 1, "deadlines_open": 0, "thread_held": true,
        "referrals_closed": 1, "referrals_with_outcome": 1,
        "instruments": [{ "indicator": "who5", "reliable_change": "reliably_improved", "clinically_relevant": true }],
        "goals": 2, "goals_achieved": 1, "interventions": [{ "role": "bridge_builder" }]
    })
}

fn partial() -> Value {
    json!({
        "dimensions": ["municipality"], "as_of": "2025-05-01",
        "cells": [{ "key": ["0219"], "counts": {
            "courses": 6, "returned": 3, "thread_held": 5, "with_overdue": 1,
            "weeks_absent": { "12": 6 }, "weeks_to_return": { "10": 3 },
            "days_to_first_interview": { "14": 6 }, "deadlines_met": 6, "deadlines_overdue": 1,
            "referrals_closed": 1, "referrals_with_outcome": 1, "goals": 2, "goals_achieved": 1,
            "instruments": { "who5": { "measured": 6, "reliably_improved": 2,
                "reliably_deteriorated": 1, "clinically_relevant": 2 } },
            "interventions": [{ "intervention": { "offer": "brobygger-samtale" }, "courses": 2,
                "returned": 1, "weeks_absent": { "12": 2 } }]
        } }]
    })
}

/// Every node of a document, by JSON pointer.
fn nodes(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                nodes(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                nodes(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The ways a marker is planted.
#[derive(Debug, Clone, Copy)]
enum Plant {
    /// An extra key named by the marker in an object.
    UnknownKey,
    /// The node replaced by the marker string (unknown enum word, dangling id, wrong type).
    Replace,
    /// The node replaced by a date-like string carrying the marker.
    DateLike,
    /// The node replaced by an object keyed by the marker.
    ObjectKey,
    /// The node replaced by an array holding the marker.
    Array,
    /// The marker as a number-like token: the node replaced by a huge string of it.
    Huge,
    /// The same key twice, the second holding the marker.
    DuplicateKey,
}

fn plant(doc: &Value, pointer: &str, how: Plant) -> String {
    let mut doc = doc.clone();
    let Some(node) = doc.pointer_mut(pointer) else {
        return doc.to_string();
    };
    match how {
        Plant::UnknownKey => {
            if let Value::Object(m) = node {
                m.insert(MARKER.to_owned(), json!(1));
            } else {
                *node = json!({ MARKER: MARKER });
            }
        }
        Plant::Replace => *node = json!(MARKER),
        Plant::DateLike => *node = json!(format!("2025-01-01T00:00:00+01:00{MARKER}")),
        Plant::ObjectKey => *node = json!({ MARKER: [MARKER] }),
        Plant::Array => *node = json!([MARKER, 1, { "x": MARKER }]),
        Plant::Huge => *node = json!(MARKER.repeat(20_000)),
        Plant::DuplicateKey => {
            if let Value::Object(m) = node {
                // serde_json's map cannot hold a key twice: write the duplicate into the text.
                let first = m.keys().next().cloned().unwrap_or_else(|| "id".to_owned());
                let text = Value::Object(m.clone()).to_string();
                let dup = format!("{{{}:\"{MARKER}\",{}", Value::String(first), &text[1..]);
                *node = json!("__DUP__");
                return doc.to_string().replace("\"__DUP__\"", &dup);
            }
            *node = json!(MARKER);
        }
    }
    doc.to_string()
}

fn assert_no_echo(name: &str, text: &str, answer: &Value) {
    let failed = answer["status"] == "failure";
    let shown = if failed {
        answer.to_string()
    } else {
        answer["warnings"].to_string()
    };
    assert!(
        !shown.contains(MARKER),
        "{name}: the marker is repeated in {shown:.600}\ninput: {text:.600}"
    );
    // The place is the problem's pointer; no message starts with it (or with any pointer).
    if let Some(errors) = answer["errors"].as_array() {
        for e in errors {
            let message = e["message"].as_str().unwrap_or_default();
            assert!(
                !message.starts_with('/'),
                "{name}: a message starts with a pointer: {message:.200}"
            );
        }
    }
    // `rules check` answers a pack's errors as findings of a successful answer.
    let findings = answer["result"]["findings"].to_string();
    assert!(
        !findings.contains(MARKER),
        "{name}: the marker is repeated in a finding: {findings:.600}\ninput: {text:.600}"
    );
    assert!(
        shown.len() < 64 * 1024,
        "{name}: unbounded answer ({} bytes)",
        shown.len()
    );
}

fn plants() -> impl Strategy<Value = Plant> {
    prop_oneof![
        Just(Plant::UnknownKey),
        Just(Plant::Replace),
        Just(Plant::DateLike),
        Just(Plant::ObjectKey),
        Just(Plant::Array),
        Just(Plant::Huge),
        Just(Plant::DuplicateKey),
    ]
}

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    // A fixed seed in CI, so a rare case found once is not a coin toss for every run; set
    // PROPTEST_RNG_SEED (or run long with PROPTEST_CASES) to search further.
    let rng_seed = if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
        ProptestConfig::default().rng_seed
    } else {
        proptest::test_runner::RngSeed::Fixed(20261201)
    };
    ProptestConfig {
        cases,
        failure_persistence: None,
        rng_seed,
        ..ProptestConfig::default()
    }
}

/// Every base document is accepted by its call's reader (so mutations reach deep places).
#[test]
fn bases_cover_every_call() {
    let names: Vec<&str> = bases().iter().map(|(n, _)| *n).collect();
    for call in CALL_NAMES {
        assert!(
            names.contains(call),
            "no hostile base document for `{call}`"
        );
    }
}

/// Regression (found by `raw_markers_never_echo`, shrunk by an exhaustive splice scan): a marker
/// spliced into a declared extension ground's code came back in the list of declared codes of
/// `rules.unknown_value`, which was not quoted and so escaped redaction.
#[test]
fn a_declared_extension_ground_is_not_echoed() {
    let pack = data("packs/dk-2025.json");
    for (name, doc) in [
        ("rules-test", json!({ "pack": pack, "seed": 1, "cases": 3 })),
        ("rules-check", json!({ "packs": [pack] })),
    ] {
        let text = doc.to_string();
        let at = text.find("\"code\":\"revalidering\"").unwrap() + "\"code\":\"".len();
        for cut in [at, at + 6] {
            let spliced = format!("{}{MARKER}{}", &text[..cut], &text[cut..]);
            let (answer, _) = run_named(name, &spliced).unwrap();
            assert!(
                answer.to_string().contains("rules.unknown_value"),
                "{name}: the splice does not reach the finding"
            );
            assert_no_echo(name, &spliced, &answer);
        }
    }
}

proptest! {
    #![proptest_config(cases(300))]

    /// A marker planted anywhere in a rejected position never comes back.
    #[test]
    fn planted_markers_never_echo(base in 0usize..22, node in any::<prop::sample::Index>(), how in plants()) {
        let bases = bases();
        let (name, doc) = &bases[base % bases.len()];
        let mut all = Vec::new();
        nodes(doc, String::new(), &mut all);
        let pointer = node.get(&all);
        let text = plant(doc, pointer, how);
        let (answer, _) = run_named(name, &text).unwrap_or((Value::Null, false));
        assert_no_echo(name, &text, &answer);
    }

    /// The marker spliced raw into the text (malformed JSON) never comes back.
    #[test]
    fn raw_markers_never_echo(base in 0usize..19, at in any::<prop::sample::Index>()) {
        let bases = bases();
        let (name, doc) = &bases[base % bases.len()];
        let text = doc.to_string();
        let mut cut = at.index(text.len() + 1);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = format!("{}{MARKER}{}", &text[..cut], &text[cut..]);
        let (answer, _) = run_named(name, &text).unwrap_or((Value::Null, false));
        assert_no_echo(name, &text, &answer);
    }
}

proptest! {
    #![proptest_config(cases(200))]

    /// Arbitrary bytes (as text where they are UTF-8) never panic any call.
    #[test]
    fn arbitrary_bytes_never_panic(call in 0usize..19, bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let name = CALL_NAMES[call % CALL_NAMES.len()];
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = run_named(name, text);
        }
        let _ = coord_json::parse::parse_bytes::<coord_core::case_file::CaseFile>(&bytes);
    }

    /// Structure-aware mutations (a node deleted, duplicated, retyped) never panic any call.
    #[test]
    fn mutated_documents_never_panic(base in 0usize..19, node in any::<prop::sample::Index>(), kind in 0u8..6) {
        let bases = bases();
        let (name, doc) = &bases[base % bases.len()];
        let mut all = Vec::new();
        nodes(doc, String::new(), &mut all);
        let pointer = node.get(&all).clone();
        let mut doc = doc.clone();
        if let Some(n) = doc.pointer_mut(&pointer) {
            *n = match kind {
                0 => Value::Null,
                1 => json!(-1),
                2 => json!(u64::MAX),
                3 => json!(1e308),
                4 => json!([n.clone(), n.clone()]),
                _ => json!(""),
            };
        }
        let _ = run_named(name, &doc.to_string());
    }

    /// The NDJSON reader answers every line, whatever the bytes, with no panic.
    #[test]
    fn ndjson_reader_never_panics(lines in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..64), 0..16)) {
        let mut input = Vec::new();
        for l in &lines {
            input.extend(l.iter().copied().filter(|b| *b != b'\n'));
            input.push(b'\n');
        }
        let mut out = Vec::new();
        let lines = coord_json::ndjson::TypedLines::new(|r: coord_core::consent::AccessRequest| {
            coord_json::envelope::Answer::success(r)
        });
        let summary = coord_json::ndjson::stream(&input[..], &mut out, &lines, 2, &mut |_| {});
        prop_assert!(summary.is_ok());
    }
}
