//! The shared plan (DOMAIN.md S1, S6, S9): goals made with the citizen, the activities of both
//! sectors that serve them, evaluations, measurements, and progression over time.
//!
//! - [`goal`]: goals in the citizen's words, with targets, milestones and FHIR statuses.
//! - [`activity`]: the plan, its activities, capacity and evaluations.
//! - [`measurement`]: measurements of indicators.
//! - [`validate`]: the case-file checks ([`PlanError`]).
//! - [`check`]: the plan check ([`check_plan`]), which returns findings.
//! - [`mod@progression`]: progression per indicator ([`progression()`]); [`achievement`]: each
//!   goal's targets and achievement status; [`fact`]: the latest band as a fact ([`latest_band`]).

//!
//! ## Example: a week over capacity, and a falling PHQ-9 that is an improvement
//! ```
//! use coord_core::case_file::CaseFile;
//! use coord_core::check::CheckedCase;
//! use coord_core::instruments::InstrumentDefinition;
//! use coord_core::plan::{check_plan, progression, ChangeDirection, FindingKind};
//! use coord_core::reference::ReferenceData;
//!
//! // A two-item symptom scale, 0–3 each, lower is better (a stand-in for PHQ-9).
//! let scale: InstrumentDefinition = serde_json::from_str(r#"{
//!   "id": "sym", "name_da": "Symptomer", "name_en": "Symptoms", "domain": "mental_health",
//!   "items": [{ "id": "sym-1" }, { "id": "sym-2" }],
//!   "options": [{ "value": 0, "score": 0 }, { "value": 1, "score": 1 },
//!               { "value": 2, "score": 2 }, { "value": 3, "score": 3 }],
//!   "scoring": { "method": "sum" }, "range": { "min": 0, "max": 6 },
//!   "higher_is_better": false, "licence": "example"
//! }"#).unwrap();
//! let mut reference: ReferenceData = serde_json::from_str(r#"{ "vocabularies": { "roles": [
//!   { "code": "caseworker", "label": { "da": "sagsbehandler", "en": "caseworker" } },
//!   { "code": "physiotherapist", "label": { "da": "fysioterapeut", "en": "physiotherapist" } }
//! ] } }"#).unwrap();
//! reference.instruments.push(scale);
//! let case: CaseFile = serde_json::from_str(r#"{
//!   "id": "case-1", "citizen": { "id": "cit-1", "name": "Sofie" },
//!   "actors": [
//!     { "id": "lars", "name": "Lars", "kind": "person", "sector": "municipal_employment", "role": "caseworker" },
//!     { "id": "anne", "name": "Anne", "kind": "person", "sector": "municipal_health_centre", "role": "physiotherapist" }
//!   ],
//!   "plan": {
//!     "weekly_capacity_hours": 12,
//!     "goals": [{ "id": "g1", "text": "Back at work 15 hours a week", "domain": "work",
//!                 "expressed_by": "citizen", "agreed_at": "2025-03-01", "responsible": ["lars"], "start": "2025-03-01",
//!                 "targets": [{ "indicator": "sym", "threshold": 2, "due": "2025-09-01" }],
//!                 "status": "active" }],
//!     "activities": [
//!       { "id": "placement", "what": "Work placement", "sector": "municipal_employment", "provider": "lars",
//!         "goals": ["g1"], "period": { "from": "2025-03-03", "to": "2025-06-30" },
//!         "hours_per_week": 10, "participation": "obligatory" },
//!       { "id": "training", "what": "Back training", "sector": "municipal_health_centre", "provider": "anne",
//!         "goals": ["g1"], "period": { "from": "2025-04-07", "to": "2025-04-20" },
//!         "hours_per_week": 3, "participation": "voluntary" }
//!     ]
//!   },
//!   "measurements": [
//!     { "id": "m1", "indicator": "sym", "date": "2025-03-03", "answers": [3, 2], "source": "instrument" },
//!     { "id": "m2", "indicator": "sym", "date": "2025-05-05", "answers": [1, 0], "source": "instrument" }
//!   ]
//! }"#).unwrap();
//! let checked = CheckedCase::new(case, &reference).unwrap();
//! let as_of = "2025-05-31".parse().unwrap();
//!
//! let check = check_plan(&checked, as_of);
//! let FindingKind::CapacityExceeded { first_week, last_week, .. } = &check.findings[0].kind else {
//!     panic!("expected a capacity finding");
//! };
//! assert_eq!((first_week.as_str(), last_week.as_str()), ("2025-W15", "2025-W16"));
//!
//! let report = progression(&checked, &reference, as_of).unwrap();
//! assert_eq!(report.indicators[0].change, -4.0);
//! assert_eq!(report.indicators[0].direction, ChangeDirection::Better);
//! ```

pub mod achievement;
pub mod activity;
pub mod check;
pub mod fact;
pub mod goal;
pub mod measurement;
pub mod progress;
pub mod progression;
pub mod validate;
mod words;

pub use activity::{Activity, Evaluation, Participation, Plan};
pub use check::{check_plan, FindingKind, PlanCheck, PlanFinding};
pub use fact::{latest_band, BandFact};
pub use goal::{
    AchievementStatus, ExpressedBy, Goal, GoalDomain, GoalLifecycle, Milestone, Target,
};
pub use measurement::{Measurement, MeasurementSource};
pub use progression::{
    progression, ChangeDirection, GoalProgress, IndicatorProgress, ProgressError, ProgressReport,
    ReliableChangeClass, TargetState,
};
pub use validate::PlanError;
