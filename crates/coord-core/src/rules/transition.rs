//! What a pack says about the law around it: **transitions** (which cases already running on the
//! pack's start date stay under an earlier pack's rules, and for what) and **announcements**
//! (changes expected but not yet law, with their source and date).
//!
//! ```json
//! "transitions": [ { "id": "running-resource-courses", "earlier_pack": "dk-sickness-benefit-2025",
//!   "title_da": "…", "title_en": "…",
//!   "when": { "all": [ { "fact": "target_group", "in": ["resource_course"] },
//!                      { "fact": "course_started_on", "lt": "2026-02-01" } ] },
//!   "keep": ["rehabilitation-team-target-groups"], "instead_of": ["no-new-resource-course"],
//!   "source": { "kind": "law", "citation": "…" } } ],
//! "announcements": [ { "id": "new-main-act-2027", "expected": "2027-01-01", "title_da": "…",
//!   "title_en": "…", "source": { "kind": "law", "citation": "…", "url": "…" } } ]
//! ```

use super::condition::Condition;
use super::pack::RuleSource;
use crate::ids::{PackId, RuleId};
use chrono::{Days, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Cases already running when a pack begins that stay, for some rules, under an earlier pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// The transition's id, unique in the pack.
    pub id: String,
    /// What it says, in Danish.
    pub title_da: String,
    /// What it says, in English.
    pub title_en: String,
    /// The earlier pack whose rules keep applying (same jurisdiction).
    pub earlier_pack: PackId,
    /// Which cases it covers, tested on the case's facts as of the evaluation date (typically: the
    /// scheme began before this pack's start).
    pub when: Condition,
    /// The earlier pack's rules that keep applying to these cases.
    pub keep: Vec<RuleId>,
    /// This pack's rules that do not apply to these cases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instead_of: Vec<RuleId>,
    /// The last day the transition applies (absent: as long as the case runs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// The legal source of the transition.
    pub source: RuleSource,
}

impl Transition {
    /// Whether the transition can apply on `day` (before its `until`).
    pub fn open_on(&self, day: NaiveDate) -> bool {
        self.until.is_none_or(|u| day <= u)
    }
}

/// A change announced but not yet law.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Announcement {
    /// The announcement's id, unique in the pack.
    pub id: String,
    /// What is expected, in Danish.
    pub title_da: String,
    /// What is expected, in English.
    pub title_en: String,
    /// The day the change is expected to take effect.
    pub expected: NaiveDate,
    /// Which cases it concerns (absent: every case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// Where it is announced (and where to look).
    pub source: RuleSource,
}

impl Announcement {
    /// How many days before the expected date the report starts saying so.
    pub const NOTICE_DAYS: u64 = 30;

    /// Whether the report says so on `day`: from [`Self::NOTICE_DAYS`] days before the expected
    /// date on (also after it, while no pack for the new law is in force).
    pub fn noticed_on(&self, day: NaiveDate) -> bool {
        let from = self
            .expected
            .checked_sub_days(Days::new(Self::NOTICE_DAYS))
            .unwrap_or(self.expected);
        day >= from
    }
}
