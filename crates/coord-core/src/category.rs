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

    /// The label in `lang` (the one accessor renderers use).
    pub fn label(self, lang: crate::category::Language) -> &'static str {
        match lang {
            crate::category::Language::Da => self.label_da(),
            crate::category::Language::En => self.label_en(),
        }
    }

    /// The category's name in Danish.
    pub fn label_da(self) -> &'static str {
        match self {
            InformationCategory::HealthStatus => "helbredsoplysninger og diagnoser",
            InformationCategory::TreatmentProgress => "forløb i behandling og genoptræning",
            InformationCategory::FunctionalAbility => "funktionsevne",
            InformationCategory::WorkAbility => "arbejdsevne",
            InformationCategory::Attendance => "fremmøde",
            InformationCategory::SocialCircumstances => "sociale forhold",
            InformationCategory::Economy => "økonomi",
            InformationCategory::ContactDetails => "kontaktoplysninger",
            InformationCategory::PlanAndGoals => "plan og mål",
            InformationCategory::IndicatorMeasurements => "målinger (indikatorer)",
        }
    }

    /// The category's name in English.
    pub fn label_en(self) -> &'static str {
        match self {
            InformationCategory::HealthStatus => "health status and diagnoses",
            InformationCategory::TreatmentProgress => "treatment and rehabilitation progress",
            InformationCategory::FunctionalAbility => "functional ability",
            InformationCategory::WorkAbility => "work ability",
            InformationCategory::Attendance => "attendance",
            InformationCategory::SocialCircumstances => "social circumstances",
            InformationCategory::Economy => "economy",
            InformationCategory::ContactDetails => "contact details",
            InformationCategory::PlanAndGoals => "plan and goals",
            InformationCategory::IndicatorMeasurements => "indicator measurements",
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
