//! Statistics as documents: summary rows, a partial aggregate and the published report. Layout
//! only: every figure and the suppression come from `coord_core::stats`, the words from
//! `coord_core::stats::words`.

use crate::doc::{Block, Doc};
use coord_core::category::Language;
use coord_core::stats::words::{self, Measure};
use coord_core::stats::{CourseSummary, Partial, Published, ReportCell, StatsReport};
use coord_core::text::{date_long, pick};

/// The summary rows as one table.
pub fn summaries(rows: &[CourseSummary], lang: Language) -> Doc {
    use coord_core::stats::Dimension as D;
    let mut d = Doc::default();
    d.h(1, pick(lang, "Forløb opsummeret", "Courses summarised"));
    let head = [
        D::Municipality.label(lang),
        D::TargetGroup.label(lang),
        D::Level.label(lang),
        D::AgeBand.label(lang),
        D::Gender.label(lang),
        Measure::WeeksAbsent.label(lang),
        Measure::WeeksToReturn.label(lang),
        Measure::DaysToFirstInterview.label(lang),
    ];
    let opt = |v: Option<u32>| v.map_or_else(|| "–".to_owned(), |v| v.to_string());
    let rows = rows
        .iter()
        .map(|r| {
            let dim = |x: D| x.value_label(x.value(r).as_deref(), lang);
            vec![
                dim(D::Municipality),
                dim(D::TargetGroup),
                dim(D::Level),
                dim(D::AgeBand),
                dim(D::Gender),
                opt(r.weeks_absent),
                opt(r.weeks_to_return),
                opt(r.days_to_first_interview),
            ]
        })
        .collect();
    d.table(
        pick(lang, "Et forløb pr. række", "One course per row"),
        &head,
        rows,
    );
    d
}

/// A partial aggregate: what it counts (it is not for publication: no disclosure control yet).
pub fn partial(p: &Partial, lang: Language) -> Doc {
    let mut d = Doc::default();
    d.h(1, pick(lang, "Delopgørelse", "Partial aggregate"));
    if let Some(a) = p.as_of {
        d.labelled(pick(lang, "Opgjort pr.", "As of"), date_long(lang, a));
    }
    let dims: Vec<&str> = p.dimensions.iter().map(|x| x.label(lang)).collect();
    d.labelled(
        pick(lang, "Opdelt efter", "By"),
        if dims.is_empty() {
            pick(lang, "intet (alle forløb)", "nothing (all courses)").to_owned()
        } else {
            dims.join(" × ")
        },
    );
    let courses = p.cells.iter().map(|c| c.counts.courses).sum();
    d.p(words::partial_line(lang, courses, p.cells.len()));
    d
}

fn key_labels(r: &StatsReport, c: &ReportCell, lang: Language) -> Vec<String> {
    r.dimensions
        .iter()
        .zip(c.key.iter().zip(&c.total))
        .map(|(dim, (v, total))| {
            if *total {
                words::total(lang).to_owned()
            } else {
                dim.value_label(v.as_deref(), lang)
            }
        })
        .collect()
}

/// Which quartiles of a cell a chart draws.
type QuartilesOf = dyn Fn(&ReportCell) -> Published<coord_core::stats::Quartiles>;

/// The published report: four tables (courses and shares, durations, deadlines/referrals/goals,
/// instruments) with every dimension value and the totals, and the disclosure note.
pub fn report(r: &StatsReport, lang: Language) -> Doc {
    let k = r.disclosure.k;
    let mut d = Doc::default();
    d.h(1, pick(lang, "Statistik", "Statistics"));
    if let Some(a) = r.as_of {
        d.labelled(pick(lang, "Opgjort pr.", "As of"), date_long(lang, a));
    }
    let dims: Vec<&str> = r.dimensions.iter().map(|x| x.label(lang)).collect();
    let count = |p: &Published<u64>| match p {
        Published::Value(v) => v.to_string(),
        other => words::hidden(other, k),
    };
    let share = |p: &Published<coord_core::stats::ShareInterval>| match p {
        Published::Value(s) => words::share(lang, s),
        other => words::hidden(other, k),
    };
    let quart = |p: &Published<coord_core::stats::Quartiles>| match p {
        Published::Value(q) => words::quartiles(q),
        other => words::hidden(other, k),
    };
    let ratio = |p: &Published<f64>| match p {
        Published::Value(x) => words::ratio(lang, *x),
        other => words::hidden(other, k),
    };
    let table = |d: &mut Doc,
                 caption: &str,
                 measures: &[Measure],
                 cell: &dyn Fn(&ReportCell) -> Vec<String>| {
        let mut head: Vec<&str> = dims.clone();
        head.extend(measures.iter().map(|m| m.label(lang)));
        let rows = r
            .cells
            .iter()
            .map(|c| {
                let mut row = key_labels(r, c, lang);
                row.extend(cell(c));
                row
            })
            .collect();
        d.h(2, caption);
        d.table(caption, &head, rows);
    };
    table(
        &mut d,
        pick(lang, "Forløb og andele", "Courses and shares"),
        &[
            Measure::Courses,
            Measure::Returned,
            Measure::ThreadHeld,
            Measure::WithOverdue,
        ],
        &|c| {
            vec![
                count(&c.courses),
                share(&c.returned),
                share(&c.thread_held),
                share(&c.with_overdue),
            ]
        },
    );
    table(
        &mut d,
        pick(lang, "Varighed", "Durations"),
        &[
            Measure::WeeksAbsent,
            Measure::WeeksToReturn,
            Measure::DaysToFirstInterview,
        ],
        &|c| {
            vec![
                quart(&c.weeks_absent),
                quart(&c.weeks_to_return),
                quart(&c.days_to_first_interview),
            ]
        },
    );
    // Charts of the distributions for the HTML page: only published quartiles are drawn.
    let charts: [(Measure, &str, &QuartilesOf); 3] = [
        (Measure::WeeksAbsent, "weeks-absent", &|c| c.weeks_absent),
        (Measure::WeeksToReturn, "weeks-to-return", &|c| {
            c.weeks_to_return
        }),
        (Measure::DaysToFirstInterview, "days-to-interview", &|c| {
            c.days_to_first_interview
        }),
    ];
    for (m, id, get) in charts {
        if let Ok(Some(svg)) = crate::stats_chart::quartiles_svg(r, m.label(lang), id, get, lang) {
            d.blocks.push(Block::Svg(svg));
        }
    }
    table(
        &mut d,
        pick(
            lang,
            "Frister, henvisninger og mål",
            "Deadlines, referrals and goals",
        ),
        &[
            Measure::DeadlinesMet,
            Measure::ReferralsWithOutcome,
            Measure::GoalsAchieved,
        ],
        &|c| {
            vec![
                ratio(&c.deadlines_met),
                ratio(&c.referrals_with_outcome),
                ratio(&c.goals_achieved),
            ]
        },
    );
    let instruments = r.cells.first().map_or(0, |c| c.instruments.len());
    for i in 0..instruments {
        let name = r
            .cells
            .first()
            .and_then(|c| c.instruments.get(i))
            .map(|f| {
                format!(
                    "{}: {}",
                    pick(lang, "Måleredskab", "Instrument"),
                    f.indicator.as_str().to_uppercase()
                )
            })
            .unwrap_or_default();
        table(
            &mut d,
            &name,
            &[
                Measure::Measured,
                Measure::ReliablyImproved,
                Measure::ClinicallyRelevant,
            ],
            &|c| match c.instruments.get(i) {
                Some(f) => vec![
                    count(&f.measured),
                    share(&f.reliably_improved),
                    share(&f.clinically_relevant),
                ],
                None => vec!["·".to_owned(); 3],
            },
        );
    }
    d.p(words::disclosure_note(lang, k, r.disclosure.dominance));
    d
}
