//! The offer catalogue (reference data, after Open Referral HSDS): providers and their offers.

use crate::category::Language;
use crate::course::TreatmentKind;
use crate::ids::{ActorId, InstrumentId, OfferId};
use crate::party::Sector;
use crate::referral::ResponseDeadlines;
use crate::team::Contact;
use crate::text::pick;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A provider organisation (HSDS organization). Its id is the actor id the organisation has in
/// case files, so a referral's receiver and an offer's provider can be compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// The provider's id (the actor id used for it in case files).
    pub id: ActorId,
    /// Its name.
    pub name: String,
    /// Its sector.
    pub sector: Sector,
    /// How to reach it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// Whether an offer takes new citizens (HSDS service status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OfferStatus {
    /// Running and taking citizens.
    Active,
    /// Not offered any more.
    Inactive,
    /// Paused for a while (holidays, no instructor).
    TemporarilyClosed,
}

impl OfferStatus {
    /// Every status, in a stable order.
    pub const ALL: [OfferStatus; 3] = [
        OfferStatus::Active,
        OfferStatus::Inactive,
        OfferStatus::TemporarilyClosed,
    ];

    /// The status in words for people ("the offer is …").
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            OfferStatus::Active => pick(lang, "aktivt", "active"),
            OfferStatus::Inactive => pick(lang, "nedlagt", "inactive"),
            OfferStatus::TemporarilyClosed => {
                pick(lang, "midlertidigt lukket", "temporarily closed")
            }
        }
    }
}

/// On which footing the citizen takes part (DOMAIN.md S5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationBasis {
    /// A health offer: voluntary, built on motivation; attendance is not reported without consent.
    VoluntaryHealthOffer,
    /// An employment activity with a duty to attend (mødepligt); attendance is reported.
    ObligatoryEmploymentActivity,
}

impl ParticipationBasis {
    /// Every basis, in a stable order.
    pub const ALL: [ParticipationBasis; 2] = [
        ParticipationBasis::VoluntaryHealthOffer,
        ParticipationBasis::ObligatoryEmploymentActivity,
    ];

    /// The basis in words for people.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            ParticipationBasis::VoluntaryHealthOffer => {
                pick(lang, "frivilligt sundhedstilbud", "voluntary health offer")
            }
            ParticipationBasis::ObligatoryEmploymentActivity => pick(
                lang,
                "beskæftigelsesindsats med mødepligt",
                "employment activity with a duty to attend",
            ),
        }
    }
}

/// Group course or one-to-one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OfferMode {
    /// A group course.
    Group,
    /// Individual sessions.
    Individual,
}

impl OfferMode {
    /// Every mode, in a stable order.
    pub const ALL: [OfferMode; 2] = [OfferMode::Group, OfferMode::Individual];

    /// The mode in words for people.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            OfferMode::Group => pick(lang, "holdforløb", "group course"),
            OfferMode::Individual => pick(lang, "individuelt forløb", "individual sessions"),
        }
    }
}

pub use crate::goal_area::GoalArea;

/// Capacity and waiting time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    /// Places per course or per period, if limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<u32>,
    /// Typical waiting time in weeks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting_weeks: Option<u32>,
}

/// Where an offer takes place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// The place's name.
    pub name: String,
    /// Street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Municipality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
}

/// One way a citizen shows readiness for a group course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReadinessSignal {
    /// A readiness or motivation indicator at or above a level.
    IndicatorAtLeast {
        /// The indicator (an instrument id, e.g. `bip-motivation`).
        indicator: InstrumentId,
        /// The lowest level that counts.
        level: f64,
    },
    /// The citizen's own wish to take part is recorded.
    OwnWish,
}

/// The readiness a group course asks for (DOMAIN.md S11): any one signal suffices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadinessCondition {
    /// The signals; one is enough.
    pub any_of: Vec<ReadinessSignal>,
}

/// An offer (HSDS service).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// The offer's id.
    pub id: OfferId,
    /// Name in Danish.
    pub name_da: String,
    /// Name in English.
    pub name_en: String,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The provider (an id in `providers`).
    pub provider: ActorId,
    /// The sector the offer belongs to.
    pub sector: Sector,
    /// Whether it takes citizens.
    pub status: OfferStatus,
    /// Voluntary health offer or obligatory employment activity.
    pub basis: ParticipationBasis,
    /// What it helps with.
    pub areas: Vec<GoalArea>,
    /// Who may take part, in the rule language (facts about the citizen); absent means everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<crate::rules::Condition>,
    /// Places and waiting time.
    #[serde(default)]
    pub capacity: Capacity,
    /// Hours per week.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_hours: Option<f64>,
    /// How many weeks the course lasts once started, if it has a set length; with the waiting
    /// time it gives the day it is expected to end (see [`Offer::expected_end`]). Absent for
    /// ongoing support (a mentor), which is never hidden for ending too late.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_weeks: Option<u32>,
    /// Treatments during which a citizen cannot attend (e.g. `chemotherapy` for a group course:
    /// infection risk); the offer is not shown while one overlaps the weeks it would run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_during: Vec<TreatmentKind>,
    /// When ("Tuesdays 10–12:30, 6 weeks").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Languages it is given in (BCP 47 codes, e.g. `da`, `en`, `ar`).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Group course or individual.
    pub mode: OfferMode,
    /// For group courses: the readiness asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readiness: Option<ReadinessCondition>,
    /// Response deadlines for referrals to it, in working days (else the catalogue's default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_deadlines: Option<ResponseDeadlines>,
}

impl Offer {
    /// The offer's name in a language.
    pub fn name(&self, lang: Language) -> &str {
        pick(lang, &self.name_da, &self.name_en)
    }

    /// The day a citizen referred on `as_of` would start: after the typical waiting time.
    pub fn expected_start(&self, as_of: NaiveDate) -> NaiveDate {
        let wait = i64::from(self.capacity.waiting_weeks.unwrap_or(0));
        as_of
            .checked_add_signed(chrono::Duration::weeks(wait))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The last day of the offer for a citizen referred on `as_of`: the expected start plus
    /// its length; `None` for an offer without a set length. Saturates at the last
    /// representable day rather than overflowing.
    pub fn expected_end(&self, as_of: NaiveDate) -> Option<NaiveDate> {
        let weeks = i64::from(self.duration_weeks?);
        let start = self.expected_start(as_of);
        Some(
            start
                .checked_add_signed(chrono::Duration::weeks(weeks))
                .and_then(|d| d.pred_opt())
                .unwrap_or(NaiveDate::MAX)
                .max(start),
        )
    }
}

/// The offer catalogue: providers, offers, and default response deadlines for referrals.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferCatalogue {
    /// Provider organisations.
    #[serde(default)]
    pub providers: Vec<Provider>,
    /// Offers.
    #[serde(default)]
    pub offers: Vec<Offer>,
    /// Response deadlines for referrals without an offer, or to an offer without its own.
    #[serde(default)]
    pub default_response_deadlines: ResponseDeadlines,
}

impl OfferCatalogue {
    /// The offer with this id.
    pub fn offer(&self, id: &OfferId) -> Option<&Offer> {
        self.offers.iter().find(|o| &o.id == id)
    }

    /// The provider with this id.
    pub fn provider(&self, id: &ActorId) -> Option<&Provider> {
        self.providers.iter().find(|p| &p.id == id)
    }
}
