//! Text rendering of the team, referrals, offers, attendance and working days. Rendering only:
//! every fact and sentence comes from the core.

use coord_core::attendance::AttendanceAnswer;
use coord_core::calendar::WorkingDaysAnswer;
use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_core::offers::{OfferCatalogue, OfferMatch, OfferMode, OfferStatus, ParticipationBasis};
use coord_core::referral::{ReferralOverview, ReferralStatus, TransitionResult, WaitingOn};
use coord_core::team::{role_label, MemberView, TeamReport, ThreadHolder};

fn pick<'a>(lang: Language, en: &'a str, da: &'a str) -> &'a str {
    match lang {
        Language::En => en,
        Language::Da => da,
    }
}

fn name(case: &CaseFile, id: &coord_core::ids::ActorId) -> String {
    case.actor(id)
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

fn member_line(m: &MemberView, lang: Language) -> String {
    let sector = m
        .sector
        .map(|s| crate::render::sector(s, lang))
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
            .map(|c| crate::render::category(*c, lang).to_owned()),
    );
    if !answers.is_empty() {
        s.push_str(&format!(
            "\n      {} {}",
            pick(lang, "answers for:", "ansvarlig for:"),
            answers.join(", ")
        ));
    }
    s
}

/// The team report.
pub fn team(case: &CaseFile, r: &TeamReport, lang: Language) -> String {
    let mut s = format!(
        "{} {} ({}) {} {}\n",
        pick(lang, "Team around", "Teamet omkring"),
        case.citizen.name,
        case.id,
        pick(lang, "as of", "pr."),
        r.as_of
    );
    let holder = match &r.thread {
        ThreadHolder::One { member } => member_line(member, lang),
        ThreadHolder::Nobody => pick(lang, "NOBODY", "INGEN").to_owned(),
        ThreadHolder::Several { members } => format!(
            "{}: {}",
            pick(lang, "SEVERAL", "FLERE"),
            members
                .iter()
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ThreadHolder::NoCourse => pick(lang, "no course running", "intet forløb i gang").to_owned(),
    };
    s.push_str(&format!(
        "{} {holder}\n\n",
        pick(lang, "Holds the thread:", "Holder tråden:")
    ));
    s.push_str(pick(lang, "Members:\n", "Medlemmer:\n"));
    if r.members.is_empty() {
        s.push_str(pick(lang, "  none\n", "  ingen\n"));
    }
    for m in &r.members {
        let mark = if m.current { "*" } else { " " };
        s.push_str(&format!("  {mark} {}\n", member_line(m, lang)));
    }
    if !r.handovers.is_empty() {
        s.push_str(pick(lang, "Handovers:\n", "Overdragelser:\n"));
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
        s.push_str(pick(lang, "No findings.\n", "Ingen fund.\n"));
    } else {
        s.push_str(pick(lang, "Findings:\n", "Fund:\n"));
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
    let state = match lang {
        Language::En => st.state.label_en(),
        Language::Da => st.state.label_da(),
    };
    let mark = if st.stale {
        pick(lang, "STALE", "FORSINKET")
    } else if st.state.is_final() {
        pick(lang, "closed", "lukket")
    } else {
        pick(lang, "open", "åben")
    };
    let mut s = format!(
        "  {mark:<9} {}  {} → {}{}: {state} {} {}",
        st.referral,
        name(case, &st.from),
        name(case, &st.to),
        st.offer
            .as_ref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default(),
        pick(lang, "since", "siden"),
        coord_core::time::date_of(&st.since)
    );
    if let Some(due) = st.due {
        s.push_str(&format!(", {} {due}", pick(lang, "due", "frist")));
        if st.stale {
            s.push_str(&format!(
                " ({} {})",
                st.working_days_overdue,
                pick(lang, "working days overdue", "hverdage over")
            ));
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
pub fn referrals(case: &CaseFile, o: &ReferralOverview, lang: Language) -> String {
    let mut s = format!(
        "{} {} {} {}\n",
        pick(lang, "Referrals for", "Henvisninger for"),
        case.citizen.name,
        pick(lang, "as of", "pr."),
        o.as_of
    );
    if o.referrals.is_empty() {
        s.push_str(pick(lang, "  none\n", "  ingen\n"));
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
pub fn transition(case: &CaseFile, t: &TransitionResult, lang: Language) -> String {
    let (from, to) = match lang {
        Language::En => (t.from.label_en(), t.to.label_en()),
        Language::Da => (t.from.label_da(), t.to.label_da()),
    };
    let mut s = format!(
        "{} {}: {from} → {to}\n",
        pick(lang, "Referral", "Henvisning"),
        t.referral.id
    );
    if let Some(p) = &t.permit {
        s.push_str(pick(
            lang,
            "Permit checked before sending:\n",
            "Hjemmel kontrolleret før afsendelse:\n",
        ));
        s.push_str(&crate::render::outcomes(&p.permitted, lang));
    }
    s.push_str(pick(lang, "Notify:\n", "Underret:\n"));
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
            pick(lang, "nobody held the thread on", "ingen holdt tråden den")
        ));
    }
    s
}

fn basis(b: ParticipationBasis, lang: Language) -> &'static str {
    match b {
        ParticipationBasis::VoluntaryHealthOffer => pick(lang, "voluntary", "frivilligt"),
        ParticipationBasis::ObligatoryEmploymentActivity => {
            pick(lang, "obligatory (duty to attend)", "med mødepligt")
        }
    }
}

fn mode(m: OfferMode, lang: Language) -> &'static str {
    match m {
        OfferMode::Group => pick(lang, "group", "hold"),
        OfferMode::Individual => pick(lang, "individual", "individuelt"),
    }
}

/// The catalogue.
pub fn catalogue(c: &OfferCatalogue, lang: Language) -> String {
    let mut s = String::new();
    for o in &c.offers {
        let status = match o.status {
            OfferStatus::Active => "",
            OfferStatus::Inactive => pick(lang, " [inactive]", " [nedlagt]"),
            OfferStatus::TemporarilyClosed => {
                pick(lang, " [temporarily closed]", " [midlertidigt lukket]")
            }
        };
        let provider = c
            .provider(&o.provider)
            .map_or_else(|| o.provider.to_string(), |p| p.name.clone());
        s.push_str(&format!(
            "{}  {}{status}\n    {provider} · {} · {}",
            o.id,
            o.name(lang),
            basis(o.basis, lang),
            mode(o.mode, lang)
        ));
        if let Some(h) = o.weekly_hours {
            s.push_str(&format!(" · {h} {}", pick(lang, "h/week", "t/uge")));
        }
        if let Some(w) = o.capacity.waiting_weeks {
            s.push_str(&format!(
                " · {} {w} {}",
                pick(lang, "wait", "ventetid"),
                pick(lang, "weeks", "uger")
            ));
        }
        s.push('\n');
        if let Some(sch) = &o.schedule {
            s.push_str(&format!("    {sch}\n"));
        }
    }
    s
}

/// The match result.
pub fn offer_match(case: &CaseFile, m: &OfferMatch, lang: Language) -> String {
    let mut s = format!(
        "{} {} {} {}\n",
        pick(lang, "Offers for", "Tilbud til"),
        case.citizen.name,
        pick(lang, "as of", "pr."),
        m.as_of
    );
    s.push_str(pick(lang, "Fits, best first:\n", "Passer, bedste først:\n"));
    if m.matches.is_empty() {
        s.push_str(pick(lang, "  none\n", "  ingen\n"));
    }
    for (i, c) in m.matches.iter().enumerate() {
        let name = match lang {
            Language::En => &c.name_en,
            Language::Da => &c.name_da,
        };
        let fits: Vec<&str> = c
            .fits
            .iter()
            .map(|a| match lang {
                Language::En => a.label_en(),
                Language::Da => a.label_da(),
            })
            .collect();
        s.push_str(&format!(
            "  {}. {} — {name} ({}, {})",
            i + 1,
            c.offer,
            basis(c.basis, lang),
            mode(c.mode, lang)
        ));
        if c.wished {
            s.push_str(pick(
                lang,
                "; asked for by the citizen",
                "; borgeren har selv bedt om det",
            ));
        }
        if !fits.is_empty() {
            s.push_str(&format!(
                "; {} {}",
                pick(lang, "fits", "passer til"),
                fits.join(", ")
            ));
        }
        s.push('\n');
    }
    s.push_str(pick(lang, "Excluded:\n", "Fravalgt:\n"));
    for e in &m.excluded {
        let why: Vec<String> = e.reasons.iter().map(|r| r.describe(lang)).collect();
        s.push_str(&format!("  - {}: {}\n", e.offer, why.join("; ")));
    }
    s
}

/// The attendance answer.
pub fn attendance(a: &AttendanceAnswer, lang: Language) -> String {
    match a {
        AttendanceAnswer::Forward { grounds } => format!(
            "{} {}\n",
            pick(lang, "FORWARD attendance, by", "VIDERESEND fremmøde efter"),
            grounds.describe(lang)
        ),
        AttendanceAnswer::Reportable => pick(
            lang,
            "REPORTABLE: an obligatory employment activity (duty to attend)\n",
            "SKAL INDBERETTES: en beskæftigelsesaktivitet med mødepligt\n",
        )
        .to_owned(),
        AttendanceAnswer::Withheld {
            notice_en,
            notice_da,
            suggestion,
            ..
        } => {
            let mut s = format!("WITHHELD  {}\n", pick(lang, notice_en, notice_da));
            if let Some(sug) = suggestion {
                s.push_str(&format!("  → {}\n", pick(lang, &sug.ask_en, &sug.ask_da)));
            }
            s
        }
    }
}

/// A working-day addition.
pub fn working_days(a: &WorkingDaysAnswer, lang: Language) -> String {
    let mut s = format!(
        "{} + {} {} = {} ({})\n",
        a.from,
        a.working_days,
        pick(lang, "working days", "hverdage"),
        a.date,
        a.date.format("%A")
    );
    for c in &a.closed_days_skipped {
        s.push_str(&format!(
            "  {} {} {}\n",
            pick(lang, "skipped", "sprunget over:"),
            c.day,
            c.why.describe(lang)
        ));
    }
    s
}
