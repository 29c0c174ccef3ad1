//! The citizen's course as rules see it: target group, absence, health conditions, social factors,
//! treatments, rehabilitation plans and smoking ([`health`]), and the events that happened
//! (interviews, certificates, meetings).
//!
//! These are case-file parts (`course`, `events`); the rule engine turns them into facts as of a date
//! (see [`crate::rules::facts`]). The periods that count towards the sickness-benefit duration
//! limit are in [`benefit`]; the case-file check of the course's periods is in [`check`].

pub mod benefit;
pub mod check;
pub mod health;

pub use health::{RehabilitationPlan, Treatment, TreatmentKind};

use crate::ids::{ActorId, EventId};
use crate::time::DatePeriod;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The citizen's target group in employment law (pre-2026 list, LAB §2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TargetGroup {
    /// Insured unemployed (dagpengemodtager).
    InsuredUnemployed,
    /// Job-ready cash-benefit recipient.
    CashBenefitJobReady,
    /// Activity-ready cash-benefit recipient.
    CashBenefitActivityReady,
    /// Education-ready under 30.
    EducationReadyUnder30,
    /// Activity-ready under 30.
    ActivityReadyUnder30,
    /// Sickness benefit (sygedagpenge).
    SicknessBenefit,
    /// Job-clarification course (jobafklaringsforløb).
    JobClarification,
    /// Resource course (ressourceforløb).
    ResourceCourse,
    /// Visited for fleksjob.
    FleksjobVisited,
    /// Revalidering.
    Revalidering,
    /// Disability pension (førtidspension).
    DisabilityPension,
    /// Self-supporting.
    SelfSupporting,
    /// Under 18.
    Under18,
}

impl TargetGroup {
    /// Every target group, in a stable order.
    pub const ALL: [TargetGroup; 13] = [
        TargetGroup::InsuredUnemployed,
        TargetGroup::CashBenefitJobReady,
        TargetGroup::CashBenefitActivityReady,
        TargetGroup::EducationReadyUnder30,
        TargetGroup::ActivityReadyUnder30,
        TargetGroup::SicknessBenefit,
        TargetGroup::JobClarification,
        TargetGroup::ResourceCourse,
        TargetGroup::FleksjobVisited,
        TargetGroup::Revalidering,
        TargetGroup::DisabilityPension,
        TargetGroup::SelfSupporting,
        TargetGroup::Under18,
    ];

    /// The JSON word.
    pub fn word(self) -> &'static str {
        match self {
            TargetGroup::InsuredUnemployed => "insured_unemployed",
            TargetGroup::CashBenefitJobReady => "cash_benefit_job_ready",
            TargetGroup::CashBenefitActivityReady => "cash_benefit_activity_ready",
            TargetGroup::EducationReadyUnder30 => "education_ready_under_30",
            TargetGroup::ActivityReadyUnder30 => "activity_ready_under_30",
            TargetGroup::SicknessBenefit => "sickness_benefit",
            TargetGroup::JobClarification => "job_clarification",
            TargetGroup::ResourceCourse => "resource_course",
            TargetGroup::FleksjobVisited => "fleksjob_visited",
            TargetGroup::Revalidering => "revalidering",
            TargetGroup::DisabilityPension => "disability_pension",
            TargetGroup::SelfSupporting => "self_supporting",
            TargetGroup::Under18 => "under_18",
        }
    }
}

/// A category of health condition (seed 003's groups).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConditionCategory {
    /// Musculoskeletal (back, joints).
    Musculoskeletal,
    /// Mental health (anxiety, depression, stress).
    Mental,
    /// Cardiovascular disease.
    Cardiovascular,
    /// Cancer.
    Cancer,
    /// Injury or accident (fracture …).
    InjuryAccident,
    /// Acquired brain injury.
    BrainInjury,
    /// Other chronic disease (diabetes, COPD …).
    OtherChronic,
}

impl ConditionCategory {
    /// Every category, in a stable order.
    pub const ALL: [ConditionCategory; 7] = [
        ConditionCategory::Musculoskeletal,
        ConditionCategory::Mental,
        ConditionCategory::Cardiovascular,
        ConditionCategory::Cancer,
        ConditionCategory::InjuryAccident,
        ConditionCategory::BrainInjury,
        ConditionCategory::OtherChronic,
    ];

    /// The JSON word.
    pub fn word(self) -> &'static str {
        match self {
            ConditionCategory::Musculoskeletal => "musculoskeletal",
            ConditionCategory::Mental => "mental",
            ConditionCategory::Cardiovascular => "cardiovascular",
            ConditionCategory::Cancer => "cancer",
            ConditionCategory::InjuryAccident => "injury_accident",
            ConditionCategory::BrainInjury => "brain_injury",
            ConditionCategory::OtherChronic => "other_chronic",
        }
    }
}

/// A social factor that weakens labour-market attachment (seed 003).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SocialFactor {
    /// A weak social network.
    WeakNetwork,
    /// No education beyond primary school.
    MissingEducation,
    /// Debt or economic problems.
    DebtEconomy,
    /// Housing problems.
    Housing,
    /// Language barriers.
    Language,
}

impl SocialFactor {
    /// Every factor, in a stable order.
    pub const ALL: [SocialFactor; 5] = [
        SocialFactor::WeakNetwork,
        SocialFactor::MissingEducation,
        SocialFactor::DebtEconomy,
        SocialFactor::Housing,
        SocialFactor::Language,
    ];

    /// The JSON word.
    pub fn word(self) -> &'static str {
        match self {
            SocialFactor::WeakNetwork => "weak_network",
            SocialFactor::MissingEducation => "missing_education",
            SocialFactor::DebtEconomy => "debt_economy",
            SocialFactor::Housing => "housing",
            SocialFactor::Language => "language",
        }
    }
}

/// A diffuse picture: symptoms that are hard to diagnose, physical and/or psychological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DiffusePicture {
    /// Physical symptoms without a clear diagnosis.
    #[serde(default)]
    pub physical: bool,
    /// Psychological symptoms.
    #[serde(default)]
    pub psychological: bool,
}

/// The citizen's course: who they are in employment law and what keeps them from work.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// The target group (sickness benefit …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_group: Option<TargetGroup>,
    /// The first day of absence (first sick day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_day_of_absence: Option<NaiveDate>,
    /// The expected day back at work, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_return: Option<NaiveDate>,
    /// Whether the citizen is employed.
    #[serde(default)]
    pub employed: bool,
    /// The employer, as an actor in the case file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer: Option<ActorId>,
    /// The day the employer or employee asked for a fast-track (§13b stk. 2), if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fast_track_requested_on: Option<NaiveDate>,
    /// Health conditions by category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<ConditionCategory>,
    /// A diffuse picture, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diffuse_picture: Option<DiffusePicture>,
    /// Social factors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub social_factors: Vec<SocialFactor>,
    /// Earlier sick periods (a repeat case has at least one). Each counts in full towards the
    /// duration limit (sygedagpengeloven §24): record the part in which benefit was paid.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_sick_periods: Vec<DatePeriod>,
    /// Periods in which sickness benefit (or salary with refusion to the employer) was paid, as
    /// recorded; they count in full towards the duration limit, together with the earlier sick
    /// periods and the current absence after the employer period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benefit_paid_periods: Vec<DatePeriod>,
    /// The employer period of the current absence (arbejdsgiverperioden), when it is not the
    /// default: for an employee the first 30 calendar days from the first day of absence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer_period: Option<DatePeriod>,
    /// The day the employer expects the citizen back at work, if the employer said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer_expected_return: Option<NaiveDate>,
    /// The day the citizen expects to be back at work, if the citizen said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citizen_expected_return: Option<NaiveDate>,
    /// The day the citizen's current scheme began (the resource course, revalidering, the
    /// contact course …), where it matters which law it began under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course_started_on: Option<NaiveDate>,
    /// A recorded extension of sickness benefit beyond the duration limit (§27): the ground (a code
    /// the rule pack declares in `extension_grounds`) and the day it was decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefit_extension: Option<BenefitExtension>,
    /// Treatments the citizen receives or will receive (chemotherapy …), with their periods;
    /// offers that cannot be attended during one are not shown while they overlap.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub treatments: Vec<Treatment>,
    /// Rehabilitation plans (genoptræningsplan) received from a hospital; rehabilitation under
    /// sundhedsloven §140 needs one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rehabilitation_plans: Vec<RehabilitationPlan>,
    /// Whether the citizen smokes, if recorded (smoking-cessation offers are for smokers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smokes: Option<bool>,
    /// The day the citizen went back to work (full or partial return that ended the absence), once
    /// it happened; statistics count the weeks from the first day of absence to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned_to_work: Option<NaiveDate>,
}

/// A recorded extension of sickness benefit (sygedagpengeloven §27).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BenefitExtension {
    /// The extension ground: a code declared in the rule pack's `extension_grounds`.
    pub ground: String,
    /// The day the extension was decided.
    pub decided_on: NaiveDate,
}

/// What kind of thing happened in the course.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// A follow-up interview (opfølgningssamtale) was held.
    FollowUpInterview,
    /// The GP certificate LÆ 285 was received.
    GpCertificateLae285,
    /// The GP's rehabilitation statement LÆ 265 was received.
    GpCertificateLae265,
    /// A cross-sector team meeting was held.
    TeamMeeting,
    /// The case was discussed in the rehabilitation team.
    RehabilitationTeamMeeting,
    /// The employer held the absence conversation (§7a).
    AbsenceConversation,
    /// The case was visited (categorised).
    Visitation,
    /// The week-22 reassessment (extension, §27) was made.
    Reassessment,
    /// A job-directed contact (employer, placement) during rehabilitation.
    JobDirectedContact,
    /// A self-management course was offered.
    SelfManagementOffered,
    /// A job-retention plan (fastholdelsesplan, §7b) was made.
    RetentionPlan,
    /// The combined description of the citizen (samlet beskrivelse, from 2026) was made.
    CombinedDescription,
    /// Health advice from the region's clinical function (sundhedskoordinator) was received.
    HealthAdvice,
    /// A job interview (jobsamtale) in the contact course was held.
    JobInterview,
}

impl EventKind {
    /// Every kind, in a stable order.
    pub const ALL: [EventKind; 14] = [
        EventKind::FollowUpInterview,
        EventKind::GpCertificateLae285,
        EventKind::GpCertificateLae265,
        EventKind::TeamMeeting,
        EventKind::RehabilitationTeamMeeting,
        EventKind::AbsenceConversation,
        EventKind::Visitation,
        EventKind::Reassessment,
        EventKind::JobDirectedContact,
        EventKind::SelfManagementOffered,
        EventKind::RetentionPlan,
        EventKind::CombinedDescription,
        EventKind::HealthAdvice,
        EventKind::JobInterview,
    ];

    /// The JSON word.
    pub fn word(self) -> &'static str {
        match self {
            EventKind::FollowUpInterview => "follow_up_interview",
            EventKind::GpCertificateLae285 => "gp_certificate_lae285",
            EventKind::GpCertificateLae265 => "gp_certificate_lae265",
            EventKind::TeamMeeting => "team_meeting",
            EventKind::RehabilitationTeamMeeting => "rehabilitation_team_meeting",
            EventKind::AbsenceConversation => "absence_conversation",
            EventKind::Visitation => "visitation",
            EventKind::Reassessment => "reassessment",
            EventKind::JobDirectedContact => "job_directed_contact",
            EventKind::SelfManagementOffered => "self_management_offered",
            EventKind::RetentionPlan => "retention_plan",
            EventKind::CombinedDescription => "combined_description",
            EventKind::HealthAdvice => "health_advice",
            EventKind::JobInterview => "job_interview",
        }
    }
}

/// Something that happened in the course, on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseEvent {
    /// The event's id, unique in the case file.
    pub id: EventId,
    /// What happened.
    pub kind: EventKind,
    /// On which day.
    pub on: NaiveDate,
    /// Who held or recorded it (an actor id in the case file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<ActorId>,
    /// A short note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}
