//! The access decision: may this actor view / receive / report these categories, and why.
//!
//! Per category: a prohibition that matches denies (forbid overrides permit); otherwise a consent in
//! force that covers the whole request permits, then a legal basis; otherwise deny, with the reason
//! taken from the consent that came closest to covering the request, checked in the order
//! category → action → purpose → holder → recipient → case → given → valid from → valid to →
//! revocation. Consents are indexed by (category, action, purpose) and rules by category at
//! [`AccessIndex::new`], so a decision only looks at records that can touch it. The result does
//! not depend on the order of records: ties are broken by id.

use super::bucket::{Bucket, Selection};
use super::legal::{Effect, LegalRule};
use super::model::{Action, Consent, PartyRef};
use crate::case_file::CaseFile;
use crate::category::{InformationCategory, Language};
use crate::check::CheckedCase;
use crate::ids::{ActorId, BasisId, CaseId, CitizenId, ConsentId, PurposeId};
use crate::party::Actor;
use crate::pointer::Pointer;
use crate::reference::ReferenceData;
use crate::time::{date_of, Instant};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use thiserror::Error;

/// A request to view, receive or report information about the citizen, at a moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessRequest {
    /// Who asks (the recipient of the information).
    pub requester: ActorId,
    /// About which citizen.
    pub citizen: CitizenId,
    /// In which case.
    pub case: CaseId,
    /// Who holds the information.
    pub holder: ActorId,
    /// Which categories.
    pub categories: Vec<InformationCategory>,
    /// Which action.
    pub action: Action,
    /// For which purpose.
    pub purpose: PurposeId,
    /// At which moment (decisions are answered from the state at that moment).
    pub at: Instant,
}

/// Why a request cannot be decided at all (as opposed to being denied).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RequestError {
    /// The request names an actor that is not in the case file.
    #[error("unknown actor: no actor with this id in the case file")]
    UnknownActor {
        /// Where the id is.
        at: Pointer,
        /// The dangling id.
        id: ActorId,
    },
    /// The request is about another citizen than the case file.
    #[error("the request is about another citizen than the case file")]
    WrongCitizen {
        /// Where the citizen id is.
        at: Pointer,
        /// The request's citizen.
        got: CitizenId,
        /// The case file's citizen.
        expected: CitizenId,
    },
    /// The request names another case than the case file.
    #[error("the request is for another case than the case file")]
    WrongCase {
        /// Where the case id is.
        at: Pointer,
        /// The request's case.
        got: CaseId,
        /// The case file's id.
        expected: CaseId,
    },
    /// The request names no category.
    #[error("the request names no information category")]
    NoCategories {
        /// Where the list is.
        at: Pointer,
    },
    /// The request's purpose is not declared in the purpose vocabulary. The message lists the
    /// declared purposes and never repeats the request's.
    #[error("not a declared purpose; declared codes: {declared}")]
    UndeclaredPurpose {
        /// Where the purpose is.
        at: Pointer,
        /// The declared purposes, as one line.
        declared: String,
    },
}

impl RequestError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            RequestError::UnknownActor { .. } => "request.unknown_actor",
            RequestError::WrongCitizen { .. } => "request.wrong_citizen",
            RequestError::WrongCase { .. } => "request.wrong_case",
            RequestError::NoCategories { .. } => "request.no_categories",
            RequestError::UndeclaredPurpose { .. } => "request.undeclared_purpose",
        }
    }

    /// Where in the request the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            RequestError::UnknownActor { at, .. }
            | RequestError::WrongCitizen { at, .. }
            | RequestError::WrongCase { at, .. }
            | RequestError::NoCategories { at }
            | RequestError::UndeclaredPurpose { at, .. } => at,
        }
    }
}

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

/// How far a consent got towards covering the request, in check order; the last stage is a permit.
/// (Category, action and purpose are settled by the index before a consent is looked at.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Holder,
    Recipient,
    Case,
    Given,
    ValidFrom,
    ValidTo,
    Revocation,
}

/// Consents and legal rules of one case, indexed so a decision looks only at what can touch it.
/// Build once per case file, decide many times.
#[derive(Debug, Clone)]
pub struct AccessIndex<'a> {
    case: &'a CaseFile,
    actors: HashMap<&'a ActorId, &'a Actor>,
    /// Consents by category (sorted by id).
    consents_by_category: Vec<Vec<&'a Consent>>,
    /// Consents by (category, action) (sorted by id).
    consents_by_category_action: Vec<Vec<&'a Consent>>,
    /// Consents by (category, action, purpose), indexed by holder and recipient: the only ones
    /// that can permit.
    consents_by_key: HashMap<(usize, usize, &'a str), Bucket<'a>>,
    forbids_by_category: Vec<Vec<&'a LegalRule>>,
    permits_by_category: Vec<Vec<&'a LegalRule>>,
    /// The vocabularies: a request's purpose must be declared.
    vocabularies: &'a crate::vocab::Vocabularies,
}

fn ordinal(c: InformationCategory) -> usize {
    c as usize
}

fn slot(category: usize, action: Action) -> usize {
    category * Action::ALL.len() + action as usize
}

fn sorted_unique<T: Ord + Clone>(items: &[T]) -> Vec<T> {
    let mut v = items.to_vec();
    v.sort();
    v.dedup();
    v
}

impl<'a> AccessIndex<'a> {
    /// Index a checked case file and the legal rules of the reference data.
    pub fn new(case: &'a CheckedCase, reference: &'a ReferenceData) -> Self {
        Self::with_scan_limit(case, reference, super::bucket::SCAN_UP_TO)
    }

    /// [`Self::new`], indexing by party every (category, action, purpose) bucket that holds more
    /// than `scan_up_to` consents (smaller ones are scanned). The decisions are the same for any
    /// limit — only the cost differs; tests use 0 to check the party index on small cases.
    pub fn with_scan_limit(
        case: &'a CheckedCase,
        reference: &'a ReferenceData,
        scan_up_to: usize,
    ) -> Self {
        let case = case.case();
        let n = InformationCategory::ALL.len();
        let mut by_id: Vec<&Consent> = case.consents.iter().collect();
        by_id.sort_by(|a, b| a.id.cmp(&b.id));
        let mut consents_by_category: Vec<Vec<&Consent>> = vec![Vec::new(); n];
        let mut consents_by_category_action: Vec<Vec<&Consent>> =
            vec![Vec::new(); n * Action::ALL.len()];
        let mut consents_by_key: HashMap<(usize, usize, &str), Bucket<'a>> = HashMap::new();
        for consent in by_id {
            let actions = sorted_unique(&consent.scope.actions);
            let mut purposes: Vec<&str> =
                consent.scope.purposes.iter().map(|p| p.as_str()).collect();
            purposes.sort_unstable();
            purposes.dedup();
            for cat in sorted_unique(&consent.scope.categories) {
                let c = ordinal(cat);
                if let Some(b) = consents_by_category.get_mut(c) {
                    b.push(consent);
                }
                for &action in &actions {
                    if let Some(b) = consents_by_category_action.get_mut(slot(c, action)) {
                        b.push(consent);
                    }
                    for &purpose in &purposes {
                        consents_by_key
                            .entry((c, action as usize, purpose))
                            .or_default()
                            .push(consent);
                    }
                }
            }
        }
        let mut forbids_by_category: Vec<Vec<&LegalRule>> = vec![Vec::new(); n];
        let mut permits_by_category: Vec<Vec<&LegalRule>> = vec![Vec::new(); n];
        for rule in &reference.legal_rules {
            for cat in InformationCategory::ALL {
                let matches = rule.categories.as_ref().is_none_or(|cs| cs.contains(&cat));
                let target = match rule.effect {
                    Effect::Forbid => &mut forbids_by_category,
                    Effect::Permit => &mut permits_by_category,
                };
                if let (true, Some(bucket)) = (matches, target.get_mut(ordinal(cat))) {
                    bucket.push(rule);
                }
            }
        }
        for bucket in forbids_by_category
            .iter_mut()
            .chain(permits_by_category.iter_mut())
        {
            bucket.sort_by(|a, b| a.id.cmp(&b.id));
        }
        for bucket in consents_by_key.values_mut() {
            bucket.finish(scan_up_to);
        }
        let actors = case.actors.iter().map(|a| (&a.id, a)).collect();
        Self {
            case,
            actors,
            consents_by_category,
            consents_by_category_action,
            consents_by_key,
            forbids_by_category,
            permits_by_category,
            vocabularies: &reference.vocabularies,
        }
    }

    /// The case file behind the index.
    pub fn case(&self) -> &'a CaseFile {
        self.case
    }

    /// Check that a request can be decided against this case file.
    pub fn check_request(&self, request: &AccessRequest) -> Result<(), RequestError> {
        let root = Pointer::root();
        for (key, id) in [
            ("requester", &request.requester),
            ("holder", &request.holder),
        ] {
            if !self.actors.contains_key(id) {
                return Err(RequestError::UnknownActor {
                    at: root.key(key),
                    id: id.clone(),
                });
            }
        }
        if request.citizen != self.case.citizen.id {
            return Err(RequestError::WrongCitizen {
                at: root.key("citizen"),
                got: request.citizen.clone(),
                expected: self.case.citizen.id.clone(),
            });
        }
        if request.case != self.case.id {
            return Err(RequestError::WrongCase {
                at: root.key("case"),
                got: request.case.clone(),
                expected: self.case.id.clone(),
            });
        }
        if request.categories.is_empty() {
            return Err(RequestError::NoCategories {
                at: root.key("categories"),
            });
        }
        let purposes = crate::vocab::VocabularyKind::Purpose;
        if !self
            .vocabularies
            .declares(purposes, request.purpose.as_str())
        {
            return Err(RequestError::UndeclaredPurpose {
                at: root.key("purpose"),
                declared: self.vocabularies.code_list(purposes),
            });
        }
        Ok(())
    }

    /// Decide a request: one outcome per distinct category, in the order first requested.
    /// See the crate-level example.
    pub fn decide(&self, request: &AccessRequest) -> Result<AccessDecision, RequestError> {
        self.check_request(request)?;
        let mut outcomes: Vec<CategoryOutcome> = Vec::with_capacity(request.categories.len());
        for &category in &request.categories {
            if outcomes.iter().any(|o| o.category == category) {
                continue;
            }
            outcomes.push(CategoryOutcome {
                category,
                verdict: self.verdict(request, category),
            });
        }
        Ok(AccessDecision {
            request: request.clone(),
            outcomes,
        })
    }

    fn party_matches(&self, party: &PartyRef, actor: &ActorId) -> bool {
        let Some(a) = self.actors.get(actor) else {
            return false;
        };
        match party {
            PartyRef::Actor(id) => &a.id == id || a.organisation.as_ref() == Some(id),
            PartyRef::Sector(s) => a.sector == *s,
        }
    }

    fn any_party(&self, parties: &Option<Vec<PartyRef>>, actor: &ActorId) -> bool {
        parties
            .as_ref()
            .is_none_or(|ps| ps.iter().any(|p| self.party_matches(p, actor)))
    }

    fn rule_matches(&self, rule: &LegalRule, request: &AccessRequest) -> bool {
        let day = date_of(&request.at);
        rule.valid.is_none_or(|v| v.contains(day))
            && self.any_party(&rule.holders, &request.holder)
            && self.any_party(&rule.recipients, &request.requester)
            && rule
                .actions
                .as_ref()
                .is_none_or(|a| a.contains(&request.action))
            && rule
                .purposes
                .as_ref()
                .is_none_or(|p| p.contains(&request.purpose))
    }

    /// How far `consent` — already known to cover the category, action and purpose, and to name
    /// the request's holder and recipient (the bucket selected it by them) — gets towards covering
    /// `request` on `day` (the request's date); Ok when it permits. Nothing is allocated: the
    /// reason of the closest consent is built once, by [`Self::deny_reason`].
    fn consent_stage(
        consent: &Consent,
        request: &AccessRequest,
        category: InformationCategory,
        day: NaiveDate,
    ) -> Result<(), Stage> {
        if consent.scope.case != request.case {
            return Err(Stage::Case);
        }
        if request.at < consent.given_at {
            return Err(Stage::Given);
        }
        if day < consent.valid_from {
            return Err(Stage::ValidFrom);
        }
        if day > consent.valid_to {
            return Err(Stage::ValidTo);
        }
        if consent
            .revocation_for(category)
            .is_some_and(|r| r.at <= request.at)
        {
            return Err(Stage::Revocation);
        }
        Ok(())
    }

    /// Why `consent` stopped at `stage` for `request`.
    fn deny_reason(
        consent: &Consent,
        stage: Stage,
        request: &AccessRequest,
        category: InformationCategory,
    ) -> DenyReason {
        let consent_id = consent.id.clone();
        match stage {
            Stage::Holder => DenyReason::HolderNotCovered {
                consent: consent_id,
            },
            Stage::Recipient => DenyReason::RecipientNotCovered {
                consent: consent_id,
            },
            Stage::Case => DenyReason::CaseNotCovered {
                consent: consent_id,
            },
            Stage::Given => DenyReason::NotYetGiven {
                consent: consent_id,
                given_at: consent.given_at,
            },
            Stage::ValidFrom => DenyReason::NotYetValid {
                consent: consent_id,
                from: consent.valid_from,
            },
            Stage::ValidTo => DenyReason::Expired {
                consent: consent_id,
                on: consent.valid_to,
            },
            Stage::Revocation => DenyReason::Revoked {
                consent: consent_id,
                at: consent
                    .revocation_for(category)
                    .filter(|r| r.at <= request.at)
                    .map_or(request.at, |r| r.at),
            },
        }
    }

    fn verdict(&self, request: &AccessRequest, category: InformationCategory) -> Verdict {
        let i = ordinal(category);
        fn bucket<T>(v: &[Vec<T>], i: usize) -> &[T] {
            v.get(i).map(Vec::as_slice).unwrap_or(&[])
        }
        if let Some(rule) = bucket(&self.forbids_by_category, i)
            .iter()
            .find(|r| self.rule_matches(r, request))
        {
            return Verdict::Deny {
                reason: DenyReason::Forbidden {
                    rule: rule.id.clone(),
                    source: rule.source.clone(),
                },
            };
        }
        // Only consents covering this category, action and purpose can permit, and of those only
        // the ones naming this holder and this recipient: look at those.
        let key = (i, request.action as usize, request.purpose.as_str());
        let selection = self
            .consents_by_key
            .get(&key)
            .and_then(|b| match b.scanned() {
                Some(list) => Some(Selection::Scan(list)),
                None => b.select(
                    self.actors.get(&request.holder).copied(),
                    self.actors.get(&request.requester).copied(),
                ),
            });
        let mut closest: Option<(Stage, &Consent)> = None;
        match selection {
            None => {}
            Some(Selection::Scan(list)) => {
                let day = date_of(&request.at);
                for consent in list {
                    let scope = &consent.scope;
                    let stage = if !scope
                        .holders
                        .iter()
                        .any(|p| self.party_matches(p, &request.holder))
                    {
                        Err(Stage::Holder)
                    } else if !scope
                        .recipients
                        .iter()
                        .any(|p| self.party_matches(p, &request.requester))
                    {
                        Err(Stage::Recipient)
                    } else {
                        Self::consent_stage(consent, request, category, day)
                    };
                    match stage {
                        Ok(()) => {
                            return Verdict::Permit {
                                grounds: Grounds::Consent {
                                    consent: consent.id.clone(),
                                },
                            }
                        }
                        // The list is sorted by id, so a strict `>` keeps the smallest id on ties.
                        Err(stage) => {
                            if closest.is_none_or(|(best, _)| stage > best) {
                                closest = Some((stage, *consent));
                            }
                        }
                    }
                }
            }
            Some(Selection::NoHolder(consent)) => closest = Some((Stage::Holder, consent)),
            Some(Selection::NoRecipient(consent)) => closest = Some((Stage::Recipient, consent)),
            Some(Selection::Both(lists)) => {
                let day = date_of(&request.at);
                let mut permit: Option<&Consent> = None;
                for list in lists {
                    for consent in list {
                        if permit.is_some_and(|p| p.id <= consent.id) {
                            break;
                        }
                        match Self::consent_stage(consent, request, category, day) {
                            Ok(()) => {
                                permit = Some(consent);
                                break;
                            }
                            // Lists are sorted by id: on equal stages the smaller id wins.
                            Err(stage) => {
                                let closer = closest.is_none_or(|(best, c)| {
                                    stage > best || (stage == best && consent.id < c.id)
                                });
                                if closer {
                                    closest = Some((stage, *consent));
                                }
                            }
                        }
                    }
                }
                if let Some(consent) = permit {
                    return Verdict::Permit {
                        grounds: Grounds::Consent {
                            consent: consent.id.clone(),
                        },
                    };
                }
            }
        }
        if let Some(rule) = bucket(&self.permits_by_category, i)
            .iter()
            .find(|r| self.rule_matches(r, request))
        {
            return Verdict::Permit {
                grounds: Grounds::LegalBasis {
                    basis: rule.id.clone(),
                    source: rule.source.clone(),
                },
            };
        }
        // The closest consent explains the denial: one that matched category, action and purpose;
        // else one that matched category and action (so not the purpose); else one that matched
        // the category (so not the action). Buckets are sorted by id, so the first is the smallest.
        let reason = match closest {
            Some((stage, consent)) => Self::deny_reason(consent, stage, request, category),
            None => {
                let first = |b: &[&Consent]| b.first().map(|c| c.id.clone());
                if let Some(consent) = first(bucket(
                    &self.consents_by_category_action,
                    slot(i, request.action),
                )) {
                    DenyReason::PurposeNotCovered { consent }
                } else if let Some(consent) = first(bucket(&self.consents_by_category, i)) {
                    DenyReason::ActionNotCovered { consent }
                } else {
                    DenyReason::NoConsent
                }
            }
        };
        Verdict::Deny { reason }
    }
}
