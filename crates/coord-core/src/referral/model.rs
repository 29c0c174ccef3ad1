//! The referral as recorded in the case file: who refers whom to what, why, carrying which
//! information, and every transition so far.

use super::state::{ReferralOutcome, ReferralState};
use crate::category::InformationCategory;
use crate::ids::{ActorId, OfferId, PurposeId, ReferralId, RuleId};
use crate::time::{date_of, Instant};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Why the referral is made: a rule that proposed it, or the referrer's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReferralReason {
    /// A coordination rule proposed it.
    Rule(RuleId),
    /// Free text.
    Text(String),
}

/// One recorded transition: to which state, by whom, when — and the reason or outcome the state
/// needs. The same shape is the request to make a transition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// The new state.
    pub to: ReferralState,
    /// Who made the transition (an actor id in the case file).
    pub by: ActorId,
    /// When.
    pub at: Instant,
    /// Why: required for `rejected` and `cancelled`, optional otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The outcome: required for `completed`, not allowed otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ReferralOutcome>,
}

/// A closed-loop referral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Referral {
    /// The referral's id, unique in the case file.
    pub id: ReferralId,
    /// The referrer (an actor id): always learns the outcome.
    pub from: ActorId,
    /// The receiving provider (an actor id); for an offer, its provider organisation.
    pub to: ActorId,
    /// The offer referred to, if any (an id in the offer catalogue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<OfferId>,
    /// Why.
    pub reason: ReferralReason,
    /// The information categories the referral carries to the receiver.
    #[serde(default)]
    pub categories: Vec<InformationCategory>,
    /// The purpose the information is disclosed for.
    pub purpose: PurposeId,
    /// When the draft was made (by the referrer).
    pub created_at: Instant,
    /// Every transition since, in order.
    #[serde(default)]
    pub history: Vec<Transition>,
}

impl Referral {
    /// The current state (`draft` before any transition).
    pub fn state(&self) -> ReferralState {
        self.history.last().map_or(ReferralState::Draft, |t| t.to)
    }

    /// When the current state was entered.
    pub fn since(&self) -> Instant {
        self.history.last().map_or(self.created_at, |t| t.at)
    }

    /// The state on `day` (after every transition on or before that day) and when it was entered;
    /// `None` when the referral did not exist yet.
    pub fn state_on(&self, day: NaiveDate) -> Option<(ReferralState, Instant)> {
        if date_of(&self.created_at) > day {
            return None;
        }
        Some(
            self.history
                .iter()
                .take_while(|t| date_of(&t.at) <= day)
                .last()
                .map_or((ReferralState::Draft, self.created_at), |t| (t.to, t.at)),
        )
    }

    /// The outcome, when completed.
    pub fn outcome(&self) -> Option<ReferralOutcome> {
        self.history
            .last()
            .filter(|t| t.to == ReferralState::Completed)
            .and_then(|t| t.outcome)
    }
}

/// Response deadlines per state, in working days from entering the state. A state left out has no
/// deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseDeadlines {
    /// A draft should be proposed to the citizen within this many working days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<u32>,
    /// The citizen's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_to_citizen: Option<u32>,
    /// Sending after the citizen accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_by_citizen: Option<u32>,
    /// The receiver's acknowledgement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<u32>,
    /// The receiver's decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<u32>,
    /// The start of the offer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<u32>,
    /// The outcome report while in progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_progress: Option<u32>,
}

impl ResponseDeadlines {
    /// These deadlines, with `fallback`'s for every state these leave out.
    #[must_use]
    pub fn or(&self, fallback: &ResponseDeadlines) -> ResponseDeadlines {
        ResponseDeadlines {
            draft: self.draft.or(fallback.draft),
            proposed_to_citizen: self.proposed_to_citizen.or(fallback.proposed_to_citizen),
            accepted_by_citizen: self.accepted_by_citizen.or(fallback.accepted_by_citizen),
            sent: self.sent.or(fallback.sent),
            received: self.received.or(fallback.received),
            accepted: self.accepted.or(fallback.accepted),
            in_progress: self.in_progress.or(fallback.in_progress),
        }
    }

    /// The deadline for `state`, in working days.
    pub fn for_state(&self, state: ReferralState) -> Option<u32> {
        match state {
            ReferralState::Draft => self.draft,
            ReferralState::ProposedToCitizen => self.proposed_to_citizen,
            ReferralState::AcceptedByCitizen => self.accepted_by_citizen,
            ReferralState::Sent => self.sent,
            ReferralState::Received => self.received,
            ReferralState::Accepted => self.accepted,
            ReferralState::InProgress => self.in_progress,
            _ => None,
        }
    }
}
