//! Information categories: what kind of information a flow carries.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A category of information about the citizen. A closed set that will grow, hence
/// `#[non_exhaustive]`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InformationCategory {
    /// Health status and diagnoses (special category, GDPR art. 9).
    HealthStatus,
    /// Progress in treatment and rehabilitation.
    TreatmentProgress,
    /// Functional ability (funktionsevne; FSIII / ICF).
    FunctionalAbility,
    /// Work ability (arbejdsevne).
    WorkAbility,
    /// Attendance at offers and activities (fremmøde).
    Attendance,
    /// Social circumstances (network, housing, family).
    SocialCircumstances,
    /// Economy (benefits, debt).
    Economy,
    /// Contact details.
    ContactDetails,
    /// The shared plan and its goals.
    PlanAndGoals,
    /// Indicator measurements (scores from WHO-5, PHQ-9 …).
    IndicatorMeasurements,
}

impl InformationCategory {
    /// Every category, in a stable order.
    pub const ALL: [InformationCategory; 10] = [
        InformationCategory::HealthStatus,
        InformationCategory::TreatmentProgress,
        InformationCategory::FunctionalAbility,
        InformationCategory::WorkAbility,
        InformationCategory::Attendance,
        InformationCategory::SocialCircumstances,
        InformationCategory::Economy,
        InformationCategory::ContactDetails,
        InformationCategory::PlanAndGoals,
        InformationCategory::IndicatorMeasurements,
    ];

    /// Whether the category is health information (the categories an employer never receives).
    pub fn is_health_information(self) -> bool {
        matches!(
            self,
            InformationCategory::HealthStatus
                | InformationCategory::TreatmentProgress
                | InformationCategory::FunctionalAbility
                | InformationCategory::IndicatorMeasurements
        )
    }

    /// The category's name. In `lang`: the one wording per language.
    pub fn label(self, lang: crate::category::Language) -> &'static str {
        match self {
            InformationCategory::HealthStatus => crate::text::pick(
                lang,
                "helbredsoplysninger og diagnoser",
                "health status and diagnoses",
            ),
            InformationCategory::TreatmentProgress => crate::text::pick(
                lang,
                "forløb i behandling og genoptræning",
                "treatment and rehabilitation progress",
            ),
            InformationCategory::FunctionalAbility => {
                crate::text::pick(lang, "funktionsevne", "functional ability")
            }
            InformationCategory::WorkAbility => {
                crate::text::pick(lang, "arbejdsevne", "work ability")
            }
            InformationCategory::Attendance => crate::text::pick(lang, "fremmøde", "attendance"),
            InformationCategory::SocialCircumstances => {
                crate::text::pick(lang, "sociale forhold", "social circumstances")
            }
            InformationCategory::Economy => crate::text::pick(lang, "økonomi", "economy"),
            InformationCategory::ContactDetails => {
                crate::text::pick(lang, "kontaktoplysninger", "contact details")
            }
            InformationCategory::PlanAndGoals => {
                crate::text::pick(lang, "plan og mål", "plan and goals")
            }
            InformationCategory::IndicatorMeasurements => {
                crate::text::pick(lang, "målinger (indikatorer)", "indicator measurements")
            }
        }
    }
}

/// The language a caller wants labels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Danish.
    Da,
    /// English.
    #[default]
    En,
}
