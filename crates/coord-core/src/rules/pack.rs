//! Rule packs: dated, sourced sets of rules, with invariants and example tests.
//!
//! ```json
//! { "id": "dk-sickness-benefit-2025", "version": "1.0.0", "jurisdiction": "DK",
//!   "title_da": "…", "title_en": "…", "valid": { "from": "2025-01-01", "to": "2026-01-31" },
//!   "rules": [ { "id": "first-interview-week-8", "title_da": "…", "title_en": "…",
//!                "source": { "kind": "law", "citation": "Sygedagpengeloven §13 stk. 2" },
//!                "when": { "fact": "target_group", "eq": "sickness_benefit" },
//!                "then": [ { "deadline": { … } } ] } ],
//!   "invariants": [ … ], "tests": [ … ] }
//! ```

use super::action::{CoordinationLevel, ReferralTarget, RuleAction};
use super::condition::Condition;
use crate::case_file::CaseFile;
use crate::ids::{PackId, RuleId};
use crate::party::Role;
use crate::time::DatePeriod;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How sure the source of a rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A statute, executive order or agency guidance.
    Law,
    /// A secondary source (a report, a survey); DOMAIN.md's (sec.).
    Secondary,
    /// Needs checking before relying on it; DOMAIN.md's (unverified).
    Unverified,
    /// The municipality's own practice.
    LocalPractice,
}

/// Where a rule comes from.
///
/// ```json
/// { "kind": "law", "citation": "Lov om sygedagpenge § 24, stk. 1",
///   "cites": [ { "statute": "Lov om sygedagpenge", "number": "LBK nr. 1179 af 2023",
///                "paragraph": "§ 24, stk. 1", "url": "https://…" } ],
///   "verified": false, "note": "the statutory text was not seen; read from …" }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSource {
    /// What kind of source.
    pub kind: SourceKind,
    /// The citation as people read it (`Lov om sygedagpenge § 13 b, stk. 2`).
    pub citation: String,
    /// The structured citations a caseworker can check: statutes by name, number and paragraph,
    /// or named documents by issuer and date, with a URL where one exists. Project notes
    /// (DOMAIN.md, the seeds) are not sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<Citation>,
    /// Whether the reading is verified (`false`: the law brief marks it UNVERIFIED; the note says
    /// what is unknown). Reports show the mark next to what the rule produced.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub verified: bool,
    /// A note (what is simplified, what must be checked).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

pub use crate::citation::{Citation, DocumentCitation, StatuteCitation};

/// One rule: when the condition holds on a date in the rule's period, do the actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The rule's id, unique in the pack.
    pub id: RuleId,
    /// Title in Danish.
    pub title_da: String,
    /// Title in English.
    pub title_en: String,
    /// The legal source or local-practice note.
    pub source: RuleSource,
    /// The rule's own valid period (absent: the pack's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid: Option<DatePeriod>,
    /// The condition.
    pub when: Condition,
    /// The actions.
    pub then: Vec<RuleAction>,
}

impl Rule {
    /// Whether the rule is in force on `day` (its own period, if any).
    pub fn in_force(&self, day: NaiveDate) -> bool {
        self.valid.is_none_or(|v| v.contains(day))
    }
}

/// Something that must hold for every case the pack evaluates: if `when` holds, `then` holds.
/// Both may test case facts and result facts (`coordination_level`, `required_roles` …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Invariant {
    /// The invariant's id.
    pub id: String,
    /// In Danish.
    pub title_da: String,
    /// In English.
    pub title_en: String,
    /// When it applies (absent: always).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// What must hold.
    pub then: Condition,
}

/// What an example test expects. Each list given must equal the result's (as a set); each part
/// left out is not checked.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// The coordination level (`null`: none set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Option<CoordinationLevel>>,
    /// The required roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_roles: Option<Vec<Role>>,
    /// The proposed (not forbidden) referrals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referrals: Option<Vec<ReferralTarget>>,
    /// The tasks with deadlines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadlines: Option<Vec<String>>,
    /// The tasks overdue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overdue: Option<Vec<String>>,
    /// The warning codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Vec<String>>,
    /// The rules that fired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fired: Option<Vec<RuleId>>,
    /// Due dates by task: each task must have a deadline due on that day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<std::collections::BTreeMap<String, NaiveDate>>,
}

/// An example test (Cedar `run-test` style): a case, a date and what the pack must conclude.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackTest {
    /// The test's name.
    pub name: String,
    /// The case.
    pub case: CaseFile,
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// The expected result.
    pub expect: Expectation,
}

/// A rule pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulePack {
    /// The pack's id.
    pub id: PackId,
    /// Its version.
    pub version: String,
    /// The jurisdiction (`DK`, or `DK-0219` for one municipality).
    pub jurisdiction: String,
    /// Title in Danish.
    pub title_da: String,
    /// Title in English.
    pub title_en: String,
    /// The period the pack is in force.
    pub valid: DatePeriod,
    /// A note on the pack (sources, simplifications, what it does not cover).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The rules, in priority order for the trace (results do not depend on the order).
    pub rules: Vec<Rule>,
    /// Invariants checked on generated cases (`coord rules test`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invariants: Vec<Invariant>,
    /// Example tests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tests: Vec<PackTest>,
    /// The grounds on which sickness benefit can be extended beyond the duration limit
    /// (sygedagpengeloven §27): the codes a case may record in `course.benefit_extension.ground`
    /// and rules may compare `extension_ground` with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension_grounds: Vec<ExtensionGround>,
    /// Which cases already running on the pack's start date stay under an earlier pack's rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transitions: Vec<super::transition::Transition>,
    /// Changes announced but not yet law (a new act, a scheme ending), with source and date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub announcements: Vec<super::transition::Announcement>,
}

/// A ground for extending sickness benefit beyond the duration limit (§27), declared by a pack.
/// The pack's rules give a recorded ground its own deadline (`extension_ground` = the code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtensionGround {
    /// The code (`medical_treatment`).
    pub code: String,
    /// In Danish.
    pub title_da: String,
    /// In English.
    pub title_en: String,
    /// The legal source.
    pub source: RuleSource,
    /// The longest extension in weeks from the duration limit, when the law sets one (absent: no
    /// fixed limit — the municipality follows up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_weeks: Option<u32>,
}

impl RulePack {
    /// Whether the pack is in force on `day`.
    pub fn in_force(&self, day: NaiveDate) -> bool {
        self.valid.contains(day)
    }

    /// The rule with this id.
    pub fn rule(&self, id: &RuleId) -> Option<&Rule> {
        self.rules.iter().find(|r| &r.id == id)
    }
}

/// The pack in force on `day` for `jurisdiction` (see [`super::law::packs_in_force`]: the one that
/// began last when several are).
pub fn pack_in_force<'a>(
    packs: &'a [RulePack],
    jurisdiction: &str,
    day: NaiveDate,
) -> Option<&'a RulePack> {
    super::law::packs_in_force(packs, jurisdiction, day).pop()
}
