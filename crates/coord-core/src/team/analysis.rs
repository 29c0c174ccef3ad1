//! What the core answers about the team: who holds the thread on a date, whom to contact about a
//! goal, a referral or a category, which required roles nobody fills, and findings when there is
//! not exactly one coordinating person.

use super::model::{CareTeam, Contact, Course, Responsibilities, Subject, TeamMember};
use crate::case_file::CaseFile;
use crate::category::Language;
use crate::ids::ActorId;
use crate::party::{Role, Sector};
use crate::time::DatePeriod;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The labels of the built-in role vocabulary (`code`, Danish, English), for the answers that are
/// rendered without the reference data (team findings, rule explanations). They are the labels of
/// coord-json's `vocabularies.json`; a unit test keeps the two equal.
pub const BUILTIN_ROLE_LABELS: [(&str, &str, &str); 15] = [
    (
        "coordinating_caseworker",
        "koordinerende sagsbehandler",
        "coordinating caseworker",
    ),
    ("caseworker", "sagsbehandler", "caseworker"),
    (
        "health_coordinator",
        "sundhedskoordinator",
        "health coordinator",
    ),
    ("bridge_builder", "brobygger", "bridge-builder"),
    ("physiotherapist", "fysioterapeut", "physiotherapist"),
    (
        "occupational_therapist",
        "ergoterapeut",
        "occupational therapist",
    ),
    ("nurse", "sygeplejerske", "nurse"),
    ("psychologist", "psykolog", "psychologist"),
    ("physician", "læge", "physician"),
    (
        "employer_contact",
        "kontaktperson hos arbejdsgiver",
        "employer contact",
    ),
    ("mentor", "mentor", "mentor"),
    ("volunteer", "frivillig", "volunteer"),
    ("social_worker", "socialrådgiver", "social worker"),
    (
        "rehabilitation_team_member",
        "medlem af rehabiliteringsteamet",
        "rehabilitation team member",
    ),
    ("citizen", "borger", "citizen"),
];

/// A role's name for people: the built-in vocabulary's label; a role a municipality declared
/// itself is named by its code (with spaces for `_`), as these answers do not carry the reference
/// data.
pub fn role_label(role: &Role, lang: Language) -> String {
    match BUILTIN_ROLE_LABELS
        .iter()
        .find(|(code, _, _)| *code == role.word())
    {
        Some((_, da, en)) => crate::text::pick(lang, da, en).to_owned(),
        None => role.word().replace('_', " "),
    }
}

/// A team member as shown to people: the membership with the actor's name, sector and organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberView {
    /// The actor.
    pub actor: ActorId,
    /// The actor's name.
    pub name: String,
    /// The role in the team.
    pub role: Role,
    /// The actor's sector.
    pub sector: Option<Sector>,
    /// The organisation unit the actor belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<ActorId>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_name: Option<String>,
    /// How to reach them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// The membership period.
    pub period: DatePeriod,
    /// What they answer for.
    pub responsibilities: Responsibilities,
    /// Whether the membership is current on the evaluation date.
    pub current: bool,
}

fn view(case: &CaseFile, m: &TeamMember, day: NaiveDate) -> MemberView {
    let actor = case.actor(&m.actor);
    let organisation = actor.and_then(|a| a.organisation.clone());
    let organisation_name = organisation
        .as_ref()
        .and_then(|o| case.actor(o))
        .map(|o| o.name.clone());
    MemberView {
        actor: m.actor.clone(),
        name: actor.map_or_else(|| m.actor.to_string(), |a| a.name.clone()),
        role: m.role.clone(),
        sector: actor.map(|a| a.sector),
        organisation,
        organisation_name,
        contact: m.contact.clone(),
        period: m.period,
        responsibilities: m.responsibilities.clone(),
        current: m.period.contains(day),
    }
}

/// Who holds the thread on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ThreadHolder {
    /// Exactly one coordinating person: the answer the citizen needs.
    One {
        /// That person.
        member: Box<MemberView>,
    },
    /// Nobody holds the thread.
    Nobody,
    /// Several people are coordinating at once: nobody really holds it.
    Several {
        /// Them.
        members: Vec<MemberView>,
    },
    /// The course is not running on that date (proposed, not started, or ended).
    NoCourse,
}

impl ThreadHolder {
    /// The one coordinating actor, if there is exactly one.
    pub fn actor(&self) -> Option<&ActorId> {
        match self {
            ThreadHolder::One { member } => Some(&member.actor),
            _ => None,
        }
    }
}

fn coordinators(team: &CareTeam) -> impl Iterator<Item = &TeamMember> {
    team.members
        .iter()
        .filter(|m| m.role == Role::COORDINATING_CASEWORKER && !m.period.is_inverted())
}

/// Who holds the thread on `day`. Without a team or outside the course: [`ThreadHolder::NoCourse`].
pub fn thread_holder(case: &CaseFile, day: NaiveDate) -> ThreadHolder {
    let Some(team) = &case.team else {
        return ThreadHolder::NoCourse;
    };
    let on: Vec<MemberView> = coordinators(team)
        .filter(|m| m.period.contains(day))
        .map(|m| view(case, m, day))
        .collect();
    let running = team.course.needs_coordinator_on(day);
    match (running, on.len()) {
        (false, 0) => ThreadHolder::NoCourse,
        (_, 0) => ThreadHolder::Nobody,
        (_, 1) => on
            .into_iter()
            .next()
            .map_or(ThreadHolder::Nobody, |member| ThreadHolder::One {
                member: Box::new(member),
            }),
        _ => ThreadHolder::Several { members: on },
    }
}

/// Whom to contact about a subject on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactAnswer {
    /// The subject asked about.
    pub subject: Subject,
    /// The members to contact, in team order.
    pub contacts: Vec<MemberView>,
    /// True when nobody answers for the subject and the coordinating person is given instead.
    pub via_coordinator: bool,
}

/// Whom to contact about `subject` on `day`: the current members who answer for it, or else the
/// coordinating person.
pub fn contacts_for(case: &CaseFile, subject: &Subject, day: NaiveDate) -> ContactAnswer {
    let responsible: Vec<MemberView> = case
        .team
        .iter()
        .flat_map(|t| &t.members)
        .filter(|m| m.period.contains(day) && m.responsibilities.covers(subject))
        .map(|m| view(case, m, day))
        .collect();
    if !responsible.is_empty() {
        return ContactAnswer {
            subject: subject.clone(),
            contacts: responsible,
            via_coordinator: false,
        };
    }
    let contacts = match thread_holder(case, day) {
        ThreadHolder::One { member } => vec![*member],
        ThreadHolder::Several { members } => members,
        ThreadHolder::Nobody | ThreadHolder::NoCourse => Vec::new(),
    };
    ContactAnswer {
        subject: subject.clone(),
        contacts,
        via_coordinator: true,
    }
}

/// The roles in `required` that no current member fills on `day`, in the order given.
pub fn unfilled_roles(case: &CaseFile, required: &[Role], day: NaiveDate) -> Vec<Role> {
    let mut missing: Vec<Role> = Vec::new();
    for role in required {
        let filled = case
            .team
            .iter()
            .flat_map(|t| &t.members)
            .any(|m| &m.role == role && m.period.contains(day));
        if !filled && !missing.contains(role) {
            missing.push(role.clone());
        }
    }
    missing
}

/// A handover of the thread from one coordinating person to the next, with no gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Handover {
    /// The first day the new person holds the thread.
    pub on: NaiveDate,
    /// Who hands over.
    pub from: ActorId,
    /// Who takes over.
    pub to: ActorId,
}

/// Something about the team that needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TeamFinding {
    /// The case file has no team: nobody is recorded as holding the thread.
    NoTeam,
    /// Nobody is the coordinating person during a span of the course.
    NoCoordinator {
        /// The span (open-ended when the course is).
        period: DatePeriod,
    },
    /// Several coordinating persons at once during a span.
    SeveralCoordinators {
        /// Who.
        actors: Vec<ActorId>,
        /// The span.
        period: DatePeriod,
    },
    /// A role the rules require that nobody fills on the evaluation date.
    UnfilledRole {
        /// The role.
        role: Role,
    },
}

impl TeamFinding {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        match self {
            TeamFinding::NoTeam => "team.no_team",
            TeamFinding::NoCoordinator { .. } => "team.no_coordinator",
            TeamFinding::SeveralCoordinators { .. } => "team.several_coordinators",
            TeamFinding::UnfilledRole { .. } => "team.unfilled_role",
        }
    }

    /// The finding as a sentence for a caseworker.
    pub fn describe(&self, lang: Language) -> String {
        let span = |p: &DatePeriod| match (lang, p.to) {
            (Language::En, Some(to)) => format!("from {} to {to}", p.from),
            (Language::En, None) => format!("from {} on", p.from),
            (Language::Da, Some(to)) => format!("fra {} til {to}", p.from),
            (Language::Da, None) => format!("fra {} og frem", p.from),
        };
        match (lang, self) {
            (Language::En, TeamFinding::NoTeam) => {
                "no care team is recorded: nobody holds the thread".into()
            }
            (Language::Da, TeamFinding::NoTeam) => {
                "der er ikke registreret et team: ingen holder tråden".into()
            }
            (Language::En, TeamFinding::NoCoordinator { period }) => {
                format!("nobody is the coordinating caseworker {}", span(period))
            }
            (Language::Da, TeamFinding::NoCoordinator { period }) => {
                format!("ingen er koordinerende sagsbehandler {}", span(period))
            }
            (Language::En, TeamFinding::SeveralCoordinators { actors, period }) => format!(
                "{} are all coordinating caseworkers {}: exactly one must hold the thread",
                join(actors),
                span(period)
            ),
            (Language::Da, TeamFinding::SeveralCoordinators { actors, period }) => format!(
                "{} er alle koordinerende sagsbehandlere {}: præcis én skal holde tråden",
                join(actors),
                span(period)
            ),
            (Language::En, TeamFinding::UnfilledRole { role }) => {
                format!("nobody fills the required role {}", role_label(role, lang))
            }
            (Language::Da, TeamFinding::UnfilledRole { role }) => {
                format!(
                    "ingen udfylder den krævede rolle {}",
                    role_label(role, lang)
                )
            }
        }
    }
}

fn join(actors: &[ActorId]) -> String {
    actors
        .iter()
        .map(ActorId::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Coordinator coverage over the whole course: every span with none or several coordinating
/// persons, and every handover. On every day of a running course, exactly one of these holds:
/// [`thread_holder`] gives one person, or a finding's period contains the day.
pub fn coordinator_coverage(team: &CareTeam) -> (Vec<TeamFinding>, Vec<Handover>) {
    let course: Course = team.course;
    let mut findings = Vec::new();
    if course.status == super::model::CourseStatus::Proposed || course.period.is_inverted() {
        return (findings, Vec::new());
    }
    let mut coords: Vec<&TeamMember> = coordinators(team)
        .filter(|m| m.period.overlaps(&course.period))
        .collect();
    coords.sort_by(|a, b| (a.period.from, &a.actor).cmp(&(b.period.from, &b.actor)));
    // Boundaries where the set of coordinators can change, inside the course.
    let mut cuts: Vec<NaiveDate> = vec![course.period.from];
    for m in &coords {
        cuts.push(m.period.from.max(course.period.from));
        if let Some(next) = m.period.to.and_then(|t| t.succ_opt()) {
            cuts.push(next);
        }
    }
    if let Some(end_next) = course.period.to.and_then(|t| t.succ_opt()) {
        cuts.retain(|c| *c < end_next);
    }
    cuts.retain(|c| *c >= course.period.from);
    cuts.sort();
    cuts.dedup();
    // Each span runs from a cut to the day before the next cut (or the course's end).
    let mut spans: Vec<(DatePeriod, Vec<ActorId>)> = Vec::new();
    for (i, start) in cuts.iter().enumerate() {
        let end = match cuts.get(i + 1) {
            Some(next) => next.pred_opt(),
            None => course.period.to,
        };
        let on: Vec<ActorId> = coords
            .iter()
            .filter(|m| m.period.contains(*start))
            .map(|m| m.actor.clone())
            .collect();
        match spans.last_mut() {
            Some((p, prev)) if *prev == on => {
                p.to = end;
            }
            _ => spans.push((DatePeriod::new(*start, end), on)),
        }
    }
    for (period, on) in &spans {
        match on.len() {
            0 => findings.push(TeamFinding::NoCoordinator { period: *period }),
            1 => {}
            _ => findings.push(TeamFinding::SeveralCoordinators {
                actors: on.clone(),
                period: *period,
            }),
        }
    }
    let mut handovers = Vec::new();
    for pair in spans.windows(2) {
        if let [(_, a), (p, b)] = pair {
            if let ([from], [to]) = (a.as_slice(), b.as_slice()) {
                if from != to {
                    handovers.push(Handover {
                        on: p.from,
                        from: from.clone(),
                        to: to.clone(),
                    });
                }
            }
        }
    }
    (findings, handovers)
}

/// The team as of a date: who holds the thread, the members, handovers, unfilled roles, findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamReport {
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// The course, if a team is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course: Option<Course>,
    /// Who holds the thread on `as_of`.
    pub thread: ThreadHolder,
    /// Every membership, current ones first, then by period start.
    pub members: Vec<MemberView>,
    /// Handovers of the thread over the course.
    pub handovers: Vec<Handover>,
    /// Required roles nobody fills on `as_of`.
    pub unfilled_roles: Vec<Role>,
    /// Findings: coordinator gaps and overlaps over the course, unfilled roles.
    pub findings: Vec<TeamFinding>,
}

/// The team report of `case` as of `as_of`; `required_roles` is what the rules require (the rules
/// engine supplies it; pass `&[]` when there is none).
pub fn team_report(case: &CaseFile, required_roles: &[Role], as_of: NaiveDate) -> TeamReport {
    let Some(team) = &case.team else {
        let unfilled = unfilled_roles(case, required_roles, as_of);
        let mut findings = vec![TeamFinding::NoTeam];
        findings.extend(
            unfilled
                .iter()
                .map(|role| TeamFinding::UnfilledRole { role: role.clone() }),
        );
        return TeamReport {
            as_of,
            course: None,
            thread: ThreadHolder::NoCourse,
            members: Vec::new(),
            handovers: Vec::new(),
            unfilled_roles: unfilled,
            findings,
        };
    };
    let (mut findings, handovers) = coordinator_coverage(team);
    let unfilled = unfilled_roles(case, required_roles, as_of);
    findings.extend(
        unfilled
            .iter()
            .map(|role| TeamFinding::UnfilledRole { role: role.clone() }),
    );
    let mut members: Vec<MemberView> = team.members.iter().map(|m| view(case, m, as_of)).collect();
    members.sort_by(|a, b| {
        (!a.current, a.period.from, &a.actor).cmp(&(!b.current, b.period.from, &b.actor))
    });
    TeamReport {
        as_of,
        course: Some(team.course),
        thread: thread_holder(case, as_of),
        members,
        handovers,
        unfilled_roles: unfilled,
        findings,
    }
}
