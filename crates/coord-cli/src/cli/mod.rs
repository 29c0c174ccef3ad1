//! The command line, declared with clap: the top level and the shared arguments here, each
//! command group's arguments in its own file ([`plan`], [`team`], [`rules`], [`consent`]).

use crate::exit::EXIT_CODES_HELP;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

mod consent;
mod plan;
mod rules;
mod team;

pub use consent::*;
pub use plan::*;
pub use rules::*;
pub use team::*;

/// coord — who catches the citizen, so that he does not fall between two chairs?
///
/// Coordinates one citizen's course back to health and work between the jobcenter, the municipal
/// health services, the GP, the hospital, the employer and volunteers. Every command about a
/// citizen takes a case file (one JSON document per course) and uses coord's built-in reference
/// data unless `--reference FILE` replaces parts of it.
#[derive(Debug, Parser)]
#[command(name = "coord", version, after_help = EXIT_CODES_HELP)]
pub struct Cli {
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Lines a caseworker can read (tables wrapped to the terminal's width, `COLUMNS`).
    #[default]
    Text,
    /// The JSON answer envelope (as coord-json returns it).
    Json,
    /// Markdown, for a wiki or a document.
    Markdown,
    /// A self-contained HTML page.
    Html,
}

/// Label language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Lang {
    /// Danish.
    Da,
    /// English.
    #[default]
    En,
}

impl From<Lang> for coord_core::category::Language {
    fn from(l: Lang) -> Self {
        match l {
            Lang::Da => coord_core::category::Language::Da,
            Lang::En => coord_core::category::Language::En,
        }
    }
}

/// Options every command about a citizen shares.
#[derive(Debug, Clone, Args)]
pub struct Common {
    /// Reference data replacing parts of the built-in defaults (legal rules, consent policy …).
    #[arg(long, value_name = "FILE")]
    pub reference: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Language of labels in text output.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the embedded demo: the coordination report over five cases from the seeds, no files
    /// needed.
    #[command(after_help = "Examples:
  coord demo
  coord demo --lang da
  coord demo --format html --out-dir meeting/
  coord demo --consent

The five cases: an uncomplicated fracture back in six weeks; a cancer patient on a predictable
long course; back pain with depression, a weak network and no education (complex); a citizen in
rehabilitation after an accident with the jobcenter bridge-builder in the rehabilitation centre
(Hillerød); an unemployed citizen for whom a voluntary self-management group course is considered.")]
    Demo(DemoArgs),
    /// Access decisions: may this actor view, receive or report this information?
    #[command(subcommand)]
    Access(AccessCommand),
    /// Consents: validate them, find the missing ones, minimise a record.
    #[command(subcommand)]
    Consent(ConsentCommand),
    /// Run any coord-json call on a JSON call document (or NDJSON, one call per line).
    #[command(after_help = "Examples:
  coord call access-check < call.json
  coord call access-check --ndjson < calls.ndjson > answers.ndjson
  coord call --list

The call and answer shapes are in docs/schemas/NAME.call.json and NAME.answer.json.
Exit codes: 0 every call succeeded, 3 some call failed (see its errors), 2 unknown call.")]
    Call(CallArgs),
    /// Print the JSON Schema of a call or answer, or write them all.
    #[command(
        after_help = "Examples:\n  coord schema --list\n  coord schema case-file\n  coord schema --write docs/schemas"
    )]
    Schema(SchemaArgs),
    /// Referral and coordination rules: validate a pack, test it, list the facts rules can use.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Evaluate a case against the rule pack in force: coordination level, roles, referrals,
    /// deadlines, consent gaps and warnings, each naming its rule.
    #[command(after_help = "Examples:
  coord evaluate case.json --as-of 2025-03-10
  coord evaluate case.json --pack crates/coord-json/data/packs/dk-2025.json --as-of 2025-03-10 --explain
  coord evaluate --ndjson --pack dk-2025.json --as-of 2025-03-10 < cases.ndjson > results.ndjson

Without --pack the built-in pack in force on the date is used (Danish packs before 2025 and from
1 January 2025). Without --as-of the date is today (UTC).

Exit codes: 0 evaluated, 3 invalid input (case or pack), 4 I/O.")]
    Evaluate(EvaluateArgs),
    /// Synthetic case files as NDJSON (visibly synthetic names and ids), for benchmarks, pipeline
    /// tests and statistics.
    #[command(after_help = "Examples:
  coord generate --cases 100000 --seed 1 --as-of 2026-12-01 > cases.ndjson
  coord generate --cases 10000 --seed 7 --municipalities 5 --call report --as-of 2026-12-01 > calls.ndjson
  coord generate --cases 1000 --seed 1 --first 5000   # cases 5000-5999 of the same population

Distributions follow the COWI 2010 survey in DOMAIN.md section 8 (half musculoskeletal, over a
third psychological, two-thirds with anxiety/depression symptoms, half repeat cases); see
docs/generate.md. At most 10,000,000 cases a run. Exit codes: 0 written, 2 usage (limits), 4 I/O.")]
    Generate(crate::commands::generate::GenerateArgs),
    /// One summary row per course as of a date (no names, no identifiers), for statistics.
    #[command(after_help = "Examples:
  coord summarise case.json other.json --as-of 2026-12-01
  coord generate --cases 100000 --seed 1 --as-of 2026-12-01 | coord summarise --ndjson --as-of 2026-12-01 > rows.ndjson

Exit codes: 0 summarised, 3 invalid input (some line failed), 4 I/O.")]
    Summarise(crate::commands::summarise::SummariseArgs),
    /// Statistics across courses: partial aggregates, merging, the published report.
    #[command(subcommand)]
    Stats(crate::commands::stats::StatsCommand),
    /// The benefit weeks an intervention saves × the weekly sickness-benefit rate, against its cost.
    #[command(after_help = "Examples:
  coord generate --cases 100000 --seed 1 --as-of 2026-12-01 \\
    | coord summarise --ndjson --as-of 2026-12-01 --jobs 2 \\
    | coord stats partial --by target_group,level > strata.json
  coord business-case strata.json --intervention offer:brobygger-samtale --cost 3000
  coord business-case strata.json --intervention role:bridge_builder --weekly-rate 4500 --cost 3000 --format html --lang da > business.html

Courses with the intervention are compared with the other courses of the same cell of the
partial (observational, not causal; see docs/stats.md). The built-in weekly rate is a dated
setting marked NOT VERIFIED: set --weekly-rate or --settings. Exit codes: 0 made, 2 usage,
3 invalid input, 4 I/O.")]
    BusinessCase(crate::commands::business::BusinessCaseArgs),
    /// The care team: who holds the thread, the members, handovers, findings.
    #[command(after_help = "Examples:
  coord team case.json --as-of 2025-06-02
  coord team case.json --require coordinating_caseworker --require health_coordinator

Exit codes: 0 exactly one coordinating person and no findings, 1 findings, 3 invalid input.")]
    Team(TeamArgs),
    /// The referrals: states, response deadlines, stale ones first.
    #[command(after_help = "Example:
  coord referrals case.json --as-of 2025-06-02

Exit codes: 0 nothing stale, 1 stale referrals or a send without permit, 3 invalid input.")]
    Referrals(AsOfArgs),
    /// Change a referral's state.
    #[command(subcommand)]
    Referral(ReferralCommand),
    /// The offer catalogue: list it, match it to a citizen.
    #[command(subcommand)]
    Offers(OffersCommand),
    /// May attendance at an offer be reported to the employment side?
    #[command(after_help = "Example:
  coord attendance case.json --offer laer-at-tackle-kronisk --holder laer-at-tackle-hillerod \\
      --recipient sara --purpose health-and-work --at 2025-06-02T09:00:00+02:00

Exit codes: 0 forward or reportable, 1 withheld, 3 invalid input.")]
    Attendance(AttendanceArgs),
    /// Working days (hverdage) with the Danish public holidays.
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// The coordination report — the main job: level and why, who holds the thread, deadlines,
    /// referrals, consent gaps, plan findings, progression, offers; one page for the meeting.
    #[command(after_help = "Examples:
  coord report case.json --as-of 2025-06-02
  coord report case.json --as-of 2025-06-02 --format html --out meeting.html --lang da
  coord report case.json --format markdown --out report.md --svg progress.svg
  coord report case.json --format json

Without --pack the built-in rule pack in force on the date is used. Without --as-of the date is
today (UTC).

Exit codes: 0 nothing needs attention, 1 items need attention, 3 invalid input (nothing written), 4 I/O.")]
    Report(ReportArgs),
    /// The shared plan: check goals, activities, capacity and evaluations.
    #[command(subcommand)]
    Plan(PlanCommand),
    /// Instruments and indicators: list, show, score answers.
    #[command(subcommand)]
    Instruments(InstrumentsCommand),
    /// Progression per indicator and per goal, as a table, JSON or an SVG chart.
    #[command(after_help = "Examples:
  coord progress case.json --as-of 2025-08-15
  coord progress case.json --as-of 2025-08-15 --svg progress.svg --lang da
  coord progress case.json --format json

Exit codes: 0 computed, 3 invalid input (e.g. a measurement after --as-of; nothing written), 4 I/O.")]
    Progress(ProgressArgs),
    /// The audit log: verify its hash chain.
    #[command(subcommand)]
    Audit(crate::commands::audit::AuditCommand),
    /// FHIR R4: export a case file as a Bundle (DK Core identifiers), import one back.
    #[command(subcommand)]
    Fhir(crate::commands::fhir::FhirCommand),
    /// The citizen moves municipality: a Bundle for the new municipality with only what consent
    /// or a legal basis permits, and the course started there.
    #[command(subcommand)]
    Handover(crate::commands::handover::HandoverCommand),
}

/// A command that takes a case file and an evaluation date.
#[derive(Debug, Clone, Args)]
pub struct AsOfArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The evaluation date (default: today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord demo`.
#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Language of labels.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
    /// Write one file per case into this directory (e.g. HTML pages for the meeting) instead of
    /// printing.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Show the consent walkthrough instead (Hillerød: the bridge-builder's look into the
    /// rehabilitation record, the employer's request, the revocation).
    #[arg(long)]
    pub consent: bool,
}

/// `coord schema`.
#[derive(Debug, Clone, Args)]
pub struct SchemaArgs {
    /// The schema to print (see --list).
    #[arg(required_unless_present_any = ["list", "write"])]
    pub name: Option<String>,
    /// List the schema names.
    #[arg(long)]
    pub list: bool,
    /// Write every schema as NAME.json into this directory.
    #[arg(long, value_name = "DIR")]
    pub write: Option<PathBuf>,
}

/// `coord call`.
#[derive(Debug, Clone, Args)]
pub struct CallArgs {
    /// The call (see --list).
    #[arg(required_unless_present = "list")]
    pub name: Option<String>,
    /// List the calls.
    #[arg(long)]
    pub list: bool,
    /// Read one call per line and answer one line each.
    #[arg(long)]
    pub ndjson: bool,
    /// Read from this file instead of standard input.
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Reference data replacing parts of the built-in defaults for every call (a call's own
    /// `reference` part then replaces only that part, for that call).
    #[arg(long, value_name = "FILE")]
    pub reference: Option<PathBuf>,
    /// Append the audit entries of every access decision the calls release (`access-check`,
    /// `minimise`, `consent-gaps`, `referral-transition`, `attendance`, `handover-export`) to this
    /// file before the answers are printed; if they cannot be written, nothing more is released
    /// (exit 4).
    /// With `--ndjson` the lines are answered on one thread, in order.
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Options of --ndjson.
    #[command(flatten)]
    pub stream: crate::ndjson_cli::NdjsonOptions,
}

/// Output format of `coord report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    /// Text for the terminal.
    #[default]
    Text,
    /// The JSON answer envelope.
    Json,
    /// Markdown, for a wiki or a document.
    Markdown,
    /// A self-contained HTML page with the progression chart inline.
    Html,
}

/// `coord report`.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The date the report is made as of (YYYY-MM-DD); today (UTC) when left out.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// A rule pack file (or a built-in pack id such as
    /// dk-sickness-benefit-2025) to use instead of the built-in
    /// pack in force.
    #[arg(long, value_name = "FILE")]
    pub pack: Option<PathBuf>,
    /// The jurisdiction whose built-in pack is used.
    #[arg(long, default_value = "DK")]
    pub jurisdiction: String,
    /// Reference data replacing parts of the built-in defaults.
    #[arg(long, value_name = "FILE")]
    pub reference: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Write the report to this file (whole, or not at all) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Also write the progression chart as SVG.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Language of labels (English for the meeting, Danish for the citizen, unless given).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Whom the report is for: the coordination meeting, or the citizen (their own view, GDPR
    /// art. 15: goals, next steps, whom to call, voluntary or duty, who looked at what).
    #[arg(long = "for", value_enum, default_value_t = Audience::Meeting)]
    pub audience: Audience,
    /// The audit log (NDJSON, as `--audit-log` of `coord access check` writes it): who looked at
    /// what about the citizen (with `--for citizen`).
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
}

/// Whom a report is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Audience {
    /// The coordination meeting (caseworker, health partner, citizen at the table).
    #[default]
    Meeting,
    /// The citizen: their own plan in plain words.
    Citizen,
}
