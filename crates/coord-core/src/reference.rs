//! Reference data: what a municipality maintains for all citizens.
//!
//! Legal bases and prohibitions, and the consent policy; later parts add rule packs, the offer
//! catalogue and instrument definitions. coord ships defaults (see `coord_json::builtin`) that a
//! municipality can replace.

use crate::consent::legal::{ConsentPolicy, LegalRule};
use crate::instruments::InstrumentDefinition;
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
    /// Instrument and indicator definitions (WHO-5, PHQ-9 … and the municipality's own).
    #[serde(default)]
    pub instruments: Vec<InstrumentDefinition>,
}
