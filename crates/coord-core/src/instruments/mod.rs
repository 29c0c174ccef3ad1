//! Instruments and indicators: definitions as data, scoring, and checking definitions.
//!
//! Built-in definitions (WHO-5, PHQ-9, GAD-7, General Self-Efficacy, the Work Ability Score and
//! Fælles Sprog III functional levels J1–J5) ship as JSON in `coord_json::builtin`; a
//! municipality replaces or extends them through the reference data.

pub mod model;
pub mod score;

pub use model::{
    find, AbilityDomain, AnswerOption, Band, IndicatorDomain, InstrumentDefinition, Item,
    SafetyItem, ScoreRange, Scoring,
};
pub use score::{BandRef, SafetyFlag, Score, ScoreError};

use crate::pointer::Pointer;
use std::collections::HashSet;
use thiserror::Error;

/// A definition that cannot be used. Each message names the place in the reference data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum InstrumentDefinitionError {
    /// Two definitions, or two items, share an id.
    #[error("duplicate id")]
    DuplicateId {
        /// Where the second use is.
        at: Pointer,
        /// The id.
        id: String,
    },
    /// A definition without items.
    #[error("the instrument has no items")]
    NoItems {
        /// Where the items are.
        at: Pointer,
    },
    /// An item without answer options.
    #[error("the item has no answer options (neither its own nor the instrument's)")]
    NoOptions {
        /// Where the item is.
        at: Pointer,
    },
    /// The range is empty or inverted.
    #[error("the range must have `min` below `max`")]
    BadRange {
        /// Where the range is.
        at: Pointer,
    },
    /// Bands out of order or outside the range.
    #[error("bands must start within the range and in ascending order")]
    BandsOutOfOrder {
        /// Where the band is.
        at: Pointer,
    },
    /// A reliability outside [0, 1) or a norm SD that is not positive.
    #[error("reliability must lie in [0, 1) and the norm SD must be positive")]
    BadReliability {
        /// Where the value is.
        at: Pointer,
    },
    /// A safety item naming no item.
    #[error("the safety item is not an item of this instrument")]
    UnknownSafetyItem {
        /// Where the safety item is.
        at: Pointer,
        /// The item id.
        item: String,
    },
}

impl InstrumentDefinitionError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            InstrumentDefinitionError::DuplicateId { .. } => "instrument_definition.duplicate_id",
            InstrumentDefinitionError::NoItems { .. } => "instrument_definition.no_items",
            InstrumentDefinitionError::NoOptions { .. } => "instrument_definition.no_options",
            InstrumentDefinitionError::BadRange { .. } => "instrument_definition.bad_range",
            InstrumentDefinitionError::BandsOutOfOrder { .. } => {
                "instrument_definition.bands_out_of_order"
            }
            InstrumentDefinitionError::BadReliability { .. } => {
                "instrument_definition.bad_reliability"
            }
            InstrumentDefinitionError::UnknownSafetyItem { .. } => {
                "instrument_definition.unknown_safety_item"
            }
        }
    }

    /// Where the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            InstrumentDefinitionError::DuplicateId { at, .. }
            | InstrumentDefinitionError::NoItems { at }
            | InstrumentDefinitionError::NoOptions { at }
            | InstrumentDefinitionError::BadRange { at }
            | InstrumentDefinitionError::BandsOutOfOrder { at }
            | InstrumentDefinitionError::BadReliability { at }
            | InstrumentDefinitionError::UnknownSafetyItem { at, .. } => at,
        }
    }
}

/// Every problem in a list of definitions found at `at` (e.g. `/instruments`).
pub fn validate_instruments(
    instruments: &[InstrumentDefinition],
    at: &Pointer,
) -> Vec<InstrumentDefinitionError> {
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    for (i, def) in instruments.iter().enumerate() {
        let at = at.index(i);
        if !ids.insert(def.id.as_str()) {
            errors.push(InstrumentDefinitionError::DuplicateId {
                at: at.key("id"),
                id: def.id.to_string(),
            });
        }
        if def.items.is_empty() {
            errors.push(InstrumentDefinitionError::NoItems {
                at: at.key("items"),
            });
        }
        let mut item_ids = HashSet::new();
        for (j, item) in def.items.iter().enumerate() {
            if !item_ids.insert(item.id.as_str()) {
                errors.push(InstrumentDefinitionError::DuplicateId {
                    at: at.key("items").index(j).key("id"),
                    id: item.id.clone(),
                });
            }
            if def.options_of(j).is_empty() {
                errors.push(InstrumentDefinitionError::NoOptions {
                    at: at.key("items").index(j),
                });
            }
        }
        let range_ok =
            def.range.min.is_finite() && def.range.max.is_finite() && def.range.min < def.range.max;
        if !range_ok {
            errors.push(InstrumentDefinitionError::BadRange {
                at: at.key("range"),
            });
        }
        let mut previous = f64::NEG_INFINITY;
        for (j, band) in def.bands.iter().enumerate() {
            if !(band.from > previous && band.from >= def.range.min && band.from <= def.range.max) {
                errors.push(InstrumentDefinitionError::BandsOutOfOrder {
                    at: at.key("bands").index(j).key("from"),
                });
            }
            previous = band.from;
        }
        if def.reliability.is_some_and(|r| !(0.0..1.0).contains(&r)) {
            errors.push(InstrumentDefinitionError::BadReliability {
                at: at.key("reliability"),
            });
        }
        if def.norm_sd.is_some_and(|sd| sd.is_nan() || sd <= 0.0) {
            errors.push(InstrumentDefinitionError::BadReliability {
                at: at.key("norm_sd"),
            });
        }
        for (j, s) in def.safety_items.iter().enumerate() {
            if !item_ids.contains(s.item.as_str()) {
                errors.push(InstrumentDefinitionError::UnknownSafetyItem {
                    at: at.key("safety_items").index(j).key("item"),
                    item: s.item.clone(),
                });
            }
        }
    }
    errors
}
