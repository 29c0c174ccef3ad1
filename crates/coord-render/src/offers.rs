//! The offer catalogue and the offers that fit one citizen, as documents with headings and
//! captioned tables. Layout only: names come from the catalogue, every other word from the core
//! (`label`, `describe`).

use crate::doc::Doc;
use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_core::offers::{Offer, OfferCatalogue, OfferMatch, OfferStatus};
use coord_core::text::{count, decimal, pick, Unit};

fn wait(weeks: Option<u32>, lang: Language) -> String {
    weeks.map_or_else(String::new, |w| count(lang, i64::from(w), Unit::Week))
}

fn status(o: &Offer, lang: Language) -> String {
    match o.status {
        OfferStatus::Active => String::new(),
        s => s.label(lang).to_owned(),
    }
}

/// The `catalogue` answer: every offer with its provider, footing, form, hours, waiting time and
/// length, then when it runs.
pub fn catalogue(c: &OfferCatalogue, lang: Language) -> Doc {
    let mut d = Doc::default();
    d.h(1, pick(lang, "Tilbudskatalog", "Offer catalogue"));
    let rows = c
        .offers
        .iter()
        .map(|o| {
            let provider = c
                .provider(&o.provider)
                .map_or_else(|| o.provider.to_string(), |p| p.name.clone());
            vec![
                o.name(lang).to_owned(),
                provider,
                o.basis.label(lang).to_owned(),
                o.mode.label(lang).to_owned(),
                o.weekly_hours
                    .map_or_else(String::new, |h| decimal(lang, h)),
                wait(o.capacity.waiting_weeks, lang),
                o.duration_weeks
                    .map_or_else(String::new, |w| count(lang, i64::from(w), Unit::Week)),
                status(o, lang),
            ]
        })
        .collect();
    d.table(
        pick(lang, "Tilbud", "Offers"),
        &[
            pick(lang, "Tilbud", "Offer"),
            pick(lang, "Udbyder", "Provider"),
            pick(lang, "Grundlag", "Footing"),
            pick(lang, "Form", "Form"),
            pick(lang, "Timer pr. uge", "Hours a week"),
            pick(lang, "Ventetid", "Wait"),
            pick(lang, "Varighed", "Length"),
            pick(lang, "Status", "Status"),
        ],
        rows,
    );
    let schedules: Vec<String> = c
        .offers
        .iter()
        .filter_map(|o| {
            o.schedule
                .as_ref()
                .map(|s| format!("{}: {s}", o.name(lang)))
        })
        .collect();
    if !schedules.is_empty() {
        d.h(2, pick(lang, "Hvornår", "When"));
        d.list(schedules);
    }
    d
}

/// The `offer_match` answer: the offers that fit, best first, and the others with the reasons
/// in words.
pub fn offer_match(case: &CaseFile, m: &OfferMatch, lang: Language) -> Doc {
    let mut d = Doc::default();
    d.h(
        1,
        format!(
            "{} {}",
            pick(lang, "Tilbud til", "Offers for"),
            case.citizen.name
        ),
    );
    d.labelled(
        pick(lang, "Opgjort pr.", "As of"),
        coord_core::text::date_long(lang, m.as_of),
    );
    d.h(2, pick(lang, "Passer, bedste først", "Fits, best first"));
    if m.matches.is_empty() {
        d.p(pick(
            lang,
            "Intet tilbud passer lige nu.",
            "No offer fits now.",
        ));
    }
    let rows = m
        .matches
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let fits: Vec<&str> = c.fits.iter().map(|a| a.label(lang)).collect();
            vec![
                (i + 1).to_string(),
                c.name(lang).to_owned(),
                format!("{}, {}", c.basis.label(lang), c.mode.label(lang)),
                fits.join(", "),
                wait(c.waiting_weeks, lang),
                if c.wished {
                    pick(lang, "ja", "yes").to_owned()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    d.table(
        pick(lang, "Tilbud, der passer", "Offers that fit"),
        &[
            "#",
            pick(lang, "Tilbud", "Offer"),
            pick(lang, "Grundlag og form", "Footing and form"),
            pick(lang, "Passer til", "Fits"),
            pick(lang, "Ventetid", "Wait"),
            pick(lang, "Ønsket af borgeren", "Asked for by the citizen"),
        ],
        rows,
    );
    if !m.excluded.is_empty() {
        d.h(2, pick(lang, "Fravalgt", "Not shown"));
        let rows = m
            .excluded
            .iter()
            .map(|e| {
                let why: Vec<String> = e.reasons.iter().map(|r| r.describe(lang)).collect();
                vec![e.name(lang).to_owned(), why.join("; ")]
            })
            .collect();
        d.table(
            pick(
                lang,
                "Fravalgte tilbud og hvorfor",
                "Offers not shown and why",
            ),
            &[pick(lang, "Tilbud", "Offer"), pick(lang, "Hvorfor", "Why")],
            rows,
        );
    }
    d
}
