//! The problems that make a case file unusable ([`CaseFileError`]), and [`IdRegistry`], which finds
//! duplicate and empty ids. The check ([`crate::check`]) and the parts' own validators
//! (`plan::validate`, `team::validate` …) report them; none of those imports the check.

use crate::consent::validate::ConsentError;
use crate::ids::ActorId;
use crate::pointer::Pointer;
use std::collections::HashMap;
use thiserror::Error;

/// A problem that makes a case file unusable. Each message names the place.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum CaseFileError {
    /// An id is used twice in the same list.
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
        /// Where the id is.
        at: Pointer,
    },
    /// A reference to an actor that is not in the case file.
    #[error("unknown actor: no actor with this id in the case file")]
    UnknownActor {
        /// Where the reference is.
        at: Pointer,
        /// The dangling id.
        id: ActorId,
    },
    /// A record about another citizen than the case file's.
    #[error("this is about another citizen than the case file")]
    WrongCitizen {
        /// Where the citizen id is.
        at: Pointer,
        /// The record's citizen.
        got: String,
        /// The case file's citizen.
        expected: String,
    },
    /// A consent that is invalid.
    #[error(transparent)]
    Consent(#[from] ConsentError),
    /// A wish for an offer that is not in the offer catalogue.
    #[error("unknown offer: no offer with this id in the offer catalogue")]
    UnknownOffer {
        /// Where the reference is.
        at: Pointer,
        /// The dangling id.
        id: crate::ids::OfferId,
    },
    /// A problem in the care team.
    #[error(transparent)]
    Team(#[from] crate::team::TeamError),
    /// A problem in a referral or its recorded history.
    #[error(transparent)]
    Referral(#[from] crate::referral::ReferralError),
    /// A problem in the plan or the measurements.
    #[error(transparent)]
    Plan(#[from] crate::plan::PlanError),
    /// A problem with the periods of the course.
    #[error(transparent)]
    Course(#[from] crate::course::check::CourseError),
    /// An identifier not in its system's form.
    #[error(transparent)]
    Identifier(#[from] crate::identifier::IdentifierError),
    /// A code the reference data's vocabulary does not declare.
    #[error(transparent)]
    UndeclaredCode(#[from] crate::vocab::usage::UndeclaredCode),
}

impl CaseFileError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            CaseFileError::DuplicateId { .. } => "case_file.duplicate_id",
            CaseFileError::EmptyId { .. } => "case_file.empty_id",
            CaseFileError::UnknownActor { .. } => "case_file.unknown_actor",
            CaseFileError::WrongCitizen { .. } => "case_file.wrong_citizen",
            CaseFileError::Consent(e) => e.code(),
            CaseFileError::UnknownOffer { .. } => "case_file.unknown_offer",
            CaseFileError::Team(e) => e.code(),
            CaseFileError::Referral(e) => e.code(),
            CaseFileError::Plan(e) => e.code(),
            CaseFileError::Course(e) => e.code(),
            CaseFileError::Identifier(e) => e.code(),
            CaseFileError::UndeclaredCode(_) => "case_file.undeclared_code",
        }
    }

    /// Where in the case file the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            CaseFileError::DuplicateId { at, .. }
            | CaseFileError::EmptyId { at }
            | CaseFileError::UnknownActor { at, .. }
            | CaseFileError::WrongCitizen { at, .. } => at,
            CaseFileError::Consent(e) => e.pointer(),
            CaseFileError::UnknownOffer { at, .. } => at,
            CaseFileError::Team(e) => e.pointer(),
            CaseFileError::Referral(e) => e.pointer(),
            CaseFileError::Plan(e) => e.pointer(),
            CaseFileError::Course(e) => e.pointer(),
            CaseFileError::Identifier(e) => e.pointer(),
            CaseFileError::UndeclaredCode(e) => &e.pointer,
        }
    }
}

/// Finds duplicate and empty ids in one list of a document. It keeps the index where each id
/// was first seen, and builds places only for the problems it finds.
#[derive(Debug)]
pub struct IdRegistry<'a> {
    seen: HashMap<&'a str, usize>,
}

impl<'a> IdRegistry<'a> {
    /// An empty registry.
    pub fn new() -> Self {
        Self {
            seen: HashMap::new(),
        }
    }

    /// Register `id`, found in the list at `index`; `place(i)` is where the id of the list's
    /// `i`-th item is. Returns the problem if it is empty or already used.
    pub fn register(
        &mut self,
        id: &'a str,
        index: usize,
        place: impl Fn(usize) -> Pointer,
    ) -> Option<CaseFileError> {
        if id.trim().is_empty() {
            return Some(CaseFileError::EmptyId { at: place(index) });
        }
        if let Some(&first) = self.seen.get(id) {
            return Some(CaseFileError::DuplicateId {
                at: place(index),
                id: id.to_owned(),
                first: place(first),
            });
        }
        self.seen.insert(id, index);
        None
    }
}

impl Default for IdRegistry<'_> {
    fn default() -> Self {
        Self::new()
    }
}
