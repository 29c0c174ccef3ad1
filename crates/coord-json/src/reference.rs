//! Reference data on the wire: the built-in defaults with any part replaced by the caller's.

use crate::builtin;
use crate::envelope::Problem;
use coord_core::consent::{ConsentPolicy, LegalRule};
use coord_core::instruments::InstrumentDefinition;
use coord_core::reference::ReferenceData;
use coord_core::rules::RulePack;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Reference data given by the caller. Each part given replaces the built-in part whole; each part
/// left out keeps the built-in default.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferenceOverrides {
    /// Legal bases and prohibitions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_rules: Option<Vec<LegalRule>>,
    /// The consent policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_policy: Option<ConsentPolicy>,
    /// Rule packs (replacing the built-in Danish packs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_packs: Option<Vec<RulePack>>,
    /// The offer catalogue (providers, offers, default response deadlines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offers: Option<coord_core::offers::OfferCatalogue>,
    /// The working-day calendar (agreed and local closing days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<coord_core::calendar::WorkingCalendar>,
    /// Instrument and indicator definitions (replacing the built-in WHO-5, PHQ-9 … whole: include
    /// the built-in ones you still want).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instruments: Option<Vec<InstrumentDefinition>>,
}

impl ReferenceOverrides {
    /// The built-in reference data with these parts replaced.
    pub fn resolve(self) -> Result<ReferenceData, Problem> {
        let mut r = builtin::reference_data()?;
        if let Some(v) = self.legal_rules {
            r.legal_rules = v;
        }
        if let Some(v) = self.consent_policy {
            r.consent_policy = v;
        }
        if let Some(v) = self.rule_packs {
            r.rule_packs = v;
        }
        if let Some(v) = self.offers {
            let errors = coord_core::offers::validate_catalogue(
                &v,
                &coord_core::pointer::Pointer::root().key("offers"),
            );
            if let Some(e) = errors.first() {
                return Err(crate::problems::problem(
                    e,
                    &coord_core::pointer::Pointer::root(),
                ));
            }
            r.offers = v;
        }
        if let Some(v) = self.calendar {
            r.calendar = v;
        }
        if let Some(v) = self.instruments {
            r.instruments = v;
        }
        Ok(r)
    }
}

/// Resolve optional overrides against the built-in reference data.
pub fn resolve(overrides: Option<ReferenceOverrides>) -> Result<ReferenceData, Problem> {
    overrides.unwrap_or_default().resolve()
}
