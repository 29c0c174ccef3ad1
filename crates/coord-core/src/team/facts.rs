//! The facts the team, referral and wish parts of a case file add to the rules' fact catalogue
//! (`crate::rules::facts::CATALOGUE` lists them; this module computes them).

use crate::offers::GoalArea;
use crate::referral::ReferralState;
use crate::rules::facts::{role_word, FactContext};
use crate::rules::FactValue;
use crate::time::date_of;
use std::borrow::Cow;

/// The words of [`GoalArea`].
pub const GOAL_AREA_WORDS: [&str; 7] = [
    "work",
    "physical_function",
    "mental_health",
    "self_management",
    "lifestyle",
    "social",
    "education",
];

/// The word for a goal area.
pub fn goal_area_word(area: GoalArea) -> &'static str {
    match area {
        GoalArea::Work => "work",
        GoalArea::PhysicalFunction => "physical_function",
        GoalArea::MentalHealth => "mental_health",
        GoalArea::SelfManagement => "self_management",
        GoalArea::Lifestyle => "lifestyle",
        GoalArea::Social => "social",
        GoalArea::Education => "education",
    }
}

/// `coordinator_assigned`: exactly one coordinating person holds the thread on the date.
pub fn coordinator_assigned(ctx: &FactContext<'_>) -> Option<FactValue> {
    Some(FactValue::Bool(
        super::thread_holder(ctx.case, ctx.as_of).actor().is_some(),
    ))
}

/// `team_roles`: the roles of the team members on the date.
pub fn team_roles(ctx: &FactContext<'_>) -> Option<FactValue> {
    let team = ctx.case.team.as_ref()?;
    Some(FactValue::set(
        team.members
            .iter()
            .filter(|m| m.period.contains(ctx.as_of))
            .map(|m| role_word(&m.role)),
    ))
}

fn open_on<'a>(ctx: &FactContext<'a>) -> impl Iterator<Item = &'a crate::referral::Referral> {
    let as_of = ctx.as_of;
    ctx.case.referrals.iter().filter(move |r| {
        r.state_on(as_of)
            .is_some_and(|(s, _)| !s.is_final() && s != ReferralState::Draft)
    })
}

/// `open_referrals`: referrals proposed and not closed on the date.
pub fn open_referrals(ctx: &FactContext<'_>) -> Option<FactValue> {
    Some(FactValue::Number(open_on(ctx).count() as f64))
}

/// `open_referral_offers`: the offers of the open referrals.
pub fn open_referral_offers(ctx: &FactContext<'_>) -> Option<FactValue> {
    Some(FactValue::set(open_on(ctx).filter_map(|r| {
        r.offer
            .as_ref()
            .map(|o| Cow::Owned::<str>(o.as_str().to_owned()))
    })))
}

/// `wished_areas`: the areas the citizen wants to work on (wishes recorded by the date).
pub fn wished_areas(ctx: &FactContext<'_>) -> Option<FactValue> {
    Some(FactValue::set(
        ctx.case
            .wishes
            .iter()
            .filter(|w| date_of(&w.recorded_at) <= ctx.as_of)
            .flat_map(|w| w.areas.iter().map(|a| goal_area_word(*a))),
    ))
}

/// `wished_offers`: the offers the citizen asked for (wishes recorded by the date).
pub fn wished_offers(ctx: &FactContext<'_>) -> Option<FactValue> {
    Some(FactValue::set(
        ctx.case
            .wishes
            .iter()
            .filter(|w| date_of(&w.recorded_at) <= ctx.as_of)
            .filter_map(|w| {
                w.offer
                    .as_ref()
                    .map(|o| Cow::Owned::<str>(o.as_str().to_owned()))
            }),
    ))
}
