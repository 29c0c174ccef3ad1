//! Text rendering of the team, referrals, attendance and working days (offers: [`crate::offers`]). Rendering only:
//! every fact and sentence comes from the core.

use crate::doc::Doc;
use coord_core::attendance::AttendanceAnswer;
use coord_core::calendar::WorkingDaysAnswer;
use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_core::referral::{ReferralOverview, ReferralStatus, TransitionResult, WaitingOn};
use coord_core::team::{role_label, MemberView, TeamReport, ThreadHolder};
use coord_core::text::{count, date_long, pick, weekday, Unit};

fn name(case: &CaseFile, id: &coord_core::ids::ActorId) -> String {
    case.actor(id)
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

fn member_line(m: &MemberView, lang: Language) -> String {
    let sector = m
        .sector
        .map(|s| crate::consent::sector(s, lang))
        .unwrap_or_default();
    let period = match m.period.to {
        Some(to) => format!("{} – {to}", m.period.from),
        None => format!("{} –", m.period.from),
    };
    let mut s = format!(
        "{} — {}, {sector}{}  [{period}]",
        m.name,
        role_label(&m.role, lang),
        m.organisation_name
            .as_deref()
            .map(|o| format!(", {o}"))
            .unwrap_or_default()
    );
    if let Some(c) = &m.contact {
        let parts: Vec<&str> = [c.phone.as_deref(), c.email.as_deref(), c.note.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !parts.is_empty() {
            s.push_str(&format!("\n      {}", parts.join(" · ")));
        }
    }
    let r = &m.responsibilities;
    let mut answers: Vec<String> = Vec::new();
    answers.extend(r.goals.iter().map(|g| format!("goal {g}")));
    answers.extend(r.referrals.iter().map(|x| format!("referral {x}")));
    answers.extend(
        r.categories
            .iter()
            .map(|c| crate::consent::category(*c, lang).to_owned()),
    );
    if !answers.is_empty() {
        s.push_str(&format!(
            "\n      {} {}",
            pick(lang, "ansvarlig for:", "answers for:"),
            answers.join(", ")
        ));
    }
    s
}

/// The team report.
fn team_text(case: &CaseFile, r: &TeamReport, lang: Language) -> String {
    let mut s = format!(
        "{} {} ({}) {} {}\n",
        pick(lang, "Teamet omkring", "Team around"),
        case.citizen.name,
        case.id,
        pick(lang, "pr.", "as of"),
        date_long(lang, r.as_of)
    );
    let holder = match &r.thread {
        ThreadHolder::One { member } => member_line(member, lang),
        ThreadHolder::Nobody => pick(lang, "INGEN", "NOBODY").to_owned(),
        ThreadHolder::Several { members } => format!(
            "{}: {}",
            pick(lang, "FLERE", "SEVERAL"),
            members
                .iter()
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ThreadHolder::NoCourse => pick(lang, "intet forløb i gang", "no course running").to_owned(),
    };
    s.push_str(&format!(
        "{} {holder}\n\n",
        pick(lang, "Holder tråden:", "Holds the thread:")
    ));
    s.push_str(pick(lang, "Medlemmer:\n", "Members:\n"));
    if r.members.is_empty() {
        s.push_str(pick(lang, "  ingen\n", "  none\n"));
    }
    for m in &r.members {
        let mark = if m.current { "*" } else { " " };
        s.push_str(&format!("  {mark} {}\n", member_line(m, lang)));
    }
    if !r.handovers.is_empty() {
        s.push_str(pick(lang, "Overdragelser:\n", "Handovers:\n"));
        for h in &r.handovers {
            s.push_str(&format!(
                "  {}  {} → {}\n",
                h.on,
                name(case, &h.from),
                name(case, &h.to)
            ));
        }
    }
    if r.findings.is_empty() {
        s.push_str(pick(lang, "Ingen fund.\n", "No findings.\n"));
    } else {
        s.push_str(pick(lang, "Fund:\n", "Findings:\n"));
        for f in &r.findings {
            s.push_str(&format!("  ! {} [{}]\n", f.describe(lang), f.code()));
        }
    }
    s
}

fn waiting(w: Option<WaitingOn>, lang: Language) -> &'static str {
    match (w, lang) {
        (Some(WaitingOn::Referrer), Language::En) => "waits on the referrer",
        (Some(WaitingOn::Citizen), Language::En) => "waits on the citizen",
        (Some(WaitingOn::Receiver), Language::En) => "waits on the receiver",
        (Some(WaitingOn::Provider), Language::En) => "waits on the provider's outcome",
        (Some(WaitingOn::Referrer), Language::Da) => "afventer henviseren",
        (Some(WaitingOn::Citizen), Language::Da) => "afventer borgeren",
        (Some(WaitingOn::Receiver), Language::Da) => "afventer modtageren",
        (Some(WaitingOn::Provider), Language::Da) => "afventer leverandørens resultat",
        (None, _) => "",
    }
}

fn status_line(case: &CaseFile, st: &ReferralStatus, lang: Language) -> String {
    let state = st.state.label(lang);
    let mark = st.mark(lang);
    let mut s = format!(
        "  {mark:<9} {}  {} → {}{}: {state} {} {}",
        st.referral,
        name(case, &st.from),
        name(case, &st.to),
        st.offer
            .as_ref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default(),
        pick(lang, "siden", "since"),
        date_long(lang, coord_core::time::date_of(&st.since))
    );
    if let Some(due) = st.due {
        s.push_str(&format!(
            ", {} {}",
            pick(lang, "frist", "due"),
            date_long(lang, due)
        ));
        if st.stale {
            s.push_str(&format!(" ({})", st.overdue(lang)));
        }
    }
    let w = waiting(st.waiting_on, lang);
    if !w.is_empty() {
        s.push_str(&format!("; {w}"));
    }
    if let Some(o) = st.outcome {
        s.push_str(&format!("; {}", o.describe(lang)));
    }
    s.push('\n');
    s
}

/// The referral overview.
fn referrals_text(case: &CaseFile, o: &ReferralOverview, lang: Language) -> String {
    let mut s = format!(
        "{} {} {} {}\n",
        pick(lang, "Henvisninger for", "Referrals for"),
        case.citizen.name,
        pick(lang, "pr.", "as of"),
        date_long(lang, o.as_of)
    );
    if o.referrals.is_empty() {
        s.push_str(pick(lang, "  ingen\n", "  none\n"));
    }
    for st in &o.referrals {
        s.push_str(&status_line(case, st, lang));
    }
    for f in &o.findings {
        s.push_str(&format!("  ! {} [{}]\n", f.describe(lang), f.code()));
    }
    s
}

/// A transition made.
fn transition_text(case: &CaseFile, t: &TransitionResult, lang: Language) -> String {
    let (from, to) = (t.from.label(lang), t.to.label(lang));
    let mut s = format!(
        "{} {}: {from} → {to}\n",
        pick(lang, "Henvisning", "Referral"),
        t.referral.id
    );
    if let Some(p) = &t.permit {
        s.push_str(pick(
            lang,
            "Hjemmel kontrolleret før afsendelse:\n",
            "Permit checked before sending:\n",
        ));
        s.push_str(&crate::consent::outcomes(&p.permitted, lang));
    }
    s.push_str(pick(lang, "Underret:\n", "Notify:\n"));
    for n in &t.notifications {
        let text = match lang {
            Language::En => &n.text_en,
            Language::Da => &n.text_da,
        };
        s.push_str(&format!("  {}: {text}\n", name(case, &n.to)));
    }
    for w in &t.warnings {
        let coord_core::referral::TransitionWarning::NoCoordinator { on } = w;
        s.push_str(&format!(
            "  ! {} {on}\n",
            pick(lang, "ingen holdt tråden den", "nobody held the thread on")
        ));
    }
    s
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
            let mut s = format!("WITHHELD  {}\n", pick(lang, notice_da, notice_en));
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
            c.day,
            c.why.describe(lang)
        ));
    }
    s
}

/// The `team` answer as a document.
pub fn team(case: &CaseFile, r: &TeamReport, lang: Language) -> Doc {
    Doc::from_lines(&team_text(case, r, lang))
}

/// The `referrals` answer as a document.
pub fn referrals(case: &CaseFile, o: &ReferralOverview, lang: Language) -> Doc {
    Doc::from_lines(&referrals_text(case, o, lang))
}

/// The `attendance` answer as a document.
pub fn attendance(a: &AttendanceAnswer, lang: Language) -> Doc {
    Doc::from_lines(&attendance_text(a, lang))
}

/// The `working_days` answer as a document.
pub fn working_days(a: &WorkingDaysAnswer, lang: Language) -> Doc {
    Doc::from_lines(&working_days_text(a, lang))
}

/// A transition made: the new state, whom to tell, the permit check.
pub fn transition(case: &CaseFile, t: &TransitionResult, lang: Language) -> Doc {
    Doc::from_lines(&transition_text(case, t, lang))
}
