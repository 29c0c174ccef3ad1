//! NDJSON pipelines: line ids and numbers, --on-error, --jobs giving identical output, and
//! `coord generate`.

use coord_e2e::{run, stderr, stdout};
use serde_json::Value;

fn generated(cases: &str, call: Option<&str>) -> String {
    let mut args = vec![
        "generate",
        "--cases",
        cases,
        "--seed",
        "3",
        "--as-of",
        "2025-11-01",
    ];
    if let Some(c) = call {
        args.extend(["--call", c]);
    }
    let o = run(&args, "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn generate_is_deterministic_and_visibly_synthetic() {
    let a = generated("20", None);
    assert_eq!(a, generated("20", None));
    assert_eq!(a.lines().count(), 20);
    let first: Value = serde_json::from_str(a.lines().next().unwrap()).unwrap();
    assert!(first["citizen"]["name"]
        .as_str()
        .unwrap()
        .starts_with("Syntetisk Borger"));
    assert!(first["demographics"]["municipality"]
        .as_str()
        .unwrap()
        .starts_with("SYN-"));
    let o = run(
        &[
            "generate",
            "--cases",
            "1",
            "--seed",
            "1",
            "--municipalities",
            "0",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2), "limits are usage errors");
    assert!(stderr(&o).contains("municipalities"));
}

#[test]
fn jobs_give_identical_output_for_evaluate_and_call() {
    let mut cases = generated("3000", None);
    cases.push_str("\n{\"id\":\"broken\",\"citizen\":1}\n");
    let args = ["evaluate", "--ndjson", "--as-of", "2025-11-01"];
    let one = run(&[&args[..], &["--jobs", "1"]].concat(), &cases);
    let two = run(&[&args[..], &["--jobs", "2"]].concat(), &cases);
    assert_eq!(
        one.status.code(),
        Some(3),
        "a failed line exits 3 by default"
    );
    assert!(
        one.stdout == two.stdout,
        "evaluate: --jobs 2 differs from --jobs 1"
    );
    assert_eq!(
        stderr(&one).trim(),
        "coord: 3001 lines answered: 3000 succeeded, 1 failed, 1 blank line skipped"
    );
    let calls = generated("1000", Some("report"));
    let one = run(&["call", "report", "--ndjson", "--jobs", "1"], &calls);
    let two = run(&["call", "report", "--ndjson", "--jobs", "2"], &calls);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert!(
        one.stdout == two.stdout,
        "call report: --jobs 2 differs from --jobs 1"
    );
}

#[test]
fn answers_carry_line_and_id_and_on_error_answer_exits_zero() {
    let calls = generated("2", Some("plan-check"));
    let mut lines = calls.lines();
    let input = format!(
        "{}\n\n{{\"id\":\"bad\",\"case\":1,\"as_of\":\"2025-11-01\"}}\n{{oops\n{}\n",
        lines.next().unwrap(),
        lines.next().unwrap()
    );
    let o = run(
        &["call", "plan-check", "--ndjson", "--on-error", "answer"],
        &input,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let answers: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(u64, Option<&str>, &str)> = answers
        .iter()
        .map(|a| {
            (
                a["line"].as_u64().unwrap(),
                a["id"].as_str(),
                a["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, Some("syn-case-0000000"), "success"),
            (3, Some("bad"), "failure"),
            (4, None, "failure"),
            (5, Some("syn-case-0000001"), "success"),
        ]
    );
    assert_eq!(answers[1]["errors"][0]["pointer"], "/case");
    assert!(stderr(&o).contains("2 succeeded, 2 failed"));
    let o = run(&["call", "plan-check", "--ndjson"], &input);
    assert_eq!(o.status.code(), Some(3));
}
