//! Calls about who catches the citizen: the team, referrals and their transitions, the offer
//! catalogue and matching, attendance, working days.

use super::check_case;
use crate::envelope::Answer;
use crate::problems::problem;
use crate::reference::ReferenceOverrides;
use crate::shared::Shared;
use chrono::NaiveDate;
use coord_core::attendance::{attendance_decision, AttendanceDecision, AttendanceQuestion};
use coord_core::calendar::WorkingDaysAnswer;
use coord_core::case_file::CaseFile;
use coord_core::consent::AccessIndex;
use coord_core::ids::ReferralId;
use coord_core::offers::{match_offers_for_case, OfferCatalogue, OfferMatch};
use coord_core::party::Role;
use coord_core::pointer::Pointer;
use coord_core::referral::{apply_transition, referral_overview, ReferralOverview, Transition};
use coord_core::team::{team_report, TeamReport};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The team as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// Roles the rules require (from the rules evaluation); unfilled ones become findings.
    #[serde(default)]
    pub required_roles: Vec<Role>,
}

/// Who holds the thread, the team, findings.
pub fn team(call: TeamCall) -> Answer<TeamReport> {
    super::with_builtin(call, team_with)
}

/// Who holds the thread, the team, findings.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn team_with(shared: &Shared, call: TeamCall) -> Answer<TeamReport> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let checked = check_case(call.case, &reference)?;
        Ok(team_report(
            checked.case(),
            &call.required_roles,
            call.as_of,
        ))
    })())
}

/// The referrals as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferralsCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts (offers and calendar matter here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The evaluation date.
    pub as_of: NaiveDate,
}

/// States, deadlines, stale referrals first.
pub fn referrals(call: ReferralsCall) -> Answer<ReferralOverview> {
    super::with_builtin(call, referrals_with)
}

/// States, deadlines, stale referrals first.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn referrals_with(shared: &Shared, call: ReferralsCall) -> Answer<ReferralOverview> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let checked = check_case(call.case, &reference)?;
        let index = AccessIndex::new(&checked, &reference);
        Ok(referral_overview(
            &index,
            &reference.offers,
            &reference.calendar,
            call.as_of,
        ))
    })())
}

/// Make one transition of one referral.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferralTransitionCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The referral's id.
    pub referral: ReferralId,
    /// The transition.
    pub transition: Transition,
}

/// The transition made, and the case file with it recorded (computed by
/// `coord_core::referral::apply_transition`).
pub type ReferralTransitionAnswer = coord_core::referral::TransitionApplied;

/// Make a transition: nothing changes unless it is legal and, for `sent`, permitted.
pub fn referral_transition(call: ReferralTransitionCall) -> Answer<ReferralTransitionAnswer> {
    super::with_builtin(call, referral_transition_with)
}

/// Make a transition: nothing changes unless it is legal and, for `sent`, permitted.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn referral_transition_with(
    shared: &Shared,
    call: ReferralTransitionCall,
) -> Answer<ReferralTransitionAnswer> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let checked = check_case(call.case, &reference)?;
        let index = AccessIndex::new(&checked, &reference);
        apply_transition(
            &index,
            &call.referral,
            &call.transition,
            &Pointer::root().key("referral"),
            &Pointer::root().key("transition"),
        )
        .map_err(|e| vec![problem(&e, &Pointer::root())])
    })())
}

/// The offer catalogue in use.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OffersListCall {
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
}

/// The catalogue (built-in unless replaced).
pub fn offers_list(call: OffersListCall) -> Answer<OfferCatalogue> {
    super::with_builtin(call, offers_list_with)
}

/// The catalogue (built-in unless replaced).
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn offers_list_with(shared: &Shared, call: OffersListCall) -> Answer<OfferCatalogue> {
    Answer::from_result(
        shared
            .reference_for(call.reference)
            .map(|r| r.offers.clone()),
    )
}

/// Match offers to the citizen as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OffersMatchCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The evaluation date.
    pub as_of: NaiveDate,
}

/// The offers that fit, best first, and why the others do not.
pub fn offers_match(call: OffersMatchCall) -> Answer<OfferMatch> {
    super::with_builtin(call, offers_match_with)
}

/// The offers that fit, best first, and why the others do not.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn offers_match_with(shared: &Shared, call: OffersMatchCall) -> Answer<OfferMatch> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let checked = check_case(call.case, &reference)?;
        Ok(match_offers_for_case(
            checked.case(),
            &reference,
            call.as_of,
        ))
    })())
}

/// May attendance be reported?
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The question.
    pub question: AttendanceQuestion,
}

/// Forward, reportable, or withheld with a notice.
pub fn attendance(call: AttendanceCall) -> Answer<AttendanceDecision> {
    super::with_builtin(call, attendance_with)
}

/// Forward, reportable, or withheld with a notice.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn attendance_with(shared: &Shared, call: AttendanceCall) -> Answer<AttendanceDecision> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let checked = check_case(call.case, &reference)?;
        let index = AccessIndex::new(&checked, &reference);
        let at = Pointer::root().key("question");
        attendance_decision(&index, &reference.offers, &call.question, &at)
            .map_err(|e| vec![problem(&e, &Pointer::root())])
    })())
}

/// Add working days to a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkingDaysCall {
    /// Reference data replacing built-in parts (the calendar matters here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The start date (not counted).
    pub from: NaiveDate,
    /// How many working days to add.
    pub working_days: u32,
}

/// The date, and the holidays skipped on the way.
pub fn add_working_days(call: WorkingDaysCall) -> Answer<WorkingDaysAnswer> {
    super::with_builtin(call, add_working_days_with)
}

/// The date, and the holidays skipped on the way.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn add_working_days_with(shared: &Shared, call: WorkingDaysCall) -> Answer<WorkingDaysAnswer> {
    Answer::from_result(shared.reference_for(call.reference).and_then(|r| {
        r.calendar
            .explain_add(
                call.from,
                call.working_days,
                &Pointer::root().key("working_days"),
            )
            .map_err(|e| vec![problem(&e, &Pointer::root())])
    }))
}
