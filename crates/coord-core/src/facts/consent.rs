//! The consent facts: the information categories covered or withdrawn on the date.

use super::value::FactValue;
use super::words::{category_word, CATEGORY_WORDS};
use super::{Compute, FactDef, FactType};
use crate::category::InformationCategory;
use crate::consent::model::Consent;
use chrono::NaiveDate;

fn in_force(consent: &Consent, as_of: NaiveDate) -> impl Iterator<Item = InformationCategory> + '_ {
    let valid = consent.valid_from <= as_of
        && as_of <= consent.valid_to
        && consent.given_at.date_naive() <= as_of;
    consent.scope.categories.iter().copied().filter(move |c| {
        valid
            && consent
                .revocation_for(*c)
                .is_none_or(|r| r.at.date_naive() > as_of)
    })
}

/// `consents_in_force`.
pub const CONSENTS_IN_FORCE: FactDef = FactDef {
    name: "consents_in_force",
    ty: FactType::Set,
    meaning_en: "the information categories covered by at least one consent in force on the evaluation date (valid, given, not revoked)",
    meaning_da: "oplysningskategorier, som mindst ét gældende samtykke dækker på datoen",
    words: &CATEGORY_WORDS,
    vocabulary: None,
    compute: Compute::Case(|ctx| Some(FactValue::set(ctx.case.consents.iter().flat_map(|c| in_force(c, ctx.as_of)).map(category_word)))),
};

/// `consents_revoked`.
pub const CONSENTS_REVOKED: FactDef = FactDef {
    name: "consents_revoked",
    ty: FactType::Set,
    meaning_en: "the information categories the citizen withdrew a consent for on or before the evaluation date",
    meaning_da: "oplysningskategorier, borgeren har trukket et samtykke tilbage for senest på datoen",
    words: &CATEGORY_WORDS,
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        Some(FactValue::set(ctx.case.consents.iter().flat_map(|c| {
            c.scope.categories.iter().copied().filter(move |cat| {
                c.revocation_for(*cat).is_some_and(|r| r.at.date_naive() <= ctx.as_of)
            })
        }).map(category_word)))
    }),
};
