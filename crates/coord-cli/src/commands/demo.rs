//! `coord demo`: the embedded demo, no files needed.

use super::report::render;
use crate::cli::{DemoArgs, ReportFormat};
use crate::exit::Outcome;
use crate::io::{print, write_all_atomically, Failure};
use coord_core::category::InformationCategory;
use coord_core::category::Language;
use coord_core::check::CheckedCase;
use coord_core::consent::{consent_gaps, AccessIndex, Action, GapFlow};
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
        let answer = report(call);
        let Answer::Success { result, .. } = answer else {
            return Err(Failure::invalid(answer.errors().to_vec(), None));
        };
        reports.push((demo, result));
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
/// consent gap.
fn consent_walkthrough(args: &DemoArgs) -> Result<Outcome, Failure> {
    let lang: Language = args.lang.into();
    let bad = |p| Failure::invalid(vec![p], None);
    let reference = coord_json::builtin::reference_data().map_err(bad)?;
    let case = coord_json::demo::hillerod_case().map_err(bad)?;
    let steps = coord_json::demo::hillerod_requests().map_err(bad)?;
    let checked = CheckedCase::new(case, &reference).map_err(|e| {
        Failure::invalid(
            coord_json::problems::problems(&e, &Default::default()),
            None,
        )
    })?;
    let index = AccessIndex::new(&checked, &reference);
    let mut decisions = Vec::new();
    for step in &steps {
        let d = index.decide(&step.request).map_err(|e| {
            Failure::invalid(
                vec![coord_json::problems::problem(&e, &Default::default())],
                None,
            )
        })?;
        decisions.push((step, d));
    }
    let gap_flow = GapFlow {
        holder: "anne".into(),
        recipient: "lars".into(),
        categories: vec![InformationCategory::Attendance],
        action: Action::ReportAttendance,
        purpose: "sickness-benefit-follow-up".into(),
        at: "2025-04-01T09:00:00+02:00"
            .parse()
            .map_err(|_| Failure::invalid(vec![], None))?,
    };
    let gaps = consent_gaps(&index, &gap_flow).map_err(|e| {
        Failure::invalid(
            vec![coord_json::problems::problem(&e, &Default::default())],
            None,
        )
    })?;
    let case = checked.case();
    match args.format {
        ReportFormat::Json => {
            let out = serde_json::json!({
                "case": case,
                "decisions": decisions.iter().map(|(s, d)| serde_json::json!({"title": s.title_en, "decision": d})).collect::<Vec<_>>(),
                "consent_gaps": gaps,
            });
            print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&Answer::success(out)).unwrap_or_default()
            ));
        }
        _ => {
            let mut s = format!("coord demo — {}\n{}\n\n", case.title, "=".repeat(60));
            for (step, d) in &decisions {
                let title = if lang == Language::En {
                    &step.title_en
                } else {
                    &step.title_da
                };
                s.push_str(&format!(
                    "{title}\n{}\n",
                    crate::render::decision(case, d, lang)
                ));
            }
            s.push_str(if lang == Language::En {
                "Should the rehabilitation centre report Jens's attendance to his caseworker?\n"
            } else {
                "Må genoptræningscentret melde Jens' fremmøde til hans sagsbehandler?\n"
            });
            s.push_str(&crate::render::outcomes(
                &[gaps.missing.clone(), gaps.blocked.clone()].concat(),
                lang,
            ));
            if let Some(sug) = &gaps.suggestion {
                s.push_str(&format!(
                    "  → {}\n",
                    if lang == Language::En {
                        &sug.ask_en
                    } else {
                        &sug.ask_da
                    }
                ));
            }
            print(&s);
        }
    }
    Ok(Outcome::Success)
}
