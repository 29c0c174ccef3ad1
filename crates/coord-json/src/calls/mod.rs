//! One typed call and answer per operation. Each function is a thin wrapper: resolve reference
//! data, check the case, call the core, wrap the answer.

pub mod audit;
pub mod benchmark;
pub mod business;
pub mod citizen;
pub mod consent;
pub mod diff;
pub mod fhir;
pub mod generate;
pub mod handover;
pub mod instruments;
pub mod lines;
pub mod pack_ref;
pub mod plan;
pub mod report;
pub mod rules;
pub mod stats;
pub mod streams;
pub mod team;

use crate::envelope::{Answer, Problem};
use crate::parse::parse;
use crate::problems::problems;
use crate::shared::Shared;
use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::pointer::Pointer;
use coord_core::reference::ReferenceData;
use serde::de::DeserializeOwned;

/// Parse a call document and run it.
pub fn call_json<C: DeserializeOwned, R>(
    text: &str,
    run: impl FnOnce(C) -> Answer<R>,
) -> Answer<R> {
    match parse::<C>(text) {
        Ok(call) => run(call),
        Err(p) => Answer::failure(vec![p]),
    }
}

/// Run a call with the built-in reference data (parsed and checked for this one call; share it
/// over many calls with the `_with` form of each call and [`Shared`]).
pub fn with_builtin<C, R>(call: C, run: impl FnOnce(&Shared, C) -> Answer<R>) -> Answer<R> {
    match Shared::builtin() {
        Ok(shared) => run(&shared, call),
        Err(problems) => Answer::failure(problems),
    }
}

/// Check a case file that sits at `/case` of a call.
pub fn check_case(case: CaseFile, reference: &ReferenceData) -> Result<CheckedCase, Vec<Problem>> {
    CheckedCase::new(case, reference).map_err(|e| problems(&e, &Pointer::root().key("case")))
}

/// Check a case file given as a document of its own (pointers from its root).
pub fn check_case_document(
    case: CaseFile,
    reference: &ReferenceData,
) -> Result<CheckedCase, Vec<Problem>> {
    CheckedCase::new(case, reference).map_err(|e| problems(&e, &Pointer::root()))
}

/// Run the call named `name` (as listed by [`CALL_NAMES`]) on one JSON document; `None` for an
/// unknown name. The answer comes back as a JSON value so callers can stream any call the same way.
pub fn run_named(name: &str, text: &str) -> Option<(serde_json::Value, bool)> {
    fn finish<R: serde::Serialize>(a: Answer<R>) -> (serde_json::Value, bool) {
        let ok = a.result().is_some();
        (
            serde_json::to_value(&a).unwrap_or(serde_json::Value::Null),
            ok,
        )
    }
    Some(match name {
        "access-check" => finish(call_json(text, consent::access_check)),
        "consent-validate" => finish(call_json(text, consent::consent_validate)),
        "minimise" => finish(call_json(text, consent::minimise_record)),
        "consent-gaps" => finish(call_json(text, consent::consent_gaps_call)),
        "plan-check" => finish(call_json(text, plan::plan_check)),
        "instrument-score" => finish(call_json(text, plan::instrument_score)),
        "progress" => finish(call_json(text, plan::progress)),
        "rules-check" => finish(call_json(text, rules::rules_check)),
        "rules-test" => finish(call_json(text, rules::rules_test)),
        "rules-diff" => finish(call_json(text, diff::rules_diff)),
        "evaluate" => finish(call_json(text, rules::evaluate_call)),
        "team" => finish(call_json(text, team::team)),
        "referrals" => finish(call_json(text, team::referrals)),
        "referral-transition" => finish(call_json(text, team::referral_transition)),
        "offers-list" => finish(call_json(text, team::offers_list)),
        "offers-match" => finish(call_json(text, team::offers_match)),
        "attendance" => finish(call_json(text, team::attendance)),
        "working-days" => finish(call_json(text, team::add_working_days)),
        "report" => finish(call_json(text, report::report)),
        "instruments-list" => finish(call_json(text, instruments::instruments_list)),
        "instrument-show" => finish(call_json(text, instruments::instrument_show)),
        "citizen-report" => finish(call_json(text, citizen::citizen_report)),
        "audit-verify" => finish(call_json(text, audit::audit_verify)),
        "generate" => finish(call_json(text, generate::generate)),
        "summarise" => finish(call_json(text, stats::summarise_call)),
        "stats-partial" => finish(call_json(text, stats::stats_partial)),
        "stats-merge" => finish(call_json(text, stats::stats_merge)),
        "stats-report" => finish(call_json(text, stats::stats_report_call)),
        "stats-benchmark" => finish(call_json(text, benchmark::stats_benchmark)),
        "business-case" => finish(call_json(text, business::business_case_call)),
        "fhir-export" => finish(call_json(text, fhir::fhir_export)),
        "fhir-import" => finish(call_json(text, fhir::fhir_import)),
        "handover-export" => finish(call_json(text, handover::handover_export)),
        "handover-import" => finish(call_json(text, handover::handover_import)),
        _ => return None,
    })
}

/// A call's answer as JSON, with the audit entries of the access decisions it releases.
#[derive(Debug, Clone)]
pub struct NamedAnswer {
    /// The answer envelope.
    pub value: serde_json::Value,
    /// Whether the answer is a success.
    pub ok: bool,
    /// The audit entries the core names for the answer ([`coord_core::consent::Audited`]); empty
    /// for a failure and for calls that decide nothing about access.
    pub audit: Vec<coord_core::consent::AuditEntry>,
}

/// The calls whose answers release access decisions, and so have audit entries.
pub const AUDITED_CALLS: &[&str] = &[
    "access-check",
    "minimise",
    "consent-gaps",
    "referral-transition",
    "attendance",
    "handover-export",
];

/// [`run_named`], with the audit entries of the answer (for the calls in [`AUDITED_CALLS`]).
pub fn run_named_audited(name: &str, text: &str) -> Option<NamedAnswer> {
    fn audited<R: serde::Serialize + coord_core::consent::Audited>(a: Answer<R>) -> NamedAnswer {
        let audit = a.result().map(|r| r.audit_entries()).unwrap_or_default();
        let ok = a.result().is_some();
        NamedAnswer {
            value: serde_json::to_value(&a).unwrap_or(serde_json::Value::Null),
            ok,
            audit,
        }
    }
    Some(match name {
        "access-check" => audited(call_json(text, consent::access_check)),
        "minimise" => audited(call_json(text, consent::minimise_record)),
        "consent-gaps" => audited(call_json(text, consent::consent_gaps_call)),
        "referral-transition" => audited(call_json(text, team::referral_transition)),
        "attendance" => audited(call_json(text, team::attendance)),
        "handover-export" => audited(call_json(text, handover::handover_export)),
        _ => {
            let (value, ok) = run_named(name, text)?;
            NamedAnswer {
                value,
                ok,
                audit: Vec::new(),
            }
        }
    })
}

/// The names [`run_named`] knows; each has `NAME.call` and `NAME.answer` schemas.
pub const CALL_NAMES: &[&str] = &[
    "access-check",
    "consent-validate",
    "minimise",
    "consent-gaps",
    "plan-check",
    "instrument-score",
    "progress",
    "rules-check",
    "rules-test",
    "rules-diff",
    "evaluate",
    "team",
    "referrals",
    "referral-transition",
    "offers-list",
    "offers-match",
    "attendance",
    "working-days",
    "report",
    "instruments-list",
    "instrument-show",
    "citizen-report",
    "audit-verify",
    "generate",
    "summarise",
    "stats-partial",
    "stats-merge",
    "stats-report",
    "stats-benchmark",
    "business-case",
    "fhir-export",
    "fhir-import",
    "handover-export",
    "handover-import",
];
