//! The citizen's course as rules see it: target group, absence, health conditions, social factors,
//! treatments, rehabilitation plans and smoking ([`health`]), and the events that happened
//! (interviews, certificates, meetings).
//!
//! Target groups, condition categories, social factors and event kinds are codes of vocabularies
//! declared in the reference data ([`crate::vocab`]).
//!
//! These are case-file parts (`course`, `events`); the rule engine turns them into facts as of a date
//! (see [`crate::facts`]). The periods that count towards the sickness-benefit duration
//! limit are in [`benefit`]; the case-file check of the course's periods is in [`check`].

pub mod benefit;
pub mod check;
pub mod health;

pub use crate::vocab::{ConditionCategory, EventKind, SocialFactor, TargetGroup};
pub use health::{RehabilitationPlan, Treatment, TreatmentKind};

use crate::ids::{ActorId, EventId};
use crate::time::DatePeriod;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
