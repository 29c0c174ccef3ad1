//! The import: the case file a coord export carries, with a warning naming what was not read.

use crate::vocab::CASE_FILE_TAG;
use crate::FhirWarning;
use serde_json::Value;
use std::collections::BTreeMap;
use thiserror::Error;

/// Why a bundle cannot be imported. Messages name the place, never a value.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ImportError {
    /// Not a FHIR `Bundle`.
    #[error("expected a FHIR Bundle (resourceType \"Bundle\" with an entry array)")]
    NotABundle {
        /// Where.
        at: String,
    },
    /// A bundle without coord's case file entry lacks a value the case file needs, or holds it
    /// in a form coord does not read.
    #[error("expected {expected}")]
    Unreadable {
        /// Where (the entry's field).
        at: String,
        /// What was expected there (never the value found).
        expected: &'static str,
    },
    /// No handover note (a bundle from `fhir export`, not `handover export`).
    #[error("no handover note (a Binary tagged urn:coord:handover): this bundle was not made by a handover export")]
    NoHandoverNote {
        /// Where.
        at: String,
    },
    /// Two case file (or handover note) entries.
    #[error("more than one coord case file or handover note entry")]
    TwoCaseFiles {
        /// Where the second is.
        at: String,
    },
    /// The case file entry's data is not base64 JSON.
    #[error("the case file entry's data is not base64-encoded JSON")]
    BadData {
        /// Where.
        at: String,
    },
}

impl ImportError {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::NotABundle { .. } => "fhir.not_a_bundle",
            ImportError::Unreadable { .. } => "fhir.unreadable",
            ImportError::NoHandoverNote { .. } => "fhir.no_handover_note",
            ImportError::TwoCaseFiles { .. } => "fhir.two_case_files",
            ImportError::BadData { .. } => "fhir.bad_data",
        }
    }

    /// Where in the bundle (a JSON pointer).
    pub fn pointer(&self) -> &str {
        match self {
            ImportError::NotABundle { at }
            | ImportError::Unreadable { at, .. }
            | ImportError::NoHandoverNote { at }
            | ImportError::TwoCaseFiles { at }
            | ImportError::BadData { at } => at,
        }
    }
}

/// What a bundle holds: the case file (as JSON, for the caller's strict parser), the number of
/// resources of each type, and the warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedBundle {
    /// The case file's JSON.
    pub case: Value,
    /// Where the case file's data is in the bundle (`/entry/N/resource/data`); empty when it
    /// was read from the standard resources.
    pub case_at: String,
    /// Read from the standard resources: where each part of the case file came from (case-file
    /// pointer, bundle pointer). Empty for the case file entry.
    pub places: Vec<(String, String)>,
    /// Resources by type.
    pub counts: BTreeMap<String, usize>,
    /// What was not read.
    pub warnings: Vec<FhirWarning>,
}

impl ImportedBundle {
    /// Whether the case file was read from the standard resources (no case file entry).
    pub fn from_resources(&self) -> bool {
        self.case_at.is_empty()
    }

    /// The place in the bundle of a place in the case file read: under the case file entry's
    /// data, or the entry (and field) the part came from.
    pub fn place(&self, case_pointer: &str) -> String {
        if !self.from_resources() {
            return format!("{}{case_pointer}", self.case_at);
        }
        self.places
            .iter()
            .filter(|(c, _)| {
                case_pointer == c
                    || (case_pointer.starts_with(c.as_str())
                        && case_pointer[c.len()..].starts_with('/'))
            })
            .max_by_key(|(c, _)| c.len())
            .map(|(_, b)| b.clone())
            .unwrap_or_default()
    }
}

fn is_case_file(resource: &Value) -> bool {
    resource["resourceType"] == "Binary"
        && resource["meta"]["tag"]
            .as_array()
            .is_some_and(|tags| tags.iter().any(|t| t["system"] == CASE_FILE_TAG))
}

/// Read a bundle: the case file entry of one made by [`crate::export`] (lossless), else the
/// case file built from the standard resources (`docs/fhir.md`, the mapping read backwards).
pub fn import(bundle: &Value) -> Result<ImportedBundle, ImportError> {
    let entries = match (bundle["resourceType"].as_str(), bundle["entry"].as_array()) {
        (Some("Bundle"), Some(e)) => e,
        _ => return Err(ImportError::NotABundle { at: String::new() }),
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut found: Option<(usize, &str)> = None;
    for (i, e) in entries.iter().enumerate() {
        let r = &e["resource"];
        let Some(t) = r["resourceType"].as_str() else {
            return Err(ImportError::NotABundle {
                at: format!("/entry/{i}/resource/resourceType"),
            });
        };
        *counts.entry(t.to_owned()).or_default() += 1;
        if is_case_file(r) {
            if found.is_some() {
                return Err(ImportError::TwoCaseFiles {
                    at: format!("/entry/{i}"),
                });
            }
            let data = r["data"].as_str().ok_or_else(|| ImportError::BadData {
                at: format!("/entry/{i}/resource/data"),
            })?;
            found = Some((i, data));
        }
    }
    let Some((i, data)) = found else {
        let read = crate::read::read_case(bundle, entries)?;
        return Ok(ImportedBundle {
            case: read.case,
            case_at: String::new(),
            places: read.places,
            counts,
            warnings: read.warnings,
        });
    };
    let at = format!("/entry/{i}/resource/data");
    let bytes =
        crate::base64::decode(data).ok_or_else(|| ImportError::BadData { at: at.clone() })?;
    let case: Value =
        serde_json::from_slice(&bytes).map_err(|_| ImportError::BadData { at: at.clone() })?;
    let others: usize = counts.values().sum::<usize>().saturating_sub(1);
    let warnings = vec![FhirWarning::new(
        "fhir.standard_resources_not_read",
        "/entry",
        format!(
            "sagsfilens post er kilden; de {others} standardressourcer ved siden af den er ikke læst (ændringer i dem importeres ikke)"
        ),
        format!(
            "the case file entry is the source; the {others} standard resources beside it were not read (changes made to them are not imported)"
        ),
    )];
    Ok(ImportedBundle {
        case,
        case_at: at,
        places: Vec::new(),
        counts,
        warnings,
    })
}
