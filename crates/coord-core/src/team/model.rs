//! The care team as recorded in the case file: the course and the members around the citizen.

use crate::category::InformationCategory;
use crate::ids::{ActorId, GoalId, ReferralId};
use crate::party::Role;
use crate::time::DatePeriod;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The status of the coordinated course (after FHIR CareTeam.status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CourseStatus {
    /// Planned, not started: nobody needs to hold the thread yet.
    Proposed,
    /// Running.
    Active,
    /// Paused (e.g. during a hospital stay); someone still holds the thread.
    Suspended,
    /// Ended; the period says when it ran.
    Closed,
}

/// The coordinated course: when it runs and its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// When the course runs (open-ended while it is running).
    pub period: DatePeriod,
    /// Its status.
    pub status: CourseStatus,
}

impl Course {
    /// Whether exactly one coordinating person is required on `day`: the course is running (active,
    /// suspended, or closed but within its period) and `day` is in its period.
    pub fn needs_coordinator_on(&self, day: NaiveDate) -> bool {
        self.status != CourseStatus::Proposed && self.period.contains(day)
    }
}

/// How to reach a team member.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address (secure mail where health information is involved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// When and how to reach them ("Tuesdays in the rehabilitation centre").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a member answers for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Responsibilities {
    /// Goals of the shared plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<GoalId>,
    /// Referrals in this case file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub referrals: Vec<ReferralId>,
    /// Information categories (whom to ask about attendance, about work ability …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<InformationCategory>,
}

impl Responsibilities {
    /// Whether the member answers for `subject`.
    pub fn covers(&self, subject: &Subject) -> bool {
        match subject {
            Subject::Goal(g) => self.goals.contains(g),
            Subject::Referral(r) => self.referrals.contains(r),
            Subject::Category(c) => self.categories.contains(c),
        }
    }
}

/// What someone wants to talk about: a goal, a referral or an information category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// A goal of the shared plan.
    Goal(GoalId),
    /// A referral.
    Referral(ReferralId),
    /// An information category.
    Category(InformationCategory),
}

/// One person (or unit) in the team, in one role, for one period. Sector and organisation come
/// from the actor record, so they are written once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamMember {
    /// The actor (an id in the case file's `actors`).
    pub actor: ActorId,
    /// The role in this team (may differ from the actor's usual role).
    pub role: Role,
    /// When they are in the team in this role.
    pub period: DatePeriod,
    /// How to reach them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// What they answer for.
    #[serde(default)]
    pub responsibilities: Responsibilities,
}

/// The care team around the citizen (the contact map, DOMAIN.md S2/S3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CareTeam {
    /// The coordinated course.
    pub course: Course,
    /// The members, each with a role and a period; a handover ends one membership and starts
    /// another.
    #[serde(default)]
    pub members: Vec<TeamMember>,
}
