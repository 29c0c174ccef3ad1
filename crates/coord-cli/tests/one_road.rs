//! The one road, checked: a command module (`src/commands/*.rs`) builds one coord-json call from
//! its arguments, makes it, and hands the answer to a coord-render renderer. It may name
//! coord-core's data types (a request, a flow, a transition it fills in from flags) but never
//! its engines: no function imported from coord-core, no engine type (`AccessIndex`,
//! `CheckedCase`, `CompiledPack`, `ReferenceData`), no call of an engine method.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests: a failure must stop the run"
)]

use std::path::Path;

/// Engine names a command module must not mention.
const ENGINES: &[&str] = &[
    "AccessIndex",
    "CheckedCase",
    "CompiledPack",
    "ReferenceData",
    "check_case_file",
    "coordination_report",
    "progression(",
    "check_plan",
    "team_report",
    "referral_overview",
    "match_offers_for_case",
    "attendance_report",
    "consent_gaps(",
    "minimise(",
    "evaluate(",
    "validate_pack",
    "apply_transition",
    ".decide(",
    ".explain_add(",
    ".score(",
    "instruments::find",
    "coord_json::calls::check_case",
    "coord_json::reference::resolve",
    "summarise(",
    "stats_report(",
    "stats::benchmark(",
    "standardise(",
    "of_rows(",
    "merge_all(",
];

/// The coord-core modules a command may take data types from.
const DATA_MODULES: &[&str] = &[
    "case_file",
    "category",
    "ids",
    "party",
    "time",
    "text",
    "consent",
    "referral",
    "attendance",
    "rules",
    "report",
    "stats",
    "handover",
];

fn command_files() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "rs"));
    files.sort();
    files
}

/// What is wrong with one command module's text (empty when it keeps to the road).
fn violations(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for engine in ENGINES {
            if code.contains(engine) {
                found.push(format!("line {}: uses the engine `{engine}`", n + 1));
            }
        }
        if let Some(rest) = code.trim_start().strip_prefix("use coord_core::") {
            let module = rest.split("::").next().unwrap_or("");
            if !DATA_MODULES.contains(&module.trim_end_matches(';')) {
                found.push(format!("line {}: imports from coord_core::{module}", n + 1));
            }
            // An imported name starting with a lower-case letter (after the last `::` or inside
            // braces) is a function.
            let names = rest
                .rsplit("::")
                .next()
                .unwrap_or("")
                .trim_matches(|c| c == '{' || c == '}' || c == ';' || c == ' ');
            for name in names.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if name.starts_with(|c: char| c.is_ascii_lowercase()) && name != "self" {
                    found.push(format!(
                        "line {}: imports the function `{name}` from coord-core",
                        n + 1
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn no_command_module_calls_a_core_engine() {
    let files = command_files();
    assert!(files.len() >= 10, "no command modules found");
    let mut all = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for v in violations(&text) {
            all.push(format!("{}: {v}", f.display()));
        }
    }
    assert!(
        all.is_empty(),
        "command modules off the one road:\n{}",
        all.join("\n")
    );
}

#[test]
fn the_check_catches_an_engine_call() {
    let bad = "use coord_core::consent::AccessIndex;\nuse coord_core::plan::check_plan;\nlet r = coord_core::report::coordination_report(&c);\n";
    let v = violations(bad);
    assert!(v.iter().any(|s| s.contains("AccessIndex")), "{v:?}");
    assert!(v.iter().any(|s| s.contains("coord_core::plan")), "{v:?}");
    assert!(v.iter().any(|s| s.contains("coordination_report")), "{v:?}");
    assert!(violations("use coord_core::case_file::CaseFile;\n").is_empty());
}

#[test]
fn command_modules_are_short() {
    for f in command_files() {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        let n = text.lines().count();
        assert!(
            n <= 200,
            "{} has {n} lines: a command module holds one road per command",
            f.display()
        );
    }
}
