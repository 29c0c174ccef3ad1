//! The shared plan for people: the plan check, progression per indicator and goal, instrument
//! definitions and scores. Rendering only: words from the core, numbers from its answers.

use crate::doc::Doc;
use coord_core::category::Language;
use coord_core::instruments::{InstrumentDefinition, Score, Scoring};
use coord_core::plan::{IndicatorProgress, PlanCheck, ProgressReport};
use coord_core::text::{count, date_long, decimal, fixed, pick, signed, Unit};

/// The plan check of `citizen`'s plan.
pub fn plan_check(r: &PlanCheck, citizen: &str, lang: Language) -> Doc {
    let mut d = Doc::default();
    d.h(1, format!("{} — {citizen}", pick(lang, "Planen", "Plan")));
    d.labelled(pick(lang, "Pr.", "As of"), date_long(lang, r.as_of));
    d.p(format!(
        "{} · {} · {}",
        count(lang, r.goals_checked as i64, Unit::Goal),
        count(lang, r.activities_checked as i64, Unit::Activity),
        count(lang, r.findings.len() as i64, Unit::Finding)
    ));
    d.list(r.findings.iter().map(|f| f.describe(lang)).collect());
    d
}

/// " (band)" after a score, or nothing when the score has no band.
pub(crate) fn band_label(p: &IndicatorProgress, band: Option<usize>, lang: Language) -> String {
    band.and_then(|i| p.bands.get(i))
        .map(|b| format!(" ({})", b.label(lang)))
        .unwrap_or_default()
}

/// The "clinically relevant" cell: yes, no, or a dash when the instrument defines no such change.
pub(crate) fn clinically_relevant(p: &IndicatorProgress, lang: Language) -> String {
    p.clinically_relevant
        .map(|c| {
            pick(
                lang,
                if c { "ja" } else { "nej" },
                if c { "yes" } else { "no" },
            )
            .to_owned()
        })
        .unwrap_or_else(|| "—".into())
}

/// Progression of `citizen`'s indicators and goals.
pub fn progress(r: &ProgressReport, citizen: &str, lang: Language) -> Doc {
    let mut d = Doc::default();
    d.h(1, format!("Progression — {citizen}"));
    d.labelled(pick(lang, "Pr.", "As of"), date_long(lang, r.as_of));
    for p in &r.indicators {
        for f in &p.safety_flags {
            d.alert(format!(
                "{} {}: {}",
                p.name(lang),
                date_long(lang, p.latest.date),
                pick(lang, &f.message_da, &f.message_en)
            ));
        }
    }
    if r.indicators.is_empty() {
        d.p(pick(
            lang,
            "Ingen målinger til og med denne dag.",
            "No measurements up to this day.",
        ));
    }
    d.table(
        pick(
            lang,
            "Indikatorer: start og seneste måling",
            "Indicators: first and latest measurement",
        ),
        &[
            pick(lang, "Indikator", "Indicator"),
            pick(lang, "Taler om", "Speaks of"),
            pick(lang, "Start", "Baseline"),
            pick(lang, "Seneste", "Latest"),
            pick(lang, "Ændring", "Change"),
            pick(lang, "Pålidelig ændring", "Reliable change"),
            pick(lang, "Klinisk relevant", "Clinically relevant"),
            pick(lang, "Trend pr. måned", "Trend per month"),
        ],
        r.indicators
            .iter()
            .map(|p| {
                vec![
                    p.name(lang).to_owned(),
                    p.speaks_of.label(lang).to_owned(),
                    format!(
                        "{}{}",
                        decimal(lang, p.baseline.score),
                        band_label(p, p.baseline.band, lang)
                    ),
                    format!(
                        "{}{}",
                        decimal(lang, p.latest.score),
                        band_label(p, p.latest.band, lang)
                    ),
                    format!("{} {}", signed(lang, p.change), p.direction.label(lang)),
                    p.reliable_change.map_or_else(
                        || "–".to_owned(),
                        |rc| format!("RCI {} {}", fixed(lang, rc.rci, 2), rc.class.label(lang)),
                    ),
                    clinically_relevant(p, lang),
                    p.trend_per_month
                        .map_or_else(|| "–".to_owned(), |t| signed(lang, t)),
                ]
            })
            .collect(),
    );
    let mut moves = Vec::new();
    for p in &r.indicators {
        for t in &p.band_transitions {
            let label = |i: usize| p.band(i).map_or("", |b| b.label(lang));
            moves.push(format!(
                "{} {}: {} → {}",
                p.name(lang),
                date_long(lang, t.date),
                label(t.from),
                label(t.to)
            ));
        }
    }
    d.list(moves);
    // The common language (DOMAIN.md S9): each term read in the other sector's words.
    let mut terms: Vec<_> = r.indicators.iter().map(|p| p.speaks_of).collect();
    terms.extend(r.goals.iter().map(|g| g.speaks_of));
    terms.sort();
    terms.dedup();
    if !terms.is_empty() {
        d.h(2, pick(lang, "Fælles sprog", "Common language"));
        d.list(
            terms
                .iter()
                .map(|t| format!("{} — {}", t.label(lang), t.in_other_terms(lang)))
                .collect(),
        );
    }
    d.h(2, pick(lang, "Mål", "Goals"));
    if r.goals.is_empty() {
        d.p(pick(lang, "Ingen mål i en plan.", "No goals in a plan."));
    }
    for g in &r.goals {
        let achievement = g
            .achievement
            .map_or_else(String::new, |a| format!(", {}", a.label(lang)));
        let mut items = vec![format!(
            "“{}” ({} — {}){achievement}",
            g.text,
            g.domain.label(lang),
            g.speaks_of.label(lang),
        )];
        for t in &g.targets {
            let state = match t.met_on {
                Some(on) => format!("{} {}", t.state.label(lang), date_long(lang, on)),
                None => t.state.label(lang).to_owned(),
            };
            let latest = t.latest.map_or_else(String::new, |l| {
                format!(
                    " ({} {})",
                    pick(lang, "seneste", "latest"),
                    decimal(lang, l)
                )
            });
            let name = r
                .indicators
                .iter()
                .find(|p| p.indicator == t.indicator)
                .map_or_else(|| t.indicator.to_string(), |p| p.name(lang).to_owned());
            items.push(format!(
                "{name} {} {} {} {}: {state}{latest}",
                t.comparison(),
                decimal(lang, t.threshold),
                pick(lang, "senest", "by"),
                date_long(lang, t.due)
            ));
        }
        d.list(items);
    }
    d
}

fn direction(def: &InstrumentDefinition, lang: Language) -> &'static str {
    if def.higher_is_better {
        pick(lang, "højere er bedre", "higher is better")
    } else {
        pick(lang, "lavere er bedre", "lower is better")
    }
}

/// The instrument definitions in use.
pub fn instruments(defs: &[InstrumentDefinition], lang: Language) -> Doc {
    let mut d = Doc::default();
    d.table(
        pick(lang, "Måleredskaber", "Instruments"),
        &[
            "Id",
            pick(lang, "Navn", "Name"),
            pick(lang, "Interval", "Range"),
            pick(lang, "Retning", "Direction"),
            pick(lang, "Taler om", "Speaks of"),
        ],
        defs.iter()
            .map(|d| {
                vec![
                    d.id.to_string(),
                    d.name(lang).to_owned(),
                    format!(
                        "{}–{}",
                        decimal(lang, d.range.min),
                        decimal(lang, d.range.max)
                    ),
                    direction(d, lang).to_owned(),
                    d.domain.speaks_of().label(lang).to_owned(),
                ]
            })
            .collect(),
    );
    d
}

/// One instrument definition.
pub fn instrument(def: &InstrumentDefinition, lang: Language) -> Doc {
    let mut d = Doc::default();
    d.h(1, format!("{} — {}", def.id, def.name(lang)));
    let scoring = match def.scoring {
        Scoring::Sum => pick(lang, "sum", "sum").to_owned(),
        Scoring::Mean => pick(lang, "gennemsnit", "mean").to_owned(),
        Scoring::Scaled { factor } => format!("sum × {}", decimal(lang, factor)),
    };
    d.labelled(pick(lang, "Pointberegning", "Scoring"), scoring);
    d.labelled(
        pick(lang, "Interval", "Range"),
        format!(
            "{}–{}; {}",
            decimal(lang, def.range.min),
            decimal(lang, def.range.max),
            direction(def, lang)
        ),
    );
    let (domain, ability) = (def.domain.label(lang), def.domain.speaks_of().label(lang));
    d.labelled(
        pick(lang, "Taler om", "Speaks of"),
        if domain == ability {
            domain.to_owned()
        } else {
            format!("{domain} ({ability})")
        },
    );
    d.list(
        def.items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let text = match lang {
                    Language::Da => item.text_da.as_deref().or(item.text_en.as_deref()),
                    Language::En => item.text_en.as_deref().or(item.text_da.as_deref()),
                };
                match text {
                    Some(t) => format!("{}. {} — {t}", i + 1, item.id),
                    None => format!("{}. {}", i + 1, item.id),
                }
            })
            .collect(),
    );
    let options: Vec<String> = def
        .options_of(0)
        .iter()
        .map(|o| {
            let label = pick(lang, &o.label_da, &o.label_en);
            if label.is_empty() {
                o.value.to_string()
            } else {
                format!("{} {label}", o.value)
            }
        })
        .collect();
    d.labelled(pick(lang, "Svarmuligheder", "Options"), options.join(" · "));
    d.table(
        pick(lang, "Bånd", "Bands"),
        &[pick(lang, "Fra", "From"), pick(lang, "Bånd", "Band")],
        def.bands
            .iter()
            .map(|b| vec![decimal(lang, b.from), b.label(lang).to_owned()])
            .collect(),
    );
    if let (Some(r), Some(sd)) = (def.reliability, def.norm_sd) {
        d.labelled(
            pick(lang, "Reliabilitet og norm-SD", "Reliability and norm SD"),
            format!("{}, {}", decimal(lang, r), decimal(lang, sd)),
        );
    }
    for f in &def.safety_items {
        d.labelled(
            pick(lang, "Sikkerhedsspørgsmål", "Safety item"),
            format!("{} ≥ {}", f.item, f.at_least),
        );
    }
    d.labelled(
        pick(lang, "Licens", "Licence"),
        def.licence(lang).to_owned(),
    );
    d
}

/// A score of one set of answers with `def`.
pub fn score(s: &Score, def_name: &str, lang: Language) -> Doc {
    let mut d = Doc::default();
    for f in &s.safety_flags {
        d.alert(format!(
            "{} {} = {}: {}",
            pick(lang, "SIKKERHED", "SAFETY"),
            f.item,
            f.value,
            pick(lang, &f.message_da, &f.message_en)
        ));
    }
    let band = s
        .band
        .as_ref()
        .map(|b| format!(" ({})", b.label(lang)))
        .unwrap_or_default();
    d.p(format!(
        "{def_name}: {} {} → {} {}{band}",
        pick(lang, "rå", "raw"),
        decimal(lang, s.raw),
        pick(lang, "score", "score"),
        decimal(lang, s.score)
    ));
    d
}
