//! `coord rules diff PACK_A PACK_B`: what changes between two packs over the same cases.

use super::{answer, emit, overrides};
use crate::cli::RulesDiffArgs;
use crate::exit::Outcome;
use crate::io::{read_text, write_all_atomically, Failure};
use coord_core::case_file::CaseFile;
use coord_json::calls::diff::{rules_diff, DiffCases, PackRef, RulesDiffCall};
use std::path::{Path, PathBuf};

/// The case files of an NDJSON file (blank lines skipped; a bad line is placed at file:line).
fn read_cases(path: &Path) -> Result<Vec<CaseFile>, Failure> {
    let text = read_text(path)?;
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match coord_json::parse::parse::<CaseFile>(line) {
            Ok(c) => cases.push(c),
            Err(mut p) => {
                p.line = Some(i as u64 + 1);
                return Err(Failure::invalid(vec![p], Some(path)));
            }
        }
    }
    Ok(cases)
}

/// Run `coord rules diff`.
pub fn run<'a>(args: &'a RulesDiffArgs) -> Result<Outcome, Failure> {
    let as_of = super::as_of(args.as_of.as_deref())?;
    let cases = match &args.cases {
        Some(path) => DiffCases::Given(read_cases(path)?),
        None => DiffCases::Generated {
            cases: Some(args.generated),
            seed: args.seed,
        },
    };
    let (a, b) = (
        super::pack_arg(&args.pack_a)?,
        super::pack_arg(&args.pack_b)?,
    );
    // A pack named by id is not a file: its problems keep their pointer (the id is not repeated).
    let file = |r: &PackRef, path: &'a Path| matches!(r, PackRef::Pack(_)).then_some(path);
    let files = [
        ("/a", file(&a, &args.pack_a)),
        ("/b", file(&b, &args.pack_b)),
        ("/reference", args.common.reference.as_deref()),
    ];
    let call = RulesDiffCall {
        a,
        b,
        cases,
        as_of,
        reference: overrides(&args.common)?,
    };
    let result = answer(rules_diff(call), &files)?;
    if let Some(dir) = &args.examples {
        let files: Vec<(PathBuf, Vec<u8>)> = result
            .changes
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let case = c.example.case.as_ref()?;
                let mut text = serde_json::to_string_pretty(case).ok()?;
                text.push('\n');
                Some((
                    dir.join(format!("change-{}.json", i + 1)),
                    text.into_bytes(),
                ))
            })
            .collect();
        std::fs::create_dir_all(dir).map_err(|e| Failure::io(dir, &e))?;
        let refs: Vec<(&Path, &[u8])> = files
            .iter()
            .map(|(p, b)| (p.as_path(), b.as_slice()))
            .collect();
        write_all_atomically(&refs)?;
    }
    let lang = args.common.lang.into();
    Ok(emit(
        args.common.format,
        lang,
        "coord rules diff",
        result,
        false,
        |r| coord_render::rules_diff::diff(r, lang),
    ))
}
