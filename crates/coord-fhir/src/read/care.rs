//! The team from the CareTeam, the plan from the Goals and the CarePlan.

use super::{at, code_in, day, identifier_in, required, unreadable, Reader};
use crate::import::ImportError;
use crate::vocab::{self, EXT_ACTIVITY, GOAL_DOMAIN_SYSTEM, ID_SYSTEM, ROLE_SYSTEM};
use crate::FhirWarning;
use serde_json::{json, Value};

/// A FHIR `Period` as a case-file period of days; `start` is needed.
pub fn period(p: &Value, at: &str, expected: &'static str) -> Result<Value, ImportError> {
    let from = day(&p["start"]).ok_or_else(|| unreadable(format!("{at}/start"), expected))?;
    let mut out = json!({ "from": from });
    if let Some(to) = day(&p["end"]) {
        out["to"] = json!(to);
    }
    Ok(out)
}

/// At most one resource of `kind`; a second is an error at its place.
fn at_most_one<'a>(
    reader: &mut Reader<'a>,
    kind: &str,
    expected: &'static str,
) -> Result<Option<(usize, &'a Value)>, ImportError> {
    let found = reader.of_kind(kind);
    match found.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        [_, (second, _), ..] => Err(unreadable(at(*second), expected)),
    }
}

/// The care team from the one CareTeam (none without one).
pub fn team(reader: &mut Reader<'_>) -> Result<Option<Value>, ImportError> {
    let Some((i, ct)) = at_most_one(reader, "CareTeam", "one CareTeam only (the course's team)")?
    else {
        return Ok(None);
    };
    let here = at(i);
    let status = match ct["status"].as_str() {
        Some("proposed") => "proposed",
        Some("active") => "active",
        Some("suspended") => "suspended",
        Some("inactive") => "closed",
        _ => {
            return Err(unreadable(
                format!("{here}/status"),
                "a CareTeam.status coord reads: proposed, active, suspended or inactive",
            ))
        }
    };
    let course_period = period(
        &ct["period"],
        &format!("{here}/period"),
        "the course's first day (CareTeam.period.start)",
    )?;
    let mut members = Vec::new();
    let participants = ct["participant"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    for (k, p) in participants.iter().enumerate() {
        let pat = format!("{here}/participant/{k}");
        let actor = reader.actor(&p["member"], &format!("{pat}/member"))?;
        let role = p["role"]
            .as_array()
            .and_then(|r| r.iter().find_map(|c| code_in(c, ROLE_SYSTEM)))
            .ok_or_else(|| {
                unreadable(
                    format!("{pat}/role"),
                    "the member's role coded in urn:coord:codesystem:role",
                )
            })?;
        let period = period(
            &p["period"],
            &format!("{pat}/period"),
            "the membership's first day (participant.period.start)",
        )?;
        reader.place(format!("/team/members/{k}"), pat);
        members.push(json!({ "actor": actor, "role": role, "period": period }));
    }
    if !members.is_empty() {
        reader.warnings.push(FhirWarning::new(
            "fhir.not_in_resources",
            here.clone(),
            "medlemmernes kontaktoplysninger og ansvar står ikke i CareTeam: teamet har ingen",
            "the members' contact details and responsibilities are not in the CareTeam: the team has none",
        ));
    }
    reader.place("/team/course/period/from", format!("{here}/period/start"));
    reader.place("/team", here);
    Ok(Some(json!({
        "course": { "period": course_period, "status": status },
        "members": members,
    })))
}

/// A Goal's coord id: its identifier in `urn:coord:id`, else its `id`.
fn goal_id(resource: &Value, at: &str) -> Result<String, ImportError> {
    identifier_in(resource, ID_SYSTEM)
        .or_else(|| resource["id"].as_str())
        .map(str::to_owned)
        .ok_or_else(|| {
            unreadable(
                format!("{at}/id"),
                "the goal's id: an identifier in urn:coord:id, or the resource id",
            )
        })
}

/// The instrument a `CodeableConcept` names: a verified standard code, or coord's own.
pub fn instrument(concept: &Value, at: &str) -> Result<String, ImportError> {
    let codings = concept["coding"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    codings
        .iter()
        .find_map(|c| {
            let (system, code) = (c["system"].as_str()?, c["code"].as_str()?);
            if system == vocab::INSTRUMENT_SYSTEM {
                return Some(code.to_owned());
            }
            vocab::instrument_of(system, code).map(str::to_owned)
        })
        .ok_or_else(|| {
            unreadable(
                format!("{at}/coding"),
                "an instrument code coord reads: LOINC 44261-6 (PHQ-9) or 70274-6 (GAD-7), SNOMED CT 1144665009 (WHO-5), or a code in urn:coord:codesystem:instrument",
            )
        })
}

fn goal(reader: &mut Reader<'_>, i: usize, g: &Value) -> Result<Value, ImportError> {
    let here = at(i);
    let id = goal_id(g, &here)?;
    let text = g["description"]["text"].as_str().ok_or_else(|| {
        unreadable(
            format!("{here}/description/text"),
            "the goal in the citizen's words (Goal.description.text)",
        )
    })?;
    let domain = g["category"]
        .as_array()
        .and_then(|c| c.iter().find_map(|c| code_in(c, GOAL_DOMAIN_SYSTEM)))
        .ok_or_else(|| {
            unreadable(
                format!("{here}/category"),
                "the goal's domain coded in urn:coord:codesystem:goal-domain",
            )
        })?;
    let status =
        required(g, &here, "lifecycleStatus", "the goal's lifecycleStatus")?.replace('-', "_");
    let start = day(&g["startDate"]).ok_or_else(|| {
        unreadable(
            format!("{here}/startDate"),
            "the goal's first day (Goal.startDate)",
        )
    })?;
    let by_at = format!("{here}/expressedBy");
    let expressed = reader.resolve(&g["expressedBy"], &by_at).map_err(|_| {
        unreadable(
            by_at.clone(),
            "who expressed the goal (Goal.expressedBy: the Patient or a practitioner)",
        )
    })?;
    let mut out =
        json!({ "id": id, "text": text, "domain": domain, "start": start, "status": status });
    if reader.entry(expressed).kind == "Patient" {
        out["expressed_by"] = json!("citizen");
    } else {
        out["expressed_by"] = json!("professional");
        out["responsible"] = json!([reader.actor(&g["expressedBy"], &by_at)?]);
    }
    let mut targets = Vec::new();
    for (k, t) in g["target"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        let tat = format!("{here}/target/{k}");
        let indicator = instrument(&t["measure"], &format!("{tat}/measure"))?;
        let range = &t["detailRange"];
        let threshold = range["low"]["value"]
            .as_f64()
            .or_else(|| range["high"]["value"].as_f64())
            .ok_or_else(|| {
                unreadable(
                    format!("{tat}/detailRange"),
                    "the target's threshold (detailRange.low.value or detailRange.high.value)",
                )
            })?;
        let due = day(&t["dueDate"])
            .ok_or_else(|| unreadable(format!("{tat}/dueDate"), "the target's due date"))?;
        targets.push(json!({ "indicator": indicator, "threshold": threshold, "due": due }));
    }
    if !targets.is_empty() {
        out["targets"] = Value::Array(targets);
    }
    Ok(out)
}

/// One sub-extension's value of a complex extension, by its `url`.
pub fn part<'v>(ext: &'v Value, url: &str, value: &str) -> Option<&'v Value> {
    ext["extension"]
        .as_array()?
        .iter()
        .find(|e| e["url"] == url)
        .map(|e| &e[value])
}

/// The extension of `url` on an element.
pub fn extension<'v>(element: &'v Value, url: &str) -> Option<&'v Value> {
    element["extension"]
        .as_array()?
        .iter()
        .find(|e| e["url"] == url)
}

fn activity(
    reader: &mut Reader<'_>,
    a: &Value,
    here: &str,
    goals: &[(usize, String)],
) -> Result<Value, ImportError> {
    const EXPECTED: &str = "coord's activity extension (urn:coord:extension:activity with id, sector, hours-per-week and participation)";
    let ext = extension(a, EXT_ACTIVITY)
        .ok_or_else(|| unreadable(format!("{here}/extension"), EXPECTED))?;
    let (Some(id), Some(sector), Some(hours), Some(participation)) = (
        part(ext, "id", "valueString").and_then(Value::as_str),
        part(ext, "sector", "valueCode").and_then(Value::as_str),
        part(ext, "hours-per-week", "valueDecimal").and_then(Value::as_f64),
        part(ext, "participation", "valueCode").and_then(Value::as_str),
    ) else {
        return Err(unreadable(format!("{here}/extension"), EXPECTED));
    };
    let d = &a["detail"];
    let dat = format!("{here}/detail");
    let what = required(
        d,
        &dat,
        "description",
        "what the activity is (detail.description)",
    )?;
    let performer = d["performer"]
        .as_array()
        .and_then(|p| p.first())
        .ok_or_else(|| {
            unreadable(
                format!("{dat}/performer"),
                "the activity's provider (detail.performer)",
            )
        })?;
    let provider = reader.actor(performer, &format!("{dat}/performer/0"))?;
    let period = period(
        &d["scheduledPeriod"],
        &format!("{dat}/scheduledPeriod"),
        "the activity's first day (detail.scheduledPeriod.start)",
    )?;
    let mut for_goals = Vec::new();
    for (k, g) in d["goal"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        let gat = format!("{dat}/goal/{k}");
        let target = reader.resolve(g, &gat)?;
        let id = goals
            .iter()
            .find(|(i, _)| *i == target)
            .map(|(_, id)| id.clone())
            .ok_or_else(|| {
                unreadable(
                    format!("{gat}/reference"),
                    "a reference to a Goal of this bundle",
                )
            })?;
        for_goals.push(json!(id));
    }
    Ok(json!({
        "id": id, "what": what, "sector": sector, "provider": provider, "goals": for_goals,
        "period": period, "hours_per_week": hours, "participation": participation,
    }))
}

/// The case title and the plan: the Goals (every one in the bundle, in its order) and the one
/// CarePlan's activities. No plan without a CarePlan or a Goal.
pub fn plan(reader: &mut Reader<'_>) -> Result<(String, Option<Value>), ImportError> {
    let care_plan = at_most_one(reader, "CarePlan", "one CarePlan only (the shared plan)")?;
    let found = reader.of_kind("Goal");
    if care_plan.is_none() && found.is_empty() {
        return Ok((String::new(), None));
    }
    let mut goals = Vec::new();
    let mut ids = Vec::new();
    for (k, (i, g)) in found.iter().enumerate() {
        let goal = goal(reader, *i, g)?;
        ids.push((*i, goal["id"].as_str().unwrap_or_default().to_owned()));
        reader.place(format!("/plan/goals/{k}"), at(*i));
        goals.push(goal);
    }
    let mut title = String::new();
    let mut activities = Vec::new();
    let mut place = found.first().map(|(i, _)| at(*i)).unwrap_or_default();
    if let Some((i, cp)) = care_plan {
        place = at(i);
        title = cp["title"].as_str().unwrap_or_default().to_owned();
        let list = cp["activity"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        for (k, a) in list.iter().enumerate() {
            let here = format!("{}/activity/{k}", at(i));
            activities.push(activity(reader, a, &here, &ids)?);
            reader.place(format!("/plan/activities/{k}"), here);
        }
        reader.place("/plan", at(i));
    }
    reader.warnings.push(FhirWarning::new(
        "fhir.not_in_resources",
        place,
        "målenes delmål, aftaledato, underskrivende og ansvarlige sektorer, planens ugentlige kapacitet og opfølgningerne står ikke i Goal og CarePlan: planen har ingen",
        "the goals' milestones, agreement date, signing and responsible sectors, the plan's weekly capacity and the evaluations are not in Goal and CarePlan: the plan has none",
    ));
    Ok((
        title,
        Some(json!({ "goals": goals, "activities": activities })),
    ))
}
