//! Legal bases and prohibitions as data: rules of law that permit a flow without consent, or
//! forbid it whatever any consent says.

use super::model::{Action, PartyRef};
use crate::category::InformationCategory;
use crate::ids::{BasisId, PurposeId};
use crate::time::DatePeriod;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Whether a legal rule permits or forbids the flows it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The flow is allowed without consent (a legal basis).
    Permit,
    /// The flow is forbidden whatever any consent says (a prohibition). Forbid overrides permit.
    Forbid,
}

/// A legal basis or a prohibition. Every list left out matches anything: unlike a consent, a rule of
/// law may be general.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalRule {
    /// The rule's id (e.g. `sundhedsloven-41-current-treatment`).
    pub id: BasisId,
    /// Permit (basis) or forbid (prohibition).
    pub effect: Effect,
    /// Title in Danish.
    pub title_da: String,
    /// Title in English.
    pub title_en: String,
    /// The legal source ("sundhedsloven §41 stk. 2 nr. 1").
    pub source: String,
    /// Holders matched; absent matches any holder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holders: Option<Vec<PartyRef>>,
    /// Recipients matched; absent matches any recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Vec<PartyRef>>,
    /// Categories matched; absent matches any category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<InformationCategory>>,
    /// Actions matched; absent matches any action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<Action>>,
    /// Purposes matched; absent matches any purpose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purposes: Option<Vec<PurposeId>>,
    /// When the rule is in force; absent means always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid: Option<DatePeriod>,
}

/// Limits a municipality sets on consents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentPolicy {
    /// The longest validity a consent may have, in months (default 12: consent for purposes other
    /// than current treatment has been held to last one year, DOMAIN.md §6).
    #[serde(default = "default_max_validity_months")]
    pub max_validity_months: u32,
}

fn default_max_validity_months() -> u32 {
    12
}

impl Default for ConsentPolicy {
    fn default() -> Self {
        Self {
            max_validity_months: default_max_validity_months(),
        }
    }
}
