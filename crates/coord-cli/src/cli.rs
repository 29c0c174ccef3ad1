//! The command line, declared with clap.

use crate::exit::EXIT_CODES_HELP;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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

/// `coord plan …`.
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Check the plan as of a day: goals without activity or indicator, missed evaluations,
    /// weeks over the citizen's capacity, voluntary health offers made obligatory, goals nobody
    /// is responsible for, duplicate goals.
    #[command(after_help = "Example:
  coord plan check case.json --as-of 2025-08-15

Exit codes: 0 no findings, 1 findings to act on, 3 invalid input, 4 I/O.")]
    Check(PlanCheckArgs),
}

/// `coord plan check`.
#[derive(Debug, Clone, Args)]
pub struct PlanCheckArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The day to check as of (YYYY-MM-DD); today when left out.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord progress`.
#[derive(Debug, Clone, Args)]
pub struct ProgressArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The day to compute progression as of (YYYY-MM-DD); today when left out.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Also write an SVG chart: one panel per indicator with bands and targets, and a star chart
    /// of baseline versus latest.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord instruments …`.
#[derive(Debug, Subcommand)]
pub enum InstrumentsCommand {
    /// List the instrument definitions (built-in, or from --reference).
    #[command(after_help = "Example:\n  coord instruments list")]
    List(InstrumentsArgs),
    /// Show one definition: items, options, bands, reliability, licence.
    #[command(after_help = "Example:\n  coord instruments show phq9 --lang da")]
    Show(InstrumentShowArgs),
    /// Score answers (one per item, in order; `-` for an unanswered item).
    #[command(after_help = "Examples:
  coord instruments score who5 --answers 3,3,3,3,3
  coord instruments score phq9 --answers 1,1,2,1,0,1,1,0,1 --format json

Exit codes: 0 scored, 1 scored with a safety flag raised, 3 invalid answers.")]
    Score(InstrumentScoreArgs),
}

/// `coord instruments list`.
#[derive(Debug, Clone, Args)]
pub struct InstrumentsArgs {
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord instruments show`.
#[derive(Debug, Clone, Args)]
pub struct InstrumentShowArgs {
    /// The instrument id (see `coord instruments list`).
    pub id: String,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord instruments score`.
#[derive(Debug, Clone, Args)]
pub struct InstrumentScoreArgs {
    /// The instrument id.
    pub id: String,
    /// The answers, comma-separated in item order (`-` or nothing for an unanswered item).
    #[arg(long, value_name = "LIST", allow_hyphen_values = true)]
    pub answers: String,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
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

/// `coord team`.
#[derive(Debug, Clone, Args)]
pub struct TeamArgs {
    /// The case file and date.
    #[command(flatten)]
    pub base: AsOfArgs,
    /// A role the rules require (repeat for several), e.g. `health_coordinator`.
    #[arg(long = "require", value_name = "ROLE")]
    pub require: Vec<String>,
}

/// `coord referral …`.
#[derive(Debug, Subcommand)]
pub enum ReferralCommand {
    /// Make one transition; prints the new state and the notifications. Writes nothing unless
    /// `--out FILE` (the whole case file, atomically).
    #[command(after_help = "Examples:
  coord referral transition case.json --referral r-lat --to accepted_by_citizen \\
      --by mona --at 2025-06-03T10:00:00+02:00 --out case.json
  coord referral transition case.json --referral r-stress --to completed --by helle \\
      --at 2025-06-18T12:00:00+02:00 --outcome successful

States: draft, proposed_to_citizen, accepted_by_citizen, declined_by_citizen, sent, received,
accepted, rejected, in_progress, completed, cancelled, expired.
Outcomes (for completed): successful, citizen_declined, no_capacity, could_not_contact, no_longer_needed.

Exit codes: 0 done, 1 not sent: a permit is missing, 3 invalid input or illegal transition (nothing written).")]
    Transition(TransitionArgs),
}

/// `coord referral transition`.
#[derive(Debug, Clone, Args)]
pub struct TransitionArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The referral's id.
    #[arg(long)]
    pub referral: String,
    /// The new state.
    #[arg(long)]
    pub to: String,
    /// Who makes the transition (an actor id).
    #[arg(long)]
    pub by: String,
    /// When, RFC 3339 with offset.
    #[arg(long)]
    pub at: String,
    /// Why (required for rejected and cancelled).
    #[arg(long)]
    pub reason: Option<String>,
    /// The outcome (required for completed).
    #[arg(long)]
    pub outcome: Option<String>,
    /// Write the case file with the transition recorded here (atomically; nothing on error).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Append the audit entry of the send permit (for `sent`) (as `coord access check --audit-log`) to this
    /// file before the answer is printed; if it cannot be written, nothing is released (exit 4).
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord offers …`.
#[derive(Debug, Subcommand)]
pub enum OffersCommand {
    /// List the offer catalogue (built-in unless `--reference` replaces it).
    #[command(after_help = "Example:\n  coord offers list\n  coord offers list --format json")]
    List(OffersListArgs),
    /// The offers that fit the citizen, best first, and why the others do not.
    #[command(after_help = "Example:\n  coord offers match case.json --as-of 2025-06-02")]
    Match(AsOfArgs),
}

/// `coord offers list`.
#[derive(Debug, Clone, Args)]
pub struct OffersListArgs {
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord attendance`.
#[derive(Debug, Clone, Args)]
pub struct AttendanceArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The offer attended.
    #[arg(long)]
    pub offer: String,
    /// Who holds the attendance record (an actor id).
    #[arg(long)]
    pub holder: String,
    /// Who would receive it (an actor id).
    #[arg(long)]
    pub recipient: String,
    /// The purpose id.
    #[arg(long)]
    pub purpose: String,
    /// When, RFC 3339 with offset.
    #[arg(long)]
    pub at: String,
    /// Append the audit entry of the decision to report or withhold attendance (as `coord access check --audit-log`) to this
    /// file before the answer is printed; if it cannot be written, nothing is released (exit 4).
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord calendar …`.
#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// The date N working days after DATE, and the holidays skipped.
    #[command(
        name = "add-working-days",
        after_help = "Example:\n  coord calendar add-working-days 2025-04-14 10   # 2025-05-01"
    )]
    AddWorkingDays(AddWorkingDaysArgs),
}

/// `coord calendar add-working-days`.
#[derive(Debug, Clone, Args)]
pub struct AddWorkingDaysArgs {
    /// The start date (not counted).
    pub date: String,
    /// How many working days.
    pub n: u32,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord rules …`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate rule packs: schema, unknown facts/roles/offers, type mismatches, conditions that
    /// never hold, duplicate ids, shadowed rules, overlapping packs, contradictory actions.
    #[command(after_help = "Examples:
  coord rules check crates/coord-json/data/packs/dk-2025.json
  coord rules check dk-pre-2025.json dk-2025.json --known-offer laer-at-tackle

Exit codes: 0 no errors (warnings allowed), 1 errors found, 3 a pack does not parse, 4 I/O.")]
    Check(RulesCheckArgs),
    /// Test a rule pack: its example tests, then its invariants on generated cases; a failure is
    /// shrunk to a minimal case that `coord evaluate` can replay.
    #[command(after_help = "Examples:
  coord rules test crates/coord-json/data/packs/dk-2025.json
  coord rules test my-pack.json --seed 42 --cases 2000 --counterexample minimal-case.json

Exit codes: 0 all passed, 1 an example or invariant failed, 3 invalid pack, 4 I/O.")]
    Test(RulesTestArgs),
    /// Compare two rule packs over the same cases on one date: per outcome (level, role,
    /// deadline, referral, warning), how many cases change and how, with a shrunk example each.
    #[command(after_help = "Examples:
  coord rules diff dk-sickness-benefit-2025 dk-sickness-benefit-2026 --generated 10000 --seed 1 --as-of 2026-12-01
  coord rules diff dk-sickness-benefit-2025 dk-sickness-benefit-2026 --generated 1000 --seed 1 --as-of 2026-12-01 --examples examples/
  coord rules diff dk-sickness-benefit-2026 my-pack.json --cases cases.ndjson --as-of 2026-12-01 --format json

A pack is a built-in pack id (dk-sickness-benefit-pre-2025, dk-sickness-benefit-2025,
dk-sickness-benefit-2026) or a pack file. Both packs apply on
the date as if given with coord evaluate --pack (also outside their period). Without --cases,
10,000 cases are generated from --seed (default 1). Each example replays with the two commands
shown (coord evaluate EXAMPLE.json --pack … --as-of …).

Exit codes: 0 compared (changes or not), 3 invalid input (a pack, a case line), 4 I/O.")]
    Diff(RulesDiffArgs),
    /// List the facts rules can test (name, type, meaning) and the vocabularies whose codes rules
    /// and case files use (code, labels, source, valid period).
    #[command(
        after_help = "Examples:\n  coord rules facts\n  coord rules facts --lang da\n  coord rules facts --format json"
    )]
    Facts(FactsArgs),
}

/// `coord rules check`.
#[derive(Debug, Clone, Args)]
pub struct RulesCheckArgs {
    /// The pack files (checked together: overlapping periods are reported).
    #[arg(required = true)]
    pub packs: Vec<PathBuf>,
    /// A further known offer id besides the reference data's offer catalogue (repeat); referrals
    /// to offers in neither are errors.
    #[arg(long, value_name = "ID")]
    pub known_offer: Vec<String>,
    /// A further known indicator id besides the reference data's instruments (repeat);
    /// `indicator_*.<id>` facts for others are errors.
    #[arg(long, value_name = "ID")]
    pub known_indicator: Vec<String>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord rules test`.
#[derive(Debug, Clone, Args)]
pub struct RulesTestArgs {
    /// The pack file.
    pub pack: PathBuf,
    /// The seed (printed when not given; reuse it to get the same cases).
    #[arg(long)]
    pub seed: Option<u64>,
    /// How many cases to generate.
    #[arg(long, default_value_t = 10_000)]
    pub cases: u32,
    /// Write the shrunk counterexample case here (only when an invariant fails).
    #[arg(long, value_name = "FILE")]
    pub counterexample: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord rules diff`.
#[derive(Debug, Clone, Args)]
pub struct RulesDiffArgs {
    /// Pack A (the earlier law): a built-in pack id or a pack file.
    pub pack_a: PathBuf,
    /// Pack B: a built-in pack id or a pack file.
    pub pack_b: PathBuf,
    /// The municipality's own cases, one case file per line (NDJSON).
    #[arg(long, value_name = "FILE.ndjson", conflicts_with = "generated")]
    pub cases: Option<PathBuf>,
    /// How many cases to generate (when --cases is not given).
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub generated: u32,
    /// The seed of the generated cases.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The evaluation date (YYYY-MM-DD); default today (UTC).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Write each generated example case to DIR/change-N.json (N as numbered in the output).
    #[arg(long, value_name = "DIR")]
    pub examples: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord rules facts`.
#[derive(Debug, Clone, Args)]
pub struct FactsArgs {
    /// Reference file (its vocabulary entries are listed with the built-in ones), format, language.
    #[command(flatten)]
    pub common: Common,
}

/// `coord evaluate`.
#[derive(Debug, Clone, Args)]
pub struct EvaluateArgs {
    /// The case file (`-` for standard input); not with --ndjson.
    #[arg(required_unless_present = "ndjson")]
    pub case: Option<PathBuf>,
    /// A rule pack file (or a built-in pack id such as
    /// dk-sickness-benefit-2025) to use instead of the built-in
    /// pack in force.
    #[arg(long, value_name = "FILE")]
    pub pack: Option<PathBuf>,
    /// The evaluation date (YYYY-MM-DD); default today (UTC).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Show a trace per rule: fired, or the first failing condition with the actual value.
    #[arg(long)]
    pub explain: bool,
    /// The jurisdiction whose built-in pack is used.
    #[arg(long, default_value = "DK")]
    pub jurisdiction: String,
    /// Read case files as NDJSON (one per line) from standard input or --input; one answer per line.
    #[arg(long, conflicts_with = "case")]
    pub ndjson: bool,
    /// With --ndjson: read from this file instead of standard input.
    #[arg(long, value_name = "FILE", requires = "ndjson")]
    pub input: Option<PathBuf>,
    /// Options of --ndjson.
    #[command(flatten)]
    pub stream: crate::ndjson_cli::NdjsonOptions,
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

/// `coord access …`.
#[derive(Debug, Subcommand)]
pub enum AccessCommand {
    /// Decide an access request, per information category.
    #[command(after_help = "Examples:
  coord access check case.json --request request.json
  coord access check case.json --requester mette --holder rehab-hillerod \\
      --category treatment_progress --category health_status --action view \\
      --purpose return-to-work --at 2025-04-01T09:00:00+02:00
  coord access check case.json --ndjson < requests.ndjson > decisions.ndjson

Exit codes: 0 all permitted, 1 some category denied, 2 usage, 3 invalid input, 4 I/O.")]
    Check(AccessCheckArgs),
}

/// `coord access check`.
#[derive(Debug, Clone, Args)]
pub struct AccessCheckArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The request as a JSON file (instead of the flags below).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["requester", "ndjson"])]
    pub request: Option<PathBuf>,
    /// Read requests as NDJSON from standard input (or --input) and write one answer per line.
    #[arg(long)]
    pub ndjson: bool,
    /// With --ndjson: read from this file instead of standard input.
    #[arg(long, value_name = "FILE", requires = "ndjson")]
    pub input: Option<PathBuf>,
    /// Who asks (an actor id in the case file).
    #[arg(long, requires_all = ["holder", "category", "action", "purpose", "at"])]
    pub requester: Option<String>,
    /// Who holds the information (an actor id).
    #[arg(long)]
    pub holder: Option<String>,
    /// An information category (repeat for several), e.g. `treatment_progress`.
    #[arg(long)]
    pub category: Vec<String>,
    /// `view`, `disclose` or `report_attendance`.
    #[arg(long)]
    pub action: Option<String>,
    /// The purpose id.
    #[arg(long)]
    pub purpose: Option<String>,
    /// The moment, RFC 3339 with offset (e.g. `2025-04-01T09:00:00+02:00`).
    #[arg(long)]
    pub at: Option<String>,
    /// Append one audit entry per decision (NDJSON: who, about whom, what, when, decision, basis)
    /// to this file, for the host to keep.
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Options of --ndjson (with --audit-log, lines are answered on one thread, in order).
    #[command(flatten)]
    pub stream: crate::ndjson_cli::NdjsonOptions,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord consent …`.
#[derive(Debug, Subcommand)]
pub enum ConsentCommand {
    /// Validate every consent of a case file (retssikkerhedsloven §11a, the consent policy) and the
    /// references around them.
    #[command(
        after_help = "Example:\n  coord consent validate case.json\n\nExit codes: 0 valid, 1 problems found, 3 invalid input, 4 I/O."
    )]
    Validate(CaseArgs),
    /// Say which consent an intended flow lacks, as the consent to ask the citizen for.
    #[command(after_help = "Example:
  coord consent gaps case.json --holder rehab-hillerod --recipient mette \\
      --category treatment_progress --category attendance --action disclose \\
      --purpose return-to-work --at 2025-04-01T09:00:00+02:00

Exit codes: 0 nothing missing, 1 a consent is missing or a flow is forbidden, 3 invalid input.")]
    Gaps(GapsArgs),
    /// Release only the permitted sections of a record (minimisation).
    #[command(
        after_help = "Example:\n  coord consent minimise case.json --release release.json\n\nExit codes: 0 all released, 1 something withheld, 3 invalid input."
    )]
    Minimise(MinimiseArgs),
}

/// A command that takes just a case file.
#[derive(Debug, Clone, Args)]
pub struct CaseArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord consent gaps`.
#[derive(Debug, Clone, Args)]
pub struct GapsArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// Who holds the information (an actor id).
    #[arg(long)]
    pub holder: String,
    /// Who should receive it (an actor id).
    #[arg(long)]
    pub recipient: String,
    /// An information category (repeat for several).
    #[arg(long, required = true)]
    pub category: Vec<String>,
    /// `view`, `disclose` or `report_attendance`.
    #[arg(long)]
    pub action: String,
    /// The purpose id.
    #[arg(long)]
    pub purpose: String,
    /// The moment, RFC 3339 with offset.
    #[arg(long)]
    pub at: String,
    /// Append the audit entry of the decision per category (as `coord access check --audit-log`) to this
    /// file before the answer is printed; if it cannot be written, nothing is released (exit 4).
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `coord consent minimise`.
#[derive(Debug, Clone, Args)]
pub struct MinimiseArgs {
    /// The case file (`-` for standard input).
    pub case: PathBuf,
    /// The release request with its record, as JSON.
    #[arg(long, value_name = "FILE")]
    pub release: PathBuf,
    /// Append the release decision's audit entry (as `coord access check --audit-log`) to this
    /// file before the minimised record is printed; if it cannot be written, nothing is released.
    #[arg(long, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
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
