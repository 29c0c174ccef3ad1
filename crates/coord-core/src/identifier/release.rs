//! The identifiers an export may carry (issue 14: identifiers are "released in exports only as
//! consent or a legal basis permits").
//!
//! Three modes, chosen by [`IdentifierRequest`]:
//!
//! - **none given** — no identifier of anyone leaves. This is coord's reading of privacy by
//!   default (GDPR art. 25(2): by default only the personal data necessary for each purpose are
//!   processed); it is coord's reading, not a rule quoted from a source.
//! - **for a recipient** — the consent engine decides the citizen's identity (the categories of
//!   [`crate::handover::CasePart::Identity`]) for the flow from the disclosing unit to the
//!   recipient, for the purpose, at noon UTC on the export date, exactly as a handover decides a
//!   part (the same machinery). Released: the citizen's identifiers go; withheld: none of them.
//!   The actors' identifiers follow the rule of [`super::withhold`] (a CPR number only as the
//!   citizen's own, with the identity).
//! - **own copy** — every identifier: the municipality's own full copy, and the export says so.
//!
//! Every identifier withheld is listed by place and system with the reason, never its value.

use super::withhold::{strip_identifiers, IdentifierScope, StripCause};
use super::IdentifierSystem;
use crate::case_file::CaseFile;
use crate::category::{InformationCategory, Language};
use crate::check::CheckedCase;
use crate::consent::{AccessDecision, AccessIndex, DenyReason, RequestError};
use crate::handover::parts::identity_part;
use crate::handover::release::{decide_parts, noon, reason_kind, sender, PartsFlow};
use crate::handover::HandoverError;
use crate::ids::{ActorId, PurposeId};
use crate::pointer::Pointer;
use crate::reference::ReferenceData;
use crate::text::{pick, Text};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The purpose decided for when a request for a recipient names none: the purpose of a course
/// back to health and work (a declared purpose of the built-in vocabulary).
pub const DEFAULT_PURPOSE: &str = "return-to-work";

/// Which identifiers an export may carry. Empty (`{}`): none at all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentifierRequest {
    /// The actor the export is for: the consent engine decides whether the citizen's identity
    /// may be disclosed to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<ActorId>,
    /// The purpose decided for (only with `recipient`); absent: [`DEFAULT_PURPOSE`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<PurposeId>,
    /// The disclosing unit (only with `recipient`); absent: the coordinating caseworker on the
    /// export date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<ActorId>,
    /// The municipality's own full copy: every identifier (not with `recipient`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_copy: bool,
}

/// The mode an export was made in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReleaseMode {
    /// No release asked for: no identifier.
    NoIdentifiers,
    /// For a recipient, as the consent engine decided.
    Recipient,
    /// The municipality's own full copy.
    OwnCopy,
}

impl ReleaseMode {
    /// The mode for people, in `lang`.
    pub fn describe(self, lang: Language) -> &'static str {
        match self {
            ReleaseMode::NoIdentifiers => pick(
                lang,
                "uden identifikatorer (ingen videregivelse angivet)",
                "without identifiers (no release given)",
            ),
            ReleaseMode::Recipient => pick(
                lang,
                "til en modtager: identifikatorer som samtykke eller hjemmel tillader",
                "for a recipient: identifiers as consent or a legal basis permits",
            ),
            ReleaseMode::OwnCopy => pick(
                lang,
                "kommunens egen fulde kopi: alle identifikatorer",
                "the municipality's own full copy: every identifier",
            ),
        }
    }
}

/// Why an identifier was withheld.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WithholdReason {
    /// No release was asked for (privacy by default).
    NoRelease,
    /// The citizen's identity was not released to the recipient.
    Denied {
        /// The category that kept it back.
        category: InformationCategory,
        /// The consent engine's reason.
        reason: DenyReason,
    },
    /// A CPR number goes only as the citizen's own, never on another actor.
    NotTheCitizens,
}

/// One identifier that does not go: where and which system, never its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WithheldIdentifier {
    /// Its place in the case file given (`/citizen/identifiers/0`, `/actors/3/identifiers/0`).
    pub pointer: String,
    /// Its system.
    pub system: IdentifierSystem,
    /// Why it does not go.
    pub reason: WithholdReason,
}

impl WithheldIdentifier {
    /// The withheld identifier as a warning line, in Danish and English: the system and the kind
    /// of reason, no id and no value (the place is the warning's pointer).
    pub fn warning(&self) -> Text {
        let line = |lang| {
            let why = match &self.reason {
                WithholdReason::NoRelease => pick(
                    lang,
                    "ingen videregivelse angivet (til en modtager eller som kommunens egen kopi)",
                    "no release given (for a recipient or as the municipality's own copy)",
                )
                .to_owned(),
                WithholdReason::Denied { category, reason } => {
                    format!("{} — {}", category.label(lang), reason_kind(reason, lang))
                }
                WithholdReason::NotTheCitizens => pick(
                    lang,
                    "et CPR-nummer videregives kun som borgerens eget",
                    "a CPR number goes only as the citizen's own",
                )
                .to_owned(),
            };
            format!(
                "{} ({}): {why}",
                pick(
                    lang,
                    "identifikator holdt tilbage, ikke i eksporten",
                    "identifier withheld, not in the export"
                ),
                system_name(&self.system, lang),
            )
        };
        Text::new(line(Language::Da), line(Language::En))
    }
}

/// A system's short name for people (an `other` system by its URI, which is no value).
fn system_name(system: &IdentifierSystem, lang: Language) -> String {
    match system {
        IdentifierSystem::Cpr => "CPR".to_owned(),
        IdentifierSystem::Sor => "SOR".to_owned(),
        IdentifierSystem::Cvr => "CVR".to_owned(),
        IdentifierSystem::Gln => "GLN".to_owned(),
        IdentifierSystem::PNumber => pick(lang, "P-nummer", "P-number").to_owned(),
        IdentifierSystem::Other(uri) => format!("{} {uri}", pick(lang, "system", "system")),
    }
}

/// The answer: the case file with only the identifiers that may go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentifierRelease {
    /// The mode decided in.
    pub mode: ReleaseMode,
    /// The case file as released: everything but the identifiers withheld.
    pub case: CaseFile,
    /// Every identifier withheld, in document order.
    pub withheld: Vec<WithheldIdentifier>,
    /// The consent engine's decision on the citizen's identity (for a recipient only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<AccessDecision>,
}

/// Why identifiers cannot be released as asked. Messages name the place, never a value.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum IdentifierReleaseError {
    /// The own copy and a recipient asked for together.
    #[error("the own copy and a recipient exclude each other: give one")]
    BothModes {
        /// Where the second mode is.
        at: Pointer,
    },
    /// A purpose or a disclosing unit with no recipient.
    #[error("a purpose or a disclosing unit needs a recipient")]
    NoRecipient {
        /// Where the field without a recipient is.
        at: Pointer,
    },
    /// A named unit is not an actor in the case file.
    #[error("unknown actor: no actor with this id in the case file")]
    UnknownActor {
        /// Where the id is.
        at: Pointer,
    },
    /// No disclosing unit named, and nobody holds the thread on the date.
    #[error(
        "no disclosing unit: name one, or the team needs a coordinating caseworker on the date"
    )]
    NoSender {
        /// Where the unit would be named.
        at: Pointer,
    },
    /// The purpose is not declared in the purpose vocabulary; the message lists the declared
    /// purposes and never repeats the request's.
    #[error("not a declared purpose; declared codes: {declared}")]
    UndeclaredPurpose {
        /// Where the purpose is.
        at: Pointer,
        /// The declared purposes, as one line.
        declared: String,
    },
}

impl IdentifierReleaseError {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        match self {
            IdentifierReleaseError::BothModes { .. } => "identifier_release.both_modes",
            IdentifierReleaseError::NoRecipient { .. } => "identifier_release.no_recipient",
            IdentifierReleaseError::UnknownActor { .. } => "identifier_release.unknown_actor",
            IdentifierReleaseError::NoSender { .. } => "identifier_release.no_sender",
            IdentifierReleaseError::UndeclaredPurpose { .. } => {
                "identifier_release.undeclared_purpose"
            }
        }
    }

    /// Where in the request the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            IdentifierReleaseError::BothModes { at }
            | IdentifierReleaseError::NoRecipient { at }
            | IdentifierReleaseError::UnknownActor { at }
            | IdentifierReleaseError::NoSender { at }
            | IdentifierReleaseError::UndeclaredPurpose { at, .. } => at,
        }
    }
}

fn from_request_error(e: RequestError) -> IdentifierReleaseError {
    let root = Pointer::root();
    match e {
        RequestError::UndeclaredPurpose { declared, .. } => {
            IdentifierReleaseError::UndeclaredPurpose {
                at: root.key("purpose"),
                declared,
            }
        }
        other => IdentifierReleaseError::UnknownActor {
            at: root.key(match other.pointer().to_string().as_str() {
                "/requester" => "recipient",
                _ => "from",
            }),
        },
    }
}

fn from_handover_error(e: HandoverError) -> IdentifierReleaseError {
    let at = e.pointer();
    match e {
        HandoverError::NoSender { .. } => IdentifierReleaseError::NoSender { at },
        _ => IdentifierReleaseError::UnknownActor { at },
    }
}

/// Decide which identifiers of `case` an export as of `as_of` may carry, and cut them out of the
/// case file (see the module docs for the three modes).
pub fn release_identifiers(
    case: &CheckedCase,
    reference: &ReferenceData,
    request: &IdentifierRequest,
    as_of: NaiveDate,
) -> Result<IdentifierRelease, IdentifierReleaseError> {
    let root = Pointer::root();
    let original = case.case();
    let Some(recipient) = &request.recipient else {
        if request.own_copy {
            return Ok(cut(original, IdentifierScope::Everything, None, None));
        }
        let field = if request.purpose.is_some() {
            Some("purpose")
        } else if request.from.is_some() {
            Some("from")
        } else {
            None
        };
        if let Some(field) = field {
            return Err(IdentifierReleaseError::NoRecipient {
                at: root.key(field),
            });
        }
        return Ok(cut(original, IdentifierScope::Nothing, None, None));
    };
    if request.own_copy {
        return Err(IdentifierReleaseError::BothModes {
            at: root.key("own_copy"),
        });
    }
    if original.actor(recipient).is_none() {
        return Err(IdentifierReleaseError::UnknownActor {
            at: root.key("recipient"),
        });
    }
    let from = sender(original, request.from.as_ref(), as_of).map_err(from_handover_error)?;
    let purpose = request
        .purpose
        .clone()
        .unwrap_or_else(|| PurposeId::new(DEFAULT_PURPOSE));
    let index = AccessIndex::new(case, reference);
    let decided = decide_parts(
        &index,
        original,
        &PartsFlow {
            holder: &from,
            recipient,
            purpose: &purpose,
            at: noon(as_of),
        },
        vec![identity_part()],
    )
    .map_err(from_request_error)?;
    let denied = decided.withheld.first().map(|w| WithholdReason::Denied {
        category: w.category,
        reason: w.reason.clone(),
    });
    let scope = IdentifierScope::Parties {
        identity: denied.is_none(),
    };
    Ok(cut(original, scope, denied, Some(decided.decision)))
}

/// The case file with `scope`'s identifiers only, and the withheld ones with their reasons.
fn cut(
    case: &CaseFile,
    scope: IdentifierScope,
    denied: Option<WithholdReason>,
    decision: Option<AccessDecision>,
) -> IdentifierRelease {
    let mut released = case.clone();
    let withheld = strip_identifiers(&mut released, scope)
        .into_iter()
        .map(|s| WithheldIdentifier {
            pointer: s.at.to_string(),
            system: s.system,
            reason: match s.cause {
                StripCause::NothingReleased => WithholdReason::NoRelease,
                StripCause::NotTheCitizens => WithholdReason::NotTheCitizens,
                StripCause::IdentityWithheld => denied.clone().unwrap_or(WithholdReason::Denied {
                    category: InformationCategory::ContactDetails,
                    reason: DenyReason::NoConsent,
                }),
            },
        })
        .collect();
    IdentifierRelease {
        mode: match scope {
            IdentifierScope::Nothing => ReleaseMode::NoIdentifiers,
            IdentifierScope::Parties { .. } => ReleaseMode::Recipient,
            IdentifierScope::Everything => ReleaseMode::OwnCopy,
        },
        case: released,
        withheld,
        decision,
    }
}
