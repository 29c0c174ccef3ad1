//! The coordination report as a document (text, Markdown, HTML). Rendering only: every figure
//! and sentence comes from `coord_core::report`.

use crate::doc::{Block, Doc};
use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_core::ids::ActorId;
use coord_core::report::CoordinationReport;
use coord_core::rules::evaluate::DeadlineStatus;
use coord_core::rules::ReferralTarget;
use coord_core::team::{role_label, ThreadHolder};

fn t(lang: Language, en: &str, da: &str) -> String {
    match lang {
        Language::En => en.to_owned(),
        Language::Da => da.to_owned(),
    }
}

fn name(case: &CaseFile, id: &ActorId) -> String {
    case.actor(id)
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// Build the report document. `chart` is an SVG of the progression, placed in the HTML page.
pub fn document(
    r: &CoordinationReport,
    case: &CaseFile,
    lang: Language,
    chart: Option<String>,
) -> Doc {
    let mut d = Doc::default();
    d.h(
        1,
        format!(
            "{} — {}",
            t(lang, "Coordination report", "Koordineringsrapport"),
            r.citizen
        ),
    );
    if let Some(b) = crate::render_law::banner(&r.law, lang) {
        d.p(b);
    }
    if !r.title.is_empty() {
        d.p(r.title.clone());
    }
    d.p(format!(
        "{} {} · {} · {} {}",
        t(lang, "As of", "Pr."),
        r.as_of,
        crate::render_law::pack_line(&r.law, lang),
        t(lang, "case", "sag"),
        r.case
    ));
    let notes = crate::render_law::notes(&r.law, lang);
    if !notes.is_empty() {
        d.list(notes);
    }
    let mark = |rule: &coord_core::ids::RuleId| -> String { report_mark(r, rule.as_str(), lang) };

    d.h(2, t(lang, "Coordination level", "Koordineringsniveau"));
    match &r.level {
        Some(l) => {
            d.p(format!(
                "{}: {}",
                t(lang, "Level", "Niveau"),
                l.level.label(lang)
            ));
            d.list(
                l.because
                    .iter()
                    .map(|b| {
                        let title = if lang == Language::En {
                            &b.title_en
                        } else {
                            &b.title_da
                        };
                        format!(
                            "{title} [{}]{} — {}",
                            b.rule,
                            report_mark(r, b.rule.as_str(), lang),
                            b.source.citation
                        )
                    })
                    .collect(),
            );
        }
        None if !r.law.assessed() && !r.law.pack.as_ref().is_some_and(|p| p.given) => d.p(t(
            lang,
            "Not assessed: no rule pack is in force on the date.",
            "Ikke vurderet: intet regelsæt er i kraft på datoen.",
        )),
        None => d.p(t(
            lang,
            "No rule set a coordination level.",
            "Ingen regel satte et koordineringsniveau.",
        )),
    }

    d.h(2, t(lang, "Needs attention now", "Kræver handling nu"));
    if r.attention.is_empty() {
        d.p(t(
            lang,
            "Nothing is overdue, stale or missing.",
            "Intet er overskredet, hængende eller mangler.",
        ));
    } else {
        d.list(
            r.attention
                .iter()
                .map(|a| {
                    format!(
                        "{} [{}]{}",
                        a.text(lang),
                        a.source,
                        report_mark(r, &a.source, lang)
                    )
                })
                .collect(),
        );
    }

    d.h(2, t(lang, "Who holds the thread", "Hvem holder tråden"));
    d.p(match &r.team.thread {
        ThreadHolder::One { member } => {
            let how = member
                .contact
                .as_ref()
                .and_then(|c| c.phone.clone().or_else(|| c.email.clone()));
            format!(
                "{} ({}){}",
                member.name,
                role_label(&member.role, lang),
                how.map(|h| format!(" · {h}")).unwrap_or_default()
            )
        }
        ThreadHolder::Nobody => t(lang, "Nobody holds the thread.", "Ingen holder tråden."),
        ThreadHolder::Several { members } => format!(
            "{}: {}",
            t(
                lang,
                "Several people coordinate at once",
                "Flere koordinerer på samme tid"
            ),
            members
                .iter()
                .map(|m| m.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ThreadHolder::NoCourse => t(
            lang,
            "No course is running on this date.",
            "Intet forløb kører på denne dato.",
        ),
    });
    d.table(
        &[
            &t(lang, "Member", "Medlem"),
            &t(lang, "Role", "Rolle"),
            &t(lang, "Organisation", "Organisation"),
            &t(lang, "Period", "Periode"),
            &t(lang, "Contact", "Kontakt"),
        ],
        r.team
            .members
            .iter()
            .filter(|m| m.current)
            .map(|m| {
                vec![
                    m.name.clone(),
                    role_label(&m.role, lang),
                    m.organisation_name.clone().unwrap_or_default(),
                    format!(
                        "{} – {}",
                        m.period.from,
                        m.period.to.map(|d| d.to_string()).unwrap_or_default()
                    ),
                    m.contact
                        .as_ref()
                        .map(|c| {
                            [c.phone.clone(), c.email.clone()]
                                .into_iter()
                                .flatten()
                                .collect::<Vec<_>>()
                                .join(", ")
                        })
                        .unwrap_or_default(),
                ]
            })
            .collect(),
    );
    d.list(
        r.team
            .handovers
            .iter()
            .map(|h| {
                format!(
                    "{} {}: {} → {}",
                    t(lang, "Handover", "Overdragelse"),
                    h.on,
                    name(case, &h.from),
                    name(case, &h.to)
                )
            })
            .collect(),
    );

    d.h(2, t(lang, "Deadlines", "Frister"));
    if r.deadlines.is_empty() {
        d.p(t(
            lang,
            "The rules set no deadlines for this case.",
            "Reglerne sætter ingen frister i denne sag.",
        ));
    }
    d.table(
        &[
            &t(lang, "Due", "Frist"),
            &t(lang, "Task", "Opgave"),
            &t(lang, "Status", "Status"),
            &t(lang, "Rule", "Regel"),
        ],
        r.deadlines
            .iter()
            .map(|x| {
                let status = match (x.status, lang) {
                    (DeadlineStatus::Overdue, Language::En) => "OVERDUE",
                    (DeadlineStatus::Overdue, Language::Da) => "OVERSKREDET",
                    (DeadlineStatus::Open, Language::En) => "open",
                    (DeadlineStatus::Open, Language::Da) => "åben",
                    (DeadlineStatus::Done, Language::En) => "done",
                    (DeadlineStatus::Done, Language::Da) => "udført",
                };
                let title = if lang == Language::En {
                    &x.title_en
                } else {
                    &x.title_da
                };
                let rule = match &x.pack {
                    Some(p) => format!("{} · {p}{}", x.rule, mark(&x.rule)),
                    None => format!("{}{}", x.rule, mark(&x.rule)),
                };
                vec![
                    x.due.to_string(),
                    title.to_string(),
                    status.to_owned(),
                    rule,
                ]
            })
            .collect(),
    );

    d.h(2, t(lang, "Referrals", "Henvisninger"));
    if r.referrals.referrals.is_empty() {
        d.p(t(
            lang,
            "No referrals are recorded.",
            "Ingen henvisninger er registreret.",
        ));
    }
    d.table(
        &[
            &t(lang, "Referral", "Henvisning"),
            &t(lang, "To", "Til"),
            &t(lang, "State", "Status"),
            &t(lang, "Respond by", "Svarfrist"),
            "",
        ],
        r.referrals
            .referrals
            .iter()
            .map(|s| {
                let state = if lang == Language::En {
                    s.state.label_en()
                } else {
                    s.state.label_da()
                };
                let flag = if s.stale {
                    format!(
                        "{} ({} {})",
                        t(lang, "STALE", "HÆNGER"),
                        s.working_days_overdue,
                        t(lang, "working days over", "hverdage over")
                    )
                } else {
                    s.outcome.map(|o| o.describe(lang)).unwrap_or_default()
                };
                vec![
                    s.referral.to_string(),
                    match (lang, &s.offer_name_en, &s.offer_name_da, &s.offer) {
                        (Language::En, Some(n), _, _) | (Language::Da, _, Some(n), _) => n.clone(),
                        (_, _, _, Some(o)) => o.to_string(),
                        _ => name(case, &s.to),
                    },
                    state.to_owned(),
                    s.due.map(|d| d.to_string()).unwrap_or_default(),
                    flag,
                ]
            })
            .collect(),
    );
    if !r.proposed_referrals.is_empty() {
        d.p(t(lang, "Proposed by the rules:", "Foreslået af reglerne:"));
        d.list(
            r.proposed_referrals
                .iter()
                .map(|p| {
                    let target = match &p.target {
                        ReferralTarget::Offer(o) => o.to_string(),
                        ReferralTarget::Role(role) => role_label(role, lang),
                    };
                    format!("{target} [{}]", p.rule)
                })
                .collect(),
        );
    }

    d.h(2, t(lang, "Consent", "Samtykke"));
    if r.consent_gaps.is_empty() {
        d.p(t(
            lang,
            "The rules find no missing consent.",
            "Reglerne finder intet manglende samtykke.",
        ));
    } else {
        d.list(
            r.consent_gaps
                .iter()
                .map(|g| {
                    format!(
                        "{} [{}]",
                        if lang == Language::En {
                            &g.ask_en
                        } else {
                            &g.ask_da
                        },
                        g.rule
                    )
                })
                .collect(),
        );
    }

    d.h(2, t(lang, "The shared plan", "Den fælles plan"));
    d.p(format!(
        "{} {} · {} {}",
        r.plan.goals_checked,
        t(lang, "goals", "mål"),
        r.plan.activities_checked,
        t(lang, "activities", "aktiviteter")
    ));
    if !r.plan.findings.is_empty() {
        d.p(format!(
            "{} {}",
            r.plan.findings.len(),
            t(
                lang,
                "plan finding(s): see “Needs attention now”.",
                "fund i planen: se “Kræver handling nu”."
            )
        ));
    }
    d.table(
        &[
            &t(
                lang,
                "Goal (in the citizen's words)",
                "Mål (med borgerens ord)",
            ),
            &t(lang, "Domain", "Område"),
            &t(lang, "Achievement", "Opnåelse"),
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

    d.h(2, t(lang, "Progression", "Progression"));
    if r.progress.indicators.is_empty() {
        d.p(t(lang, "No measurements yet.", "Ingen målinger endnu."));
    }
    d.table(
        &[
            &t(lang, "Indicator", "Indikator"),
            &t(lang, "Baseline", "Udgangspunkt"),
            &t(lang, "Latest", "Seneste"),
            &t(lang, "Change", "Ændring"),
            &t(lang, "Reliable change", "Pålidelig ændring"),
        ],
        r.progress
            .indicators
            .iter()
            .map(|p| {
                let band = |b: Option<usize>| {
                    b.and_then(|i| p.bands.get(i))
                        .map(|b| format!(" ({})", b.label(lang)))
                        .unwrap_or_default()
                };
                vec![
                    if lang == Language::En {
                        p.name_en.clone()
                    } else {
                        p.name_da.clone()
                    },
                    format!(
                        "{} {}{}",
                        p.baseline.date,
                        num(p.baseline.score),
                        band(p.baseline.band)
                    ),
                    format!(
                        "{} {}{}",
                        p.latest.date,
                        num(p.latest.score),
                        band(p.latest.band)
                    ),
                    format!("{:+}", (p.change * 10.0).round() / 10.0),
                    p.reliable_change
                        .map(|rc| rc.class.label(lang).to_owned())
                        .unwrap_or_else(|| "—".into()),
                ]
            })
            .collect(),
    );
    if let Some(svg) = chart {
        d.blocks.push(Block::Svg(svg));
    }

    d.h(2, t(lang, "Offers that fit", "Tilbud der passer"));
    d.list(
        r.offers
            .matches
            .iter()
            .take(5)
            .map(|o| {
                let nm = if lang == Language::En {
                    &o.name_en
                } else {
                    &o.name_da
                };
                let wait = o
                    .waiting_weeks
                    .map(|w| {
                        format!(
                            " · {}: {w} {}",
                            t(lang, "wait", "ventetid"),
                            t(lang, "wk", "uger")
                        )
                    })
                    .unwrap_or_default();
                let wish = if o.wished {
                    t(lang, " · asked for by the citizen", " · ønsket af borgeren")
                } else {
                    String::new()
                };
                format!(
                    "{nm} ({}){wait}{wish}",
                    if lang == Language::En {
                        o.basis.label_en()
                    } else {
                        o.basis.label_da()
                    }
                )
            })
            .collect(),
    );

    if !r.offers_not_now.is_empty() {
        d.p(t(
            lang,
            "Speaks to the citizen's goals, but not now:",
            "Passer til borgerens mål, men ikke nu:",
        ));
        d.list(
            r.offers_not_now
                .iter()
                .map(|e| {
                    let nm = if lang == Language::En {
                        &e.name_en
                    } else {
                        &e.name_da
                    };
                    let why: Vec<String> = e.reasons.iter().map(|x| x.describe(lang)).collect();
                    format!("{nm}: {}", why.join("; "))
                })
                .collect(),
        );
    }

    if !r.warnings.is_empty() {
        d.h(2, t(lang, "Remember", "Husk"));
        d.list(
            r.warnings
                .iter()
                .map(|w| {
                    format!(
                        "{} [{}]{}",
                        if lang == Language::En { &w.en } else { &w.da },
                        w.rule,
                        mark(&w.rule)
                    )
                })
                .collect(),
        );
    }
    d
}

/// The mark after an item a rule produced: an unverified reading or local practice (not law).
fn report_mark(r: &CoordinationReport, source: &str, lang: Language) -> String {
    match r.rule_marks.iter().find(|m| m.rule.as_str() == source) {
        None => String::new(),
        Some(m) if m.local_practice => t(lang, " (local practice)", " (lokal praksis)"),
        Some(_) => t(lang, " (unverified)", " (ikke verificeret)"),
    }
}
