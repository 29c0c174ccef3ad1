//! The citizen's own view of the plan (GDPR art. 15: the right of access): the goals in their own
//! words, what happens next and when, whom to call, what is voluntary and what is a duty, and who
//! looked at what about them, when, and on which grounds — read from the audit log the host keeps.
//! Everything the view says is chosen here; renderers only lay it out.

use super::CoordinationReport;
use crate::case_file::CaseFile;
use crate::category::InformationCategory;
use crate::consent::AuditEntry;
use crate::plan::{AchievementStatus, Participation};
use crate::team::Contact;
use crate::text::Text;
use crate::time::Instant;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A goal as the citizen said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CitizenGoal {
    /// The goal in the citizen's words.
    pub text: String,
    /// How it is going, if it can be said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievement: Option<AchievementStatus>,
}

/// Something that happens next, on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NextStep {
    /// The day.
    pub on: NaiveDate,
    /// What happens, in both languages.
    pub what: Text,
}

/// Someone the citizen can call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CitizenContact {
    /// The person's name.
    pub name: String,
    /// Their role, in both languages.
    pub role: Text,
    /// Where they work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// How to reach them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// Whether this is the person who holds the thread (call them first).
    pub holds_thread: bool,
}

/// An activity of the plan, and whether attending is voluntary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CitizenActivity {
    /// What it is.
    pub what: String,
    /// Who provides it.
    pub provider: String,
    /// From.
    pub from: NaiveDate,
    /// To, if it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// Voluntary or a duty to attend.
    pub participation: Participation,
}

/// One time someone asked for information about the citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessSeen {
    /// When.
    pub at: Instant,
    /// Who asked (name).
    pub who: String,
    /// Whose information it was (name).
    pub from: String,
    /// The information asked for, and whether it was shared.
    pub categories: Vec<(InformationCategory, bool)>,
    /// On which grounds (the consent or rule), or why not, as recorded (Danish absent in old
    /// entries: then the English is given for both).
    pub basis: Vec<Text>,
}

/// The citizen's view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CitizenView {
    /// The citizen's name.
    pub citizen: String,
    /// The day the view is made as of.
    pub as_of: NaiveDate,
    /// The goals.
    pub goals: Vec<CitizenGoal>,
    /// What happens next, soonest first.
    pub next: Vec<NextStep>,
    /// Whom to call; the person holding the thread first.
    pub contacts: Vec<CitizenContact>,
    /// The activities running now or later.
    pub activities: Vec<CitizenActivity>,
    /// Who asked for what about the citizen, newest first (only this citizen's entries).
    pub access: Vec<AccessSeen>,
}

/// The citizen's view of `report` (made from `case`), with the audit entries about them.
pub fn citizen_view(
    report: &CoordinationReport,
    case: &CaseFile,
    audit: &[AuditEntry],
) -> CitizenView {
    let as_of = report.as_of;
    let name = |id: &crate::ids::ActorId| {
        case.actor(id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    };
    let goals = report
        .progress
        .goals
        .iter()
        .map(|g| CitizenGoal {
            text: g.text.clone(),
            achievement: g.achievement,
        })
        .collect();
    let mut next: Vec<NextStep> = Vec::new();
    if let Some(plan) = &case.plan {
        for d in plan.evaluation_dates.iter().filter(|d| **d > as_of) {
            next.push(NextStep {
                on: *d,
                what: Text::new(
                    "Opfølgning på planen sammen med dig",
                    "Follow-up of the plan together with you",
                ),
            });
        }
        for a in plan.activities.iter().filter(|a| a.period.from > as_of) {
            next.push(NextStep {
                on: a.period.from,
                what: Text::new(format!("Start: {}", a.what), format!("Starts: {}", a.what)),
            });
        }
    }
    for d in report
        .deadlines
        .iter()
        .filter(|d| d.status == crate::rules::evaluate::DeadlineStatus::Open && d.due >= as_of)
    {
        next.push(NextStep {
            on: d.due,
            what: Text::new(d.title_da.to_string(), d.title_en.to_string()),
        });
    }
    next.sort_by(|a, b| a.on.cmp(&b.on).then_with(|| a.what.da.cmp(&b.what.da)));
    let holder = report.team.thread.actor().cloned();
    let mut contacts: Vec<CitizenContact> = report
        .current_members()
        .map(|m| CitizenContact {
            name: m.name.clone(),
            role: Text::new(
                crate::team::role_label(&m.role, crate::category::Language::Da),
                crate::team::role_label(&m.role, crate::category::Language::En),
            ),
            organisation: m.organisation_name.clone(),
            contact: m.contact.clone(),
            holds_thread: holder.as_ref() == Some(&m.actor),
        })
        .collect();
    contacts.sort_by_key(|c| !c.holds_thread);
    let activities = case
        .plan
        .as_ref()
        .map(|p| {
            p.activities
                .iter()
                .filter(|a| a.period.to.is_none_or(|to| to >= as_of))
                .map(|a| CitizenActivity {
                    what: a.what.clone(),
                    provider: name(&a.provider),
                    from: a.period.from,
                    to: a.period.to,
                    participation: a.participation,
                })
                .collect()
        })
        .unwrap_or_default();
    let mut access: Vec<AccessSeen> = crate::consent::audit::concerning(audit, case, as_of)
        .into_iter()
        .map(|e| AccessSeen {
            at: e.at,
            who: name(&e.requester),
            from: name(&e.holder),
            categories: e
                .decisions
                .iter()
                .map(|d| (d.category, d.permitted))
                .collect(),
            basis: {
                let mut b: Vec<Text> = e
                    .decisions
                    .iter()
                    .map(|d| {
                        let da = if d.basis_da.is_empty() {
                            &d.basis
                        } else {
                            &d.basis_da
                        };
                        Text::new(da.clone(), d.basis.clone())
                    })
                    .collect();
                b.dedup();
                b
            },
        })
        .collect();
    access.sort_by_key(|b| std::cmp::Reverse(b.at));
    CitizenView {
        citizen: report.citizen.clone(),
        as_of,
        goals,
        next,
        contacts,
        activities,
        access,
    }
}
