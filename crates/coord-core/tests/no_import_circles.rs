//! The core's modules import each other one way. This test reads the `use crate::…` lines (and
//! `crate::…` paths) of the source files and fails when a pair of modules that once imported each
//! other does so again (issue 8 §2):
//!
//! - the facts layer (`src/facts/`) is below the rules, the offers and the team: it imports none
//!   of `rules`, `offers`; the team engine (`src/team/`) does not import it;
//! - `check.rs` ↔ `plan/validate.rs` (the errors and the id registry live in `case_error.rs`);
//! - `plan/achievement.rs` ↔ `plan/progression.rs` (what progression answers lives in
//!   `plan/progress.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The `.rs` files under `dir` (recursively).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p));
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    out
}

/// The module paths a file names: every `crate::a::b` (in `use` lines and in code), and, for a
/// file in module `m`, every `super::x` as `m::x`. Comments are left out.
fn imports(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let module = file
        .strip_prefix(src())
        .unwrap()
        .with_extension("")
        .to_string_lossy()
        .replace('/', "::")
        .trim_end_matches("::mod")
        .to_owned();
    let parent = module.rsplit_once("::").map_or("", |(p, _)| p).to_owned();
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (marker, base) in [("crate::", ""), ("super::", parent.as_str())] {
            let mut rest = code;
            while let Some(i) = rest.find(marker) {
                rest = &rest[i + marker.len()..];
                let path: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                let full = if base.is_empty() {
                    path
                } else {
                    format!("{base}::{path}")
                };
                out.push(full.trim_end_matches(':').to_owned());
            }
        }
    }
    out
}

/// Whether any file of `from` (a file path under `src/`, or a directory) names a path in module `to`.
fn names(from: &str, to: &str) -> Vec<String> {
    let root = src();
    let target = root.join(from);
    let list = if target.is_dir() {
        files(&target)
    } else {
        vec![target.with_extension("rs")]
    };
    let mut hits = Vec::new();
    for f in list {
        for path in imports(&f) {
            if path == to || path.starts_with(&format!("{to}::")) {
                hits.push(format!(
                    "{} names {path}",
                    f.strip_prefix(&root).unwrap().display()
                ));
            }
        }
    }
    hits
}

#[test]
fn the_facts_layer_imports_neither_rules_nor_offers_and_the_team_does_not_import_it() {
    let mut hits = names("facts", "rules");
    hits.extend(names("facts", "offers"));
    hits.extend(names("team", "facts"));
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn the_case_file_check_and_the_plan_validator_do_not_import_each_other() {
    let both = (
        names("check", "plan::validate"),
        names("plan/validate", "check"),
    );
    assert!(
        both.0.is_empty() || both.1.is_empty(),
        "check.rs and plan/validate.rs import each other: {both:#?}"
    );
    assert!(both.1.is_empty(), "{:#?}", both.1);
}

#[test]
fn achievement_and_progression_do_not_import_each_other() {
    let a = names("plan/achievement", "plan::progression");
    let p = names("plan/progression", "plan::achievement");
    assert!(
        a.is_empty() || p.is_empty(),
        "achievement.rs and progression.rs import each other: {a:#?} {p:#?}"
    );
    assert!(a.is_empty(), "{a:#?}");
}

#[test]
fn the_scan_finds_imports_it_must_find() {
    // The test would pass vacuously if the scan found nothing: progression calls achievement,
    // the check calls the plan validator, the rules read the facts.
    assert!(!names("plan/progression", "plan::achievement").is_empty());
    assert!(!names("check", "plan::validate").is_empty());
    assert!(!names("rules/evaluate", "facts").is_empty());
}
