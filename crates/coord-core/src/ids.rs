//! Identifier newtypes.
//!
//! Every reference in a case file is a typed id, so an actor id can never be passed where a
//! consent id is expected. Ids are free text chosen by the host system (e.g. `"a-rehab-therapist"`);
//! they must be non-empty, which the case-file check enforces.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Make an id from anything string-like.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }
    };
}

/// An id cloned often while results are built (a rule's id in every action it fires, a pack's
/// id in every deadline): shared text, so a clone copies a pointer, not the text.
macro_rules! shared_id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(Arc<str>);

        impl $name {
            /// Make an id from anything string-like.
            pub fn new(id: impl Into<String>) -> Self {
                Self(Arc::from(id.into()))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self(Arc::from(""))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(Arc::from(s))
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(Arc::from(s))
            }
        }
    };
}

id_type!(
    /// Identifies one citizen's course (the case file).
    CaseId
);
id_type!(
    /// Identifies the citizen. Never a CPR number in logs: hosts should use a pseudonymous id.
    CitizenId
);
id_type!(
    /// Identifies an actor: a person or an organisation unit around the citizen.
    ActorId
);
id_type!(
    /// Identifies a consent record.
    ConsentId
);
id_type!(
    /// Identifies a legal basis or a prohibition in the reference data.
    BasisId
);
id_type!(
    /// Identifies a goal in the shared plan.
    GoalId
);
id_type!(
    /// Identifies an activity in the shared plan.
    ActivityId
);
id_type!(
    /// Identifies an instrument or indicator definition (e.g. `who5`, `phq9`).
    InstrumentId
);
id_type!(
    /// Identifies a measurement.
    MeasurementId
);
shared_id_type!(
    /// Identifies a rule.
    RuleId
);
shared_id_type!(
    /// Identifies a rule pack.
    PackId
);
id_type!(
    /// Identifies an offer in the offer catalogue.
    OfferId
);
id_type!(
    /// Identifies a referral.
    ReferralId
);
id_type!(
    /// Identifies an event in the case's history.
    EventId
);
id_type!(
    /// Identifies a section of a record, for minimisation.
    SectionId
);
id_type!(
    /// Identifies a purpose of processing (e.g. `sickness-benefit-follow-up`).
    PurposeId
);
