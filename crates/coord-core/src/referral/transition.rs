//! The pure transition function: check a step against the state machine, check the permit before
//! sending, record who and when, and say whom to notify.

use super::model::{Referral, Transition};
use super::state::ReferralState;
use crate::case_file::CaseFile;
use crate::category::{InformationCategory, Language};
use crate::consent::{consent_gaps, AccessIndex, Action, ConsentGapReport, Flow, GapFlow};
use crate::ids::{ActorId, ReferralId};
use crate::pointer::Pointer;
use crate::team::{thread_holder, ThreadHolder};
use crate::time::{date_of, Instant};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a transition is refused. Nothing changes when it is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TransitionError {
    /// The state machine does not allow this step.
    #[error("a referral cannot go from `{}` to `{}`; allowed next: {}", from.label(crate::category::Language::En), to.label(crate::category::Language::En), allowed(*from))]
    Illegal {
        /// The requested state.
        at: Pointer,
        /// The current state.
        from: ReferralState,
        /// The requested state.
        to: ReferralState,
    },
    /// `completed` needs an outcome.
    #[error("a completed referral needs an outcome (successful, or not successful with a reason)")]
    OutcomeRequired {
        /// Where the outcome belongs.
        at: Pointer,
    },
    /// Only `completed` carries an outcome.
    #[error("only a completed referral has an outcome, not `{}`", to.label(crate::category::Language::En))]
    OutcomeNotAllowed {
        /// The outcome given.
        at: Pointer,
        /// The requested state.
        to: ReferralState,
    },
    /// `rejected` and `cancelled` need a reason.
    #[error("a referral that is {} needs a reason", to.label(crate::category::Language::En))]
    ReasonRequired {
        /// Where the reason belongs.
        at: Pointer,
        /// The requested state.
        to: ReferralState,
    },
    /// The transition is dated before the previous one.
    #[error("the transition is dated before the previous one")]
    OutOfOrder {
        /// The time given.
        at: Pointer,
        /// The previous transition's time.
        previous: Instant,
    },
    /// The actor making the transition is not in the case file.
    #[error("unknown actor: no actor with this id in the case file")]
    UnknownActor {
        /// Where the id is.
        at: Pointer,
        /// The dangling id.
        id: ActorId,
    },
    /// No referral with this id in the case file.
    #[error("unknown referral: no referral with this id in the case file")]
    UnknownReferral {
        /// Where the id is.
        at: Pointer,
        /// The dangling id.
        id: crate::ids::ReferralId,
    },
    /// No send without a permit: a carried category is not permitted to the receiver.
    #[error("the referral cannot be sent: no permit to disclose {} to the recipient{}", labels(missing), ask.as_deref().map(as_clause).unwrap_or_default())]
    NoPermit {
        /// The requested state.
        at: Pointer,
        /// The receiver.
        recipient: ActorId,
        /// The categories without a permit (missing consent or forbidden).
        missing: Vec<InformationCategory>,
        /// The consent to ask the citizen for, in English, when a consent can help.
        ask: Option<String>,
    },
}

fn allowed(from: ReferralState) -> String {
    let next = from.next_states();
    if next.is_empty() {
        "none, the referral is closed".into()
    } else {
        next.iter()
            .map(|s| format!("`{}`", s.wire_name()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// "Ask X for …." as a clause of an error message: "; ask X for …".
fn as_clause(ask: &str) -> String {
    let trimmed = ask.trim_end_matches('.');
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) => format!("; {}{}", first.to_lowercase(), chars.as_str()),
        None => String::new(),
    }
}

fn labels(cats: &[InformationCategory]) -> String {
    cats.iter()
        .map(|c| c.label(crate::category::Language::En))
        .collect::<Vec<_>>()
        .join(", ")
}

impl TransitionError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            TransitionError::Illegal { .. } => "referral.illegal_transition",
            TransitionError::OutcomeRequired { .. } => "referral.outcome_required",
            TransitionError::OutcomeNotAllowed { .. } => "referral.outcome_not_allowed",
            TransitionError::ReasonRequired { .. } => "referral.reason_required",
            TransitionError::OutOfOrder { .. } => "referral.out_of_order",
            TransitionError::UnknownActor { .. } => "referral.unknown_actor",
            TransitionError::UnknownReferral { .. } => "referral.unknown_referral",
            TransitionError::NoPermit { .. } => "referral.no_permit",
        }
    }

    /// Where the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            TransitionError::Illegal { at, .. }
            | TransitionError::OutcomeRequired { at }
            | TransitionError::OutcomeNotAllowed { at, .. }
            | TransitionError::ReasonRequired { at, .. }
            | TransitionError::OutOfOrder { at, .. }
            | TransitionError::UnknownActor { at, .. }
            | TransitionError::UnknownReferral { at, .. }
            | TransitionError::NoPermit { at, .. } => at,
        }
    }
}

/// What is wrong with a step, before it is placed in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    Illegal(ReferralState, ReferralState),
    OutOfOrder(Instant),
    OutcomeRequired,
    OutcomeNotAllowed(ReferralState),
    ReasonRequired(ReferralState),
}

impl Fault {
    fn at(self, at: &Pointer) -> TransitionError {
        match self {
            Fault::Illegal(from, to) => TransitionError::Illegal {
                at: at.key("to"),
                from,
                to,
            },
            Fault::OutOfOrder(previous) => TransitionError::OutOfOrder {
                at: at.key("at"),
                previous,
            },
            Fault::OutcomeRequired => TransitionError::OutcomeRequired {
                at: at.key("outcome"),
            },
            Fault::OutcomeNotAllowed(to) => TransitionError::OutcomeNotAllowed {
                at: at.key("outcome"),
                to,
            },
            Fault::ReasonRequired(to) => TransitionError::ReasonRequired {
                at: at.key("reason"),
                to,
            },
        }
    }
}

fn step_fault(from: ReferralState, since: Instant, step: &Transition) -> Result<(), Fault> {
    if !from.can_go_to(step.to) {
        return Err(Fault::Illegal(from, step.to));
    }
    if step.at < since {
        return Err(Fault::OutOfOrder(since));
    }
    match (step.to, step.outcome) {
        (ReferralState::Completed, None) => return Err(Fault::OutcomeRequired),
        (ReferralState::Completed, Some(_)) | (_, None) => {}
        (to, Some(_)) => return Err(Fault::OutcomeNotAllowed(to)),
    }
    let needs_reason = matches!(step.to, ReferralState::Rejected | ReferralState::Cancelled);
    if needs_reason && step.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
        return Err(Fault::ReasonRequired(step.to));
    }
    Ok(())
}

/// Check one step of the state machine (without the permit): `step`, placed at `at`, follows a
/// referral in state `from` entered at `since`.
pub fn check_step(
    from: ReferralState,
    since: Instant,
    step: &Transition,
    at: &Pointer,
) -> Result<(), TransitionError> {
    step_fault(from, since, step).map_err(|f| f.at(at))
}

/// Check a step, placing the error only when there is one (`place` builds the pointer lazily).
pub(crate) fn check_step_lazy(
    from: ReferralState,
    since: Instant,
    step: &Transition,
    place: impl FnOnce() -> Pointer,
) -> Result<(), TransitionError> {
    step_fault(from, since, step).map_err(|f| f.at(&place()))
}

/// The permit check for sending `referral` at `at`: a `disclose` from the referrer to the receiver
/// of every carried category, for the referral's purpose. Returns the consent-gap report; the
/// referral may be sent when it has nothing missing or blocked.
pub fn send_permit(
    index: &AccessIndex<'_>,
    referral: &Referral,
    at: Instant,
) -> Option<ConsentGapReport> {
    if referral.categories.is_empty() {
        return None;
    }
    let flow = GapFlow::new(
        Flow {
            holder: referral.from.clone(),
            recipient: referral.to.clone(),
            categories: referral.categories.clone(),
            action: Action::Disclose,
            purpose: referral.purpose.clone(),
        },
        at,
    );
    // Both actors are checked to exist in the case file, so the request is well formed; a request
    // that is not is treated as no permit at all.
    Some(consent_gaps(index, &flow).unwrap_or_else(|_| {
        ConsentGapReport {
            citizen: index.case().citizen.id.clone(),
            case: index.case().id.clone(),
            flow: flow.clone(),
            permitted: Vec::new(),
            missing: Vec::new(),
            blocked: referral
                .categories
                .iter()
                .map(|&category| crate::consent::CategoryOutcome {
                    category,
                    verdict: crate::consent::Verdict::Deny {
                        reason: crate::consent::DenyReason::NoConsent,
                    },
                })
                .collect(),
            suggestion: None,
        }
    }))
}

/// The carried categories not permitted to the receiver at `at` (empty when the send is
/// permitted). The fast form of [`send_permit`], without the consent suggestion.
pub fn unpermitted_categories(
    index: &AccessIndex<'_>,
    referral: &Referral,
    at: Instant,
) -> Vec<InformationCategory> {
    if referral.categories.is_empty() {
        return Vec::new();
    }
    let case = index.case();
    let request = crate::consent::AccessRequest {
        requester: referral.to.clone(),
        citizen: case.citizen.id.clone(),
        case: case.id.clone(),
        holder: referral.from.clone(),
        categories: referral.categories.clone(),
        action: Action::Disclose,
        purpose: referral.purpose.clone(),
        at,
    };
    match index.decide(&request) {
        Ok(d) => d
            .outcomes
            .into_iter()
            .filter(|o| !o.verdict.is_permit())
            .map(|o| o.category)
            .collect(),
        Err(_) => referral.categories.clone(),
    }
}

/// Whether the report permits every category.
pub fn permits_all(report: &Option<ConsentGapReport>) -> bool {
    report
        .as_ref()
        .is_none_or(|r| r.missing.is_empty() && r.blocked.is_empty())
}

/// Why someone is told about a transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotifiedAs {
    /// The referrer: closes the loop.
    Referrer,
    /// The coordinating person holding the thread.
    Coordinator,
}

/// A notification a transition yields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notification {
    /// Whom to tell.
    pub to: ActorId,
    /// In which capacity (the referrer and the coordinator may be the same person: one
    /// notification, the referrer capacity first).
    pub notified_as: Vec<NotifiedAs>,
    /// About which referral.
    pub referral: ReferralId,
    /// The new state.
    pub state: ReferralState,
    /// Who made the transition.
    pub by: ActorId,
    /// When.
    pub at: Instant,
    /// The message in English.
    pub text_en: String,
    /// The message in Danish.
    pub text_da: String,
}

/// Something worth knowing about a transition that did not stop it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TransitionWarning {
    /// Nobody held the thread on that day, so only the referrer is told.
    NoCoordinator {
        /// The day.
        on: NaiveDate,
    },
}

/// The result of a transition: the referral with the new step recorded, and the notifications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionResult {
    /// The state before.
    pub from: ReferralState,
    /// The state now.
    pub to: ReferralState,
    /// The referral with the transition appended to its history.
    pub referral: Referral,
    /// Whom to tell.
    pub notifications: Vec<Notification>,
    /// The permit check made before sending (only for `sent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permit: Option<ConsentGapReport>,
    /// Warnings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<TransitionWarning>,
}

/// The notifications for a step of `referral` (already appended or not), for the referrer and the
/// coordinating person(s) on that day; and a warning when nobody held the thread.
pub fn notifications(
    case: &CaseFile,
    referral: &Referral,
    step: &Transition,
) -> (Vec<Notification>, Vec<TransitionWarning>) {
    let mut warnings = Vec::new();
    let day = date_of(&step.at);
    let coordinators: Vec<ActorId> = match thread_holder(case, day) {
        ThreadHolder::One { member } => vec![member.actor],
        ThreadHolder::Several { members } => members.into_iter().map(|m| m.actor).collect(),
        ThreadHolder::Nobody | ThreadHolder::NoCourse => {
            warnings.push(TransitionWarning::NoCoordinator { on: day });
            Vec::new()
        }
    };
    let mut recipients: Vec<(ActorId, Vec<NotifiedAs>)> =
        vec![(referral.from.clone(), vec![NotifiedAs::Referrer])];
    for c in coordinators {
        match recipients.iter_mut().find(|(a, _)| *a == c) {
            Some((_, roles)) => roles.push(NotifiedAs::Coordinator),
            None => recipients.push((c, vec![NotifiedAs::Coordinator])),
        }
    }
    let name = |id: &ActorId| {
        case.actor(id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    };
    let extra = |lang: Language| {
        let mut s = String::new();
        if let Some(o) = step.outcome {
            s.push_str(&format!(" ({})", o.describe(lang)));
        }
        if let Some(r) = step.reason.as_deref().filter(|r| !r.trim().is_empty()) {
            s.push_str(&format!(": {r}"));
        }
        s
    };
    let notes = recipients
        .into_iter()
        .map(|(to, notified_as)| Notification {
            to,
            notified_as,
            referral: referral.id.clone(),
            state: step.to,
            by: step.by.clone(),
            at: step.at,
            text_en: format!(
                "Referral {} for {} to {} is now {}{} (by {}, {}).",
                referral.id,
                case.citizen.name,
                name(&referral.to),
                step.to.label(crate::category::Language::En),
                extra(Language::En),
                name(&step.by),
                crate::text::date_long(Language::En, day)
            ),
            text_da: format!(
                "Henvisning {} for {} til {} er nu {}{} (af {}, {}).",
                referral.id,
                case.citizen.name,
                name(&referral.to),
                step.to.label(crate::category::Language::Da),
                extra(Language::Da),
                name(&step.by),
                crate::text::date_long(Language::Da, day)
            ),
        })
        .collect();
    (notes, warnings)
}

/// Make a transition of `referral` in the case `index` was built from: check the step (placed at
/// `at`, e.g. `/transition`), check the permit before `sent`, append the step, and say whom to
/// notify. Pure: the caller stores the new referral.
pub fn transition(
    index: &AccessIndex<'_>,
    referral: &Referral,
    step: &Transition,
    at: &Pointer,
) -> Result<TransitionResult, TransitionError> {
    let case = index.case();
    if case.actor(&step.by).is_none() {
        return Err(TransitionError::UnknownActor {
            at: at.key("by"),
            id: step.by.clone(),
        });
    }
    let from = referral.state();
    check_step(from, referral.since(), step, at)?;
    let mut permit = None;
    if step.to == ReferralState::Sent {
        permit = send_permit(index, referral, step.at);
        if !permits_all(&permit) {
            let (missing, ask) = match &permit {
                Some(r) => (
                    r.missing
                        .iter()
                        .chain(&r.blocked)
                        .map(|o| o.category)
                        .collect(),
                    r.suggestion.as_ref().map(|s| s.ask_en.clone()),
                ),
                None => (Vec::new(), None),
            };
            return Err(TransitionError::NoPermit {
                at: at.key("to"),
                recipient: referral.to.clone(),
                missing,
                ask,
            });
        }
    }
    let mut next = referral.clone();
    next.history.push(step.clone());
    let (notifications, warnings) = notifications(case, &next, step);
    Ok(TransitionResult {
        from,
        to: step.to,
        referral: next,
        notifications,
        permit,
        warnings,
    })
}
