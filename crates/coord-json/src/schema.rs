//! The JSON Schemas of every call and answer, generated from the types. They are committed under
//! `docs/schemas/` and a test fails when they drift.

use crate::calls::consent::{
    AccessCheckCall, ConsentGapsCall, ConsentValidateCall, ConsentValidation, MinimiseCall,
};
use crate::calls::plan::{PlanCheckCall, ProgressCall, ScoreCall};
use crate::calls::rules::{EvaluateCall, PackCheck, PackTestReport, RulesCheckCall, RulesTestCall};
use crate::calls::team;
use crate::envelope::Answer;
use crate::reference::ReferenceOverrides;
use coord_core::case_file::CaseFile;
use coord_core::consent::{AccessDecision, AccessRequest, ConsentGapReport, MinimisedRecord};
use coord_core::facts::FactListing;
use coord_core::instruments::{InstrumentDefinition, Score};
use coord_core::plan::{PlanCheck, ProgressReport};
use coord_core::rules::evaluate::Evaluation;
use coord_core::rules::RulePack;
use schemars::{schema_for, Schema};

/// Every schema coord publishes: a file name (without `.json`) and the schema.
pub fn all() -> Vec<(&'static str, Schema)> {
    vec![
        ("case-file", schema_for!(CaseFile)),
        (
            "audit-verify.call",
            schema_for!(crate::calls::audit::AuditVerifyCall),
        ),
        (
            "audit-verify.answer",
            schema_for!(Answer<crate::calls::audit::AuditVerification>),
        ),
        (
            "audit-record",
            schema_for!(crate::calls::audit::AuditRecord),
        ),
        ("reference-data", schema_for!(ReferenceOverrides)),
        (
            "demo-consent.answer",
            schema_for!(Answer<crate::demo::ConsentWalkthrough>),
        ),
        ("access-request", schema_for!(AccessRequest)),
        ("access-check.call", schema_for!(AccessCheckCall)),
        ("access-check.answer", schema_for!(Answer<AccessDecision>)),
        ("consent-validate.call", schema_for!(ConsentValidateCall)),
        (
            "consent-validate.answer",
            schema_for!(Answer<ConsentValidation>),
        ),
        ("minimise.call", schema_for!(MinimiseCall)),
        ("minimise.answer", schema_for!(Answer<MinimisedRecord>)),
        ("consent-gaps.call", schema_for!(ConsentGapsCall)),
        ("consent-gaps.answer", schema_for!(Answer<ConsentGapReport>)),
        ("rule-pack", schema_for!(RulePack)),
        ("rules-check.call", schema_for!(RulesCheckCall)),
        ("rules-check.answer", schema_for!(Answer<PackCheck>)),
        ("rules-test.call", schema_for!(RulesTestCall)),
        ("rules-test.answer", schema_for!(Answer<PackTestReport>)),
        (
            "rules-diff.call",
            schema_for!(crate::calls::diff::RulesDiffCall),
        ),
        (
            "rules-diff.answer",
            schema_for!(Answer<coord_core::rules::diff::PackDiff>),
        ),
        (
            "rules-facts.call",
            schema_for!(crate::calls::rules::RulesFactsCall),
        ),
        ("rules-facts.answer", schema_for!(Answer<FactListing>)),
        ("evaluate.call", schema_for!(EvaluateCall)),
        ("evaluate.answer", schema_for!(Answer<Evaluation>)),
        ("team.call", schema_for!(team::TeamCall)),
        (
            "team.answer",
            schema_for!(Answer<coord_core::team::TeamReport>),
        ),
        ("referrals.call", schema_for!(team::ReferralsCall)),
        (
            "referrals.answer",
            schema_for!(Answer<coord_core::referral::ReferralOverview>),
        ),
        (
            "referral-transition.call",
            schema_for!(team::ReferralTransitionCall),
        ),
        (
            "referral-transition.answer",
            schema_for!(Answer<team::ReferralTransitionAnswer>),
        ),
        ("offers-list.call", schema_for!(team::OffersListCall)),
        (
            "offers-list.answer",
            schema_for!(Answer<coord_core::offers::OfferCatalogue>),
        ),
        ("offers-match.call", schema_for!(team::OffersMatchCall)),
        (
            "offers-match.answer",
            schema_for!(Answer<coord_core::offers::OfferMatch>),
        ),
        ("attendance.call", schema_for!(team::AttendanceCall)),
        (
            "attendance.answer",
            schema_for!(Answer<coord_core::attendance::AttendanceDecision>),
        ),
        ("working-days.call", schema_for!(team::WorkingDaysCall)),
        (
            "working-days.answer",
            schema_for!(Answer<coord_core::calendar::WorkingDaysAnswer>),
        ),
        (
            "instrument-definitions",
            schema_for!(Vec<InstrumentDefinition>),
        ),
        ("plan-check.call", schema_for!(PlanCheckCall)),
        ("plan-check.answer", schema_for!(Answer<PlanCheck>)),
        ("instrument-score.call", schema_for!(ScoreCall)),
        ("instrument-score.answer", schema_for!(Answer<Score>)),
        ("progress.call", schema_for!(ProgressCall)),
        ("progress.answer", schema_for!(Answer<ProgressReport>)),
        ("report.call", schema_for!(crate::calls::report::ReportCall)),
        (
            "report.answer",
            schema_for!(Answer<coord_core::report::CoordinationReport>),
        ),
        (
            "instruments-list.call",
            schema_for!(crate::calls::instruments::InstrumentsListCall),
        ),
        (
            "instruments-list.answer",
            schema_for!(Answer<Vec<InstrumentDefinition>>),
        ),
        (
            "instrument-show.call",
            schema_for!(crate::calls::instruments::InstrumentShowCall),
        ),
        (
            "instrument-show.answer",
            schema_for!(Answer<InstrumentDefinition>),
        ),
        (
            "citizen-report.call",
            schema_for!(crate::calls::citizen::CitizenReportCall),
        ),
        (
            "citizen-report.answer",
            schema_for!(Answer<coord_core::report::CitizenView>),
        ),
        (
            "fhir-export.call",
            schema_for!(crate::calls::fhir::FhirExportCall),
        ),
        (
            "fhir-export.answer",
            schema_for!(Answer<coord_fhir::FhirExport>),
        ),
        (
            "fhir-import.call",
            schema_for!(crate::calls::fhir::FhirImportCall),
        ),
        (
            "fhir-import.answer",
            schema_for!(Answer<coord_fhir::FhirImport>),
        ),
        (
            "handover-export.call",
            schema_for!(crate::calls::handover::HandoverExportCall),
        ),
        (
            "handover-export.answer",
            schema_for!(Answer<crate::calls::handover::HandoverExport>),
        ),
        (
            "handover-import.call",
            schema_for!(crate::calls::handover::HandoverImportCall),
        ),
        (
            "handover-import.answer",
            schema_for!(Answer<coord_core::handover::HandoverStart>),
        ),
        (
            "generate.call",
            schema_for!(crate::calls::generate::GenerateCall),
        ),
        (
            "generate.answer",
            schema_for!(Answer<crate::calls::generate::GeneratedCases>),
        ),
        (
            "summarise.call",
            schema_for!(crate::calls::stats::SummariseCall),
        ),
        (
            "summarise.answer",
            schema_for!(Answer<crate::calls::stats::Summaries>),
        ),
        (
            "stats-partial.call",
            schema_for!(crate::calls::stats::StatsPartialCall),
        ),
        (
            "stats-partial.answer",
            schema_for!(Answer<coord_core::stats::Partial>),
        ),
        (
            "stats-merge.call",
            schema_for!(crate::calls::stats::StatsMergeCall),
        ),
        (
            "stats-merge.answer",
            schema_for!(Answer<coord_core::stats::Partial>),
        ),
        (
            "stats-report.call",
            schema_for!(crate::calls::stats::StatsReportCall),
        ),
        (
            "stats-report.answer",
            schema_for!(Answer<coord_core::stats::StatsReport>),
        ),
        (
            "stats-benchmark.call",
            schema_for!(crate::calls::benchmark::StatsBenchmarkCall),
        ),
        (
            "stats-benchmark.answer",
            schema_for!(Answer<coord_core::stats::Benchmark>),
        ),
        (
            "business-case.call",
            schema_for!(crate::calls::business::BusinessCaseCall),
        ),
        (
            "business-case.answer",
            schema_for!(Answer<coord_core::stats::BusinessCase>),
        ),
        (
            "course-summary",
            schema_for!(coord_core::stats::CourseSummary),
        ),
    ]
}

/// The schema named `name`, if there is one.
pub fn by_name(name: &str) -> Option<Schema> {
    all().into_iter().find(|(n, _)| *n == name).map(|(_, s)| s)
}

/// A schema as the pretty JSON text that is committed (with a final newline).
pub fn to_text(schema: &Schema) -> String {
    let mut s = serde_json::to_string_pretty(schema).unwrap_or_default();
    s.push('\n');
    s
}
