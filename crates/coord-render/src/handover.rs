//! The handover summaries (`coord handover export|import --format text`): what went to the new
//! municipality, what was withheld and why, which consent to ask for, the law read for a move; and
//! in the new municipality, what came, who left the team, which consents to ask for again.
//! Layout only: every sentence is the core's.

use crate::doc::Doc;
use coord_core::category::Language;
use coord_core::handover::{HandoverRelease, HandoverStart, ReleasedPart};
use coord_core::text::{date_long, pick};

fn part_lines(parts: &[ReleasedPart], lang: Language) -> Vec<String> {
    parts
        .iter()
        .map(|p| {
            let cats: Vec<&str> = p.categories.iter().map(|c| c.label(lang)).collect();
            format!("{} ({})", p.part.label(lang), cats.join(", "))
        })
        .collect()
}

fn none(lang: Language) -> &'static str {
    pick(lang, "Intet.", "Nothing.")
}

/// The export summary.
pub fn export(release: &HandoverRelease, lang: Language) -> Doc {
    let note = &release.note;
    let name = |id: &coord_core::ids::ActorId| {
        release
            .case
            .actor(id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    };
    let mut d = Doc::default();
    d.h(
        1,
        format!(
            "{} {}",
            pick(lang, "Overdragelse til", "Handover to"),
            note.to.display(lang)
        ),
    );
    d.labelled(
        pick(lang, "Flyttedato", "Moving date"),
        date_long(lang, note.moved_on),
    );
    d.labelled(pick(lang, "Sendes af", "Sent by"), name(&note.sender));
    d.labelled(
        pick(lang, "Modtages af", "Received by"),
        name(&note.receiver),
    );
    d.h(2, pick(lang, "Sendes med", "Goes with the handover"));
    match note.released.is_empty() {
        true => d.p(none(lang)),
        false => d.list(part_lines(&note.released, lang)),
    }
    d.h(2, pick(lang, "Tilbageholdt", "Withheld"));
    match note.withheld.is_empty() {
        true => d.p(none(lang)),
        false => d.list(
            note.withheld
                .iter()
                .map(|w| w.why.get(lang).to_owned())
                .collect(),
        ),
    }
    if let Some(s) = release.gaps.as_ref().and_then(|g| g.suggestion.as_ref()) {
        d.h(2, pick(lang, "Samtykke at bede om", "Consent to ask for"));
        d.p(pick(lang, &s.ask_da, &s.ask_en));
    }
    d.h(
        2,
        pick(lang, "Lovgrundlag ved flytning", "The law on a move"),
    );
    d.list(
        release
            .sources
            .iter()
            .map(|s| {
                let status = match s.verified {
                    true => pick(lang, "verificeret", "verified"),
                    false => pick(lang, "ikke verificeret", "not verified"),
                };
                format!(
                    "{} ({status}): {}",
                    s.citation.line(),
                    s.establishes.get(lang)
                )
            })
            .collect(),
    );
    d
}

/// The import summary.
pub fn import(start: &HandoverStart, lang: Language) -> Doc {
    let case = &start.case;
    let name = |id: &coord_core::ids::ActorId| {
        case.actor(id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    };
    let mut d = Doc::default();
    d.h(
        1,
        format!(
            "{} {}",
            pick(lang, "Forløbet starter i", "The course starts in"),
            start.to.display(lang)
        ),
    );
    d.labelled(
        pick(lang, "Flyttedato", "Moving date"),
        date_long(lang, start.moved_on),
    );
    d.p(pick(
        lang,
        "Samtykker givet i den tidligere kommunes sag dækker ikke den nye sag: de er bevaret som historik.",
        "Consents given in the old municipality's case do not cover the new case: they are kept as history.",
    ));
    d.h(2, pick(lang, "Modtaget", "Received"));
    match start.received.is_empty() {
        true => d.p(none(lang)),
        false => d.list(part_lines(&start.received, lang)),
    }
    d.h(
        2,
        pick(
            lang,
            "Tilbageholdt af den tidligere kommune",
            "Withheld by the old municipality",
        ),
    );
    match start.withheld.is_empty() {
        true => d.p(none(lang)),
        false => d.list(
            start
                .withheld
                .iter()
                .map(|w| w.why.get(lang).to_owned())
                .collect(),
        ),
    }
    d.h(
        2,
        pick(
            lang,
            "Afsluttet i teamet ved flytningen",
            "Ended in the team with the move",
        ),
    );
    match start.ended.is_empty() {
        true => d.p(none(lang)),
        false => d.list(
            start
                .ended
                .iter()
                .map(|m| {
                    let last = m.period.to.map(|t| date_long(lang, t)).unwrap_or_default();
                    format!(
                        "{} ({}), {} {last}",
                        name(&m.actor),
                        coord_core::team::role_label(&m.role, lang),
                        pick(lang, "til og med", "until")
                    )
                })
                .collect(),
        ),
    }
    d.h(
        2,
        pick(
            lang,
            "Samtykker at bede om igen",
            "Consents to ask for again",
        ),
    );
    match start.renew.is_empty() {
        true => d.p(none(lang)),
        false => d.list(
            start
                .renew
                .iter()
                .map(|r| r.ask.get(lang).to_owned())
                .collect(),
        ),
    }
    d
}
