//! Consent gaps: for an intended flow, which consent is missing, phrased as the specific consent a
//! caseworker should ask the citizen for.

use super::decide::{AccessIndex, AccessRequest, CategoryOutcome, RequestError, Verdict};
use super::model::{Action, Flow, PartyRef};
use crate::category::{InformationCategory, Language};
use crate::ids::{ActorId, CaseId};
use crate::time::Instant;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An intended flow at a moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GapFlow {
    /// Who holds the information.
    pub holder: ActorId,
    /// Who would receive or look at it.
    pub recipient: ActorId,
    /// Which categories.
    pub categories: Vec<InformationCategory>,
    /// Which action.
    pub action: Action,
    /// For which purpose.
    pub purpose: crate::ids::PurposeId,
    /// At which moment.
    pub at: Instant,
}

impl GapFlow {
    /// A flow at a moment.
    pub fn new(flow: Flow, at: Instant) -> Self {
        Self {
            holder: flow.holder,
            recipient: flow.recipient,
            categories: flow.categories,
            action: flow.action,
            purpose: flow.purpose,
            at,
        }
    }
}

/// The consent a caseworker should ask the citizen for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentSuggestion {
    /// The categories to ask for (only those a consent can open).
    pub categories: Vec<InformationCategory>,
    /// From whom.
    pub holder: PartyRef,
    /// To whom.
    pub recipient: PartyRef,
    /// For which action.
    pub action: Action,
    /// For which purpose.
    pub purpose: crate::ids::PurposeId,
    /// In which case.
    pub case: CaseId,
    /// What to say, in Danish.
    pub ask_da: String,
    /// What to say, in English.
    pub ask_en: String,
}

/// What an intended flow lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentGapReport {
    /// The citizen the information is about (for the audit entry).
    pub citizen: crate::ids::CitizenId,
    /// The case the flow belongs to (for the audit entry).
    pub case: crate::ids::CaseId,
    /// The flow asked about.
    pub flow: GapFlow,
    /// Categories already permitted, with their grounds.
    pub permitted: Vec<CategoryOutcome>,
    /// Categories a consent could open, with today's reason for denial.
    pub missing: Vec<CategoryOutcome>,
    /// Categories no consent can open (a prohibition forbids them).
    pub blocked: Vec<CategoryOutcome>,
    /// The consent to ask for, when something is missing.
    pub suggestion: Option<ConsentSuggestion>,
}

fn name_of(index: &AccessIndex<'_>, id: &ActorId) -> String {
    index
        .case()
        .actor(id)
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

/// The sentence a caseworker says to the citizen, phrased by what the consent allows.
#[expect(clippy::too_many_arguments, reason = "one sentence with eight slots")]
pub(crate) fn ask(
    lang: Language,
    action: Action,
    citizen: &str,
    holder: &str,
    recipient: &str,
    categories: &str,
    purpose: &str,
    case: &str,
) -> String {
    match (lang, action) {
        (Language::En, Action::View) => format!(
            "Ask {citizen} for a specific consent: {recipient} may look at {categories} in the record of {holder}, for the purpose “{purpose}” in case {case}."
        ),
        (Language::En, Action::Disclose) => format!(
            "Ask {citizen} for a specific consent: {holder} may send {categories} to {recipient}, for the purpose “{purpose}” in case {case}."
        ),
        (Language::En, Action::ReportAttendance) => format!(
            "Ask {citizen} for a specific consent: {holder} may report {citizen}'s attendance ({categories}) to {recipient}, for the purpose “{purpose}” in case {case}."
        ),
        (Language::Da, Action::View) => format!(
            "Bed {citizen} om et konkret samtykke: {recipient} må se {categories} i journalen hos {holder}, til formålet “{purpose}” i sag {case}."
        ),
        (Language::Da, Action::Disclose) => format!(
            "Bed {citizen} om et konkret samtykke: {holder} må sende {categories} til {recipient}, til formålet “{purpose}” i sag {case}."
        ),
        (Language::Da, Action::ReportAttendance) => format!(
            "Bed {citizen} om et konkret samtykke: {holder} må melde {citizen}s fremmøde ({categories}) til {recipient}, til formålet “{purpose}” i sag {case}."
        ),
    }
}

/// Which consent the flow lacks.
pub fn consent_gaps(
    index: &AccessIndex<'_>,
    flow: &GapFlow,
) -> Result<ConsentGapReport, RequestError> {
    let case = index.case();
    let request = AccessRequest {
        requester: flow.recipient.clone(),
        citizen: case.citizen.id.clone(),
        case: case.id.clone(),
        holder: flow.holder.clone(),
        categories: flow.categories.clone(),
        action: flow.action,
        purpose: flow.purpose.clone(),
        at: flow.at,
    };
    let decision = index.decide(&request)?;
    let (mut permitted, mut missing, mut blocked) = (Vec::new(), Vec::new(), Vec::new());
    for outcome in decision.outcomes {
        match &outcome.verdict {
            Verdict::Permit { .. } => permitted.push(outcome),
            Verdict::Deny { reason } if reason.consent_could_help() => missing.push(outcome),
            Verdict::Deny { .. } => blocked.push(outcome),
        }
    }
    let suggestion = (!missing.is_empty()).then(|| {
        let categories: Vec<InformationCategory> = missing.iter().map(|o| o.category).collect();
        let holder = name_of(index, &flow.holder);
        let recipient = name_of(index, &flow.recipient);
        let list = |lang: Language| {
            categories
                .iter()
                .map(|c| match lang {
                    Language::Da => c.label(crate::category::Language::Da),
                    Language::En => c.label(crate::category::Language::En),
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        ConsentSuggestion {
            categories: categories.clone(),
            holder: PartyRef::Actor(flow.holder.clone()),
            recipient: PartyRef::Actor(flow.recipient.clone()),
            action: flow.action,
            purpose: flow.purpose.clone(),
            case: case.id.clone(),
            ask_da: ask(
                Language::Da,
                flow.action,
                &case.citizen.name,
                &holder,
                &recipient,
                &list(Language::Da),
                flow.purpose.as_str(),
                case.id.as_str(),
            ),
            ask_en: ask(
                Language::En,
                flow.action,
                &case.citizen.name,
                &holder,
                &recipient,
                &list(Language::En),
                flow.purpose.as_str(),
                case.id.as_str(),
            ),
        }
    });
    Ok(ConsentGapReport {
        citizen: case.citizen.id.clone(),
        case: case.id.clone(),
        flow: flow.clone(),
        permitted,
        missing,
        blocked,
        suggestion,
    })
}
