//! An access request — who asks for which categories from whom, for what, when — and why a request
//! itself can be refused before any decision.

use super::model::Action;
use crate::category::InformationCategory;
use crate::ids::{ActorId, CaseId, CitizenId, PurposeId};
use crate::pointer::Pointer;
use crate::time::Instant;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A request to view, receive or report information about the citizen, at a moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessRequest {
    /// Who asks (the recipient of the information).
    pub requester: ActorId,
    /// About which citizen.
    pub citizen: CitizenId,
    /// In which case.
    pub case: CaseId,
    /// Who holds the information.
    pub holder: ActorId,
    /// Which categories.
    pub categories: Vec<InformationCategory>,
    /// Which action.
    pub action: Action,
    /// For which purpose.
    pub purpose: PurposeId,
    /// At which moment (decisions are answered from the state at that moment).
    pub at: Instant,
}

/// Why a request cannot be decided at all (as opposed to being denied).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RequestError {
    /// The request names an actor that is not in the case file.
    #[error("unknown actor: no actor with this id in the case file")]
    UnknownActor {
        /// Where the id is.
        at: Pointer,
        /// The dangling id.
        id: ActorId,
    },
    /// The request is about another citizen than the case file.
    #[error("the request is about another citizen than the case file")]
    WrongCitizen {
        /// Where the citizen id is.
        at: Pointer,
        /// The request's citizen.
        got: CitizenId,
        /// The case file's citizen.
        expected: CitizenId,
    },
    /// The request names another case than the case file.
    #[error("the request is for another case than the case file")]
    WrongCase {
        /// Where the case id is.
        at: Pointer,
        /// The request's case.
        got: CaseId,
        /// The case file's id.
        expected: CaseId,
    },
    /// The request names no category.
    #[error("the request names no information category")]
    NoCategories {
        /// Where the list is.
        at: Pointer,
    },
    /// The request's purpose is not declared in the purpose vocabulary. The message lists the
    /// declared purposes and never repeats the request's.
    #[error("not a declared purpose; declared codes: {declared}")]
    UndeclaredPurpose {
        /// Where the purpose is.
        at: Pointer,
        /// The declared purposes, as one line.
        declared: String,
    },
}

impl RequestError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            RequestError::UnknownActor { .. } => "request.unknown_actor",
            RequestError::WrongCitizen { .. } => "request.wrong_citizen",
            RequestError::WrongCase { .. } => "request.wrong_case",
            RequestError::NoCategories { .. } => "request.no_categories",
            RequestError::UndeclaredPurpose { .. } => "request.undeclared_purpose",
        }
    }

    /// Where in the request the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            RequestError::UnknownActor { at, .. }
            | RequestError::WrongCitizen { at, .. }
            | RequestError::WrongCase { at, .. }
            | RequestError::NoCategories { at }
            | RequestError::UndeclaredPurpose { at, .. } => at,
        }
    }
}
