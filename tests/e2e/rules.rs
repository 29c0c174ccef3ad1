//! End-to-end: the rules commands and calls.

use coord_e2e::{run, stderr, stdout, temp_dir, workspace_file};

fn path(rel: &str) -> String {
    workspace_file(rel).display().to_string()
}

#[test]
fn evaluate_demo_cases_land_in_each_coordination_level() {
    for (case, level) in [
        ("rules-fracture", "uncomplicated"),
        ("rules-cancer", "predictable_long"),
        ("rules-complex", "complex"),
    ] {
        let file = path(&format!("crates/coord-json/data/demo/{case}.json"));
        let o = run(
            &[
                "evaluate",
                &file,
                "--as-of",
                "2025-03-24",
                "--format",
                "json",
            ],
            "",
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["result"]["level"]["level"], level, "{case}");
        assert_eq!(v["result"]["pack"], "dk-sickness-benefit-2025");
    }
}

#[test]
fn evaluate_explain_shows_the_failing_comparison_with_the_actual_value() {
    let file = path("crates/coord-json/data/demo/rules-complex.json");
    let o = run(
        &[
            "evaluate",
            &file,
            "--as-of",
            "2025-03-24",
            "--explain",
            "--format",
            "markdown",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Markdown: the trace's table cells are not wrapped to the terminal's width.
    let out = stdout(&o);
    assert!(
        out.contains(
            "**Coordination level:** complex (coordination is decisive) (rule triage-complex)"
        ),
        "{out}"
    );
    // The §24 duration limit, explained with the date the cumulative window gives.
    assert!(
        out.contains("= 24 March 2025; the rule needs: the evaluation date after the day on which more than 22 weeks have been paid within 9 calendar months, the end of the month [> 2025-06-30"),
        "{out}"
    );
    assert!(out.contains("30 June 2025"), "{out}");
}

#[test]
fn evaluate_ndjson_answers_one_line_per_case_with_errors_in_place() {
    let good = std::fs::read_to_string(workspace_file(
        "crates/coord-json/data/demo/rules-fracture.json",
    ))
    .unwrap();
    let one_line: serde_json::Value = serde_json::from_str(&good).unwrap();
    let input = format!("{}\n{{\"id\":\"x\"}}\n{}\n", one_line, one_line);
    let pack = path("crates/coord-json/data/packs/dk-2025.json");
    let o = run(
        &[
            "evaluate",
            "--ndjson",
            "--pack",
            &pack,
            "--as-of",
            "2025-03-24",
        ],
        &input,
    );
    assert_eq!(o.status.code(), Some(3));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["status"], "success");
    assert_eq!(lines[1]["status"], "failure");
    assert_eq!(lines[1]["errors"][0]["line"], 2);
    assert_eq!(lines[2]["result"]["level"]["level"], "uncomplicated");
}

#[test]
fn rules_check_passes_the_shipped_packs_and_reports_bad_ones_with_pointers() {
    let o = run(
        &[
            "rules",
            "check",
            &path("crates/coord-json/data/packs/dk-pre-2025.json"),
            &path("crates/coord-json/data/packs/dk-2025.json"),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let dir = temp_dir("rules-check-bad");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"id":"p","version":"1","jurisdiction":"DK","title_da":"x","title_en":"x","valid":{"from":"2025-01-01"},
      "rules":[{"id":"r","title_da":"a","title_en":"a","source":{"kind":"law","citation":"c"},
        "when":{"all":[{"fact":"weeks_since_first_absence","gte":10},{"fact":"weeks_since_first_absence","lt":5},{"fact":"first_day_of_absence","gt":3}]},
        "then":[{"set_level":"complex"}]}]}"#).unwrap();
    let o = run(
        &[
            "rules",
            "check",
            &bad.display().to_string(),
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let codes: Vec<(&str, &str)> = v["result"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["pointer"].as_str().unwrap()))
        .collect();
    assert!(
        codes.contains(&("rules.never_holds", "/rules/0/when")),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("rules.type_mismatch", "/rules/0/when/all/2/gt")),
        "{codes:?}"
    );
    // a pack that does not fit the schema: exit 3, finding with a pointer
    std::fs::write(&bad, r#"{"id":"p","version":"1","jurisdiction":"DK","title_da":"x","title_en":"x","valid":{"from":"2025-01-01"},"rules":[{"id":"r"}]}"#).unwrap();
    let o = run(&["rules", "check", &bad.display().to_string()], "");
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stdout(&o).contains(
            "bad.json: /rules/0: the required field `title_da` is missing [rules.schema]"
        ),
        "{}",
        stdout(&o)
    );
}

#[test]
fn rules_test_passes_shipped_pack_and_shrinks_a_failing_invariant_to_a_replayable_case() {
    let o = run(
        &[
            "rules",
            "test",
            &path("crates/coord-json/data/packs/dk-2025.json"),
            "--seed",
            "3",
            "--cases",
            "500",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("held on 500 generated cases (seed 3)"),
        "{}",
        stdout(&o)
    );
    // a pack with a false invariant
    let text = std::fs::read_to_string(workspace_file("crates/coord-json/data/packs/dk-2025.json"))
        .unwrap();
    let mut pack: serde_json::Value = serde_json::from_str(&text).unwrap();
    pack["tests"] = serde_json::json!([]);
    pack["invariants"] = serde_json::json!([{ "id": "never-complex", "title_da": "x", "title_en": "No case is complex",
        "then": { "not": { "fact": "coordination_level", "eq": "complex" } } }]);
    let dir = temp_dir("rules-test-fail");
    let pack_file = dir.join("pack.json");
    std::fs::write(&pack_file, pack.to_string()).unwrap();
    let ce = dir.join("minimal.json");
    let o = run(
        &[
            "rules",
            "test",
            &pack_file.display().to_string(),
            "--seed",
            "5",
            "--cases",
            "500",
            "--counterexample",
            &ce.display().to_string(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("invariant `never-complex` FAILED (seed 5"),
        "{out}"
    );
    let as_of = out
        .split("--as-of ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    // replay
    let o = run(
        &[
            "evaluate",
            &ce.display().to_string(),
            "--pack",
            &pack_file.display().to_string(),
            "--as-of",
            &as_of,
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["result"]["level"]["level"], "complex");
}

#[test]
fn evaluate_refuses_a_bad_case_with_a_pointer_and_facts_lists_the_catalogue() {
    let dir = temp_dir("rules-bad-case");
    let case = dir.join("case.json");
    std::fs::write(
        &case,
        r#"{"id":"k","citizen":{"id":"c","name":"J"},"course":{"employer":"nobody"}}"#,
    )
    .unwrap();
    let o = run(
        &[
            "evaluate",
            &case.display().to_string(),
            "--as-of",
            "2025-03-01",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("/course/employer"), "{}", stderr(&o));
    // A valid case on a date no pack covers: the documented no-law code and the banner.
    std::fs::write(
        &case,
        r#"{"id":"k","citizen":{"id":"c","name":"J"},"course":{"target_group":"sickness_benefit"}}"#,
    )
    .unwrap();
    let o = run(
        &[
            "evaluate",
            &case.display().to_string(),
            "--as-of",
            "2010-03-01",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(5), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("No rule pack for DK is in force on 1 March 2010"),
        "{}",
        stdout(&o)
    );
    let o = run(&["rules", "facts"], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("weeks_since_first_absence"));
}

#[test]
fn rules_inputs_and_answers_validate_against_their_schemas() {
    use crate::schemas::assert_valid;
    for pack in ["dk-pre-2025", "dk-2025"] {
        let text = std::fs::read_to_string(workspace_file(&format!(
            "crates/coord-json/data/packs/{pack}.json"
        )))
        .unwrap();
        assert_valid("rule-pack", &serde_json::from_str(&text).unwrap());
    }
    for case in ["rules-fracture", "rules-cancer", "rules-complex"] {
        let file = path(&format!("crates/coord-json/data/demo/{case}.json"));
        let text = std::fs::read_to_string(&file).unwrap();
        assert_valid("case-file", &serde_json::from_str(&text).unwrap());
        let o = run(
            &[
                "evaluate",
                &file,
                "--as-of",
                "2025-03-24",
                "--explain",
                "--format",
                "json",
            ],
            "",
        );
        assert_valid(
            "evaluate.answer",
            &serde_json::from_str(&stdout(&o)).unwrap(),
        );
    }
    let o = run(
        &[
            "rules",
            "check",
            &path("crates/coord-json/data/packs/dk-2025.json"),
            "--format",
            "json",
        ],
        "",
    );
    assert_valid(
        "rules-check.answer",
        &serde_json::from_str(&stdout(&o)).unwrap(),
    );
    let o = run(&["rules", "facts", "--format", "json"], "");
    assert_valid(
        "rules-facts.answer",
        &serde_json::from_str(&stdout(&o)).unwrap(),
    );
    let o = run(
        &[
            "rules",
            "test",
            &path("crates/coord-json/data/packs/dk-pre-2025.json"),
            "--seed",
            "1",
            "--cases",
            "50",
            "--format",
            "json",
        ],
        "",
    );
    assert_valid(
        "rules-test.answer",
        &serde_json::from_str(&stdout(&o)).unwrap(),
    );
}

#[test]
fn rules_diff_2025_to_2026_leads_with_shares_and_its_examples_replay() {
    let dir = temp_dir("rules-diff");
    let examples = dir.join("examples");
    let examples_arg = examples.display().to_string();
    let args = [
        "rules",
        "diff",
        "dk-sickness-benefit-2025",
        "dk-sickness-benefit-2026",
        "--generated",
        "200",
        "--seed",
        "1",
        "--as-of",
        "2026-12-01",
    ];
    let o = run(&args, "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("200 generated cases (seed 1)"), "{text}");
    assert!(
        text.contains("The deadline “First follow-up interview” disappears for"),
        "{text}"
    );
    assert!(!text.contains('`'), "{text}");
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json", "--examples", &examples_arg]);
    let o = run(&json_args, "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let changes = v["result"]["changes"].as_array().unwrap();
    assert!(!changes.is_empty());
    // Every example was written, and its replay commands run as printed (with the file).
    for (i, c) in changes.iter().enumerate() {
        let file = examples.join(format!("change-{}.json", i + 1));
        assert!(file.exists(), "{}", file.display());
        if i < 3 {
            for cmd in c["example"]["replay"].as_array().unwrap() {
                let cmd = cmd
                    .as_str()
                    .unwrap()
                    .replace("EXAMPLE.json", &file.display().to_string());
                let words: Vec<&str> = cmd.split(' ').skip(1).collect();
                let o = run(&words, "");
                assert_eq!(o.status.code(), Some(0), "{cmd}: {}", stderr(&o));
            }
        }
    }
    // Danish text.
    let mut da = args.to_vec();
    da.extend(["--lang", "da"]);
    let o = run(&da, "");
    let text = stdout(&o);
    assert!(
        text.contains("Fristen „Første opfølgningssamtale“ forsvinder for"),
        "{text}"
    );
}

#[test]
fn rules_diff_refuses_an_unknown_pack_and_a_bad_case_line_without_echo() {
    let o = run(
        &[
            "rules",
            "diff",
            "dk-nope-Zq9",
            "dk-sickness-benefit-2026",
            "--generated",
            "5",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(!stderr(&o).contains("Zq9"), "{}", stderr(&o));
    let dir = temp_dir("rules-diff-cases");
    let file = dir.join("cases.ndjson");
    let good = std::fs::read_to_string(workspace_file(
        "crates/coord-json/data/demo/rules-fracture.json",
    ))
    .unwrap();
    let one_line: serde_json::Value = serde_json::from_str(&good).unwrap();
    std::fs::write(
        &file,
        format!("{}\n{{\"id\": \"CPR-0101Zq9\"}}\n", one_line),
    )
    .unwrap();
    let cases = file.display().to_string();
    let o = run(
        &[
            "rules",
            "diff",
            "dk-sickness-benefit-2025",
            "dk-sickness-benefit-2026",
            "--cases",
            &cases,
            "--as-of",
            "2026-12-01",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(3), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains(":2"), "{err}");
    assert!(!err.contains("Zq9"), "{err}");
    std::fs::write(&file, format!("{}\n", one_line)).unwrap();
    let o = run(
        &[
            "rules",
            "diff",
            "dk-sickness-benefit-2025",
            "dk-sickness-benefit-2026",
            "--cases",
            &cases,
            "--as-of",
            "2026-12-01",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["result"]["cases"], 1);
}

/// Issue 8 §2: a pack for a new law without touching Rust. The reference file adds a target group
/// and an event kind; the pack's deadlines depend on both (examples/new-law, docs/rules.md).
#[test]
fn a_pack_for_a_new_law_runs_with_the_codes_its_reference_file_declares() {
    let dir = "examples/new-law";
    let (case, reference, pack) = (
        path(&format!("{dir}/case.json")),
        path(&format!("{dir}/reference.json")),
        path(&format!("{dir}/pack.json")),
    );
    let eval = |as_of: &str, with_reference: bool| {
        let mut args = vec!["evaluate", &case, "--pack", &pack, "--as-of", as_of];
        if with_reference {
            args.extend(["--reference", &reference]);
        }
        args.extend(["--format", "json"]);
        run(&args, "")
    };
    // Course started Monday 3 August 2026: the end of week 6 is Sunday 13 September.
    let o = eval("2026-09-01", true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let deadlines = v["result"]["deadlines"].as_array().unwrap();
    assert_eq!(deadlines.len(), 1, "{deadlines:?}");
    assert_eq!(deadlines[0]["task"], "work_ability_statement");
    assert_eq!(deadlines[0]["due"], "2026-09-13");
    assert_eq!(deadlines[0]["status"], "open");
    // The statement was made on 10 September: done; the follow-up is due 4 weeks later
    // (8 October) and is overdue on the 9th.
    let o = eval("2026-10-09", true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let got: Vec<(String, String, String)> = v["result"]["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["task"].as_str().unwrap().to_owned(),
                d["due"].as_str().unwrap().to_owned(),
                d["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "work_ability_statement".into(),
                "2026-09-13".into(),
                "done".into()
            ),
            (
                "follow_up_after_statement".into(),
                "2026-10-08".into(),
                "overdue".into()
            ),
        ]
    );
    // Without the reference file the codes are undeclared: the pack is refused (exit 3), each
    // place named in pack.json with the declared codes.
    let o = eval("2026-10-09", false);
    assert_eq!(o.status.code(), Some(3), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let errors = v["errors"].as_array().unwrap();
    assert!(
        errors.iter().all(|e| e["code"] == "rules.undeclared_code"),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e["pointer"] == "/rules/0/when/all/0/eq"),
        "{errors:?}"
    );
    // And `rules facts` lists the added codes with their labels.
    let o = run(
        &["rules", "facts", "--reference", &reference, "--lang", "da"],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("job_readiness_course"), "{out}");
    assert!(
        out.contains("samlet arbejdsevnebeskrivelse  [fra 01.07.2026]  (ikke verificeret)"),
        "{out}"
    );
}

#[test]
fn a_case_with_an_undeclared_code_is_refused_naming_the_place_never_the_code() {
    let dir = temp_dir("undeclared-code");
    let case = dir.join("case.json");
    std::fs::write(
        &case,
        r#"{"id":"c","citizen":{"id":"x","name":"X"},
            "course":{"target_group":"sickness_benefit","first_day_of_absence":"2025-01-06",
                      "conditions":["very_private_diagnosis"]}}"#,
    )
    .unwrap();
    let o = run(
        &["evaluate", case.to_str().unwrap(), "--as-of", "2025-03-01"],
        "",
    );
    assert_eq!(o.status.code(), Some(3));
    let err = stderr(&o);
    assert!(err.contains("/course/conditions/0"), "{err}");
    assert!(
        err.contains("declared codes: musculoskeletal, mental"),
        "{err}"
    );
    assert!(!err.contains("very_private_diagnosis"), "{err}");
    assert!(stdout(&o).is_empty());
}

/// Issue 8 §2: a municipality declares its own role and purpose in `--reference` and uses them —
/// a pack requires the role, an actor holds it, a consent names the purpose and an access request
/// is decided for it — without Rust. Without the reference file both are undeclared.
#[test]
fn a_municipality_declares_a_role_and_a_purpose_in_its_reference_file() {
    let dir = "examples/new-law";
    let (case, reference, pack) = (
        path(&format!("{dir}/case.json")),
        path(&format!("{dir}/reference.json")),
        path(&format!("{dir}/pack.json")),
    );
    let o = run(
        &[
            "evaluate",
            &case,
            "--pack",
            &pack,
            "--as-of",
            "2026-09-01",
            "--reference",
            &reference,
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let roles = v["result"]["required_roles"].as_array().unwrap();
    assert!(
        roles
            .iter()
            .any(|r| r["role"] == "job_readiness_mentor" && r["present"] == true),
        "{roles:?}"
    );
    let access = |with_reference: bool| {
        let mut args = vec![
            "access",
            "check",
            &case,
            "--requester",
            "mentor-ali",
            "--holder",
            "cw-mette",
            "--category",
            "work_ability",
            "--action",
            "view",
            "--purpose",
            "job-readiness",
            "--at",
            "2026-09-01T10:00:00+02:00",
        ];
        if with_reference {
            args.extend(["--reference", &reference]);
        }
        run(&args, "")
    };
    let o = access(true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("by consent c-mentor-view"),
        "{}",
        stdout(&o)
    );
    // Without the reference file the case names an undeclared role and purpose: refused, each
    // place named with the declared codes, the codes themselves never repeated.
    let o = access(false);
    assert_eq!(o.status.code(), Some(3), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.contains("/actors/1/role: not a declared roles code"),
        "{err}"
    );
    assert!(
        err.contains("/consents/0/scope/purposes/0: not a declared purposes code"),
        "{err}"
    );
    assert!(
        !err.contains("job_readiness_mentor") && !err.contains("job-readiness"),
        "{err}"
    );
    // `rules facts` lists the municipality's role and purpose with their labels.
    let o = run(
        &["rules", "facts", "--reference", &reference, "--lang", "da"],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("jobparathedsmentor"), "{out}");
    assert!(out.contains("jobparathedsforløbet"), "{out}");
}
