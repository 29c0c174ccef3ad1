//! Reference data: what a municipality maintains for all citizens.
//!
//! Legal bases and prohibitions, the consent policy, rule packs, the offer catalogue, instrument
//! definitions and the vocabularies. coord ships defaults (see `coord_json::builtin`) that a
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
    /// The vocabularies: target groups, event kinds, condition categories and social factors
    /// with their labels, sources and valid periods (see [`crate::vocab`]).
    #[serde(default)]
    pub vocabularies: crate::vocab::Vocabularies,
}

/// A problem in the reference data. Each message names the place.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ReferenceError {
    /// An instrument definition is unusable.
    #[error(transparent)]
    Instrument(#[from] crate::instruments::InstrumentDefinitionError),
    /// The offer catalogue is inconsistent.
    #[error(transparent)]
    Offer(#[from] crate::offers::OfferError),
    /// A count beyond its limit (the consent policy's longest validity).
    #[error(transparent)]
    Limit(#[from] crate::limits::LimitError),
    /// A vocabulary entry is unusable.
    #[error(transparent)]
    Vocabulary(#[from] crate::vocab::VocabularyError),
    /// A legal rule names a purpose the purpose vocabulary does not declare.
    #[error(transparent)]
    UndeclaredCode(#[from] crate::vocab::usage::UndeclaredCode),
}

impl ReferenceError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            ReferenceError::Instrument(e) => e.code(),
            ReferenceError::Offer(e) => e.code(),
            ReferenceError::Limit(e) => e.code(),
            ReferenceError::Vocabulary(e) => e.code(),
            ReferenceError::UndeclaredCode(_) => "reference.undeclared_code",
        }
    }

    /// Where in the reference data the problem is.
    pub fn pointer(&self) -> &crate::pointer::Pointer {
        match self {
            ReferenceError::Instrument(e) => e.pointer(),
            ReferenceError::Offer(e) => e.pointer(),
            ReferenceError::Limit(e) => e.pointer(),
            ReferenceError::Vocabulary(e) => e.pointer(),
            ReferenceError::UndeclaredCode(e) => &e.pointer,
        }
    }
}

/// Every problem in the reference data (instrument definitions, the offer catalogue, the consent
/// policy, the vocabularies, and purposes of legal rules the vocabulary does not declare), grouped
/// by concern in that order, each group in document order; empty when it is usable. Rule packs are checked by their own validator
/// (`rules::validate_packs`), which also reports warnings.
pub fn check_reference(reference: &ReferenceData) -> Vec<ReferenceError> {
    let root = crate::pointer::Pointer::root();
    let mut errors: Vec<ReferenceError> =
        crate::instruments::validate_instruments(&reference.instruments, &root.key("instruments"))
            .into_iter()
            .map(ReferenceError::from)
            .collect();
    errors.extend(
        crate::offers::validate_catalogue(
            &reference.offers,
            &reference.instruments,
            &root.key("offers"),
        )
        .into_iter()
        .map(ReferenceError::from),
    );
    if let Err(e) = crate::limits::within(
        i64::from(reference.consent_policy.max_validity_months),
        crate::limits::MAX_VALIDITY_MONTHS,
        crate::limits::Counted::Months,
        &root.key("consent_policy").key("max_validity_months"),
    ) {
        errors.push(e.into());
    }
    errors.extend(
        crate::vocab::entry::validate_vocabularies(
            &reference.vocabularies,
            &root.key("vocabularies"),
        )
        .into_iter()
        .map(ReferenceError::from),
    );
    errors.extend(
        crate::consent::legal::undeclared_purposes(
            &reference.legal_rules,
            &reference.vocabularies,
            &root.key("legal_rules"),
        )
        .into_iter()
        .map(ReferenceError::from),
    );
    errors
}
