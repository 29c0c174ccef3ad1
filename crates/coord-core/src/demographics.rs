//! Who the citizen is in the population: municipality, birth year, gender. Optional on a case
//! file; statistics across municipalities and synthetic case files ([`crate::generate`]) use it.
//! Nothing here identifies a person: no CPR number, no birth date, only the year.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A municipality's code (e.g. the four-digit Danish municipality code `0219`, or `SYN-007` for a
/// synthetic one). Free text chosen by the host system, never interpreted by coord.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct MunicipalityCode(pub String);

impl MunicipalityCode {
    /// Make a code from anything string-like.
    pub fn new(code: impl Into<String>) -> Self {
        Self(code.into())
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MunicipalityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Gender as registered (the Danish CPR register records two; `unspecified` when not recorded).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Not recorded.
    Unspecified,
}

/// The citizen's place in the population, for statistics. Every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Demographics {
    /// The municipality responsible for the course.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<MunicipalityCode>,
    /// The municipality's name, for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality_name: Option<String>,
    /// The citizen's year of birth (the age on a date is computed from it by whoever needs it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_year: Option<i32>,
    /// Gender as registered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
}
