//! Checking a case file against itself and the reference data: unique ids, references that
//! resolve, consents valid under §11a and the policy. A [`CheckedCase`] can only be made from a case
//! file that passed, so the engines never meet a dangling reference.

pub use crate::case_error::{CaseFileError, IdRegistry};

use crate::case_file::CaseFile;
use crate::consent::validate::validate_consent;
use crate::ids::ActorId;
use crate::pointer::Pointer;
use crate::reference::ReferenceData;
use std::collections::HashSet;

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
    errors.extend(
        crate::vocab::usage::undeclared_codes(case, &reference.vocabularies)
            .into_iter()
            .map(CaseFileError::from),
    );
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
