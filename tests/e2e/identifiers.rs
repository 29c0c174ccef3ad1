//! Identifiers (issue 14 §1): a CPR number in the case file never reaches a report for people,
//! in any format or language, nor the JSON answers of the report and the citizen's view.

use coord_e2e::{run, stdout};

const CASE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../crates/coord-json/data/demo/report/hillerod.json"
);
/// The demo citizen's CPR number (DK Core's example patient: fictitious).
const CPR: &str = "0108589995";

#[test]
fn the_demo_case_carries_a_cpr_number() {
    let text = std::fs::read_to_string(CASE).unwrap();
    assert!(
        text.contains(CPR),
        "the demo case should carry the CPR this test looks for"
    );
}

#[test]
fn a_cpr_number_never_appears_in_a_report() {
    for audience in ["meeting", "citizen"] {
        let command = audience;
        for format in ["text", "markdown", "html", "json"] {
            for lang in ["da", "en"] {
                let o = run(
                    &[
                        "report",
                        CASE,
                        "--as-of",
                        "2025-04-10",
                        "--format",
                        format,
                        "--lang",
                        lang,
                        "--for",
                        audience,
                    ],
                    "",
                );
                let out = stdout(&o);
                assert!(
                    matches!(o.status.code(), Some(0 | 1)),
                    "{command} {format} {lang}: {:?}",
                    o.status
                );
                assert!(!out.is_empty(), "{command} {format} {lang}: empty");
                assert!(
                    !out.contains(CPR),
                    "{command} {format} {lang} shows the CPR number"
                );
                assert!(
                    !out.contains("010858"),
                    "{command} {format} {lang} shows the birth date digits"
                );
            }
        }
    }
}
