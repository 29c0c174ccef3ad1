//! What an offer helps with and what a citizen wants to work on: the goal areas (a set coord
//! fixes). Offers are matched against the areas of the citizen's goals and wishes.

use crate::category::Language;
use crate::text::pick;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What an offer helps with; matched against the areas of the citizen's goals and wishes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GoalArea {
    /// Getting back to or into work.
    Work,
    /// Physical function, pain, mobility.
    PhysicalFunction,
    /// Mental health and well-being (stress, anxiety, depression).
    MentalHealth,
    /// Living with a chronic condition: self-management.
    SelfManagement,
    /// Smoking, alcohol, diet, weight, exercise.
    Lifestyle,
    /// Network, family, everyday life.
    Social,
    /// Education and skills.
    Education,
}

impl GoalArea {
    /// Every area, in a stable order.
    pub const ALL: [GoalArea; 7] = [
        GoalArea::Work,
        GoalArea::PhysicalFunction,
        GoalArea::MentalHealth,
        GoalArea::SelfManagement,
        GoalArea::Lifestyle,
        GoalArea::Social,
        GoalArea::Education,
    ];

    /// The area in words for people.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            GoalArea::Work => pick(lang, "arbejde", "work"),
            GoalArea::PhysicalFunction => pick(lang, "fysisk funktion", "physical function"),
            GoalArea::MentalHealth => pick(lang, "mental sundhed", "mental health"),
            GoalArea::SelfManagement => pick(lang, "mestring", "self-management"),
            GoalArea::Lifestyle => pick(lang, "livsstil", "lifestyle"),
            GoalArea::Social => pick(lang, "socialt liv", "social life"),
            GoalArea::Education => pick(lang, "uddannelse", "education"),
        }
    }
}
