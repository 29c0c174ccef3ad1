//! The coordination report for the meeting, as a document. Rendering only: every figure, every
//! choice (who is on the team today, which offers to show, what needs attention first) and every
//! sentence comes from `coord_core::report`. Rule ids, case-file places and pack ids are for the
//! record: they go to the "sources" part (folded away in HTML, absent in text and Markdown).

use crate::doc::{Block, Doc};
use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_core::report::{AttentionKind, CoordinationReport};
use coord_core::rules::ReferralTarget;
use coord_core::team::role_label;
use coord_core::text::{count, date_long, date_short, decimal, pick, signed, Unit};

/// Build the report document. `chart` is an SVG of the progression, placed in the HTML page.
pub fn document(
    r: &CoordinationReport,
    case: &CaseFile,
    lang: Language,
    chart: Option<String>,
) -> Doc {
    let mut d = Doc::default();
    let mut sources: Vec<String> = vec![
        format!("{}: {}", pick(lang, "sag", "case"), r.case),
        format!(
            "{}: {}",
            pick(lang, "regelsæt", "rule pack"),
            crate::law::pack_line(&r.law, lang)
        ),
    ];
    d.h(
        1,
        format!(
            "{} — {}",
            pick(lang, "Koordineringsrapport", "Coordination report"),
            r.citizen
        ),
    );
    if let Some(banner) = crate::law::banner(&r.law, lang) {
        d.alert(banner);
    }
    if !r.title.is_empty() {
        d.p(r.title.clone());
    }
    d.labelled(pick(lang, "Opgjort pr.", "As of"), date_long(lang, r.as_of));
    d.labelled(
        pick(lang, "Regelsæt", "Rules"),
        match &r.law.pack {
            Some(p) => format!(
                "{} ({} {})",
                pick(lang, &p.title_da, &p.title_en),
                pick(lang, "gælder", "valid"),
                crate::law::period(&p.valid, lang)
            ),
            None => pick(lang, "intet regelsæt i kraft", "no rule pack in force").to_owned(),
        },
    );
    let notes = crate::law::notes(&r.law, lang);
    if !notes.is_empty() {
        d.list(notes);
    }

    attention(&mut d, r, lang, &mut sources);
    level(&mut d, r, lang, &mut sources);
    team(&mut d, r, case, lang);
    deadlines(&mut d, r, lang, &mut sources);
    referrals(&mut d, r, case, lang, &mut sources);
    consent(&mut d, r, lang, &mut sources);
    plan(&mut d, r, lang);
    progression(&mut d, r, lang, chart);
    offers(&mut d, r, lang);
    if !r.warnings.is_empty() {
        d.h(2, pick(lang, "Husk", "Remember"));
        d.list(
            r.warnings
                .iter()
                .map(|w| pick(lang, &w.da, &w.en).to_owned())
                .collect(),
        );
        sources.extend(
            r.warnings
                .iter()
                .map(|w| format!("{}: {}", pick(lang, "husk", "remember"), w.rule)),
        );
    }
    d.sources(
        pick(
            lang,
            "Kilder (regler og steder i sagen)",
            "Sources (rules and places in the case file)",
        ),
        sources,
    );
    d
}

fn attention(d: &mut Doc, r: &CoordinationReport, lang: Language, sources: &mut Vec<String>) {
    d.h(2, pick(lang, "Kræver handling nu", "Needs attention now"));
    if r.attention.is_empty() {
        d.p(pick(
            lang,
            "Intet er overskredet, forsinket eller mangler.",
            "Nothing is past due, late or missing.",
        ));
        return;
    }
    let (safety, rest): (Vec<_>, Vec<_>) = r
        .attention
        .iter()
        .partition(|a| a.kind == AttentionKind::Safety);
    for a in &safety {
        d.alert(a.text(lang).to_owned());
    }
    d.list(rest.iter().map(|a| a.text(lang).to_owned()).collect());
    sources.extend(r.attention.iter().map(|a| {
        format!(
            "{}: {} ({})",
            pick(lang, "handling", "attention"),
            a.source,
            a.code
        )
    }));
}

fn level(d: &mut Doc, r: &CoordinationReport, lang: Language, sources: &mut Vec<String>) {
    d.h(2, pick(lang, "Koordineringsniveau", "Coordination level"));
    match &r.level {
        Some(l) => {
            d.labelled(pick(lang, "Niveau", "Level"), l.level.label(lang));
            d.list(
                l.because
                    .iter()
                    .map(|b| {
                        format!(
                            "{}{}",
                            pick(lang, &b.title_da, &b.title_en),
                            mark(r, b.rule.as_str(), lang)
                        )
                    })
                    .collect(),
            );
            sources.extend(l.because.iter().map(|b| {
                format!(
                    "{}: {} — {}",
                    pick(lang, "niveau", "level"),
                    b.rule,
                    b.source.citation
                )
            }));
        }
        None if !r.law.assessed() => d.p(pick(
            lang,
            "Ikke vurderet: intet regelsæt er i kraft på datoen.",
            "Not assessed: no rule pack is in force on the date.",
        )),
        None => d.p(pick(
            lang,
            "Ingen regel satte et koordineringsniveau.",
            "No rule set a coordination level.",
        )),
    }
}

/// The mark after an item a rule produced: an unverified reading or local practice (not law).
fn mark(r: &CoordinationReport, rule: &str, lang: Language) -> &'static str {
    match r.rule_marks.iter().find(|m| m.rule.as_str() == rule) {
        None => "",
        Some(m) if m.local_practice => pick(lang, " (lokal praksis)", " (local practice)"),
        Some(_) => pick(lang, " (ikke verificeret)", " (unverified)"),
    }
}

fn team(d: &mut Doc, r: &CoordinationReport, case: &CaseFile, lang: Language) {
    d.h(2, pick(lang, "Hvem holder tråden", "Who holds the thread"));
    d.p(crate::team::thread_holder(&r.team.thread, lang));
    crate::team::member_table(d, r.current_members(), lang, false);
    crate::team::handovers(d, &r.team, case, lang);
}

fn deadlines(d: &mut Doc, r: &CoordinationReport, lang: Language, sources: &mut Vec<String>) {
    d.h(2, pick(lang, "Frister", "Deadlines"));
    if r.deadlines.is_empty() {
        d.p(pick(
            lang,
            "Reglerne sætter ingen frister i denne sag.",
            "The rules set no deadlines for this case.",
        ));
    }
    d.table(
        pick(lang, "Frister efter reglerne", "Deadlines the rules set"),
        &[
            pick(lang, "Frist", "Due"),
            pick(lang, "Opgave", "Task"),
            pick(lang, "Status", "Status"),
        ],
        r.deadlines
            .iter()
            .map(|x| {
                vec![
                    date_short(lang, x.due),
                    format!(
                        "{}{}",
                        pick(lang, &x.title_da, &x.title_en),
                        mark(r, x.rule.as_str(), lang)
                    ),
                    x.status.label(lang).to_owned(),
                ]
            })
            .collect(),
    );
    sources.extend(r.deadlines.iter().map(|x| {
        format!(
            "{} {}: {}{}",
            pick(lang, "frist", "deadline"),
            date_short(lang, x.due),
            x.rule,
            x.pack
                .as_ref()
                .map(|p| format!(" · {p}"))
                .unwrap_or_default()
        )
    }));
}

fn referrals(
    d: &mut Doc,
    r: &CoordinationReport,
    case: &CaseFile,
    lang: Language,
    sources: &mut Vec<String>,
) {
    d.h(2, pick(lang, "Henvisninger", "Referrals"));
    if r.referrals.referrals.is_empty() {
        d.p(pick(
            lang,
            "Ingen henvisninger er registreret.",
            "No referrals are recorded.",
        ));
    }
    crate::team::referral_table(d, &r.referrals, case, lang);
    if !r.proposed_referrals.is_empty() {
        d.p(pick(
            lang,
            "Foreslået af reglerne:",
            "Proposed by the rules:",
        ));
        d.list(
            r.proposed_referrals
                .iter()
                .map(|p| match &p.target {
                    ReferralTarget::Offer(o) => r
                        .offers
                        .matches
                        .iter()
                        .find(|m| &m.offer == o)
                        .map(|m| pick(lang, &m.name_da, &m.name_en).to_owned())
                        .or_else(|| {
                            r.offers
                                .excluded
                                .iter()
                                .find(|m| &m.offer == o)
                                .map(|m| pick(lang, &m.name_da, &m.name_en).to_owned())
                        })
                        .unwrap_or_else(|| o.to_string()),
                    ReferralTarget::Role(role) => role_label(role, lang),
                })
                .collect(),
        );
        sources.extend(
            r.proposed_referrals
                .iter()
                .map(|p| format!("{}: {}", pick(lang, "forslag", "proposal"), p.rule)),
        );
    }
    sources.extend(
        r.referrals
            .referrals
            .iter()
            .map(|s| format!("{}: {}", pick(lang, "henvisning", "referral"), s.referral)),
    );
}

fn consent(d: &mut Doc, r: &CoordinationReport, lang: Language, sources: &mut Vec<String>) {
    d.h(2, pick(lang, "Samtykke", "Consent"));
    if r.consent_gaps.is_empty() {
        d.p(pick(
            lang,
            "Reglerne finder intet manglende samtykke.",
            "The rules find no missing consent.",
        ));
    } else {
        d.list(
            r.consent_gaps
                .iter()
                .map(|g| pick(lang, &g.ask_da, &g.ask_en).to_owned())
                .collect(),
        );
        sources.extend(
            r.consent_gaps
                .iter()
                .map(|g| format!("{}: {}", pick(lang, "samtykke", "consent"), g.rule)),
        );
    }
}

fn plan(d: &mut Doc, r: &CoordinationReport, lang: Language) {
    d.h(2, pick(lang, "Den fælles plan", "The shared plan"));
    d.p(format!(
        "{} · {}",
        count(lang, r.plan.goals_checked as i64, Unit::Goal),
        count(lang, r.plan.activities_checked as i64, Unit::Activity)
    ));
    d.table(
        pick(lang, "Borgerens mål", "The citizen's goals"),
        &[
            pick(
                lang,
                "Mål (med borgerens ord)",
                "Goal (in the citizen's words)",
            ),
            pick(lang, "Område", "Domain"),
            pick(lang, "Opnåelse", "Achievement"),
        ],
        r.progress
            .goals
            .iter()
            .map(|g| {
                vec![
                    g.text.clone(),
                    g.domain.label(lang).to_owned(),
                    g.achievement
                        .map(|a| a.label(lang).to_owned())
                        .unwrap_or_default(),
                ]
            })
            .collect(),
    );
}

fn progression(d: &mut Doc, r: &CoordinationReport, lang: Language, chart: Option<String>) {
    d.h(2, pick(lang, "Progression", "Progression"));
    if r.progress.indicators.is_empty() {
        d.p(pick(lang, "Ingen målinger endnu.", "No measurements yet."));
    }
    d.table(
        pick(
            lang,
            "Målinger: første og seneste",
            "Measurements: first and latest",
        ),
        &[
            pick(lang, "Indikator", "Indicator"),
            pick(lang, "Udgangspunkt", "Baseline"),
            pick(lang, "Seneste", "Latest"),
            pick(lang, "Ændring", "Change"),
            pick(lang, "Pålidelig ændring", "Reliable change"),
            pick(lang, "Klinisk relevant", "Clinically relevant"),
        ],
        r.progress
            .indicators
            .iter()
            .map(|p| {
                let band = |b: Option<usize>| crate::plan::band_label(p, b, lang);
                vec![
                    p.name(lang).to_owned(),
                    format!(
                        "{} {}{}",
                        date_short(lang, p.baseline.date),
                        decimal(lang, p.baseline.score),
                        band(p.baseline.band)
                    ),
                    format!(
                        "{} {}{}",
                        date_short(lang, p.latest.date),
                        decimal(lang, p.latest.score),
                        band(p.latest.band)
                    ),
                    signed(lang, p.change),
                    p.reliable_change
                        .map(|rc| rc.class.label(lang).to_owned())
                        .unwrap_or_else(|| "—".into()),
                    crate::plan::clinically_relevant(p, lang),
                ]
            })
            .collect(),
    );
    if let Some(svg) = chart {
        d.blocks.push(Block::Svg(svg));
    }
}

fn offers(d: &mut Doc, r: &CoordinationReport, lang: Language) {
    d.h(2, pick(lang, "Tilbud der passer", "Offers that fit"));
    d.list(
        r.offers_shown()
            .iter()
            .map(|o| {
                let wait = o
                    .waiting_weeks
                    .map(|w| {
                        format!(
                            " · {}: {}",
                            pick(lang, "ventetid", "wait"),
                            count(lang, i64::from(w), Unit::Week)
                        )
                    })
                    .unwrap_or_default();
                let wish = if o.wished {
                    pick(lang, " · ønsket af borgeren", " · asked for by the citizen")
                } else {
                    ""
                };
                format!("{} ({}){wait}{wish}", o.name(lang), o.basis.label(lang))
            })
            .collect(),
    );
    if !r.offers_not_now.is_empty() {
        d.folded(
            pick(
                lang,
                "Passer til borgerens mål, men ikke nu:",
                "Speaks to the citizen's goals, but not now:",
            ),
            r.offers_not_now
                .iter()
                .map(|e| {
                    let why: Vec<String> = e.reasons.iter().map(|x| x.describe(lang)).collect();
                    format!("{}: {}", e.name(lang), why.join("; "))
                })
                .collect(),
        );
    }
}

/// The report printed in `format`: text (tables wrapped to `width`), Markdown, or the HTML page
/// with the progression chart inline and the citizen's name, the date and the page number in the
/// printed header.
pub fn print(
    r: &CoordinationReport,
    case: &CaseFile,
    lang: Language,
    format: crate::Format,
) -> Result<String, crate::chart::ChartError> {
    Ok(match format {
        crate::Format::Text { width } => document(r, case, lang, None).text(width),
        crate::Format::Markdown => document(r, case, lang, None).markdown(),
        crate::Format::Html => {
            let chart = if r.progress.indicators.is_empty() {
                None
            } else {
                Some(crate::chart::progress_svg(&r.progress, &r.citizen, lang)?)
            };
            let when = date_long(lang, r.as_of);
            let title = format!(
                "{} — {} — {when}",
                pick(lang, "Koordineringsrapport", "Coordination report"),
                r.citizen
            );
            document(r, case, lang, chart).html(&crate::page(&title, &r.citizen, &when, lang))
        }
    })
}
