//! `coord stats benchmark` and `coord business-case` end to end through the binary: real
//! generated cases through summarise → partial → benchmark / business case, the shape of the JSON
//! answers, what text shows in Danish and English, and the exit codes of bad input.

use coord_e2e::{run, stderr, stdout, temp_dir};
use serde_json::{json, Value};
use std::path::Path;

const AS_OF: &str = "2026-12-01";
const CASES: usize = 1500;

fn ok(args: &[&str], stdin: &str) -> String {
    let o = run(args, stdin);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn generated() -> String {
    ok(
        &[
            "generate",
            "--cases",
            "1500",
            "--seed",
            "21",
            "--municipalities",
            "6",
            "--as-of",
            AS_OF,
        ],
        "",
    )
}

/// Every third generated case gets a bridge-builder on its care team from the first day of
/// absence (generated cases have no team).
fn with_bridge_builder(cases: &str) -> String {
    let mut out = String::new();
    for (i, line) in cases.lines().enumerate() {
        let mut c: Value = serde_json::from_str(line).unwrap();
        if i % 3 == 0 {
            let start = c["course"]["first_day_of_absence"].clone();
            c["actors"].as_array_mut().unwrap().push(json!({
                "id": "syn-brobygger", "name": "Syntetisk brobygger", "kind": "person",
                "sector": "municipal_employment", "role": "bridge_builder"
            }));
            c["team"] = json!({
                "course": { "period": { "from": start }, "status": "active" },
                "members": [{ "actor": "syn-brobygger", "role": "bridge_builder",
                    "period": { "from": start } }]
            });
        }
        out.push_str(&serde_json::to_string(&c).unwrap());
        out.push('\n');
    }
    out
}

fn partial(dir: &Path, name: &str, cases: &str, by: &str) -> String {
    let rows = ok(
        &["summarise", "--ndjson", "--as-of", AS_OF, "--jobs", "2"],
        cases,
    );
    let part = ok(&["stats", "partial", "--by", by], &rows);
    let path = dir.join(name);
    std::fs::write(&path, part).unwrap();
    path.to_string_lossy().into_owned()
}

fn result(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["status"], "success", "{v}");
    v["result"].clone()
}

fn value(v: &Value) -> Option<&Value> {
    v.get("value")
}

#[test]
fn benchmark_of_generated_cases_has_its_shape_and_exit_codes() {
    let dir = temp_dir("benchmark-e2e");
    let strata = partial(
        &dir,
        "strata.json",
        &generated(),
        "municipality,target_group,level,age_band",
    );
    let b = result(&ok(
        &["stats", "benchmark", &strata, "--format", "json"],
        "",
    ));
    assert_eq!(b["as_of"], AS_OF);
    assert_eq!(b["strata"], json!(["target_group", "level", "age_band"]));
    assert_eq!(value(&b["courses"]), Some(&json!(CASES)));
    let measures = b["measures"].as_array().unwrap();
    let names: Vec<&str> = measures
        .iter()
        .map(|m| m["measure"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["return_to_work", "weeks_on_benefit"]);
    for m in measures {
        let rows = m["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 6, "one row per municipality");
        let mut last_rank = 0;
        for r in rows {
            match value(&r["ratio"]) {
                Some(x) => {
                    let (lo, ratio, hi) = (
                        x["low"].as_f64().unwrap(),
                        x["ratio"].as_f64().unwrap(),
                        x["high"].as_f64().unwrap(),
                    );
                    assert!(lo <= ratio && ratio <= hi, "{r}");
                    let rank = r["rank"].as_u64().unwrap();
                    assert!(rank >= last_rank, "ranked best first: {m}");
                    last_rank = rank;
                    assert!(r["verdict"].is_string(), "{r}");
                }
                None => {
                    assert!(r.get("rank").is_none() && r.get("verdict").is_none(), "{r}");
                }
            }
            match &r["courses"] {
                Value::Object(_) => assert!(value(&r["courses"]).unwrap().as_u64().unwrap() >= 5),
                other => assert!(other == "below_k" || other == "suppressed", "{r}"),
            }
        }
        assert!(rows.iter().any(|r| value(&r["ratio"]).is_some()), "{m}");
    }
    let en = ok(&["stats", "benchmark", &strata], "");
    assert!(en.contains("Municipalities compared") && en.contains("Weeks on benefit"));
    let da = ok(&["stats", "benchmark", &strata, "--lang", "da"], "");
    assert!(da.contains("Kommuner sammenlignet") && da.contains("Uger på ydelse"));
    assert!(
        !da.contains("Municipalit") && !da.contains(" weeks"),
        "{da}"
    );
    let html = ok(&["stats", "benchmark", &strata, "--format", "html"], "");
    assert!(html.contains("<svg") && html.contains("</html>"));

    // A partial whose first dimension is not the municipality: invalid input, nothing on stdout.
    let by_group = partial(&dir, "by-group.json", &generated(), "target_group,level");
    let o = run(&["stats", "benchmark", &by_group], "");
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    assert!(
        stderr(&o).contains("stats.benchmark_dimensions"),
        "{}",
        stderr(&o)
    );
    let o = run(&["stats", "benchmark", &strata, "--dominance", "2"], "");
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("stats.dominance"));
    let missing = dir.join("missing.json");
    let o = run(&["stats", "benchmark", missing.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let o = run(&["stats", "benchmark"], "");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn business_case_of_generated_cases_has_its_shape_and_exit_codes() {
    let dir = temp_dir("business-e2e");
    let strata = partial(
        &dir,
        "strata.json",
        &with_bridge_builder(&generated()),
        "target_group,level",
    );
    let args = |extra: &[&str]| -> Vec<String> {
        let mut a = vec![
            "business-case".to_owned(),
            strata.clone(),
            "--intervention".to_owned(),
            "role:bridge_builder".to_owned(),
        ];
        a.extend(extra.iter().map(|s| (*s).to_owned()));
        a
    };
    let call = |extra: &[&str]| {
        let a = args(extra);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        run(&a, "")
    };
    let o = call(&["--cost", "3000", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let b = result(&stdout(&o));
    assert_eq!(b["intervention"], json!({ "role": "bridge_builder" }));
    assert_eq!(b["strata"], json!(["target_group", "level"]));
    let with = value(&b["intervention_group"]["courses"])
        .unwrap()
        .as_u64()
        .unwrap();
    let left = value(&b["left_out"]).map_or(0, |v| v.as_u64().unwrap());
    assert_eq!(with + left, (CASES as u64).div_ceil(3), "every third case");
    let without = value(&b["comparison_group"]["courses"])
        .unwrap()
        .as_u64()
        .unwrap();
    assert!(without > with, "{b}");
    let saved = value(&b["weeks_saved"]).unwrap();
    let (lo, mid, hi) = (
        saved["low"].as_f64().unwrap(),
        saved["central"].as_f64().unwrap(),
        saved["high"].as_f64().unwrap(),
    );
    assert!(lo <= mid && mid <= hi);
    let rate = b["weekly_rate"]["dkk_per_week"].as_f64().unwrap();
    assert_eq!(b["weekly_rate"]["verified"], false);
    assert_eq!(b["rate_covers_as_of"], false);
    let v = value(&b["value_per_citizen"]).unwrap()["central"]
        .as_f64()
        .unwrap();
    assert!((v - mid * rate).abs() < 1e-6);
    let net = value(&b["net_per_citizen"]).unwrap()["central"]
        .as_f64()
        .unwrap();
    assert!((net - (v - 3000.0)).abs() < 1e-6);
    let total = value(&b["net_total"]).unwrap()["central"].as_f64().unwrap();
    assert!((total - net * with as f64).abs() < 1e-3);
    assert_eq!(b["sensitivity"].as_array().unwrap().len(), 4);
    assert!(b["verdict"].is_string());
    let assumptions = b["assumptions"].as_array().unwrap();
    assert_eq!(assumptions[0], "observational");
    assert!(assumptions.contains(&json!("cost_as_given")));

    // Text for people, both languages: the warning and the rate's mark.
    let en = stdout(&call(&["--cost", "3000"]));
    assert!(en.contains("Observational, not causal"), "{en}");
    assert!(en.contains("NOT VERIFIED") && en.contains("Assumptions"));
    let da = stdout(&call(&["--cost", "3000", "--lang", "da"]));
    assert!(da.contains("Observationelt, ikke kausalt"), "{da}");
    assert!(da.contains("IKKE VERIFICERET") && da.contains("Antagelser"));
    assert!(
        da.contains("kr.") && !da.contains("DKK") && !da.contains(" weeks"),
        "{da}"
    );
    let html = stdout(&call(&["--format", "html", "--lang", "da"]));
    assert!(html.contains("Observationelt, ikke kausalt") && html.contains("bm.dk"));
    let md = stdout(&call(&["--format", "markdown"]));
    assert!(md.starts_with("# Business case"), "{md}");

    // The caller's rate replaces the setting; a settings file with a verified rate drops the mark.
    let given = result(&stdout(&call(&[
        "--weekly-rate",
        "5000",
        "--format",
        "json",
    ])));
    assert_eq!(
        given["weekly_rate"],
        json!({ "dkk_per_week": 5000.0, "verified": false })
    );
    assert!(given.get("cost_per_citizen_dkk").is_none() && given.get("verdict").is_none());
    let settings = dir.join("settings.json");
    std::fs::write(
        &settings,
        json!({ "weekly_rate": { "dkk_per_week": 4800, "valid_from": "2026-01-05",
            "valid_to": "2027-01-03", "source": { "document": "Satser 2026", "issuer": "X",
            "date": "2026" }, "verified": true }, "cost_per_citizen_dkk": 1000 })
        .to_string(),
    )
    .unwrap();
    let o = call(&["--settings", settings.to_str().unwrap(), "--cost", "2000"]);
    let text = stdout(&o);
    assert!(
        !text.contains("NOT VERIFIED") && text.contains("DKK 4,800"),
        "{text}"
    );
    assert!(text.contains("Cost per citizen: DKK 2,000"), "{text}");

    // A large k hides every figure but the counts' marks.
    let hidden = result(&stdout(&call(&["--k", "5000", "--format", "json"])));
    assert_eq!(hidden["intervention_group"]["courses"], "below_k");
    assert_eq!(hidden["weeks_saved"], "suppressed");
    assert!(hidden["sensitivity"].as_array().unwrap().is_empty());

    // Bad input: documented exit codes, nothing on stdout, the value never echoed.
    let o = run(
        &[
            "business-case",
            &strata,
            "--intervention",
            "team:sikkert-hemmeligt",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stdout(&o).is_empty() && !stderr(&o).contains("hemmeligt"));
    let o = call(&["--cost=-7777"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    assert!(
        stderr(&o).contains("cost") && !stderr(&o).contains("7777"),
        "{}",
        stderr(&o)
    );
    let o = call(&["--rate-range", "3"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    std::fs::write(
        &settings,
        r#"{"weekly_rate": {"dkk_per_week": "hemmeligt"}}"#,
    )
    .unwrap();
    let o = call(&["--settings", settings.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("settings.json") && !stderr(&o).contains("hemmeligt"));
    let missing = dir.join("missing.json");
    let o = run(
        &[
            "business-case",
            missing.to_str().unwrap(),
            "--intervention",
            "role:x",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
}
