//! End-to-end: `coord report` and the main job, `coord demo`.

use coord_e2e::{run, stderr, stdout, temp_dir, workspace_file};

#[test]
fn the_demo_reports_five_cases_one_per_coordination_level_and_more() {
    let o = run(&["demo"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for who in [
        "Anna Sørensen",
        "Birgit Andersen",
        "Sofie Nielsen",
        "Jens Hansen",
        "Mona Jensen",
    ] {
        assert!(
            out.contains(&format!("Coordination report — {who}")),
            "{who} missing"
        );
    }
    assert!(out.contains("Level: uncomplicated"));
    assert!(out.contains("Level: predictable but long"));
    assert!(out.contains("Level: complex"));
    assert!(out.contains("OVERDUE"), "an overdue deadline is shown");
    assert!(out.contains("STALE"), "a stale referral is shown");
    assert!(
        out.contains("Ask Sofie Nielsen for a specific consent"),
        "a consent gap is phrased"
    );
    assert!(
        out.contains("needs the citizen's own wish recorded"),
        "the group course waits for Mona's wish"
    );
}

#[test]
fn the_demo_in_danish_uses_danish_labels() {
    let o = run(&["demo", "--lang", "da"], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Koordineringsrapport — Sofie Nielsen"));
    assert!(stdout(&o).contains("Hvem holder tråden"));
}

#[test]
fn report_writes_html_and_svg_whole_and_json_matches_its_schema() {
    let dir = temp_dir("report");
    let case = workspace_file("crates/coord-json/data/demo/report/backpain-depression.json");
    let case = case.to_str().unwrap();
    let html = dir.join("meeting.html");
    let svg = dir.join("progress.svg");
    let o = run(
        &[
            "report",
            case,
            "--as-of",
            "2025-07-25",
            "--format",
            "html",
            "--out",
            html.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "items need attention: {}",
        stderr(&o)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.trim_end().ends_with("</html>"));
    assert!(page.contains("<svg"), "the chart is inline");
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));

    let o = run(
        &["report", case, "--as-of", "2025-07-25", "--format", "json"],
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    crate::schemas::assert_valid("report.answer", &v);
    assert_eq!(v["result"]["level"]["level"], "complex");
    assert_eq!(v["result"]["attention"][0]["kind"], "overdue_deadline");
}

#[test]
fn a_report_on_bad_input_writes_nothing() {
    let dir = temp_dir("report-bad");
    let out = dir.join("meeting.html");
    let case = dir.join("case.json");
    std::fs::write(
        &case,
        r#"{"id":"k","citizen":{"id":"c","name":"X"},"actors":[],"team":{"nope":1}}"#,
    )
    .unwrap();
    let o = run(
        &[
            "report",
            case.to_str().unwrap(),
            "--as-of",
            "2025-01-01",
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("/team"), "{}", stderr(&o));
    assert!(!out.exists(), "no output file on error");
}

#[test]
fn a_measurement_after_the_report_date_is_refused() {
    let case = workspace_file("crates/coord-json/data/demo/report/backpain-depression.json");
    let o = run(
        &["report", case.to_str().unwrap(), "--as-of", "2025-03-01"],
        "",
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("progress.measurement_after_as_of"),
        "{}",
        stderr(&o)
    );
}
