//! What the integration tests share: the built-in vocabularies (coord-json's embedded JSON), so
//! cases with target groups, conditions and events pass the case-file check.
#![allow(dead_code, clippy::unwrap_used)]

use coord_core::reference::ReferenceData;
use coord_core::vocab::Vocabularies;

/// The built-in vocabularies.
pub fn vocabularies() -> Vocabularies {
    serde_json::from_str(include_str!("../../../coord-json/data/vocabularies.json")).unwrap()
}

/// Empty reference data with the built-in vocabularies.
pub fn reference() -> ReferenceData {
    ReferenceData {
        vocabularies: vocabularies(),
        ..ReferenceData::default()
    }
}
