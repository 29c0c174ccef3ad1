//! The access decision: may this actor view / receive / report these categories, and why.
//!
//! Per category: a prohibition that matches denies (forbid overrides permit); otherwise a consent in
//! force that covers the whole request permits, then a legal basis; otherwise deny, with the reason
//! taken from the consent that came closest to covering the request, checked in the order
//! category → action → purpose → holder → recipient → case → given → valid from → valid to →
//! revocation. Consents are indexed by (category, action, purpose) and rules by category at
//! [`AccessIndex::new`], so a decision only looks at records that can touch it. The result does
//! not depend on the order of records: ties are broken by id.
//!
//! The request and its errors are in [`super::request`], the verdict types in [`super::verdict`];
//! both are re-exported here.

use super::bucket::{Bucket, Selection};
use super::legal::{Effect, LegalRule};
use super::model::{Action, Consent, PartyRef};
use crate::case_file::CaseFile;
use crate::category::InformationCategory;
use crate::check::CheckedCase;
use crate::ids::ActorId;
use crate::party::Actor;
use crate::pointer::Pointer;
use crate::reference::ReferenceData;
use crate::time::date_of;
use chrono::NaiveDate;
use std::collections::BTreeMap;

pub use super::request::{AccessRequest, RequestError};
pub use super::verdict::{AccessDecision, CategoryOutcome, DenyReason, Grounds, Verdict};

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
    actors: BTreeMap<&'a ActorId, &'a Actor>,
    /// Consents by category (sorted by id).
    consents_by_category: Vec<Vec<&'a Consent>>,
    /// Consents by (category, action) (sorted by id).
    consents_by_category_action: Vec<Vec<&'a Consent>>,
    /// Consents by (category, action, purpose), indexed by holder and recipient: the only ones
    /// that can permit.
    consents_by_key: BTreeMap<(usize, usize, &'a str), Bucket<'a>>,
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
        let mut consents_by_key: BTreeMap<(usize, usize, &str), Bucket<'a>> = BTreeMap::new();
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
