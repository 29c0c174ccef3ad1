//! Synthetic case files for benchmarks, pipeline tests and statistics: realistic in their
//! distributions, never real people.
//!
//! [`synthetic_case`] makes case number `index` of the population `seed` describes; the same seed,
//! index and settings always give the same case, and cases are independent of each other (a
//! pipeline can generate any slice, in any order, on any machine). There is no randomness source:
//! [`rng::SplitMix64`] is a deterministic sequence seeded from `(seed, index)`.
//!
//! Distributions (DOMAIN.md §8, the COWI 2010 survey of people on sickness benefit for more than
//! eight weeks), applied to every target group alike for want of better figures:
//! - about half have a musculoskeletal condition, over a third a psychological one (`mental`), a
//!   third a common chronic disease (`cardiovascular` or `other_chronic`); fewer have cancer, an
//!   injury or a brain injury; a citizen may have several;
//! - two-thirds have anxiety or depression symptoms (a diffuse psychological picture);
//! - half are repeat cases (an earlier sick period within three years);
//! - the target groups lean to sickness benefit (60 %), with the rest spread over the others, ages
//!   18–66 (under 30 for the under-30 groups), employment for most on sickness benefit;
//! - municipalities are of uneven size (the k-th largest about 1/k of the largest), named
//!   `Syntetisk Kommune NNN` with code `SYN-NNN`.
//!
//! Outcomes for statistics (a return to work for part of the cases, WHO-5 and Work Ability Score
//! measurements for some) come from a sequence of their own: see `outcomes`.
//!
//! Names and ids say what they are: citizen `Syntetisk Borger 0000042`, ids prefixed `syn-`.

mod outcomes;
pub mod rng;

use crate::case_file::{CaseFile, Citizen};
use crate::category::InformationCategory;
use crate::consent::model::{Action, Consent, ConsentForm, ConsentScope, PartyRef};
use crate::course::{
    CaseEvent, ConditionCategory, Course, DiffusePicture, EventKind, SocialFactor, TargetGroup,
};
use crate::demographics::{Demographics, Gender, MunicipalityCode};
use crate::ids::{ActorId, CaseId, CitizenId, ConsentId, EventId, PurposeId};
use crate::party::{Actor, ActorKind, Role, Sector};
use crate::time::DatePeriod;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use rng::SplitMix64;

/// The most cases one call may ask for (a pipeline asks for slices: `first` and `count`).
pub const MAX_CASES: u64 = 10_000_000;
/// The most municipalities (Denmark has 98).
pub const MAX_MUNICIPALITIES: u32 = 999;
/// The number of municipalities when not told: Denmark's 98.
pub const DEFAULT_MUNICIPALITIES: u32 = 98;

/// What population to draw from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Population {
    /// The seed: the same seed gives the same population.
    pub seed: u64,
    /// How many municipalities the cases are spread over (1 to [`MAX_MUNICIPALITIES`]).
    pub municipalities: u32,
    /// The day the population is drawn as of: courses start up to 400 days before it.
    pub as_of: NaiveDate,
}

/// The target groups synthetic cases are drawn from (the built-in vocabulary's codes, in its
/// order): a description of the synthetic population, not of the law. Each must be declared in
/// the reference data's vocabulary for the cases to pass the check (the built-in one does).
const TARGET_GROUPS: [&str; 13] = [
    "insured_unemployed",
    "cash_benefit_job_ready",
    "cash_benefit_activity_ready",
    "education_ready_under_30",
    "activity_ready_under_30",
    "sickness_benefit",
    "job_clarification",
    "resource_course",
    "fleksjob_visited",
    "revalidering",
    "disability_pension",
    "self_supporting",
    "under_18",
];

/// The social factors synthetic cases are drawn from (declared in the built-in vocabulary).
const SOCIAL_FACTORS: [&str; 5] = [
    "weak_network",
    "missing_education",
    "debt_economy",
    "housing",
    "language",
];

/// Synthetic case number `index` of `population`.
pub fn synthetic_case(population: &Population, index: u64) -> CaseFile {
    let mut rng = SplitMix64::for_item(population.seed, index);
    let municipality = municipality(
        &mut rng,
        population.municipalities.clamp(1, MAX_MUNICIPALITIES),
    );
    let group = target_group(&mut rng);
    let age = age(&mut rng, &group);
    let gender = if rng.chance(0.55) {
        Gender::Female
    } else {
        Gender::Male
    };
    let start = population.as_of - Duration::days(rng.below(400) as i64);
    let at = |days: i64| start + Duration::days(days);

    let conditions = conditions(&mut rng);
    let psychological = rng.chance(2.0 / 3.0);
    let physical = rng.chance(0.25);
    let social: Vec<SocialFactor> = SOCIAL_FACTORS
        .iter()
        .filter(|_| rng.chance(0.15))
        .map(|f| SocialFactor::new(f))
        .collect();
    let repeat = rng.chance(0.5);
    let employed = match group.word() {
        "sickness_benefit" => rng.chance(0.8),
        "fleksjob_visited" | "self_supporting" => true,
        _ => rng.chance(0.1),
    };

    let number = format!("{index:07}");
    let case_id = CaseId::new(format!("syn-case-{number}"));
    let citizen_id = CitizenId::new(format!("syn-cit-{number}"));
    let mut actors = vec![
        actor(
            "syn-caseworker",
            "Syntetisk sagsbehandler",
            Sector::MunicipalEmployment,
            Role::CASEWORKER,
        ),
        actor(
            "syn-gp",
            "Syntetisk praktiserende læge",
            Sector::GeneralPractice,
            Role::PHYSICIAN,
        ),
    ];
    if employed {
        actors.push(actor(
            "syn-employer",
            "Syntetisk arbejdsgiver",
            Sector::Employer,
            Role::EMPLOYER_CONTACT,
        ));
    }
    if conditions.contains(&ConditionCategory::new("musculoskeletal")) {
        actors.push(actor(
            "syn-physio",
            "Syntetisk fysioterapeut",
            Sector::MunicipalRehabilitation,
            Role::PHYSIOTHERAPIST,
        ));
    }
    if conditions.contains(&ConditionCategory::new("mental")) || psychological && rng.chance(0.3) {
        actors.push(actor(
            "syn-psychologist",
            "Syntetisk psykolog",
            Sector::Psychiatry,
            Role::PSYCHOLOGIST,
        ));
    }
    let complex = conditions.len() >= 2 || social.len() >= 2;
    if complex {
        actors.push(actor(
            "syn-coordinator",
            "Syntetisk koordinerende sagsbehandler",
            Sector::MunicipalEmployment,
            Role::COORDINATING_CASEWORKER,
        ));
    }

    let expected_return = if rng.chance(0.6) {
        Some(at(30 + rng.below(400) as i64))
    } else {
        None
    };
    let earlier_sick_periods = if repeat {
        let back = 60 + rng.below(3 * 365 - 60) as i64;
        let from = start - Duration::days(back);
        let length = 7 + rng.below(120) as i64;
        vec![DatePeriod::new(
            from,
            Some((from + Duration::days(length)).min(start - Duration::days(1))),
        )]
    } else {
        Vec::new()
    };
    let (returned_to_work, measurements) =
        outcomes::outcomes(population.seed, index, start, population.as_of, complex);
    let course = Course {
        target_group: Some(group),
        first_day_of_absence: Some(start),
        expected_return,
        employed,
        employer: employed.then(|| ActorId::new("syn-employer")),
        fast_track_requested_on: (employed && rng.chance(0.1)).then(|| at(rng.below(30) as i64)),
        conditions,
        diffuse_picture: (psychological || physical).then_some(DiffusePicture {
            physical,
            psychological,
        }),
        social_factors: social,
        earlier_sick_periods,
        returned_to_work,
        ..Course::default()
    };

    let days_in = (population.as_of - start).num_days().max(0);
    let mut events = Vec::new();
    // Follow-up interviews about every four weeks, and a GP certificate early on; the survey's
    // 32.5 contacts are not all modelled, only the ones the rules read.
    let mut day = 7 + rng.below(21) as i64;
    while day <= days_in && events.len() < 20 {
        events.push((EventKind::FOLLOW_UP_INTERVIEW, day));
        day += 21 + rng.below(21) as i64;
    }
    if days_in >= 14 && rng.chance(0.7) {
        events.push((EventKind::GP_CERTIFICATE_LAE285, 7 + rng.below(14) as i64));
    }
    if days_in >= 60 && rng.chance(0.3) {
        events.push((EventKind::TEAM_MEETING, 30 + rng.below(30) as i64));
    }
    events.sort_by_key(|(_, d)| *d);
    let events = events
        .into_iter()
        .enumerate()
        .map(|(n, (kind, d))| CaseEvent {
            id: EventId::new(format!("syn-event-{n}")),
            kind,
            on: at(d),
            by: Some(ActorId::new("syn-caseworker")),
            note: String::new(),
        })
        .collect();

    let mut consents = Vec::new();
    if rng.chance(0.8) {
        let from = at(rng.below(20) as i64);
        let given_at = from.and_time(NaiveTime::MIN).and_utc().fixed_offset();
        consents.push(Consent {
            id: ConsentId::new("syn-consent-gp"),
            citizen: citizen_id.clone(),
            given_at,
            form: ConsentForm::Written,
            recorded_by: Some(ActorId::new("syn-caseworker")),
            scope: ConsentScope {
                categories: vec![
                    InformationCategory::HealthStatus,
                    InformationCategory::WorkAbility,
                ],
                holders: vec![PartyRef::Actor(ActorId::new("syn-gp"))],
                recipients: vec![PartyRef::Sector(Sector::MunicipalEmployment)],
                purposes: vec![PurposeId::new("sickness-benefit-follow-up")],
                actions: vec![Action::View, Action::Disclose],
                case: case_id.clone(),
            },
            valid_from: from,
            valid_to: from + Duration::days(300),
            revocations: Vec::new(),
            text_ref: None,
        });
    }

    let code = municipality;
    CaseFile {
        id: case_id,
        title: format!("Synthetic case {number}"),
        citizen: Citizen {
            identifiers: Vec::new(),
            id: citizen_id,
            name: format!("Syntetisk Borger {number}"),
            actor: None,
        },
        actors,
        consents,
        course,
        events,
        measurements,
        demographics: Some(Demographics {
            municipality: Some(MunicipalityCode::new(format!("SYN-{code:03}"))),
            municipality_name: Some(format!("Syntetisk Kommune {code:03}")),
            birth_year: Some(population.as_of.year() - age as i32),
            gender: Some(gender),
        }),
        ..CaseFile::default()
    }
}

fn actor(id: &str, name: &str, sector: Sector, role: Role) -> Actor {
    Actor {
        identifiers: Vec::new(),
        id: ActorId::new(id),
        name: name.to_owned(),
        kind: ActorKind::Person,
        sector,
        role,
        organisation: None,
    }
}

/// Municipality 1..=m, the k-th with weight 1/k (a few large ones, many small).
fn municipality(rng: &mut SplitMix64, m: u32) -> u32 {
    let total: f64 = (1..=m).map(|k| 1.0 / f64::from(k)).sum();
    let mut x = rng.unit() * total;
    for k in 1..=m {
        x -= 1.0 / f64::from(k);
        if x <= 0.0 {
            return k;
        }
    }
    m
}

fn target_group(rng: &mut SplitMix64) -> TargetGroup {
    if rng.chance(0.6) {
        return TargetGroup::SICKNESS_BENEFIT;
    }
    let others: Vec<&'static str> = TARGET_GROUPS
        .iter()
        .copied()
        .filter(|g| !matches!(*g, "sickness_benefit" | "under_18"))
        .collect();
    TargetGroup::new(others[rng.below(others.len() as u64) as usize])
}

fn age(rng: &mut SplitMix64, group: &TargetGroup) -> u32 {
    match group.word() {
        "education_ready_under_30" | "activity_ready_under_30" => 18 + rng.below(12) as u32,
        "disability_pension" => 40 + rng.below(27) as u32,
        // Sickness absence rises with age: a triangle leaning to the older half.
        _ => {
            let a = rng.below(49) as u32;
            let b = rng.below(49) as u32;
            18 + a.max(b)
        }
    }
}

fn conditions(rng: &mut SplitMix64) -> Vec<ConditionCategory> {
    let mut c = Vec::new();
    if rng.chance(0.5) {
        c.push(ConditionCategory::new("musculoskeletal"));
    }
    if rng.chance(0.36) {
        c.push(ConditionCategory::new("mental"));
    }
    if rng.chance(0.33) {
        c.push(if rng.chance(0.4) {
            ConditionCategory::new("cardiovascular")
        } else {
            ConditionCategory::new("other_chronic")
        });
    }
    if rng.chance(0.06) {
        c.push(ConditionCategory::new("cancer"));
    }
    if rng.chance(0.07) {
        c.push(ConditionCategory::new("injury_accident"));
    }
    if rng.chance(0.02) {
        c.push(ConditionCategory::new("brain_injury"));
    }
    c
}

#[cfg(test)]
mod tests;
