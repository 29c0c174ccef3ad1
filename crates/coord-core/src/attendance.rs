//! Attendance (DOMAIN.md S5): attendance at a voluntary health offer reaches the employment side
//! only under a consent or a legal basis covering `report_attendance` to that recipient for that
//! purpose — otherwise the answer is a *withheld* notice, never a silent forward. Attendance at an
//! obligatory employment activity is reportable under the duty to attend.

use crate::category::{InformationCategory, Language};
use crate::consent::{
    consent_gaps, AccessIndex, Action, ConsentSuggestion, DenyReason, Flow, GapFlow, Grounds,
    RequestError, Verdict,
};
use crate::ids::{ActorId, CaseId, CitizenId, OfferId, PurposeId};
use crate::offers::{OfferCatalogue, ParticipationBasis};
use crate::pointer::Pointer;
use crate::time::Instant;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A question: may the provider report the citizen's attendance at an offer to a recipient?
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceQuestion {
    /// The offer attended.
    pub offer: OfferId,
    /// Who holds the attendance record (the provider or its staff, an actor id).
    pub holder: ActorId,
    /// Who would receive it (e.g. the jobcenter caseworker).
    pub recipient: ActorId,
    /// For which purpose.
    pub purpose: PurposeId,
    /// When.
    pub at: Instant,
}

/// Why an attendance question cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AttendanceError {
    /// The offer is not in the catalogue.
    #[error("unknown offer: no offer with this id in the offer catalogue")]
    UnknownOffer {
        /// Where the id is.
        at: Pointer,
        /// The dangling id.
        id: OfferId,
    },
    /// The question names an actor that is not in the case file.
    #[error(transparent)]
    Request(#[from] RequestError),
}

impl AttendanceError {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        match self {
            AttendanceError::UnknownOffer { .. } => "attendance.unknown_offer",
            AttendanceError::Request(e) => e.code(),
        }
    }

    /// Where in the question the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            AttendanceError::UnknownOffer { at, .. } => at,
            AttendanceError::Request(e) => e.pointer(),
        }
    }
}

/// The answer: forward, reportable by duty to attend, or withheld with a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum AttendanceAnswer {
    /// A voluntary health offer, and a consent or legal basis covers reporting attendance.
    Forward {
        /// What permits it.
        grounds: Grounds,
    },
    /// An obligatory employment activity: attendance is reported under the duty to attend.
    Reportable,
    /// A voluntary health offer without a permit: attendance is not reported.
    Withheld {
        /// Why not.
        reason: DenyReason,
        /// The notice to show, in English.
        notice_en: String,
        /// The notice to show, in Danish.
        notice_da: String,
        /// The consent to ask the citizen for, when one could help.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        suggestion: Option<Box<ConsentSuggestion>>,
    },
}

/// An attendance answer with whom and which case it is about, and the question it answers: what
/// leaves coord, and what the audit log records of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AttendanceDecision {
    /// The citizen whose attendance it is.
    pub citizen: CitizenId,
    /// The case.
    pub case: CaseId,
    /// The question answered.
    pub question: AttendanceQuestion,
    /// The answer.
    #[serde(flatten)]
    pub answer: AttendanceAnswer,
}

impl AttendanceDecision {
    /// Whether attendance may be reported (forwarded under a permit, or reportable by duty).
    pub fn is_reported(&self) -> bool {
        !matches!(self.answer, AttendanceAnswer::Withheld { .. })
    }
}

/// Decide whether attendance may be reported, with the case's ids and the question, ready to log
/// ([`crate::consent::Audited`]).
pub fn attendance_decision(
    index: &AccessIndex<'_>,
    catalogue: &OfferCatalogue,
    question: &AttendanceQuestion,
    at: &Pointer,
) -> Result<AttendanceDecision, AttendanceError> {
    let answer = attendance_report(index, catalogue, question, at)?;
    let case = index.case();
    Ok(AttendanceDecision {
        citizen: case.citizen.id.clone(),
        case: case.id.clone(),
        question: question.clone(),
        answer,
    })
}

/// Decide whether attendance may be reported (the question placed at `at` for error pointers).
pub fn attendance_report(
    index: &AccessIndex<'_>,
    catalogue: &OfferCatalogue,
    question: &AttendanceQuestion,
    at: &Pointer,
) -> Result<AttendanceAnswer, AttendanceError> {
    let Some(offer) = catalogue.offer(&question.offer) else {
        return Err(AttendanceError::UnknownOffer {
            at: at.key("offer"),
            id: question.offer.clone(),
        });
    };
    let flow = GapFlow::new(
        Flow {
            holder: question.holder.clone(),
            recipient: question.recipient.clone(),
            categories: vec![InformationCategory::Attendance],
            action: Action::ReportAttendance,
            purpose: question.purpose.clone(),
        },
        question.at,
    );
    // Checked for both bases, so a question with an unknown actor is an error either way.
    let report = consent_gaps(index, &flow).map_err(|e| {
        AttendanceError::Request(match e {
            RequestError::UnknownActor { at: p, id } => {
                let field = if p.last().as_deref() == Some("requester") {
                    "recipient"
                } else {
                    "holder"
                };
                RequestError::UnknownActor {
                    at: at.key(field),
                    id,
                }
            }
            RequestError::UndeclaredPurpose { declared, .. } => RequestError::UndeclaredPurpose {
                at: at.key("purpose"),
                declared,
            },
            other => other,
        })
    })?;
    if offer.basis == ParticipationBasis::ObligatoryEmploymentActivity {
        return Ok(AttendanceAnswer::Reportable);
    }
    let outcome = report
        .permitted
        .iter()
        .chain(&report.missing)
        .chain(&report.blocked)
        .find(|o| o.category == InformationCategory::Attendance);
    match outcome.map(|o| &o.verdict) {
        Some(Verdict::Permit { grounds }) => Ok(AttendanceAnswer::Forward {
            grounds: grounds.clone(),
        }),
        Some(Verdict::Deny { reason }) => Ok(withheld(
            offer.name(Language::En),
            offer.name(Language::Da),
            reason.clone(),
            report.suggestion.clone(),
        )),
        None => Ok(withheld(
            offer.name(Language::En),
            offer.name(Language::Da),
            DenyReason::NoConsent,
            report.suggestion.clone(),
        )),
    }
}

fn withheld(
    name_en: &str,
    name_da: &str,
    reason: DenyReason,
    suggestion: Option<ConsentSuggestion>,
) -> AttendanceAnswer {
    AttendanceAnswer::Withheld {
        notice_en: format!(
            "Attendance at \"{name_en}\" is withheld: it is a voluntary health offer and {}. Nothing is reported.",
            reason.describe(Language::En)
        ),
        notice_da: format!(
            "Fremmøde på \"{name_da}\" tilbageholdes: det er et frivilligt sundhedstilbud, og {}. Der indberettes intet.",
            reason.describe(Language::Da)
        ),
        reason,
        suggestion: suggestion.map(Box::new),
    }
}
