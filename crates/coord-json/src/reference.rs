//! Reference data on the wire: the built-in defaults with any part replaced by the caller's.

use crate::builtin;
use crate::envelope::Problem;
use coord_core::consent::{ConsentPolicy, LegalRule};
use coord_core::instruments::InstrumentDefinition;
use coord_core::pointer::Pointer;
use coord_core::reference::{check_reference, ReferenceData};
use coord_core::rules::RulePack;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Reference data given by the caller. Each part given replaces the built-in part whole (the
/// vocabularies are added to); each part left out keeps the built-in default.
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
    /// Vocabulary entries to *add* to the built-in vocabularies (target groups, event kinds,
    /// condition categories, social factors): a new code is added, an entry for a code already
    /// declared replaces the built-in entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabularies: Option<coord_core::vocab::Vocabularies>,
}

impl ReferenceOverrides {
    /// The built-in reference data with these parts replaced.
    pub fn resolve(self) -> Result<ReferenceData, Problem> {
        let mut r = builtin::reference_data()?;
        self.apply(&mut r);
        Ok(r)
    }

    /// Replace the parts given in `r` (and add the vocabulary entries given).
    pub fn apply(self, r: &mut ReferenceData) {
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
            r.offers = v;
        }
        if let Some(v) = self.calendar {
            r.calendar = v;
        }
        if let Some(v) = self.instruments {
            r.instruments = v;
        }
        if let Some(v) = self.vocabularies {
            r.vocabularies.extend(&v);
        }
    }
}

/// Resolve optional overrides against the built-in reference data and check the result
/// (`coord_core::reference::check_reference`); problems are placed under `at` (`/reference` in a
/// call, the root for a reference file of its own).
pub fn resolve_checked(
    overrides: Option<ReferenceOverrides>,
    at: &Pointer,
) -> Result<ReferenceData, Vec<Problem>> {
    let reference = overrides
        .unwrap_or_default()
        .resolve()
        .map_err(|p| vec![p])?;
    let errors = check_reference(&reference);
    if errors.is_empty() {
        Ok(reference)
    } else {
        Err(crate::problems::problems(&errors, at))
    }
}

/// [`resolve_checked`] for the `reference` part of a call.
pub fn resolve(overrides: Option<ReferenceOverrides>) -> Result<ReferenceData, Vec<Problem>> {
    resolve_checked(overrides, &Pointer::root().key("reference"))
}
