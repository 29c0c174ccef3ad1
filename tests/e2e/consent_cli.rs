//! End-to-end: `coord access check`, `coord consent …` and bad input, through the binary.

use coord_e2e::{run, stderr, stdout, temp_dir};
use serde_json::{json, Value};

fn demo_case() -> Value {
    serde_json::from_str(coord_json::demo::HILLEROD_CASE_JSON).unwrap()
}

fn write(dir: &std::path::Path, name: &str, v: &Value) -> String {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_string_pretty(v).unwrap()).unwrap();
    p.to_string_lossy().into_owned()
}

const LOOK: [&str; 12] = [
    "--requester",
    "mette",
    "--holder",
    "anne",
    "--category",
    "treatment_progress",
    "--action",
    "view",
    "--purpose",
    "return-to-work",
    "--at",
    "2025-04-01T09:00:00+02:00",
];

#[test]
fn access_check_by_flags_permits_and_exits_zero() {
    let dir = temp_dir("access-permit");
    let case = write(&dir, "case.json", &demo_case());
    let mut args = vec!["access", "check", case.as_str()];
    args.extend(LOOK);
    let o = run(&args, "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("permitted"));
    assert!(stdout(&o).contains("by consent c-rehab-view"));
}

#[test]
fn a_denied_category_exits_one_and_json_output_is_the_envelope() {
    let dir = temp_dir("access-deny");
    let case = write(&dir, "case.json", &demo_case());
    let mut args = vec!["access", "check", case.as_str(), "--format", "json"];
    args.extend(LOOK);
    args.extend(["--category", "health_status"]);
    let o = run(&args, "");
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], "coord/v1");
    assert_eq!(v["status"], "success");
    assert_eq!(v["result"]["outcomes"][1]["decision"], "deny");
    assert_eq!(v["result"]["outcomes"][1]["reason"]["kind"], "no_consent");
}

#[test]
fn ndjson_answers_every_line_in_order_with_line_numbers_for_errors() {
    let dir = temp_dir("ndjson");
    let case = write(&dir, "case.json", &demo_case());
    let good = json!({"requester":"mette","citizen":"cit-jens","case":"case-hillerod-1","holder":"anne",
        "categories":["treatment_progress"],"action":"view","purpose":"return-to-work","at":"2025-04-01T09:00:00+02:00"});
    let unknown = json!({"requester":"nobody","citizen":"cit-jens","case":"case-hillerod-1","holder":"anne",
        "categories":["treatment_progress"],"action":"view","purpose":"return-to-work","at":"2025-04-01T09:00:00+02:00"});
    let input = format!("{good}\n{{not json\n{unknown}\n{good}\n");
    let o = run(&["access", "check", &case, "--ndjson"], &input);
    assert_eq!(o.status.code(), Some(3), "failures in the stream exit 3");
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["status"], "success");
    assert_eq!(lines[1]["errors"][0]["line"], 2);
    assert_eq!(lines[1]["errors"][0]["code"], "json.malformed");
    assert_eq!(lines[2]["errors"][0]["line"], 3);
    assert_eq!(lines[2]["errors"][0]["pointer"], "/requester");
    assert_eq!(lines[3]["status"], "success");
}

#[test]
fn consent_gaps_phrase_the_consent_to_ask_for() {
    let dir = temp_dir("gaps");
    let case = write(&dir, "case.json", &demo_case());
    let o = run(
        &[
            "consent",
            "gaps",
            &case,
            "--holder",
            "anne",
            "--recipient",
            "lars",
            "--category",
            "attendance",
            "--action",
            "report_attendance",
            "--purpose",
            "sickness-benefit-follow-up",
            "--at",
            "2025-04-01T09:00:00+02:00",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("Ask Jens Hansen for a specific consent: Anne Holm, fysioterapeut may report Jens Hansen's attendance"), "{out}");
}

#[test]
fn consent_validate_names_each_problem_and_exits_one() {
    let dir = temp_dir("validate");
    let mut case = demo_case();
    case["consents"][0]["valid_to"] = json!("2027-01-01");
    case["consents"][0]["scope"]["purposes"] = json!([]);
    let path = write(&dir, "case.json", &case);
    let o = run(&["consent", "validate", &path], "");
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("/consents/0/scope/purposes"), "{out}");
    assert!(out.contains("/consents/0/valid_to"), "{out}");
    assert!(out.contains("[consent.validity_too_long]"), "{out}");
}

/// Bad input: exit 3, an error naming the place on stderr, nothing on stdout.
fn assert_rejected(case: &Value, place: &str, code: &str) {
    let dir = temp_dir(&format!("bad-{}", code.replace('.', "-")));
    let path = write(&dir, "case.json", case);
    let mut args = vec!["access", "check", path.as_str()];
    args.extend(LOOK);
    let o = run(&args, "");
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "no partial output: {}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains(place), "expected {place} in: {err}");
    for value in ["colour", "blue", "ghost", "2025-02-30"] {
        assert!(!err.contains(value), "the value is not repeated: {err}");
    }
    assert!(err.contains(code), "expected {code} in: {err}");
    assert!(err.contains(&path), "the file is named: {err}");
}

#[test]
fn bad_input_is_rejected_with_its_place() {
    let mut c = demo_case();
    c["consents"][0]["colour"] = json!("blue");
    assert_rejected(&c, "/consents/0: unknown field (allowed: ", "json.invalid");

    let mut c = demo_case();
    c["consents"][0]["valid_to"] = json!("2025-02-30");
    assert_rejected(&c, "/consents/0/valid_to", "json.invalid");

    let mut c = demo_case();
    c["consents"][0]["valid_to"] = json!("2025-01-01");
    assert_rejected(&c, "/consents/0/valid_to", "consent.end_before_start");

    let mut c = demo_case();
    c["consents"][0]["revocations"][0]["at"] = json!("2025-01-01T00:00:00+01:00");
    assert_rejected(
        &c,
        "/consents/0/revocations/0/at",
        "consent.revoked_before_given",
    );

    let mut c = demo_case();
    c["consents"][0]["scope"]["categories"] = json!([]);
    assert_rejected(&c, "/consents/0/scope/categories", "consent.blanket");

    let mut c = demo_case();
    c["consents"][0]["scope"]["holders"] = json!([{ "actor": "ghost" }]);
    assert_rejected(
        &c,
        "/consents/0/scope/holders/0/actor",
        "case_file.unknown_actor",
    );

    let mut c = demo_case();
    c["actors"][2]["id"] = json!("mette");
    assert_rejected(&c, "/actors/3/id", "case_file.duplicate_id");
}

#[test]
fn malformed_json_names_line_and_column() {
    let dir = temp_dir("malformed");
    let path = dir.join("case.json");
    std::fs::write(&path, "{\n  \"id\": \"x\",\n  oops\n}").unwrap();
    let mut args = vec!["access", "check", path.to_str().unwrap()];
    args.extend(LOOK);
    let o = run(&args, "");
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("line 3"), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_two_and_missing_files_exit_four() {
    assert_eq!(run(&["access", "check"], "").status.code(), Some(2));
    let mut args = vec!["access", "check", "/nonexistent/case.json"];
    args.extend(LOOK);
    assert_eq!(run(&args, "").status.code(), Some(4));
}

#[test]
fn any_call_runs_as_one_document_or_as_ndjson() {
    let call = json!({ "case": demo_case(), "request": {
        "requester": "mette", "citizen": "cit-jens", "case": "case-hillerod-1", "holder": "anne",
        "categories": ["treatment_progress"], "action": "view", "purpose": "return-to-work",
        "at": "2025-04-01T09:00:00+02:00" } });
    let o = run(&["call", "access-check"], &call.to_string());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["result"]["outcomes"][0]["decision"], "permit");

    let input = format!("{call}\n{{\"case\": 1}}\n");
    let o = run(&["call", "access-check", "--ndjson"], &input);
    assert_eq!(o.status.code(), Some(3));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["result"]["outcomes"][0]["decision"], "permit");
    assert_eq!(lines[1]["errors"][0]["pointer"], "/case");
    assert_eq!(lines[1]["errors"][0]["line"], 2);
}

#[test]
fn minimise_releases_only_permitted_sections_and_lists_the_withheld() {
    let dir = temp_dir("minimise");
    let case = write(&dir, "case.json", &demo_case());
    let release = write(
        &dir,
        "release.json",
        &json!({
            "requester": "mette", "citizen": "cit-jens", "case": "case-hillerod-1", "action": "view",
            "purpose": "return-to-work", "at": "2025-04-01T09:00:00+02:00",
            "record": { "holder": "anne", "sections": [
                { "id": "s1", "category": "treatment_progress", "title": "Training, week 6", "content": "Walks 2 km without pain." },
                { "id": "s2", "category": "health_status", "title": "Diagnosis", "content": "S82.1" }
            ] }
        }),
    );
    let o = run(
        &[
            "consent",
            "minimise",
            &case,
            "--release",
            &release,
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "something was withheld: {}",
        stderr(&o)
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["result"]["released"].as_array().unwrap().len(), 1);
    assert_eq!(v["result"]["released"][0]["id"], "s1");
    assert_eq!(v["result"]["withheld"][0]["id"], "s2");
    assert_eq!(v["result"]["withheld"][0]["reason"]["kind"], "no_consent");
    assert!(
        !stdout(&o).contains("S82.1"),
        "withheld content never leaves"
    );
}

#[test]
fn every_decision_appends_an_audit_entry() {
    let dir = temp_dir("audit");
    let case = write(&dir, "case.json", &demo_case());
    let log = dir.join("audit.ndjson");
    let mut args = vec![
        "access",
        "check",
        case.as_str(),
        "--audit-log",
        log.to_str().unwrap(),
    ];
    args.extend(LOOK);
    assert_eq!(run(&args, "").status.code(), Some(0));
    assert_eq!(run(&args, "").status.code(), Some(0));
    let text = std::fs::read_to_string(&log).unwrap();
    let entries: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(entries.len(), 2, "appended, not overwritten");
    assert_eq!(entries[0]["seq"], 1);
    assert_eq!(entries[1]["seq"], 2, "chained");
    let entry = &entries[0]["entry"];
    assert_eq!(entry["requester"], "mette");
    assert_eq!(entry["citizen"], "cit-jens");
    assert_eq!(entry["decisions"][0]["permitted"], true);
    assert_eq!(entry["decisions"][0]["basis"], "consent c-rehab-view");
    let verify = run(&["audit", "verify", log.to_str().unwrap()], "");
    assert_eq!(verify.status.code(), Some(0), "{}", stdout(&verify));
    // an edited entry is found by `coord audit verify`, and nothing is appended to a broken log
    std::fs::write(&log, text.replacen("mette", "lars", 1)).unwrap();
    let verify = run(&["audit", "verify", log.to_str().unwrap()], "");
    assert_eq!(verify.status.code(), Some(1));
    assert!(
        stdout(&verify).contains(":2: the chain is broken"),
        "{}",
        stdout(&verify)
    );
    let o = run(&args, "");
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(
        stdout(&o).is_empty(),
        "no decision released: {}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("audit.broken_chain"), "{}", stderr(&o));
    // an audit entry that cannot be written: the decision is not released
    let mut full = vec!["access", "check", case.as_str(), "--audit-log", "/dev/full"];
    full.extend(LOOK);
    let o = run(&full, "");
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(
        stdout(&o).is_empty(),
        "no decision released: {}",
        stdout(&o)
    );
}

#[test]
fn minimise_logs_its_release_decision_before_releasing() {
    let dir = temp_dir("minimise-audit");
    let case = write(&dir, "case.json", &demo_case());
    let release = write(
        &dir,
        "release.json",
        &json!({
            "requester": "mette", "citizen": "cit-jens", "case": "case-hillerod-1", "action": "view",
            "purpose": "return-to-work", "at": "2025-04-01T09:00:00+02:00",
            "record": { "holder": "anne", "sections": [
                { "id": "s1", "category": "treatment_progress", "title": "Training, week 6", "content": "Walks 2 km without pain." },
                { "id": "s2", "category": "health_status", "title": "Diagnosis", "content": "S82.1" }
            ] }
        }),
    );
    let log = dir.join("audit.ndjson");
    let args = |log: &str| {
        vec![
            "consent".to_owned(),
            "minimise".to_owned(),
            case.clone(),
            "--release".to_owned(),
            release.clone(),
            "--audit-log".to_owned(),
            log.to_owned(),
        ]
    };
    let a = args(log.to_str().unwrap());
    let refs: Vec<&str> = a.iter().map(String::as_str).collect();
    let o = run(&refs, "");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("Training, week 6"), "{}", stdout(&o));
    let text = std::fs::read_to_string(&log).unwrap();
    let entries: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(entries.len(), 1);
    let entry = &entries[0]["entry"];
    assert_eq!(entry["requester"], "mette");
    assert_eq!(entry["holder"], "anne");
    let decisions = entry["decisions"].as_array().unwrap();
    assert_eq!(decisions.len(), 2, "one per category of the record");
    assert!(
        !text.contains("S82.1") && !text.contains("Walks"),
        "no health content in the log"
    );
    let verify = run(&["audit", "verify", log.to_str().unwrap()], "");
    assert_eq!(verify.status.code(), Some(0), "{}", stdout(&verify));
    // the entry cannot be written: nothing is released, exit 4
    let a = args("/dev/full");
    let refs: Vec<&str> = a.iter().map(String::as_str).collect();
    let o = run(&refs, "");
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "nothing released: {}", stdout(&o));
}
