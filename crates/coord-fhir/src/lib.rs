//! # coord-fhir
//!
//! A thin adapter between coord's case file and HL7 FHIR R4: [`export`] makes a `Bundle` (type
//! `collection`) of a case file as of a date, [`import`] reads one back. The mapping is data
//! transformation only: every status it writes is a coord-core value (the referral's state on the
//! day, a goal's computed achievement status, a consent's status on the day, an activity's phase),
//! looked up in a fixed table here. What FHIR cannot carry is listed in the answer's `warnings`,
//! never dropped silently. The identifiers it carries are the core's release
//! ([`coord_core::identifier::release_identifiers`]: none unless a recipient's consent or the own
//! copy lets them go). [`handover_bundle`] is the same export of a case file the core has cut
//! down for a move between municipalities, with the handover note beside it. Field by field:
//! `docs/fhir.md`.
//!
//! Resources are built as `serde_json::Value` (see ARCHITECTURE.md, "Why Value builders"); the
//! end-to-end tests validate every exported resource against the official R4 JSON Schema.
#![forbid(unsafe_code)]

mod audit;
mod base64;
mod care;
mod consent;
mod export;
mod handover;
mod ids;
mod import;
mod measurement;
mod parties;
mod read;
mod referral;
mod vocab;

pub use export::{export, export_with_audit};
pub use handover::{handover_bundle, read_handover, ImportedHandover};
pub use import::{import, ImportError, ImportedBundle};

use coord_core::case_file::CaseFile;
use coord_core::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Something of the case file that FHIR could not carry (export) or a resource coord could not
/// read (import): where, and what. Never a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FhirWarning {
    /// A stable code (`fhir.not_mapped`, `fhir.no_code` …).
    pub code: String,
    /// Where in the case file (export) or the bundle (import), as a JSON pointer.
    pub pointer: String,
    /// What was not carried, and where it is instead, in Danish and English.
    pub message: Text,
}

impl FhirWarning {
    /// A warning with its wording in Danish and English (in that order, always).
    pub(crate) fn new(
        code: &str,
        pointer: impl Into<String>,
        da: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        Self::text(code, pointer, Text::new(da, en))
    }

    /// A warning whose bilingual wording comes from the core.
    pub(crate) fn text(code: &str, pointer: impl Into<String>, message: Text) -> Self {
        Self {
            code: code.to_owned(),
            pointer: pointer.into(),
            message,
        }
    }
}

/// An exported bundle and what it could not carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FhirExport {
    /// The FHIR R4 `Bundle` (JSON).
    pub bundle: serde_json::Value,
    /// How many resources of each type the bundle holds, by type name.
    pub counts: std::collections::BTreeMap<String, usize>,
    /// What the standard resources could not carry, and each identifier withheld.
    pub warnings: Vec<FhirWarning>,
    /// Which identifiers the export carries (absent for a handover bundle, whose release is the
    /// handover's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_mode: Option<coord_core::identifier::ReleaseMode>,
}

/// An imported case file and what could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FhirImport {
    /// The case file.
    pub case: CaseFile,
    /// How many resources of each type the bundle held, by type name.
    pub counts: std::collections::BTreeMap<String, usize>,
    /// Resources and fields that were not read.
    pub warnings: Vec<FhirWarning>,
}
