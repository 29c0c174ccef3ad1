//! End-to-end: `coord plan check`, `coord instruments …`, `coord progress` with its SVG, the plan
//! calls through `coord call`, and bad input (nothing written).

use coord_e2e::{run, stderr, stdout, temp_dir, workspace_file};
use serde_json::{json, Value};

const DEMO: &str = "crates/coord-json/data/demo/plan-example.json";

fn demo_path() -> String {
    workspace_file(DEMO).to_string_lossy().into_owned()
}

#[test]
fn plan_check_names_the_overloaded_weeks_and_exits_one() {
    let o = run(
        &["plan", "check", &demo_path(), "--as-of", "2025-08-15"],
        "",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("weeks 19–21 of 2025: 16.5 hours a week (“Rygskole, holdtræning 2 × 1,5 timer om ugen”, “Samtaler med psykolog, 1 time om ugen”"), "{out}");
    assert!(
        out.contains(
            "“Lær at tackle kroniske smerter (mestringskursus), 2,5 timer om ugen” is a voluntary offer from health centre, but is marked obligatory"
        ),
        "{out}"
    );
    assert!(
        out.contains("the evaluation planned for 21 July 2025 has not been held"),
        "{out}"
    );
    let o = run(
        &[
            "plan",
            "check",
            &demo_path(),
            "--as-of",
            "2025-08-15",
            "--format",
            "json",
        ],
        "",
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    crate::schemas::assert_valid("plan-check.answer", &v);
}

#[test]
fn instruments_list_show_and_score() {
    let o = run(&["instruments", "list"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for id in ["who5", "phq9", "gad7", "gse", "was", "fsiii-j3"] {
        assert!(stdout(&o).contains(id), "{id}");
    }
    let o = run(&["instruments", "show", "phq9"], "");
    assert!(stdout(&o).contains("phq9-9 ≥ 1"), "{}", stdout(&o));
    let o = run(
        &["instruments", "score", "who5", "--answers", "3,3,3,3,3"],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("raw 15 → score 60 (good well-being)"),
        "{}",
        stdout(&o)
    );
    // A safety flag exits 1, so a script cannot miss it.
    let o = run(
        &[
            "instruments",
            "score",
            "phq9",
            "--answers",
            "0,0,0,0,0,0,0,0,2",
            "--lang",
            "da",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("SIKKERHED phq9-9 = 2"),
        "{}",
        stdout(&o)
    );
    let o = run(
        &[
            "instruments",
            "score",
            "who5",
            "--answers",
            "3,3,3,3,3",
            "--format",
            "json",
        ],
        "",
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    crate::schemas::assert_valid("instrument-score.answer", &v);
}

#[test]
fn bad_answers_exit_three_naming_the_item() {
    let o = run(
        &[
            "instruments",
            "score",
            "phq9",
            "--answers",
            "1,1,-,1,1,1,1,1,1",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("/answers/2: item 3 is not answered"),
        "{}",
        stderr(&o)
    );
    let o = run(
        &["instruments", "score", "who5", "--answers", "3,3,7,3,3"],
        "",
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("item 3 was answered with a value that is not one of its options"),
        "{}",
        stderr(&o)
    );
    let o = run(&["instruments", "score", "wai", "--answers", "1"], "");
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("unknown instrument") && !stderr(&o).contains("wai"),
        "{}",
        stderr(&o)
    );
    let o = run(&["instruments", "score", "who5", "--answers", "3,x"], "");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn progress_writes_the_chart_and_json_fits_its_schema() {
    let dir = temp_dir("progress-svg");
    let svg = dir.join("progress.svg");
    let svg_arg = svg.to_string_lossy().into_owned();
    let o = run(
        &[
            "progress",
            &demo_path(),
            "--as-of",
            "2025-08-15",
            "--svg",
            &svg_arg,
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("4.16"), "{out}");
    assert!(
        out.contains("overskud til mine børn") && out.contains("sustaining"),
        "{out}"
    );
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg"), "{}", &text[..80.min(text.len())]);
    assert!(text.contains("likely depression") && text.contains("target 52 by 2025-08-31"));
    let o = run(
        &[
            "progress",
            &demo_path(),
            "--as-of",
            "2025-08-15",
            "--format",
            "json",
        ],
        "",
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    crate::schemas::assert_valid("progress.answer", &v);
}

#[test]
fn a_measurement_after_as_of_exits_three_and_writes_nothing() {
    let dir = temp_dir("progress-bad");
    let svg = dir.join("never.svg");
    let svg_arg = svg.to_string_lossy().into_owned();
    let o = run(
        &[
            "progress",
            &demo_path(),
            "--as-of",
            "2025-06-01",
            "--svg",
            &svg_arg,
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("/measurements/4/date: the measurement is dated after the as-of date"),
        "{}",
        stderr(&o)
    );
    assert!(!svg.exists());
}

#[test]
fn the_plan_calls_run_through_coord_call() {
    let case: Value = serde_json::from_str(coord_json::demo::PLAN_EXAMPLE_JSON).unwrap();
    let call = json!({ "case": case, "as_of": "2025-08-15" }).to_string();
    let o = run(&["call", "progress"], &call);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["result"]["indicators"][0]["latest"]["score"], 64.0);
    let inputs: Value = serde_json::from_str(&call).unwrap();
    crate::schemas::assert_valid("progress.call", &inputs);
    crate::schemas::assert_valid("case-file", &case);
}
