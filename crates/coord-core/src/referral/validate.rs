//! Checking the referrals of a case file: unique ids, known actors and offers, an offer's provider
//! matching the receiver, and a recorded history that replays through the state machine.

use super::model::Referral;
use super::state::ReferralState;
use super::transition::{check_step_lazy, TransitionError};
use crate::ids::{ActorId, OfferId};
use crate::offers::OfferCatalogue;
use crate::pointer::Pointer;
use thiserror::Error;

/// A problem in the referrals of a case file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ReferralError {
    /// A recorded step the state machine does not allow (or that lacks its reason or outcome).
    #[error(transparent)]
    History(#[from] TransitionError),
    /// A referral to an offer that is not in the catalogue.
    #[error("unknown offer: no offer with this id in the offer catalogue")]
    UnknownOffer {
        /// Where the id is.
        at: Pointer,
        /// The dangling id.
        id: OfferId,
    },
    /// The receiver is not the offer's provider (nor one of its people).
    #[error("the referral goes to another actor than the provider of its offer")]
    NotTheProvider {
        /// The receiver.
        at: Pointer,
        /// The receiver's id.
        to: ActorId,
        /// The offer.
        offer: OfferId,
        /// Its provider.
        provider: ActorId,
    },
}

impl ReferralError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            ReferralError::History(e) => e.code(),
            ReferralError::UnknownOffer { .. } => "referral.unknown_offer",
            ReferralError::NotTheProvider { .. } => "referral.not_the_provider",
        }
    }

    /// Where in the case file the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            ReferralError::History(e) => e.pointer(),
            ReferralError::UnknownOffer { at, .. } | ReferralError::NotTheProvider { at, .. } => at,
        }
    }
}

/// Every problem of one referral at `at` (e.g. `/referrals/3`). `organisation_of` gives an actor's
/// organisation, so a referral to a person of the provider organisation is accepted. Actor
/// references are checked by the case-file check.
pub fn validate_referral(
    referral: &Referral,
    catalogue: &OfferCatalogue,
    organisation_of: impl Fn(&ActorId) -> Option<ActorId>,
    at: &Pointer,
) -> Vec<ReferralError> {
    let mut errors = Vec::new();
    if let Some(offer_id) = &referral.offer {
        match catalogue.offer(offer_id) {
            None => errors.push(ReferralError::UnknownOffer {
                at: at.key("offer"),
                id: offer_id.clone(),
            }),
            Some(offer) => {
                let org = organisation_of(&referral.to);
                if offer.provider != referral.to && org.as_ref() != Some(&offer.provider) {
                    errors.push(ReferralError::NotTheProvider {
                        at: at.key("to"),
                        to: referral.to.clone(),
                        offer: offer_id.clone(),
                        provider: offer.provider.clone(),
                    });
                }
            }
        }
    }
    let mut state = ReferralState::Draft;
    let mut since = referral.created_at;
    for (i, step) in referral.history.iter().enumerate() {
        if let Err(e) = check_step_lazy(state, since, step, || at.key("history").index(i)) {
            // Replaying past an illegal step would only repeat the same confusion.
            errors.push(e.into());
            break;
        }
        state = step.to;
        since = step.at;
    }
    errors
}

/// The actor references of a referral, each with a function giving its place (built only when
/// the reference is dangling), for the case-file check.
pub fn referral_actor_refs<'a>(
    referral: &'a Referral,
) -> impl Iterator<Item = (&'a ActorId, ActorRefPlace)> + 'a {
    [
        (&referral.from, ActorRefPlace::From),
        (&referral.to, ActorRefPlace::To),
    ]
    .into_iter()
    .chain(
        referral
            .history
            .iter()
            .enumerate()
            .map(|(i, step)| (&step.by, ActorRefPlace::HistoryBy(i))),
    )
}

/// Where in a referral an actor reference sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRefPlace {
    /// `from`.
    From,
    /// `to`.
    To,
    /// `history/i/by`.
    HistoryBy(usize),
}

impl ActorRefPlace {
    /// The pointer, under the referral's own pointer `at`.
    pub fn pointer(self, at: &Pointer) -> Pointer {
        match self {
            ActorRefPlace::From => at.key("from"),
            ActorRefPlace::To => at.key("to"),
            ActorRefPlace::HistoryBy(i) => at.key("history").index(i).key("by"),
        }
    }
}
