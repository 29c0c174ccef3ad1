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
            decisions: self
                .outcomes
                .iter()
                .map(|o| AuditDecision {
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
                })
                .collect(),
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
