//! One summary row per course as of a date — what statistics count — computed by the engines
//! that make the coordination report (rule evaluation, the team, referrals, progression). A row
//! holds no name and no identifier: only the dimensions statistics break down by and the measures.

use super::dimension::{AgeBand, Quarter};
use super::intervention::{interventions_of, Intervention};
use crate::check::CheckedCase;
use crate::course::{EventKind, TargetGroup};
use crate::demographics::{Gender, MunicipalityCode};
use crate::facts::case_facts;
use crate::ids::InstrumentId;
use crate::plan::{progression, AchievementStatus, ProgressError, ReliableChangeClass};
use crate::reference::ReferenceData;
use crate::referral::ReferralState;
use crate::rules::compile::CompiledPack;
use crate::rules::evaluate::DeadlineStatus;
use crate::rules::law::{evaluate_under_law_facts, LawChoice};
use crate::rules::CoordinationLevel;
use crate::team::{team_report, ThreadHolder};
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One course as statistics see it on `as_of`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CourseSummary {
    /// The date the row is made as of.
    pub as_of: NaiveDate,
    /// The municipality responsible (its code), if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<MunicipalityCode>,
    /// The target group, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_group: Option<TargetGroup>,
    /// The coordination level the rules set (none when no pack applies or no rule sets one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<CoordinationLevel>,
    /// The age band on `as_of` (from the birth year), if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_band: Option<AgeBand>,
    /// Gender as registered, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// The quarter the absence began, if the first day of absence is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Quarter>,
    /// Whole weeks from the first day of absence to the return to work, or to `as_of` while the
    /// absence goes on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks_absent: Option<u32>,
    /// Whether the citizen was back at work on `as_of`.
    pub returned: bool,
    /// Whole weeks from the first day of absence to the return to work (none while open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks_to_return: Option<u32>,
    /// Days from the first day of absence to the first follow-up interview (none before one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_to_first_interview: Option<u32>,
    /// Deadlines the rules set that are done.
    pub deadlines_met: u32,
    /// Deadlines passed and not done.
    pub deadlines_overdue: u32,
    /// Deadlines still open.
    pub deadlines_open: u32,
    /// Whether exactly one coordinating person holds the thread on `as_of`.
    pub thread_held: bool,
    /// Referrals in a final state on `as_of`.
    pub referrals_closed: u32,
    /// Of those, referrals completed with an outcome.
    pub referrals_with_outcome: u32,
    /// Change per instrument measured at least twice: baseline to latest.
    pub instruments: Vec<InstrumentChange>,
    /// Goals in the plan (cancelled ones left out).
    pub goals: u32,
    /// Goals with every target met (achieved, or met and kept so).
    pub goals_achieved: u32,
    /// The interventions the course had on `as_of` (a role on the care team, an offer taken part
    /// in: [`super::intervention`]), each once, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interventions: Vec<Intervention>,
}

/// The change on one instrument, baseline to latest measurement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstrumentChange {
    /// The instrument.
    pub indicator: InstrumentId,
    /// Reliable change (Jacobson–Truax), when the instrument has a reliability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliable_change: Option<ReliableChangeClass>,
    /// Whether the change is at least the instrument's clinically relevant change, for the better
    /// (none when the instrument defines none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinically_relevant: Option<bool>,
}

/// The law a summary is made under: the choice, and the pack compiled for it when there is one
/// (compile once for many cases).
#[derive(Debug, Clone, Copy)]
pub struct SummaryLaw<'a> {
    /// The law chosen.
    pub law: &'a LawChoice<'a>,
    /// The chosen pack compiled (`None`: facts are computed in full).
    pub compiled: Option<&'a CompiledPack<'a>>,
}

/// Summarise `case` as of `law.law.as_of`.
///
/// Fails only when progression cannot be computed as of that date (a measurement after it), like
/// the coordination report.
pub fn summarise(
    case: &CheckedCase,
    reference: &ReferenceData,
    law: SummaryLaw<'_>,
) -> Result<CourseSummary, ProgressError> {
    let as_of = law.law.as_of;
    let progress = progression(case, reference, as_of)?;
    let c = case.case();
    let mut facts = match law.compiled {
        Some(p) => p.facts(case, reference, as_of),
        None => case_facts(c, as_of),
    };
    facts.set_calendar(std::sync::Arc::new(reference.calendar.clone()));
    let evaluation = evaluate_under_law_facts(
        law.law,
        &reference.rule_packs,
        case,
        reference,
        &facts,
        false,
    );
    let required: Vec<_> = evaluation
        .required_roles
        .iter()
        .map(|r| r.role.clone())
        .collect();
    let team = team_report(c, &required, as_of);
    let count = |s: DeadlineStatus| -> u32 {
        let n = evaluation
            .deadlines
            .iter()
            .filter(|d| d.status == s)
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    };
    let first = c.course.first_day_of_absence.filter(|d| *d <= as_of);
    let back = c.course.returned_to_work.filter(|d| *d <= as_of);
    let weeks = |to: NaiveDate, from: NaiveDate| -> u32 {
        u32::try_from((to - from).num_days().max(0) / 7).unwrap_or(u32::MAX)
    };
    let first_interview = c
        .events
        .iter()
        .filter(|e| e.kind == EventKind::FOLLOW_UP_INTERVIEW && e.on <= as_of)
        .filter(|e| first.is_some_and(|f| e.on >= f))
        .map(|e| e.on)
        .min();
    let mut referrals_closed = 0u32;
    let mut referrals_with_outcome = 0u32;
    for r in &c.referrals {
        if let Some((state, _)) = r.state_on(as_of) {
            if state.is_final() {
                referrals_closed += 1;
                if state == ReferralState::Completed && r.outcome().is_some() {
                    referrals_with_outcome += 1;
                }
            }
        }
    }
    let instruments = progress
        .indicators
        .iter()
        .filter(|i| i.points.len() >= 2)
        .map(|i| InstrumentChange {
            indicator: i.indicator.clone(),
            reliable_change: i.reliable_change.map(|r| r.class),
            clinically_relevant: i.clinically_relevant,
        })
        .collect();
    let goals: Vec<_> = progress
        .goals
        .iter()
        .filter(|g| g.status != crate::plan::GoalLifecycle::Cancelled)
        .collect();
    let goals_achieved = goals
        .iter()
        .filter(|g| {
            matches!(
                g.achievement,
                Some(AchievementStatus::Achieved | AchievementStatus::Sustaining)
            )
        })
        .count();
    let demographics = c.demographics.as_ref();
    Ok(CourseSummary {
        as_of,
        municipality: demographics.and_then(|d| d.municipality.clone()),
        target_group: c.course.target_group.clone(),
        level: evaluation.level.as_ref().map(|l| l.level),
        age_band: demographics
            .and_then(|d| d.birth_year)
            .map(|y| AgeBand::of_age(as_of.year() - y)),
        gender: demographics.and_then(|d| d.gender),
        period: first.map(Quarter::of),
        weeks_absent: first.map(|f| weeks(back.unwrap_or(as_of), f)),
        returned: back.is_some(),
        weeks_to_return: first.zip(back).map(|(f, b)| weeks(b, f)),
        days_to_first_interview: first
            .zip(first_interview)
            .map(|(f, i)| u32::try_from((i - f).num_days()).unwrap_or(0)),
        deadlines_met: count(DeadlineStatus::Done),
        deadlines_overdue: count(DeadlineStatus::Overdue),
        deadlines_open: count(DeadlineStatus::Open),
        thread_held: matches!(team.thread, ThreadHolder::One { .. }),
        referrals_closed,
        referrals_with_outcome,
        instruments,
        goals: u32::try_from(goals.len()).unwrap_or(u32::MAX),
        goals_achieved: u32::try_from(goals_achieved).unwrap_or(u32::MAX),
        interventions: interventions_of(c, as_of),
    })
}
