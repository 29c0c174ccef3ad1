//! `coord demo`: the embedded demo, no files needed.

use super::report::render;
use super::{answer, value};
use crate::cli::{DemoArgs, ReportFormat};
use crate::exit::Outcome;
use crate::io::{print, write_all_atomically, Failure};
use coord_core::category::{InformationCategory, Language};
use coord_core::consent::{Action, GapFlow};
use coord_json::calls::consent::{
    access_check, consent_gaps_call, AccessCheckCall, ConsentGapsCall,
};
use coord_json::calls::report::{report, ReportCall};
use coord_json::envelope::Answer;

/// Run `coord demo`: the five reports, or with `--consent` the consent walkthrough.
pub fn run(args: &DemoArgs) -> Result<Outcome, Failure> {
    if args.consent {
        return consent_walkthrough(args);
    }
    let lang: Language = args.lang.into();
    let bad = |p| Failure::invalid(vec![p], None);
    let cases = coord_json::demo::report_cases().map_err(bad)?;
    let mut reports = Vec::new();
    for demo in cases {
        let call = ReportCall {
            case: demo.case.clone(),
            reference: None,
            pack: None,
            jurisdiction: None,
            as_of: demo.entry.as_of,
        };
        reports.push((demo, answer(report(call), &[])?));
    }
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).map_err(|e| Failure::io(dir, &e))?;
        let ext = match args.format {
            ReportFormat::Text => "txt",
            ReportFormat::Json => "json",
            ReportFormat::Markdown => "md",
            ReportFormat::Html => "html",
        };
        let mut written = String::new();
        let mut files = Vec::new();
        for (demo, r) in &reports {
            let text = render(r, &demo.case, lang, args.format)?;
            let stem = demo.entry.file.trim_end_matches(".json");
            let path = dir.join(format!("{stem}.{ext}"));
            written.push_str(&format!("{}\n", path.display()));
            files.push((path, text));
        }
        // Every report or none.
        let refs: Vec<(&std::path::Path, &[u8])> = files
            .iter()
            .map(|(p, t)| (p.as_path(), t.as_bytes()))
            .collect();
        write_all_atomically(&refs)?;
        print(&written);
        return Ok(Outcome::Success);
    }
    if args.format == ReportFormat::Json {
        let all: Vec<_> = reports.iter().map(|(_, r)| r).collect();
        print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&Answer::success(all)).unwrap_or_default()
        ));
        return Ok(Outcome::Success);
    }
    let mut out = String::new();
    for (i, (demo, r)) in reports.iter().enumerate() {
        let title = if lang == Language::En {
            &demo.entry.title_en
        } else {
            &demo.entry.title_da
        };
        let rule = "#".repeat(78);
        out.push_str(&format!(
            "{rule}\n# {}/{}  {title}\n{rule}\n\n",
            i + 1,
            reports.len()
        ));
        out.push_str(&render(r, &demo.case, lang, args.format)?);
        out.push('\n');
    }
    out.push_str(if lang == Language::En {
        "More: `coord demo --consent` (consent walkthrough), `coord demo --format html --out-dir DIR` (pages for the meeting).\n"
    } else {
        "Mere: `coord demo --consent` (samtykke trin for trin), `coord demo --format html --out-dir MAPPE` (sider til mødet).\n"
    });
    print(&out);
    Ok(Outcome::Success)
}

/// The consent walkthrough (Hillerød): decisions before and after a revocation, a prohibition, a
/// consent gap — each one `access-check` call, then one `consent-gaps` call.
fn consent_walkthrough(args: &DemoArgs) -> Result<Outcome, Failure> {
    let lang: Language = args.lang.into();
    let bad = |p| Failure::invalid(vec![p], None);
    let case = coord_json::demo::hillerod_case().map_err(bad)?;
    let steps = coord_json::demo::hillerod_requests().map_err(bad)?;
    let mut decisions = Vec::new();
    for step in steps {
        let call = AccessCheckCall {
            case: case.clone(),
            reference: None,
            request: step.request,
        };
        let title = match lang {
            Language::En => step.title_en,
            Language::Da => step.title_da,
        };
        decisions.push((title, answer(access_check(call), &[])?));
    }
    let flow = GapFlow {
        holder: "anne".into(),
        recipient: "lars".into(),
        categories: vec![InformationCategory::Attendance],
        action: Action::ReportAttendance,
        purpose: "sickness-benefit-follow-up".into(),
        at: value("at", "2025-04-01T09:00:00+02:00")?,
    };
    let gaps = answer(
        consent_gaps_call(ConsentGapsCall {
            case: case.clone(),
            reference: None,
            flow,
        }),
        &[],
    )?;
    match args.format {
        ReportFormat::Json => {
            let out = serde_json::json!({
                "case": case,
                "decisions": decisions.iter().map(|(t, d)| serde_json::json!({"title": t, "decision": d})).collect::<Vec<_>>(),
                "consent_gaps": gaps,
            });
            print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&Answer::success(out)).unwrap_or_default()
            ));
        }
        format => {
            let question = coord_core::text::pick(
                lang,
                "Må genoptræningscentret melde Jens' fremmøde til hans sagsbehandler?",
                "Should the rehabilitation centre report Jens's attendance to his caseworker?",
            );
            let doc = coord_render::consent::walkthrough(&case, &decisions, question, &gaps, lang);
            print(&match format {
                ReportFormat::Markdown => doc.markdown(),
                ReportFormat::Html => doc.html(&coord_render::page(
                    &case.title,
                    &case.citizen.name,
                    "",
                    lang,
                )),
                _ => doc.text(super::width()),
            });
        }
    }
    Ok(Outcome::Success)
}
