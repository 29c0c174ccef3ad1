//! Every renderer on the demo cases, in Danish and English: insta snapshots of the text (and of
//! the report's Markdown and HTML), and a scan of every Danish rendering for English and for
//! rule syntax. Review changed snapshots with `cargo insta review` (or `INSTA_UPDATE=always`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests: a failure must stop the run"
)]

use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_json::calls::citizen::{citizen_report, CitizenReportCall};
use coord_json::calls::consent::{access_check, AccessCheckCall};
use coord_json::calls::instruments::{instruments_list, InstrumentsListCall};
use coord_json::calls::plan::{plan_check, progress, PlanCheckCall, ProgressCall};
use coord_json::calls::report::{report, ReportCall};
use coord_json::calls::rules::{evaluate_call, EvaluateCall};
use coord_json::calls::team::{
    add_working_days, offers_match, referrals, team, OffersMatchCall, ReferralsCall, TeamCall,
    WorkingDaysCall,
};
use coord_json::envelope::Answer;
use coord_render::{Doc, Format};

const WIDTH: u16 = 100;
const LANGS: [(Language, &str); 2] = [(Language::Da, "da"), (Language::En, "en")];

fn ok<T>(a: Answer<T>) -> T {
    match a {
        Answer::Success { result, .. } => result,
        Answer::Failure { errors, .. } => panic!("the demo call failed: {errors:?}"),
    }
}

fn stem(file: &str) -> String {
    file.trim_end_matches(".json").to_owned()
}

/// Every rendering of every demo case: (snapshot name, language, text).
fn renderings() -> Vec<(String, Language, String)> {
    let mut out = Vec::new();
    let demo = coord_json::demo::report_cases().unwrap_or_default();
    assert!(demo.len() >= 5, "the demo cases are missing");
    for d in &demo {
        let case: &CaseFile = &d.case;
        let as_of = d.entry.as_of;
        let name = stem(&d.entry.file);
        let r = ok(report(ReportCall {
            case: case.clone(),
            reference: None,
            pack: None,
            jurisdiction: None,
            as_of,
        }));
        let citizen = ok(citizen_report(CitizenReportCall {
            case: case.clone(),
            reference: None,
            pack: None,
            jurisdiction: None,
            as_of,
            audit: Vec::new(),
        }));
        let t = ok(team(TeamCall {
            case: case.clone(),
            reference: None,
            as_of,
            required_roles: Vec::new(),
        }));
        let refs = ok(referrals(ReferralsCall {
            case: case.clone(),
            reference: None,
            as_of,
        }));
        let offers = ok(offers_match(OffersMatchCall {
            case: case.clone(),
            reference: None,
            as_of,
        }));
        let prog = ok(progress(ProgressCall {
            case: case.clone(),
            reference: None,
            as_of,
        }));
        let plan = ok(plan_check(PlanCheckCall {
            case: case.clone(),
            reference: None,
            as_of,
        }));
        let eval = ok(evaluate_call(EvaluateCall {
            case: case.clone(),
            reference: None,
            pack: None,
            jurisdiction: None,
            as_of,
            explain: false,
        }));
        for (lang, code) in LANGS {
            let who = &case.citizen.name;
            let docs: Vec<(&str, Doc)> = vec![
                (
                    "report",
                    coord_render::report::document(&r, case, lang, None),
                ),
                ("citizen", coord_render::citizen::document(&citizen, lang)),
                ("team", coord_render::team::team(case, &t, lang)),
                (
                    "referrals",
                    coord_render::team::referrals(case, &refs, lang),
                ),
                (
                    "offers",
                    coord_render::offers::offer_match(case, &offers, lang),
                ),
                ("progress", coord_render::plan::progress(&prog, who, lang)),
                ("plan", coord_render::plan::plan_check(&plan, who, lang)),
                (
                    "evaluate",
                    coord_render::rules::evaluation(&eval, case, lang),
                ),
            ];
            for (what, doc) in docs {
                out.push((format!("{name}-{what}-{code}"), lang, doc.text(WIDTH)));
                if what == "report" || what == "citizen" {
                    out.push((format!("{name}-{what}-{code}.md"), lang, doc.markdown()));
                    let page = coord_render::page(who, who, &as_of.to_string(), lang);
                    out.push((format!("{name}-{what}-{code}.html"), lang, doc.html(&page)));
                }
            }
        }
    }
    let hillerod = coord_json::demo::hillerod_case().unwrap_or_default();
    let steps = coord_json::demo::hillerod_requests().unwrap_or_default();
    let defs = ok(instruments_list(InstrumentsListCall::default()));
    let days = ok(add_working_days(WorkingDaysCall {
        reference: None,
        from: "2025-04-16".parse().unwrap_or_default(),
        working_days: 3,
    }));
    for (lang, code) in LANGS {
        for (i, step) in steps.iter().enumerate() {
            let d = ok(access_check(AccessCheckCall {
                case: hillerod.clone(),
                reference: None,
                request: step.request.clone(),
            }));
            let doc = coord_render::consent::decision_doc(&hillerod, &d, lang);
            out.push((
                format!("hillerod-decision-{i}-{code}"),
                lang,
                doc.text(WIDTH),
            ));
        }
        out.push((
            format!("instruments-{code}"),
            lang,
            coord_render::plan::instruments(&defs, lang).text(WIDTH),
        ));
        let diff = ok(coord_json::calls::diff::rules_diff(
            coord_json::calls::diff::RulesDiffCall {
                a: coord_json::calls::diff::PackRef::Id("dk-sickness-benefit-2025".to_owned()),
                b: coord_json::calls::diff::PackRef::Id("dk-sickness-benefit-2026".to_owned()),
                cases: coord_json::calls::diff::DiffCases::Generated {
                    cases: Some(150),
                    seed: 1,
                },
                as_of: "2026-12-01".parse().unwrap_or_default(),
                reference: None,
            },
        ));
        let doc = coord_render::rules_diff::diff(&diff, lang);
        out.push((format!("rules-diff-{code}"), lang, doc.text(WIDTH)));
        out.push((format!("rules-diff-{code}.md"), lang, doc.markdown()));
        out.push((
            format!("working-days-{code}"),
            lang,
            coord_render::team::working_days(&days, lang).text(WIDTH),
        ));
    }
    out.extend(answer_renderings());
    out.extend(fhir_renderings());
    out
}

/// The FHIR summary (`coord fhir export|import --format text`) of every demo case's export, of
/// one import and of one handover bundle, in both languages: the warnings are the bundle's own.
fn fhir_renderings() -> Vec<(String, Language, String)> {
    use coord_json::calls::fhir::{fhir_export, fhir_import, FhirExportCall, FhirImportCall};
    use coord_json::calls::handover::{handover_export, HandoverExportCall};
    let summary = |exported: bool,
                   release: Option<coord_core::identifier::ReleaseMode>,
                   counts: &std::collections::BTreeMap<String, usize>,
                   warnings: &[coord_json::calls::fhir::FhirWarning],
                   lang: Language| {
        let w: Vec<coord_render::fhir::Warning<'_>> = warnings
            .iter()
            .map(|w| coord_render::fhir::Warning {
                pointer: &w.pointer,
                message: w.message.get(lang),
            })
            .collect();
        match release {
            Some(mode) => coord_render::fhir::export_summary(mode.describe(lang), counts, &w, lang),
            None => coord_render::fhir::summary(exported, counts, &w, lang),
        }
        .text(WIDTH)
    };
    let mut out = Vec::new();
    let demo = coord_json::demo::report_cases().unwrap_or_default();
    for d in &demo {
        let name = stem(&d.entry.file);
        let exported = ok(fhir_export(FhirExportCall {
            case: d.case.clone(),
            reference: None,
            as_of: d.entry.as_of,
            audit: Vec::new(),
            release: None,
        }));
        assert!(!exported.warnings.is_empty(), "{name}: no warning to show");
        for (lang, code) in LANGS {
            out.push((
                format!("{name}-fhir-export-{code}"),
                lang,
                summary(
                    true,
                    exported.release_mode,
                    &exported.counts,
                    &exported.warnings,
                    lang,
                ),
            ));
        }
        if d.entry.file == "hillerod.json" {
            let imported = ok(fhir_import(FhirImportCall {
                bundle: exported.bundle.clone(),
                reference: None,
            }));
            for (lang, code) in LANGS {
                out.push((
                    format!("{name}-fhir-import-{code}"),
                    lang,
                    summary(false, None, &imported.counts, &imported.warnings, lang),
                ));
            }
        }
    }
    let Some(backpain) = demo
        .iter()
        .find(|d| d.entry.file == "backpain-depression.json")
    else {
        panic!("the back pain demo case is missing");
    };
    let handover = ok(handover_export(HandoverExportCall {
        case: backpain.case.clone(),
        reference: None,
        handover: serde_json::from_value(serde_json::json!({
            "to": { "code": "0270", "name": "Gribskov Kommune" },
            "moved_on": "2025-08-01"
        }))
        .unwrap(),
    }));
    assert!(handover
        .warnings
        .iter()
        .any(|w| w.code == "handover.withheld"));
    for (lang, code) in LANGS {
        out.push((
            format!("backpain-depression-handover-bundle-{code}"),
            lang,
            summary(true, None, &handover.counts, &handover.warnings, lang),
        ));
    }
    let started = ok(coord_json::calls::handover::handover_import(
        coord_json::calls::handover::HandoverImportCall {
            bundle: handover.bundle.clone(),
            reference: None,
            case_id: None,
            as_of: None,
        },
    ));
    for (lang, code) in LANGS {
        out.push((
            format!("backpain-depression-handover-export-{code}"),
            lang,
            coord_render::handover::export(&handover.release, lang).text(WIDTH),
        ));
        out.push((
            format!("backpain-depression-handover-import-{code}"),
            lang,
            coord_render::handover::import(&started, lang).text(WIDTH),
        ));
    }
    let hillerod = &demo
        .iter()
        .find(|d| d.entry.file == "hillerod.json")
        .expect("the Hillerød demo case")
        .case;
    let validated = ok(coord_json::calls::consent::consent_validate(
        coord_json::calls::consent::ConsentValidateCall {
            case: hillerod.clone(),
            reference: None,
        },
    ));
    for (lang, code) in LANGS {
        out.push((
            format!("hillerod-consent-validate-{code}"),
            lang,
            coord_render::consent::validation(
                "hillerod.json",
                validated.valid,
                validated.consents_checked,
                &[],
                lang,
            )
            .text(WIDTH),
        ));
    }
    let walk = ok(coord_json::demo::consent_walkthrough());
    for (lang, code) in LANGS {
        let pick = |da: &str, en: &str| coord_core::text::pick(lang, da, en).to_owned();
        let titles: Vec<String> = walk
            .steps
            .iter()
            .map(|s| pick(&s.title_da, &s.title_en))
            .collect();
        let steps: Vec<(&str, &coord_core::consent::AccessDecision)> = titles
            .iter()
            .zip(&walk.steps)
            .map(|(t, s)| (t.as_str(), &s.decision))
            .collect();
        let question = pick(&walk.question_da, &walk.question_en);
        out.push((
            format!("hillerod-consent-walkthrough-{code}"),
            lang,
            coord_render::consent::walkthrough(
                &walk.case,
                &steps,
                &question,
                &walk.consent_gaps,
                lang,
            )
            .text(WIDTH),
        ));
    }
    out
}

/// The answers of the consent, referral, attendance, offer, instrument and fact commands, in
/// both languages, on the demo cases.
fn answer_renderings() -> Vec<(String, Language, String)> {
    use coord_json::calls::consent::{
        consent_gaps_call, minimise_record, ConsentGapsCall, MinimiseCall,
    };
    use coord_json::calls::instruments::{instrument_show, InstrumentShowCall};
    use coord_json::calls::plan::{instrument_score, ScoreCall};
    use coord_json::calls::rules::{rules_facts, RulesFactsCall};
    use coord_json::calls::team::{
        attendance, offers_list, referral_transition, AttendanceCall, OffersListCall,
        ReferralTransitionCall,
    };
    let mut out = Vec::new();
    let hillerod = coord_json::demo::hillerod_case().unwrap_or_default();
    let demo = coord_json::demo::report_cases().unwrap_or_default();
    let Some(mona) = demo.iter().find(|d| d.entry.file == "mona.json") else {
        panic!("Mona's demo case is missing");
    };
    let at = |s: &str| serde_json::from_value(serde_json::json!(s)).unwrap();
    let gaps = ok(consent_gaps_call(ConsentGapsCall {
        case: hillerod.clone(),
        reference: None,
        flow: serde_json::from_value(serde_json::json!({
            "holder": "rehab-hillerod", "recipient": "mette",
            "categories": ["treatment_progress", "attendance"], "action": "disclose",
            "purpose": "return-to-work", "at": "2025-04-01T09:00:00+02:00"
        }))
        .unwrap(),
    }));
    let release =
        serde_json::from_str(include_str!("../../../docs/examples/release.json")).unwrap();
    let minimised = ok(minimise_record(MinimiseCall {
        case: hillerod.clone(),
        reference: None,
        release,
    }));
    let step = ok(referral_transition(ReferralTransitionCall {
        case: mona.case.clone(),
        reference: None,
        referral: "r-lat".into(),
        transition: serde_json::from_value(serde_json::json!({
            "to": "accepted_by_citizen", "by": "mona", "at": "2025-06-03T10:00:00+02:00"
        }))
        .unwrap(),
    }));
    let attended = ok(attendance(AttendanceCall {
        case: mona.case.clone(),
        reference: None,
        question: coord_core::attendance::AttendanceQuestion {
            offer: "laer-at-tackle-kronisk".into(),
            holder: "laer-at-tackle-hillerod".into(),
            recipient: "sara".into(),
            purpose: "health-and-work".into(),
            at: at("2025-06-02T09:00:00+02:00"),
        },
    }));
    let catalogue = ok(offers_list(OffersListCall::default()));
    let who5 = ok(instrument_show(InstrumentShowCall {
        instrument: "who5".into(),
        reference: None,
    }));
    let score = ok(instrument_score(ScoreCall {
        instrument: "phq9".into(),
        answers: [1, 2, 1, 2, 1, 1, 0, 1, 1].map(Some).to_vec(),
        reference: None,
    }));
    let facts = ok(rules_facts(RulesFactsCall::default()));
    for (lang, code) in LANGS {
        let docs: Vec<(&str, Doc)> = vec![
            ("hillerod-gaps", coord_render::consent::gaps(&gaps, lang)),
            (
                "hillerod-minimised",
                coord_render::consent::minimised(&minimised, lang),
            ),
            (
                "mona-transition",
                coord_render::team::transition(&step.case, &step.transition, lang),
            ),
            (
                "mona-attendance",
                coord_render::team::attendance(&attended.answer, lang),
            ),
            ("offers", coord_render::offers::catalogue(&catalogue, lang)),
            (
                "instrument-who5",
                coord_render::plan::instrument(&who5, lang),
            ),
            (
                "score-phq9",
                coord_render::plan::score(&score, "PHQ-9", lang),
            ),
            ("rules-facts", coord_render::rules::facts(&facts, lang)),
            (
                "audit-intact",
                coord_render::audit::verification(
                    &coord_render::audit::AuditCheck {
                        name: "audit.log",
                        entries: 3,
                        broken: None,
                        head: ("9f2c", 3),
                    },
                    lang,
                ),
            ),
            (
                "audit-broken",
                coord_render::audit::verification(
                    &coord_render::audit::AuditCheck {
                        name: "audit.log",
                        entries: 3,
                        broken: Some(coord_render::audit::Broken {
                            line: 2,
                            da: "den forrige linjes hash passer ikke (den forrige linje er ændret, fjernet eller flyttet)",
                            en: "the hash of the previous line does not match (the previous line was edited, removed or moved)",
                        }),
                        head: ("9f2c", 1),
                    },
                    lang,
                ),
            ),
        ];
        for (what, doc) in docs {
            out.push((format!("{what}-{code}"), lang, doc.text(WIDTH)));
        }
    }
    out
}

/// `rules check` and `rules test` speak to rule authors in English only (their findings come
/// from the validator, in English); snapshot them once, on every shipped pack.
#[test]
fn rule_author_reports_on_the_shipped_packs() {
    use coord_json::calls::rules::{rules_check, rules_test, RulesCheckCall, RulesTestCall};
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    let packs = [
        (
            "dk-pre-2025",
            include_str!("../../coord-json/data/packs/dk-pre-2025.json"),
        ),
        (
            "dk-2025",
            include_str!("../../coord-json/data/packs/dk-2025.json"),
        ),
        (
            "dk-2026",
            include_str!("../../coord-json/data/packs/dk-2026.json"),
        ),
    ];
    settings.bind(|| {
        for (name, text) in packs {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            let file = format!("{name}.json");
            let check = ok(rules_check(RulesCheckCall {
                packs: vec![value.clone()],
                reference: None,
                options: Default::default(),
            }));
            let doc =
                coord_render::rules::pack_check(&check, std::slice::from_ref(&file), Language::En);
            insta::assert_snapshot!(format!("rules-check-{name}"), doc.text(WIDTH));
            let doc =
                coord_render::rules::pack_check(&check, std::slice::from_ref(&file), Language::Da);
            insta::assert_snapshot!(format!("rules-check-{name}-da"), doc.text(WIDTH));
            let tested = ok(rules_test(RulesTestCall {
                pack: serde_json::from_value(value).unwrap(),
                reference: None,
                seed: 1,
                cases: Some(200),
            }));
            let doc = coord_render::rules::test_report(&tested, &file, Language::En);
            insta::assert_snapshot!(format!("rules-test-{name}"), doc.text(WIDTH));
            let doc = coord_render::rules::test_report(&tested, &file, Language::Da);
            insta::assert_snapshot!(format!("rules-test-{name}-da"), doc.text(WIDTH));
        }
        // A pack whose first example expects another level and whose extra invariant fails.
        let mut failing: serde_json::Value = serde_json::from_str(packs[1].1).unwrap();
        failing["tests"][0]["expect"]["level"] = serde_json::json!("complex");
        failing["invariants"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "id": "always-complex", "title_da": "Altid komplekst", "title_en": "Always complex",
                "then": { "fact": "coordination_level", "eq": "complex" }
            }));
        let tested = ok(rules_test(RulesTestCall {
            pack: serde_json::from_value(failing).unwrap(),
            reference: None,
            seed: 1,
            cases: Some(20),
        }));
        assert!(!tested.property.passed);
        for (lang, suffix) in [(Language::En, ""), (Language::Da, "-da")] {
            let doc = coord_render::rules::test_report(&tested, "failing.json", lang);
            insta::assert_snapshot!(format!("rules-test-failing{suffix}"), doc.text(WIDTH));
        }
        // A pack with one finding of each common kind, in both languages.
        let mut faulty: serde_json::Value = serde_json::from_str(packs[1].1).unwrap();
        let rules = faulty["rules"].as_array_mut().unwrap();
        rules[1]["id"] = rules[0]["id"].clone();
        rules[2]["source"] =
            serde_json::json!({ "kind": "law", "citation": "DOMAIN.md", "cites": [] });
        rules[3]["when"] = serde_json::json!({ "all": [
            { "fact": "no_such_fact", "eq": true },
            { "fact": "employed", "eq": 3 },
            { "fact": "target_group", "eq": "sickness_benefit" },
            { "fact": "target_group", "eq": "job_clarification" }
        ] });
        rules[4]["then"] = serde_json::json!([]);
        let check = ok(rules_check(RulesCheckCall {
            packs: vec![faulty],
            reference: None,
            options: Default::default(),
        }));
        let file = "faulty.json".to_owned();
        for (lang, suffix) in [(Language::En, ""), (Language::Da, "-da")] {
            let doc = coord_render::rules::pack_check(&check, std::slice::from_ref(&file), lang);
            let text = doc.text(WIDTH);
            if lang == Language::Da {
                let padded = format!(" {} ", text.replace('\n', " "));
                // Findings are for rule authors: they quote codes and ids in backticks (the
                // codes are data, as in the fact listing); every other word must be Danish.
                for w in NOT_DANISH.iter().filter(|w| w.trim() != "`") {
                    assert!(
                        !padded.contains(w),
                        "`{}` in Danish findings:\n{text}",
                        w.trim()
                    );
                }
            }
            insta::assert_snapshot!(format!("rules-check-faulty{suffix}"), text);
        }
    });
}

#[test]
fn every_renderer_on_the_demo_cases_in_both_languages() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (name, _, text) in renderings() {
            insta::assert_snapshot!(name, text);
        }
    });
}

/// Words and marks that are English or rule syntax, never Danish. Each is searched as a whole
/// word (or as written, for the marks).
const NOT_DANISH: &[&str] = &[
    " the ",
    " and ",
    " of ",
    " is ",
    " with ",
    " needs ",
    " contains ",
    " not ",
    " as of ",
    " overdue",
    "working day",
    " weeks",
    " week ",
    "= true",
    "= false",
    "`",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "October",
    "December",
    "1 hverdage",
    "1 uger",
];

#[test]
fn danish_renderings_hold_no_english_and_no_rule_syntax() {
    let mut found = Vec::new();
    for (name, lang, text) in renderings() {
        if lang != Language::Da || name.ends_with(".html") {
            continue;
        }
        for line in text.lines() {
            // The fact listing is for rule authors: its first column is the rule language's own
            // names (`weeks_since_first_absence`), which are codes, not English prose.
            let line = if name.starts_with("rules-facts") {
                line.split_whitespace()
                    .filter(|w| !w.contains('_'))
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                line.to_owned()
            };
            let padded = format!(" {line} ");
            for w in NOT_DANISH {
                if padded.contains(w) {
                    found.push(format!("{name}: `{}` in: {line}", w.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "English or rule syntax in Danish output:\n{}",
        found.join("\n")
    );
}

#[test]
fn reports_for_people_show_no_rule_ids_pointers_or_backticks() {
    for (name, _, text) in renderings() {
        if !(name.contains("-report-") || name.contains("-citizen-")) || name.ends_with(".html") {
            continue;
        }
        for line in text.lines() {
            assert!(!line.contains('`'), "{name}: backtick in: {line}");
            assert!(
                !line.contains("[/") && !line.contains(" /plan/"),
                "{name}: pointer in: {line}"
            );
            for word in [
                "triage-",
                "week-22",
                "absence-conversation",
                "first-interview",
            ] {
                assert!(!line.contains(word), "{name}: rule id in: {line}");
            }
        }
    }
}

#[test]
fn a_safety_item_since_the_last_review_comes_first_in_every_format() {
    let demo = coord_json::demo::report_cases().unwrap_or_default();
    let Some(sofie) = demo
        .iter()
        .find(|d| d.entry.file == "backpain-depression.json")
    else {
        panic!("the back pain and depression demo case is missing");
    };
    // With no review of the plan held, item 9 answered 1 on 10 February has not been seen.
    let mut unreviewed = sofie.case.clone();
    if let Some(plan) = unreviewed.plan.as_mut() {
        plan.evaluations.clear();
    }
    let r = ok(report(ReportCall {
        case: unreviewed,
        reference: None,
        pack: None,
        jurisdiction: None,
        as_of: sofie.entry.as_of,
    }));
    assert_eq!(
        r.attention.first().map(|a| a.code.as_str()),
        Some("safety.item")
    );
    for (lang, word) in [(Language::Da, "SIKKERHED"), (Language::En, "SAFETY")] {
        let doc = coord_render::report::document(&r, &sofie.case, lang, None);
        for format in [
            Format::Text { width: WIDTH },
            Format::Markdown,
            Format::Html,
        ] {
            let page = coord_render::page("t", "Sofie", "20", lang);
            let text = doc.render(format, &page);
            let heading = text
                .find(if lang == Language::Da {
                    "Kræver handling nu"
                } else {
                    "Needs attention now"
                })
                .unwrap_or(usize::MAX);
            let safety = text.find(word).unwrap_or(usize::MAX);
            assert!(
                safety > heading && safety < usize::MAX,
                "{format:?}: no safety item"
            );
            let next_heading = text[heading..]
                .find("Koordineringsniveau")
                .or_else(|| text[heading..].find("Coordination level"));
            assert!(
                next_heading.is_some_and(|n| heading + n > safety),
                "{format:?}: safety not in attention"
            );
            assert!(text.contains(if lang == Language::Da {
                "i dag"
            } else {
                "today"
            }));
        }
    }
    // After the reviews of 17 March and 21 May, the answer of 10 February has been seen.
    let later = ok(report(ReportCall {
        case: sofie.case.clone(),
        reference: None,
        pack: None,
        jurisdiction: None,
        as_of: sofie.entry.as_of,
    }));
    assert!(later.attention.iter().all(|a| a.code != "safety.item"));
}
