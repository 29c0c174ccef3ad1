//! Closed-loop referrals (DOMAIN.md S12, §9): from an actor to an offer or a provider, carrying
//! only information with a permit, through a state machine that records who and when, tells the
//! referrer and the coordinating person, and names referrals past their response deadline.
//!
//! - [`state`]: the states, the legal transitions, outcomes.
//! - [`model`]: the `referrals` part of the case file; response deadlines.
//! - [`mod@transition`]: the pure transition function, the permit check, notifications.
//! - [`validate`]: replaying the recorded history (case-file errors).
//! - [`overview`]: states, deadlines and stale referrals as of a date.

pub mod apply;
pub mod model;
pub mod overview;
pub mod state;
pub mod transition;
pub mod validate;
mod words;

#[cfg(test)]
mod tests;

pub use apply::{apply_transition, TransitionApplied};
pub use model::{Referral, ReferralReason, ResponseDeadlines, Transition};
pub use overview::{
    deadlines_for, referral_overview, referral_status, ReferralFinding, ReferralOverview,
    ReferralStatus,
};
pub use state::{NotSuccessfulReason, ReferralOutcome, ReferralState, WaitingOn};
pub use transition::{
    check_step, send_permit, transition, unpermitted_categories, Notification, NotifiedAs,
    TransitionError, TransitionResult, TransitionWarning,
};
pub use validate::{validate_referral, ReferralError};
