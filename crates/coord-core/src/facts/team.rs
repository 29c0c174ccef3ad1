//! The facts of the team, the actors, the referrals and the citizen's wishes.

use super::value::FactValue;
use super::words::{goal_area_word, role_word, sector_word, GOAL_AREA_WORDS, SECTOR_WORDS};
use super::{Compute, FactContext, FactDef, FactType};
use crate::referral::ReferralState;
use crate::time::date_of;
use std::borrow::Cow;

/// `coordinator_assigned`: exactly one coordinating person holds the thread on the date.
pub fn coordinator_assigned(ctx: &FactContext<'_>) -> Option<FactValue> {
    Some(FactValue::Bool(
        crate::team::thread_holder(ctx.case, ctx.as_of)
            .actor()
            .is_some(),
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

/// `actor_roles`.
pub const ACTOR_ROLES: FactDef = FactDef {
    name: "actor_roles",
    ty: FactType::Set,
    meaning_en: "the roles of the actors in the case file",
    meaning_da: "aktørernes roller i sagen",
    words: &[],
    vocabulary: Some(crate::vocab::VocabularyKind::Role),
    compute: Compute::Case(|ctx| {
        Some(FactValue::set(
            ctx.case.actors.iter().map(|a| role_word(&a.role)),
        ))
    }),
};

/// `actor_sectors`.
pub const ACTOR_SECTORS: FactDef = FactDef {
    name: "actor_sectors",
    ty: FactType::Set,
    meaning_en: "the sectors of the actors in the case file",
    meaning_da: "sektorerne, aktørerne i sagen hører til",
    words: &SECTOR_WORDS,
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        Some(FactValue::set(
            ctx.case.actors.iter().map(|a| sector_word(a.sector)),
        ))
    }),
};

/// `coordinator_assigned`.
pub const COORDINATOR_ASSIGNED: FactDef = FactDef {
    name: "coordinator_assigned",
    ty: FactType::Bool,
    meaning_en:
        "exactly one coordinating caseworker holds the thread on the evaluation date (team)",
    meaning_da: "præcis én koordinerende sagsbehandler holder tråden på datoen (team)",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(coordinator_assigned),
};

/// `open_referral_offers`.
pub const OPEN_REFERRAL_OFFERS: FactDef = FactDef {
    name: "open_referral_offers",
    ty: FactType::Set,
    meaning_en: "the offers of referrals proposed and not closed on the evaluation date",
    meaning_da: "tilbud med henvisninger, der er foreslået og ikke afsluttet på datoen",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(open_referral_offers),
};

/// `open_referrals`.
pub const OPEN_REFERRALS: FactDef = FactDef {
    name: "open_referrals",
    ty: FactType::Number,
    meaning_en: "how many referrals are proposed and not closed on the evaluation date",
    meaning_da: "antal henvisninger, der er foreslået og ikke afsluttet på datoen",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(open_referrals),
};

/// `team_roles`.
pub const TEAM_ROLES: FactDef = FactDef {
    name: "team_roles",
    ty: FactType::Set,
    meaning_en: "the roles of the care-team members on the evaluation date",
    meaning_da: "rollerne i teamet omkring borgeren på datoen",
    words: &[],
    vocabulary: Some(crate::vocab::VocabularyKind::Role),
    compute: Compute::Case(team_roles),
};

/// `wished_areas`.
pub const WISHED_AREAS: FactDef = FactDef {
    name: "wished_areas",
    ty: FactType::Set,
    meaning_en: "the areas the citizen has said they want to work on",
    meaning_da: "de områder, borgeren selv har ønsket at arbejde med",
    words: &GOAL_AREA_WORDS,
    vocabulary: None,
    compute: Compute::Case(wished_areas),
};

/// `wished_offers`.
pub const WISHED_OFFERS: FactDef = FactDef {
    name: "wished_offers",
    ty: FactType::Set,
    meaning_en: "the offers the citizen has asked for",
    meaning_da: "de tilbud, borgeren selv har bedt om",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(wished_offers),
};
