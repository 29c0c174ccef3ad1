//! `coord report --for citizen`: the citizen's own view, with the audit log read for "who looked
//! at what about you".

use super::{answer, as_of, optional};
use crate::cli::{Lang, ReportArgs, ReportFormat};
use crate::exit::Outcome;
use crate::io::{print, read_json, read_text, write_atomically, Failure};
use coord_core::consent::AuditEntry;
use coord_json::calls::citizen::{citizen_report, CitizenReportCall};
use coord_json::envelope::Answer;
use coord_json::parse::parse;

/// Run `coord report --for citizen`.
pub fn run(args: &ReportArgs) -> Result<Outcome, Failure> {
    let (pack, pack_file) = super::optional_pack(args.pack.as_deref())?;
    let call = CitizenReportCall {
        case: read_json(&args.case)?,
        reference: optional(args.reference.as_deref())?,
        pack,
        jurisdiction: Some(args.jurisdiction.clone()),
        as_of: as_of(args.as_of.as_deref())?,
        audit: match &args.audit_log {
            Some(path) => audit_entries(path)?,
            None => Vec::new(),
        },
    };
    let files = [("/case", Some(args.case.as_path())), ("/pack", pack_file)];
    let view = answer(citizen_report(call), &files)?;
    let lang = args.lang.unwrap_or(Lang::Da).into();
    let doc = || coord_render::citizen::document(&view, lang);
    let when = coord_core::text::date_long(lang, view.as_of);
    let text = match args.format {
        ReportFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&Answer::success(&view)).unwrap_or_default()
        ),
        ReportFormat::Text => doc().text(super::width()),
        ReportFormat::Markdown => doc().markdown(),
        ReportFormat::Html => doc().html(&coord_render::page(
            &view.citizen,
            &view.citizen,
            &when,
            lang,
        )),
    };
    match &args.out {
        Some(path) => write_atomically(path, text.as_bytes())?,
        None => print(&text),
    }
    Ok(Outcome::Success)
}

/// The audit log's entries, one JSON object per line; a bad line is an error at its line.
fn audit_entries(path: &std::path::Path) -> Result<Vec<AuditEntry>, Failure> {
    let text = read_text(path)?;
    let mut entries = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let n = u64::try_from(i + 1).unwrap_or(u64::MAX);
        entries.push(parse(line).map_err(|p| Failure::invalid(vec![p.on_line(n)], Some(path)))?);
    }
    Ok(entries)
}
