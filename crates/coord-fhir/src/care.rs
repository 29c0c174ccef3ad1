//! CareTeam, Goal and CarePlan from the team and the shared plan.

use crate::ids::{full_url, reference, uuid};
use crate::parties::{actor_ref, patient_ref};
use crate::vocab::{self, wire, ROLE_SYSTEM};
use crate::FhirWarning;
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::party::Role;
use coord_core::plan::{AchievementStatus, Goal};
use coord_core::time::DatePeriod;
use serde_json::{json, Value};

/// A FHIR `Period` of whole days.
pub fn period(p: &DatePeriod) -> Value {
    let mut v = json!({ "start": p.from.to_string() });
    if let Some(to) = p.to {
        v["end"] = json!(to.to_string());
    }
    v
}

/// The CareTeam: the course's status, each membership with its role and period; the
/// coordinating caseworker is the member whose role is coded `coordinating_caseworker`.
pub fn care_team(case: &CaseFile) -> Option<(String, Value)> {
    let team = case.team.as_ref()?;
    let participants: Vec<Value> = team
        .members
        .iter()
        .map(|m| {
            let mut role = json!({
                "coding": [{ "system": ROLE_SYSTEM, "code": wire(&m.role) }],
                "text": wire(&m.role),
            });
            if m.role == Role::COORDINATING_CASEWORKER {
                role["text"] = json!("coordinating caseworker (holds the thread)");
            }
            json!({
                "role": [role],
                "member": actor_ref(case, &m.actor),
                "period": period(&m.period),
            })
        })
        .collect();
    let id = case.id.as_str();
    let mut r = json!({
        "resourceType": "CareTeam",
        "id": uuid("CareTeam", id),
        "status": vocab::care_team_status(team.course.status),
        "subject": patient_ref(case),
        "period": period(&team.course.period),
    });
    if !participants.is_empty() {
        r["participant"] = Value::Array(participants);
    }
    Some((full_url("CareTeam", id), r))
}

fn goal(
    case: &CaseFile,
    g: &Goal,
    achievement: Option<AchievementStatus>,
    higher_is_better: &dyn Fn(&str) -> Option<bool>,
) -> (String, Value) {
    let id = g.id.as_str();
    let mut r = json!({
        "resourceType": "Goal",
        "id": uuid("Goal", id),
        "identifier": [crate::parties::coord_identifier(vocab::ID_SYSTEM, id)],
        "lifecycleStatus": vocab::goal_lifecycle(g.status),
        "description": { "text": g.text },
        "subject": patient_ref(case),
        "startDate": g.start.to_string(),
        "category": [{ "coding": [{ "system": vocab::GOAL_DOMAIN_SYSTEM, "code": wire(&g.domain) }] }],
        "expressedBy": match g.expressed_by {
            coord_core::plan::ExpressedBy::Citizen => patient_ref(case),
            coord_core::plan::ExpressedBy::Professional => g
                .responsible
                .first()
                .map_or_else(|| patient_ref(case), |a| actor_ref(case, a)),
        },
    });
    if let Some(a) = achievement {
        r["achievementStatus"] = json!({
            "coding": [{ "system": vocab::GOAL_ACHIEVEMENT, "code": vocab::achievement(a) }]
        });
    }
    let targets: Vec<Value> = g
        .targets
        .iter()
        .map(|t| {
            let measure = match vocab::instrument_code(t.indicator.as_str()) {
                Some((system, code, display)) => {
                    json!({ "coding": [{ "system": system, "code": code, "display": display }] })
                }
                None => json!({ "coding": [{ "system": vocab::INSTRUMENT_SYSTEM, "code": t.indicator.as_str() }] }),
            };
            let bound = json!({ "value": t.threshold });
            let range = match higher_is_better(t.indicator.as_str()) {
                Some(false) => json!({ "high": bound }),
                _ => json!({ "low": bound }),
            };
            json!({ "measure": measure, "detailRange": range, "dueDate": t.due.to_string() })
        })
        .collect();
    if !targets.is_empty() {
        r["target"] = Value::Array(targets);
    }
    (full_url("Goal", id), r)
}

/// The goals and the CarePlan with its activities (their status is each period's phase on
/// `as_of`).
pub fn plan(
    case: &CaseFile,
    as_of: NaiveDate,
    achievements: &dyn Fn(&str) -> Option<AchievementStatus>,
    higher_is_better: &dyn Fn(&str) -> Option<bool>,
    warnings: &mut Vec<FhirWarning>,
) -> Vec<(String, Value)> {
    let Some(p) = &case.plan else {
        return Vec::new();
    };
    let mut out: Vec<(String, Value)> = p
        .goals
        .iter()
        .map(|g| goal(case, g, achievements(g.id.as_str()), higher_is_better))
        .collect();
    for (i, g) in p.goals.iter().enumerate() {
        let professional = g.expressed_by == coord_core::plan::ExpressedBy::Professional;
        if !g.milestones.is_empty()
            || !g.signed_by.is_empty()
            || g.agreed_at.is_some()
            || !g.sectors.is_empty()
            || g.responsible.len() > usize::from(professional)
        {
            warnings.push(FhirWarning::new(
                "fhir.not_mapped",
                format!("/plan/goals/{i}"),
                "målets delmål, aftaledato, underskrivende og ansvarlige sektorer og ansvarlige aktører har intet felt i FHIR Goal: står kun i sagsfilens post",
                "the goal's milestones, agreement date, signing and responsible sectors and responsible actors have no field in FHIR Goal: kept in the case file entry only",
            ));
        }
    }
    let activities: Vec<Value> = p
        .activities
        .iter()
        .map(|a| {
            let goals: Vec<Value> = a
                .goals
                .iter()
                .map(|g| reference("Goal", g.as_str()))
                .collect();
            let mut detail = json!({
                "status": vocab::activity_status(a.period.phase_on(as_of)),
                "description": a.what,
                "performer": [actor_ref(case, &a.provider)],
                "scheduledPeriod": period(&a.period),
            });
            if !goals.is_empty() {
                detail["goal"] = Value::Array(goals);
            }
            json!({
                "extension": [{ "url": vocab::EXT_ACTIVITY, "extension": [
                    { "url": "id", "valueString": a.id.as_str() },
                    { "url": "sector", "valueCode": wire(&a.sector) },
                    { "url": "hours-per-week", "valueDecimal": a.hours_per_week },
                    { "url": "participation", "valueCode": wire(&a.participation) },
                ] }],
                "detail": detail,
            })
        })
        .collect();
    if !p.activities.is_empty() {
        warnings.push(FhirWarning::new(
            "fhir.not_mapped",
            "/plan/activities",
            "sektoren, timer om ugen og frivillig eller pligt (deltagelse) har intet felt i FHIR CarePlan.activity: de står i coords udvidelse og i sagsfilens post",
            "the sector, hours a week and voluntary or duty (participation) have no field in FHIR CarePlan.activity: carried in coord's extension and the case file entry",
        ));
    }
    if p.weekly_capacity_hours.is_some()
        || !p.evaluations.is_empty()
        || !p.evaluation_dates.is_empty()
    {
        warnings.push(FhirWarning::new(
            "fhir.not_mapped",
            "/plan",
            "den ugentlige kapacitet og opfølgningerne har intet felt i FHIR CarePlan: står kun i sagsfilens post",
            "the weekly capacity and the evaluations have no field in FHIR CarePlan: kept in the case file entry only",
        ));
    }
    let id = case.id.as_str();
    let mut cp = json!({
        "resourceType": "CarePlan",
        "id": uuid("CarePlan", id),
        "status": vocab::care_plan_status(case.team.as_ref().map(|t| t.course.status)),
        "intent": "plan",
        "subject": patient_ref(case),
    });
    if !case.title.is_empty() {
        cp["title"] = json!(case.title);
    }
    if case.team.is_some() {
        cp["careTeam"] = json!([reference("CareTeam", id)]);
    }
    if !p.goals.is_empty() {
        cp["goal"] = Value::Array(
            p.goals
                .iter()
                .map(|g| reference("Goal", g.id.as_str()))
                .collect(),
        );
    }
    if !activities.is_empty() {
        cp["activity"] = Value::Array(activities);
    }
    out.push((full_url("CarePlan", id), cp));
    out
}
