//! Import from standard resources (a bundle without coord's case file `Binary`): every demo
//! export with the Binary stripped comes back with the same team, consent decisions, referral
//! states and measurements; a hand-written foreign bundle imports; bad foreign bundles give
//! pointer errors that never repeat a planted CPR number.

use coord_core::case_file::CaseFile;
use coord_e2e::{run, stdout};
use coord_json::calls::consent::{access_check, AccessCheckCall};
use coord_json::calls::fhir::{fhir_export, fhir_import, FhirExportCall, FhirImportCall};
use coord_json::envelope::Answer;
use serde_json::{json, Value};

const FOREIGN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/fhir/foreign-bundle.json"
);

fn strip_binary(mut bundle: Value) -> Value {
    if let Some(entries) = bundle["entry"].as_array_mut() {
        entries.retain(|e| e["resource"]["resourceType"] != "Binary");
    }
    bundle
}

fn import(bundle: Value) -> Answer<coord_fhir::FhirImport> {
    fhir_import(FhirImportCall {
        bundle,
        reference: None,
    })
}

/// Requests from every consent's recipients to its holders (named actors), for its categories,
/// purposes and actions, at noon on `day`; plus the demo's own Hillerød requests for that case.
fn requests(case: &CaseFile, day: &str) -> Vec<coord_core::consent::AccessRequest> {
    let mut out = Vec::new();
    let actor = |p: &coord_core::consent::PartyRef| match p {
        coord_core::consent::PartyRef::Actor(a) => Some(a.as_str().to_owned()),
        coord_core::consent::PartyRef::Sector(_) => None,
    };
    let any_requester = case.actors.first().map(|a| a.id.as_str().to_owned());
    for c in &case.consents {
        let holders: Vec<String> = c.scope.holders.iter().filter_map(actor).collect();
        let mut recipients: Vec<String> = c.scope.recipients.iter().filter_map(actor).collect();
        recipients.extend(any_requester.clone());
        for h in &holders {
            for r in &recipients {
                for action in &c.scope.actions {
                    for purpose in &c.scope.purposes {
                        let v = json!({
                            "requester": r, "citizen": case.citizen.id.as_str(),
                            "case": case.id.as_str(), "holder": h,
                            "categories": c.scope.categories, "action": action,
                            "purpose": purpose, "at": format!("{day}T12:00:00+00:00"),
                        });
                        out.push(serde_json::from_value(v).unwrap());
                    }
                }
            }
        }
    }
    let demo: Value = serde_json::from_str(coord_json::demo::HILLEROD_REQUESTS_JSON).unwrap();
    for r in demo.as_array().unwrap() {
        if r["request"]["case"] == case.id.as_str() {
            out.push(serde_json::from_value(r["request"].clone()).unwrap());
        }
    }
    out
}

fn decisions(case: &CaseFile, requests: &[coord_core::consent::AccessRequest]) -> Vec<Value> {
    requests
        .iter()
        .map(|r| {
            serde_json::to_value(access_check(AccessCheckCall {
                case: case.clone(),
                reference: None,
                request: r.clone(),
            }))
            .unwrap()
        })
        .collect()
}

fn team(case: &CaseFile) -> Value {
    let t = case.team.as_ref().unwrap();
    json!({
        "course": t.course,
        "members": t.members.iter().map(|m| json!([m.actor, m.role, m.period])).collect::<Vec<_>>(),
    })
}

/// (a) Every demo case: export, strip the Binary, import. Differences by design: contact details
/// and responsibilities of members, course facts, events, wishes, demographics, goals'
/// milestones/agreement/signing, plan capacity and evaluations, the order of actors (the citizen's
/// actor last), a self-reported measurement's recorder, and transitions after the export date.
#[test]
fn every_demo_case_comes_back_from_its_standard_resources() {
    for (path, as_of) in crate::fhir::demo_cases() {
        let original: CaseFile =
            coord_json::parse::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let day = chrono::NaiveDate::parse_from_str(&as_of, "%Y-%m-%d").unwrap();
        let exported = fhir_export(FhirExportCall {
            case: original.clone(),
            reference: None,
            as_of: day,
            audit: Vec::new(),
            // The full copy: the round trip keeps every identifier.
            release: Some(coord_core::identifier::IdentifierRequest {
                own_copy: true,
                ..Default::default()
            }),
        });
        let bundle = strip_binary(exported.result().unwrap().bundle.clone());
        let answer = import(bundle);
        let Some(read) = answer.result() else {
            panic!(
                "{}: {}",
                path.display(),
                serde_json::to_string_pretty(&answer).unwrap()
            );
        };
        let back = &read.case;
        let name = path.display();
        assert_eq!(back.id, original.id, "{name}");
        assert_eq!(back.title, original.title, "{name}");
        assert_eq!(back.citizen, original.citizen, "{name}");
        assert_eq!(team(back), team(&original), "{name}");
        assert_eq!(back.consents, original.consents, "{name}");
        let reqs = requests(&original, &as_of);
        assert!(!reqs.is_empty(), "{name}");
        assert_eq!(
            decisions(back, &reqs),
            decisions(&original, &reqs),
            "{name}"
        );
        assert_eq!(back.referrals.len(), original.referrals.len(), "{name}");
        for (b, o) in back.referrals.iter().zip(&original.referrals) {
            assert_eq!(b.id, o.id, "{name}");
            assert_eq!(b.state_on(day), o.state_on(day), "{name}");
        }
        let strip = |c: &CaseFile| {
            c.measurements
                .iter()
                .map(|m| json!([m.id, m.indicator, m.date, m.value, m.answers, m.source]))
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(back), strip(&original), "{name}");
        let plan = |c: &CaseFile| {
            let p = c.plan.as_ref().unwrap();
            (
                p.goals
                    .iter()
                    .map(|g| (g.id.clone(), g.status, g.targets.clone()))
                    .collect::<Vec<_>>(),
                p.activities.clone(),
            )
        };
        assert_eq!(plan(back), plan(&original), "{name}");
        assert!(read
            .warnings
            .iter()
            .any(|w| w.code == "fhir.not_in_resources"));
    }
}

/// The CLI reads a stripped export too, with the warnings on standard error.
#[test]
fn the_cli_imports_a_bundle_without_the_case_file_entry() {
    let (case, as_of) = crate::fhir::demo_cases().remove(2);
    let o = run(
        &["fhir", "export", case.to_str().unwrap(), "--as-of", &as_of],
        "",
    );
    assert!(o.status.success());
    let bundle = strip_binary(serde_json::from_str(&stdout(&o)).unwrap());
    let path = std::env::temp_dir().join(format!("coord-fhir-std-{}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_string(&bundle).unwrap()).unwrap();
    let back = run(&["fhir", "import", path.to_str().unwrap()], "");
    assert_eq!(
        back.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&back.stderr)
    );
    let _: CaseFile = coord_json::parse::parse(&stdout(&back)).unwrap();
    let stderr = String::from_utf8_lossy(&back.stderr);
    assert!(stderr.contains("[fhir.not_in_resources]"), "{stderr}");
    let _ = std::fs::remove_file(&path);
}

/// (b) A bundle another system wrote: relative `Type/id` references, plain resource ids, a
/// Patient with only a CPR number and a name.
#[test]
fn a_foreign_bundle_imports() {
    let bundle: Value = serde_json::from_str(&std::fs::read_to_string(FOREIGN).unwrap()).unwrap();
    let answer = import(bundle);
    let Some(read) = answer.result() else {
        panic!("{}", serde_json::to_string_pretty(&answer).unwrap());
    };
    let case = &read.case;
    assert_eq!(case.id.as_str(), "b-4711");
    assert_eq!(case.citizen.name, "Karen Madsen");
    assert_eq!(case.citizen.identifiers.len(), 1);
    assert_eq!(case.team.as_ref().unwrap().members.len(), 2);
    assert_eq!(case.measurements.len(), 1);
    assert_eq!(case.measurements[0].indicator.as_str(), "phq9");
    // The Encounter is not read: one warning for its type, naming no value.
    let w: Vec<_> = read
        .warnings
        .iter()
        .filter(|w| w.code == "fhir.not_read")
        .collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(!serde_json::to_string(&read.warnings)
        .unwrap()
        .contains("0108589995"));
}

/// (c) What the case file needs and the resources do not give: an error at the entry's field,
/// never the planted CPR number.
/// A case of the refusal test: its name, how it breaks the bundle, the place the error names.
type Breakage<'a> = (&'a str, Box<dyn Fn(&mut Value)>, &'a str);

#[test]
fn a_foreign_bundle_missing_what_the_case_file_needs_is_refused_at_its_place() {
    let base: Value = serde_json::from_str(&std::fs::read_to_string(FOREIGN).unwrap()).unwrap();
    let cpr = "0108589995";
    let cases: Vec<Breakage<'_>> =
        vec![
            (
                "no Patient",
                Box::new(|b: &mut Value| {
                    b["entry"]
                        .as_array_mut()
                        .unwrap()
                        .retain(|e| e["resource"]["resourceType"] != "Patient");
                }),
                "/bundle/entry",
            ),
            (
                "organisation without sector",
                Box::new(move |b: &mut Value| {
                    b["entry"][1]["resource"]["type"] = json!([{ "text": cpr }]);
                }),
                "/bundle/entry/1/resource/type",
            ),
            (
                "care team status",
                Box::new(move |b: &mut Value| {
                    b["entry"][4]["resource"]["status"] = json!(cpr);
                }),
                "/bundle/entry/4/resource/status",
            ),
            (
                "dangling member",
                Box::new(move |b: &mut Value| {
                    b["entry"][4]["resource"]["participant"][0]["member"]["reference"] =
                        json!(format!("Practitioner/{cpr}"));
                }),
                "/bundle/entry/4/resource/participant/0/member/reference",
            ),
            (
                "consent without form",
                Box::new(move |b: &mut Value| {
                    b["entry"].as_array_mut().unwrap().push(json!({ "resource": {
                "resourceType": "Consent", "id": cpr, "status": "active",
                "scope": { "text": cpr }, "category": [{ "text": cpr }],
                "dateTime": "2025-03-01T10:00:00+01:00",
                "provision": { "period": { "start": "2025-03-01", "end": "2026-02-28" } }
            }}));
                }),
                "/bundle/entry/7/resource/extension",
            ),
            (
                "bad date",
                Box::new(move |b: &mut Value| {
                    b["entry"][4]["resource"]["period"]["start"] = json!(cpr);
                }),
                "/bundle/entry/4/resource/period/start",
            ),
        ];
    for (what, change, pointer) in cases {
        let mut b = base.clone();
        change(&mut b);
        let answer = serde_json::to_value(import(b)).unwrap();
        let text = answer.to_string();
        assert!(!text.contains(cpr), "{what}: {text}");
        assert_eq!(answer["errors"][0]["pointer"], pointer, "{what}: {text}");
    }
}
