//! End-to-end: the consent commands and calls.

use coord_e2e::{run, stdout};

#[test]
fn the_consent_demo_runs_without_files_and_shows_permit_and_revocation() {
    let o = run(&["demo", "--consent"], "");
    assert_eq!(o.status.code(), Some(0), "{}", coord_e2e::stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("by consent c-rehab-view"), "{out}");
    assert!(out.contains("was revoked on 2025-05-12"), "{out}");
    assert!(
        out.contains("forbidden by sdpl-68a-employer-no-health"),
        "{out}"
    );
}
