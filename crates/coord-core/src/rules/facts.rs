//! The fact catalogue: every fact a rule can test, with its name, type and meaning, and how it is
//! computed from a case file as of a date.
//!
//! **Adding a fact** is one entry in [`CATALOGUE`]: a name, a type, a meaning in Danish and English,
//! the words it can take (for text and set facts; empty means open), and a function from the
//! [`FactContext`] to the value. Areas that add case-file parts (the plan and its measurements,
//! referrals and the team) add their facts here; a *family* of facts (one per instrument, say
//! `indicator_band.who5`) is an entry whose name ends in `.*` with a [`Compute::Family`] function.
//! The validator and `coord rules facts` read the same list.

use super::value::{FactSet, FactType, FactValue};
use crate::case_file::CaseFile;
use crate::category::InformationCategory;
use crate::consent::model::Consent;
use crate::course::{ConditionCategory, EventKind, SocialFactor, TargetGroup};
use crate::party::{Role, Sector};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What a fact is computed from.
#[derive(Debug, Clone, Copy)]
pub struct FactContext<'a> {
    /// The case file.
    pub case: &'a CaseFile,
    /// The evaluation date.
    pub as_of: NaiveDate,
}

/// How a fact's value is computed.
#[derive(Debug, Clone, Copy)]
pub enum Compute {
    /// One value from the case (None: not known).
    Case(fn(&FactContext<'_>) -> Option<FactValue>),
    /// A family of facts (`name.*`), inserted into the set by the function.
    Family(fn(&FactContext<'_>, &mut FactSet)),
    /// Known only after evaluation: the result facts pack invariants test.
    Result,
}

/// One fact in the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct FactDef {
    /// The name rules use (`weeks_since_first_absence`); a family ends in `.*`.
    pub name: &'static str,
    /// The type.
    pub ty: FactType,
    /// What it means, in English.
    pub meaning_en: &'static str,
    /// What it means, in Danish.
    pub meaning_da: &'static str,
    /// The words a text or set fact can take (empty: open).
    pub words: &'static [&'static str],
    /// How it is computed.
    pub compute: Compute,
}

/// A fact's description for people and programs (`coord rules facts`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactInfo {
    /// The name.
    pub name: String,
    /// The type.
    #[serde(rename = "type")]
    pub ty: FactType,
    /// Meaning in English.
    pub meaning_en: String,
    /// Meaning in Danish.
    pub meaning_da: String,
    /// The words it can take (empty: open).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// Whether only pack invariants can test it (a fact about the evaluation result).
    pub result_only: bool,
}

impl FactDef {
    /// The description for listing.
    pub fn info(&self) -> FactInfo {
        FactInfo {
            name: self.name.to_owned(),
            ty: self.ty,
            meaning_en: self.meaning_en.to_owned(),
            meaning_da: self.meaning_da.to_owned(),
            words: self.words.iter().map(|w| (*w).to_owned()).collect(),
            result_only: matches!(self.compute, Compute::Result),
        }
    }
}

/// The words of [`TargetGroup`].
pub const TARGET_GROUP_WORDS: [&str; 13] = [
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
const CONDITION_WORDS: [&str; 7] = [
    "musculoskeletal",
    "mental",
    "cardiovascular",
    "cancer",
    "injury_accident",
    "brain_injury",
    "other_chronic",
];
const TREATMENT_WORDS: [&str; 2] = ["chemotherapy", "radiotherapy"];
const SOCIAL_WORDS: [&str; 5] = [
    "weak_network",
    "missing_education",
    "debt_economy",
    "housing",
    "language",
];
const EVENT_WORDS: [&str; 14] = [
    "follow_up_interview",
    "gp_certificate_lae285",
    "gp_certificate_lae265",
    "team_meeting",
    "rehabilitation_team_meeting",
    "absence_conversation",
    "visitation",
    "reassessment",
    "job_directed_contact",
    "self_management_offered",
    "retention_plan",
    "combined_description",
    "health_advice",
    "job_interview",
];
/// The words of the named [`Role`]s (a municipality's own role `Other("x")` is the word `x`).
pub const ROLE_WORDS: [&str; 15] = [
    "coordinating_caseworker",
    "caseworker",
    "health_coordinator",
    "bridge_builder",
    "physiotherapist",
    "occupational_therapist",
    "nurse",
    "psychologist",
    "physician",
    "employer_contact",
    "mentor",
    "volunteer",
    "social_worker",
    "rehabilitation_team_member",
    "citizen",
];
const SECTOR_WORDS: [&str; 12] = [
    "municipal_employment",
    "municipal_rehabilitation",
    "municipal_prevention",
    "municipal_health_centre",
    "hospital",
    "psychiatry",
    "general_practice",
    "social_services",
    "education",
    "employer",
    "volunteer_organisation",
    "citizen",
];
const CATEGORY_WORDS: [&str; 10] = [
    "health_status",
    "treatment_progress",
    "functional_ability",
    "work_ability",
    "attendance",
    "social_circumstances",
    "economy",
    "contact_details",
    "plan_and_goals",
    "indicator_measurements",
];
const LEVEL_WORDS: [&str; 3] = ["uncomplicated", "predictable_long", "complex"];

/// The word for a role.
pub fn role_word(role: &Role) -> Cow<'static, str> {
    let i = match role {
        Role::CoordinatingCaseworker => 0,
        Role::Caseworker => 1,
        Role::HealthCoordinator => 2,
        Role::BridgeBuilder => 3,
        Role::Physiotherapist => 4,
        Role::OccupationalTherapist => 5,
        Role::Nurse => 6,
        Role::Psychologist => 7,
        Role::Physician => 8,
        Role::EmployerContact => 9,
        Role::Mentor => 10,
        Role::Volunteer => 11,
        Role::SocialWorker => 12,
        Role::RehabilitationTeamMember => 13,
        Role::Citizen => 14,
        Role::Other(name) => return Cow::Owned(name.clone()),
    };
    Cow::Borrowed(ROLE_WORDS[i])
}

/// The word for a sector.
pub fn sector_word(sector: Sector) -> &'static str {
    Sector::ALL
        .iter()
        .position(|s| *s == sector)
        .and_then(|i| SECTOR_WORDS.get(i))
        .copied()
        .unwrap_or("unknown")
}

/// The word for an information category.
pub fn category_word(category: InformationCategory) -> &'static str {
    InformationCategory::ALL
        .iter()
        .position(|c| *c == category)
        .and_then(|i| CATEGORY_WORDS.get(i))
        .copied()
        .unwrap_or("unknown")
}

fn days_since(ctx: &FactContext<'_>) -> Option<i64> {
    ctx.case
        .course
        .first_day_of_absence
        .map(|d| (ctx.as_of - d).num_days())
}

fn events_of<'a>(
    ctx: &'a FactContext<'a>,
    kind: EventKind,
) -> impl Iterator<Item = NaiveDate> + 'a {
    ctx.case
        .events
        .iter()
        .filter(move |e| e.kind == kind && e.on <= ctx.as_of)
        .map(|e| e.on)
}

fn num(n: usize) -> FactValue {
    FactValue::Number(n as f64)
}

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

/// Every fact, sorted by name. See the [module documentation](self) for how to add one.
pub const CATALOGUE: &[FactDef] = &[
    FactDef {
        name: "absence_week",
        ty: FactType::Number,
        meaning_en: "the current week of absence, counting the week starting on the first day of absence as week 1",
        meaning_da: "den aktuelle sygeuge; ugen fra første fraværsdag er uge 1",
        words: &[],
        compute: Compute::Case(|ctx| days_since(ctx).filter(|d| *d >= 0).map(|d| FactValue::Number((d / 7 + 1) as f64))),
    },
    FactDef {
        name: "actor_roles",
        ty: FactType::Set,
        meaning_en: "the roles of the actors in the case file",
        meaning_da: "aktørernes roller i sagen",
        words: &ROLE_WORDS,
        compute: Compute::Case(|ctx| Some(FactValue::set(ctx.case.actors.iter().map(|a| role_word(&a.role))))),
    },
    FactDef {
        name: "actor_sectors",
        ty: FactType::Set,
        meaning_en: "the sectors of the actors in the case file",
        meaning_da: "sektorerne, aktørerne i sagen hører til",
        words: &SECTOR_WORDS,
        compute: Compute::Case(|ctx| Some(FactValue::set(ctx.case.actors.iter().map(|a| sector_word(a.sector))))),
    },
    FactDef {
        name: "as_of",
        ty: FactType::Date,
        meaning_en: "the evaluation date",
        meaning_da: "datoen, der vurderes pr.",
        words: &[],
        compute: Compute::Case(|ctx| Some(FactValue::Date(ctx.as_of))),
    },
    FactDef {
        name: "citizen_expected_return",
        ty: FactType::Date,
        meaning_en: "the day the citizen expects to be back at work",
        meaning_da: "den dag, borgeren selv forventer at være tilbage i arbejde",
        words: &[],
        compute: Compute::Case(|ctx| ctx.case.course.citizen_expected_return.map(FactValue::Date)),
    },
    FactDef {
        name: "condition_count",
        ty: FactType::Number,
        meaning_en: "how many categories of health condition the citizen has",
        meaning_da: "antal kategorier af helbredsproblemer",
        words: &[],
        compute: Compute::Case(|ctx| {
            let distinct = ConditionCategory::ALL
                .iter()
                .filter(|c| ctx.case.course.conditions.contains(c))
                .count();
            Some(num(distinct))
        }),
    },
    FactDef {
        name: "conditions",
        ty: FactType::Set,
        meaning_en: "the categories of health condition",
        meaning_da: "kategorier af helbredsproblemer",
        words: &CONDITION_WORDS,
        compute: Compute::Case(|ctx| Some(FactValue::set(ctx.case.course.conditions.iter().map(|c| c.word())))),
    },
    FactDef {
        name: "consents_in_force",
        ty: FactType::Set,
        meaning_en: "the information categories covered by at least one consent in force on the evaluation date (valid, given, not revoked)",
        meaning_da: "oplysningskategorier, som mindst ét gældende samtykke dækker på datoen",
        words: &CATEGORY_WORDS,
        compute: Compute::Case(|ctx| Some(FactValue::set(ctx.case.consents.iter().flat_map(|c| in_force(c, ctx.as_of)).map(category_word)))),
    },
    FactDef {
        name: "consents_revoked",
        ty: FactType::Set,
        meaning_en: "the information categories the citizen withdrew a consent for on or before the evaluation date",
        meaning_da: "oplysningskategorier, borgeren har trukket et samtykke tilbage for senest på datoen",
        words: &CATEGORY_WORDS,
        compute: Compute::Case(|ctx| {
            Some(FactValue::set(ctx.case.consents.iter().flat_map(|c| {
                c.scope.categories.iter().copied().filter(move |cat| {
                    c.revocation_for(*cat).is_some_and(|r| r.at.date_naive() <= ctx.as_of)
                })
            }).map(category_word)))
        }),
    },
    FactDef {
        name: "coordination_level",
        ty: FactType::Text,
        meaning_en: "the coordination level the evaluation set (result; for invariants)",
        meaning_da: "det koordineringsniveau, vurderingen gav (resultat; til invarianter)",
        words: &LEVEL_WORDS,
        compute: Compute::Result,
    },
    FactDef {
        name: "coordinator_assigned",
        ty: FactType::Bool,
        meaning_en: "exactly one coordinating caseworker holds the thread on the evaluation date (team)",
        meaning_da: "præcis én koordinerende sagsbehandler holder tråden på datoen (team)",
        words: &[],
        compute: Compute::Case(crate::team::facts::coordinator_assigned),
    },
    FactDef {
        name: "course_started_on",
        ty: FactType::Date,
        meaning_en: "the day the citizen's current scheme began (resource course, revalidering, contact course)",
        meaning_da: "dato hvor borgerens nuværende forløb begyndte (ressourceforløb, revalidering, kontaktforløb)",
        words: &[],
        compute: Compute::Case(|ctx| ctx.case.course.course_started_on.map(FactValue::Date)),
    },
    FactDef {
        name: "current_treatments",
        ty: FactType::Set,
        meaning_en: "the treatments the citizen receives on the evaluation date",
        meaning_da: "de behandlinger, borgeren får på datoen",
        words: &TREATMENT_WORDS,
        compute: Compute::Case(|ctx| {
            Some(FactValue::set(ctx.case.course.treatments.iter().filter(|t| t.overlaps(ctx.as_of, Some(ctx.as_of))).map(|t| t.kind.word())))
        }),
    },
    FactDef {
        name: "days_since_first_absence",
        ty: FactType::Number,
        meaning_en: "days from the first day of absence to the evaluation date",
        meaning_da: "dage fra første fraværsdag til datoen",
        words: &[],
        compute: Compute::Case(|ctx| days_since(ctx).map(|d| FactValue::Number(d as f64))),
    },
    FactDef {
        name: "diffuse_physical",
        ty: FactType::Bool,
        meaning_en: "a diffuse picture with physical symptoms",
        meaning_da: "diffust billede med fysiske symptomer",
        words: &[],
        compute: Compute::Case(|ctx| Some(FactValue::Bool(ctx.case.course.diffuse_picture.is_some_and(|d| d.physical)))),
    },
    FactDef {
        name: "diffuse_picture",
        ty: FactType::Bool,
        meaning_en: "a diffuse picture with both physical and psychological parts",
        meaning_da: "diffust billede med både fysiske og psykiske dele",
        words: &[],
        compute: Compute::Case(|ctx| Some(FactValue::Bool(ctx.case.course.diffuse_picture.is_some_and(|d| d.physical && d.psychological)))),
    },
    FactDef {
        name: "diffuse_psychological",
        ty: FactType::Bool,
        meaning_en: "a diffuse picture with psychological symptoms",
        meaning_da: "diffust billede med psykiske symptomer",
        words: &[],
        compute: Compute::Case(|ctx| Some(FactValue::Bool(ctx.case.course.diffuse_picture.is_some_and(|d| d.psychological)))),
    },
    FactDef {
        name: "earlier_sick_periods",
        ty: FactType::Number,
        meaning_en: "how many earlier sick periods the citizen had",
        meaning_da: "antal tidligere sygeperioder",
        words: &[],
        compute: Compute::Case(|ctx| Some(num(ctx.case.course.earlier_sick_periods.len()))),
    },
    FactDef {
        name: "employed",
        ty: FactType::Bool,
        meaning_en: "the citizen is employed",
        meaning_da: "borgeren er i ansættelse",
        words: &[],
        compute: Compute::Case(|ctx| Some(FactValue::Bool(ctx.case.course.employed))),
    },
    FactDef {
        name: "employer_expected_absence_weeks",
        ty: FactType::Number,
        meaning_en: "weeks from the first day of absence to the return the employer expects (fractional)",
        meaning_da: "uger fra første fraværsdag til den raskmelding, arbejdsgiveren forventer",
        words: &[],
        compute: Compute::Case(|ctx| {
            let c = &ctx.case.course;
            match (c.first_day_of_absence, c.employer_expected_return) {
                (Some(a), Some(b)) => Some(FactValue::Number((b - a).num_days() as f64 / 7.0)),
                _ => None,
            }
        }),
    },
    FactDef {
        name: "employer_expected_return",
        ty: FactType::Date,
        meaning_en: "the day the employer expects the citizen back at work",
        meaning_da: "den dag, arbejdsgiveren forventer borgeren tilbage i arbejde",
        words: &[],
        compute: Compute::Case(|ctx| ctx.case.course.employer_expected_return.map(FactValue::Date)),
    },
    FactDef {
        name: "employer_period_ends_on",
        ty: FactType::Date,
        meaning_en: "the last day of the employer period (recorded, or an employee's first 30 days of absence)",
        meaning_da: "sidste dag i arbejdsgiverperioden (registreret, eller lønmodtagerens første 30 fraværsdage)",
        words: &[],
        compute: Compute::Case(|ctx| {
            crate::course::benefit::employer_period(&ctx.case.course)
                .and_then(|p| p.to)
                .map(FactValue::Date)
        }),
    },
    FactDef {
        name: "events_held",
        ty: FactType::Set,
        meaning_en: "the kinds of event that happened on or before the evaluation date",
        meaning_da: "hændelser, der har fundet sted senest på datoen",
        words: &EVENT_WORDS,
        compute: Compute::Case(|ctx| Some(FactValue::set(ctx.case.events.iter().filter(|e| e.on <= ctx.as_of).map(|e| e.kind.word())))),
    },
    FactDef {
        name: "expected_absence_weeks",
        ty: FactType::Number,
        meaning_en: "weeks from the first day of absence to the expected return (fractional)",
        meaning_da: "uger fra første fraværsdag til forventet raskmelding",
        words: &[],
        compute: Compute::Case(|ctx| {
            let c = &ctx.case.course;
            match (c.first_day_of_absence, c.expected_return) {
                (Some(a), Some(b)) => Some(FactValue::Number((b - a).num_days() as f64 / 7.0)),
                _ => None,
            }
        }),
    },
    FactDef {
        name: "expected_return",
        ty: FactType::Date,
        meaning_en: "the expected day back at work",
        meaning_da: "forventet dato for raskmelding",
        words: &[],
        compute: Compute::Case(|ctx| ctx.case.course.expected_return.map(FactValue::Date)),
    },
    FactDef {
        name: "extension_decided_on",
        ty: FactType::Date,
        meaning_en: "the day an extension of sickness benefit (§27) was decided, on or before the evaluation date",
        meaning_da: "dato for afgørelse om forlængelse af sygedagpenge (§ 27) senest på datoen",
        words: &[],
        compute: Compute::Case(|ctx| {
            ctx.case
                .course
                .benefit_extension
                .as_ref()
                .filter(|e| e.decided_on <= ctx.as_of)
                .map(|e| FactValue::Date(e.decided_on))
        }),
    },
    FactDef {
        name: "extension_ground",
        ty: FactType::Text,
        meaning_en: "the ground of an extension of sickness benefit decided on or before the evaluation date (a code the pack declares in `extension_grounds`)",
        meaning_da: "grunden til en forlængelse af sygedagpenge afgjort senest på datoen (en kode, pakken erklærer i `extension_grounds`)",
        words: &[],
        compute: Compute::Case(|ctx| {
            ctx.case
                .course
                .benefit_extension
                .as_ref()
                .filter(|e| e.decided_on <= ctx.as_of)
                .map(|e| FactValue::text(e.ground.clone()))
        }),
    },
    FactDef {
        name: "fast_track_requested",
        ty: FactType::Bool,
        meaning_en: "a fast-track was requested on or before the evaluation date (§13b stk. 2)",
        meaning_da: "der er anmodet om fast track senest på datoen (§13b stk. 2)",
        words: &[],
        compute: Compute::Case(|ctx| Some(FactValue::Bool(ctx.case.course.fast_track_requested_on.is_some_and(|d| d <= ctx.as_of)))),
    },
    FactDef {
        name: "fast_track_requested_on",
        ty: FactType::Date,
        meaning_en: "the day the fast-track was requested",
        meaning_da: "dato for anmodning om fast track",
        words: &[],
        compute: Compute::Case(|ctx| ctx.case.course.fast_track_requested_on.filter(|d| *d <= ctx.as_of).map(FactValue::Date)),
    },
    FactDef {
        name: "first_day_of_absence",
        ty: FactType::Date,
        meaning_en: "the first day of absence",
        meaning_da: "første fraværsdag",
        words: &[],
        compute: Compute::Case(|ctx| ctx.case.course.first_day_of_absence.map(FactValue::Date)),
    },
    FactDef {
        name: "first_follow_up_interview_on",
        ty: FactType::Date,
        meaning_en: "the day of the first follow-up interview held",
        meaning_da: "dato for den første afholdte opfølgningssamtale",
        words: &[],
        compute: Compute::Case(|ctx| events_of(ctx, EventKind::FollowUpInterview).min().map(FactValue::Date)),
    },
    FactDef {
        name: "follow_up_interviews_held",
        ty: FactType::Number,
        meaning_en: "how many follow-up interviews were held on or before the evaluation date",
        meaning_da: "antal afholdte opfølgningssamtaler senest på datoen",
        words: &[],
        compute: Compute::Case(|ctx| Some(num(events_of(ctx, EventKind::FollowUpInterview).count()))),
    },
    FactDef {
        name: "gp_certificate_received",
        ty: FactType::Bool,
        meaning_en: "the GP certificate LÆ 285 was received on or before the evaluation date",
        meaning_da: "lægeattest LÆ 285 er modtaget senest på datoen",
        words: &[],
        compute: Compute::Case(|ctx| Some(FactValue::Bool(events_of(ctx, EventKind::GpCertificateLae285).next().is_some()))),
    },
    FactDef {
        name: "has_employer",
        ty: FactType::Bool,
        meaning_en: "the employer is an actor in the case file",
        meaning_da: "arbejdsgiveren er aktør i sagen",
        words: &[],
        compute: Compute::Case(|ctx| Some(FactValue::Bool(ctx.case.course.employer.is_some()))),
    },
    FactDef {
        name: "job_interviews_held",
        ty: FactType::Number,
        meaning_en: "how many job interviews of the contact course were held on or before the evaluation date",
        meaning_da: "antal afholdte jobsamtaler i kontaktforløbet senest på datoen",
        words: &[],
        compute: Compute::Case(|ctx| Some(num(events_of(ctx, EventKind::JobInterview).count()))),
    },
    FactDef {
        name: "last_follow_up_interview_on",
        ty: FactType::Date,
        meaning_en: "the day of the latest follow-up interview held",
        meaning_da: "dato for den seneste afholdte opfølgningssamtale",
        words: &[],
        compute: Compute::Case(|ctx| events_of(ctx, EventKind::FollowUpInterview).max().map(FactValue::Date)),
    },
    FactDef {
        name: "open_referral_offers",
        ty: FactType::Set,
        meaning_en: "the offers of referrals proposed and not closed on the evaluation date",
        meaning_da: "tilbud med henvisninger, der er foreslået og ikke afsluttet på datoen",
        words: &[],
        compute: Compute::Case(crate::team::facts::open_referral_offers),
    },
    FactDef {
        name: "open_referrals",
        ty: FactType::Number,
        meaning_en: "how many referrals are proposed and not closed on the evaluation date",
        meaning_da: "antal henvisninger, der er foreslået og ikke afsluttet på datoen",
        words: &[],
        compute: Compute::Case(crate::team::facts::open_referrals),
    },
    FactDef {
        name: "referrals_proposed",
        ty: FactType::Set,
        meaning_en: "the offers and roles the evaluation proposed referrals to (result; roles as `role:<role>`)",
        meaning_da: "tilbud og roller, vurderingen foreslog henvisning til (resultat)",
        words: &[],
        compute: Compute::Result,
    },
    FactDef {
        name: "rehabilitation_plan_received",
        ty: FactType::Bool,
        meaning_en: "a hospital's rehabilitation plan (genoptræningsplan) has been received",
        meaning_da: "der er modtaget en genoptræningsplan fra sygehuset",
        words: &[],
        compute: Compute::Case(|ctx| Some(FactValue::Bool(ctx.case.course.rehabilitation_plans.iter().any(|p| p.received_on <= ctx.as_of)))),
    },
    FactDef {
        name: "rehabilitation_team_meeting_on",
        ty: FactType::Date,
        meaning_en: "the day the case was first discussed in the rehabilitation team",
        meaning_da: "dato for første behandling i rehabiliteringsteamet",
        words: &[],
        compute: Compute::Case(|ctx| events_of(ctx, EventKind::RehabilitationTeamMeeting).min().map(FactValue::Date)),
    },
    FactDef {
        name: "repeat_case",
        ty: FactType::Bool,
        meaning_en: "the citizen had at least one earlier sick period",
        meaning_da: "borgeren har haft mindst én tidligere sygeperiode",
        words: &[],
        compute: Compute::Case(|ctx| Some(FactValue::Bool(!ctx.case.course.earlier_sick_periods.is_empty()))),
    },
    FactDef {
        name: "required_roles",
        ty: FactType::Set,
        meaning_en: "the roles the evaluation required (result)",
        meaning_da: "roller, vurderingen krævede (resultat)",
        words: &ROLE_WORDS,
        compute: Compute::Result,
    },
    FactDef {
        name: "smokes",
        ty: FactType::Bool,
        meaning_en: "the citizen smokes",
        meaning_da: "borgeren ryger",
        words: &[],
        compute: Compute::Case(|ctx| ctx.case.course.smokes.map(FactValue::Bool)),
    },
    FactDef {
        name: "social_factor_count",
        ty: FactType::Number,
        meaning_en: "how many social factors apply",
        meaning_da: "antal sociale faktorer",
        words: &[],
        compute: Compute::Case(|ctx| {
            let distinct = SocialFactor::ALL
                .iter()
                .filter(|f| ctx.case.course.social_factors.contains(f))
                .count();
            Some(num(distinct))
        }),
    },
    FactDef {
        name: "social_factors",
        ty: FactType::Set,
        meaning_en: "the social factors that apply (weak network, missing education …)",
        meaning_da: "sociale faktorer (svagt netværk, manglende uddannelse …)",
        words: &SOCIAL_WORDS,
        compute: Compute::Case(|ctx| Some(FactValue::set(ctx.case.course.social_factors.iter().map(|f| f.word())))),
    },
    FactDef {
        name: "target_group",
        ty: FactType::Text,
        meaning_en: "the target group in employment law",
        meaning_da: "målgruppe i beskæftigelseslovgivningen",
        words: &TARGET_GROUP_WORDS,
        compute: Compute::Case(|ctx| ctx.case.course.target_group.map(|g: TargetGroup| FactValue::text(g.word()))),
    },
    FactDef {
        name: "task_deadlines_max",
        ty: FactType::Number,
        meaning_en: "the largest number of deadlines the evaluation created for one task (result)",
        meaning_da: "det største antal frister for samme opgave (resultat)",
        words: &[],
        compute: Compute::Result,
    },
    FactDef {
        name: "tasks_due",
        ty: FactType::Set,
        meaning_en: "the tasks the evaluation created deadlines for (result)",
        meaning_da: "opgaver, vurderingen satte frister for (resultat)",
        words: &[],
        compute: Compute::Result,
    },
    FactDef {
        name: "tasks_overdue",
        ty: FactType::Set,
        meaning_en: "the tasks whose deadline is overdue on the evaluation date (result)",
        meaning_da: "opgaver med overskredet frist på datoen (resultat)",
        words: &[],
        compute: Compute::Result,
    },
    FactDef {
        name: "team_meetings_held",
        ty: FactType::Number,
        meaning_en: "how many cross-sector team meetings were held on or before the evaluation date",
        meaning_da: "antal afholdte tværsektorielle teammøder senest på datoen",
        words: &[],
        compute: Compute::Case(|ctx| Some(num(events_of(ctx, EventKind::TeamMeeting).count()))),
    },
    FactDef {
        name: "team_roles",
        ty: FactType::Set,
        meaning_en: "the roles of the care-team members on the evaluation date",
        meaning_da: "rollerne i teamet omkring borgeren på datoen",
        words: &ROLE_WORDS,
        compute: Compute::Case(crate::team::facts::team_roles),
    },
    FactDef {
        name: "visitation_on",
        ty: FactType::Date,
        meaning_en: "the day the case was first visited (categorised), on or before the evaluation date",
        meaning_da: "dato for første visitation senest på datoen",
        words: &[],
        compute: Compute::Case(|ctx| events_of(ctx, EventKind::Visitation).min().map(FactValue::Date)),
    },
    FactDef {
        name: "warnings",
        ty: FactType::Set,
        meaning_en: "the warning codes the evaluation raised (result)",
        meaning_da: "advarsler, vurderingen gav (resultat)",
        words: &[],
        compute: Compute::Result,
    },
    FactDef {
        name: "weeks_since_first_absence",
        ty: FactType::Number,
        meaning_en: "whole weeks from the first day of absence to the evaluation date",
        meaning_da: "hele uger fra første fraværsdag til datoen",
        words: &[],
        compute: Compute::Case(|ctx| days_since(ctx).map(|d| FactValue::Number(d.div_euclid(7) as f64))),
    },
    FactDef {
        name: "wished_areas",
        ty: FactType::Set,
        meaning_en: "the areas the citizen has said they want to work on",
        meaning_da: "de områder, borgeren selv har ønsket at arbejde med",
        words: &crate::team::facts::GOAL_AREA_WORDS,
        compute: Compute::Case(crate::team::facts::wished_areas),
    },
    FactDef {
        name: "wished_offers",
        ty: FactType::Set,
        meaning_en: "the offers the citizen has asked for",
        meaning_da: "de tilbud, borgeren selv har bedt om",
        words: &[],
        compute: Compute::Case(crate::team::facts::wished_offers),
    },
];

/// The catalogue entry for a fact name (families match by their prefix).
pub fn lookup(name: &str) -> Option<&'static FactDef> {
    if let Ok(i) = CATALOGUE.binary_search_by(|d| d.name.cmp(name)) {
        return CATALOGUE.get(i);
    }
    CATALOGUE.iter().find(|d| {
        d.name
            .strip_suffix('*')
            .is_some_and(|prefix| name.starts_with(prefix) && name.len() > prefix.len())
    })
}

/// The facts about `case` as of `as_of` (the case facts; result facts are added by evaluation).
pub fn case_facts(case: &CaseFile, as_of: NaiveDate) -> FactSet {
    let ctx = FactContext { case, as_of };
    let mut facts = FactSet::new(as_of);
    for def in CATALOGUE {
        match def.compute {
            Compute::Case(f) => {
                if let Some(v) = f(&ctx) {
                    // Catalogue names are unique (a test checks they are strictly sorted).
                    facts.push_new(def.name, v);
                }
            }
            Compute::Family(f) => f(&ctx, &mut facts),
            Compute::Result => {}
        }
    }
    facts.set_counted_periods(counted_periods(case));
    facts
}

/// The periods of `case` counting towards the sickness-benefit duration limit, for a fact set.
pub fn counted_periods(case: &CaseFile) -> std::sync::Arc<[crate::time::DatePeriod]> {
    crate::course::benefit::counted_periods(&case.course).into()
}

/// Every fact's description, in catalogue order.
pub fn catalogue() -> Vec<FactInfo> {
    CATALOGUE.iter().map(FactDef::info).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_sorted_and_word_lists_match_enums() {
        assert!(CATALOGUE.windows(2).all(|w| w[0].name < w[1].name));
        for (i, g) in TargetGroup::ALL.iter().enumerate() {
            assert_eq!(TARGET_GROUP_WORDS[i], g.word());
        }
        for (i, c) in ConditionCategory::ALL.iter().enumerate() {
            assert_eq!(CONDITION_WORDS[i], c.word());
        }
        for (i, t) in crate::course::TreatmentKind::ALL.iter().enumerate() {
            assert_eq!(TREATMENT_WORDS[i], t.word());
        }
        for (i, s) in SocialFactor::ALL.iter().enumerate() {
            assert_eq!(SOCIAL_WORDS[i], s.word());
        }
        for (i, e) in EventKind::ALL.iter().enumerate() {
            assert_eq!(EVENT_WORDS[i], e.word());
        }
        assert!(lookup("weeks_since_first_absence").is_some());
        assert!(lookup("weeks_since").is_none());
    }
}
