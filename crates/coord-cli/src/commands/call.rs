//! `coord call`: any coord-json call, one document or NDJSON.

use crate::cli::CallArgs;
use crate::exit::Outcome;
use crate::io::{print, read_text, Failure};
use coord_json::calls::lines::call_lines;
use coord_json::calls::{run_named, CALL_NAMES};
use coord_json::envelope::Problem;

/// Run `coord call`.
pub fn run(args: &CallArgs) -> Result<Outcome, Failure> {
    if args.list {
        print(&format!("{}\n", CALL_NAMES.join("\n")));
        return Ok(Outcome::Success);
    }
    let name = args.name.as_deref().unwrap_or_default();
    if !CALL_NAMES.contains(&name) {
        return Err(Failure {
            outcome: Outcome::Usage,
            problems: vec![Problem::new(
                "usage",
                "no call by that name; see `coord call --list`",
                None,
            )],
            file: None,
            files: Vec::new(),
        });
    }
    let path = args.input.clone().unwrap_or_else(|| "-".into());
    if args.ndjson {
        let overrides = match &args.reference {
            Some(file) => Some(crate::io::read_json(file)?),
            None => None,
        };
        let shared = coord_json::shared::Shared::new(overrides)
            .map_err(|p| Failure::invalid(p, args.reference.as_deref()))?;
        let Some(lines) = call_lines(name, &shared) else {
            return Ok(Outcome::Usage);
        };
        return crate::ndjson_cli::run(Some(&path), lines.as_ref(), &args.stream);
    }
    let text = read_text(&path)?;
    match run_named(name, &text) {
        Some((value, ok)) => {
            print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            ));
            Ok(if ok {
                Outcome::Success
            } else {
                Outcome::InvalidInput
            })
        }
        None => Ok(Outcome::Usage),
    }
}
