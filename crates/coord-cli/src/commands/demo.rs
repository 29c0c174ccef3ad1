//! `coord demo`: the embedded demo, no files needed.

use crate::cli::{DemoArgs, Format};
use crate::exit::Outcome;
use crate::io::{print, Failure};
use coord_core::category::InformationCategory;
use coord_core::category::Language;
use coord_core::check::CheckedCase;
use coord_core::consent::{consent_gaps, AccessIndex, Action, GapFlow};
use coord_json::envelope::Answer;

/// Run `coord demo`.
pub fn run(args: &DemoArgs) -> Result<Outcome, Failure> {
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
        Format::Json => {
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
        Format::Text => {
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
