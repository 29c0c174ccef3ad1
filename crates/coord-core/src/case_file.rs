//! The case file: one document per citizen's course.
//!
//! It holds the citizen, the parties around them and the consents; later parts of coord add the
//! plan, measurements, team, referrals and events as further fields. Everything in it is about this
//! one citizen; what a municipality maintains for all citizens (legal rules, rule packs, the offer
//! catalogue, instrument definitions) is [`crate::reference::ReferenceData`].

use crate::consent::model::Consent;
use crate::course::{CaseEvent, Course};
use crate::ids::{ActorId, CaseId, CitizenId};
use crate::party::Actor;
use crate::plan::{Measurement, Plan};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The citizen whose course this is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citizen {
    /// A pseudonymous id (never a CPR number).
    pub id: CitizenId,
    /// The name to show in reports.
    pub name: String,
    /// The citizen as an actor in this case file (so they can record a revocation, be a holder …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorId>,
    /// Official identifiers (CPR …): sensitive, never shown in a report for people.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<crate::identifier::Identifier>,
}

/// One citizen's course: the document every command about a citizen takes.
///
/// `Default` gives an empty case with empty ids (useful with struct-update syntax; it does not pass
/// the case-file check).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    /// The case id.
    pub id: CaseId,
    /// A short title for people ("Back pain and depression, sickness benefit").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The citizen.
    pub citizen: Citizen,
    /// The actors around the citizen.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// The consents the citizen has given.
    #[serde(default)]
    pub consents: Vec<Consent>,
    /// The care team: members, roles, periods, and the one person holding the thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<crate::team::CareTeam>,
    /// Closed-loop referrals with their recorded history.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub referrals: Vec<crate::referral::Referral>,
    /// The citizen's own wishes: areas to work on, offers asked for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wishes: Vec<crate::offers::CitizenWish>,
    /// The course as rules see it (target group, absence, conditions, social factors).
    #[serde(default)]
    pub course: Course,
    /// What happened in the course (interviews, certificates, meetings).
    #[serde(default)]
    pub events: Vec<CaseEvent>,
    /// The shared plan: goals, activities, capacity, evaluations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    /// Measurements of indicators over time.
    #[serde(default)]
    pub measurements: Vec<Measurement>,
    /// Municipality, birth year and gender, for statistics (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demographics: Option<crate::demographics::Demographics>,
}

impl CaseFile {
    /// The actor with this id, if it is in the case file.
    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }

    /// The referral with this id, if it is in the case file.
    pub fn referral(&self, id: &crate::ids::ReferralId) -> Option<&crate::referral::Referral> {
        self.referrals.iter().find(|r| &r.id == id)
    }
}
