//! The `coord` command: glue between the command line and coord-json / coord-core. It parses,
//! calls, renders — and decides nothing itself.
#![forbid(unsafe_code)]

mod chart;
mod cli;
mod commands;
mod exit;
mod io;
mod render;

use clap::Parser;
use cli::{AccessCommand, Cli, Command, ConsentCommand, InstrumentsCommand, PlanCommand};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Demo(a) => commands::demo::run(a),
        Command::Access(AccessCommand::Check(a)) => commands::access::check(a),
        Command::Consent(ConsentCommand::Validate(a)) => commands::consent::validate(a),
        Command::Consent(ConsentCommand::Gaps(a)) => commands::consent::gaps(a),
        Command::Consent(ConsentCommand::Minimise(a)) => commands::consent::minimise_cmd(a),
        Command::Call(a) => commands::call::run(a),
        Command::Schema(a) => commands::schema::run(a),
        Command::Plan(PlanCommand::Check(a)) => commands::plan::check(a),
        Command::Instruments(InstrumentsCommand::List(a)) => commands::instruments::list(a),
        Command::Instruments(InstrumentsCommand::Show(a)) => commands::instruments::show(a),
        Command::Instruments(InstrumentsCommand::Score(a)) => commands::instruments::score(a),
        Command::Progress(a) => commands::progress::run(a),
    };
    match result {
        Ok(outcome) => outcome.code(),
        Err(failure) => {
            io::report_failure(&failure);
            failure.outcome.code()
        }
    }
}
