//! The shared plan (DOMAIN.md S1, S6, S9): goals made with the citizen, the activities of both
//! sectors that serve them, evaluations, measurements, and progression over time.
//!
//! - [`goal`]: goals in the citizen's words, with targets, milestones and FHIR statuses.
//! - [`activity`]: the plan, its activities, capacity and evaluations.
//! - [`measurement`]: measurements of indicators.
//! - [`validate`]: the case-file checks ([`PlanError`]).
//! - [`check`]: the plan check ([`check_plan`]), which returns findings.
//! - [`mod@progression`]: progression per indicator ([`progression()`]); [`achievement`]: each
//!   goal's targets and achievement status; [`fact`]: the latest band as a fact ([`latest_band`]).

pub mod achievement;
pub mod activity;
pub mod check;
pub mod fact;
pub mod goal;
pub mod measurement;
pub mod progression;
pub mod validate;

pub use activity::{Activity, Evaluation, Participation, Plan};
pub use check::{check_plan, FindingKind, PlanCheck, PlanFinding};
pub use fact::{latest_band, BandFact};
pub use goal::{
    AchievementStatus, ExpressedBy, Goal, GoalDomain, GoalLifecycle, Milestone, Target,
};
pub use measurement::{Measurement, MeasurementSource};
pub use progression::{
    progression, ChangeDirection, GoalProgress, IndicatorProgress, ProgressError, ProgressReport,
    ReliableChangeClass, TargetState,
};
pub use validate::PlanError;
