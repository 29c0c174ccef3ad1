//! Checking the team part of a case file: members refer to known actors and referrals, periods are
//! the right way round, and one actor does not hold the same role twice at once.

use super::model::CareTeam;
use crate::ids::{ActorId, ReferralId};
use crate::party::Role;
use crate::pointer::Pointer;
use std::collections::HashSet;
use thiserror::Error;

/// A problem in the team part of a case file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TeamError {
    /// The same actor holds the same role in two overlapping periods.
    #[error("the actor already holds this role in an overlapping period at {other}")]
    OverlappingMembership {
        /// The later membership's period.
        at: Pointer,
        /// The actor.
        actor: ActorId,
        /// The role.
        role: Role,
        /// The earlier membership's period.
        other: Pointer,
    },
    /// A period that ends before it starts.
    #[error("the period ends before it starts")]
    InvertedPeriod {
        /// The period.
        at: Pointer,
    },
    /// A responsibility for a referral that is not in the case file.
    #[error("unknown referral: no referral with this id in the case file")]
    UnknownReferral {
        /// Where the reference is.
        at: Pointer,
        /// The dangling id.
        id: ReferralId,
    },
}

impl TeamError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            TeamError::OverlappingMembership { .. } => "team.overlapping_membership",
            TeamError::InvertedPeriod { .. } => "team.inverted_period",
            TeamError::UnknownReferral { .. } => "team.unknown_referral",
        }
    }

    /// Where in the case file the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            TeamError::OverlappingMembership { at, .. }
            | TeamError::InvertedPeriod { at }
            | TeamError::UnknownReferral { at, .. } => at,
        }
    }
}

/// Every problem of `team` (at `at`, usually `/team`); actors are checked by the case-file check.
pub fn validate_team(
    team: &CareTeam,
    referrals: &HashSet<&ReferralId>,
    at: &Pointer,
) -> Vec<TeamError> {
    let mut errors = Vec::new();
    if team.course.period.is_inverted() {
        errors.push(TeamError::InvertedPeriod {
            at: at.key("course").key("period"),
        });
    }
    for (i, m) in team.members.iter().enumerate() {
        let here = || at.key("members").index(i);
        if m.period.is_inverted() {
            errors.push(TeamError::InvertedPeriod {
                at: here().key("period"),
            });
            continue;
        }
        if let Some((j, _)) = team.members.iter().enumerate().take(i).find(|(_, o)| {
            o.actor == m.actor
                && o.role == m.role
                && !o.period.is_inverted()
                && o.period.overlaps(&m.period)
        }) {
            errors.push(TeamError::OverlappingMembership {
                at: here().key("period"),
                actor: m.actor.clone(),
                role: m.role.clone(),
                other: at.key("members").index(j).key("period"),
            });
        }
        for (k, r) in m.responsibilities.referrals.iter().enumerate() {
            if !referrals.contains(r) {
                errors.push(TeamError::UnknownReferral {
                    at: here().key("responsibilities").key("referrals").index(k),
                    id: r.clone(),
                });
            }
        }
    }
    errors
}
