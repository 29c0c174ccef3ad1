//! Generators for case files with a course, events and consents, and evaluation dates, for
//! property-testing rule packs. The codes (target groups, conditions, social factors, event kinds)
//! are drawn from the vocabularies given, so every generated case passes the case-file check
//! against reference data with those vocabularies:
//!
//! ```
//! use proptest::prelude::*;
//! use proptest::test_runner::{Config, TestRunner};
//! // In a test file: `proptest! { #[test] fn valid(case in coord_core::strategies::case(&v)) { … } }`
//! let mut runner = TestRunner::new(Config { cases: 8, failure_persistence: None, ..Config::default() });
//! // Generated cases use only the codes the vocabularies declare (here one target group, and
//! // the roles and purposes of the generated cast and consents).
//! let mut vocabularies = coord_core::strategies::generated_vocabularies();
//! vocabularies.target_groups = serde_json::from_str(
//!     r#"[{"code": "sickness_benefit",
//!         "label": {"da": "sygedagpengemodtager", "en": "sickness benefit"}}]"#,
//! ).unwrap();
//! let reference = coord_core::reference::ReferenceData {
//!     vocabularies: vocabularies.clone(),
//!     ..Default::default()
//! };
//! runner
//!     .run(&coord_core::strategies::case(&vocabularies), |case| {
//!         prop_assert!(coord_core::check::CheckedCase::new(case, &reference).is_ok());
//!         Ok(())
//!     })
//!     .unwrap();
//! ```

use crate::case_file::{CaseFile, Citizen};
use crate::category::InformationCategory;
use crate::consent::model::{Action, Consent, ConsentForm, ConsentScope, PartyRef, Revocation};
use crate::course::{
    BenefitExtension, CaseEvent, ConditionCategory, Course, DiffusePicture, EventKind,
    SocialFactor, TargetGroup,
};
use crate::ids::{ActorId, CaseId, CitizenId, ConsentId, EventId, PurposeId};
use crate::party::{Actor, ActorKind, Role, Sector};
use crate::rules::date_expr::shift;
use crate::time::DatePeriod;
use crate::vocab::{Vocabularies, VocabularyKind};
use chrono::{NaiveDate, NaiveTime};
use proptest::prelude::*;
use proptest::sample::subsequence;

/// The actors a generated case may have: id, sector, role.
pub const PALETTE: [(&str, Sector, Role); 8] = [
    ("caseworker", Sector::MunicipalEmployment, Role::CASEWORKER),
    (
        "coordinator",
        Sector::MunicipalEmployment,
        Role::COORDINATING_CASEWORKER,
    ),
    ("gp", Sector::GeneralPractice, Role::PHYSICIAN),
    (
        "rehab",
        Sector::MunicipalRehabilitation,
        Role::PHYSIOTHERAPIST,
    ),
    ("employer", Sector::Employer, Role::EMPLOYER_CONTACT),
    (
        "health-coordinator",
        Sector::Hospital,
        Role::HEALTH_COORDINATOR,
    ),
    ("psychiatry", Sector::Psychiatry, Role::PSYCHOLOGIST),
    ("volunteer", Sector::VolunteerOrganisation, Role::VOLUNTEER),
];

fn base_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn day(offset: i64) -> NaiveDate {
    shift(base_day(), offset).unwrap_or(base_day())
}

/// A case file with no actors, course or events.
pub fn empty_case() -> CaseFile {
    CaseFile {
        id: CaseId::new("case-gen"),
        title: String::new(),
        citizen: Citizen {
            identifiers: Vec::new(),
            id: CitizenId::new("cit-gen"),
            name: "Borger".to_owned(),
            actor: None,
        },
        actors: Vec::new(),
        consents: Vec::new(),
        course: Course::default(),
        events: Vec::new(),
        team: None,
        referrals: Vec::new(),
        wishes: Vec::new(),
        ..CaseFile::default()
    }
}

fn actor(i: usize) -> Actor {
    let (id, sector, role) = PALETTE[i % PALETTE.len()].clone();
    Actor {
        identifiers: Vec::new(),
        id: ActorId::new(id),
        name: id.to_owned(),
        kind: ActorKind::Person,
        sector,
        role,
        organisation: None,
    }
}

fn consent(
    n: usize,
    holder: ActorId,
    categories: Vec<InformationCategory>,
    from: NaiveDate,
    days: u32,
    revoke_after: Option<u32>,
) -> Consent {
    let given_at = from.and_time(NaiveTime::MIN).and_utc().fixed_offset();
    let to = shift(from, i64::from(days)).unwrap_or(from);
    Consent {
        id: ConsentId::new(format!("consent-{n}")),
        citizen: CitizenId::new("cit-gen"),
        given_at,
        form: ConsentForm::Written,
        recorded_by: None,
        scope: ConsentScope {
            categories,
            holders: vec![PartyRef::Actor(holder.clone())],
            recipients: vec![PartyRef::Sector(Sector::MunicipalEmployment)],
            purposes: vec![PurposeId::new("sickness-benefit-follow-up")],
            actions: vec![Action::View],
            case: CaseId::new("case-gen"),
        },
        valid_from: from,
        valid_to: to,
        revocations: revoke_after
            .map(|d| Revocation {
                at: given_at + chrono::Duration::days(i64::from(d)),
                recorded_by: holder,
                categories: None,
            })
            .into_iter()
            .collect(),
        text_ref: None,
    }
}

/// The codes generated cases draw from: the declared codes of a reference's vocabularies.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Codes {
    /// Target groups.
    pub target_groups: Vec<TargetGroup>,
    /// Condition categories.
    pub conditions: Vec<ConditionCategory>,
    /// Social factors.
    pub social_factors: Vec<SocialFactor>,
    /// Event kinds.
    pub event_kinds: Vec<EventKind>,
}

impl Codes {
    /// Every code `vocabularies` declare.
    pub fn from_vocabularies(vocabularies: &Vocabularies) -> Codes {
        let codes = |kind| vocabularies.codes(kind).cloned();
        Codes {
            target_groups: codes(VocabularyKind::TargetGroup)
                .map(TargetGroup)
                .collect(),
            conditions: codes(VocabularyKind::ConditionCategory)
                .map(ConditionCategory)
                .collect(),
            social_factors: codes(VocabularyKind::SocialFactor)
                .map(SocialFactor)
                .collect(),
            event_kinds: codes(VocabularyKind::EventKind).map(EventKind).collect(),
        }
    }
}

/// One of `items`, or `None` when there are none.
fn pick_of<T: Clone + std::fmt::Debug + 'static>(items: Vec<T>) -> BoxedStrategy<Option<T>> {
    if items.is_empty() {
        Just(None).boxed()
    } else {
        proptest::sample::select(items).prop_map(Some).boxed()
    }
}

/// Up to `max` of `items` (none when there are none).
fn some_of<T: Clone + std::fmt::Debug + 'static>(
    items: Vec<T>,
    max: usize,
) -> BoxedStrategy<Vec<T>> {
    let max = max.min(items.len());
    subsequence(items, 0..=max).boxed()
}

/// A valid case file (it passes the case-file check with the default consent policy and
/// `vocabularies`) whose course starts between 2022 and 2026.
pub fn case(vocabularies: &Vocabularies) -> impl Strategy<Value = CaseFile> {
    (0i64..1700, parts(&Codes::from_vocabularies(vocabularies)))
        .prop_map(|(start, p)| assemble(p, day(start)))
}

/// Generated course parts: target group, start known, expected return offset, employed, fast-track
/// offset, conditions, diffuse picture, social factors, earlier sick periods.
type CourseParts = (
    Option<TargetGroup>,
    bool,
    Option<i64>,
    bool,
    Option<i64>,
    Vec<ConditionCategory>,
    Option<(bool, bool)>,
    Vec<SocialFactor>,
    (usize, Option<(&'static str, i64)>),
);

/// The §27 extension-ground codes the shipped Danish packs declare; generated cases record one
/// of them now and then (a pack with other codes sees them as undeclared, which rules ignore).
pub const EXTENSION_GROUND_CODES: [&str; 7] = [
    "revalidering",
    "clarifying_measures",
    "medical_treatment",
    "rehabilitation_team",
    "life_threatening_illness",
    "work_injury",
    "disability_pension_application",
];
/// Generated consent parts: categories, start offset, days valid, revocation offset, holder pick.
type ConsentParts = (
    Vec<InformationCategory>,
    i64,
    u32,
    Option<u32>,
    prop::sample::Index,
);
/// All generated parts of a case.
type Parts = (
    CourseParts,
    Vec<usize>,
    Vec<(Option<EventKind>, i64)>,
    Vec<ConsentParts>,
);

/// The date-free parts of a generated case (assembled against a start date by [`assemble`]).
fn parts(codes: &Codes) -> impl Strategy<Value = Parts> {
    // Most rules are about sickness benefit: weight it (when declared), but keep every target group.
    let sickness = codes
        .target_groups
        .iter()
        .find(|g| **g == TargetGroup::SICKNESS_BENEFIT)
        .cloned();
    let group = match sickness {
        Some(s) => prop_oneof![
            3 => Just(Some(s)),
            2 => pick_of(codes.target_groups.clone()),
        ]
        .boxed(),
        None => pick_of(codes.target_groups.clone()),
    };
    let course = (
        proptest::option::weighted(0.9, group).prop_map(Option::flatten),
        proptest::bool::weighted(0.95),
        proptest::option::of(0i64..420),
        any::<bool>(),
        proptest::option::weighted(0.2, 0i64..120),
        some_of(codes.conditions.clone(), 3),
        proptest::option::weighted(0.3, (any::<bool>(), any::<bool>())),
        some_of(codes.social_factors.clone(), 3),
        (
            0usize..3,
            proptest::option::weighted(
                0.15,
                (
                    proptest::sample::select(EXTENSION_GROUND_CODES.to_vec()),
                    60i64..400,
                ),
            ),
        ),
    );
    let actors = subsequence((0..PALETTE.len()).collect::<Vec<_>>(), 0..=PALETTE.len());
    let events = proptest::collection::vec((pick_of(codes.event_kinds.clone()), -10i64..250), 0..6);
    let consents = proptest::collection::vec(
        (
            subsequence(InformationCategory::ALL.to_vec(), 1..=3),
            -30i64..200,
            1u32..360,
            proptest::option::weighted(0.3, 0u32..200),
            any::<prop::sample::Index>(),
        ),
        0..3,
    );
    (course, actors, events, consents)
}

/// Build the case from its parts, with the course starting on `start`.
fn assemble((course, actors, events, consents): Parts, start: NaiveDate) -> CaseFile {
    {
        let (
            group,
            known_start,
            ret,
            employed,
            fast,
            conditions,
            diffuse,
            social,
            (earlier, extension),
        ) = course;
        let mut case = empty_case();
        case.actors = actors.into_iter().map(actor).collect();
        let has_employer = case.actors.iter().any(|a| a.id.as_str() == "employer");
        let at = |offset: i64| shift(start, offset).unwrap_or(start);
        case.course = Course {
            target_group: group.clone(),
            first_day_of_absence: known_start.then_some(start),
            expected_return: ret.map(at),
            employed,
            employer: (employed && has_employer).then(|| ActorId::new("employer")),
            fast_track_requested_on: fast.map(at),
            conditions,
            diffuse_picture: diffuse.map(|(physical, psychological)| DiffusePicture {
                physical,
                psychological,
            }),
            social_factors: social,
            earlier_sick_periods: (0..earlier)
                .map(|k| {
                    let from = at(-400 * (k as i64 + 1));
                    DatePeriod::new(from, Some(at(-400 * (k as i64 + 1) + 30)))
                })
                .collect(),
            benefit_extension: extension.map(|(ground, offset)| BenefitExtension {
                ground: ground.to_owned(),
                decided_on: at(offset),
            }),
            // The employer expects the same return as the citizen in most generated cases.
            employer_expected_return: (employed && known_start && fast.is_none_or(|f| f % 3 != 0))
                .then(|| ret.map(at))
                .flatten(),
            course_started_on: group
                .filter(|g| *g != TargetGroup::SICKNESS_BENEFIT)
                .map(|_| start),
            ..Course::default()
        };
        case.events = events
            .into_iter()
            .filter_map(|(kind, offset)| Some((kind?, offset)))
            .enumerate()
            .map(|(n, (kind, offset))| CaseEvent {
                id: EventId::new(format!("event-{n}")),
                kind,
                on: at(offset),
                by: None,
                note: String::new(),
            })
            .collect();
        let holders: Vec<ActorId> = case
            .actors
            .iter()
            .filter(|a| a.sector.is_health())
            .map(|a| a.id.clone())
            .collect();
        if !holders.is_empty() {
            case.consents = consents
                .into_iter()
                .enumerate()
                .map(|(n, (cats, from, days, revoke, pick))| {
                    consent(
                        n,
                        pick.get(&holders).clone(),
                        cats,
                        at(from),
                        days,
                        revoke.map(|r| r.min(days)),
                    )
                })
                .collect();
        }
        case
    }
}

/// A valid case file whose first day of absence (when known) is `start`.
pub fn case_starting(
    start: NaiveDate,
    vocabularies: &Vocabularies,
) -> impl Strategy<Value = CaseFile> {
    parts(&Codes::from_vocabularies(vocabularies)).prop_map(move |p| assemble(p, start))
}

/// A valid case (for `vocabularies`) and an evaluation date inside `period` (a period without an end is taken as three
/// years); the course starts up to 400 days before the date.
pub fn case_with_date(
    period: DatePeriod,
    vocabularies: &Vocabularies,
) -> impl Strategy<Value = (CaseFile, NaiveDate)> {
    let span = period.length_days().unwrap_or(3 * 365).clamp(1, 20 * 365);
    // No flat_map: plain tuples shrink fast and to a minimal case.
    (
        0..span,
        0i64..400,
        parts(&Codes::from_vocabularies(vocabularies)),
    )
        .prop_map(move |(d, back, p)| {
            let as_of = shift(period.from, d).unwrap_or(period.from);
            let start = shift(as_of, -back).unwrap_or(as_of);
            (assemble(p, start), as_of)
        })
}

/// An evaluation date between 2022 and 2027.
pub fn as_of() -> impl Strategy<Value = NaiveDate> {
    (0i64..2000).prop_map(day)
}
