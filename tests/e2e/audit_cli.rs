//! End-to-end: every command that releases an access decision writes its audit entry first
//! (`consent gaps`, `referral transition`, `attendance`, `coord call` single and NDJSON).

use coord_e2e::{run, stderr, stdout, temp_dir};
use serde_json::{json, Value};
use std::path::Path;

fn write(dir: &Path, name: &str, v: &Value) -> String {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_string_pretty(v).unwrap()).unwrap();
    p.to_string_lossy().into_owned()
}

fn entries(log: &Path) -> Vec<Value> {
    std::fs::read_to_string(log)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["entry"].clone())
        .collect()
}

fn verified(log: &Path) {
    let o = run(&["audit", "verify", log.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

fn hillerod() -> Value {
    serde_json::from_str(coord_json::demo::HILLEROD_CASE_JSON).unwrap()
}

/// Mona's case with a consent that lets Sara send the plan to the Lær at tackle volunteers.
fn mona_with_consent() -> Value {
    let mut case: Value = serde_json::from_str(include_str!(
        "../../crates/coord-json/data/demo/report/mona.json"
    ))
    .unwrap();
    let mut consent = case["consents"][0].clone();
    consent["id"] = json!("c-plan-lat");
    consent["scope"]["recipients"] = json!([{ "actor": "laer-at-tackle-hillerod" }]);
    case["consents"].as_array_mut().unwrap().push(consent);
    case
}

/// Run `args` (with `{LOG}` replaced by `log`) and return the output.
fn run_logged(args: &[&str], log: &str) -> std::process::Output {
    let args: Vec<&str> = args
        .iter()
        .map(|a| if *a == "{LOG}" { log } else { a })
        .collect();
    run(&args, "")
}

#[test]
fn consent_gaps_logs_the_decision_per_category() {
    let dir = temp_dir("audit-gaps");
    let case = write(&dir, "case.json", &hillerod());
    let log = dir.join("audit.ndjson");
    let args = [
        "consent",
        "gaps",
        &case,
        "--holder",
        "rehab-hillerod",
        "--recipient",
        "mette",
        "--category",
        "treatment_progress",
        "--category",
        "health_status",
        "--action",
        "disclose",
        "--purpose",
        "return-to-work",
        "--at",
        "2025-04-01T09:00:00+02:00",
        "--audit-log",
        "{LOG}",
    ];
    let o = run_logged(&args, log.to_str().unwrap());
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let e = entries(&log);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0]["requester"], "mette");
    assert_eq!(e[0]["holder"], "rehab-hillerod");
    assert_eq!(e[0]["citizen"], "cit-jens");
    assert_eq!(e[0]["case"], "case-hillerod-1");
    let cats: Vec<&str> = e[0]["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["category"].as_str().unwrap())
        .collect();
    assert_eq!(
        cats,
        ["treatment_progress", "health_status"],
        "in the flow's order"
    );
    verified(&log);
    let o = run_logged(&args, "/dev/full");
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "nothing released: {}", stdout(&o));
}

#[test]
fn a_sent_referral_logs_its_permit_and_other_steps_log_nothing() {
    let dir = temp_dir("audit-transition");
    let case = write(&dir, "case.json", &mona_with_consent());
    let log = dir.join("audit.ndjson");
    let step = |to: &str, by: &str, at: &str, log: &str| {
        run_logged(
            &[
                "referral",
                "transition",
                &case,
                "--referral",
                "r-lat",
                "--to",
                to,
                "--by",
                by,
                "--at",
                at,
                "--out",
                &case,
                "--audit-log",
                "{LOG}",
            ],
            log,
        )
    };
    let logp = log.to_str().unwrap();
    let o = step(
        "accepted_by_citizen",
        "mona",
        "2025-06-03T10:00:00+02:00",
        logp,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        !log.exists(),
        "a step that discloses nothing leaves no entry"
    );
    // the entry cannot be written: the send is not released and the case file is not changed
    let before = std::fs::read_to_string(&case).unwrap();
    let o = step("sent", "sara", "2025-06-03T11:00:00+02:00", "/dev/full");
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "nothing released: {}", stdout(&o));
    assert_eq!(std::fs::read_to_string(&case).unwrap(), before);
    let o = step("sent", "sara", "2025-06-03T11:00:00+02:00", logp);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let e = entries(&log);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0]["action"], "disclose");
    assert_eq!(e[0]["holder"], "sara");
    assert_eq!(e[0]["requester"], "laer-at-tackle-hillerod");
    assert_eq!(e[0]["decisions"][0]["category"], "plan_and_goals");
    assert_eq!(e[0]["decisions"][0]["permitted"], true);
    assert_eq!(e[0]["decisions"][0]["basis"], "consent c-plan-lat");
    verified(&log);
}

#[test]
fn attendance_logs_a_withheld_report_too() {
    let dir = temp_dir("audit-attendance");
    let case = write(
        &dir,
        "case.json",
        &serde_json::from_str::<Value>(include_str!(
            "../../crates/coord-json/data/demo/report/mona.json"
        ))
        .unwrap(),
    );
    let log = dir.join("audit.ndjson");
    let o = run_logged(
        &[
            "attendance",
            &case,
            "--offer",
            "laer-at-tackle-kronisk",
            "--holder",
            "laer-at-tackle-hillerod",
            "--recipient",
            "sara",
            "--purpose",
            "health-and-work",
            "--at",
            "2025-06-02T09:00:00+02:00",
            "--audit-log",
            "{LOG}",
        ],
        log.to_str().unwrap(),
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let e = entries(&log);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0]["action"], "report_attendance");
    assert_eq!(e[0]["decisions"][0]["category"], "attendance");
    let withheld = o.status.code() == Some(1);
    assert_eq!(e[0]["decisions"][0]["permitted"], !withheld);
    verified(&log);
}

#[test]
fn coord_call_logs_before_it_prints_one_document_or_ndjson() {
    let dir = temp_dir("audit-call");
    let request = json!({
        "requester": "mette", "citizen": "cit-jens", "case": "case-hillerod-1", "holder": "anne",
        "categories": ["treatment_progress", "health_status"], "action": "view",
        "purpose": "return-to-work", "at": "2025-04-01T09:00:00+02:00"
    });
    let call = write(
        &dir,
        "call.json",
        &json!({ "case": hillerod(), "request": request }),
    );
    let log = dir.join("audit.ndjson");
    let logp = log.to_str().unwrap();
    let one = [
        "call",
        "access-check",
        "--input",
        &call,
        "--audit-log",
        "{LOG}",
    ];
    let o = run_logged(&one, logp);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(entries(&log).len(), 1);
    let o = run_logged(&one, "/dev/full");
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "nothing released: {}", stdout(&o));

    // NDJSON: one entry per answered line, in input order; a failed line logs nothing
    let line = serde_json::to_string(&json!({ "case": hillerod(), "request": request })).unwrap();
    let mut other = request.clone();
    other["holder"] = json!("gp-berg");
    let line2 = serde_json::to_string(&json!({ "case": hillerod(), "request": other })).unwrap();
    let lines = dir.join("calls.ndjson");
    std::fs::write(&lines, format!("{line}\n{{\"case\": 1}}\n{line2}\n")).unwrap();
    let many = [
        "call",
        "access-check",
        "--ndjson",
        "--input",
        lines.to_str().unwrap(),
        "--audit-log",
        "{LOG}",
    ];
    let o = run_logged(&many, logp);
    assert_eq!(stdout(&o).lines().count(), 3, "{}", stderr(&o));
    let e = entries(&log);
    assert_eq!(e.len(), 3, "1 before + 2 answered lines");
    assert_eq!(e[1]["holder"], "anne");
    assert_eq!(e[2]["holder"], "gp-berg");
    verified(&log);
    let o = run_logged(&many, "/dev/full");
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "nothing released: {}", stdout(&o));

    // a call that decides nothing about access leaves the log alone
    let quiet = dir.join("quiet.ndjson");
    let wd = write(
        &dir,
        "wd.json",
        &json!({ "from": "2025-04-14", "working_days": 10 }),
    );
    let o = run_logged(
        &[
            "call",
            "working-days",
            "--input",
            &wd,
            "--audit-log",
            "{LOG}",
        ],
        quiet.to_str().unwrap(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!quiet.exists());
}
