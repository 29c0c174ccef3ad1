//! Every example that `coord --help` and `coord <command> --help` print runs as printed, today.
//!
//! The test walks the help pages (the `Commands:` list of each page), takes every line of an
//! `Example:` / `Examples:` section that starts with `coord` (joining lines that end in `\`), and
//! runs it with `bash -o pipefail` in a scratch directory that holds the files the examples name:
//! the example files of `docs/examples/`, copies of the shipped packs, a `crates/` link to this
//! workspace (for the paths the examples give from the repository root) and a small `cases.ndjson`.
//! `case.json` stands for the user's own case file: each example is tried with the demo cases
//! in turn and passes when one of them answers with exit 0 (nothing to act on) or 1 (findings) —
//! never a usage error (2), invalid input (3), I/O (4) or missing law (5) on today's date.
//!
//! One liberty is taken: a count above 300 after `--cases` or `--generated` is run as 300, so that
//! the national-scale examples (100,000 generated cases) stay quick in a debug build; the command
//! line is otherwise the one printed.

use coord_e2e::coord_bin;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn help(path: &[String]) -> String {
    let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
    args.push("--help");
    let o = coord_e2e::run(&args, "");
    assert_eq!(o.status.code(), Some(0), "coord {} --help", path.join(" "));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The subcommands a help page lists.
fn subcommands(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in page.lines() {
        if line.starts_with("Commands:") {
            inside = true;
            continue;
        }
        if inside {
            if line.trim().is_empty() || !line.starts_with(' ') {
                break;
            }
            if let Some(name) = line.split_whitespace().next() {
                if name != "help" {
                    out.push(name.to_owned());
                }
            }
        }
    }
    out
}

/// The example command lines of a help page, continuation lines joined.
fn examples(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut pending: Option<String> = None;
    for line in page.lines() {
        if line.starts_with("Example:") || line.starts_with("Examples:") {
            inside = true;
            continue;
        }
        if !line.starts_with(' ') && !line.trim().is_empty() {
            inside = false;
        }
        if !inside {
            continue;
        }
        let text = line.trim();
        if let Some(mut cmd) = pending.take() {
            cmd.push(' ');
            cmd.push_str(text.trim_end_matches('\\').trim());
            if text.ends_with('\\') {
                pending = Some(cmd);
            } else {
                out.push(cmd);
            }
            continue;
        }
        if text.starts_with("coord ") || text == "coord" {
            if text.ends_with('\\') {
                pending = Some(text.trim_end_matches('\\').trim().to_owned());
            } else {
                out.push(text.to_owned());
            }
        }
    }
    out
}

fn walk(path: Vec<String>, found: &mut Vec<String>) {
    let page = help(&path);
    found.extend(examples(&page));
    for sub in subcommands(&page) {
        let mut next = path.clone();
        next.push(sub);
        walk(next, found);
    }
}

/// A count above 300 after `--cases` / `--generated` becomes 300 (see the module note).
fn capped(cmd: &str) -> String {
    let words: Vec<&str> = cmd.split(' ').collect();
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let after_count_flag =
            i > 0 && matches!(words.get(i - 1), Some(&"--cases") | Some(&"--generated"));
        match w.parse::<u64>() {
            Ok(n) if after_count_flag && n > 300 => out.push("300".to_owned()),
            _ => out.push((*w).to_owned()),
        }
    }
    out.join(" ")
}

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("coord-help-examples-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let root = repo();
    for entry in std::fs::read_dir(root.join("docs/examples")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    let packs = root.join("crates/coord-json/data/packs");
    for (from, to) in [
        ("dk-2025.json", "dk-2025.json"),
        ("dk-pre-2025.json", "dk-pre-2025.json"),
        ("dk-2026.json", "my-pack.json"),
    ] {
        std::fs::copy(packs.join(from), dir.join(to)).unwrap();
    }
    std::fs::copy(
        root.join("crates/coord-json/data/demo/report/cancer.json"),
        dir.join("other.json"),
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        root.join("crates").canonicalize().unwrap(),
        dir.join("crates"),
    )
    .unwrap();
    let o = coord_e2e::run_in(
        Some(&dir),
        &[
            "generate",
            "--cases",
            "50",
            "--seed",
            "1",
            "--as-of",
            "2025-03-10",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    std::fs::write(dir.join("cases.ndjson"), &o.stdout).unwrap();
    dir
}

#[test]
#[cfg(unix)]
fn every_help_example_runs_as_printed() {
    let mut found = Vec::new();
    walk(Vec::new(), &mut found);
    assert!(
        found.len() >= 50,
        "only {} examples found in the help pages",
        found.len()
    );
    let dir = scratch();
    let bin_dir = coord_bin().parent().unwrap().to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let demo = repo().join("crates/coord-json/data/demo");
    let candidates = [
        demo.join("report/hillerod.json"),
        demo.join("report/mona.json"),
        demo.join("plan-example.json"),
        demo.join("team-example.json"),
    ];
    let mut failures = Vec::new();
    for example in &found {
        let cmd = capped(example);
        let mut last = String::new();
        let ok = candidates.iter().any(|case| {
            std::fs::copy(case, dir.join("case.json")).unwrap();
            let o = Command::new("bash")
                .args(["-o", "pipefail", "-c", &cmd])
                .current_dir(&dir)
                .env("PATH", &path)
                .output()
                .unwrap();
            let code = o.status.code();
            last = format!(
                "exit {code:?} with {}: {}",
                case.file_name().unwrap().to_string_lossy(),
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .next()
                    .unwrap_or("")
            );
            matches!(code, Some(0) | Some(1))
        });
        if !ok {
            failures.push(format!("{example}\n    {last}"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        failures.is_empty(),
        "{} of {} help examples do not run as printed:\n{}",
        failures.len(),
        found.len(),
        failures.join("\n")
    );
}

#[test]
fn examples_are_read_with_their_continuation_lines() {
    let page = "About.\n\nExamples:\n  coord a b \\\n      --c d\n  coord e   # note\n\nExit codes:\n  coord not-an-example\n";
    assert_eq!(examples(page), vec!["coord a b --c d", "coord e   # note"]);
    assert_eq!(
        capped("coord generate --cases 100000 --seed 1"),
        "coord generate --cases 300 --seed 1"
    );
}
