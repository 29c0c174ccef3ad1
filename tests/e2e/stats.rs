//! Statistics end to end: generate → summarise --ndjson → stats partial (per slice) → stats merge
//! → stats report equals the one-shot report, and what a report shows in text.

use coord_e2e::{run, stderr, stdout, temp_dir};
use serde_json::Value;

const AS_OF: &str = "2026-12-01";

fn ok(args: &[&str], stdin: &str) -> String {
    let o = run(args, stdin);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn rows(first: u64, cases: u64, jobs: &str) -> String {
    let cases_s = cases.to_string();
    let first_s = first.to_string();
    let generated = ok(
        &[
            "generate",
            "--cases",
            &cases_s,
            "--first",
            &first_s,
            "--seed",
            "11",
            "--municipalities",
            "8",
            "--as-of",
            AS_OF,
        ],
        "",
    );
    ok(
        &["summarise", "--ndjson", "--as-of", AS_OF, "--jobs", jobs],
        &generated,
    )
}

fn result(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["status"], "success", "{v}");
    v["result"].clone()
}

#[test]
fn merged_slices_report_exactly_what_one_run_reports() {
    let dir = temp_dir("stats-pipeline");
    let by = "municipality,target_group";
    let whole_rows = rows(0, 900, "2");
    // --jobs gives the same rows.
    assert_eq!(whole_rows, rows(0, 900, "1"));
    let whole = ok(&["stats", "partial", "--by", by], &whole_rows);
    let mut files = Vec::new();
    for (i, (first, n)) in [(0, 250), (250, 400), (650, 250)].iter().enumerate() {
        let part = ok(&["stats", "partial", "--by", by], &rows(*first, *n, "2"));
        let path = dir.join(format!("part-{i}.json"));
        std::fs::write(&path, part).unwrap();
        files.push(path);
    }
    let mut args = vec!["stats", "merge"];
    // In another order than the slices.
    let names: Vec<String> = files
        .iter()
        .rev()
        .map(|p| p.display().to_string())
        .collect();
    args.extend(names.iter().map(String::as_str));
    let merged = ok(&args, "");
    assert_eq!(result(&merged), result(&whole));

    let whole_path = dir.join("whole.json");
    let merged_path = dir.join("merged.json");
    std::fs::write(&whole_path, &whole).unwrap();
    std::fs::write(&merged_path, &merged).unwrap();
    let report = |p: &std::path::Path| {
        ok(
            &[
                "stats",
                "report",
                &p.display().to_string(),
                "--format",
                "json",
            ],
            "",
        )
    };
    let one = result(&report(&whole_path));
    assert_eq!(one, result(&report(&merged_path)));
    // The total counts every course; small cells show "<5" in text.
    let total = one["cells"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(total["courses"]["value"], 900);
    let text = ok(
        &[
            "stats",
            "report",
            &whole_path.display().to_string(),
            "--lang",
            "da",
        ],
        "",
    );
    assert!(text.contains("I alt"), "{text}");
    assert!(text.contains("<5"), "{text}");
    assert!(!text.contains("syn-case"));
}

#[test]
fn summarise_files_and_bad_partials() {
    let dir = temp_dir("stats-bad");
    let generated = ok(
        &["generate", "--cases", "2", "--seed", "1", "--as-of", AS_OF],
        "",
    );
    let case = dir.join("case.json");
    std::fs::write(&case, generated.lines().next().unwrap()).unwrap();
    let table = ok(
        &["summarise", &case.display().to_string(), "--as-of", AS_OF],
        "",
    );
    assert!(table.contains("SYN-"), "{table}");
    // A line that is not a summarise answer names its line and repeats nothing.
    let o = run(
        &["stats", "partial"],
        "{\"status\":\"success\",\"result\":{\"secret-marker\":1}}\n",
    );
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(!stderr(&o).contains("secret-marker"), "{}", stderr(&o));
    // Up to four dimensions make a partial (a benchmark's); five are refused.
    let o = run(
        &[
            "stats",
            "partial",
            "--by",
            "municipality,gender,level,age_band,period",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
}
