//! Words the report needs for enums defined by the engines it brings together.

use crate::category::Language;
use crate::rules::evaluate::DeadlineStatus;
use crate::text::pick;

impl DeadlineStatus {
    /// Every status (for the tests that walk them).
    pub const ALL: [DeadlineStatus; 3] = [
        DeadlineStatus::Overdue,
        DeadlineStatus::Open,
        DeadlineStatus::Done,
    ];

    /// The status in words.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            DeadlineStatus::Overdue => pick(lang, "OVERSKREDET", "OVERDUE"),
            DeadlineStatus::Open => pick(lang, "åben", "open"),
            DeadlineStatus::Done => pick(lang, "udført", "done"),
        }
    }
}
