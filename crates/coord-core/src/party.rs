//! Parties: the actors around the citizen and the sectors they belong to.

use crate::ids::ActorId;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The sector an actor works in. Consent scopes and legal bases speak of sectors as well as of
/// named actors.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Sector {
    /// The municipal employment service ("jobcenteret" until 2026, "kommunen" under lov nr. 1750 af
    /// 29/12/2025). Its label names neither, so it is right under both laws; the words of the law
    /// in force come from the rule pack's own texts.
    MunicipalEmployment,
    /// Municipal rehabilitation training (genoptræning).
    MunicipalRehabilitation,
    /// Municipal prevention services (forebyggelse).
    MunicipalPrevention,
    /// The municipal health centre (sundhedscenter).
    MunicipalHealthCentre,
    /// Regional hospital care.
    Hospital,
    /// Regional psychiatry.
    Psychiatry,
    /// The general practitioner (praktiserende læge).
    GeneralPractice,
    /// Municipal social services.
    SocialServices,
    /// Education and training providers.
    Education,
    /// The citizen's employer.
    Employer,
    /// A volunteer organisation (e.g. the one running "Lær at tackle" courses).
    VolunteerOrganisation,
    /// The citizen themself.
    Citizen,
}

impl Sector {
    /// Every sector, in a stable order.
    pub const ALL: [Sector; 12] = [
        Sector::MunicipalEmployment,
        Sector::MunicipalRehabilitation,
        Sector::MunicipalPrevention,
        Sector::MunicipalHealthCentre,
        Sector::Hospital,
        Sector::Psychiatry,
        Sector::GeneralPractice,
        Sector::SocialServices,
        Sector::Education,
        Sector::Employer,
        Sector::VolunteerOrganisation,
        Sector::Citizen,
    ];

    /// Whether the sector is health care (municipal or regional, or the GP): the side whose offers
    /// are voluntary and whose records fall under the Health Act.
    pub fn is_health(self) -> bool {
        matches!(
            self,
            Sector::MunicipalRehabilitation
                | Sector::MunicipalPrevention
                | Sector::MunicipalHealthCentre
                | Sector::Hospital
                | Sector::Psychiatry
                | Sector::GeneralPractice
        )
    }

    /// Whether the sector is a municipality's own unit (employment, rehabilitation, prevention,
    /// the health centre, social services): the units a move between municipalities leaves behind.
    pub fn is_municipal(self) -> bool {
        matches!(
            self,
            Sector::MunicipalEmployment
                | Sector::MunicipalRehabilitation
                | Sector::MunicipalPrevention
                | Sector::MunicipalHealthCentre
                | Sector::SocialServices
        )
    }

    /// The sector's name. In `lang`: the one wording per language.
    pub fn label(self, lang: crate::category::Language) -> &'static str {
        match self {
            Sector::MunicipalEmployment => crate::text::pick(
                lang,
                "kommunens beskæftigelsesindsats",
                "municipal employment services",
            ),
            Sector::MunicipalRehabilitation => {
                crate::text::pick(lang, "kommunal genoptræning", "municipal rehabilitation")
            }
            Sector::MunicipalPrevention => {
                crate::text::pick(lang, "kommunal forebyggelse", "municipal prevention")
            }
            Sector::MunicipalHealthCentre => {
                crate::text::pick(lang, "sundhedscenter", "health centre")
            }
            Sector::Hospital => crate::text::pick(lang, "hospital", "hospital"),
            Sector::Psychiatry => crate::text::pick(lang, "psykiatri", "psychiatry"),
            Sector::GeneralPractice => {
                crate::text::pick(lang, "praktiserende læge", "general practice")
            }
            Sector::SocialServices => crate::text::pick(lang, "socialområdet", "social services"),
            Sector::Education => crate::text::pick(lang, "uddannelse", "education"),
            Sector::Employer => crate::text::pick(lang, "arbejdsgiver", "employer"),
            Sector::VolunteerOrganisation => {
                crate::text::pick(lang, "frivillig organisation", "volunteer organisation")
            }
            Sector::Citizen => crate::text::pick(lang, "borgeren", "the citizen"),
        }
    }
}

/// Whether an actor is one person or an organisation unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A named person (a caseworker, a therapist, the GP).
    Person,
    /// An organisation unit (a rehabilitation centre, a jobcenter team, an employer).
    Organisation,
}

/// A professional role: a code of the role vocabulary (`vocabularies.roles` in the reference
/// data), so a municipality's own role is declared there rather than written as free text.
pub use crate::vocab::Role;

/// An actor: a person or an organisation unit around the citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// The actor's id, unique within the case file.
    pub id: ActorId,
    /// Display name ("Rehabilitation Centre Hillerød", "Mette, bridge-builder").
    pub name: String,
    /// Person or organisation unit.
    pub kind: ActorKind,
    /// The sector the actor works in.
    pub sector: Sector,
    /// The actor's role (a code declared in `vocabularies.roles`).
    pub role: Role,
    /// The organisation unit a person belongs to, if any (an actor id in the same case file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<ActorId>,
    /// Official identifiers (SOR, CVR, GLN, P-number; CPR for a person).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<crate::identifier::Identifier>,
}
