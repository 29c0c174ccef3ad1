//! The facts layer: every fact a rule or an offer can test, with its name, type and meaning, and how
//! it is computed from a case file as of a date.
//!
//! It sits below the rules and the offers (they import it) and reads the engines it needs (the
//! team's thread holder, the course's counted periods); nothing it reads imports it back
//! (`crates/coord-core/tests/no_import_circles.rs` checks it). One concept per file: [`course`],
//! [`events`], [`consent`], [`team`] (actors, referrals, wishes), [`result`] (facts known only after
//! evaluation); [`words`] holds the words of the concepts coord fixes, [`value`] the fact values.
//!
//! **Adding a fact** is one `FactDef` constant in its concept's file and one line in [`CATALOGUE`]
//! (kept sorted by name): a name, a type, a meaning in Danish and English, the words it can take
//! (for text and set facts: a fixed list, or `vocabulary` for the codes a vocabulary of the
//! reference data declares; neither means open), and a function from the [`FactContext`] to the
//! value. A *family* of facts (one per event kind, say `first_event_on.combined_description`) is an
//! entry whose name ends in `.*` with a [`Compute::Family`] function. The validator and
//! `coord rules facts` read the same list.

pub mod consent;
pub mod course;
pub mod events;
pub mod name;
pub mod result;
pub mod team;
pub mod value;
pub mod words;

pub use name::{FactName, FactSlot};
pub use value::{FactSet, FactType, FactValue};
pub use words::{category_word, role_word, sector_word};

use crate::case_file::CaseFile;
use crate::vocab::{Vocabularies, VocabularyKind};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a fact is computed from.
#[derive(Debug, Clone, Copy)]
pub struct FactContext<'a> {
    /// The case file.
    pub case: &'a CaseFile,
    /// The evaluation date.
    pub as_of: NaiveDate,
}

/// How a fact's value is computed.
#[derive(Debug, Clone, Copy)]
pub enum Compute {
    /// One value from the case (None: not known).
    Case(fn(&FactContext<'_>) -> Option<FactValue>),
    /// A family of facts (`name.*`), inserted into the set by the function.
    Family(fn(&FactContext<'_>, &mut FactSet)),
    /// Known only after evaluation: the result facts pack invariants test.
    Result,
}

/// One fact in the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct FactDef {
    /// The name rules use (`weeks_since_first_absence`); a family ends in `.*`.
    pub name: &'static str,
    /// The type.
    pub ty: FactType,
    /// What it means, in English.
    pub meaning_en: &'static str,
    /// What it means, in Danish.
    pub meaning_da: &'static str,
    /// The words a text or set fact can take, when coord fixes them (empty: see `vocabulary`).
    pub words: &'static [&'static str],
    /// The vocabulary whose declared codes the fact takes (for a family: the codes after the dot).
    pub vocabulary: Option<VocabularyKind>,
    /// How it is computed.
    pub compute: Compute,
}

/// A fact's description for people and programs (`coord rules facts`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactInfo {
    /// The name.
    pub name: String,
    /// The type.
    #[serde(rename = "type")]
    pub ty: FactType,
    /// Meaning in English.
    pub meaning_en: String,
    /// Meaning in Danish.
    pub meaning_da: String,
    /// The words it can take (empty: open).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// The vocabulary whose declared codes it takes (its codes are the `words`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary: Option<VocabularyKind>,
    /// Whether only pack invariants can test it (a fact about the evaluation result).
    pub result_only: bool,
}

impl FactDef {
    /// The description for listing, with the codes `vocabularies` declare for a vocabulary fact.
    pub fn info(&self, vocabularies: &Vocabularies) -> FactInfo {
        FactInfo {
            name: self.name.to_owned(),
            ty: self.ty,
            meaning_en: self.meaning_en.to_owned(),
            meaning_da: self.meaning_da.to_owned(),
            words: self.allowed_words(vocabularies),
            vocabulary: self.vocabulary,
            result_only: matches!(self.compute, Compute::Result),
        }
    }

    /// The words the fact can take (for a family: after the dot); empty when open.
    pub fn allowed_words(&self, vocabularies: &Vocabularies) -> Vec<String> {
        match self.vocabulary {
            Some(kind) => vocabularies
                .codes(kind)
                .map(|c| c.as_str().to_owned())
                .collect(),
            None => self.words.iter().map(|w| (*w).to_owned()).collect(),
        }
    }

    /// Whether the fact is a family (`name.*`).
    pub fn is_family(&self) -> bool {
        self.name.ends_with(".*")
    }
}

fn num(n: usize) -> FactValue {
    FactValue::Number(n as f64)
}

/// Every fact, sorted by name. See the [module documentation](self) for how to add one.
pub const CATALOGUE: &[FactDef] = &[
    course::ABSENCE_WEEK,
    team::ACTOR_ROLES,
    team::ACTOR_SECTORS,
    course::AS_OF,
    course::CITIZEN_EXPECTED_RETURN,
    course::CONDITION_COUNT,
    course::CONDITIONS,
    consent::CONSENTS_IN_FORCE,
    consent::CONSENTS_REVOKED,
    result::COORDINATION_LEVEL,
    team::COORDINATOR_ASSIGNED,
    course::COURSE_STARTED_ON,
    course::CURRENT_TREATMENTS,
    course::DAYS_SINCE_FIRST_ABSENCE,
    course::DIFFUSE_PHYSICAL,
    course::DIFFUSE_PICTURE,
    course::DIFFUSE_PSYCHOLOGICAL,
    course::EARLIER_SICK_PERIODS,
    course::EMPLOYED,
    course::EMPLOYER_EXPECTED_ABSENCE_WEEKS,
    course::EMPLOYER_EXPECTED_RETURN,
    course::EMPLOYER_PERIOD_ENDS_ON,
    events::EVENT_COUNT_FAMILY,
    events::EVENTS_HELD,
    course::EXPECTED_ABSENCE_WEEKS,
    course::EXPECTED_RETURN,
    course::EXTENSION_DECIDED_ON,
    course::EXTENSION_GROUND,
    course::FAST_TRACK_REQUESTED,
    course::FAST_TRACK_REQUESTED_ON,
    course::FIRST_DAY_OF_ABSENCE,
    events::FIRST_EVENT_ON_FAMILY,
    events::FIRST_FOLLOW_UP_INTERVIEW_ON,
    events::FOLLOW_UP_INTERVIEWS_HELD,
    events::GP_CERTIFICATE_RECEIVED,
    course::HAS_EMPLOYER,
    events::JOB_INTERVIEWS_HELD,
    events::LAST_EVENT_ON_FAMILY,
    events::LAST_FOLLOW_UP_INTERVIEW_ON,
    team::OPEN_REFERRAL_OFFERS,
    team::OPEN_REFERRALS,
    result::REFERRALS_PROPOSED,
    course::REHABILITATION_PLAN_RECEIVED,
    events::REHABILITATION_TEAM_MEETING_ON,
    course::REPEAT_CASE,
    result::REQUIRED_ROLES,
    course::SMOKES,
    course::SOCIAL_FACTOR_COUNT,
    course::SOCIAL_FACTORS,
    course::TARGET_GROUP,
    result::TASK_DEADLINES_MAX,
    result::TASKS_DUE,
    result::TASKS_OVERDUE,
    events::TEAM_MEETINGS_HELD,
    team::TEAM_ROLES,
    events::VISITATION_ON,
    result::WARNINGS,
    course::WEEKS_SINCE_FIRST_ABSENCE,
    team::WISHED_AREAS,
    team::WISHED_OFFERS,
];

// Every catalogue fact has a slot in a fact set's slot table.
const _: () = assert!(CATALOGUE.len() <= value::CATALOGUE_SLOTS);

/// The catalogue entry for a fact name (families match by their prefix).
pub fn lookup(name: &str) -> Option<&'static FactDef> {
    if let Ok(i) = CATALOGUE.binary_search_by(|d| d.name.cmp(name)) {
        return CATALOGUE.get(i);
    }
    CATALOGUE.iter().find(|d| {
        d.name
            .strip_suffix('*')
            .is_some_and(|prefix| name.starts_with(prefix) && name.len() > prefix.len())
    })
}

/// The facts about `case` as of `as_of` (the case facts; result facts are added by evaluation).
pub fn case_facts(case: &CaseFile, as_of: NaiveDate) -> FactSet {
    let ctx = FactContext { case, as_of };
    let mut facts = FactSet::new(as_of);
    for (slot, def) in CATALOGUE.iter().enumerate() {
        match def.compute {
            Compute::Case(f) => {
                if let Some(v) = f(&ctx) {
                    // Catalogue names are unique (a test checks they are strictly sorted).
                    facts.push_new(slot, def.name, v);
                }
            }
            Compute::Family(f) => f(&ctx, &mut facts),
            Compute::Result => {}
        }
    }
    facts.set_counted_periods(counted_periods(case));
    facts
}

/// The periods of `case` counting towards the sickness-benefit duration limit, for a fact set.
pub fn counted_periods(case: &CaseFile) -> std::sync::Arc<[crate::time::DatePeriod]> {
    crate::course::benefit::counted_periods(&case.course).into()
}

/// Every fact's description, in catalogue order (vocabulary facts with the declared codes).
pub fn catalogue(vocabularies: &Vocabularies) -> Vec<FactInfo> {
    CATALOGUE.iter().map(|d| d.info(vocabularies)).collect()
}

/// What `coord rules facts` lists: every fact, and the vocabularies whose codes rules and case
/// files use (code, labels, source, valid period).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactListing {
    /// Every fact, in catalogue order.
    pub facts: Vec<FactInfo>,
    /// The vocabularies of the reference data (built-in and the municipality's additions).
    pub vocabularies: Vocabularies,
}

/// The listing for `vocabularies`.
pub fn listing(vocabularies: &Vocabularies) -> FactListing {
    FactListing {
        facts: catalogue(vocabularies),
        vocabularies: vocabularies.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_sorted_and_families_are_found_by_prefix() {
        assert!(CATALOGUE.windows(2).all(|w| w[0].name < w[1].name));
        assert!(lookup("weeks_since_first_absence").is_some());
        assert!(lookup("weeks_since").is_none());
        assert_eq!(
            lookup("first_event_on.combined_description").map(|d| d.name),
            Some("first_event_on.*")
        );
        assert!(lookup("first_event_on.").is_none());
    }

    #[test]
    fn fixed_word_lists_match_their_enums() {
        for (i, t) in crate::course::TreatmentKind::ALL.iter().enumerate() {
            assert_eq!(words::TREATMENT_WORDS[i], t.word());
        }
    }
}
