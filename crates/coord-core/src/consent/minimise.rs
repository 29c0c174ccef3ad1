//! Minimisation: release only the sections of a record the recipient may see, and list the
//! withheld ones ("the fewest possible pieces of information", seed 002 §10; GDPR art. 5(1)(c)).

use super::decide::{
    AccessDecision, AccessIndex, AccessRequest, DenyReason, RequestError, Verdict,
};
use super::model::Action;
use crate::category::InformationCategory;
use crate::ids::{ActorId, CaseId, CitizenId, PurposeId, SectionId};
use crate::time::Instant;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One categorised section of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's id in the holder's record.
    pub id: SectionId,
    /// What kind of information it holds.
    pub category: InformationCategory,
    /// A heading ("Progress in training, week 6").
    pub title: String,
    /// The content, passed through untouched when released.
    pub content: String,
}

/// A record made of categorised sections, held by one actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Who holds the record.
    pub holder: ActorId,
    /// The sections.
    pub sections: Vec<Section>,
}

/// A request to release a record to someone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReleaseRequest {
    /// Who would receive or look at the record.
    pub requester: ActorId,
    /// About which citizen.
    pub citizen: CitizenId,
    /// In which case.
    pub case: CaseId,
    /// View or disclose.
    pub action: Action,
    /// For which purpose.
    pub purpose: PurposeId,
    /// At which moment.
    pub at: Instant,
    /// The record.
    pub record: Record,
}

/// A section that was not released, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WithheldSection {
    /// The section's id.
    pub id: SectionId,
    /// Its category.
    pub category: InformationCategory,
    /// Its heading.
    pub title: String,
    /// Why it was withheld.
    pub reason: DenyReason,
}

/// The record cut down to what may be released.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MinimisedRecord {
    /// The sections released, in record order.
    pub released: Vec<Section>,
    /// The sections withheld, in record order, each with its reason.
    pub withheld: Vec<WithheldSection>,
    /// The decision behind it (also the audit entry).
    pub decision: AccessDecision,
}

/// Release only the permitted sections of `request.record`.
pub fn minimise(
    index: &AccessIndex<'_>,
    request: &ReleaseRequest,
) -> Result<MinimisedRecord, RequestError> {
    let mut categories: Vec<InformationCategory> = Vec::new();
    for s in &request.record.sections {
        if !categories.contains(&s.category) {
            categories.push(s.category);
        }
    }
    let access = AccessRequest {
        requester: request.requester.clone(),
        citizen: request.citizen.clone(),
        case: request.case.clone(),
        holder: request.record.holder.clone(),
        categories,
        action: request.action,
        purpose: request.purpose.clone(),
        at: request.at,
    };
    let decision = if access.categories.is_empty() {
        index.check_request(&AccessRequest {
            categories: vec![InformationCategory::ContactDetails],
            ..access.clone()
        })?;
        AccessDecision {
            request: access,
            outcomes: Vec::new(),
        }
    } else {
        index.decide(&access)?
    };
    let mut released = Vec::new();
    let mut withheld = Vec::new();
    for section in &request.record.sections {
        let verdict = decision
            .outcomes
            .iter()
            .find(|o| o.category == section.category)
            .map(|o| &o.verdict);
        match verdict {
            Some(Verdict::Permit { .. }) => released.push(section.clone()),
            Some(Verdict::Deny { reason }) => withheld.push(WithheldSection {
                id: section.id.clone(),
                category: section.category,
                title: section.title.clone(),
                reason: reason.clone(),
            }),
            None => withheld.push(WithheldSection {
                id: section.id.clone(),
                category: section.category,
                title: section.title.clone(),
                reason: DenyReason::NoConsent,
            }),
        }
    }
    Ok(MinimisedRecord {
        released,
        withheld,
        decision,
    })
}
