//! The answer to an access request: per category a verdict, permitted on consent or a legal basis
//! or denied with the reason, and the whole decision.

use super::request::AccessRequest;
use crate::category::{InformationCategory, Language};
use crate::ids::{BasisId, ConsentId};
use crate::time::{date_of, Instant};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What permits a flow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Grounds {
    /// A consent in force covers it.
    Consent {
        /// The consent.
        consent: ConsentId,
    },
    /// A legal basis permits it without consent.
    LegalBasis {
        /// The legal rule.
        basis: BasisId,
        /// Its legal source.
        source: String,
    },
}

/// Why a flow is denied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DenyReason {
    /// A prohibition forbids it, whatever any consent says.
    Forbidden {
        /// The prohibition.
        rule: BasisId,
        /// Its legal source.
        source: String,
    },
    /// No consent covers this category at all, and no legal basis permits it.
    NoConsent,
    /// The closest consent does not cover this holder.
    HolderNotCovered {
        /// The consent.
        consent: ConsentId,
    },
    /// The closest consent does not cover this recipient.
    RecipientNotCovered {
        /// The consent.
        consent: ConsentId,
    },
    /// The closest consent does not cover this action.
    ActionNotCovered {
        /// The consent.
        consent: ConsentId,
    },
    /// The closest consent does not cover this purpose.
    PurposeNotCovered {
        /// The consent.
        consent: ConsentId,
    },
    /// The closest consent is for another case.
    CaseNotCovered {
        /// The consent.
        consent: ConsentId,
    },
    /// The closest consent had not been given yet at the moment asked about.
    NotYetGiven {
        /// The consent.
        consent: ConsentId,
        /// When it was given.
        given_at: Instant,
    },
    /// The closest consent's validity had not started.
    NotYetValid {
        /// The consent.
        consent: ConsentId,
        /// Its first valid day.
        from: NaiveDate,
    },
    /// The closest consent expired.
    Expired {
        /// The consent.
        consent: ConsentId,
        /// Its last valid day.
        on: NaiveDate,
    },
    /// The closest consent was revoked (for this category) at or before the moment asked about.
    Revoked {
        /// The consent.
        consent: ConsentId,
        /// When it was revoked.
        at: Instant,
    },
}

impl DenyReason {
    /// The consent the reason is about, if any.
    pub fn consent(&self) -> Option<&ConsentId> {
        match self {
            DenyReason::Forbidden { .. } | DenyReason::NoConsent => None,
            DenyReason::HolderNotCovered { consent }
            | DenyReason::RecipientNotCovered { consent }
            | DenyReason::ActionNotCovered { consent }
            | DenyReason::PurposeNotCovered { consent }
            | DenyReason::CaseNotCovered { consent }
            | DenyReason::NotYetGiven { consent, .. }
            | DenyReason::NotYetValid { consent, .. }
            | DenyReason::Expired { consent, .. }
            | DenyReason::Revoked { consent, .. } => Some(consent),
        }
    }

    /// Whether asking the citizen for a (new) consent could remove this reason.
    pub fn consent_could_help(&self) -> bool {
        !matches!(self, DenyReason::Forbidden { .. })
    }

    /// The reason as a sentence for a caseworker.
    pub fn describe(&self, lang: Language) -> String {
        use DenyReason::*;
        match (lang, self) {
            (Language::En, Forbidden { rule, source }) => {
                format!("forbidden by {rule} ({source}), whatever any consent says")
            }
            (Language::Da, Forbidden { rule, source }) => {
                format!("forbudt efter {rule} ({source}) uanset samtykke")
            }
            (Language::En, NoConsent) => {
                "no consent covers it and no legal basis permits it".into()
            }
            (Language::Da, NoConsent) => {
                "intet samtykke dækker, og intet lovgrundlag tillader det".into()
            }
            (Language::En, HolderNotCovered { consent }) => {
                format!("consent {consent} does not cover this holder")
            }
            (Language::Da, HolderNotCovered { consent }) => {
                format!("samtykke {consent} dækker ikke denne afsender")
            }
            (Language::En, RecipientNotCovered { consent }) => {
                format!("consent {consent} does not cover this recipient")
            }
            (Language::Da, RecipientNotCovered { consent }) => {
                format!("samtykke {consent} dækker ikke denne modtager")
            }
            (Language::En, ActionNotCovered { consent }) => {
                format!("consent {consent} does not cover this action")
            }
            (Language::Da, ActionNotCovered { consent }) => {
                format!("samtykke {consent} dækker ikke denne handling")
            }
            (Language::En, PurposeNotCovered { consent }) => {
                format!("consent {consent} does not cover this purpose")
            }
            (Language::Da, PurposeNotCovered { consent }) => {
                format!("samtykke {consent} dækker ikke dette formål")
            }
            (Language::En, CaseNotCovered { consent }) => {
                format!("consent {consent} is for another case")
            }
            (Language::Da, CaseNotCovered { consent }) => {
                format!("samtykke {consent} gælder en anden sag")
            }
            (Language::En, NotYetGiven { consent, given_at }) => {
                format!("consent {consent} was only given at {given_at}")
            }
            (Language::Da, NotYetGiven { consent, given_at }) => {
                format!("samtykke {consent} blev først givet {given_at}")
            }
            (Language::En, NotYetValid { consent, from }) => {
                format!("consent {consent} is only valid from {from}")
            }
            (Language::Da, NotYetValid { consent, from }) => {
                format!("samtykke {consent} gælder først fra {from}")
            }
            (Language::En, Expired { consent, on }) => format!("consent {consent} expired on {on}"),
            (Language::Da, Expired { consent, on }) => format!("samtykke {consent} udløb {on}"),
            (Language::En, Revoked { consent, at }) => {
                format!("consent {consent} was revoked on {}", date_of(at))
            }
            (Language::Da, Revoked { consent, at }) => {
                format!("samtykke {consent} blev tilbagekaldt {}", date_of(at))
            }
        }
    }
}

impl Grounds {
    /// The grounds as a phrase for a caseworker.
    pub fn describe(&self, lang: Language) -> String {
        match (lang, self) {
            (Language::En, Grounds::Consent { consent }) => format!("consent {consent}"),
            (Language::Da, Grounds::Consent { consent }) => format!("samtykke {consent}"),
            (Language::En, Grounds::LegalBasis { basis, source }) => {
                format!("legal basis {basis} ({source})")
            }
            (Language::Da, Grounds::LegalBasis { basis, source }) => {
                format!("lovgrundlag {basis} ({source})")
            }
        }
    }
}

/// The answer for one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Verdict {
    /// Allowed, and on what grounds.
    Permit {
        /// What permits it.
        grounds: Grounds,
    },
    /// Not allowed, and why.
    Deny {
        /// Why not.
        reason: DenyReason,
    },
}

impl Verdict {
    /// Whether the verdict permits.
    pub fn is_permit(&self) -> bool {
        matches!(self, Verdict::Permit { .. })
    }
}

/// The verdict for one category of a request. (An output type: the flattened verdict rules out
/// `deny_unknown_fields`.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CategoryOutcome {
    /// The category.
    pub category: InformationCategory,
    /// Its verdict.
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// The answer to an access request: one outcome per requested category, in the request's order.
/// It is also the audit entry the host stores: who, about whom, what, when, decision, basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessDecision {
    /// The request, as decided.
    pub request: AccessRequest,
    /// One outcome per distinct requested category.
    pub outcomes: Vec<CategoryOutcome>,
}

impl AccessDecision {
    /// Whether every category is permitted.
    pub fn all_permitted(&self) -> bool {
        self.outcomes.iter().all(|o| o.verdict.is_permit())
    }
}
