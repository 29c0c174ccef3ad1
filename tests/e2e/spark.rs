//! The Spark example (examples/spark/) in local mode with 2 partitions over 10,000 generated lines
//! gives the answers of the single-process run, joined by id; its statistics job (summarise +
//! stats partial per partition, merged) gives exactly the single-process partial and report.
//! Needs python3 with pyspark and java: skips without them, unless COORD_REQUIRE_TOOLS=1 (CI),
//! where it fails.

use coord_e2e::{coord_bin, run, stderr, temp_dir, workspace_file};
use serde_json::Value;
use std::collections::BTreeMap;
use std::process::Command;

fn tools_missing() -> Option<String> {
    let pyspark = Command::new("python3")
        .args(["-c", "import pyspark"])
        .output();
    if !pyspark.is_ok_and(|o| o.status.success()) {
        return Some("python3 with pyspark".to_owned());
    }
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        return Some("java".to_owned());
    }
    None
}

/// id → answer without line numbers (they count within a partition on Spark).
fn by_id(text: &str) -> BTreeMap<String, Value> {
    let mut map = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut v: Value = serde_json::from_str(line).unwrap();
        let obj = v.as_object_mut().unwrap();
        obj.remove("line");
        if let Some(Value::Array(errors)) = obj.get_mut("errors") {
            for e in errors {
                e.as_object_mut().unwrap().remove("line");
            }
        }
        let id = obj["id"].as_str().unwrap().to_owned();
        assert!(
            map.insert(id.clone(), v).is_none(),
            "id {id} answered twice"
        );
    }
    map
}

/// Skip (or, under COORD_REQUIRE_TOOLS=1, fail) when Spark's tools are missing.
fn skip() -> bool {
    let Some(missing) = tools_missing() else {
        return false;
    };
    assert!(
        std::env::var("COORD_REQUIRE_TOOLS").as_deref() != Ok("1"),
        "COORD_REQUIRE_TOOLS=1 but {missing} is missing (.ci/install.d/30-spark.sh installs it)"
    );
    eprintln!("skipping the Spark example test: {missing} is missing");
    true
}

fn ok(args: &[&str], stdin: &str) -> String {
    let o = run(args, stdin);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn spark_statistics_job_gives_exactly_the_single_process_partial_and_report() {
    if skip() {
        return;
    }
    let dir = temp_dir("spark-stats");
    let as_of = "2026-12-01";
    let mut input = ok(
        &[
            "generate",
            "--cases",
            "6000",
            "--seed",
            "13",
            "--municipalities",
            "12",
            "--as-of",
            as_of,
        ],
        "",
    );
    // A bad line: a failed answer, skipped and counted on both roads.
    input.push_str("{\"id\":\"bad-case\",\"citizen\":7}\n");
    let input_path = dir.join("cases.ndjson");
    std::fs::write(&input_path, &input).unwrap();
    let input_arg = input_path.to_string_lossy().into_owned();
    let by = "municipality,target_group";
    let rows = ok(
        &[
            "summarise",
            "--ndjson",
            "--as-of",
            as_of,
            "--on-error",
            "answer",
            "--input",
            &input_arg,
        ],
        "",
    );
    let single = ok(&["stats", "partial", "--by", by], &rows);

    let out = dir.join("stats");
    let job = Command::new("python3")
        .arg(workspace_file("examples/spark/coord_job.py"))
        .args(["--binary"])
        .arg(coord_bin())
        .args(["--input", &input_arg, "--output"])
        .arg(&out)
        .args([
            "--partitions",
            "2",
            "--master",
            "local[2]",
            "--stats-by",
            by,
        ])
        .args(["--", "summarise", "--as-of", as_of])
        .output()
        .unwrap();
    let job_out = String::from_utf8_lossy(&job.stdout);
    assert!(
        job.status.success(),
        "{job_out}\n{}",
        String::from_utf8_lossy(&job.stderr)
    );
    assert!(
        job_out.contains("6001 lines summarised into 2 partials, 1 failed answers skipped"),
        "{job_out}"
    );
    let spark_path = out.join("partial.json");
    let spark = std::fs::read_to_string(&spark_path).unwrap();
    assert_eq!(
        spark, single,
        "the merged Spark partial differs from one run's"
    );
    let v: Value = serde_json::from_str(&spark).unwrap();
    assert!(v["result"]["cells"].as_array().unwrap().len() > 12, "{v}");

    let single_path = dir.join("single.json");
    std::fs::write(&single_path, &single).unwrap();
    let report = |p: &std::path::Path| {
        ok(
            &["stats", "report", &p.to_string_lossy(), "--format", "json"],
            "",
        )
    };
    assert_eq!(report(&spark_path), report(&single_path));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn spark_example_answers_equal_the_single_process_run_joined_by_id() {
    if skip() {
        return;
    }
    let dir = temp_dir("spark");
    let o = run(
        &[
            "generate",
            "--cases",
            "10000",
            "--seed",
            "7",
            "--as-of",
            "2025-11-01",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // One failing line with an id, to see failures come back as answers.
    let mut input = String::from_utf8(o.stdout).unwrap();
    input.push_str("{\"id\":\"bad-case\",\"citizen\":7}\n");
    let input_path = dir.join("cases.ndjson");
    std::fs::write(&input_path, &input).unwrap();
    let input_arg = input_path.to_string_lossy().into_owned();

    let single = run(
        &[
            "evaluate",
            "--ndjson",
            "--as-of",
            "2025-11-01",
            "--on-error",
            "answer",
            "--jobs",
            "1",
            "--input",
            &input_arg,
        ],
        "",
    );
    assert_eq!(single.status.code(), Some(0), "{}", stderr(&single));
    let single = by_id(&String::from_utf8(single.stdout).unwrap());
    assert_eq!(single.len(), 10_001);

    let out = dir.join("answers");
    let job = Command::new("python3")
        .arg(workspace_file("examples/spark/coord_job.py"))
        .args(["--binary"])
        .arg(coord_bin())
        .args(["--input", &input_arg, "--output"])
        .arg(&out)
        .args(["--partitions", "2", "--master", "local[2]", "--"])
        .args(["evaluate", "--as-of", "2025-11-01"])
        .output()
        .unwrap();
    let job_out = String::from_utf8_lossy(&job.stdout);
    assert!(
        job.status.success(),
        "{job_out}\n{}",
        String::from_utf8_lossy(&job.stderr)
    );
    assert!(
        job_out.contains("10001 lines answered: 10000 succeeded, 1 failed"),
        "{job_out}"
    );
    let mut parts = 0;
    let mut answers = String::new();
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("part-"))
        {
            parts += 1;
            answers.push_str(&std::fs::read_to_string(&path).unwrap());
            answers.push('\n');
        }
    }
    assert_eq!(parts, 2, "two partitions, two part files");
    let spark = by_id(&answers);
    assert_eq!(spark.len(), single.len());
    for (id, answer) in &single {
        assert_eq!(spark.get(id), Some(answer), "answer for {id} differs");
    }
    assert_eq!(spark["bad-case"]["status"], "failure");
    let _ = std::fs::remove_dir_all(&dir);
}
