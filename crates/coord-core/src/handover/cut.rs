//! The released case file: the case file cut down to the released parts, the actors those parts
//! name (and their organisations), the sending and the receiving unit. What is cut stays a valid
//! case file: a team's responsibilities for a plan goal or a referral that did not go are dropped
//! with it.

use super::parts::{course_benefit_only, CasePart};
use crate::case_file::{CaseFile, Citizen};
use crate::course::Course;
use crate::identifier::withhold::{strip_identifiers, IdentifierScope};
use crate::ids::ActorId;
use std::collections::BTreeSet;

/// Every actor the parts of `case` name.
fn named_actors(case: &CaseFile) -> BTreeSet<ActorId> {
    let mut ids: BTreeSet<ActorId> = BTreeSet::new();
    let mut add = |id: &ActorId| {
        ids.insert(id.clone());
    };
    if let Some(a) = &case.citizen.actor {
        add(a);
    }
    if let Some(team) = &case.team {
        team.members.iter().for_each(|m| add(&m.actor));
    }
    for c in &case.consents {
        c.recorded_by.iter().for_each(&mut add);
        for p in c.scope.holders.iter().chain(&c.scope.recipients) {
            if let crate::consent::PartyRef::Actor(id) = p {
                add(id);
            }
        }
        c.revocations.iter().for_each(|r| add(&r.recorded_by));
    }
    case.course.employer.iter().for_each(&mut add);
    case.course
        .treatments
        .iter()
        .filter_map(|t| t.by.as_ref())
        .for_each(&mut add);
    case.course
        .rehabilitation_plans
        .iter()
        .for_each(|p| add(&p.from));
    case.events
        .iter()
        .filter_map(|e| e.by.as_ref())
        .for_each(&mut add);
    if let Some(plan) = &case.plan {
        plan.goals
            .iter()
            .flat_map(|g| &g.responsible)
            .for_each(&mut add);
        plan.activities.iter().for_each(|a| add(&a.provider));
        plan.evaluations
            .iter()
            .flat_map(|e| &e.participants)
            .for_each(&mut add);
    }
    case.measurements
        .iter()
        .filter_map(|m| m.recorded_by.as_ref())
        .for_each(&mut add);
    case.wishes.iter().for_each(|w| add(&w.recorded_by));
    for r in &case.referrals {
        crate::referral::validate::referral_actor_refs(r).for_each(|(id, _)| add(id));
    }
    ids
}

/// `case` with only the `released` parts, the actors they name and the actors in `keep`; and how
/// many actors were left out.
pub fn released_case(
    case: &CaseFile,
    released: &BTreeSet<CasePart>,
    keep: &[&ActorId],
) -> (CaseFile, usize) {
    let has = |p: &CasePart| released.contains(p);
    let identity = has(&CasePart::Identity);
    let mut course = if has(&CasePart::CourseBenefit) {
        course_benefit_only(&case.course)
    } else {
        Course::default()
    };
    if has(&CasePart::CourseHealth) {
        let c = &case.course;
        course.conditions = c.conditions.clone();
        course.diffuse_picture = c.diffuse_picture;
        course.treatments = c.treatments.clone();
        course.rehabilitation_plans = c.rehabilitation_plans.clone();
        course.smokes = c.smokes;
    }
    if has(&CasePart::CourseSocial) {
        course.social_factors = case.course.social_factors.clone();
    }
    let referrals: Vec<_> = case
        .referrals
        .iter()
        .filter(|r| has(&CasePart::Referral(r.id.clone())))
        .cloned()
        .collect();
    let plan = case.plan.clone().filter(|_| has(&CasePart::Plan));
    let team = case
        .team
        .clone()
        .filter(|_| has(&CasePart::Team))
        .map(|mut t| {
            for m in &mut t.members {
                let r = &mut m.responsibilities;
                r.referrals
                    .retain(|id| referrals.iter().any(|x| &x.id == id));
                r.goals.retain(|g| {
                    plan.as_ref()
                        .is_some_and(|p| p.goals.iter().any(|x| &x.id == g))
                });
            }
            t
        });
    let mut cut = CaseFile {
        id: case.id.clone(),
        title: if has(&CasePart::Title) {
            case.title.clone()
        } else {
            String::new()
        },
        citizen: Citizen {
            id: case.citizen.id.clone(),
            name: if identity {
                case.citizen.name.clone()
            } else {
                String::new()
            },
            actor: case.citizen.actor.clone(),
            identifiers: case.citizen.identifiers.clone(),
        },
        actors: Vec::new(),
        consents: case
            .consents
            .iter()
            .filter(|c| has(&CasePart::Consent(c.id.clone())))
            .cloned()
            .collect(),
        team,
        referrals,
        wishes: if has(&CasePart::Wishes) {
            case.wishes.clone()
        } else {
            Vec::new()
        },
        course,
        events: if has(&CasePart::Events) {
            case.events.clone()
        } else {
            Vec::new()
        },
        plan,
        measurements: if has(&CasePart::Measurements) {
            case.measurements.clone()
        } else {
            Vec::new()
        },
        demographics: case.demographics.clone().filter(|_| identity),
    };
    let mut wanted = named_actors(&cut);
    wanted.extend(keep.iter().map(|a| (*a).clone()));
    // An organisation a kept person belongs to is kept too (consents name organisations).
    loop {
        let orgs: Vec<ActorId> = case
            .actors
            .iter()
            .filter(|a| wanted.contains(&a.id))
            .filter_map(|a| a.organisation.clone())
            .filter(|o| !wanted.contains(o))
            .collect();
        if orgs.is_empty() {
            break;
        }
        wanted.extend(orgs);
    }
    let citizen_actor = case.citizen.actor.as_ref();
    cut.actors = case
        .actors
        .iter()
        .filter(|a| wanted.contains(&a.id))
        .cloned()
        .map(|mut a| {
            if Some(&a.id) == citizen_actor && !identity {
                a.name = String::new();
            }
            a
        })
        .collect();
    // The identifiers that go: the rule every export applies.
    strip_identifiers(&mut cut, IdentifierScope::Parties { identity });
    let left_out = case.actors.len() - cut.actors.len();
    (cut, left_out)
}
