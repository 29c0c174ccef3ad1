//! Where every referral stands as of a date: its state, the response deadline of that state in
//! working days, whether it is stale — and whether any was sent without a permit.

use super::model::{Referral, ResponseDeadlines};
use super::state::{ReferralOutcome, ReferralState, WaitingOn};
use super::transition::unpermitted_categories;
use crate::calendar::WorkingCalendar;
use crate::category::{InformationCategory, Language};
use crate::consent::AccessIndex;
use crate::ids::{ActorId, OfferId, ReferralId};
use crate::offers::OfferCatalogue;
use crate::time::{date_of, Instant};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;

/// One referral as of the evaluation date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferralStatus {
    /// The referral.
    pub referral: ReferralId,
    /// The referrer.
    pub from: ActorId,
    /// The receiver.
    pub to: ActorId,
    /// The offer, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<OfferId>,
    /// The offer's name in Danish, when it is in the catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_name_da: Option<String>,
    /// The offer's name in English, when it is in the catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_name_en: Option<String>,
    /// The state on the evaluation date.
    pub state: ReferralState,
    /// When that state was entered.
    pub since: Instant,
    /// Whom it waits on (open referrals only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting_on: Option<WaitingOn>,
    /// The response deadline of the state, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Whether the deadline has passed on the evaluation date.
    pub stale: bool,
    /// How many working days past the deadline (0 when not stale).
    pub working_days_overdue: i64,
    /// The outcome, when completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ReferralOutcome>,
}

/// Something about the referrals that needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReferralFinding {
    /// Past its response deadline.
    Stale {
        /// The referral.
        referral: ReferralId,
        /// The receiver's name (as the case file names the actor), for people.
        to_name: String,
        /// Its state.
        state: ReferralState,
        /// The deadline.
        due: NaiveDate,
        /// Working days past it.
        working_days_overdue: i64,
        /// Whom it waits on.
        waiting_on: Option<WaitingOn>,
    },
    /// The recorded history sends it without a permit for what it carries.
    SentWithoutPermit {
        /// The referral.
        referral: ReferralId,
        /// The receiver's name (as the case file names the actor), for people.
        to_name: String,
        /// When it was sent.
        at: Instant,
        /// The categories without a permit at that moment.
        categories: Vec<InformationCategory>,
    },
}

impl ReferralFinding {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        match self {
            ReferralFinding::Stale { .. } => "referral.stale",
            ReferralFinding::SentWithoutPermit { .. } => "referral.sent_without_permit",
        }
    }

    /// The finding as a sentence for a caseworker.
    pub fn describe(&self, lang: Language) -> String {
        match (lang, self) {
            (
                Language::En,
                ReferralFinding::Stale {
                    to_name,
                    state,
                    due,
                    working_days_overdue,
                    ..
                },
            ) => format!(
                "the referral to {to_name} has stayed at “{}” past its deadline of {} ({} late)",
                state.label(crate::category::Language::En),
                crate::text::date_long(Language::En, *due),
                crate::text::count(
                    Language::En,
                    *working_days_overdue,
                    crate::text::Unit::WorkingDay
                )
            ),
            (
                Language::Da,
                ReferralFinding::Stale {
                    to_name,
                    state,
                    due,
                    working_days_overdue,
                    ..
                },
            ) => format!(
                "henvisningen til {to_name} har stået på “{}” ud over fristen {} ({} over fristen)",
                state.label(crate::category::Language::Da),
                crate::text::date_long(Language::Da, *due),
                crate::text::count(
                    Language::Da,
                    *working_days_overdue,
                    crate::text::Unit::WorkingDay
                )
            ),
            (
                Language::En,
                ReferralFinding::SentWithoutPermit {
                    to_name,
                    at,
                    categories,
                    ..
                },
            ) => format!(
                "the referral to {to_name} was sent on {} without a permit for {}",
                crate::text::date_long(Language::En, date_of(at)),
                categories
                    .iter()
                    .map(|c| c.label(crate::category::Language::En))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            (
                Language::Da,
                ReferralFinding::SentWithoutPermit {
                    to_name,
                    at,
                    categories,
                    ..
                },
            ) => format!(
                "henvisningen til {to_name} blev sendt {} uden hjemmel til {}",
                crate::text::date_long(Language::Da, date_of(at)),
                categories
                    .iter()
                    .map(|c| c.label(crate::category::Language::Da))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// Every referral as of a date, stale ones first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferralOverview {
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// Stale first (most overdue first), then open ones by deadline, then closed ones.
    pub referrals: Vec<ReferralStatus>,
    /// Findings.
    pub findings: Vec<ReferralFinding>,
}

/// The deadlines that apply to `referral`: its offer's, state by state, falling back to the
/// catalogue's default for a state the offer leaves out.
pub fn deadlines_for(referral: &Referral, catalogue: &OfferCatalogue) -> ResponseDeadlines {
    let default = catalogue.default_response_deadlines;
    match referral
        .offer
        .as_ref()
        .and_then(|o| catalogue.offer(o))
        .and_then(|o| o.response_deadlines)
    {
        Some(own) => own.or(&default),
        None => default,
    }
}

/// The status of one referral on `as_of`; `None` when it did not exist yet.
pub fn referral_status(
    referral: &Referral,
    catalogue: &OfferCatalogue,
    calendar: &WorkingCalendar,
    as_of: NaiveDate,
) -> Option<ReferralStatus> {
    let (state, since) = referral.state_on(as_of)?;
    let due = deadlines_for(referral, catalogue)
        .for_state(state)
        .map(|days| calendar.add_working_days(date_of(&since), days));
    let stale = due.is_some_and(|d| as_of > d);
    let working_days_overdue = match due {
        Some(d) if stale => calendar.working_days_between(d, as_of),
        _ => 0,
    };
    let outcome = referral
        .history
        .iter()
        .take_while(|t| date_of(&t.at) <= as_of)
        .last()
        .filter(|t| t.to == ReferralState::Completed)
        .and_then(|t| t.outcome);
    let offer = referral.offer.as_ref().and_then(|id| catalogue.offer(id));
    Some(ReferralStatus {
        referral: referral.id.clone(),
        from: referral.from.clone(),
        to: referral.to.clone(),
        offer: referral.offer.clone(),
        offer_name_da: offer.map(|o| o.name_da.clone()),
        offer_name_en: offer.map(|o| o.name_en.clone()),
        state,
        since,
        waiting_on: state.waiting_on(),
        due,
        stale,
        working_days_overdue,
        outcome,
    })
}

/// Every referral of the case `index` was built from, as of `as_of`: states, deadlines, stale ones
/// first; findings for stale referrals and for recorded sends without a permit.
pub fn referral_overview(
    index: &AccessIndex<'_>,
    catalogue: &OfferCatalogue,
    calendar: &WorkingCalendar,
    as_of: NaiveDate,
) -> ReferralOverview {
    let case = index.case();
    let mut referrals: Vec<ReferralStatus> = case
        .referrals
        .iter()
        .filter_map(|r| referral_status(r, catalogue, calendar, as_of))
        .collect();
    referrals.sort_by(|a, b| {
        let key = |s: &ReferralStatus| {
            (
                !s.stale,
                Reverse(s.working_days_overdue),
                s.state.is_final(),
                s.due.is_none(),
                s.due,
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.referral.cmp(&b.referral))
    });
    let name_of = |id: &str| {
        case.actors
            .iter()
            .find(|a| a.id.as_str() == id)
            .map_or_else(|| id.to_owned(), |a| a.name.clone())
    };
    let mut findings: Vec<ReferralFinding> = referrals
        .iter()
        .filter(|s| s.stale)
        .filter_map(|s| {
            s.due.map(|due| ReferralFinding::Stale {
                referral: s.referral.clone(),
                to_name: name_of(s.to.as_str()),
                state: s.state,
                due,
                working_days_overdue: s.working_days_overdue,
                waiting_on: s.waiting_on,
            })
        })
        .collect();
    for r in &case.referrals {
        for step in r
            .history
            .iter()
            .filter(|t| t.to == ReferralState::Sent && date_of(&t.at) <= as_of)
        {
            let categories = unpermitted_categories(index, r, step.at);
            if !categories.is_empty() {
                findings.push(ReferralFinding::SentWithoutPermit {
                    referral: r.id.clone(),
                    to_name: name_of(r.to.as_str()),
                    at: step.at,
                    categories,
                });
            }
        }
    }
    ReferralOverview {
        as_of,
        referrals,
        findings,
    }
}
