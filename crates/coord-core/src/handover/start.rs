//! The import side of a handover: the course starts in the new municipality.
//!
//! - **History kept**: every part that came stays as it was, consents included.
//! - **A new case**: the course gets a new case id (given, or `OLD-CODE`). A consent names the case
//!   it was given for (retssikkerhedsloven § 11 a), so no consent given in the old municipality's
//!   case covers anything in the new one — not even one naming a whole sector.
//! - **The old team ends**: each member still in the team on the move date gets the day before the
//!   move as the last day; the new municipality names its own team and coordinating caseworker.
//! - **Consents to ask for again**: each consent in force on the move date that named one of the
//!   old municipality's units (by actor, or a municipal sector) — and not to the receiving unit —
//!   is listed per action and purpose,
//!   with the old units replaced by the new municipality's units of the same sector, and decided
//!   by [`crate::consent::consent_gaps`] on the new case: the categories a consent could open, the
//!   ones no consent can, and the sentence to ask with.

use super::release::{noon, HandoverError, HandoverNote, ReleasedPart, WithheldPart};
use super::Municipality;
use crate::case_file::CaseFile;
use crate::category::{InformationCategory, Language};
use crate::check::CheckedCase;
use crate::consent::gaps::{ask, GapFlow};
use crate::consent::{consent_gaps, AccessIndex, Action, ConsentStatus, PartyRef};
use crate::demographics::Demographics;
use crate::ids::{ActorId, CaseId, ConsentId, PurposeId};
use crate::party::Role;
use crate::reference::ReferenceData;
use crate::text::Text;
use crate::time::DatePeriod;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A member of the old team whose membership ended with the move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EndedMember {
    /// The actor.
    pub actor: ActorId,
    /// The role in the team.
    pub role: Role,
    /// The membership as it now reads (ending the day before the move).
    pub period: DatePeriod,
}

/// A consent given to the old municipality's units, to ask the citizen for again in the new
/// municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentToRenew {
    /// The consent given in the old municipality.
    pub consent: ConsentId,
    /// From whom, in the new municipality (a sector stands for the new municipality's unit of it).
    pub holder: PartyRef,
    /// To whom, in the new municipality.
    pub recipient: PartyRef,
    /// Which action.
    pub action: Action,
    /// For which purpose.
    pub purpose: PurposeId,
    /// The categories to ask for (a consent can open them in the new case).
    pub categories: Vec<InformationCategory>,
    /// Categories of the old consent no consent can open (a prohibition forbids them).
    pub blocked: Vec<InformationCategory>,
    /// What to say to the citizen.
    pub ask: Text,
}

/// The answer to a handover import: the course in the new municipality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HandoverStart {
    /// The new case file.
    pub case: CaseFile,
    /// The case id in the old municipality.
    pub from_case: CaseId,
    /// The new municipality.
    pub to: Municipality,
    /// The day of the move.
    pub moved_on: NaiveDate,
    /// What came.
    pub received: Vec<ReleasedPart>,
    /// What the old municipality withheld, and why.
    pub withheld: Vec<WithheldPart>,
    /// The old team's members, ended with the move.
    pub ended: Vec<EndedMember>,
    /// The consents to ask the citizen for again.
    pub renew: Vec<ConsentToRenew>,
}

/// A party of an old consent as the new municipality reads it: the party, the actor the decision
/// is made for, and its name in both languages.
struct Mapped {
    party: PartyRef,
    actor: ActorId,
    name: Text,
    old_unit: bool,
}

fn map_party(case: &CaseFile, note: &HandoverNote, party: &PartyRef) -> Mapped {
    let unit = |s: crate::party::Sector| Mapped {
        party: PartyRef::Sector(s),
        actor: note.receiver.clone(),
        name: Text::new(
            format!(
                "{} i {}",
                s.label(Language::Da),
                note.to.display(Language::Da)
            ),
            format!(
                "{} in {}",
                s.label(Language::En),
                note.to.display(Language::En)
            ),
        ),
        old_unit: true,
    };
    match party {
        PartyRef::Actor(id) => match case.actor(id) {
            Some(a) if a.sector.is_municipal() && a.id != note.receiver => unit(a.sector),
            Some(a) => Mapped {
                party: party.clone(),
                actor: a.id.clone(),
                name: Text::new(a.name.clone(), a.name.clone()),
                old_unit: false,
            },
            None => Mapped {
                party: party.clone(),
                actor: note.receiver.clone(),
                name: Text::new(id.to_string(), id.to_string()),
                old_unit: false,
            },
        },
        PartyRef::Sector(s) if s.is_municipal() => unit(*s),
        PartyRef::Sector(s) => Mapped {
            party: party.clone(),
            actor: case
                .actors
                .iter()
                .find(|a| a.sector == *s)
                .map_or_else(|| note.receiver.clone(), |a| a.id.clone()),
            name: Text::new(s.label(Language::Da), s.label(Language::En)),
            old_unit: false,
        },
    }
}

/// Start the course of `case` (a released case file, checked) in the new municipality `note`
/// names, under `new_id` (absent: `OLD-CODE`), on `as_of` (on or after the move: the consents to
/// ask for again are decided at noon UTC that day).
pub fn start_course(
    case: &CheckedCase,
    reference: &ReferenceData,
    note: &HandoverNote,
    new_id: Option<CaseId>,
    as_of: NaiveDate,
) -> Result<HandoverStart, HandoverError> {
    if as_of < note.moved_on {
        return Err(HandoverError::BeforeMove {
            at: crate::pointer::Pointer::root().key("as_of"),
        });
    }
    let old = case.case();
    let mut new = old.clone();
    new.id = new_id.unwrap_or_else(|| CaseId::new(format!("{}-{}", old.id, note.to.code)));
    let last_day = note.moved_on.pred_opt().unwrap_or(note.moved_on);
    let mut ended = Vec::new();
    if let Some(team) = &mut new.team {
        for m in &mut team.members {
            if m.period.to.is_none_or(|to| to >= note.moved_on) {
                m.period.to = Some(last_day.max(m.period.from));
                ended.push(EndedMember {
                    actor: m.actor.clone(),
                    role: m.role.clone(),
                    period: m.period,
                });
            }
        }
    }
    let demographics = new.demographics.get_or_insert_with(Demographics::default);
    demographics.municipality = Some(note.to.code.clone());
    demographics.municipality_name = note.to.name.clone();
    let checked = CheckedCase::new(new, reference).map_err(HandoverError::Case)?;
    let index = AccessIndex::new(&checked, reference);
    let new = checked.case();
    let citizen = |lang| match new.citizen.name.as_str() {
        "" => crate::text::pick(lang, "borgeren", "the citizen").to_owned(),
        n => n.to_owned(),
    };
    let mut renew = Vec::new();
    for consent in &new.consents {
        if consent.status_on(note.moved_on) != ConsentStatus::InForce {
            continue;
        }
        let (Some(holder), Some(recipient)) = (
            consent.scope.holders.first(),
            consent.scope.recipients.first(),
        ) else {
            continue;
        };
        let (holder, recipient) = (
            map_party(new, note, holder),
            map_party(new, note, recipient),
        );
        let named_old = consent
            .scope
            .holders
            .iter()
            .chain(&consent.scope.recipients)
            .any(|p| map_party(new, note, p).old_unit);
        // A consent given to the new municipality's unit (the handover consent) is not asked for
        // again.
        let to_new = consent
            .scope
            .recipients
            .contains(&PartyRef::Actor(note.receiver.clone()));
        if !named_old || to_new {
            continue;
        }
        for &action in &consent.scope.actions {
            for purpose in &consent.scope.purposes {
                let report = consent_gaps(
                    &index,
                    &GapFlow {
                        holder: holder.actor.clone(),
                        recipient: recipient.actor.clone(),
                        categories: consent.scope.categories.clone(),
                        action,
                        purpose: purpose.clone(),
                        at: noon(as_of),
                    },
                )
                .map_err(|_| HandoverError::UnknownActor {
                    at: crate::pointer::Pointer::root().key("case").key("consents"),
                })?;
                let categories: Vec<InformationCategory> =
                    report.missing.iter().map(|o| o.category).collect();
                if categories.is_empty() {
                    continue;
                }
                let words = |lang: Language| {
                    let list: Vec<&str> = categories.iter().map(|c| c.label(lang)).collect();
                    ask(
                        lang,
                        action,
                        &citizen(lang),
                        holder.name.get(lang),
                        recipient.name.get(lang),
                        &list.join(", "),
                        purpose.as_str(),
                        new.id.as_str(),
                    )
                };
                renew.push(ConsentToRenew {
                    consent: consent.id.clone(),
                    holder: holder.party.clone(),
                    recipient: recipient.party.clone(),
                    action,
                    purpose: purpose.clone(),
                    blocked: report.blocked.iter().map(|o| o.category).collect(),
                    ask: Text::new(words(Language::Da), words(Language::En)),
                    categories,
                });
            }
        }
    }
    Ok(HandoverStart {
        case: new.clone(),
        from_case: note.from_case.clone(),
        to: note.to.clone(),
        moved_on: note.moved_on,
        received: note.released.clone(),
        withheld: note.withheld.clone(),
        ended,
        renew,
    })
}
