//! Handover between municipalities (issue 14 §4): when the citizen moves, what may go to the new
//! municipality, and how the course starts there.
//!
//! - [`parts`]: the parts of a case file and the information category each one is.
//! - [`release`](mod@release): the export side — the consent engine decides each category for the
//!   flow from the sending unit to the receiving municipality ([`crate::consent::minimise()`]);
//!   only the released parts go, every withheld part is listed with its reason, and the consent to
//!   ask for is [`crate::consent::consent_gaps`]'s.
//! - [`cut`]: the released case file, cut down to the released parts and the actors they name.
//! - [`start`]: the import side — the course starts in the new municipality under a new case id
//!   (so no consent given in the old case covers it), the old team's members end on the day before
//!   the move, and the consents given to the old municipality's units are listed to ask for again.
//! - [`sources`]: the law read for a move, cited, with what is and is not verified.
//!
//! coord ships **no legal basis** that permits sending information to the new municipality without
//! consent: none was confirmed from a primary source ([`sources`]). A municipality that has one
//! adds it to its reference data as a `permit` legal rule for the handover purpose; the decision
//! then uses it like any other basis.

pub mod cut;
pub mod parts;
pub mod release;
pub mod sources;
pub mod start;

pub use parts::{CasePart, PartCategories};
pub use release::{
    release, HandoverError, HandoverNote, HandoverRelease, HandoverRequest, ReleasedPart,
    WithheldPart, HANDOVER_PURPOSE,
};
pub use sources::{move_sources, MoveSource};
pub use start::{start_course, ConsentToRenew, EndedMember, HandoverStart};

use crate::demographics::MunicipalityCode;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A municipality, by its code as the host system knows it, and its name for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// The municipality's code (e.g. the four-digit Danish code `0270`).
    pub code: MunicipalityCode,
    /// Its name ("Gribskov Kommune"); absent, people read "kommune 0270" / "municipality 0270".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Municipality {
    /// The municipality's name for people, in `lang`.
    pub fn display(&self, lang: crate::category::Language) -> String {
        match &self.name {
            Some(n) if !n.trim().is_empty() => n.clone(),
            _ => format!(
                "{} {}",
                crate::text::pick(lang, "kommune", "municipality"),
                self.code
            ),
        }
    }
}
