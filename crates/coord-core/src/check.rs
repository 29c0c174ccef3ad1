//! Checking a case file against itself and the reference data: unique ids, references that
//! resolve, consents valid under §11a and the policy. A [`CheckedCase`] can only be made from a case
//! file that passed, so the engines never meet a dangling reference.

use crate::case_file::CaseFile;
use crate::consent::validate::{validate_consent, ConsentError};
use crate::ids::ActorId;
use crate::pointer::Pointer;
use crate::reference::ReferenceData;
use std::collections::{HashMap, HashSet};
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

/// A case file that passed every check. Engines take this, not a raw [`CaseFile`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedCase {
    case: CaseFile,
}

impl CheckedCase {
    /// Check `case` against itself and `reference`; every problem is returned, in document order.
    pub fn new(case: CaseFile, reference: &ReferenceData) -> Result<Self, Vec<CaseFileError>> {
        let errors = check_case_file(&case, reference);
        if errors.is_empty() {
            Ok(Self { case })
        } else {
            Err(errors)
        }
    }

    /// The case file.
    pub fn case(&self) -> &CaseFile {
        &self.case
    }

    /// Give the case file back.
    pub fn into_inner(self) -> CaseFile {
        self.case
    }
}

/// Every problem in `case`, in document order (empty when the case file is usable).
pub fn check_case_file(case: &CaseFile, reference: &ReferenceData) -> Vec<CaseFileError> {
    let root = Pointer::root();
    let mut errors = Vec::new();
    if case.id.as_str().trim().is_empty() {
        errors.push(CaseFileError::EmptyId { at: root.key("id") });
    }
    let actor_ids: HashSet<&ActorId> = case.actors.iter().map(|a| &a.id).collect();
    // The place is built only for an actor that is not known.
    let known = |id: &ActorId, at: &dyn Fn() -> Pointer, errors: &mut Vec<CaseFileError>| {
        if !actor_ids.contains(id) {
            errors.push(CaseFileError::UnknownActor {
                at: at(),
                id: id.clone(),
            });
        }
    };
    if let Some(actor) = &case.citizen.actor {
        known(actor, &|| root.key("citizen").key("actor"), &mut errors);
    }
    errors.extend(
        crate::identifier::check_identifiers(
            &case.citizen.identifiers,
            false,
            &root.key("citizen").key("identifiers"),
        )
        .into_iter()
        .map(CaseFileError::from),
    );
    let mut ids = IdRegistry::new();
    for (i, actor) in case.actors.iter().enumerate() {
        let at = || root.key("actors").index(i);
        errors.extend(ids.register(actor.id.as_str(), i, |i| {
            root.key("actors").index(i).key("id")
        }));
        if let Some(org) = &actor.organisation {
            known(org, &|| at().key("organisation"), &mut errors);
        }
        if !actor.identifiers.is_empty() {
            let is_organisation = actor.kind == crate::party::ActorKind::Organisation;
            errors.extend(
                crate::identifier::check_identifiers(
                    &actor.identifiers,
                    is_organisation,
                    &at().key("identifiers"),
                )
                .into_iter()
                .map(CaseFileError::from),
            );
        }
    }
    let mut ids = IdRegistry::new();
    for (i, consent) in case.consents.iter().enumerate() {
        let at = root.key("consents").index(i);
        errors.extend(ids.register(consent.id.as_str(), i, |i| {
            root.key("consents").index(i).key("id")
        }));
        if consent.citizen != case.citizen.id {
            errors.push(CaseFileError::WrongCitizen {
                at: at.key("citizen"),
                got: consent.citizen.to_string(),
                expected: case.citizen.id.to_string(),
            });
        }
        if let Some(by) = &consent.recorded_by {
            known(by, &|| at.key("recorded_by"), &mut errors);
        }
        for (j, party) in consent.scope.holders.iter().enumerate() {
            if let crate::consent::PartyRef::Actor(id) = party {
                known(
                    id,
                    &|| at.key("scope").key("holders").index(j).key("actor"),
                    &mut errors,
                );
            }
        }
        for (j, party) in consent.scope.recipients.iter().enumerate() {
            if let crate::consent::PartyRef::Actor(id) = party {
                known(
                    id,
                    &|| at.key("scope").key("recipients").index(j).key("actor"),
                    &mut errors,
                );
            }
        }
        for (j, r) in consent.revocations.iter().enumerate() {
            known(
                &r.recorded_by,
                &|| at.key("revocations").index(j).key("recorded_by"),
                &mut errors,
            );
        }
        errors.extend(
            validate_consent(consent, &reference.consent_policy, &at)
                .into_iter()
                .map(CaseFileError::from),
        );
    }
    if let Some(employer) = &case.course.employer {
        known(
            employer,
            &|| root.key("course").key("employer"),
            &mut errors,
        );
    }
    for (i, t) in case.course.treatments.iter().enumerate() {
        if let Some(by) = &t.by {
            let at = || root.key("course").key("treatments").index(i).key("by");
            known(by, &at, &mut errors);
        }
    }
    for (i, p) in case.course.rehabilitation_plans.iter().enumerate() {
        let at = || {
            root.key("course")
                .key("rehabilitation_plans")
                .index(i)
                .key("from")
        };
        known(&p.from, &at, &mut errors);
    }
    errors.extend(
        crate::course::check::check_course(&case.course, &root.key("course"))
            .into_iter()
            .map(CaseFileError::from),
    );
    let mut ids = IdRegistry::new();
    for (i, event) in case.events.iter().enumerate() {
        let at = || root.key("events").index(i);
        errors.extend(ids.register(event.id.as_str(), i, |i| {
            root.key("events").index(i).key("id")
        }));
        if let Some(by) = &event.by {
            known(by, &|| at().key("by"), &mut errors);
        }
    }
    check_team_and_referrals(case, reference, &mut errors);
    errors.extend(crate::plan::validate::validate_plan(case, reference));
    errors
}

/// The team, referral and wish parts: actors known, ids unique, histories that replay. Pointers
/// are built only for problems found, so a large valid case is checked quickly.
fn check_team_and_referrals(
    case: &CaseFile,
    reference: &ReferenceData,
    errors: &mut Vec<CaseFileError>,
) {
    let root = Pointer::root();
    let actors: HashSet<&ActorId> = case.actors.iter().map(|a| &a.id).collect();
    let unknown = |id: &ActorId, at: Pointer| CaseFileError::UnknownActor { at, id: id.clone() };
    if let Some(team) = &case.team {
        let at = root.key("team");
        for (i, m) in team.members.iter().enumerate() {
            if !actors.contains(&m.actor) {
                errors.push(unknown(&m.actor, at.key("members").index(i).key("actor")));
            }
        }
        let referral_ids: HashSet<&crate::ids::ReferralId> =
            case.referrals.iter().map(|r| &r.id).collect();
        errors.extend(
            crate::team::validate_team(team, &referral_ids, &at)
                .into_iter()
                .map(CaseFileError::from),
        );
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, referral) in case.referrals.iter().enumerate() {
        let at = || root.key("referrals").index(i);
        let id = referral.id.as_str();
        if id.trim().is_empty() {
            errors.push(CaseFileError::EmptyId { at: at().key("id") });
        } else if !seen.insert(id) {
            if let Some(first) = case.referrals.iter().position(|r| r.id.as_str() == id) {
                errors.push(CaseFileError::DuplicateId {
                    at: at().key("id"),
                    id: id.to_owned(),
                    first: root.key("referrals").index(first).key("id"),
                });
            }
        }
        for (id, place) in crate::referral::validate::referral_actor_refs(referral) {
            if !actors.contains(id) {
                errors.push(unknown(id, place.pointer(&at())));
            }
        }
        let organisation_of = |a: &ActorId| case.actor(a).and_then(|x| x.organisation.clone());
        errors.extend(
            crate::referral::validate_referral(referral, &reference.offers, organisation_of, &at())
                .into_iter()
                .map(CaseFileError::from),
        );
    }
    for (i, wish) in case.wishes.iter().enumerate() {
        if !actors.contains(&wish.recorded_by) {
            errors.push(unknown(
                &wish.recorded_by,
                root.key("wishes").index(i).key("recorded_by"),
            ));
        }
        if let Some(offer) = wish
            .offer
            .as_ref()
            .filter(|o| reference.offers.offer(o).is_none())
        {
            errors.push(CaseFileError::UnknownOffer {
                at: root.key("wishes").index(i).key("offer"),
                id: offer.clone(),
            });
        }
    }
}
