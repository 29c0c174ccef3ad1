//! The words for progression's enums, one wording per language (see `crate::text`).

use super::progress::{ChangeDirection, TargetState};
use crate::category::Language;
use crate::text::pick;

impl ChangeDirection {
    /// Every direction (for the tests that walk them).
    pub const ALL: [ChangeDirection; 3] = [
        ChangeDirection::Better,
        ChangeDirection::Worse,
        ChangeDirection::Unchanged,
    ];

    /// The direction in words.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            ChangeDirection::Better => pick(lang, "bedre", "better"),
            ChangeDirection::Worse => pick(lang, "værre", "worse"),
            ChangeDirection::Unchanged => pick(lang, "uændret", "unchanged"),
        }
    }
}

impl TargetState {
    /// Every state (for the tests that walk them).
    pub const ALL: [TargetState; 3] = [TargetState::Met, TargetState::Missed, TargetState::Open];

    /// The state in words.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            TargetState::Met => pick(lang, "nået", "met"),
            TargetState::Missed => pick(lang, "ikke nået", "missed"),
            TargetState::Open => pick(lang, "åben", "open"),
        }
    }
}

impl super::progress::IndicatorProgress {
    /// The indicator's name in `lang`.
    pub fn name(&self, lang: Language) -> &str {
        pick(lang, &self.name_da, &self.name_en)
    }
}
