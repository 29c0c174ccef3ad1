//! `coord call`: any coord-json call, one document or NDJSON.

use crate::cli::CallArgs;
use crate::exit::Outcome;
use crate::io::{print, read_text, Failure};
use coord_json::calls::{run_named, CALL_NAMES};
use coord_json::envelope::{Answer, Problem};

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
        let input = crate::io::ndjson_input(Some(&path))?;
        let summary = coord_json::ndjson::stream(input, std::io::stdout(), |line| {
            // run_named gives the whole envelope as a value; take it back as an envelope so the
            // stream can place errors on their line.
            let value = run_named(name, line).map(|(v, _)| v).unwrap_or_default();
            serde_json::from_value::<Answer<serde_json::Value>>(value).unwrap_or_else(|e| {
                Answer::failure(vec![Problem::new("internal", e.to_string(), None)])
            })
        })
        .map_err(|e| Failure::io(&path, &e))?;
        return Ok(if summary.failures > 0 {
            Outcome::InvalidInput
        } else {
            Outcome::Success
        });
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
