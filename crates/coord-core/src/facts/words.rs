//! The words of the concepts coord itself fixes (sectors, information categories,
//! coordination levels, treatments, goal areas), as rules and set facts use them. The words of
//! the vocabularies (target groups, event kinds, condition categories, social factors, roles,
//! purposes) are not here: they are the codes declared in the reference data ([`crate::vocab`]).

use crate::category::InformationCategory;
use crate::goal_area::GoalArea;
use crate::party::{Role, Sector};

/// The words of [`crate::course::TreatmentKind`].
pub const TREATMENT_WORDS: [&str; 2] = ["chemotherapy", "radiotherapy"];
/// The words of [`Sector`].
pub const SECTOR_WORDS: [&str; 12] = [
    "municipal_employment",
    "municipal_rehabilitation",
    "municipal_prevention",
    "municipal_health_centre",
    "hospital",
    "psychiatry",
    "general_practice",
    "social_services",
    "education",
    "employer",
    "volunteer_organisation",
    "citizen",
];
/// The words of [`InformationCategory`].
pub const CATEGORY_WORDS: [&str; 10] = [
    "health_status",
    "treatment_progress",
    "functional_ability",
    "work_ability",
    "attendance",
    "social_circumstances",
    "economy",
    "contact_details",
    "plan_and_goals",
    "indicator_measurements",
];
/// The words of the coordination levels.
pub const LEVEL_WORDS: [&str; 3] = ["uncomplicated", "predictable_long", "complex"];

/// The word for a role (its code; the text is shared, not copied).
pub fn role_word(role: &Role) -> crate::vocab::word::Word {
    role.to_word()
}

/// The word for a sector.
pub fn sector_word(sector: Sector) -> &'static str {
    Sector::ALL
        .iter()
        .position(|s| *s == sector)
        .and_then(|i| SECTOR_WORDS.get(i))
        .copied()
        .unwrap_or("unknown")
}

/// The word for an information category.
pub fn category_word(category: InformationCategory) -> &'static str {
    InformationCategory::ALL
        .iter()
        .position(|c| *c == category)
        .and_then(|i| CATEGORY_WORDS.get(i))
        .copied()
        .unwrap_or("unknown")
}

/// The words of [`GoalArea`].
pub const GOAL_AREA_WORDS: [&str; 7] = [
    "work",
    "physical_function",
    "mental_health",
    "self_management",
    "lifestyle",
    "social",
    "education",
];

/// The word for a goal area.
pub fn goal_area_word(area: GoalArea) -> &'static str {
    match area {
        GoalArea::Work => "work",
        GoalArea::PhysicalFunction => "physical_function",
        GoalArea::MentalHealth => "mental_health",
        GoalArea::SelfManagement => "self_management",
        GoalArea::Lifestyle => "lifestyle",
        GoalArea::Social => "social",
        GoalArea::Education => "education",
    }
}
