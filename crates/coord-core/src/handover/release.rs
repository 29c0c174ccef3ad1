//! The export side of a handover: what may go to the new municipality.
//!
//! The flow decided is: the sending unit (`from`, or the coordinating caseworker on the date)
//! *discloses* to the receiving unit (an actor of the new municipality in the case file, or one
//! made for it), for the handover purpose, at noon UTC on the move date. Every part of the case
//! file is one or more categorised sections of one record ([`crate::consent::minimise()`]): the
//! consent engine decides each category once, a part goes only when all its categories are
//! released, and every withheld part is listed with the category and the reason. The consent to
//! ask the citizen for is [`crate::consent::consent_gaps`]'s for the withheld categories.

use super::cut::released_case;
use super::parts::{present_parts, CasePart, PartCategories};
use super::sources::{move_sources, MoveSource};
use super::Municipality;
use crate::case_file::CaseFile;
use crate::category::InformationCategory;
use crate::check::{CaseFileError, CheckedCase};
use crate::consent::gaps::GapFlow;
use crate::consent::minimise::ReleaseRequest;
use crate::consent::{
    consent_gaps, minimise, AccessDecision, AccessIndex, Action, ConsentGapReport, DenyReason,
    Record, RequestError, Section, Verdict,
};
use crate::ids::{ActorId, CaseId, PurposeId, SectionId};
use crate::party::{Actor, ActorKind, Role, Sector};
use crate::pointer::Pointer;
use crate::reference::ReferenceData;
use crate::text::Text;
use crate::time::Instant;
use chrono::{NaiveDate, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use thiserror::Error;

/// The purpose a handover is decided for when the request names none. A consent that lets the old
/// municipality send information to the new one names this purpose.
pub const HANDOVER_PURPOSE: &str = "municipality-handover";

/// What a handover export is asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HandoverRequest {
    /// The municipality the citizen moves to.
    pub to: Municipality,
    /// The day of the move (the new municipality is responsible from it); the decision is made
    /// at noon UTC that day.
    pub moved_on: NaiveDate,
    /// The unit that sends (an actor id); absent: the coordinating caseworker on the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<ActorId>,
    /// The receiving unit, when it is an actor in the case file already (a consent may name it);
    /// absent: an organisation actor `kommune-CODE` for the new municipality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiving_unit: Option<ActorId>,
    /// The purpose decided for; absent: [`HANDOVER_PURPOSE`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<PurposeId>,
}

/// Why a handover cannot be decided. Messages name the place, never a value.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum HandoverError {
    /// No sending unit named, and nobody holds the thread on the day.
    #[error(
        "no sending unit: name one, or the team needs a coordinating caseworker on the move date"
    )]
    NoSender {
        /// Where the sender would be named.
        at: Pointer,
    },
    /// A named unit is not an actor in the case file.
    #[error("unknown actor: no actor with this id in the case file")]
    UnknownActor {
        /// Where the id is.
        at: Pointer,
    },
    /// The case file already names the receiving municipality as the citizen's.
    #[error("the citizen's municipality in the case file is already the receiving municipality")]
    SameMunicipality {
        /// Where the code is.
        at: Pointer,
    },
    /// The course is started in the new municipality before the move.
    #[error("the date the course starts in the new municipality is before the move")]
    BeforeMove {
        /// Where the date is.
        at: Pointer,
    },
    /// The purpose is not declared in the purpose vocabulary. The message lists the declared
    /// purposes and never repeats the request's.
    #[error("not a declared purpose; declared codes: {declared}")]
    UndeclaredPurpose {
        /// Where the purpose is.
        at: Pointer,
        /// The declared purposes, as one line.
        declared: String,
    },
    /// The case file with the receiving unit added does not pass the check (its id clashes).
    #[error("the receiving unit cannot be added to the case file")]
    Case(Vec<CaseFileError>),
}

impl HandoverError {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        match self {
            HandoverError::NoSender { .. } => "handover.no_sender",
            HandoverError::UnknownActor { .. } => "handover.unknown_actor",
            HandoverError::SameMunicipality { .. } => "handover.same_municipality",
            HandoverError::BeforeMove { .. } => "handover.before_move",
            HandoverError::UndeclaredPurpose { .. } => "handover.undeclared_purpose",
            HandoverError::Case(_) => "handover.receiver_clash",
        }
    }

    /// Where in the request the problem is (the root for a case-file problem).
    pub fn pointer(&self) -> Pointer {
        match self {
            HandoverError::NoSender { at }
            | HandoverError::UnknownActor { at }
            | HandoverError::SameMunicipality { at }
            | HandoverError::BeforeMove { at }
            | HandoverError::UndeclaredPurpose { at, .. } => at.clone(),
            HandoverError::Case(_) => Pointer::root(),
        }
    }
}

/// A part that goes, with its categories.
pub type ReleasedPart = PartCategories;

/// A part that does not go: the first category of it not released, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WithheldPart {
    /// The part.
    pub part: CasePart,
    /// Where it is in the sending case file.
    pub pointer: String,
    /// The category that keeps it back.
    pub category: InformationCategory,
    /// Why that category is not released.
    pub reason: DenyReason,
    /// The part, the category and the reason, for people.
    pub why: Text,
}

impl WithheldPart {
    /// The withheld part as a warning line, in Danish and English: the category and the kind of
    /// reason, no id — the place is the warning's pointer.
    pub fn warning(&self) -> Text {
        use crate::category::Language::{Da, En};
        Text::new(
            format!(
                "holdt tilbage ved overdragelsen, ikke i bundtet: {} — {}",
                self.category.label(Da),
                reason_kind(&self.reason, Da)
            ),
            format!(
                "withheld from the handover, not in the bundle: {} — {}",
                self.category.label(En),
                reason_kind(&self.reason, En)
            ),
        )
    }
}

/// The kind of a deny reason for a warning line, in `lang`: no consent id, no value (the
/// handover's withheld parts and the identifiers an export withholds say it the same way).
pub(crate) fn reason_kind(reason: &DenyReason, lang: crate::category::Language) -> String {
    match reason {
        DenyReason::Forbidden { .. } => crate::text::pick(
            lang,
            "forbudt, uanset hvad et samtykke siger",
            "forbidden whatever any consent says",
        )
        .to_owned(),
        DenyReason::NoConsent => reason.describe(lang),
        _ => crate::text::pick(
            lang,
            "samtykkerne i sagen dækker ikke denne videregivelse",
            "the consents on file do not cover this flow",
        )
        .to_owned(),
    }
}

/// What the receiving municipality is told alongside the released case file (it rides in the
/// handover bundle).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HandoverNote {
    /// The municipality the citizen moves to.
    pub to: Municipality,
    /// The case id in the sending municipality.
    pub from_case: CaseId,
    /// The sending unit.
    pub sender: ActorId,
    /// The receiving unit.
    pub receiver: ActorId,
    /// The purpose decided for.
    pub purpose: PurposeId,
    /// The day of the move.
    pub moved_on: NaiveDate,
    /// The parts that went.
    pub released: Vec<ReleasedPart>,
    /// The parts that did not, each with its reason.
    pub withheld: Vec<WithheldPart>,
    /// How many actors of the case file went with no released part naming them (so stayed).
    pub actors_left_out: usize,
}

/// The answer to a handover export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HandoverRelease {
    /// What the receiving municipality is told.
    pub note: HandoverNote,
    /// The released case file: only the released parts.
    pub case: CaseFile,
    /// The consent to ask the citizen for so that the withheld parts may go (absent when nothing a
    /// consent could open was withheld).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gaps: Option<ConsentGapReport>,
    /// The release decision (the audit entry).
    pub decision: AccessDecision,
    /// The law read for a move, with what is verified.
    pub sources: Vec<MoveSource>,
}

/// Noon UTC on `day`: the moment a handover is decided at.
pub(crate) fn noon(day: NaiveDate) -> Instant {
    day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN))
        .and_utc()
        .fixed_offset()
}

/// The actor made for the receiving municipality when the case file has none.
fn receiving_actor(id: ActorId, to: &Municipality) -> Actor {
    Actor {
        id,
        name: to.display(crate::category::Language::Da),
        kind: ActorKind::Organisation,
        sector: Sector::MunicipalEmployment,
        role: Role::CASEWORKER,
        organisation: None,
        identifiers: Vec::new(),
    }
}

/// The disclosing unit: the one named (`from`, an actor of the case file), or the coordinating
/// caseworker on `day` (smallest id first). Errors point at `/from`.
pub(crate) fn sender(
    case: &CaseFile,
    from: Option<&ActorId>,
    day: NaiveDate,
) -> Result<ActorId, HandoverError> {
    let root = Pointer::root();
    if let Some(from) = from {
        return match case.actor(from) {
            Some(_) => Ok(from.clone()),
            None => Err(HandoverError::UnknownActor {
                at: root.key("from"),
            }),
        };
    }
    case.team
        .iter()
        .flat_map(|t| &t.members)
        .filter(|m| m.role == Role::COORDINATING_CASEWORKER && m.period.contains(day))
        .map(|m| m.actor.clone())
        .min()
        .ok_or(HandoverError::NoSender {
            at: root.key("from"),
        })
}

/// The consent engine's decision on `parts` for the flow `holder` → `recipient` (disclose, for
/// `purpose`, at `at`): the categorised sections of one record released by
/// [`crate::consent::minimise()`]; a part goes only when all its categories are permitted.
pub(crate) struct PartsDecision {
    /// The parts that go.
    pub(crate) released: Vec<ReleasedPart>,
    /// The parts that do not, each with the category that keeps it back and why.
    pub(crate) withheld: Vec<WithheldPart>,
    /// The decision (the audit entry).
    pub(crate) decision: AccessDecision,
}

/// Who discloses to whom, for what and when (see [`decide_parts`]).
pub(crate) struct PartsFlow<'a> {
    pub(crate) holder: &'a ActorId,
    pub(crate) recipient: &'a ActorId,
    pub(crate) purpose: &'a PurposeId,
    pub(crate) at: Instant,
}

/// Decide `parts` of `case` for `flow` (see [`PartsDecision`]).
pub(crate) fn decide_parts(
    index: &AccessIndex<'_>,
    case: &CaseFile,
    flow: &PartsFlow<'_>,
    parts: Vec<PartCategories>,
) -> Result<PartsDecision, RequestError> {
    let sections: Vec<Section> = parts
        .iter()
        .flat_map(|p| {
            p.categories.iter().map(|c| Section {
                id: SectionId::new(format!("{}#{c:?}", p.pointer)),
                category: *c,
                title: p.part.label(crate::category::Language::En),
                content: p.pointer.clone(),
            })
        })
        .collect();
    let minimised = minimise(
        index,
        &ReleaseRequest {
            requester: flow.recipient.clone(),
            citizen: case.citizen.id.clone(),
            case: case.id.clone(),
            action: Action::Disclose,
            purpose: flow.purpose.clone(),
            at: flow.at,
            record: Record {
                holder: flow.holder.clone(),
                sections,
            },
        },
    )?;
    let verdict = |c: InformationCategory| {
        minimised
            .decision
            .outcomes
            .iter()
            .find(|o| o.category == c)
            .map(|o| o.verdict.clone())
    };
    let mut released: Vec<ReleasedPart> = Vec::new();
    let mut withheld: Vec<WithheldPart> = Vec::new();
    for p in parts {
        let denied = p.categories.iter().find_map(|c| match verdict(*c) {
            Some(Verdict::Permit { .. }) => None,
            Some(Verdict::Deny { reason }) => Some((*c, reason)),
            None => Some((*c, DenyReason::NoConsent)),
        });
        match denied {
            None => released.push(p),
            Some((category, reason)) => {
                let why = |lang| {
                    format!(
                        "{}: {} — {}",
                        p.part.label(lang),
                        category.label(lang),
                        reason.describe(lang)
                    )
                };
                withheld.push(WithheldPart {
                    why: Text::new(
                        why(crate::category::Language::Da),
                        why(crate::category::Language::En),
                    ),
                    part: p.part,
                    pointer: p.pointer,
                    category,
                    reason,
                });
            }
        }
    }
    Ok(PartsDecision {
        released,
        withheld,
        decision: minimised.decision,
    })
}

fn request_error(e: RequestError) -> HandoverError {
    if let RequestError::UndeclaredPurpose { declared, .. } = e {
        return HandoverError::UndeclaredPurpose {
            at: Pointer::root().key("purpose"),
            declared,
        };
    }
    let key = match e.pointer().to_string().as_str() {
        "/requester" => "receiving_unit",
        _ => "from",
    };
    HandoverError::UnknownActor {
        at: Pointer::root().key(key),
    }
}

/// Decide what of `case` may go to the new municipality, and cut the case file to it.
pub fn release(
    case: &CheckedCase,
    reference: &ReferenceData,
    request: &HandoverRequest,
) -> Result<HandoverRelease, HandoverError> {
    let root = Pointer::root();
    let original = case.case();
    if original
        .demographics
        .as_ref()
        .and_then(|d| d.municipality.as_ref())
        == Some(&request.to.code)
    {
        return Err(HandoverError::SameMunicipality {
            at: root.key("to").key("code"),
        });
    }
    let sender = sender(original, request.from.as_ref(), request.moved_on)?;
    let mut with = original.clone();
    let receiver = match &request.receiving_unit {
        Some(id) if with.actor(id).is_some() => id.clone(),
        Some(_) => {
            return Err(HandoverError::UnknownActor {
                at: root.key("receiving_unit"),
            })
        }
        None => {
            let id = ActorId::new(format!("kommune-{}", request.to.code));
            if with.actor(&id).is_none() {
                with.actors.push(receiving_actor(id.clone(), &request.to));
            }
            id
        }
    };
    let checked = CheckedCase::new(with, reference).map_err(HandoverError::Case)?;
    let index = AccessIndex::new(&checked, reference);
    let with = checked.case();
    let purpose = request
        .purpose
        .clone()
        .unwrap_or_else(|| PurposeId::new(HANDOVER_PURPOSE));
    let at = noon(request.moved_on);
    let PartsDecision {
        released,
        withheld,
        decision,
    } = decide_parts(
        &index,
        with,
        &PartsFlow {
            holder: &sender,
            recipient: &receiver,
            purpose: &purpose,
            at,
        },
        present_parts(with),
    )
    .map_err(request_error)?;
    let mut open: Vec<InformationCategory> = Vec::new();
    for w in &withheld {
        if w.reason.consent_could_help() && !open.contains(&w.category) {
            open.push(w.category);
        }
    }
    let gaps = if open.is_empty() {
        None
    } else {
        Some(
            consent_gaps(
                &index,
                &GapFlow {
                    holder: sender.clone(),
                    recipient: receiver.clone(),
                    categories: open,
                    action: Action::Disclose,
                    purpose: purpose.clone(),
                    at,
                },
            )
            .map_err(request_error)?,
        )
    };
    let going: BTreeSet<CasePart> = released.iter().map(|p| p.part.clone()).collect();
    let (cut, actors_left_out) = released_case(with, &going, &[&sender, &receiver]);
    Ok(HandoverRelease {
        note: HandoverNote {
            to: request.to.clone(),
            from_case: with.id.clone(),
            sender,
            receiver,
            purpose,
            moved_on: request.moved_on,
            released,
            withheld,
            actors_left_out,
        },
        case: cut,
        gaps,
        decision,
        sources: move_sources(),
    })
}
