//! The `coord` command: arguments → one coord-json call → its answer → a coord-render renderer.
//! It parses, calls, prints — and decides nothing itself.
#![forbid(unsafe_code)]

mod cli;
mod commands;
mod exit;
mod io;
mod ndjson_cli;

use clap::Parser as _;
use cli::{
    AccessCommand, CalendarCommand, Cli, Command, ConsentCommand, InstrumentsCommand,
    OffersCommand, PlanCommand, ReferralCommand, RulesCommand,
};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return io::usage_error(&e),
    };
    let result = match &cli.command {
        Command::Demo(a) => commands::demo::run(a),
        Command::Access(AccessCommand::Check(a)) => commands::access::check(a),
        Command::Consent(ConsentCommand::Validate(a)) => commands::consent::validate(a),
        Command::Consent(ConsentCommand::Gaps(a)) => commands::consent::gaps(a),
        Command::Consent(ConsentCommand::Minimise(a)) => commands::consent::minimise_cmd(a),
        Command::Call(a) => commands::call::run(a),
        Command::Report(a) => commands::report::run(a),
        Command::Schema(a) => commands::schema::run(a),
        Command::Team(a) => commands::team::team(a),
        Command::Referrals(a) => commands::team::referrals(a),
        Command::Referral(ReferralCommand::Transition(a)) => commands::team::transition(a),
        Command::Offers(OffersCommand::List(a)) => commands::team::offers_list(a),
        Command::Offers(OffersCommand::Match(a)) => commands::team::offers_match(a),
        Command::Attendance(a) => commands::team::attendance(a),
        Command::Calendar(CalendarCommand::AddWorkingDays(a)) => {
            commands::calendar::add_working_days(a)
        }
        Command::Rules(RulesCommand::Check(a)) => commands::rules::check(a),
        Command::Rules(RulesCommand::Test(a)) => commands::rules::test(a),
        Command::Rules(RulesCommand::Facts(a)) => commands::rules::facts(a),
        Command::Rules(RulesCommand::Diff(a)) => commands::diff::run(a),
        Command::Evaluate(a) => commands::evaluate::run(a),
        Command::Generate(a) => commands::generate::run(a),
        Command::Summarise(a) => commands::summarise::run(a),
        Command::Stats(c) => commands::stats::run(c),
        Command::BusinessCase(a) => commands::business::run(a),
        Command::Plan(PlanCommand::Check(a)) => commands::plan::check(a),
        Command::Instruments(InstrumentsCommand::List(a)) => commands::instruments::list(a),
        Command::Instruments(InstrumentsCommand::Show(a)) => commands::instruments::show(a),
        Command::Instruments(InstrumentsCommand::Score(a)) => commands::instruments::score(a),
        Command::Progress(a) => commands::progress::run(a),
        Command::Audit(a) => commands::audit::run(a),
        Command::Fhir(f) => commands::fhir::run(f),
        Command::Handover(h) => commands::handover::run(h),
    };
    match result {
        Ok(outcome) => outcome.code(),
        Err(failure) => {
            io::report(&failure);
            failure.outcome.code()
        }
    }
}
