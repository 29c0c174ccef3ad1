//! End-to-end: the team, referral, offer, attendance and calendar commands.

use coord_e2e::{run, stderr, stdout, temp_dir, workspace_file};

fn demo() -> String {
    workspace_file("crates/coord-json/data/demo/team-example.json")
        .display()
        .to_string()
}

fn demo_json() -> serde_json::Value {
    let text = std::fs::read_to_string(demo()).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn team_names_who_holds_the_thread_after_the_handover() {
    let o = run(&["team", &demo(), "--as-of", "2025-06-02"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Holds the thread: Sara Nielsen"), "{out}");
    assert!(
        out.contains("Handover 1 April 2025: Lars Krogh, caseworker → Sara Nielsen"),
        "{out}"
    );
    // Before the handover Lars held it; a required role nobody fills is a finding (exit 1).
    let o = run(
        &[
            "team",
            &demo(),
            "--as-of",
            "2025-03-01",
            "--require",
            "health_coordinator",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    crate::schemas::assert_valid("team.answer", &v);
    assert_eq!(v["result"]["thread"]["member"]["actor"], "lars");
    assert_eq!(v["result"]["findings"][0]["kind"], "unfilled_role");
}

#[test]
fn referrals_list_the_stale_one_first() {
    let o = run(
        &[
            "referrals",
            &demo(),
            "--as-of",
            "2025-06-02",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    crate::schemas::assert_valid("referrals.answer", &v);
    crate::schemas::assert_valid("case-file", &demo_json());
    let first = &v["result"]["referrals"][0];
    assert_eq!(first["referral"], "r-rehab");
    assert_eq!(first["stale"], true);
    assert_eq!(first["due"], "2025-05-21");
    assert_eq!(v["result"]["findings"][0]["kind"], "stale");
}

#[test]
fn transition_writes_only_with_out_and_never_sends_without_permit() {
    let dir = temp_dir("team-transition");
    let accepted = dir.join("accepted.json");
    let accepted_s = accepted.display().to_string();
    let o = run(
        &[
            "referral",
            "transition",
            &demo(),
            "--referral",
            "r-lat",
            "--to",
            "accepted_by_citizen",
            "--by",
            "mona",
            "--at",
            "2025-06-03T10:00:00+02:00",
            "--out",
            &accepted_s,
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("proposed to the citizen → accepted by the citizen"));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&accepted).unwrap()).unwrap();
    let r_lat = written["referrals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "r-lat")
        .unwrap();
    assert_eq!(r_lat["history"].as_array().unwrap().len(), 2);
    // Sending to the volunteers would carry the plan without a consent: refused, nothing written.
    let sent = dir.join("sent.json");
    let o = run(
        &[
            "referral",
            "transition",
            &accepted_s,
            "--referral",
            "r-lat",
            "--to",
            "sent",
            "--by",
            "sara",
            "--at",
            "2025-06-03T11:00:00+02:00",
            "--out",
            &sent.display().to_string(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("referral.no_permit"), "{err}");
    assert!(
        err.contains("ask Mona Jensen for a specific consent"),
        "{err}"
    );
    assert!(!sent.exists());
}

#[test]
fn illegal_transition_is_refused_and_nothing_written() {
    let dir = temp_dir("team-illegal");
    let out = dir.join("out.json");
    let o = run(
        &[
            "referral",
            "transition",
            &demo(),
            "--referral",
            "r-stress",
            "--to",
            "sent",
            "--by",
            "sara",
            "--at",
            "2025-06-03T10:00:00+02:00",
            "--out",
            &out.display().to_string(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(3));
    let err = stderr(&o);
    assert!(
        err.contains("--to: a referral cannot go from `in progress` to `sent`"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn offers_match_excludes_the_group_course_without_a_wish() {
    let o = run(
        &[
            "offers",
            "match",
            &demo(),
            "--as-of",
            "2025-06-02",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    crate::schemas::assert_valid("offers-match.answer", &v);
    let excluded = v["result"]["excluded"].as_array().unwrap();
    let kinds = |offer: &str| -> Vec<String> {
        let e = excluded.iter().find(|e| e["offer"] == offer).unwrap();
        e["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["kind"].as_str().unwrap().to_owned())
            .collect()
    };
    // The course is a group course for motivated participants: no wish recorded, so not now.
    assert!(kinds("laer-at-tackle-kronisk").contains(&"readiness_not_met".to_owned()));
    // The stress course is already under way (referral r-stress): not proposed again.
    assert!(kinds("stresshaandtering").contains(&"already_referred".to_owned()));
    let o = run(&["offers", "list"], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Lær at tackle") || stdout(&o).contains("Self-management"));
}

#[test]
fn attendance_at_a_voluntary_offer_is_withheld_without_consent() {
    let o = run(
        &[
            "attendance",
            &demo(),
            "--offer",
            "laer-at-tackle-kronisk",
            "--holder",
            "laer-at-tackle-hillerod",
            "--recipient",
            "sara",
            "--purpose",
            "health-and-work",
            "--at",
            "2025-06-02T09:00:00+02:00",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("WITHHELD"), "{}", stdout(&o));
}

#[test]
fn calendar_adds_working_days_over_easter() {
    let o = run(&["calendar", "add-working-days", "2025-04-14", "10"], "");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.starts_with("14 April 2025 + 10 working days = 1 May 2025 (Thursday)"),
        "{out}"
    );
    assert!(out.contains("Good Friday"), "{out}");
}

fn bad_case(edit: impl FnOnce(&mut serde_json::Value), name: &str) -> (i32, String) {
    let mut v = demo_json();
    edit(&mut v);
    let dir = temp_dir(name);
    let path = dir.join("case.json");
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let o = run(
        &["team", &path.display().to_string(), "--as-of", "2025-06-02"],
        "",
    );
    (o.status.code().unwrap_or(-1), stderr(&o))
}

#[test]
fn bad_input_is_named_by_its_place() {
    // Overlapping periods for the same member and role.
    let (code, err) = bad_case(
        |v| {
            v["team"]["members"][1]["period"]["from"] = "2025-03-01".into();
            v["team"]["members"][0]["actor"] = "sara".into();
        },
        "team-overlap",
    );
    assert_eq!(code, 3);
    assert!(err.contains("/team/members/1/period"), "{err}");
    assert!(err.contains("team.overlapping_membership"), "{err}");
    // An illegal recorded transition.
    let (code, err) = bad_case(
        |v| v["referrals"][2]["history"][2]["to"] = "completed".into(),
        "team-history",
    );
    assert_eq!(code, 3);
    assert!(err.contains("/referrals/2/history/2/to"), "{err}");
    // An unknown state.
    let (code, err) = bad_case(
        |v| v["referrals"][0]["history"][0]["to"] = "lost".into(),
        "team-state",
    );
    assert_eq!(code, 3);
    assert!(err.contains("/referrals/0/history/0/to"), "{err}");
    // An offer referencing an unknown provider, in replaced reference data.
    let dir = temp_dir("team-provider");
    let reference = dir.join("reference.json");
    let mut offers: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(workspace_file("crates/coord-json/data/offers.json")).unwrap(),
    )
    .unwrap();
    offers["offers"][3]["provider"] = "nobody".into();
    std::fs::write(
        &reference,
        serde_json::json!({ "offers": offers }).to_string(),
    )
    .unwrap();
    let o = run(
        &[
            "offers",
            "list",
            "--reference",
            &reference.display().to_string(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(3));
    let err = stderr(&o);
    assert!(err.contains("/offers/offers/3/provider"), "{err}");
    assert!(err.contains("unknown provider: no provider"), "{err}");
    assert!(
        !err.contains("nobody"),
        "the dangling id is not repeated: {err}"
    );
}

#[test]
fn json_call_returns_the_new_case_and_notifications() {
    let call = serde_json::json!({
        "case": demo_json(),
        "referral": "r-stress",
        "transition": { "to": "completed", "by": "helle", "at": "2025-06-18T12:00:00+02:00",
                         "outcome": { "result": "successful" } }
    });
    let answer = coord_json::calls::call_json(
        &call.to_string(),
        coord_json::calls::team::referral_transition,
    );
    let v = serde_json::to_value(&answer).unwrap();
    assert_eq!(v["status"], "success", "{v}");
    crate::schemas::assert_valid("referral-transition.answer", &v);
    assert_eq!(v["result"]["transition"]["to"], "completed");
    assert_eq!(v["result"]["transition"]["notifications"][0]["to"], "sara");
    let r = &v["result"]["case"]["referrals"][1];
    assert_eq!(r["history"].as_array().unwrap().len(), 7);
}
