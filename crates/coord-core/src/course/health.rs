//! What the case file records about the citizen's health care that decides which offers fit:
//! treatments (chemotherapy, radiotherapy) with their periods, the hospital's rehabilitation
//! plans (genoptræningsplan, sundhedsloven §140) and whether the citizen smokes.

use crate::category::Language;
use crate::ids::ActorId;
use crate::time::DatePeriod;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A treatment that keeps a citizen from some offers while it lasts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TreatmentKind {
    /// Chemotherapy (kemoterapi): infection risk and fatigue rule out group courses and heavy
    /// training.
    Chemotherapy,
    /// Radiotherapy (strålebehandling): daily hospital visits for weeks.
    Radiotherapy,
}

impl TreatmentKind {
    /// Every kind, in a stable order.
    pub const ALL: [TreatmentKind; 2] = [TreatmentKind::Chemotherapy, TreatmentKind::Radiotherapy];

    /// The JSON word.
    pub fn word(self) -> &'static str {
        match self {
            TreatmentKind::Chemotherapy => "chemotherapy",
            TreatmentKind::Radiotherapy => "radiotherapy",
        }
    }

    /// The treatment in words for people.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            TreatmentKind::Chemotherapy => crate::text::pick(lang, "kemoterapi", "chemotherapy"),
            TreatmentKind::Radiotherapy => {
                crate::text::pick(lang, "strålebehandling", "radiotherapy")
            }
        }
    }
}

/// A treatment the citizen receives or will receive, with its period (the last day may be
/// unknown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Treatment {
    /// What treatment.
    pub kind: TreatmentKind,
    /// When: first and (if known) last day.
    pub period: DatePeriod,
    /// Who gives it (an actor id in the case file, e.g. the hospital department).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<ActorId>,
}

impl Treatment {
    /// Whether the treatment shares a day with the period from `from` to `to` (open-ended when
    /// `to` is `None`).
    pub fn overlaps(&self, from: NaiveDate, to: Option<NaiveDate>) -> bool {
        self.period.overlaps(&DatePeriod::new(from, to))
    }
}

/// A rehabilitation plan (genoptræningsplan) a hospital made at discharge: the municipality's
/// rehabilitation under sundhedsloven §140 needs one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RehabilitationPlan {
    /// The day the municipality received it.
    pub received_on: NaiveDate,
    /// The hospital that made it (an actor id in the case file).
    pub from: ActorId,
}
