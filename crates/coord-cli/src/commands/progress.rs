//! `coord progress`: a table of progression per indicator and per goal, JSON, or an SVG chart.

use super::plan::{as_of, reference};
use super::{case, emit};
use crate::cli::ProgressArgs;
use crate::exit::Outcome;
use crate::io::{write_atomically, Failure};
use coord_core::category::Language;
use coord_core::instruments::find;
use coord_core::plan::{
    progression, ChangeDirection, IndicatorProgress, ProgressReport, ReliableChangeClass,
    TargetState,
};
use coord_core::pointer::Pointer;
use coord_core::reference::ReferenceData;

/// Run `coord progress`.
pub fn run(args: &ProgressArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let checked = case(&args.case, &reference)?;
    let as_of = as_of(args.as_of.as_deref())?;
    let report = progression(&checked, &reference, as_of).map_err(|e| {
        Failure::invalid(
            vec![coord_json::problems::problem(&e, &Pointer::root())],
            Some(&args.case),
        )
    })?;
    let lang: Language = args.common.lang.into();
    let name = checked.case().citizen.name.clone();
    if let Some(path) = &args.svg {
        let svg = crate::chart::progress_svg(&report, &name, lang)?;
        write_atomically(path, svg.as_bytes())?;
    }
    Ok(emit(args.common.format, report, false, |r| {
        text(r, &name, &reference, lang)
    }))
}

fn fmt_num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

fn band_label(p: &IndicatorProgress, band: Option<usize>, lang: Language) -> String {
    band.and_then(|i| p.bands.get(i))
        .map(|b| format!(" {}", b.label(lang)))
        .unwrap_or_default()
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

fn text(r: &ProgressReport, name: &str, reference: &ReferenceData, lang: Language) -> String {
    let en = lang == Language::En;
    let mut s = if en {
        format!("Progression for {name} as of {}\n\n", r.as_of)
    } else {
        format!("Progression for {name} pr. {}\n\n", r.as_of)
    };
    if r.indicators.is_empty() {
        s.push_str(if en {
            "  No measurements up to this day.\n"
        } else {
            "  Ingen målinger til og med denne dag.\n"
        });
    }
    let header = if en {
        [
            "Indicator",
            "Speaks of",
            "Baseline",
            "Latest",
            "Change",
            "Reliable change",
            "Trend/month",
        ]
    } else {
        [
            "Indikator",
            "Taler om",
            "Start",
            "Seneste",
            "Ændring",
            "Pålidelig ændring",
            "Trend/måned",
        ]
    };
    let rows: Vec<[String; 7]> = r
        .indicators
        .iter()
        .map(|p| {
            let name = if en { &p.name_en } else { &p.name_da };
            let dir = match (p.direction, en) {
                (ChangeDirection::Better, true) => "better",
                (ChangeDirection::Worse, true) => "worse",
                (ChangeDirection::Unchanged, true) => "unchanged",
                (ChangeDirection::Better, false) => "bedre",
                (ChangeDirection::Worse, false) => "værre",
                (ChangeDirection::Unchanged, false) => "uændret",
            };
            let rc = p.reliable_change.map_or_else(
                || {
                    if en {
                        "n/a".to_owned()
                    } else {
                        "–".to_owned()
                    }
                },
                |rc| {
                    let class = match (rc.class, en) {
                        (ReliableChangeClass::ReliablyImproved, true) => "reliably improved",
                        (ReliableChangeClass::ReliablyDeteriorated, true) => "reliably worse",
                        (ReliableChangeClass::NoReliableChange, true) => "not reliable",
                        (ReliableChangeClass::ReliablyImproved, false) => "pålideligt bedre",
                        (ReliableChangeClass::ReliablyDeteriorated, false) => "pålideligt værre",
                        (ReliableChangeClass::NoReliableChange, false) => "ikke pålidelig",
                    };
                    format!("RCI {:.2} {class}", rc.rci)
                },
            );
            [
                name.clone(),
                p.speaks_of.label(lang).to_owned(),
                format!(
                    "{}{}",
                    fmt_num(p.baseline.score),
                    band_label(p, p.baseline.band, lang)
                ),
                format!(
                    "{}{}",
                    fmt_num(p.latest.score),
                    band_label(p, p.latest.band, lang)
                ),
                format!("{:+} {dir}", (p.change * 10.0).round() / 10.0),
                rc,
                p.trend_per_month
                    .map_or_else(|| "–".to_owned(), |t| format!("{:+.1}", t)),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let parts: Vec<String> = cells.iter().zip(widths).map(|(c, w)| pad(c, w)).collect();
        format!("  {}\n", parts.join("  ").trim_end())
    };
    if !rows.is_empty() {
        s.push_str(&line(&header.map(str::to_owned)));
    }
    for row in &rows {
        s.push_str(&line(row));
    }
    for p in &r.indicators {
        let name = if en { &p.name_en } else { &p.name_da };
        for t in &p.band_transitions {
            let label = |i: usize| p.band(i).map_or("", |b| b.label(lang));
            s.push_str(&format!(
                "  {name}: {} {} → {}\n",
                t.date,
                label(t.from),
                label(t.to)
            ));
        }
        for f in &p.safety_flags {
            let msg = if en { &f.message_en } else { &f.message_da };
            s.push_str(&format!(
                "  SAFETY {name} {} = {}: {msg}\n",
                f.item, f.value
            ));
        }
    }
    // The common language (DOMAIN.md S9): each term read in the other sector's words.
    let mut terms: Vec<_> = r.indicators.iter().map(|p| p.speaks_of).collect();
    terms.extend(r.goals.iter().map(|g| g.speaks_of));
    terms.sort();
    terms.dedup();
    if !terms.is_empty() {
        s.push_str(if en {
            "\nCommon language\n"
        } else {
            "\nFælles sprog\n"
        });
        for t in terms {
            s.push_str(&format!(
                "  {} — {}\n",
                t.label(lang),
                t.in_other_terms(lang)
            ));
        }
    }
    s.push_str(if en { "\nGoals\n" } else { "\nMål\n" });
    if r.goals.is_empty() {
        s.push_str(if en {
            "  No goals in a plan.\n"
        } else {
            "  Ingen mål i en plan.\n"
        });
    }
    for g in &r.goals {
        let achievement = g
            .achievement
            .map_or_else(String::new, |a| format!(", {}", a.label(lang)));
        s.push_str(&format!(
            "  {}  \"{}\" ({} — {}){achievement}\n",
            g.goal,
            g.text,
            g.domain.label(lang),
            g.speaks_of.label(lang),
        ));
        for t in &g.targets {
            let def = find(&reference.instruments, &t.indicator);
            let cmp = if def.is_some_and(|d| d.higher_is_better) {
                "≥"
            } else {
                "≤"
            };
            let state = match (t.state, en) {
                (TargetState::Met, true) => format!(
                    "met on {}",
                    t.met_on.map(|d| d.to_string()).unwrap_or_default()
                ),
                (TargetState::Met, false) => format!(
                    "nået {}",
                    t.met_on.map(|d| d.to_string()).unwrap_or_default()
                ),
                (TargetState::Missed, true) => "missed".to_owned(),
                (TargetState::Missed, false) => "ikke nået".to_owned(),
                (TargetState::Open, true) => "open".to_owned(),
                (TargetState::Open, false) => "åben".to_owned(),
            };
            let latest = t.latest.map_or_else(String::new, |l| {
                if en {
                    format!(" (latest {})", fmt_num(l))
                } else {
                    format!(" (seneste {})", fmt_num(l))
                }
            });
            let by = if en { "by" } else { "senest" };
            s.push_str(&format!(
                "      {} {cmp} {} {by} {}: {state}{latest}\n",
                t.indicator,
                fmt_num(t.threshold),
                t.due
            ));
        }
    }
    s
}
