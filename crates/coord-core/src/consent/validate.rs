//! Validation of one consent against retssikkerhedsloven §11a and the municipality's policy.

use super::legal::ConsentPolicy;
use super::model::Consent;
use crate::pointer::Pointer;
use crate::time::{date_of, Instant};
use chrono::{Months, NaiveDate};
use thiserror::Error;

/// Why a consent is invalid. Each message names the place and says what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ConsentError {
    /// The scope leaves a part open, so the consent is a blanket consent.
    #[error("the consent does not name its {part}; a consent must say which information, from whom, to whom and for what (retssikkerhedsloven §11a), so a blanket consent is invalid")]
    Blanket {
        /// Where the empty list is.
        at: Pointer,
        /// Which part is missing ("information categories", "holders", "recipients", "purpose", "actions").
        part: &'static str,
    },
    /// The valid period ends before it starts.
    #[error("the consent ends before it starts")]
    EndBeforeStart {
        /// Where `valid_to` is.
        at: Pointer,
        /// First valid day.
        from: NaiveDate,
        /// Last valid day.
        to: NaiveDate,
    },
    /// The valid period is longer than the policy allows.
    #[error("the consent runs longer than the {max_months} months a consent may last")]
    ValidityTooLong {
        /// Where `valid_to` is.
        at: Pointer,
        /// First valid day.
        from: NaiveDate,
        /// Last valid day.
        to: NaiveDate,
        /// The policy's maximum.
        max_months: u32,
    },
    /// A revocation is dated before the consent was given.
    #[error("the consent is revoked before it was given")]
    RevokedBeforeGiven {
        /// Where the revocation's `at` is.
        at: Pointer,
        /// When it was revoked.
        revoked: Instant,
        /// When it was given.
        given: Instant,
    },
    /// An oral consent with nobody named as having recorded it.
    #[error("an oral consent must name the professional who recorded it (GDPR art. 7(1): the controller must be able to show the consent was given)")]
    OralWithoutRecorder {
        /// Where `recorded_by` belongs.
        at: Pointer,
    },
    /// The consent was given after its validity ended.
    #[error("the consent was given after its last valid day")]
    GivenAfterEnd {
        /// Where `given_at` is.
        at: Pointer,
        /// The day it was given.
        given: NaiveDate,
        /// Its last valid day.
        to: NaiveDate,
    },
}

impl ConsentError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            ConsentError::Blanket { .. } => "consent.blanket",
            ConsentError::EndBeforeStart { .. } => "consent.end_before_start",
            ConsentError::ValidityTooLong { .. } => "consent.validity_too_long",
            ConsentError::RevokedBeforeGiven { .. } => "consent.revoked_before_given",
            ConsentError::OralWithoutRecorder { .. } => "consent.oral_without_recorder",
            ConsentError::GivenAfterEnd { .. } => "consent.given_after_end",
        }
    }

    /// Where in the input the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            ConsentError::Blanket { at, .. }
            | ConsentError::EndBeforeStart { at, .. }
            | ConsentError::ValidityTooLong { at, .. }
            | ConsentError::RevokedBeforeGiven { at, .. }
            | ConsentError::OralWithoutRecorder { at }
            | ConsentError::GivenAfterEnd { at, .. } => at,
        }
    }
}

/// Check one consent found at `at` (e.g. `/consents/2`). Returns every problem, in document order;
/// an empty list means the consent is valid.
///
/// ```
/// use coord_core::category::InformationCategory;
/// use coord_core::consent::{validate_consent, Action, Consent, ConsentForm, ConsentPolicy, ConsentScope, PartyRef};
/// use coord_core::party::Sector;
/// use coord_core::pointer::Pointer;
///
/// let consent = Consent {
///     id: "c1".into(),
///     citizen: "cit-1".into(),
///     given_at: "2025-03-01T10:00:00+01:00".parse().unwrap(),
///     form: ConsentForm::Written,
///     recorded_by: None,
///     scope: ConsentScope {
///         categories: vec![InformationCategory::TreatmentProgress],
///         holders: vec![PartyRef::Sector(Sector::MunicipalRehabilitation)],
///         recipients: vec![PartyRef::Sector(Sector::MunicipalEmployment)],
///         purposes: vec![], // left open: a blanket consent
///         actions: vec![Action::View],
///         case: "case-1".into(),
///     },
///     valid_from: "2025-03-01".parse().unwrap(),
///     valid_to: "2026-03-01".parse().unwrap(), // one day past a year
///     revocations: vec![],
///     text_ref: None,
/// };
/// let problems = validate_consent(&consent, &ConsentPolicy::default(), &Pointer::root().key("consents").index(0));
/// let places: Vec<String> = problems.iter().map(|p| p.pointer().to_string()).collect();
/// assert_eq!(places, ["/consents/0/scope/purposes", "/consents/0/valid_to"]);
/// ```
pub fn validate_consent(
    consent: &Consent,
    policy: &ConsentPolicy,
    at: &Pointer,
) -> Vec<ConsentError> {
    let mut out = Vec::new();
    let scope = at.key("scope");
    let parts: [(bool, &str, &'static str); 5] = [
        (
            consent.scope.categories.is_empty(),
            "categories",
            "information categories",
        ),
        (
            consent.scope.holders.is_empty(),
            "holders",
            "holders (from whom)",
        ),
        (
            consent.scope.recipients.is_empty(),
            "recipients",
            "recipients (to whom)",
        ),
        (consent.scope.purposes.is_empty(), "purposes", "purpose"),
        (consent.scope.actions.is_empty(), "actions", "actions"),
    ];
    for (empty, key, part) in parts {
        if empty {
            out.push(ConsentError::Blanket {
                at: scope.key(key),
                part,
            });
        }
    }
    if consent.form == super::model::ConsentForm::Oral && consent.recorded_by.is_none() {
        out.push(ConsentError::OralWithoutRecorder {
            at: at.key("recorded_by"),
        });
    }
    let (from, to) = (consent.valid_from, consent.valid_to);
    if to < from {
        out.push(ConsentError::EndBeforeStart {
            at: at.key("valid_to"),
            from,
            to,
        });
    } else {
        let limit = from.checked_add_months(Months::new(policy.max_validity_months));
        if limit.is_none_or(|limit| to >= limit) {
            out.push(ConsentError::ValidityTooLong {
                at: at.key("valid_to"),
                from,
                to,
                max_months: policy.max_validity_months,
            });
        }
    }
    let given_day = date_of(&consent.given_at);
    if given_day > to {
        out.push(ConsentError::GivenAfterEnd {
            at: at.key("given_at"),
            given: given_day,
            to,
        });
    }
    for (i, r) in consent.revocations.iter().enumerate() {
        if r.at < consent.given_at {
            out.push(ConsentError::RevokedBeforeGiven {
                at: at.key("revocations").index(i).key("at"),
                revoked: r.at,
                given: consent.given_at,
            });
        }
    }
    out
}
