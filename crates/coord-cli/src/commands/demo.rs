//! `coord demo`: the embedded demo, no files needed.

use super::answer;
use super::report::render;
use crate::cli::{DemoArgs, ReportFormat};
use crate::exit::Outcome;
use crate::io::{print, write_all_atomically, Failure};
use coord_core::category::Language;
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
/// consent gap — one coord-json call (`coord_json::demo::consent_walkthrough`), then the renderer.
fn consent_walkthrough(args: &DemoArgs) -> Result<Outcome, Failure> {
    let lang: Language = args.lang.into();
    let walk = answer(coord_json::demo::consent_walkthrough(), &[])?;
    match args.format {
        ReportFormat::Json => {
            print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&Answer::success(&walk)).unwrap_or_default()
            ));
        }
        format => {
            let pick = |da: &'_ str, en: &'_ str| -> String {
                coord_core::text::pick(lang, da, en).to_owned()
            };
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
            let case = &walk.case;
            let doc = coord_render::consent::walkthrough(
                case,
                &steps,
                &question,
                &walk.consent_gaps,
                lang,
            );
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
