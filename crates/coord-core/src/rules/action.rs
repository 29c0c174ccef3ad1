//! What a rule does when its condition holds.
//!
//! ```json
//! { "set_level": "complex" }
//! { "require_role": "coordinating_caseworker" }
//! { "propose_referral": { "offer": "laer-at-tackle" } }
//! { "propose_referral": { "role": "health_coordinator" } }
//! { "forbid_referral": { "offer": "laer-at-tackle" } }
//! { "deadline": { "task": "first_follow_up_interview", "title_da": "Første opfølgningssamtale",
//!                 "title_en": "First follow-up interview",
//!                 "due": { "date": "first_day_of_absence", "plus_weeks": 8, "plus_days": -1 },
//!                 "done_when": { "fact": "follow_up_interviews_held", "gte": 1 } } }
//! { "ask_consent": { "categories": ["treatment_progress"], "from": "municipal_rehabilitation",
//!                    "to": "municipal_employment", "purpose": "sickness-benefit-follow-up" } }
//! { "warn": { "code": "attendance_needs_consent", "da": "…", "en": "…" } }
//! ```

use super::condition::{Condition, DateExpr};
use crate::category::InformationCategory;
use crate::consent::Action as ConsentAction;
use crate::ids::{OfferId, PurposeId};
use crate::party::{Role, Sector};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// How much coordination a case needs (seed 003). Ordered: a higher level wins.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CoordinationLevel {
    /// Most sickness-benefit cases: back soon, standard follow-up.
    Uncomplicated,
    /// Predictable but long (heart disease, cancer, accidents).
    PredictableLong,
    /// Several diseases, a diffuse picture, social factors: coordination is decisive.
    Complex,
}

impl CoordinationLevel {
    /// The JSON word.
    pub fn word(self) -> &'static str {
        match self {
            CoordinationLevel::Uncomplicated => "uncomplicated",
            CoordinationLevel::PredictableLong => "predictable_long",
            CoordinationLevel::Complex => "complex",
        }
    }

    /// The level's name. In `lang`: the one wording per language.
    pub fn label(self, lang: crate::category::Language) -> &'static str {
        match self {
            CoordinationLevel::Uncomplicated => {
                crate::text::pick(lang, "ukompliceret", "uncomplicated")
            }
            CoordinationLevel::PredictableLong => {
                crate::text::pick(lang, "forudsigeligt, men langt", "predictable but long")
            }
            CoordinationLevel::Complex => crate::text::pick(
                lang,
                "komplekst (koordinering afgørende)",
                "complex (coordination is decisive)",
            ),
        }
    }
}

impl fmt::Display for CoordinationLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// Where a referral goes: an offer in the catalogue or a role.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ReferralTarget {
    /// An offer id in the offer catalogue.
    Offer(OfferId),
    /// Whoever holds a role.
    Role(Role),
}

impl ReferralTarget {
    /// The word invariants see in `referrals_proposed` (`offer-id` or `role:<role>`).
    pub fn word(&self) -> String {
        match self {
            ReferralTarget::Offer(id) => id.to_string(),
            ReferralTarget::Role(role) => format!("role:{}", crate::facts::role_word(role)),
        }
    }
}

/// A deadline to create: a task and a due date computed from an anchor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeadlineSpec {
    /// The task's stable name (`first_follow_up_interview`).
    pub task: String,
    /// The task in Danish.
    pub title_da: Arc<str>,
    /// The task in English.
    pub title_en: Arc<str>,
    /// The due date (last day), e.g. the end of week 8: first day of absence + 8 weeks − 1 day.
    pub due: DateExpr,
    /// When the task counts as done (e.g. an interview was held); absent: never done by facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_when: Option<Condition>,
}

/// A consent to ask for: information of these categories from one sector to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentAsk {
    /// The information categories.
    pub categories: Vec<InformationCategory>,
    /// The sector holding the information.
    pub from: Sector,
    /// The sector that would receive it.
    pub to: Sector,
    /// The purpose.
    pub purpose: PurposeId,
    /// The action (default `view`).
    #[serde(default = "default_action")]
    pub action: ConsentAction,
}

fn default_action() -> ConsentAction {
    ConsentAction::View
}

/// A warning to raise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WarningSpec {
    /// A stable code (`attendance_needs_consent`).
    pub code: String,
    /// The warning in Danish.
    pub da: Arc<str>,
    /// The warning in English.
    pub en: Arc<str>,
}

/// One thing a rule does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RuleAction {
    /// Set the coordination level (the highest level set by any rule wins).
    SetLevel(CoordinationLevel),
    /// Require a role in the case.
    RequireRole(Role),
    /// Propose a referral.
    ProposeReferral(ReferralTarget),
    /// Forbid a referral (wins over a proposal of the same target).
    ForbidReferral(ReferralTarget),
    /// Create a deadline.
    Deadline(DeadlineSpec),
    /// Ask for a consent (reported when no consent in force covers it).
    AskConsent(ConsentAsk),
    /// Raise a warning.
    Warn(WarningSpec),
}

impl RuleAction {
    /// The action's JSON key.
    pub fn key(&self) -> &'static str {
        match self {
            RuleAction::SetLevel(_) => "set_level",
            RuleAction::RequireRole(_) => "require_role",
            RuleAction::ProposeReferral(_) => "propose_referral",
            RuleAction::ForbidReferral(_) => "forbid_referral",
            RuleAction::Deadline(_) => "deadline",
            RuleAction::AskConsent(_) => "ask_consent",
            RuleAction::Warn(_) => "warn",
        }
    }
}
