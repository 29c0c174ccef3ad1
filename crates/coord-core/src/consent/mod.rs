//! Consent for exchanging information, legal bases and prohibitions, and the access decision.
//!
//! - [`model`]: the consent record, its scope, actions and party references.
//! - [`legal`]: legal bases (permit without consent) and prohibitions (forbid whatever any consent
//!   says), and the consent policy.
//! - [`validate`]: retssikkerhedsloven §11a checks of one consent.
//! - [`decide`]: the per-category decision, indexed for speed, explained by its grounds or reason;
//!   [`bucket`]: the consents of one (category, action, purpose), by party when there are many.
//! - [`minimise`](mod@minimise): release only the permitted sections of a record.
//! - [`gaps`]: which consent to ask the citizen for.
//! - [`audit`]: the audit entry every decision yields, for the host to store.

pub mod audit;
pub mod bucket;
pub mod chain;
pub mod decide;
pub mod gaps;
pub mod legal;
pub mod minimise;
pub mod model;
pub mod request;
pub mod summary;
pub mod validate;
pub mod verdict;

pub use audit::{AuditDecision, AuditEntry, Audited};
pub use decide::{
    AccessDecision, AccessIndex, AccessRequest, CategoryOutcome, DenyReason, Grounds, RequestError,
    Verdict,
};
pub use gaps::{consent_gaps, ConsentGapReport, ConsentSuggestion, GapFlow};
pub use legal::{ConsentPolicy, Effect, LegalRule};
pub use minimise::{minimise, MinimisedRecord, Record, Section, WithheldSection};
pub use model::{
    Action, Consent, ConsentForm, ConsentScope, ConsentStatus, Flow, PartyRef, Revocation,
};
pub use summary::{validation_summary, ConsentValidationSummary};
pub use validate::{validate_consent, ConsentError};
