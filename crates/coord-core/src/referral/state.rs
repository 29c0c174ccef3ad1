//! The referral's states and the transitions between them, modelled on FHIR Task, the Gravity
//! Project's closed-loop referral and Primero.
//!
//! ```text
//! draft → proposed_to_citizen → accepted_by_citizen → sent → received → accepted → in_progress → completed
//!                             ↘ declined_by_citizen          ↘ rejected (with reason)
//! cancelled: from any open state; expired: while waiting on the citizen or the receiver
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a referral is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ReferralState {
    /// Written by the referrer, not yet shown to the citizen.
    Draft,
    /// Proposed to the citizen, who decides.
    ProposedToCitizen,
    /// The citizen agreed to the referral.
    AcceptedByCitizen,
    /// The citizen declined (final: a voluntary offer is never forced).
    DeclinedByCitizen,
    /// Sent to the receiver (only with a permit for every category it carries).
    Sent,
    /// The receiver acknowledged it.
    Received,
    /// The receiver accepted the citizen.
    Accepted,
    /// The receiver rejected it, with a reason (final).
    Rejected,
    /// The citizen is taking part.
    InProgress,
    /// Finished, with an outcome (final).
    Completed,
    /// Withdrawn by the referrer (final).
    Cancelled,
    /// Nobody answered in time (final).
    Expired,
}

/// Who a referral in a state is waiting on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WaitingOn {
    /// The referrer must act (propose, send).
    Referrer,
    /// The citizen must decide.
    Citizen,
    /// The receiver must acknowledge, accept or start.
    Receiver,
    /// The receiver must report the outcome.
    Provider,
}

impl WaitingOn {
    /// Whom the referral waits on, for people. In `lang`: the one wording per language.
    pub fn label(self, lang: crate::category::Language) -> &'static str {
        match self {
            WaitingOn::Referrer => {
                crate::text::pick(lang, "afventer henviseren", "waits on the referrer")
            }
            WaitingOn::Citizen => {
                crate::text::pick(lang, "afventer borgeren", "waits on the citizen")
            }
            WaitingOn::Receiver => {
                crate::text::pick(lang, "afventer modtageren", "waits on the receiver")
            }
            WaitingOn::Provider => crate::text::pick(
                lang,
                "afventer leverandørens resultat",
                "waits on the provider's outcome",
            ),
        }
    }
}

impl ReferralState {
    /// Every state, in lifecycle order.
    pub const ALL: [ReferralState; 12] = [
        ReferralState::Draft,
        ReferralState::ProposedToCitizen,
        ReferralState::AcceptedByCitizen,
        ReferralState::DeclinedByCitizen,
        ReferralState::Sent,
        ReferralState::Received,
        ReferralState::Accepted,
        ReferralState::Rejected,
        ReferralState::InProgress,
        ReferralState::Completed,
        ReferralState::Cancelled,
        ReferralState::Expired,
    ];

    /// The states that may follow this one.
    pub fn next_states(self) -> &'static [ReferralState] {
        use ReferralState::*;
        match self {
            Draft => &[ProposedToCitizen, Cancelled],
            ProposedToCitizen => &[AcceptedByCitizen, DeclinedByCitizen, Cancelled, Expired],
            AcceptedByCitizen => &[Sent, Cancelled],
            Sent => &[Received, Cancelled, Expired],
            Received => &[Accepted, Rejected, Cancelled, Expired],
            Accepted => &[InProgress, Cancelled, Expired],
            InProgress => &[Completed, Cancelled],
            DeclinedByCitizen | Rejected | Completed | Cancelled | Expired => &[],
        }
    }

    /// Whether `next` may follow this state.
    pub fn can_go_to(self, next: ReferralState) -> bool {
        self.next_states().contains(&next)
    }

    /// Whether the referral is closed (no state may follow).
    pub fn is_final(self) -> bool {
        self.next_states().is_empty()
    }

    /// Whom an open referral in this state waits on.
    pub fn waiting_on(self) -> Option<WaitingOn> {
        use ReferralState::*;
        match self {
            Draft | AcceptedByCitizen => Some(WaitingOn::Referrer),
            ProposedToCitizen => Some(WaitingOn::Citizen),
            Sent | Received | Accepted => Some(WaitingOn::Receiver),
            InProgress => Some(WaitingOn::Provider),
            DeclinedByCitizen | Rejected | Completed | Cancelled | Expired => None,
        }
    }

    /// The state's name on the wire (`proposed_to_citizen`).
    pub fn wire_name(self) -> &'static str {
        use ReferralState::*;
        match self {
            Draft => "draft",
            ProposedToCitizen => "proposed_to_citizen",
            AcceptedByCitizen => "accepted_by_citizen",
            DeclinedByCitizen => "declined_by_citizen",
            Sent => "sent",
            Received => "received",
            Accepted => "accepted",
            Rejected => "rejected",
            InProgress => "in_progress",
            Completed => "completed",
            Cancelled => "cancelled",
            Expired => "expired",
        }
    }

    /// The state's name. In `lang`: the one wording per language.
    pub fn label(self, lang: crate::category::Language) -> &'static str {
        use ReferralState::*;
        match self {
            Draft => crate::text::pick(lang, "kladde", "draft"),
            ProposedToCitizen => {
                crate::text::pick(lang, "foreslået borgeren", "proposed to the citizen")
            }
            AcceptedByCitizen => {
                crate::text::pick(lang, "accepteret af borgeren", "accepted by the citizen")
            }
            DeclinedByCitizen => {
                crate::text::pick(lang, "afslået af borgeren", "declined by the citizen")
            }
            Sent => crate::text::pick(lang, "sendt", "sent"),
            Received => crate::text::pick(lang, "modtaget", "received"),
            Accepted => {
                crate::text::pick(lang, "accepteret af modtageren", "accepted by the receiver")
            }
            Rejected => crate::text::pick(lang, "afvist af modtageren", "rejected by the receiver"),
            InProgress => crate::text::pick(lang, "i gang", "in progress"),
            Completed => crate::text::pick(lang, "afsluttet", "completed"),
            Cancelled => crate::text::pick(lang, "annulleret", "cancelled"),
            Expired => crate::text::pick(lang, "udløbet", "expired"),
        }
    }
}

/// Why a completed referral did not succeed (Primero's reasons).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotSuccessfulReason {
    /// The citizen declined to take part.
    CitizenDeclined,
    /// The provider had no capacity.
    NoCapacity,
    /// The provider could not reach the citizen.
    CouldNotContact,
    /// The need went away.
    NoLongerNeeded,
}

impl NotSuccessfulReason {
    /// The reason. In `lang`: the one wording per language.
    pub fn label(self, lang: crate::category::Language) -> &'static str {
        match self {
            NotSuccessfulReason::CitizenDeclined => {
                crate::text::pick(lang, "borgeren takkede nej", "the citizen declined")
            }
            NotSuccessfulReason::NoCapacity => {
                crate::text::pick(lang, "ingen kapacitet", "no capacity")
            }
            NotSuccessfulReason::CouldNotContact => crate::text::pick(
                lang,
                "kunne ikke komme i kontakt med borgeren",
                "could not contact the citizen",
            ),
            NotSuccessfulReason::NoLongerNeeded => {
                crate::text::pick(lang, "ikke længere relevant", "no longer needed")
            }
        }
    }
}

/// The outcome of a completed referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum ReferralOutcome {
    /// The citizen got what the referral was for.
    Successful,
    /// It did not work out.
    NotSuccessful {
        /// Why.
        reason: NotSuccessfulReason,
    },
}

impl ReferralOutcome {
    /// The outcome in a language.
    pub fn describe(self, lang: crate::category::Language) -> String {
        use crate::category::Language;
        match (lang, self) {
            (Language::En, ReferralOutcome::Successful) => "successful".into(),
            (Language::Da, ReferralOutcome::Successful) => "gennemført med succes".into(),
            (Language::En, ReferralOutcome::NotSuccessful { reason }) => {
                format!(
                    "not successful: {}",
                    reason.label(crate::category::Language::En)
                )
            }
            (Language::Da, ReferralOutcome::NotSuccessful { reason }) => {
                format!(
                    "ikke gennemført: {}",
                    reason.label(crate::category::Language::Da)
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_states_have_no_successor_and_are_not_waiting() {
        for s in ReferralState::ALL {
            assert_eq!(s.is_final(), s.waiting_on().is_none(), "{s:?}");
        }
    }

    #[test]
    fn sent_only_after_the_citizen_accepted() {
        let before: Vec<ReferralState> = ReferralState::ALL
            .into_iter()
            .filter(|s| s.can_go_to(ReferralState::Sent))
            .collect();
        assert_eq!(before, [ReferralState::AcceptedByCitizen]);
    }
}
