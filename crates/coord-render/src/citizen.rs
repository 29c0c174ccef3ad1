//! The citizen's own view as a document: plain words, no rule language, no ids. What it says is
//! chosen by `coord_core::report::citizen`; this lays it out.

use crate::doc::Doc;
use coord_core::category::Language;
use coord_core::plan::Participation;
use coord_core::report::CitizenView;
use coord_core::text::{date_long, pick};

fn voluntary(p: Participation, lang: Language) -> &'static str {
    match p {
        Participation::Voluntary => pick(
            lang,
            "frivilligt: du bestemmer selv, om du deltager",
            "voluntary: you decide whether to take part",
        ),
        Participation::Obligatory => pick(
            lang,
            "pligt: du skal møde op, ellers kan det påvirke din ydelse",
            "a duty: you must attend, or it can affect your benefit",
        ),
    }
}

/// The citizen's view.
pub fn document(v: &CitizenView, lang: Language) -> Doc {
    let mut d = Doc::default();
    d.h(
        1,
        format!("{} — {}", pick(lang, "Din plan", "Your plan"), v.citizen),
    );
    d.labelled(pick(lang, "Opgjort den", "As of"), date_long(lang, v.as_of));
    d.p(pick(
        lang,
        "Her kan du se, hvad vi har aftalt med dig, hvad der sker nu, hvem du kan ringe til, og hvem der har set oplysninger om dig.",
        "Here you can see what we have agreed with you, what happens next, whom you can call, and who has seen information about you.",
    ));

    d.h(2, pick(lang, "Dine mål", "Your goals"));
    if v.goals.is_empty() {
        d.p(pick(
            lang,
            "Der er ingen mål i planen endnu.",
            "There are no goals in the plan yet.",
        ));
    }
    d.list(
        v.goals
            .iter()
            .map(|g| match g.achievement {
                Some(a) => format!("“{}” — {}", g.text, a.label(lang)),
                None => format!("“{}”", g.text),
            })
            .collect(),
    );

    d.h(2, pick(lang, "Det sker nu og snart", "What happens next"));
    if v.next.is_empty() {
        d.p(pick(
            lang,
            "Der er ikke aftalt noget nyt endnu.",
            "Nothing new is planned yet.",
        ));
    }
    d.table(
        pick(lang, "Det næste, der sker", "What happens next"),
        &[pick(lang, "Hvornår", "When"), pick(lang, "Hvad", "What")],
        v.next
            .iter()
            .map(|n| vec![date_long(lang, n.on), n.what.get(lang).to_owned()])
            .collect(),
    );

    d.h(2, pick(lang, "Hvem du kan ringe til", "Whom to call"));
    d.list(
        v.contacts
            .iter()
            .map(|c| {
                let how = c
                    .contact
                    .as_ref()
                    .map(|k| {
                        [k.phone.clone(), k.email.clone()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .filter(|s| !s.is_empty())
                    .map(|s| format!(" — {s}"))
                    .unwrap_or_default();
                let first = if c.holds_thread {
                    pick(
                        lang,
                        " (ring til denne person først)",
                        " (call this person first)",
                    )
                } else {
                    ""
                };
                let org = c
                    .organisation
                    .as_deref()
                    .map(|o| format!(", {o}"))
                    .unwrap_or_default();
                // Names in the case file often carry the role already ("Lars Krogh, sagsbehandler").
                let role = c.role.get(lang);
                let role = if c.name.contains(role) {
                    String::new()
                } else {
                    format!(", {role}")
                };
                format!("{}{role}{org}{how}{first}", c.name)
            })
            .collect(),
    );

    d.h(
        2,
        pick(lang, "Frivilligt eller pligt", "Voluntary or a duty"),
    );
    d.list(
        v.activities
            .iter()
            .map(|a| {
                let when = match a.to {
                    Some(to) => format!("{} – {}", date_long(lang, a.from), date_long(lang, to)),
                    None => format!("{} {}", pick(lang, "fra", "from"), date_long(lang, a.from)),
                };
                format!(
                    "{} ({}, {when}): {}",
                    a.what,
                    a.provider,
                    voluntary(a.participation, lang)
                )
            })
            .collect(),
    );

    d.h(
        2,
        pick(
            lang,
            "Hvem har set oplysninger om dig",
            "Who has seen information about you",
        ),
    );
    if v.access.is_empty() {
        d.p(pick(
            lang,
            "Loggen viser ingen opslag om dig.",
            "The log shows no requests about you.",
        ));
    }
    d.table(
        pick(lang, "Opslag om dig", "Requests about you"),
        &[
            pick(lang, "Hvornår", "When"),
            pick(lang, "Hvem spurgte", "Who asked"),
            pick(lang, "Hos hvem", "Held by"),
            pick(lang, "Hvilke oplysninger", "What information"),
            pick(lang, "Delt", "Shared"),
            pick(lang, "Grundlag", "Grounds"),
        ],
        v.access
            .iter()
            .map(|a| {
                let what: Vec<&str> = a.categories.iter().map(|(c, _)| c.label(lang)).collect();
                let shared = a.categories.iter().filter(|(_, p)| *p).count();
                let shared = if shared == a.categories.len() {
                    pick(lang, "ja", "yes")
                } else if shared == 0 {
                    pick(lang, "nej", "no")
                } else {
                    pick(lang, "delvis", "partly")
                };
                vec![
                    date_long(lang, coord_core::time::date_of(&a.at)),
                    a.who.clone(),
                    a.from.clone(),
                    what.join(", "),
                    shared.to_owned(),
                    a.basis
                        .iter()
                        .map(|b| b.get(lang))
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })
            .collect(),
    );
    d.p(pick(
        lang,
        "Du har ret til at se, hvad der står om dig, og til at trække et samtykke tilbage. Spørg den, der holder tråden.",
        "You have the right to see what is recorded about you and to withdraw a consent. Ask the person who holds the thread.",
    ));
    d
}
