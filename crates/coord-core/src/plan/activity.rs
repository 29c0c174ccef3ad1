//! The plan: goals, the activities of both sectors that serve them, the citizen's capacity and
//! the evaluations.

use super::goal::Goal;
use crate::ids::{ActivityId, ActorId, GoalId};
use crate::party::Sector;
use crate::time::DatePeriod;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The shared plan, made with the citizen, covering health and work.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The goals.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// The activities from both sectors.
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// How many hours a week the citizen can manage in all, when agreed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_capacity_hours: Option<f64>,
    /// The days the plan is to be evaluated together.
    #[serde(default)]
    pub evaluation_dates: Vec<NaiveDate>,
    /// The evaluations held.
    #[serde(default)]
    pub evaluations: Vec<Evaluation>,
}

/// An activity (indsats) serving one or more goals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// The activity's id, unique within the plan.
    pub id: ActivityId,
    /// What it is ("Back school, 2 × 1.5 h a week").
    pub what: String,
    /// The sector that offers it.
    pub sector: Sector,
    /// The actor who provides it.
    pub provider: ActorId,
    /// The goals it serves.
    #[serde(default)]
    pub goals: Vec<GoalId>,
    /// When it runs (inclusive).
    pub period: DatePeriod,
    /// Hours a week it takes.
    pub hours_per_week: f64,
    /// Whether attending is voluntary or a duty (mødepligt).
    pub participation: Participation,
}

/// Whether the citizen must attend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Participation {
    /// Voluntary, built on motivation (every health offer).
    Voluntary,
    /// A duty to attend, with sanctions (an employment activity).
    Obligatory,
}

/// An evaluation of the plan held with the citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// The day it was held.
    pub held_on: NaiveDate,
    /// Who took part.
    #[serde(default)]
    pub participants: Vec<ActorId>,
    /// A short note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}
