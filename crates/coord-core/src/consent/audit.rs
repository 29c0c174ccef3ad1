//! The audit entry every decision yields, for the host to store (GDPR art. 5(2), 7(1): the
//! controller must be able to show what was shared, with whom, on which grounds). The core stores
//! nothing.

use super::decide::{AccessDecision, Verdict};
use super::model::Action;
use crate::category::{InformationCategory, Language};
use crate::ids::{ActorId, CaseId, CitizenId, PurposeId};
use crate::time::Instant;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One line of the audit log: who asked, about whom, for what, when, and per category the decision
/// and its grounds or reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    /// When the request was made (the decision's moment).
    pub at: Instant,
    /// Who asked.
    pub requester: ActorId,
    /// About whom.
    pub citizen: CitizenId,
    /// In which case.
    pub case: CaseId,
    /// Whose information.
    pub holder: ActorId,
    /// Which action.
    pub action: Action,
    /// For which purpose.
    pub purpose: PurposeId,
    /// Per category: permitted or not, and why.
    pub decisions: Vec<AuditDecision>,
}

impl AuditEntry {
    /// Whether this entry concerns `case`: it was made in this case about this citizen (an entry
    /// naming the case with another citizen, or the citizen in another case, does not).
    pub fn concerns(&self, case: &crate::case_file::CaseFile) -> bool {
        self.case == case.id && self.citizen == case.citizen.id
    }
}

/// The entries of `log` that concern `case` and were made on or before `as_of`, in log order:
/// what an export of the case as of that day may show of the audit log.
pub fn concerning<'a>(
    log: &'a [AuditEntry],
    case: &crate::case_file::CaseFile,
    as_of: chrono::NaiveDate,
) -> Vec<&'a AuditEntry> {
    log.iter()
        .filter(|e| e.concerns(case) && crate::time::date_of(&e.at) <= as_of)
        .collect()
}

/// The audited decision for one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditDecision {
    /// The category.
    pub category: InformationCategory,
    /// Whether it was permitted.
    pub permitted: bool,
    /// The grounds (when permitted) or the reason (when denied), in English.
    pub basis: String,
    /// The same in Danish (absent in entries written before it was recorded).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis_da: String,
}

/// An answer that releases access decisions: which entries the audit log must hold before the
/// answer leaves coord. The core decides what is logged; adapters only write the entries.
pub trait Audited {
    /// The audit entries of every access decision in this answer, in order.
    fn audit_entries(&self) -> Vec<AuditEntry>;
}

impl Audited for AccessDecision {
    fn audit_entries(&self) -> Vec<AuditEntry> {
        vec![self.audit_entry()]
    }
}

impl Audited for super::minimise::MinimisedRecord {
    /// The release decision behind the sections released and withheld.
    fn audit_entries(&self) -> Vec<AuditEntry> {
        vec![self.decision.audit_entry()]
    }
}

impl Audited for super::gaps::ConsentGapReport {
    /// The decision per category of the flow: permitted, or missing/blocked with today's reason.
    fn audit_entries(&self) -> Vec<AuditEntry> {
        let f = &self.flow;
        let mut outcomes: Vec<&super::decide::CategoryOutcome> = self
            .permitted
            .iter()
            .chain(&self.missing)
            .chain(&self.blocked)
            .collect();
        // In the order the flow names the categories.
        outcomes.sort_by_key(|o| f.categories.iter().position(|c| *c == o.category));
        vec![AuditEntry {
            at: f.at,
            requester: f.recipient.clone(),
            citizen: self.citizen.clone(),
            case: self.case.clone(),
            holder: f.holder.clone(),
            action: f.action,
            purpose: f.purpose.clone(),
            decisions: outcomes.into_iter().map(audit_decision).collect(),
        }]
    }
}

impl Audited for crate::referral::TransitionResult {
    /// The send permit, when the step was `sent` and the referral carries information: what was
    /// disclosed to the receiver, on which grounds. Other steps disclose nothing.
    fn audit_entries(&self) -> Vec<AuditEntry> {
        self.permit
            .as_ref()
            .map(Audited::audit_entries)
            .unwrap_or_default()
    }
}

impl Audited for crate::referral::TransitionApplied {
    /// The transition's send permit.
    fn audit_entries(&self) -> Vec<AuditEntry> {
        self.transition.audit_entries()
    }
}

impl Audited for crate::attendance::AttendanceDecision {
    /// The decision to report attendance or withhold it.
    fn audit_entries(&self) -> Vec<AuditEntry> {
        use crate::attendance::AttendanceAnswer;
        let q = &self.question;
        let (permitted, basis, basis_da) = match &self.answer {
            AttendanceAnswer::Forward { grounds } => (
                true,
                grounds.describe(Language::En),
                grounds.describe(Language::Da),
            ),
            AttendanceAnswer::Reportable => (
                true,
                DUTY_TO_ATTEND.1.to_string(),
                DUTY_TO_ATTEND.0.to_string(),
            ),
            AttendanceAnswer::Withheld { reason, .. } => (
                false,
                reason.describe(Language::En),
                reason.describe(Language::Da),
            ),
        };
        vec![AuditEntry {
            at: q.at,
            requester: q.recipient.clone(),
            citizen: self.citizen.clone(),
            case: self.case.clone(),
            holder: q.holder.clone(),
            action: Action::ReportAttendance,
            purpose: q.purpose.clone(),
            decisions: vec![AuditDecision {
                category: InformationCategory::Attendance,
                permitted,
                basis,
                basis_da,
            }],
        }]
    }
}

/// The basis of reporting attendance at an obligatory employment activity.
const DUTY_TO_ATTEND: (&str, &str) = (
    "kan indberettes efter pligten til at deltage i en obligatorisk beskæftigelsesaktivitet",
    "reportable under the duty to take part in an obligatory employment activity",
);

fn audit_decision(o: &super::decide::CategoryOutcome) -> AuditDecision {
    AuditDecision {
        category: o.category,
        permitted: o.verdict.is_permit(),
        basis: match &o.verdict {
            Verdict::Permit { grounds } => grounds.describe(Language::En),
            Verdict::Deny { reason } => reason.describe(Language::En),
        },
        basis_da: match &o.verdict {
            Verdict::Permit { grounds } => grounds.describe(Language::Da),
            Verdict::Deny { reason } => reason.describe(Language::Da),
        },
    }
}

impl AccessDecision {
    /// The audit entry for this decision.
    pub fn audit_entry(&self) -> AuditEntry {
        let r = &self.request;
        AuditEntry {
            at: r.at,
            requester: r.requester.clone(),
            citizen: r.citizen.clone(),
            case: r.case.clone(),
            holder: r.holder.clone(),
            action: r.action,
            purpose: r.purpose.clone(),
            decisions: self.outcomes.iter().map(audit_decision).collect(),
        }
    }
}

impl Audited for crate::handover::HandoverRelease {
    /// The release decision for the new municipality: one entry, per category permitted or not
    /// and why (no content of the case file).
    fn audit_entries(&self) -> Vec<AuditEntry> {
        vec![self.decision.audit_entry()]
    }
}
