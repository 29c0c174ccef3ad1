//! Goals: made with the citizen, in the citizen's own words, with targets on indicators.

use crate::category::Language;
use crate::ids::{ActorId, GoalId, InstrumentId};
use crate::instruments::AbilityDomain;
use crate::party::Sector;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A goal in the shared plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// The goal's id, unique within the plan.
    pub id: GoalId,
    /// The goal in the citizen's own words ("I want to be able to work 20 hours a week again").
    pub text: String,
    /// The life domain the goal belongs to.
    pub domain: GoalDomain,
    /// Who put it into words.
    pub expressed_by: ExpressedBy,
    /// The actors responsible for following it up.
    #[serde(default)]
    pub responsible: Vec<ActorId>,
    /// The sectors responsible.
    #[serde(default)]
    pub sectors: Vec<Sector>,
    /// The day the citizen agreed to the goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_at: Option<NaiveDate>,
    /// The sectors that have signed up to the goal.
    #[serde(default)]
    pub signed_by: Vec<Sector>,
    /// The day work on the goal starts.
    pub start: NaiveDate,
    /// Measurable targets: an indicator reaching a threshold by a due date.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Steps on the way.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// The lifecycle status (FHIR Goal.lifecycleStatus).
    pub status: GoalLifecycle,
}

/// A measurable target of a goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The indicator (an instrument id).
    pub indicator: InstrumentId,
    /// The score to reach, in the indicator's better direction (at least for WHO-5, at most for
    /// PHQ-9).
    pub threshold: f64,
    /// The day it should be reached by.
    pub due: NaiveDate,
}

/// A step on the way to a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// What the step is.
    pub text: String,
    /// When it should be reached.
    pub due: NaiveDate,
    /// When it was reached, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached_on: Option<NaiveDate>,
}

/// The life domain of a goal.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GoalDomain {
    /// Work (arbejde).
    Work,
    /// Health (helbred).
    Health,
    /// Everyday life (hverdagsliv).
    EverydayLife,
    /// Education (uddannelse).
    Education,
    /// Network and social life (netværk og socialt liv).
    NetworkSocial,
    /// Economy (økonomi).
    Economy,
}

impl GoalDomain {
    /// Which of the two sectors' words the domain speaks in (DOMAIN.md S9).
    pub fn speaks_of(self) -> AbilityDomain {
        match self {
            GoalDomain::Work | GoalDomain::Education | GoalDomain::Economy => {
                AbilityDomain::WorkAbility
            }
            GoalDomain::Health | GoalDomain::EverydayLife | GoalDomain::NetworkSocial => {
                AbilityDomain::FunctionalAbility
            }
        }
    }

    /// The domain's label.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (GoalDomain::Work, Language::Da) => "arbejde",
            (GoalDomain::Work, Language::En) => "work",
            (GoalDomain::Health, Language::Da) => "helbred",
            (GoalDomain::Health, Language::En) => "health",
            (GoalDomain::EverydayLife, Language::Da) => "hverdagsliv",
            (GoalDomain::EverydayLife, Language::En) => "everyday life",
            (GoalDomain::Education, Language::Da) => "uddannelse",
            (GoalDomain::Education, Language::En) => "education",
            (GoalDomain::NetworkSocial, Language::Da) => "netværk og socialt liv",
            (GoalDomain::NetworkSocial, Language::En) => "network and social life",
            (GoalDomain::Economy, Language::Da) => "økonomi",
            (GoalDomain::Economy, Language::En) => "economy",
        }
    }
}

/// Who put the goal into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExpressedBy {
    /// The citizen, in their own words.
    Citizen,
    /// A professional, on the citizen's behalf.
    Professional,
}

/// The lifecycle of a goal (FHIR Goal.lifecycleStatus).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GoalLifecycle {
    /// Suggested, not yet agreed.
    Proposed,
    /// Agreed in principle, work not started.
    Planned,
    /// Accepted by the citizen.
    Accepted,
    /// Being worked on.
    Active,
    /// Paused.
    OnHold,
    /// Finished.
    Completed,
    /// Given up.
    Cancelled,
    /// Recorded by mistake.
    EnteredInError,
    /// Declined.
    Rejected,
}

impl GoalLifecycle {
    /// Whether the goal is one the plan must serve now.
    pub fn is_active(self) -> bool {
        matches!(self, GoalLifecycle::Active | GoalLifecycle::Accepted)
    }

    /// Whether the goal is out of play (cancelled, rejected, entered in error).
    pub fn is_void(self) -> bool {
        matches!(
            self,
            GoalLifecycle::Cancelled | GoalLifecycle::Rejected | GoalLifecycle::EnteredInError
        )
    }
}

/// How a goal is going, computed from the measurements (FHIR Goal.achievementStatus).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AchievementStatus {
    /// Not enough measurements yet to say.
    InProgress,
    /// The target indicators are getting better.
    Improving,
    /// The target indicators are getting worse.
    Worsening,
    /// No change.
    NoChange,
    /// Every target met, and the goal completed.
    Achieved,
    /// Every target met; the goal is still active to keep it so.
    Sustaining,
    /// A target's due date passed unmet, though the indicator improved.
    NotAchieved,
    /// A target's due date passed unmet, with no improvement.
    NoProgress,
    /// Judged not attainable (set by people, never computed).
    NotAttainable,
}

impl AchievementStatus {
    /// The status's label.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (AchievementStatus::InProgress, Language::Da) => "i gang",
            (AchievementStatus::InProgress, Language::En) => "in progress",
            (AchievementStatus::Improving, Language::Da) => "i bedring",
            (AchievementStatus::Improving, Language::En) => "improving",
            (AchievementStatus::Worsening, Language::Da) => "i forværring",
            (AchievementStatus::Worsening, Language::En) => "worsening",
            (AchievementStatus::NoChange, Language::Da) => "uændret",
            (AchievementStatus::NoChange, Language::En) => "no change",
            (AchievementStatus::Achieved, Language::Da) => "nået",
            (AchievementStatus::Achieved, Language::En) => "achieved",
            (AchievementStatus::Sustaining, Language::Da) => "nået, fastholdes",
            (AchievementStatus::Sustaining, Language::En) => "sustaining",
            (AchievementStatus::NotAchieved, Language::Da) => "ikke nået",
            (AchievementStatus::NotAchieved, Language::En) => "not achieved",
            (AchievementStatus::NoProgress, Language::Da) => "ingen fremgang",
            (AchievementStatus::NoProgress, Language::En) => "no progress",
            (AchievementStatus::NotAttainable, Language::Da) => "ikke opnåeligt",
            (AchievementStatus::NotAttainable, Language::En) => "not attainable",
        }
    }
}
