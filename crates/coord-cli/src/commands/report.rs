//! `coord report`: the coordination report, as text, JSON, Markdown or a self-contained HTML page.

use super::as_of;
use crate::cli::{ReportArgs, ReportFormat};
use crate::exit::Outcome;
use crate::io::{print, read_json, write_atomically, Failure};
use coord_core::category::Language;
use coord_core::report::CoordinationReport;
use coord_json::calls::report::{report, ReportCall};
use coord_json::envelope::Answer;

/// Run `coord report`.
pub fn run(args: &ReportArgs) -> Result<Outcome, Failure> {
    let case = read_json(&args.case)?;
    let reference = match &args.reference {
        Some(p) => Some(read_json(p)?),
        None => None,
    };
    let pack = match &args.pack {
        Some(p) => Some(read_json(p)?),
        None => None,
    };
    let call = ReportCall {
        case,
        reference,
        pack,
        jurisdiction: Some(args.jurisdiction.clone()),
        as_of: as_of(args.as_of.as_deref())?,
    };
    let case_copy = call.case.clone();
    let answer = report(call);
    let Answer::Success { result, .. } = &answer else {
        return Err(Failure::invalid(answer.errors().to_vec(), Some(&args.case)));
    };
    let lang: Language = args.lang.into();
    let text = render(result, &case_copy, lang, args.format)?;
    if let Some(path) = &args.svg {
        let svg = crate::chart::progress_svg(&result.progress, &result.citizen, lang)?;
        write_atomically(path, svg.as_bytes())?;
    }
    match &args.out {
        Some(path) => write_atomically(path, text.as_bytes())?,
        None => print(&text),
    }
    Ok(if result.law.pack.is_none() {
        Outcome::NoLaw
    } else if result.attention.is_empty() {
        Outcome::Success
    } else {
        Outcome::Negative
    })
}

/// Render a report in a format.
pub fn render(
    r: &CoordinationReport,
    case: &coord_core::case_file::CaseFile,
    lang: Language,
    format: ReportFormat,
) -> Result<String, Failure> {
    Ok(match format {
        ReportFormat::Json => {
            format!(
                "{}\n",
                serde_json::to_string_pretty(&Answer::success(r)).unwrap_or_default()
            )
        }
        ReportFormat::Text => crate::render_report::document(r, case, lang, None).text(),
        ReportFormat::Markdown => crate::render_report::document(r, case, lang, None).markdown(),
        ReportFormat::Html => {
            let chart = if r.progress.indicators.is_empty() {
                None
            } else {
                Some(crate::chart::progress_svg(&r.progress, &r.citizen, lang)?)
            };
            let title = format!("{} — {}", r.citizen, r.as_of);
            let code = if lang == Language::En { "en" } else { "da" };
            crate::render_report::document(r, case, lang, chart).html(&title, code)
        }
    })
}
