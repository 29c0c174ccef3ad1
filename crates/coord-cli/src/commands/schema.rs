//! `coord schema`.

use crate::cli::SchemaArgs;
use crate::exit::Outcome;
use crate::io::{print, write_atomically, Failure};
use coord_json::envelope::Problem;

/// Run `coord schema`.
pub fn run(args: &SchemaArgs) -> Result<Outcome, Failure> {
    if args.list {
        let names: Vec<&str> = coord_json::schema::all()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        print(&format!("{}\n", names.join("\n")));
        return Ok(Outcome::Success);
    }
    if let Some(dir) = &args.write {
        std::fs::create_dir_all(dir).map_err(|e| Failure::io(dir, &e))?;
        for (name, schema) in coord_json::schema::all() {
            write_atomically(
                &dir.join(format!("{name}.json")),
                coord_json::schema::to_text(&schema).as_bytes(),
            )?;
        }
        return Ok(Outcome::Success);
    }
    let name = args.name.as_deref().unwrap_or_default();
    match coord_json::schema::by_name(name) {
        Some(s) => {
            print(&coord_json::schema::to_text(&s));
            Ok(Outcome::Success)
        }
        None => Err(Failure {
            outcome: Outcome::Usage,
            problems: vec![Problem::new(
                "usage",
                "no schema by that name; see `coord schema --list`",
                None,
            )],
            file: None,
            files: Vec::new(),
        }),
    }
}
