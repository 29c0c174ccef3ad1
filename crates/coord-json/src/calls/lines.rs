//! Every call as NDJSON lines: one call document per line (with an optional `id`), answered with
//! reference data parsed and checked once for the whole stream ([`Shared`]).

use super::{
    audit, citizen, consent, diff, fhir, generate, handover, instruments, plan, report, rules,
    stats, team,
};
use crate::envelope::Answer;
use crate::ndjson::{Lines, TypedLines};
use crate::shared::Shared;
use coord_core::consent::{AuditEntry, Audited};

/// The lines of the call named `name` (as listed by [`super::CALL_NAMES`]), answered with `shared`;
/// `None` for an unknown name.
pub fn call_lines<'s>(name: &str, shared: &'s Shared) -> Option<Box<dyn Lines + 's>> {
    macro_rules! with {
        ($f:path) => {
            Box::new(TypedLines::new(move |c| $f(shared, c)))
        };
    }
    Some(match name {
        "access-check" => with!(consent::access_check_with),
        "consent-validate" => with!(consent::consent_validate_with),
        "minimise" => with!(consent::minimise_record_with),
        "consent-gaps" => with!(consent::consent_gaps_call_with),
        "plan-check" => with!(plan::plan_check_with),
        "instrument-score" => with!(plan::instrument_score_with),
        "progress" => with!(plan::progress_with),
        "rules-check" => with!(rules::rules_check_with),
        "rules-test" => with!(rules::rules_test_with),
        "rules-diff" => with!(diff::rules_diff_with),
        "evaluate" => with!(rules::evaluate_call_with),
        "team" => with!(team::team_with),
        "referrals" => with!(team::referrals_with),
        "referral-transition" => with!(team::referral_transition_with),
        "offers-list" => with!(team::offers_list_with),
        "offers-match" => with!(team::offers_match_with),
        "attendance" => with!(team::attendance_with),
        "working-days" => with!(team::add_working_days_with),
        "report" => with!(report::report_with),
        "summarise" => with!(stats::summarise_call_with),
        "fhir-export" => with!(fhir::fhir_export_with),
        "fhir-import" => with!(fhir::fhir_import_with),
        "handover-export" => with!(handover::handover_export_with),
        "handover-import" => with!(handover::handover_import_with),
        "generate" => Box::new(TypedLines::new(generate::generate)),
        // Calls that read reference data rarely or not at all: answered one by one.
        "instruments-list" => Box::new(TypedLines::new(instruments::instruments_list)),
        "instrument-show" => Box::new(TypedLines::new(instruments::instrument_show)),
        "citizen-report" => Box::new(TypedLines::new(citizen::citizen_report)),
        "audit-verify" => Box::new(TypedLines::new(audit::audit_verify)),
        "stats-partial" => Box::new(TypedLines::new(stats::stats_partial)),
        "stats-merge" => Box::new(TypedLines::new(stats::stats_merge)),
        "stats-report" => Box::new(TypedLines::new(stats::stats_report_call)),
        "stats-benchmark" => Box::new(TypedLines::new(super::benchmark::stats_benchmark)),
        "business-case" => Box::new(TypedLines::new(super::business::business_case_call)),
        _ => return None,
    })
}

/// [`call_lines`], with `on_decision` told the audit entries of every answer that releases access
/// decisions (the calls in [`super::AUDITED_CALLS`]) before the answer is written.
pub fn call_lines_audited<'s>(
    name: &str,
    shared: &'s Shared,
    on_decision: &'s (dyn Fn(&AuditEntry) + Sync),
) -> Option<Box<dyn Lines + 's>> {
    fn tell<R: Audited>(a: Answer<R>, on_decision: &(dyn Fn(&AuditEntry) + Sync)) -> Answer<R> {
        if let Some(r) = a.result() {
            for entry in r.audit_entries() {
                on_decision(&entry);
            }
        }
        a
    }
    macro_rules! audited {
        ($f:path) => {
            Box::new(TypedLines::new(move |c| tell($f(shared, c), on_decision)))
        };
    }
    Some(match name {
        "access-check" => audited!(consent::access_check_with),
        "minimise" => audited!(consent::minimise_record_with),
        "consent-gaps" => audited!(consent::consent_gaps_call_with),
        "referral-transition" => audited!(team::referral_transition_with),
        "attendance" => audited!(team::attendance_with),
        "handover-export" => audited!(handover::handover_export_with),
        _ => return call_lines(name, shared),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ndjson::stream;

    #[test]
    fn every_call_name_has_lines() {
        let shared = Shared::builtin().unwrap();
        for name in super::super::CALL_NAMES {
            assert!(call_lines(name, &shared).is_some(), "{name}");
        }
        assert!(call_lines("nope", &shared).is_none());
    }

    #[test]
    fn a_line_answer_is_the_single_call_answer_with_line_and_id() {
        let shared = Shared::builtin().unwrap();
        let lines = call_lines("working-days", &shared).unwrap();
        let input = "{\"id\":\"w1\",\"from\":\"2025-04-14\",\"working_days\":10}\n\n{\"from\":\"2025-04-14\",\"working_days\":\"x\"}\n";
        let mut out = Vec::new();
        stream(input.as_bytes(), &mut out, lines.as_ref(), 1, &mut |_| {}).unwrap();
        let text = String::from_utf8(out).unwrap();
        let answers: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let single = super::super::run_named(
            "working-days",
            "{\"from\":\"2025-04-14\",\"working_days\":10}",
        )
        .unwrap()
        .0;
        assert_eq!(answers[0]["id"], "w1");
        assert_eq!(answers[0]["line"], 1);
        assert_eq!(answers[0]["result"], single["result"]);
        assert_eq!(answers[0]["result"]["date"], "2025-05-01");
        assert_eq!(answers[1]["line"], 3);
        assert_eq!(answers[1]["status"], "failure");
        assert!(answers[1].get("id").is_none());
    }
}
