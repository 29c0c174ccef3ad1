//! The parts of a case file a handover sends or withholds, and the information category each one
//! is. The table is coord's (one category set per part, written once here):
//!
//! | part | categories |
//! |---|---|
//! | the citizen's name, identifiers and demographics | contact details |
//! | the case title (it names the condition) | health status |
//! | the team (members, contact, responsibilities) | contact details |
//! | the course's benefit facts (target group, absence, employer, benefit periods) | economy |
//! | the course's health facts (conditions, diffuse picture, treatments, rehabilitation plans, smoking) | health status |
//! | the course's social factors | social circumstances |
//! | the events (interviews, certificates, meetings) | work ability |
//! | the plan, the citizen's wishes | plan and goals |
//! | the measurements | indicator measurements |
//! | each referral | plan and goals, the categories it carries, and treatment progress and health status when it goes to or comes from a health-sector actor (its reason names the condition) |
//! | each consent | the categories it covers |
//!
//! A part goes only when every one of its categories is released.

use crate::case_file::CaseFile;
use crate::category::{InformationCategory, Language};
use crate::course::Course;
use crate::ids::{ConsentId, ReferralId};
use crate::text::pick;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One part of a case file, as a handover sees it.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "part", content = "id", rename_all = "snake_case")]
pub enum CasePart {
    /// The citizen's name, identifiers (CPR …) and demographics.
    Identity,
    /// The case title.
    Title,
    /// The care team.
    Team,
    /// The course's benefit facts.
    CourseBenefit,
    /// The course's health facts.
    CourseHealth,
    /// The course's social factors.
    CourseSocial,
    /// The events.
    Events,
    /// The shared plan.
    Plan,
    /// The citizen's wishes.
    Wishes,
    /// The measurements.
    Measurements,
    /// One referral.
    Referral(ReferralId),
    /// One consent.
    Consent(ConsentId),
}

impl CasePart {
    /// The part's name for people, in `lang` (a referral or consent by its id).
    pub fn label(&self, lang: Language) -> String {
        match self {
            CasePart::Identity => pick(
                lang,
                "borgerens navn, identifikatorer og demografi",
                "the citizen's name, identifiers and demographics",
            )
            .to_owned(),
            CasePart::Title => pick(lang, "sagens titel", "the case title").to_owned(),
            CasePart::Team => pick(lang, "teamet", "the team").to_owned(),
            CasePart::CourseBenefit => pick(
                lang,
                "forløbets ydelsesoplysninger",
                "the course's benefit facts",
            )
            .to_owned(),
            CasePart::CourseHealth => pick(
                lang,
                "forløbets helbredsoplysninger",
                "the course's health facts",
            )
            .to_owned(),
            CasePart::CourseSocial => pick(
                lang,
                "forløbets sociale forhold",
                "the course's social factors",
            )
            .to_owned(),
            CasePart::Events => pick(lang, "hændelserne", "the events").to_owned(),
            CasePart::Plan => pick(lang, "den fælles plan", "the shared plan").to_owned(),
            CasePart::Wishes => pick(lang, "borgerens ønsker", "the citizen's wishes").to_owned(),
            CasePart::Measurements => pick(lang, "målingerne", "the measurements").to_owned(),
            CasePart::Referral(id) => format!("{} {id}", pick(lang, "henvisning", "referral")),
            CasePart::Consent(id) => format!("{} {id}", pick(lang, "samtykke", "consent")),
        }
    }
}

/// A part present in a case file: where it is and the categories it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartCategories {
    /// The part.
    pub part: CasePart,
    /// Where it is in the case file (a JSON pointer).
    pub pointer: String,
    /// Its categories (every one must be released for the part to go).
    pub categories: Vec<InformationCategory>,
}

fn part(
    part: CasePart,
    pointer: impl Into<String>,
    categories: &[InformationCategory],
) -> PartCategories {
    let mut cats: Vec<InformationCategory> = Vec::new();
    for c in categories {
        if !cats.contains(c) {
            cats.push(*c);
        }
    }
    PartCategories {
        part,
        pointer: pointer.into(),
        categories: cats,
    }
}

/// Whether the course holds health facts.
pub(crate) fn course_has_health(c: &Course) -> bool {
    !c.conditions.is_empty()
        || c.diffuse_picture.is_some()
        || !c.treatments.is_empty()
        || !c.rehabilitation_plans.is_empty()
        || c.smokes.is_some()
}

/// The course without its health facts and social factors (its benefit facts).
pub(crate) fn course_benefit_only(c: &Course) -> Course {
    Course {
        conditions: Vec::new(),
        diffuse_picture: None,
        treatments: Vec::new(),
        rehabilitation_plans: Vec::new(),
        smokes: None,
        social_factors: Vec::new(),
        ..c.clone()
    }
}

/// The citizen's identity part (name, identifiers, demographics) at `/citizen`, with its
/// categories: what an export decides before a citizen's identifiers may go
/// ([`crate::identifier::release`]).
pub(crate) fn identity_part() -> PartCategories {
    part(
        CasePart::Identity,
        "/citizen",
        &[InformationCategory::ContactDetails],
    )
}

/// Every part present in `case`, in document order, with its categories.
pub fn present_parts(case: &CaseFile) -> Vec<PartCategories> {
    use InformationCategory as C;
    let mut parts = Vec::new();
    let citizen = &case.citizen;
    if !citizen.name.is_empty() || !citizen.identifiers.is_empty() || case.demographics.is_some() {
        parts.push(identity_part());
    }
    if !case.title.is_empty() {
        parts.push(part(CasePart::Title, "/title", &[C::HealthStatus]));
    }
    if case.team.is_some() {
        parts.push(part(CasePart::Team, "/team", &[C::ContactDetails]));
    }
    if course_benefit_only(&case.course) != Course::default() {
        parts.push(part(CasePart::CourseBenefit, "/course", &[C::Economy]));
    }
    if course_has_health(&case.course) {
        parts.push(part(
            CasePart::CourseHealth,
            "/course/conditions",
            &[C::HealthStatus],
        ));
    }
    if !case.course.social_factors.is_empty() {
        parts.push(part(
            CasePart::CourseSocial,
            "/course/social_factors",
            &[C::SocialCircumstances],
        ));
    }
    if !case.events.is_empty() {
        parts.push(part(CasePart::Events, "/events", &[C::WorkAbility]));
    }
    if case.plan.is_some() {
        parts.push(part(CasePart::Plan, "/plan", &[C::PlanAndGoals]));
    }
    if !case.wishes.is_empty() {
        parts.push(part(CasePart::Wishes, "/wishes", &[C::PlanAndGoals]));
    }
    if !case.measurements.is_empty() {
        parts.push(part(
            CasePart::Measurements,
            "/measurements",
            &[C::IndicatorMeasurements],
        ));
    }
    let health = |id: &crate::ids::ActorId| case.actor(id).is_some_and(|a| a.sector.is_health());
    for (i, r) in case.referrals.iter().enumerate() {
        let mut cats = vec![C::PlanAndGoals];
        cats.extend(r.categories.iter().copied());
        // A referral to or from a health-sector actor is a step in treatment, and its reason
        // names the condition.
        if health(&r.from) || health(&r.to) {
            cats.extend([C::TreatmentProgress, C::HealthStatus]);
        }
        parts.push(part(
            CasePart::Referral(r.id.clone()),
            format!("/referrals/{i}"),
            &cats,
        ));
    }
    for (i, c) in case.consents.iter().enumerate() {
        parts.push(part(
            CasePart::Consent(c.id.clone()),
            format!("/consents/{i}"),
            &c.scope.categories,
        ));
    }
    parts
}
