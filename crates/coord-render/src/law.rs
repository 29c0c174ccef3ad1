//! The law a result was made under, as text lines: the banner (no pack in force, or a pack given
//! outside its period), the pack and its period, transitions and announcements.

use coord_core::category::Language;
use coord_core::rules::law::LawStatus;
use coord_core::text::pick;
use coord_core::time::DatePeriod;

/// A period as `2026-02-01 – 2026-06-30` or `2026-02-01 –` (open end).
pub fn period(p: &DatePeriod, lang: Language) -> String {
    let from = coord_core::text::date_long(lang, p.from);
    match p.to {
        Some(to) => format!("{from} – {}", coord_core::text::date_long(lang, to)),
        None => format!("{} {from}", pick(lang, "fra", "from")),
    }
}

/// The banner line, if any (the first thing a report or evaluation prints).
pub fn banner(law: &LawStatus, lang: Language) -> Option<String> {
    law.banner.as_ref().map(|b| {
        let text = pick(lang, &b.da, &b.en);
        let mut chars = text.chars();
        let first: String = chars
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        format!("{first}{}.", chars.as_str())
    })
}

/// The pack line: id, version, title, period and whether it is in force.
pub fn pack_line(law: &LawStatus, lang: Language) -> String {
    match &law.pack {
        Some(p) => format!(
            "{} {} {} ({}), {} {}{}",
            pick(lang, "regelsæt", "rule pack"),
            p.id,
            p.version,
            pick(lang, &p.title_da, &p.title_en),
            pick(lang, "gælder", "valid"),
            period(&p.valid, lang),
            if p.in_force {
                ""
            } else {
                pick(
                    lang,
                    " (ikke i kraft på datoen)",
                    " (not in force on the date)",
                )
            }
        ),
        None => format!(
            "{} {}",
            pick(
                lang,
                "intet regelsæt i kraft for",
                "no rule pack in force for"
            ),
            law.jurisdiction
        ),
    }
}

/// One line per transition applied and per announcement noticed.
pub fn notes(law: &LawStatus, lang: Language) -> Vec<String> {
    let mut out = Vec::new();
    for t in &law.transitions {
        let kept: Vec<&str> = t.kept.iter().map(|r| r.as_str()).collect();
        out.push(format!(
            "{}: {} — {} {} ({}){}",
            pick(
                lang,
                "Tidligere regler for denne sag",
                "Earlier law for this case"
            ),
            pick(lang, &t.title_da, &t.title_en),
            t.earlier_pack,
            kept.join(", "),
            t.source.citation,
            unverified(&t.source, lang)
        ));
    }
    for a in &law.announcements {
        out.push(pick(lang, &a.da, &a.en).to_owned());
    }
    out
}

/// ` (not verified)` / ` (ikke bekræftet)` for a source the brief does not confirm.
pub fn unverified(source: &coord_core::rules::pack::RuleSource, lang: Language) -> &'static str {
    if source.verified {
        ""
    } else {
        pick(lang, " (ikke bekræftet)", " (not verified)")
    }
}
