//! Identifiers in `coord fhir export` (issue 14: "released in exports only as consent or a legal
//! basis permits"): none by default — not in the resources, not in the case file `Binary` — each
//! withheld one a warning at its place without its value; every one with `--own-copy`; the
//! citizen's with `--recipient` when a consent permits the citizen's identity to the recipient.
//! A property test over generated cases with planted identifiers holds the default.

use coord_core::case_file::CaseFile;
use coord_core::identifier::IdentifierRequest;
use coord_core::strategies::identifiers::with_identifiers;
use coord_e2e::{cli_fhir_export, run, stderr, stdout, temp_dir, workspace_file};
use coord_json::calls::fhir::{fhir_export, fhir_import, FhirExportCall, FhirImportCall};
use proptest::prelude::*;

/// The Hillerød demo's CPR number (a test number).
const CPR: &str = "0108589995";
/// The Hillerød demo's SOR id of the rehabilitation centre.
const SOR: &str = "123456789012";

fn hillerod() -> String {
    workspace_file("crates/coord-json/data/demo/report/hillerod.json")
        .display()
        .to_string()
}

/// The case file inside a bundle (its `Binary`), as text.
fn binary_case(bundle: &serde_json::Value) -> String {
    let read = fhir_import(FhirImportCall {
        bundle: bundle.clone(),
        reference: None,
    });
    serde_json::to_string(&read.result().expect("the bundle reads back").case).unwrap()
}

fn release_tag(bundle: &serde_json::Value) -> &str {
    assert_eq!(
        bundle["meta"]["tag"][0]["system"],
        "urn:coord:codesystem:identifier-release"
    );
    bundle["meta"]["tag"][0]["code"].as_str().unwrap()
}

#[test]
fn the_plain_export_carries_no_identifier_and_says_what_it_withheld() {
    let o = cli_fhir_export(&hillerod(), "2025-04-10", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let bundle: serde_json::Value = serde_json::from_str(&text).unwrap();
    for v in [CPR, SOR, "12345674", "5790000123452", "1000000001"] {
        assert!(!text.contains(v), "{v} in the bundle");
        assert!(!binary_case(&bundle).contains(v), "{v} in the Binary");
    }
    assert!(
        !text.contains("urn:oid:1.2.208.176.1.2"),
        "a CPR system left"
    );
    assert_eq!(release_tag(&bundle), "no-identifiers");
    let err = stderr(&o);
    assert!(
        err.contains(
            "warning: /citizen/identifiers/0: identifier withheld, not in the export (CPR)"
        ),
        "{err}"
    );
    assert!(err.contains("[fhir.identifier_withheld]"), "{err}");
    assert!(
        err.contains("the citizen's CPR number is withheld"),
        "{err}"
    );
    assert!(!err.contains("the citizen has no CPR number"), "{err}");
    assert!(!err.contains(CPR) && !err.contains(SOR), "{err}");
    // The text summary says which identifiers went.
    let o = cli_fhir_export(
        &hillerod(),
        "2025-04-10",
        &["--format", "text", "--lang", "da"],
    );
    assert!(stdout(&o).contains("Identifikatorer: uden identifikatorer"));
}

#[test]
fn the_own_copy_keeps_every_identifier_and_is_tagged() {
    let o = cli_fhir_export(&hillerod(), "2025-04-10", &["--own-copy"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let bundle: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(release_tag(&bundle), "own-copy");
    assert!(text.contains(CPR) && text.contains(SOR));
    assert!(binary_case(&bundle).contains(CPR));
    assert!(!stderr(&o).contains("fhir.identifier_withheld"));
    let o = cli_fhir_export(
        &hillerod(),
        "2025-04-10",
        &["--own-copy", "--format", "text"],
    );
    assert!(stdout(&o).contains("Identifiers: the municipality's own full copy"));
    // Not together with a recipient.
    let o = run(
        &[
            "fhir",
            "export",
            &hillerod(),
            "--own-copy",
            "--recipient",
            "hospital-hillerod",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// The handover example's consent `c-handover` lets the jobcenter disclose contact details to
/// Jobcenter Gribskov for the handover purpose: with a CPR planted on the citizen, the export for
/// that recipient and purpose carries it; for another purpose it does not.
#[test]
fn a_recipient_gets_the_cpr_only_as_a_consent_permits() {
    let dir = temp_dir("fhir-recipient");
    let mut case: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(workspace_file("docs/examples/handover-case.json")).unwrap(),
    )
    .unwrap();
    case["citizen"]["identifiers"] = serde_json::json!([{ "system": "cpr", "value": CPR }]);
    let path = dir.join("case.json");
    std::fs::write(&path, case.to_string()).unwrap();
    let export = |purpose: &str| {
        cli_fhir_export(
            path.to_str().unwrap(),
            "2025-08-01",
            &["--recipient", "jobcenter-gribskov", "--purpose", purpose],
        )
    };
    let o = export("municipality-handover");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bundle: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(release_tag(&bundle), "recipient");
    assert!(stdout(&o).contains(CPR));
    assert!(binary_case(&bundle).contains(CPR));
    assert!(!stderr(&o).contains("fhir.identifier_withheld"));
    let o = export("return-to-work");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stdout(&o).contains(CPR));
    let err = stderr(&o);
    assert!(
        err.contains(
            "/citizen/identifiers/0: identifier withheld, not in the export (CPR): contact details"
        ),
        "{err}"
    );
    assert!(!err.contains(CPR), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn values(case: &CaseFile) -> Vec<String> {
    case.citizen
        .identifiers
        .iter()
        .chain(case.actors.iter().flat_map(|a| &a.identifiers))
        .map(|i| i.value.clone())
        .collect()
}

fn export(
    case: CaseFile,
    as_of: chrono::NaiveDate,
    release: Option<IdentifierRequest>,
) -> Option<serde_json::Value> {
    fhir_export(FhirExportCall {
        case,
        reference: None,
        as_of,
        audit: Vec::new(),
        release,
    })
    .result()
    .map(|r| r.bundle.clone())
}

/// With no release given, no identifier value of `case` appears in the bundle's text or in the
/// case file it carries; with the own copy, every one is in the case file it carries.
fn check_default(case: &CaseFile, as_of: chrono::NaiveDate) -> Result<(), TestCaseError> {
    let mut bare = case.clone();
    bare.citizen.identifiers.clear();
    bare.actors.iter_mut().for_each(|a| a.identifiers.clear());
    prop_assume!(export(bare, as_of, None).is_some());
    let planted = values(case);
    prop_assert!(!planted.is_empty());
    let bundle = export(case.clone(), as_of, None);
    prop_assert!(
        bundle.is_some(),
        "a case with valid identifiers must export"
    );
    let bundle = bundle.unwrap_or_default();
    let text = serde_json::to_string(&bundle).unwrap();
    let inside = binary_case(&bundle);
    for v in &planted {
        prop_assert!(!text.contains(v.as_str()), "an identifier in the bundle");
        prop_assert!(!inside.contains(v.as_str()), "an identifier in the Binary");
    }
    let own_copy = IdentifierRequest {
        own_copy: true,
        ..Default::default()
    };
    let full = export(case.clone(), as_of, Some(own_copy)).unwrap_or_default();
    let inside = binary_case(&full);
    for v in &planted {
        prop_assert!(
            inside.contains(v.as_str()),
            "the own copy lost an identifier"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Generated courses (team, events, plan, measurements) with identifiers planted on every
    /// party, the citizen's own actor entry included.
    #[test]
    fn by_default_no_identifier_leaves(
        (case, as_of) in coord_core::strategies::rules::case_with_date(coord_core::time::DatePeriod::new(
            chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            Some(chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()),
        ), &coord_json::builtin::vocabularies().unwrap())
            .prop_flat_map(|(c, d)| (with_identifiers(Just(c)), Just(d)))
    ) {
        check_default(&case, as_of)?;
    }

    /// The same over the consent generators' cases (consents, revocations, sector parties).
    #[test]
    fn by_default_no_identifier_leaves_a_consent_case(
        (case, request) in coord_core::strategies::consent::case_and_request(6)
            .prop_flat_map(|(c, r)| (with_identifiers(Just(c)), Just(r)))
    ) {
        check_default(&case, coord_core::time::date_of(&request.at))?;
    }
}
