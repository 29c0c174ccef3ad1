//! Each goal's targets (met, missed, open) and its achievement status (FHIR), from the progression
//! of the indicators its targets are on.

use super::goal::{AchievementStatus, Goal, GoalLifecycle};
use super::progress::{
    ChangeDirection, GoalProgress, IndicatorProgress, ReliableChangeClass, TargetProgress,
    TargetState,
};
use crate::ids::InstrumentId;
use crate::instruments::InstrumentDefinition;
use chrono::NaiveDate;

/// Whether an indicator moved for the better, the worse, or not, using the reliable-change
/// classification where there is one.
fn movement(p: &IndicatorProgress) -> ChangeDirection {
    match p.reliable_change.map(|r| r.class) {
        Some(ReliableChangeClass::ReliablyImproved) => ChangeDirection::Better,
        Some(ReliableChangeClass::ReliablyDeteriorated) => ChangeDirection::Worse,
        Some(ReliableChangeClass::NoReliableChange) => ChangeDirection::Unchanged,
        None => p.direction,
    }
}

pub(super) fn goal_progress(
    goal: &Goal,
    indicators: &[IndicatorProgress],
    defs: &[InstrumentDefinition],
    as_of: NaiveDate,
) -> GoalProgress {
    let find = |id: &InstrumentId| indicators.iter().find(|p| &p.indicator == id);
    let targets: Vec<TargetProgress> = goal
        .targets
        .iter()
        .map(|t| {
            let progress = find(&t.indicator);
            let def = crate::instruments::find(defs, &t.indicator);
            let met_on = progress.zip(def).and_then(|(p, d)| {
                p.points
                    .iter()
                    .find(|pt| {
                        pt.date >= goal.start
                            && pt.date <= t.due
                            && d.reaches(pt.score, t.threshold)
                    })
                    .map(|pt| pt.date)
            });
            let state = match met_on {
                Some(_) => TargetState::Met,
                None if t.due < as_of => TargetState::Missed,
                None => TargetState::Open,
            };
            TargetProgress {
                indicator: t.indicator.clone(),
                threshold: t.threshold,
                at_least: def.is_none_or(|d| d.higher_is_better),
                due: t.due,
                state,
                met_on,
                latest: progress.map(|p| p.latest.score),
            }
        })
        .collect();
    let achievement = achievement(goal, &targets, indicators, defs);
    GoalProgress {
        goal: goal.id.clone(),
        text: goal.text.clone(),
        domain: goal.domain,
        speaks_of: goal.domain.speaks_of(),
        status: goal.status,
        achievement,
        targets,
    }
}

/// FHIR's achievement status from the targets and the movement of their indicators.
fn achievement(
    goal: &Goal,
    targets: &[TargetProgress],
    indicators: &[IndicatorProgress],
    defs: &[InstrumentDefinition],
) -> Option<AchievementStatus> {
    if goal.status.is_void() || targets.is_empty() {
        return None;
    }
    let moved = |id: &InstrumentId| {
        indicators
            .iter()
            .find(|p| &p.indicator == id)
            .filter(|p| p.points.len() > 1)
            .map(movement)
    };
    if targets.iter().all(|t| t.state == TargetState::Met) {
        let still = targets.iter().all(|t| {
            let def = crate::instruments::find(defs, &t.indicator);
            t.latest
                .zip(def)
                .is_some_and(|(l, d)| d.reaches(l, t.threshold))
        });
        return Some(match (still, goal.status) {
            (false, _) => AchievementStatus::Worsening,
            (true, GoalLifecycle::Completed) => AchievementStatus::Achieved,
            (true, _) => AchievementStatus::Sustaining,
        });
    }
    if let Some(missed) = targets.iter().find(|t| t.state == TargetState::Missed) {
        return Some(match moved(&missed.indicator) {
            Some(ChangeDirection::Better) => AchievementStatus::NotAchieved,
            _ => AchievementStatus::NoProgress,
        });
    }
    let moves: Vec<Option<ChangeDirection>> = targets.iter().map(|t| moved(&t.indicator)).collect();
    Some(if moves.contains(&Some(ChangeDirection::Worse)) {
        AchievementStatus::Worsening
    } else if moves.iter().any(Option::is_none) {
        AchievementStatus::InProgress
    } else if moves.iter().all(|m| *m == Some(ChangeDirection::Better)) {
        AchievementStatus::Improving
    } else if moves.iter().all(|m| *m == Some(ChangeDirection::Unchanged)) {
        AchievementStatus::NoChange
    } else {
        AchievementStatus::InProgress
    })
}
