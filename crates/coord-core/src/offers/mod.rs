//! The offer catalogue (DOMAIN.md S3, HSDS-inspired) and matching offers to a citizen.
//!
//! - [`model`]: providers and offers (reference data part `offers`).
//! - [`validate`]: catalogue errors (unknown provider, duplicate ids …).
//! - [`matching`]: which offers fit, best first, and why the others do not.

pub mod matching;
pub mod model;
pub mod validate;

#[cfg(test)]
mod relevance_tests;
#[cfg(test)]
mod tests;

pub use matching::{
    match_offers, match_offers_for_case, CitizenWish, ExcludedOffer, ExclusionReason, MatchContext,
    OfferCandidate, OfferMatch, ReadinessMet, ReadinessReading,
};
pub use model::{
    Capacity, GoalArea, Location, Offer, OfferCatalogue, OfferMode, OfferStatus,
    ParticipationBasis, Provider, ReadinessCondition, ReadinessSignal,
};
pub use validate::{validate_catalogue, OfferError};
