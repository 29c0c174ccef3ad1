//! `coord report`: the coordination report as text, JSON, Markdown or a printable HTML page.

use super::{answer, as_of, optional};
use crate::cli::{Audience, Lang, ReportArgs, ReportFormat};
use crate::exit::Outcome;
use crate::io::{print, read_json, write_all_atomically, Failure};
use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_core::report::CoordinationReport;
use coord_json::calls::report::{report, ReportCall};
use coord_json::envelope::Answer;

/// Run `coord report`.
pub fn run(args: &ReportArgs) -> Result<Outcome, Failure> {
    if args.audience == Audience::Citizen {
        return super::citizen::run(args);
    }
    let case: CaseFile = read_json(&args.case)?;
    let (pack, pack_file) = super::optional_pack(args.pack.as_deref())?;
    let call = ReportCall {
        case: case.clone(),
        reference: optional(args.reference.as_deref())?,
        pack,
        jurisdiction: Some(args.jurisdiction.clone()),
        as_of: as_of(args.as_of.as_deref())?,
    };
    let files = [
        ("/case", Some(args.case.as_path())),
        ("/pack", pack_file),
        ("/reference", args.reference.as_deref()),
    ];
    let result = answer(report(call), &files)?;
    let lang: Language = args.lang.unwrap_or(Lang::En).into();
    let text = render(&result, &case, lang, args.format)?;
    let svg = match &args.svg {
        Some(path) => Some((
            path,
            coord_render::chart::progress_svg(&result.progress, &result.citizen, lang)
                .map_err(|e| super::chart_failure(&e))?,
        )),
        None => None,
    };
    // Every file or none: the chart and the report are written together.
    let mut files: Vec<(&std::path::Path, &[u8])> = Vec::new();
    if let Some((path, svg)) = &svg {
        files.push((path.as_path(), svg.as_bytes()));
    }
    if let Some(path) = &args.out {
        files.push((path.as_path(), text.as_bytes()));
    }
    write_all_atomically(&files)?;
    if args.out.is_none() {
        print(&text);
    }
    Ok(if result.law.pack.is_none() {
        Outcome::NoLaw
    } else if result.attention.is_empty() {
        Outcome::Success
    } else {
        Outcome::Negative
    })
}

/// A report in a format: the JSON envelope, or the renderer's page.
pub fn render(
    r: &CoordinationReport,
    case: &CaseFile,
    lang: Language,
    format: ReportFormat,
) -> Result<String, Failure> {
    let format = match format {
        ReportFormat::Json => {
            return Ok(format!(
                "{}\n",
                serde_json::to_string_pretty(&Answer::success(r)).unwrap_or_default()
            ))
        }
        ReportFormat::Text => coord_render::Format::Text {
            width: super::width(),
        },
        ReportFormat::Markdown => coord_render::Format::Markdown,
        ReportFormat::Html => coord_render::Format::Html,
    };
    coord_render::report::print(r, case, lang, format).map_err(|e| super::chart_failure(&e))
}
