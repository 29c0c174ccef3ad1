//! Checking an offer catalogue: unique ids, offers referring to known providers, group courses
//! with a readiness condition that says something and names only defined instruments.
//!
//! The place is a field (`at`); messages never start with it and never repeat the rejected value.

use super::model::{OfferCatalogue, OfferMode, ReadinessSignal};
use crate::ids::ActorId;
use crate::instruments::InstrumentDefinition;
use crate::pointer::Pointer;
use std::collections::BTreeMap;
use thiserror::Error;

/// A problem in the offer catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum OfferError {
    /// An offer refers to a provider that is not in the catalogue.
    #[error("unknown provider: no provider with this id in the catalogue")]
    UnknownProvider {
        /// Where the reference is.
        at: Pointer,
        /// The dangling id.
        id: ActorId,
    },
    /// An id is used twice.
    #[error("duplicate id, already used at {first}")]
    DuplicateId {
        /// Where the second use is.
        at: Pointer,
        /// The id.
        id: String,
        /// Where it was first used.
        first: Pointer,
    },
    /// An id is empty.
    #[error("the id is empty")]
    EmptyId {
        /// Where.
        at: Pointer,
    },
    /// A readiness condition with no signal can never be met.
    #[error("the readiness condition lists no signal, so no citizen could ever meet it")]
    EmptyReadiness {
        /// Where.
        at: Pointer,
    },
    /// A readiness condition on an individual offer (it protects group courses).
    #[error("a readiness condition belongs to group courses; this offer is individual")]
    ReadinessOnIndividual {
        /// Where.
        at: Pointer,
    },
    /// A readiness condition names an indicator that no instrument definition defines.
    #[error("unknown indicator: no instrument definition has this id, so no reading could ever meet the condition")]
    UnknownIndicator {
        /// Where the indicator is named.
        at: Pointer,
    },
    /// A course length of zero weeks.
    #[error("a course length must be at least one week; leave it out for ongoing support")]
    ZeroDuration {
        /// Where.
        at: Pointer,
    },
    /// Hours that are negative or not a number.
    #[error("weekly hours must be a number between 0 and 168")]
    BadHours {
        /// Where.
        at: Pointer,
    },
}

impl OfferError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            OfferError::UnknownProvider { .. } => "offers.unknown_provider",
            OfferError::DuplicateId { .. } => "offers.duplicate_id",
            OfferError::EmptyId { .. } => "offers.empty_id",
            OfferError::EmptyReadiness { .. } => "offers.empty_readiness",
            OfferError::ReadinessOnIndividual { .. } => "offers.readiness_on_individual",
            OfferError::BadHours { .. } => "offers.bad_hours",
            OfferError::UnknownIndicator { .. } => "offers.unknown_indicator",
            OfferError::ZeroDuration { .. } => "offers.zero_duration",
        }
    }

    /// Where in the catalogue the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            OfferError::UnknownProvider { at, .. }
            | OfferError::DuplicateId { at, .. }
            | OfferError::EmptyId { at }
            | OfferError::EmptyReadiness { at }
            | OfferError::ReadinessOnIndividual { at }
            | OfferError::BadHours { at }
            | OfferError::UnknownIndicator { at }
            | OfferError::ZeroDuration { at } => at,
        }
    }
}

fn register(
    seen: &mut BTreeMap<String, Pointer>,
    id: &str,
    at: Pointer,
    errors: &mut Vec<OfferError>,
) {
    if id.trim().is_empty() {
        errors.push(OfferError::EmptyId { at });
    } else if let Some(first) = seen.get(id) {
        errors.push(OfferError::DuplicateId {
            at,
            id: id.to_owned(),
            first: first.clone(),
        });
    } else {
        seen.insert(id.to_owned(), at);
    }
}

/// Every problem of `catalogue`, placed under `at` (e.g. `/offers` of the reference data); the
/// indicators of readiness conditions must be among `instruments`.
pub fn validate_catalogue(
    catalogue: &OfferCatalogue,
    instruments: &[InstrumentDefinition],
    at: &Pointer,
) -> Vec<OfferError> {
    let mut errors = Vec::new();
    let mut seen = BTreeMap::new();
    for (i, p) in catalogue.providers.iter().enumerate() {
        register(
            &mut seen,
            p.id.as_str(),
            at.key("providers").index(i).key("id"),
            &mut errors,
        );
    }
    let mut seen = BTreeMap::new();
    for (i, o) in catalogue.offers.iter().enumerate() {
        let here = at.key("offers").index(i);
        register(&mut seen, o.id.as_str(), here.key("id"), &mut errors);
        if catalogue.provider(&o.provider).is_none() {
            errors.push(OfferError::UnknownProvider {
                at: here.key("provider"),
                id: o.provider.clone(),
            });
        }
        if let Some(r) = &o.readiness {
            if r.any_of.is_empty() {
                errors.push(OfferError::EmptyReadiness {
                    at: here.key("readiness").key("any_of"),
                });
            }
            for (j, signal) in r.any_of.iter().enumerate() {
                if let ReadinessSignal::IndicatorAtLeast { indicator, .. } = signal {
                    if !instruments.iter().any(|d| &d.id == indicator) {
                        errors.push(OfferError::UnknownIndicator {
                            at: here
                                .key("readiness")
                                .key("any_of")
                                .index(j)
                                .key("indicator"),
                        });
                    }
                }
            }
            if o.mode == OfferMode::Individual {
                errors.push(OfferError::ReadinessOnIndividual {
                    at: here.key("readiness"),
                });
            }
        }
        if o.duration_weeks == Some(0) {
            errors.push(OfferError::ZeroDuration {
                at: here.key("duration_weeks"),
            });
        }
        if o.weekly_hours.is_some_and(|h| !(0.0..=168.0).contains(&h)) {
            errors.push(OfferError::BadHours {
                at: here.key("weekly_hours"),
            });
        }
    }
    errors
}
