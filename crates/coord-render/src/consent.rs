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

/// The verdict word and why, for one category outcome.
fn verdict_words(o: &CategoryOutcome, lang: Language) -> (&'static str, String) {
    match &o.verdict {
        Verdict::Permit { grounds } => (
            pick(lang, "tilladt", "permitted"),
            format!("{} {}", pick(lang, "efter", "by"), grounds.describe(lang)),
        ),
        Verdict::Deny { reason } => (pick(lang, "afvist", "denied"), reason.describe(lang)),
    }
}

/// The outcomes per category as a table: information, decision, why.
pub fn outcomes_table(d: &mut Doc, caption: &str, outcomes: &[CategoryOutcome], lang: Language) {
    let rows = outcomes
        .iter()
        .map(|o| {
            let (word, why) = verdict_words(o, lang);
            vec![category(o.category, lang).to_owned(), word.to_owned(), why]
        })
        .collect();
    d.table(
        caption,
        &[
            pick(lang, "Oplysninger", "Information"),
            pick(lang, "Afgørelse", "Decision"),
            pick(lang, "Hvorfor", "Why"),
        ],
        rows,
    );
}

/// A decision as a document: who asks what, then a table of the categories.
pub fn decision_doc(case: &CaseFile, d: &AccessDecision, lang: Language) -> Doc {
    let mut doc = Doc::default();
    doc.p(request_line(case, d, lang));
    outcomes_table(
        &mut doc,
        pick(
            lang,
            "Afgørelse pr. oplysningstype",
            "Decision per category",
        ),
        &d.outcomes,
        lang,
    );
    doc
}

/// Who asks what of whom, for which purpose and when.
fn request_line(case: &CaseFile, d: &AccessDecision, lang: Language) -> String {
    let r = &d.request;
    let action = r.action.label(lang);
    let at = coord_core::text::date_long(lang, r.at.date_naive());
    let time = r.at.format("%H:%M");
    match lang {
        Language::Da => format!(
            "{} beder om at {} oplysninger hos {} om {}, formål {}, {at} kl. {time}.",
            actor(case, &r.requester, lang),
            action,
            actor(case, &r.holder, lang),
            case.citizen.name,
            r.purpose,
        ),
        Language::En => format!(
            "{} asks to {} information held by {} about {}, purpose {}, on {at} at {time}.",
            actor(case, &r.requester, lang),
            action,
            actor(case, &r.holder, lang),
            case.citizen.name,
            r.purpose,
        ),
    }
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
        d.p(match (lang, consents_checked) {
            (Language::Da, 0) => format!("{file}: ingen samtykker at kontrollere"),
            (Language::En, 0) => format!("{file}: no consents to check"),
            (Language::Da, 1) => format!("{file}: samtykket er gyldigt"),
            (Language::En, 1) => format!("{file}: the consent is valid"),
            (Language::Da, _) => format!("{file}: alle {consents} er gyldige"),
            (Language::En, _) => format!("{file}: all {consents} are valid"),
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

/// The consent gaps of an intended flow: a heading and a table per group.
pub fn gaps(r: &ConsentGapReport, lang: Language) -> Doc {
    let mut d = Doc::default();
    let group = |d: &mut Doc, title: &str, outcomes: &[CategoryOutcome]| {
        if !outcomes.is_empty() {
            d.h(3, title);
            outcomes_table(d, title, outcomes, lang);
        }
    };
    group(
        &mut d,
        pick(lang, "Allerede tilladt", "Already permitted"),
        &r.permitted,
    );
    group(
        &mut d,
        pick(
            lang,
            "Forbudt uanset samtykke",
            "Forbidden whatever the citizen consents to",
        ),
        &r.blocked,
    );
    group(
        &mut d,
        pick(lang, "Manglende samtykke", "Missing consent"),
        &r.missing,
    );
    match &r.suggestion {
        Some(sug) => d.p(pick(lang, &sug.ask_da, &sug.ask_en)),
        None if r.blocked.is_empty() => d.p(pick(
            lang,
            "Intet mangler: udvekslingen er tilladt.",
            "Nothing is missing: the flow is permitted.",
        )),
        None => {}
    }
    d
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

/// The consent walkthrough of the demo: each step's decision (with its title in the reader's
/// language), then the consent gap of a flow under its question.
pub fn walkthrough(
    case: &CaseFile,
    steps: &[(&str, &AccessDecision)],
    gap_question: &str,
    gaps: &ConsentGapReport,
    lang: Language,
) -> Doc {
    let mut d = Doc::default();
    d.h(1, format!("coord demo — {}", case.title));
    for (title, decision) in steps {
        d.h(2, (*title).to_owned());
        d.extend(decision_doc(case, decision, lang));
    }
    d.h(2, gap_question.to_owned());
    d.extend(self::gaps(gaps, lang));
    d
}
