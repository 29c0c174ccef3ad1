//! The consent record and the parts a flow of information is described by.

use crate::category::InformationCategory;
use crate::ids::{ActorId, CaseId, CitizenId, ConsentId, PurposeId};
use crate::party::Sector;
use crate::time::Instant;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What the recipient may do with the information.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Look into the holder's record ("kiggeadgang").
    View,
    /// Have the holder send the information.
    Disclose,
    /// Have the holder report the citizen's attendance.
    ReportAttendance,
}

impl Action {
    /// Every action, in a stable order.
    pub const ALL: [Action; 3] = [Action::View, Action::Disclose, Action::ReportAttendance];

    /// The action, as a verb phrase ("view"). In `lang`: the one wording per language.
    pub fn label(self, lang: crate::category::Language) -> &'static str {
        match self {
            Action::View => crate::text::pick(lang, "se (kiggeadgang)", "view"),
            Action::Disclose => crate::text::pick(lang, "videregive", "disclose"),
            Action::ReportAttendance => {
                crate::text::pick(lang, "indberette fremmøde", "report attendance")
            }
        }
    }
}

/// A party named in a consent or a legal rule: one actor (an organisation covers its people), or
/// a whole sector.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PartyRef {
    /// A named actor in the case file.
    Actor(ActorId),
    /// Every actor of a sector.
    Sector(Sector),
}

/// How the citizen gave the consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConsentForm {
    /// Signed on paper.
    Written,
    /// Given digitally (e.g. with MitID).
    Digital,
    /// Given orally; the professional who recorded it must be named.
    Oral,
}

/// What a consent covers: which information, from whom, to whom, why, in which case, for which
/// action. Every list must be non-empty: a consent that leaves one open is a blanket consent and
/// invalid (retssikkerhedsloven §11a).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentScope {
    /// The information categories covered.
    pub categories: Vec<InformationCategory>,
    /// Who holds the information (the sender or the record looked into).
    pub holders: Vec<PartyRef>,
    /// Who may receive or look at it.
    pub recipients: Vec<PartyRef>,
    /// The purposes it may be used for.
    pub purposes: Vec<PurposeId>,
    /// The actions covered.
    pub actions: Vec<Action>,
    /// The case the consent is given for.
    pub case: CaseId,
}

/// A withdrawal of a consent, whole or for some categories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Revocation {
    /// When the citizen withdrew it.
    pub at: Instant,
    /// Who recorded the withdrawal (an actor id; the citizen may record it themself).
    pub recorded_by: ActorId,
    /// The categories withdrawn; absent means the whole consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<InformationCategory>>,
}

impl Revocation {
    /// Whether this revocation withdraws `category`.
    pub fn covers(&self, category: InformationCategory) -> bool {
        self.categories
            .as_ref()
            .is_none_or(|cats| cats.contains(&category))
    }
}

/// A consent the citizen gave to exchange information in their own case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The consent's id, unique in the case file.
    pub id: ConsentId,
    /// The citizen who gave it.
    pub citizen: CitizenId,
    /// When it was given.
    pub given_at: Instant,
    /// In which form.
    pub form: ConsentForm,
    /// Who recorded it (required for an oral consent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<ActorId>,
    /// What it covers.
    pub scope: ConsentScope,
    /// First day it is valid.
    pub valid_from: NaiveDate,
    /// Last day it is valid (inclusive).
    pub valid_to: NaiveDate,
    /// Withdrawals, whole or partial.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revocations: Vec<Revocation>,
    /// A reference to the text shown to the citizen (document id or URL in the host system).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_ref: Option<String>,
}

impl Consent {
    /// The earliest revocation covering `category`, if any.
    pub fn revocation_for(&self, category: InformationCategory) -> Option<&Revocation> {
        self.revocations
            .iter()
            .filter(|r| r.covers(category))
            .min_by_key(|r| r.at)
    }

    /// The consent's status at the end of `day`: revoked as a whole (on or before the day),
    /// not yet valid, expired, or in force (possibly with some categories withdrawn).
    pub fn status_on(&self, day: NaiveDate) -> ConsentStatus {
        let whole = self
            .revocations
            .iter()
            .any(|r| r.categories.is_none() && crate::time::date_of(&r.at) <= day);
        if whole {
            ConsentStatus::Revoked
        } else if day < self.valid_from {
            ConsentStatus::NotYetValid
        } else if day > self.valid_to {
            ConsentStatus::Expired
        } else {
            ConsentStatus::InForce
        }
    }
}

/// A consent's status on a day ([`Consent::status_on`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConsentStatus {
    /// Its validity has not begun.
    NotYetValid,
    /// Valid and not revoked as a whole.
    InForce,
    /// Its validity ended.
    Expired,
    /// Withdrawn as a whole.
    Revoked,
}

/// A flow of information: held by whom, going to whom, for what. Used for requests, consent gaps
/// and referrals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// Who holds the information.
    pub holder: ActorId,
    /// Who would receive or look at it.
    pub recipient: ActorId,
    /// Which categories.
    pub categories: Vec<InformationCategory>,
    /// Which action.
    pub action: Action,
    /// For which purpose.
    pub purpose: PurposeId,
}
