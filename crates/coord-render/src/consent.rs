//! Consent answers for people: decisions, consent gaps, minimised records, validation. Rendering
//! only: every sentence's content comes from the core.

use crate::doc::Doc;
use coord_core::case_file::CaseFile;
use coord_core::category::{InformationCategory, Language};
use coord_core::consent::{
    AccessDecision, CategoryOutcome, ConsentGapReport, MinimisedRecord, Verdict,
};
use coord_core::ids::ActorId;
use coord_core::party::Sector;
use coord_core::text::{count, pick, Unit};

/// A category's label.
pub fn category(c: InformationCategory, lang: Language) -> &'static str {
    c.label(lang)
}

/// A sector's label.
pub fn sector(s: Sector, lang: Language) -> &'static str {
    s.label(lang)
}

/// "Name (sector)" for an actor id.
pub fn actor(case: &CaseFile, id: &ActorId, lang: Language) -> String {
    case.actor(id).map_or_else(
        || id.to_string(),
        |a| format!("{} ({})", a.name, sector(a.sector, lang)),
    )
}

/// One line per category outcome: label, PERMIT/DENY, why.
pub fn outcomes(outcomes: &[CategoryOutcome], lang: Language) -> String {
    let width = outcomes
        .iter()
        .map(|o| category(o.category, lang).chars().count())
        .max()
        .unwrap_or(0);
    let mut s = String::new();
    for o in outcomes {
        let label = category(o.category, lang);
        let pad = " ".repeat(width.saturating_sub(label.chars().count()));
        let (word, why) = match (&o.verdict, lang) {
            (Verdict::Permit { grounds }, Language::En) => {
                ("PERMIT", format!("by {}", grounds.describe(lang)))
            }
            (Verdict::Permit { grounds }, Language::Da) => {
                ("TILLADT", format!("efter {}", grounds.describe(lang)))
            }
            (Verdict::Deny { reason }, Language::En) => ("DENY  ", reason.describe(lang)),
            (Verdict::Deny { reason }, Language::Da) => ("AFVIST ", reason.describe(lang)),
        };
        s.push_str(&format!("  {label}{pad}  {word} {why}\n"));
    }
    s
}

/// A decision as a document.
pub fn decision_doc(case: &CaseFile, d: &AccessDecision, lang: Language) -> Doc {
    Doc::from_lines(&decision(case, d, lang))
}

/// A decision: a header line saying who asks what, then one line per category.
pub fn decision(case: &CaseFile, d: &AccessDecision, lang: Language) -> String {
    let r = &d.request;
    let action = r.action.label(lang);
    let head = match lang {
        Language::Da => format!(
            "{} → {} oplysninger hos {} om {}, formål {}, {}\n",
            actor(case, &r.requester, lang),
            action,
            actor(case, &r.holder, lang),
            case.citizen.name,
            r.purpose,
            r.at
        ),
        Language::En => format!(
            "{} asks to {} information held by {} about {}, purpose {}, at {}\n",
            actor(case, &r.requester, lang),
            action,
            actor(case, &r.holder, lang),
            case.citizen.name,
            r.purpose,
            r.at
        ),
    };
    head + &outcomes(&d.outcomes, lang)
}

/// A problem found in a file, as the validation lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProblemLine<'a> {
    /// Where in the file (a JSON pointer into it).
    pub place: &'a str,
    /// What is wrong (the core's message).
    pub message: &'a str,
    /// The stable code.
    pub code: &'a str,
}

/// The consent validation of `file`.
pub fn validation(
    file: &str,
    valid: bool,
    consents_checked: usize,
    problems: &[ProblemLine<'_>],
    lang: Language,
) -> Doc {
    let mut d = Doc::default();
    let consents = count(lang, consents_checked as i64, Unit::Consent);
    if valid {
        d.p(match lang {
            Language::Da => format!("{file}: alle {consents} er gyldige"),
            Language::En => format!("{file}: all {consents} are valid"),
        });
    } else {
        let found = count(lang, problems.len() as i64, Unit::Finding);
        d.p(match lang {
            Language::Da => format!("{file}: {found} i {consents}"),
            Language::En => format!("{file}: {found} in {consents}"),
        });
        d.list(
            problems
                .iter()
                .map(|p| format!("{}: {} [{}]", p.place, p.message, p.code))
                .collect(),
        );
    }
    d
}

/// The consent gaps of an intended flow.
pub fn gaps(r: &ConsentGapReport, lang: Language) -> Doc {
    let mut s = String::new();
    if !r.permitted.is_empty() {
        s.push_str(pick(lang, "Allerede tilladt:\n", "Already permitted:\n"));
        s.push_str(&outcomes(&r.permitted, lang));
    }
    if !r.blocked.is_empty() {
        s.push_str(pick(
            lang,
            "Forbudt uanset samtykke:\n",
            "Forbidden whatever the citizen consents to:\n",
        ));
        s.push_str(&outcomes(&r.blocked, lang));
    }
    if !r.missing.is_empty() {
        s.push_str(pick(lang, "Manglende samtykke:\n", "Missing consent:\n"));
        s.push_str(&outcomes(&r.missing, lang));
    }
    match &r.suggestion {
        Some(sug) => s.push_str(&format!("{}\n", pick(lang, &sug.ask_da, &sug.ask_en))),
        None if r.blocked.is_empty() => s.push_str(pick(
            lang,
            "Intet mangler: udvekslingen er tilladt.\n",
            "Nothing is missing: the flow is permitted.\n",
        )),
        None => {}
    }
    Doc::from_lines(&s)
}

/// A minimised record: what is released, what is withheld and why.
pub fn minimised(r: &MinimisedRecord, lang: Language) -> Doc {
    let mut d = Doc::default();
    for sec in &r.released {
        d.h(
            3,
            format!(
                "{} {} [{}]",
                pick(lang, "UDLEVERES", "RELEASED"),
                sec.title,
                category(sec.category, lang)
            ),
        );
        d.p(sec.content.clone());
    }
    for w in &r.withheld {
        d.p(format!(
            "{} {} [{}]: {}",
            pick(lang, "TILBAGEHOLDES", "WITHHELD"),
            w.title,
            category(w.category, lang),
            w.reason.describe(lang)
        ));
    }
    d
}

/// The consent walkthrough of the demo: each step's decision, then the consent gap of a flow.
pub fn walkthrough(
    case: &CaseFile,
    steps: &[(String, AccessDecision)],
    gap_question: &str,
    gaps: &ConsentGapReport,
    lang: Language,
) -> Doc {
    let mut d = Doc::default();
    d.h(1, format!("coord demo — {}", case.title));
    for (title, decision) in steps {
        d.h(2, title.clone());
        d.extend(Doc::from_lines(&self::decision(case, decision, lang)));
    }
    d.h(2, gap_question.to_owned());
    let mut s = outcomes(&[gaps.missing.clone(), gaps.blocked.clone()].concat(), lang);
    if let Some(sug) = &gaps.suggestion {
        s.push_str(&format!("  → {}\n", pick(lang, &sug.ask_da, &sug.ask_en)));
    }
    d.extend(Doc::from_lines(&s));
    d
}
