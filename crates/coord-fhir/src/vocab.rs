//! Fixed tables from coord-core's enums to FHIR codes, and coord's own code system URIs for the
//! concepts FHIR has no value set for. Lookups only: no decision is taken here.

use coord_core::consent::ConsentStatus;
use coord_core::plan::{AchievementStatus, GoalLifecycle};
use coord_core::referral::ReferralState;
use coord_core::team::CourseStatus;
use coord_core::time::Phase;

/// coord's code system for roles (`Role` in snake_case).
pub const ROLE_SYSTEM: &str = "urn:coord:codesystem:role";
/// coord's code system for sectors.
pub const SECTOR_SYSTEM: &str = "urn:coord:codesystem:sector";
/// coord's code system for information categories.
pub const CATEGORY_SYSTEM: &str = "urn:coord:codesystem:information-category";
/// coord's code system for consent actions.
pub const ACTION_SYSTEM: &str = "urn:coord:codesystem:consent-action";
/// coord's code system for purposes of processing (the purpose ids of the reference data).
pub const PURPOSE_SYSTEM: &str = "urn:coord:codesystem:purpose";
/// coord's code system for referral states (the closed-loop state machine's own names).
pub const REFERRAL_STATE_SYSTEM: &str = "urn:coord:codesystem:referral-state";
/// coord's code system for instruments without a verified standard code.
pub const INSTRUMENT_SYSTEM: &str = "urn:coord:codesystem:instrument";
/// coord's code system for AuditEvent types (`access-decision`).
pub const AUDIT_TYPE_SYSTEM: &str = "urn:coord:codesystem:audit-event-type";
/// coord's actor ids (an AuditEvent agent the case file does not hold).
pub const ACTOR_SYSTEM: &str = "urn:coord:actor";
/// coord's id of the record a resource was made from (`Identifier.system`): a consent's,
/// goal's, referral's or measurement's id. Read back by the import from standard resources.
pub const ID_SYSTEM: &str = "urn:coord:id";
/// coord's citizen id (the pseudonymous `citizen.id`) on the Patient.
pub const CITIZEN_SYSTEM: &str = "urn:coord:citizen";
/// coord's case id (`Bundle.identifier`).
pub const CASE_SYSTEM: &str = "urn:coord:case";
/// coord's code system for offers (`ServiceRequest.code`).
pub const OFFER_SYSTEM: &str = "urn:coord:codesystem:offer";
/// coord's code system for rules (`ServiceRequest.reasonCode` when a rule proposed it).
pub const RULE_SYSTEM: &str = "urn:coord:codesystem:rule";
/// coord's code system for goal domains (`Goal.category`).
pub const GOAL_DOMAIN_SYSTEM: &str = "urn:coord:codesystem:goal-domain";
/// coord's code system for measurement sources (`Observation.category`).
pub const SOURCE_SYSTEM: &str = "urn:coord:codesystem:measurement-source";
/// The extension carrying the form a consent was given in (`valueCode`: written, digital, oral).
pub const EXT_CONSENT_FORM: &str = "urn:coord:extension:consent-form";
/// The extension carrying the case a consent was given for (`valueString`: the case id).
pub const EXT_CONSENT_CASE: &str = "urn:coord:extension:consent-case";
/// The extension on a revocation's `deny` provision naming who recorded it (`valueReference`).
pub const EXT_RECORDED_BY: &str = "urn:coord:extension:recorded-by";
/// The extension on a Task carrying one transition of the referral's history (complex: `to`,
/// `by`, `at`, `reason`, `outcome`).
pub const EXT_TRANSITION: &str = "urn:coord:extension:referral-transition";
/// The extension on a CarePlan activity carrying its id, sector, hours a week and participation
/// (complex: `id`, `sector`, `hours-per-week`, `participation`).
pub const EXT_ACTIVITY: &str = "urn:coord:extension:activity";
/// The `meta.tag` system naming the `Binary` entry as the coord case file.
pub const CASE_FILE_TAG: &str = "urn:coord:case-file";
/// The `meta.tag` system of the handover note a handover bundle carries beside the case file.
pub const HANDOVER_TAG: &str = "urn:coord:handover";
/// The code system of a Bundle's `meta.tag` naming which identifiers the export carries:
/// `no-identifiers` (no release given), `recipient` (as the consent engine decided for a
/// recipient), `own-copy` (the municipality's own full copy, every identifier).
pub const RELEASE_TAG: &str = "urn:coord:codesystem:identifier-release";
/// HL7's goal achievement code system.
pub const GOAL_ACHIEVEMENT: &str = "http://terminology.hl7.org/CodeSystem/goal-achievement";

/// `Goal.lifecycleStatus`.
pub fn goal_lifecycle(s: GoalLifecycle) -> &'static str {
    match s {
        GoalLifecycle::Proposed => "proposed",
        GoalLifecycle::Planned => "planned",
        GoalLifecycle::Accepted => "accepted",
        GoalLifecycle::Active => "active",
        GoalLifecycle::OnHold => "on-hold",
        GoalLifecycle::Completed => "completed",
        GoalLifecycle::Cancelled => "cancelled",
        GoalLifecycle::EnteredInError => "entered-in-error",
        GoalLifecycle::Rejected => "rejected",
    }
}

/// `Goal.achievementStatus` (goal-achievement code system).
pub fn achievement(s: AchievementStatus) -> &'static str {
    match s {
        AchievementStatus::InProgress => "in-progress",
        AchievementStatus::Improving => "improving",
        AchievementStatus::Worsening => "worsening",
        AchievementStatus::NoChange => "no-change",
        AchievementStatus::Achieved => "achieved",
        AchievementStatus::Sustaining => "sustaining",
        AchievementStatus::NotAchieved => "not-achieved",
        AchievementStatus::NoProgress => "no-progress",
        AchievementStatus::NotAttainable => "not-attainable",
    }
}

/// `CareTeam.status`.
pub fn care_team_status(s: CourseStatus) -> &'static str {
    match s {
        CourseStatus::Proposed => "proposed",
        CourseStatus::Active => "active",
        CourseStatus::Suspended => "suspended",
        CourseStatus::Closed => "inactive",
    }
}

/// `CarePlan.status`.
pub fn care_plan_status(s: Option<CourseStatus>) -> &'static str {
    match s {
        Some(CourseStatus::Proposed) => "draft",
        Some(CourseStatus::Active) => "active",
        Some(CourseStatus::Suspended) => "on-hold",
        Some(CourseStatus::Closed) => "completed",
        None => "unknown",
    }
}

/// `CarePlan.activity.detail.status`.
pub fn activity_status(p: Phase) -> &'static str {
    match p {
        Phase::NotStarted => "not-started",
        Phase::Running => "in-progress",
        Phase::Ended => "completed",
    }
}

/// `Consent.status`.
pub fn consent_status(s: ConsentStatus) -> &'static str {
    match s {
        ConsentStatus::NotYetValid => "proposed",
        ConsentStatus::InForce => "active",
        ConsentStatus::Expired | ConsentStatus::Revoked => "inactive",
    }
}

/// `Task.status` for a referral state (after the Gravity Project's closed-loop referral): before
/// it is sent (still with the referrer and the citizen) `draft`; sent `requested`; the receiver's
/// steps `received` / `accepted` / `in-progress`; the final states one to one (the exact coord
/// state is in `Task.businessStatus`).
pub fn task_status(s: ReferralState) -> &'static str {
    match s {
        ReferralState::Draft
        | ReferralState::ProposedToCitizen
        | ReferralState::AcceptedByCitizen => "draft",
        ReferralState::DeclinedByCitizen => "cancelled",
        ReferralState::Sent => "requested",
        ReferralState::Received => "received",
        ReferralState::Accepted => "accepted",
        ReferralState::Rejected => "rejected",
        ReferralState::InProgress => "in-progress",
        ReferralState::Completed => "completed",
        ReferralState::Cancelled => "cancelled",
        ReferralState::Expired => "failed",
    }
}

/// `ServiceRequest.status` for a referral state.
pub fn service_request_status(s: ReferralState) -> &'static str {
    match s {
        ReferralState::Draft
        | ReferralState::ProposedToCitizen
        | ReferralState::AcceptedByCitizen => "draft",
        ReferralState::Sent
        | ReferralState::Received
        | ReferralState::Accepted
        | ReferralState::InProgress => "active",
        ReferralState::Completed => "completed",
        ReferralState::DeclinedByCitizen
        | ReferralState::Rejected
        | ReferralState::Cancelled
        | ReferralState::Expired => "revoked",
    }
}

/// The standard code of an instrument, where verified: (system, code, display).
///
/// PHQ-9 total score LOINC 44261-6 and GAD-7 total score LOINC 70274-6 (as used by the HL7 and
/// Synthea examples; the LOINC database itself was not consulted); WHO-5 SNOMED CT 1144665009
/// (KL's `KLToolsCareWHO-5` questionnaire in github.com/hl7dk/KL-dk-tools). Every other
/// instrument has no verified code and is coded in coord's own system, with a warning.
pub fn instrument_code(id: &str) -> Option<(&'static str, &'static str, &'static str)> {
    match id {
        "phq9" => Some((
            "http://loinc.org",
            "44261-6",
            "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
        )),
        "gad7" => Some((
            "http://loinc.org",
            "70274-6",
            "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
        )),
        "who5" => Some((
            "http://snomed.info/sct",
            "1144665009",
            "World Health Organization Five Well-Being Index",
        )),
        _ => None,
    }
}

/// A serialised enum's wire name (`"municipal_employment"`), for coord's own codings.
pub fn wire<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// The instrument a verified standard code stands for: [`instrument_code`] read backwards.
pub fn instrument_of(system: &str, code: &str) -> Option<&'static str> {
    ["phq9", "gad7", "who5"]
        .into_iter()
        .find(|id| instrument_code(id).is_some_and(|(s, c, _)| s == system && c == code))
}
