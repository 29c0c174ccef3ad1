//! Generators for consent data: actors, consents, legal rules, requests, and whole case files
//! whose consents pass the case-file check.
//!
//! Ids come from small pools so that generated requests often touch generated consents.

use crate::case_file::{CaseFile, Citizen};
use crate::category::InformationCategory;
use crate::consent::AccessRequest;
use crate::consent::{
    Action, Consent, ConsentForm, ConsentScope, Effect, LegalRule, PartyRef, Revocation,
};
use crate::ids::{ActorId, BasisId, CaseId, CitizenId, ConsentId, PurposeId};
use crate::party::{Actor, Sector};
use crate::reference::ReferenceData;
use crate::time::{DatePeriod, Instant};
use chrono::{Duration, FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone, Utc};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

/// The case id every generated case and request uses.
pub const CASE: &str = "case-gen";
/// The citizen id every generated case and request uses.
pub const CITIZEN: &str = "cit-gen";
/// The purposes generated data draws from.
pub const PURPOSES: [&str; 3] = [
    "return-to-work",
    "current-treatment",
    "sickness-benefit-follow-up",
];

/// A fixed cast of actors, one per sector, so references always resolve.
pub fn cast() -> Vec<Actor> {
    super::cast_with_prefix("a")
}

fn actor_ids() -> Vec<ActorId> {
    cast().into_iter().map(|a| a.id).collect()
}

/// A day in 2024–2026.
pub fn day() -> impl Strategy<Value = NaiveDate> {
    (0i64..1000)
        .prop_map(|d| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default() + Duration::days(d))
}

/// An instant in 2024–2026 with an offset of +01:00 or +02:00.
pub fn instant() -> impl Strategy<Value = Instant> {
    (0i64..1000 * 24 * 4, prop_oneof![Just(3600), Just(7200)]).prop_map(
        |(quarter_hours, offset)| {
            let tz = FixedOffset::east_opt(offset).unwrap_or(Utc.fix());
            let start = NaiveDate::from_ymd_opt(2024, 1, 1)
                .unwrap_or_default()
                .and_time(NaiveTime::MIN);
            let local = start + Duration::minutes(15 * quarter_hours);
            tz.from_local_datetime(&local).single().unwrap_or_default()
        },
    )
}

/// A category.
pub fn category() -> impl Strategy<Value = InformationCategory> {
    select(InformationCategory::ALL.to_vec())
}

/// An action.
pub fn action() -> impl Strategy<Value = Action> {
    select(Action::ALL.to_vec())
}

/// A purpose from [`PURPOSES`].
pub fn purpose() -> impl Strategy<Value = PurposeId> {
    select(PURPOSES.to_vec()).prop_map(PurposeId::from)
}

/// A party: an actor of the cast or a sector.
pub fn party() -> impl Strategy<Value = PartyRef> {
    prop_oneof![
        select(actor_ids()).prop_map(PartyRef::Actor),
        select(Sector::ALL.to_vec()).prop_map(PartyRef::Sector),
    ]
}

fn non_empty<T: Clone + std::fmt::Debug + 'static>(all: Vec<T>) -> impl Strategy<Value = Vec<T>> {
    let n = all.len();
    subsequence(all, 1..=n)
}

/// A consent that passes validation under the default policy (at most a year long, specific,
/// revocations after it was given).
pub fn consent(id: usize) -> impl Strategy<Value = Consent> {
    (
        instant(),
        non_empty(InformationCategory::ALL.to_vec()),
        proptest::collection::vec(party(), 1..3),
        proptest::collection::vec(party(), 1..3),
        non_empty(PURPOSES.iter().map(|p| PurposeId::from(*p)).collect()),
        non_empty(Action::ALL.to_vec()),
        0i64..30,
        1i64..365,
        proptest::option::weighted(
            0.3,
            (
                0i64..400 * 24,
                proptest::option::of(non_empty(InformationCategory::ALL.to_vec())),
            ),
        ),
    )
        .prop_map(
            move |(
                given_at,
                categories,
                holders,
                recipients,
                purposes,
                actions,
                start_delay,
                length,
                revoke,
            )| {
                let valid_from = given_at.date_naive() + Duration::days(start_delay);
                let valid_to = valid_from + Duration::days(length - 1);
                let revocations = revoke
                    .map(|(hours, cats)| Revocation {
                        at: given_at + Duration::hours(hours),
                        recorded_by: ActorId::from("a11"),
                        categories: cats,
                    })
                    .into_iter()
                    .collect();
                Consent {
                    id: ConsentId::new(format!("c{id}")),
                    citizen: CitizenId::from(CITIZEN),
                    given_at,
                    form: ConsentForm::Written,
                    recorded_by: None,
                    scope: ConsentScope {
                        categories,
                        holders,
                        recipients,
                        purposes,
                        actions,
                        case: CaseId::from(CASE),
                    },
                    valid_from,
                    valid_to,
                    revocations,
                    text_ref: None,
                }
            },
        )
}

/// A case file with the fixed cast and up to `max_consents` valid consents.
pub fn case_with_consents(max_consents: usize) -> impl Strategy<Value = CaseFile> {
    (0..=max_consents)
        .prop_flat_map(|n| (0..n).map(consent).collect::<Vec<_>>())
        .prop_map(|consents| CaseFile {
            consents,
            ..case_with_consents_fixed()
        })
}

/// A legal rule (basis or prohibition) numbered `id`.
pub fn legal_rule(id: usize, effect: Effect) -> impl Strategy<Value = LegalRule> {
    (
        proptest::option::of(proptest::collection::vec(party(), 1..3)),
        proptest::option::of(proptest::collection::vec(party(), 1..3)),
        proptest::option::of(non_empty(InformationCategory::ALL.to_vec())),
        proptest::option::of(non_empty(Action::ALL.to_vec())),
        proptest::option::of(non_empty(
            PURPOSES.iter().map(|p| PurposeId::from(*p)).collect(),
        )),
        proptest::option::of((day(), 0i64..500)),
    )
        .prop_map(
            move |(holders, recipients, categories, actions, purposes, valid)| LegalRule {
                id: BasisId::new(format!(
                    "{}{id}",
                    if effect == Effect::Forbid {
                        "forbid"
                    } else {
                        "permit"
                    }
                )),
                effect,
                title_da: String::new(),
                title_en: String::new(),
                source: "generated".into(),
                holders,
                recipients,
                categories,
                actions,
                purposes,
                valid: valid
                    .map(|(from, len)| DatePeriod::new(from, Some(from + Duration::days(len)))),
            },
        )
}

/// Reference data with up to `max_permits` bases and `max_forbids` prohibitions.
pub fn reference(max_permits: usize, max_forbids: usize) -> impl Strategy<Value = ReferenceData> {
    (0..=max_permits, 0..=max_forbids)
        .prop_flat_map(|(p, f)| {
            let permits: Vec<_> = (0..p).map(|i| legal_rule(i, Effect::Permit)).collect();
            let forbids: Vec<_> = (0..f).map(|i| legal_rule(i, Effect::Forbid)).collect();
            (permits, forbids)
        })
        .prop_map(|(mut permits, forbids)| {
            permits.extend(forbids);
            ReferenceData {
                legal_rules: permits,
                vocabularies: super::generated_vocabularies(),
                ..ReferenceData::default()
            }
        })
}

/// A request against a generated case.
pub fn request() -> impl Strategy<Value = AccessRequest> {
    (
        select(actor_ids()),
        select(actor_ids()),
        proptest::collection::vec(category(), 1..4),
        action(),
        purpose(),
        instant(),
    )
        .prop_map(
            |(requester, holder, categories, action, purpose, at)| AccessRequest {
                requester,
                citizen: CitizenId::from(CITIZEN),
                case: CaseId::from(CASE),
                holder,
                categories,
                action,
                purpose,
                at,
            },
        )
}

/// The generated cast with no consents: a case file that passes the check.
pub fn case_with_consents_fixed() -> CaseFile {
    CaseFile {
        id: CaseId::from(CASE),
        citizen: Citizen {
            identifiers: Vec::new(),
            id: CitizenId::from(CITIZEN),
            name: "Generated".into(),
            actor: Some(ActorId::from("a11")),
        },
        actors: cast(),
        ..CaseFile::default()
    }
}

fn cast_actor_for(party: &PartyRef) -> ActorId {
    match party {
        PartyRef::Actor(id) => id.clone(),
        PartyRef::Sector(s) => {
            let i = Sector::ALL.iter().position(|x| x == s).unwrap_or(0);
            ActorId::new(format!("a{i}"))
        }
    }
}

/// A case with up to `max_consents` consents and a request aimed at one of them (its category,
/// action, purpose, holder and recipient, at a moment from before it was given to after it
/// expired), or — one time in four — an unrelated request. Properties about permits need this:
/// purely random requests almost never meet a consent.
pub fn case_and_request(max_consents: usize) -> impl Strategy<Value = (CaseFile, AccessRequest)> {
    (
        case_with_consents(max_consents),
        request(),
        any::<proptest::sample::Index>(),
        any::<proptest::sample::Index>(),
        -30i64..420,
        0u8..4,
    )
        .prop_map(|(case, random, pick, pick2, days, mode)| {
            if mode == 0 || case.consents.is_empty() {
                return (case, random);
            }
            let c = &case.consents[pick.index(case.consents.len())];
            let s = &c.scope;
            let req = AccessRequest {
                requester: cast_actor_for(&s.recipients[pick2.index(s.recipients.len())]),
                holder: cast_actor_for(&s.holders[pick2.index(s.holders.len())]),
                categories: vec![s.categories[pick2.index(s.categories.len())]],
                action: s.actions[pick.index(s.actions.len())],
                purpose: s.purposes[pick2.index(s.purposes.len())].clone(),
                at: c.given_at + Duration::days(days),
                ..random
            };
            (case, req)
        })
}
