//! Known answers for every built-in instrument, the plan check and progression on the demo, and
//! bad input named by place.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

use coord_json::calls::call_json;
use coord_json::calls::plan::{instrument_score, plan_check, progress};
use serde_json::{json, Value};

/// Score `answers` with `instrument` and return the answer as JSON.
fn score(instrument: &str, answers: Value) -> Value {
    let call = json!({ "instrument": instrument, "answers": answers }).to_string();
    serde_json::to_value(call_json(&call, instrument_score)).unwrap()
}

/// One known answer: raw, final score and band label (English).
fn check(instrument: &str, answers: Value, raw: f64, final_score: f64, band: Option<&str>) {
    let v = score(instrument, answers.clone());
    assert_eq!(v["status"], "success", "{instrument} {answers}: {v}");
    assert_eq!(v["result"]["raw"], raw, "{instrument} {answers}");
    assert_eq!(v["result"]["score"], final_score, "{instrument} {answers}");
    match band {
        Some(b) => assert_eq!(v["result"]["band"]["label_en"], b, "{instrument} {answers}"),
        None => assert!(v["result"]["band"].is_null(), "{instrument} {answers}"),
    }
}

fn error(instrument: &str, answers: Value) -> (String, String, String) {
    let v = score(instrument, answers);
    assert_eq!(v["status"], "failure", "{v}");
    let e = &v["errors"][0];
    (
        e["code"].as_str().unwrap().to_owned(),
        e["pointer"].as_str().unwrap_or_default().to_owned(),
        e["message"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn who5_known_answers() {
    check(
        "who5",
        json!([3, 3, 3, 3, 3]),
        15.0,
        60.0,
        Some("good well-being"),
    );
    check(
        "who5",
        json!([5, 5, 5, 5, 5]),
        25.0,
        100.0,
        Some("good well-being"),
    );
    check(
        "who5",
        json!([0, 0, 0, 0, 0]),
        0.0,
        0.0,
        Some("likely depression"),
    );
    // 28 is the last score of "likely depression", 32 is poor well-being, 52 is good.
    check(
        "who5",
        json!([1, 1, 2, 1, 2]),
        7.0,
        28.0,
        Some("likely depression"),
    );
    check(
        "who5",
        json!([2, 2, 2, 1, 1]),
        8.0,
        32.0,
        Some("poor well-being"),
    );
    check(
        "who5",
        json!([3, 2, 3, 2, 2]),
        12.0,
        48.0,
        Some("poor well-being"),
    );
    check(
        "who5",
        json!([3, 3, 3, 2, 2]),
        13.0,
        52.0,
        Some("good well-being"),
    );
}

#[test]
fn phq9_known_answers_and_item_9_safety_flag() {
    check(
        "phq9",
        json!([1, 1, 1, 1, 1, 1, 1, 1, 0]),
        8.0,
        8.0,
        Some("mild"),
    );
    check(
        "phq9",
        json!([0, 0, 0, 0, 0, 0, 0, 0, 0]),
        0.0,
        0.0,
        Some("minimal"),
    );
    check(
        "phq9",
        json!([2, 2, 2, 2, 1, 1, 0, 0, 0]),
        10.0,
        10.0,
        Some("moderate"),
    );
    check(
        "phq9",
        json!([2, 2, 2, 2, 2, 2, 2, 1, 0]),
        15.0,
        15.0,
        Some("moderately severe"),
    );
    check(
        "phq9",
        json!([3, 3, 3, 3, 2, 2, 2, 2, 0]),
        20.0,
        20.0,
        Some("severe"),
    );
    check(
        "phq9",
        json!([3, 3, 3, 3, 3, 3, 3, 3, 3]),
        27.0,
        27.0,
        Some("severe"),
    );
    // Item 9 raises the flag whatever the total.
    let v = score("phq9", json!([0, 0, 0, 0, 0, 0, 0, 0, 1]));
    assert_eq!(v["result"]["score"], 1.0);
    assert_eq!(v["result"]["band"]["label_en"], "minimal");
    assert_eq!(v["result"]["safety_flags"][0]["item"], "phq9-9");
    let v = score("phq9", json!([3, 3, 3, 3, 3, 3, 3, 3, 0]));
    assert_eq!(v["result"]["safety_flags"], json!([]));
}

#[test]
fn gad7_known_answers() {
    check(
        "gad7",
        json!([0, 0, 0, 0, 0, 0, 0]),
        0.0,
        0.0,
        Some("minimal"),
    );
    check("gad7", json!([1, 1, 1, 1, 1, 0, 0]), 5.0, 5.0, Some("mild"));
    check(
        "gad7",
        json!([2, 2, 2, 2, 1, 1, 0]),
        10.0,
        10.0,
        Some("moderate"),
    );
    check(
        "gad7",
        json!([3, 3, 3, 3, 3, 3, 3]),
        21.0,
        21.0,
        Some("severe"),
    );
}

#[test]
fn gse_known_answers() {
    check(
        "gse",
        json!([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
        10.0,
        10.0,
        None,
    );
    check(
        "gse",
        json!([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]),
        30.0,
        30.0,
        None,
    );
    check(
        "gse",
        json!([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]),
        40.0,
        40.0,
        None,
    );
    let (code, pointer, _) = error("gse", json!([0, 1, 1, 1, 1, 1, 1, 1, 1, 1]));
    assert_eq!(
        (code.as_str(), pointer.as_str()),
        ("instrument.answer_out_of_range", "/answers/0")
    );
}

#[test]
fn work_ability_score_known_answers() {
    check("was", json!([0]), 0.0, 0.0, Some("poor"));
    check("was", json!([5]), 5.0, 5.0, Some("poor"));
    check("was", json!([6]), 6.0, 6.0, Some("moderate"));
    check("was", json!([7]), 7.0, 7.0, Some("moderate"));
    check("was", json!([8]), 8.0, 8.0, Some("good"));
    check("was", json!([10]), 10.0, 10.0, Some("good"));
    let (code, _, message) = error("was", json!([11]));
    assert_eq!(code, "instrument.answer_out_of_range");
    assert!(
        message.contains("item 1 was answered with a value that is not one of its options"),
        "{message}"
    );
}

#[test]
fn fsiii_levels_known_answers_and_not_relevant() {
    for area in ["fsiii-j1", "fsiii-j2", "fsiii-j3", "fsiii-j4", "fsiii-j5"] {
        check(area, json!([0]), 0.0, 0.0, Some("none"));
        check(area, json!([2]), 2.0, 2.0, Some("moderate"));
        check(area, json!([4]), 4.0, 4.0, Some("total"));
        let (code, _, _) = error(area, json!([9]));
        assert_eq!(code, "instrument.nothing_to_score");
        let (code, pointer, _) = error(area, json!([5]));
        assert_eq!(
            (code.as_str(), pointer.as_str()),
            ("instrument.answer_out_of_range", "/answers/0")
        );
    }
}

#[test]
fn bad_answers_name_the_item() {
    let (code, pointer, message) = error("phq9", json!([1, 1, 1, null, 1, 1, 1, 1, 1]));
    assert_eq!(code, "instrument.missing_item");
    assert_eq!(pointer, "/answers/3");
    assert!(message.contains("item 4 is not answered"), "{message}");
    let (code, pointer, _) = error("phq9", json!([1, 1, 1]));
    assert_eq!(
        (code.as_str(), pointer.as_str()),
        ("instrument.missing_item", "/answers/3")
    );
    let (code, _, message) = error("who5", json!([1, 1, 1, 1, 1, 1]));
    assert_eq!(code, "instrument.too_many_answers");
    assert!(message.contains("6 answers"), "{message}");
    let (code, pointer, _) = error("wai", json!([1]));
    assert_eq!(
        (code.as_str(), pointer.as_str()),
        ("instrument.unknown", "/instrument")
    );
}

fn demo() -> Value {
    serde_json::from_str(coord_json::demo::PLAN_EXAMPLE_JSON).unwrap()
}

fn run_check(case: Value, as_of: &str) -> Value {
    let call = json!({ "case": case, "as_of": as_of }).to_string();
    serde_json::to_value(call_json(&call, plan_check)).unwrap()
}

fn run_progress(case: Value, as_of: &str) -> Value {
    let call = json!({ "case": case, "as_of": as_of }).to_string();
    serde_json::to_value(call_json(&call, progress)).unwrap()
}

fn kinds(answer: &Value) -> Vec<String> {
    answer["result"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn plan_check_of_the_demo_finds_what_needs_attention() {
    let a = run_check(demo(), "2025-08-15");
    assert_eq!(a["status"], "success", "{a}");
    let k = kinds(&a);
    for expected in [
        "goal_without_activity",
        "goal_without_indicator",
        "nobody_responsible",
        "evaluation_missed",
        "capacity_exceeded",
        "voluntary_used_as_obligatory",
    ] {
        assert!(
            k.contains(&expected.to_owned()),
            "{expected} missing from {k:?}"
        );
    }
    let cap: Vec<&Value> = a["result"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "capacity_exceeded")
        .collect();
    assert_eq!(cap[0]["first_week"], "2025-W19");
    assert_eq!(cap[0]["last_week"], "2025-W21");
    assert_eq!(cap[0]["hours"], 16.5);
    assert_eq!(
        cap[0]["activities"],
        json!(["a-backschool", "a-talks", "a-coping", "a-placement"])
    );
    // Before the third evaluation date, it is not missed yet.
    let early = run_check(demo(), "2025-07-01");
    assert!(!kinds(&early).contains(&"evaluation_missed".to_owned()));
}

#[test]
fn plan_check_finds_duplicates_and_an_evaluation_held_early_counts() {
    let mut case = demo();
    let mut dup = case["plan"]["goals"][1].clone();
    dup["id"] = json!("g-mood-again");
    dup["text"] = json!("  jeg vil have OVERSKUD til mine børn igen ");
    case["plan"]["goals"].as_array_mut().unwrap().push(dup);
    case["plan"]["evaluations"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "held_on": "2025-07-10" }));
    let a = run_check(case, "2025-08-15");
    let k = kinds(&a);
    assert!(k.contains(&"duplicate_goal".to_owned()), "{k:?}");
    assert!(!k.contains(&"evaluation_missed".to_owned()), "{k:?}");
}

#[test]
fn progression_of_the_demo() {
    let a = run_progress(demo(), "2025-08-15");
    assert_eq!(a["status"], "success", "{a}");
    let r = &a["result"];
    let who5 = &r["indicators"][0];
    assert_eq!(who5["indicator"], "who5");
    assert_eq!(who5["baseline"]["score"], 24.0);
    assert_eq!(who5["latest"]["score"], 64.0);
    assert_eq!(who5["direction"], "better");
    assert_eq!(who5["reliable_change"]["class"], "reliably_improved");
    assert_eq!(who5["speaks_of"], "functional_ability");
    let to = who5["band_transitions"][1]["to"].as_u64().unwrap() as usize;
    assert_eq!(who5["bands"][to]["label_en"], "good well-being");
    let phq9 = &r["indicators"][1];
    assert_eq!(phq9["change"], -11.0);
    assert_eq!(phq9["direction"], "better");
    assert!(phq9["reliable_change"]["rci"].as_f64().unwrap() < 0.0);
    let was = &r["indicators"][2];
    assert_eq!(was["speaks_of"], "work_ability");
    assert!(was.get("reliable_change").is_none());
    let goals: Vec<(&str, &str)> = r["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["goal"].as_str().unwrap(),
                g["achievement"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        goals,
        vec![
            ("g-work", "improving"),
            ("g-mood", "sustaining"),
            ("g-walk", "not_achieved"),
            ("g-network", "-"),
        ]
    );
}

#[test]
fn the_latest_band_is_a_fact_as_of_a_day() {
    use coord_core::check::CheckedCase;
    use coord_core::plan::latest_band;
    let reference = coord_json::builtin::reference_data().unwrap();
    let case = coord_json::demo::plan_example().unwrap();
    let checked = CheckedCase::new(case, &reference).unwrap();
    let day = |s: &str| s.parse().unwrap();
    let fact = latest_band(&checked, &reference, &"who5".into(), day("2025-03-31")).unwrap();
    assert_eq!(fact.band.label_en, "poor well-being");
    assert_eq!(fact.date, day("2025-03-10"));
    let fact = latest_band(&checked, &reference, &"who5".into(), day("2025-08-15")).unwrap();
    assert_eq!(fact.band.label_en, "good well-being");
    assert!(latest_band(&checked, &reference, &"who5".into(), day("2025-01-01")).is_none());
    assert!(latest_band(&checked, &reference, &"gad7".into(), day("2025-08-15")).is_none());
}

/// Bad input: each case names its place with a stable code.
fn bad(edit: impl FnOnce(&mut Value), as_of: &str, code: &str, pointer: &str) {
    let mut case = demo();
    edit(&mut case);
    let a = run_progress(case, as_of);
    assert_eq!(a["status"], "failure", "{a}");
    let errors = a["errors"].as_array().unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e["code"] == code && e["pointer"] == pointer),
        "expected {code} at {pointer}, got {errors:#?}"
    );
}

#[test]
fn bad_input_is_named_by_place() {
    bad(
        |_| {},
        "2025-07-01",
        "progress.measurement_after_as_of",
        "/case/measurements/5/date",
    );
    bad(
        |c| c["plan"]["goals"][0]["targets"][0]["due"] = json!("2025-01-01"),
        "2025-08-15",
        "plan.due_before_start",
        "/case/plan/goals/0/targets/0/due",
    );
    bad(
        |c| c["plan"]["goals"][1]["id"] = json!("g-work"),
        "2025-08-15",
        "case_file.duplicate_id",
        "/case/plan/goals/1/id",
    );
    bad(
        |c| c["measurements"][1]["id"] = json!("m-who5-2025-02-10"),
        "2025-08-15",
        "case_file.duplicate_id",
        "/case/measurements/1/id",
    );
    bad(
        |c| c["plan"]["activities"][0]["provider"] = json!("nobody"),
        "2025-08-15",
        "case_file.unknown_actor",
        "/case/plan/activities/0/provider",
    );
    bad(
        |c| c["plan"]["activities"][0]["goals"][0] = json!("g-nothing"),
        "2025-08-15",
        "plan.unknown_goal",
        "/case/plan/activities/0/goals/0",
    );
    bad(
        |c| c["measurements"][0]["indicator"] = json!("wai"),
        "2025-08-15",
        "plan.unknown_instrument",
        "/case/measurements/0/indicator",
    );
    bad(
        |c| c["measurements"][0]["answers"][2] = json!(6),
        "2025-08-15",
        "instrument.answer_out_of_range",
        "/case/measurements/0/answers/2",
    );
    bad(
        |c| c["measurements"][12]["value"] = json!(11),
        "2025-08-15",
        "instrument.value_out_of_range",
        "/case/measurements/12/value",
    );
    bad(
        |c| c["plan"]["activities"][0]["hours_per_week"] = json!(-1),
        "2025-08-15",
        "plan.bad_hours",
        "/case/plan/activities/0/hours_per_week",
    );
}

#[test]
fn an_open_ended_overload_runs_up_to_as_of() {
    let mut case = demo();
    case["plan"]["activities"][4]["period"] = json!({ "from": "2025-06-16" });
    case["plan"]["activities"][4]["hours_per_week"] = json!(16);
    let a = run_check(case, "2030-01-01");
    let last = a["result"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .rfind(|f| f["kind"] == "capacity_exceeded")
        .unwrap()
        .clone();
    assert_eq!(last["activities"], json!(["a-placement-2"]));
    assert_eq!(last["last_week"], "2030-W01");
}
