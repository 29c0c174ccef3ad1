//! # coord-core
//!
//! The pure domain of coord: one citizen's course back to health and work, coordinated between the
//! municipal employment service (jobcenter), the municipal and regional health services, the GP,
//! the employer and volunteers.
//!
//! **Pure** means: no I/O, no clock (callers pass `at` / `as_of`), no randomness, no global state,
//! no printing. Every function here is deterministic in its arguments.
//!
//! ## Map
//! - [`case_file`]: the one document per citizen's course; [`check`]: turning it into a
//!   [`check::CheckedCase`] the engines accept.
//! - [`reference`](mod@reference): what a municipality maintains for all citizens (legal rules, policies).
//! - [`identifier`]: CPR, SOR, CVR, GLN, P-number and other official identifiers, form-checked.
//! - [`party`], [`category`], [`ids`], [`time`], [`pointer`](mod@pointer): the vocabulary.
//! - [`consent`]: consent records, legal bases and prohibitions, the access decision,
//!   minimisation and consent gaps.
//! - [`rules`]: referral and coordination rules — conditions over case facts, dated rule packs,
//!   a validator, explained evaluation, invariants; [`course`]: the course and events they read.
//! - [`team`], [`referral`], [`offers`], [`attendance`], [`calendar`]: who catches the citizen —
//!   the care team, closed-loop referrals, the offer catalogue, attendance reporting, working days.
//! - [`plan`]: the shared plan — goals, activities, measurements, the plan check and
//!   progression; [`instruments`]: instrument definitions (WHO-5, PHQ-9 …) and scoring.
//! - [`handover`]: a move between municipalities — what may go to the new one, and how the course
//!   starts there.
//! - [`demographics`], [`generate`]: municipality, birth year and gender; synthetic case files.
//! - [`stats`]: one summary row per course, mergeable partial aggregates, and published tables
//!   with disclosure control.
//! - `strategies` (feature `proptest`): generators for property tests of your own data and rules.
//!
//! ## Example: may the bridge-builder look at rehabilitation progress?
//! ```
//! use coord_core::case_file::CaseFile;
//! use coord_core::check::CheckedCase;
//! use coord_core::consent::{AccessIndex, AccessRequest};
//! use coord_core::reference::ReferenceData;
//!
//! let case: CaseFile = serde_json::from_str(r#"{
//!   "id": "case-1",
//!   "citizen": { "id": "cit-1", "name": "Jens" },
//!   "actors": [
//!     { "id": "rehab", "name": "Rehab centre", "kind": "organisation", "sector": "municipal_rehabilitation", "role": "physiotherapist" },
//!     { "id": "mette", "name": "Mette", "kind": "person", "sector": "municipal_employment", "role": "bridge_builder" }
//!   ],
//!   "consents": [{
//!     "id": "c-rehab", "citizen": "cit-1", "given_at": "2025-03-01T10:00:00+01:00", "form": "written",
//!     "scope": { "categories": ["treatment_progress"], "holders": [{ "actor": "rehab" }],
//!                "recipients": [{ "sector": "municipal_employment" }], "purposes": ["return-to-work"],
//!                "actions": ["view"], "case": "case-1" },
//!     "valid_from": "2025-03-01", "valid_to": "2026-02-28"
//!   }]
//! }"#).unwrap();
//! // The reference data declares the roles and purposes the case uses (coord-json's built-in
//! // reference data declares coord's own; a municipality adds its own).
//! let reference: ReferenceData = serde_json::from_str(r#"{ "vocabularies": {
//!   "roles": [{ "code": "physiotherapist", "label": { "da": "fysioterapeut", "en": "physiotherapist" } },
//!             { "code": "bridge_builder", "label": { "da": "brobygger", "en": "bridge-builder" } }],
//!   "purposes": [{ "code": "return-to-work", "label": { "da": "tilbage til arbejde", "en": "return to work" } }]
//! } }"#).unwrap();
//! let checked = CheckedCase::new(case, &reference).unwrap();
//! let index = AccessIndex::new(&checked, &reference);
//! let request: AccessRequest = serde_json::from_str(r#"{
//!   "requester": "mette", "citizen": "cit-1", "case": "case-1", "holder": "rehab",
//!   "categories": ["treatment_progress", "health_status"], "action": "view",
//!   "purpose": "return-to-work", "at": "2025-03-10T09:00:00+01:00"
//! }"#).unwrap();
//! let decision = index.decide(&request).unwrap();
//! assert!(decision.outcomes[0].verdict.is_permit());  // progress: consent c-rehab
//! assert!(!decision.outcomes[1].verdict.is_permit()); // diagnoses: no consent
//! ```
#![forbid(unsafe_code)]

pub mod case_error;
pub mod case_file;
pub mod category;
pub mod check;
pub mod citation;
pub mod consent;
pub mod course;
pub mod demographics;
pub mod facts;
pub mod generate;
pub mod goal_area;
pub mod handover;
pub mod identifier;
pub mod ids;
pub mod instruments;
pub mod limits;
pub mod party;
pub mod plan;
pub mod pointer;
pub mod reference;
pub mod report;
pub mod rules;
pub mod stats;
#[cfg(feature = "proptest")]
pub mod strategies;
pub mod text;
pub mod time;
pub mod vocab;

pub mod attendance;
pub mod calendar;
pub mod offers;
pub mod referral;
pub mod team;
