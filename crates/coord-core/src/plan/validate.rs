//! Checking the plan and measurements of a case file: references that resolve, due dates after
//! starts, unique ids, measurements that score.

use crate::case_error::{CaseFileError, IdRegistry};
use crate::case_file::CaseFile;
use crate::ids::{ActorId, GoalId, InstrumentId};
use crate::instruments::{find, ScoreError};
use crate::pointer::Pointer;
use crate::reference::ReferenceData;
use chrono::NaiveDate;
use std::collections::HashSet;
use thiserror::Error;

/// A problem in the plan or the measurements that makes the case file unusable.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum PlanError {
    /// A reference to a goal that is not in the plan.
    #[error("unknown goal: no goal with this id in the plan")]
    UnknownGoal {
        /// Where the reference is.
        at: Pointer,
        /// The dangling id.
        id: GoalId,
    },
    /// A reference to an instrument that is not in the reference data.
    #[error("unknown instrument: no definition with this id in the reference data")]
    UnknownInstrument {
        /// Where the reference is.
        at: Pointer,
        /// The dangling id.
        id: InstrumentId,
    },
    /// A due date before the goal starts.
    #[error("the due date is before the goal starts")]
    DueBeforeStart {
        /// Where the due date is.
        at: Pointer,
        /// The due date.
        due: NaiveDate,
        /// The goal's start.
        start: NaiveDate,
    },
    /// A period that ends before it starts.
    #[error("the period ends before it starts")]
    PeriodInverted {
        /// Where the period is.
        at: Pointer,
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
    /// Hours that are negative or not a number.
    #[error("hours must be a number of at least 0")]
    BadHours {
        /// Where the hours are.
        at: Pointer,
    },
    /// A measurement with neither or both of `value` and `answers`.
    #[error("a measurement gives either `value` or `answers`, not {what}")]
    ValueOrAnswers {
        /// Where the measurement is.
        at: Pointer,
        /// "both" or "neither".
        what: &'static str,
    },
    /// A measurement that does not score.
    #[error(transparent)]
    Score(#[from] ScoreError),
}

impl PlanError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            PlanError::UnknownGoal { .. } => "plan.unknown_goal",
            PlanError::UnknownInstrument { .. } => "plan.unknown_instrument",
            PlanError::DueBeforeStart { .. } => "plan.due_before_start",
            PlanError::PeriodInverted { .. } => "plan.period_inverted",
            PlanError::BadHours { .. } => "plan.bad_hours",
            PlanError::ValueOrAnswers { .. } => "plan.value_or_answers",
            PlanError::Score(e) => e.code(),
        }
    }

    /// Where the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            PlanError::UnknownGoal { at, .. }
            | PlanError::UnknownInstrument { at, .. }
            | PlanError::DueBeforeStart { at, .. }
            | PlanError::PeriodInverted { at, .. }
            | PlanError::BadHours { at }
            | PlanError::ValueOrAnswers { at, .. } => at,
            PlanError::Score(e) => e.pointer(),
        }
    }
}

fn bad_hours(h: f64) -> bool {
    !h.is_finite() || h < 0.0
}

/// Every problem in the plan and measurements of `case`, in document order.
pub fn validate_plan(case: &CaseFile, reference: &ReferenceData) -> Vec<CaseFileError> {
    let root = Pointer::root();
    let mut errors: Vec<CaseFileError> = Vec::new();
    let actor_ids: HashSet<&ActorId> = case.actors.iter().map(|a| &a.id).collect();
    let actor = |id: &ActorId, at: Pointer, errors: &mut Vec<CaseFileError>| {
        if !actor_ids.contains(id) {
            errors.push(CaseFileError::UnknownActor { at, id: id.clone() });
        }
    };
    let instrument = |id: &InstrumentId, at: Pointer, errors: &mut Vec<CaseFileError>| {
        if find(&reference.instruments, id).is_none() {
            errors.push(PlanError::UnknownInstrument { at, id: id.clone() }.into());
        }
    };
    if let Some(plan) = &case.plan {
        let at = root.key("plan");
        let goal_ids: HashSet<&GoalId> = plan.goals.iter().map(|g| &g.id).collect();
        if plan.weekly_capacity_hours.is_some_and(bad_hours) {
            errors.push(
                PlanError::BadHours {
                    at: at.key("weekly_capacity_hours"),
                }
                .into(),
            );
        }
        let mut ids = IdRegistry::new();
        for (i, goal) in plan.goals.iter().enumerate() {
            let goals = at.key("goals");
            errors.extend(ids.register(goal.id.as_str(), i, |i| goals.index(i).key("id")));
            let at = goals.index(i);
            for (j, a) in goal.responsible.iter().enumerate() {
                actor(a, at.key("responsible").index(j), &mut errors);
            }
            for (j, t) in goal.targets.iter().enumerate() {
                let at = at.key("targets").index(j);
                instrument(&t.indicator, at.key("indicator"), &mut errors);
                if t.due < goal.start {
                    errors.push(
                        PlanError::DueBeforeStart {
                            at: at.key("due"),
                            due: t.due,
                            start: goal.start,
                        }
                        .into(),
                    );
                }
            }
            for (j, m) in goal.milestones.iter().enumerate() {
                if m.due < goal.start {
                    errors.push(
                        PlanError::DueBeforeStart {
                            at: at.key("milestones").index(j).key("due"),
                            due: m.due,
                            start: goal.start,
                        }
                        .into(),
                    );
                }
            }
        }
        let mut ids = IdRegistry::new();
        for (i, act) in plan.activities.iter().enumerate() {
            let activities = at.key("activities");
            errors.extend(ids.register(act.id.as_str(), i, |i| activities.index(i).key("id")));
            let at = activities.index(i);
            actor(&act.provider, at.key("provider"), &mut errors);
            for (j, g) in act.goals.iter().enumerate() {
                if !goal_ids.contains(g) {
                    errors.push(
                        PlanError::UnknownGoal {
                            at: at.key("goals").index(j),
                            id: g.clone(),
                        }
                        .into(),
                    );
                }
            }
            if let Some(to) = act.period.to.filter(|to| *to < act.period.from) {
                errors.push(
                    PlanError::PeriodInverted {
                        at: at.key("period").key("to"),
                        from: act.period.from,
                        to,
                    }
                    .into(),
                );
            }
            if bad_hours(act.hours_per_week) {
                errors.push(
                    PlanError::BadHours {
                        at: at.key("hours_per_week"),
                    }
                    .into(),
                );
            }
        }
        for (i, e) in plan.evaluations.iter().enumerate() {
            for (j, a) in e.participants.iter().enumerate() {
                actor(
                    a,
                    at.key("evaluations").index(i).key("participants").index(j),
                    &mut errors,
                );
            }
        }
    }
    let mut ids = IdRegistry::new();
    for (i, m) in case.measurements.iter().enumerate() {
        errors.extend(ids.register(m.id.as_str(), i, |i| {
            root.key("measurements").index(i).key("id")
        }));
        let at = root.key("measurements").index(i);
        if let Some(by) = &m.recorded_by {
            actor(by, at.key("recorded_by"), &mut errors);
        }
        let Some(def) = find(&reference.instruments, &m.indicator) else {
            instrument(&m.indicator, at.key("indicator"), &mut errors);
            continue;
        };
        let scored = match (&m.value, &m.answers) {
            (Some(v), None) => def.score_value(*v, &at.key("value")).map(|_| ()),
            (None, Some(a)) => def.score(a, &at.key("answers")).map(|_| ()),
            (Some(_), Some(_)) => {
                errors.push(PlanError::ValueOrAnswers { at, what: "both" }.into());
                continue;
            }
            (None, None) => {
                errors.push(
                    PlanError::ValueOrAnswers {
                        at,
                        what: "neither",
                    }
                    .into(),
                );
                continue;
            }
        };
        if let Err(e) = scored {
            errors.push(PlanError::Score(e).into());
        }
    }
    errors
}
