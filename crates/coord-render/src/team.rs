//! Text rendering of the team, referrals, attendance and working days (offers: [`crate::offers`]). Rendering only:
//! every fact and sentence comes from the core.

use crate::doc::Doc;
use coord_core::attendance::AttendanceAnswer;
use coord_core::calendar::WorkingDaysAnswer;
use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_core::referral::{ReferralOverview, ReferralStatus, TransitionResult};
use coord_core::team::{role_label, MemberView, TeamReport, ThreadHolder};
use coord_core::text::{count, date_long, date_short, pick, weekday, Unit};

fn name(case: &CaseFile, id: &coord_core::ids::ActorId) -> String {
    case.actor(id)
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

/// A goal by the citizen's words, for a goal id of the case's plan.
fn goal_text(case: &CaseFile, id: &coord_core::ids::GoalId) -> String {
    case.plan
        .as_ref()
        .and_then(|p| p.goals.iter().find(|g| &g.id == id))
        .map_or_else(|| id.to_string(), |g| format!("“{}”", g.text))
}

fn contact(m: &MemberView) -> String {
    m.contact
        .as_ref()
        .map(|c| {
            [c.phone.clone(), c.email.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

/// The members as a table: name, role, organisation, since (with `full`: the whole period),
/// contact — the current team on the day (the report), or with `full` everyone in the course
/// (`coord team`).
pub(crate) fn member_table<'a>(
    d: &mut Doc,
    members: impl Iterator<Item = &'a MemberView>,
    lang: Language,
    full: bool,
) {
    let rows: Vec<Vec<String>> = members
        .map(|m| {
            let since = if full {
                match m.period.to {
                    Some(to) => format!(
                        "{} – {}",
                        date_short(lang, m.period.from),
                        date_short(lang, to)
                    ),
                    None => format!("{} –", date_short(lang, m.period.from)),
                }
            } else {
                date_short(lang, m.period.from)
            };
            vec![
                m.name.clone(),
                role_label(&m.role, lang),
                m.organisation_name
                    .clone()
                    .or_else(|| m.sector.map(|s| s.label(lang).to_owned()))
                    .unwrap_or_default(),
                since,
                contact(m),
            ]
        })
        .collect();
    let (caption, period) = if full {
        (
            pick(
                lang,
                "Alle, der har været med i forløbet",
                "Everyone who has been part of the course",
            ),
            pick(lang, "Periode", "Period"),
        )
    } else {
        (
            pick(lang, "Teamet på dagen", "The team on the day"),
            pick(lang, "Siden", "Since"),
        )
    };
    d.table(
        caption,
        &[
            pick(lang, "Medlem", "Member"),
            pick(lang, "Rolle", "Role"),
            pick(lang, "Organisation", "Organisation"),
            period,
            pick(lang, "Kontakt", "Contact"),
        ],
        rows,
    );
}

/// What each member answers for (goals by the citizen's words, referrals by their receiver,
/// information categories), one line per member who answers for something.
fn responsibilities(d: &mut Doc, r: &TeamReport, case: &CaseFile, lang: Language) {
    let lines: Vec<String> =
        r.members
            .iter()
            .filter_map(|m| {
                let x = &m.responsibilities;
                let mut answers: Vec<String> = Vec::new();
                answers.extend(x.goals.iter().map(|g| {
                    format!("{} {}", pick(lang, "målet", "the goal"), goal_text(case, g))
                }));
                answers.extend(x.referrals.iter().map(|id| {
                    format!(
                        "{} {}",
                        pick(lang, "henvisningen til", "the referral to"),
                        referral_receiver(case, id)
                    )
                }));
                answers.extend(x.categories.iter().map(|c| c.label(lang).to_owned()));
                (!answers.is_empty()).then(|| format!("{}: {}", m.name, answers.join("; ")))
            })
            .collect();
    if !lines.is_empty() {
        d.h(
            2,
            pick(lang, "Hvem svarer for hvad", "Who answers for what"),
        );
        d.list(lines);
    }
}

/// The receiver of a referral, by name.
fn referral_receiver(case: &CaseFile, id: &coord_core::ids::ReferralId) -> String {
    case.referrals
        .iter()
        .find(|r| &r.id == id)
        .map_or_else(|| id.to_string(), |r| name(case, &r.to))
}

/// Who holds the thread, in one sentence.
pub(crate) fn thread_holder(thread: &ThreadHolder, lang: Language) -> String {
    match thread {
        ThreadHolder::One { member } => {
            let how = member
                .contact
                .as_ref()
                .and_then(|c| c.phone.clone().or_else(|| c.email.clone()));
            format!(
                "{}{}",
                member.name,
                how.map(|h| format!(" · {h}")).unwrap_or_default()
            )
        }
        ThreadHolder::Nobody => {
            pick(lang, "Ingen holder tråden.", "Nobody holds the thread.").to_owned()
        }
        ThreadHolder::Several { members } => format!(
            "{}: {}",
            pick(
                lang,
                "Flere koordinerer på samme tid",
                "Several people coordinate at once"
            ),
            members
                .iter()
                .map(|m| m.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ThreadHolder::NoCourse => pick(
            lang,
            "Intet forløb kører på denne dato.",
            "No course is running on this date.",
        )
        .to_owned(),
    }
}

/// The handovers, one line each.
pub(crate) fn handovers(d: &mut Doc, r: &TeamReport, case: &CaseFile, lang: Language) {
    d.list(
        r.handovers
            .iter()
            .map(|h| {
                format!(
                    "{} {}: {} → {}",
                    pick(lang, "Overdragelse", "Handover"),
                    date_long(lang, h.on),
                    name(case, &h.from),
                    name(case, &h.to)
                )
            })
            .collect(),
    );
}

/// The referrals as a table: to whom (the offer's name where there is one), state, respond by,
/// and a note (overdue, waiting on whom, the outcome).
pub(crate) fn referral_table(d: &mut Doc, o: &ReferralOverview, case: &CaseFile, lang: Language) {
    d.table(
        pick(
            lang,
            "Henvisninger og deres status",
            "Referrals and their state",
        ),
        &[
            pick(lang, "Til", "To"),
            pick(lang, "Status", "State"),
            pick(lang, "Svarfrist", "Respond by"),
            pick(lang, "Bemærkning", "Note"),
        ],
        o.referrals
            .iter()
            .map(|s| referral_row(s, case, lang))
            .collect(),
    );
}

fn referral_row(s: &ReferralStatus, case: &CaseFile, lang: Language) -> Vec<String> {
    let note = if s.stale {
        format!("{} ({})", s.mark(lang), s.overdue(lang))
    } else if let Some(o) = s.outcome {
        o.describe(lang)
    } else {
        s.waiting_on
            .map(|w| w.label(lang).to_owned())
            .unwrap_or_default()
    };
    let to = match (lang, &s.offer_name_en, &s.offer_name_da) {
        (Language::En, Some(n), _) | (Language::Da, _, Some(n)) => n.clone(),
        _ => name(case, &s.to),
    };
    vec![
        to,
        s.state.label(lang).to_owned(),
        s.due.map(|x| date_short(lang, x)).unwrap_or_default(),
        note,
    ]
}

/// The `team` answer as a document: who holds the thread, everyone in the course, handovers and
/// findings.
pub fn team(case: &CaseFile, r: &TeamReport, lang: Language) -> Doc {
    let mut d = Doc::default();
    d.h(
        1,
        format!(
            "{} {}",
            pick(lang, "Teamet omkring", "The team around"),
            case.citizen.name
        ),
    );
    d.labelled(pick(lang, "Opgjort pr.", "As of"), date_long(lang, r.as_of));
    d.labelled(
        pick(lang, "Holder tråden", "Holds the thread"),
        thread_holder(&r.thread, lang),
    );
    if r.members.is_empty() {
        d.p(pick(
            lang,
            "Ingen er med i teamet.",
            "Nobody is in the team.",
        ));
    }
    member_table(&mut d, r.members.iter(), lang, true);
    handovers(&mut d, r, case, lang);
    responsibilities(&mut d, r, case, lang);
    if r.findings.is_empty() {
        d.p(pick(lang, "Ingen fund.", "No findings."));
    } else {
        d.h(2, pick(lang, "Fund", "Findings"));
        d.list(r.findings.iter().map(|f| f.describe(lang)).collect());
    }
    d
}

/// The `referrals` answer as a document: every referral, stale ones marked, and the findings.
pub fn referrals(case: &CaseFile, o: &ReferralOverview, lang: Language) -> Doc {
    let mut d = Doc::default();
    d.h(
        1,
        format!(
            "{} {}",
            pick(lang, "Henvisninger for", "Referrals for"),
            case.citizen.name
        ),
    );
    d.labelled(pick(lang, "Opgjort pr.", "As of"), date_long(lang, o.as_of));
    if o.referrals.is_empty() {
        d.p(pick(
            lang,
            "Ingen henvisninger er registreret.",
            "No referrals are recorded.",
        ));
    }
    referral_table(&mut d, o, case, lang);
    if !o.findings.is_empty() {
        d.h(2, pick(lang, "Fund", "Findings"));
        d.list(o.findings.iter().map(|f| f.describe(lang)).collect());
    }
    d
}

/// A transition made: the new state, the permit checked before sending, whom to tell.
pub fn transition(case: &CaseFile, t: &TransitionResult, lang: Language) -> Doc {
    let mut d = Doc::default();
    d.h(
        1,
        format!(
            "{} {}: {} → {}",
            pick(lang, "Henvisningen til", "The referral to"),
            name(case, &t.referral.to),
            t.from.label(lang),
            t.to.label(lang)
        ),
    );
    if let Some(p) = &t.permit {
        crate::consent::outcomes_table(
            &mut d,
            pick(
                lang,
                "Hjemmel kontrolleret før afsendelse",
                "Permit checked before sending",
            ),
            &p.permitted,
            lang,
        );
    }
    if !t.notifications.is_empty() {
        d.h(2, pick(lang, "Underret", "Notify"));
        d.list(
            t.notifications
                .iter()
                .map(|n| {
                    format!(
                        "{}: {}",
                        name(case, &n.to),
                        pick(lang, &n.text_da, &n.text_en)
                    )
                })
                .collect(),
        );
    }
    for w in &t.warnings {
        let coord_core::referral::TransitionWarning::NoCoordinator { on } = w;
        d.alert(format!(
            "{} {}",
            pick(lang, "ingen holdt tråden den", "nobody held the thread on"),
            date_long(lang, *on)
        ));
    }
    d
}

/// The attendance answer.
fn attendance_text(a: &AttendanceAnswer, lang: Language) -> String {
    match a {
        AttendanceAnswer::Forward { grounds } => format!(
            "{} {}\n",
            pick(lang, "VIDERESEND fremmøde efter", "FORWARD attendance, by"),
            grounds.describe(lang)
        ),
        AttendanceAnswer::Reportable => pick(
            lang,
            "SKAL INDBERETTES: en beskæftigelsesaktivitet med mødepligt\n",
            "REPORTABLE: an obligatory employment activity (duty to attend)\n",
        )
        .to_owned(),
        AttendanceAnswer::Withheld {
            notice_en,
            notice_da,
            suggestion,
            ..
        } => {
            let mut s = format!(
                "{}  {}\n",
                pick(lang, "TILBAGEHOLDT", "WITHHELD"),
                pick(lang, notice_da, notice_en)
            );
            if let Some(sug) = suggestion {
                s.push_str(&format!("  → {}\n", pick(lang, &sug.ask_da, &sug.ask_en)));
            }
            s
        }
    }
}

/// A working-day addition.
fn working_days_text(a: &WorkingDaysAnswer, lang: Language) -> String {
    let mut s = format!(
        "{} + {} = {} ({})\n",
        date_long(lang, a.from),
        count(lang, i64::from(a.working_days), Unit::WorkingDay),
        date_long(lang, a.date),
        weekday(lang, a.date)
    );
    for c in &a.closed_days_skipped {
        s.push_str(&format!(
            "  {} {} {}\n",
            pick(lang, "sprunget over:", "skipped"),
            date_long(lang, c.day),
            c.why.describe(lang)
        ));
    }
    s
}

/// The `attendance` answer as a document.
pub fn attendance(a: &AttendanceAnswer, lang: Language) -> Doc {
    Doc::from_lines(&attendance_text(a, lang))
}

/// The `working_days` answer as a document.
pub fn working_days(a: &WorkingDaysAnswer, lang: Language) -> Doc {
    Doc::from_lines(&working_days_text(a, lang))
}
