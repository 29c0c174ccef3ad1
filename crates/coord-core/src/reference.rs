//! Reference data: what a municipality maintains for all citizens.
//!
//! Legal bases and prohibitions, and the consent policy; later parts add rule packs, the offer
//! catalogue and instrument definitions. coord ships defaults (see `coord_json::builtin`) that a
//! municipality can replace.

use crate::consent::legal::{ConsentPolicy, LegalRule};
use crate::instruments::InstrumentDefinition;
use crate::rules::pack::RulePack;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The reference documents a command may need, in one value.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferenceData {
    /// Legal bases (permit) and prohibitions (forbid).
    #[serde(default)]
    pub legal_rules: Vec<LegalRule>,
    /// Limits on consents.
    #[serde(default)]
    pub consent_policy: ConsentPolicy,
    /// The offer catalogue: providers, offers, default response deadlines.
    #[serde(default)]
    pub offers: crate::offers::OfferCatalogue,
    /// The working-day calendar (agreed and local closing days).
    #[serde(default)]
    pub calendar: crate::calendar::WorkingCalendar,
    /// Referral and coordination rule packs (dated; the one in force on a date is used).
    #[serde(default)]
    pub rule_packs: Vec<RulePack>,
    /// Instrument and indicator definitions (WHO-5, PHQ-9 … and the municipality's own).
    #[serde(default)]
    pub instruments: Vec<InstrumentDefinition>,
}
