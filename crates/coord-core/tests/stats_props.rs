//! Properties of statistics: merging partials is associative and commutative, the merge over any
//! split of the rows equals the partial of all of them, and no suppressed cell of a published
//! report can be recovered by linear arithmetic over everything the report publishes.
#![cfg(feature = "proptest")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests: a failure must stop the run"
)]

use coord_core::stats::{
    stats_report, CourseSummary, Dimension, DisclosureSettings, Partial, Published, ReportCell,
    StatsReport,
};
use coord_core::strategies::stats::{course_summary, dimensions};
use proptest::prelude::*;

fn partial(dims: &[Dimension], rows: &[CourseSummary]) -> Partial {
    Partial::of_rows(dims.to_vec(), rows).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merge_is_commutative_and_associative(
        dims in dimensions(),
        a in prop::collection::vec(course_summary(), 0..40),
        b in prop::collection::vec(course_summary(), 0..40),
        c in prop::collection::vec(course_summary(), 0..40),
    ) {
        let (pa, pb, pc) = (partial(&dims, &a), partial(&dims, &b), partial(&dims, &c));
        prop_assert_eq!(pa.merge(&pb).unwrap(), pb.merge(&pa).unwrap());
        prop_assert_eq!(
            pa.merge(&pb).unwrap().merge(&pc).unwrap(),
            pa.merge(&pb.merge(&pc).unwrap()).unwrap()
        );
    }

    #[test]
    fn merge_over_any_split_equals_the_whole(
        dims in dimensions(),
        rows in prop::collection::vec(course_summary(), 0..120),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
        order in any::<prop::sample::Index>(),
    ) {
        let whole = partial(&dims, &rows);
        let mut at: Vec<usize> = cuts.iter().map(|i| i.index(rows.len() + 1)).collect();
        at.push(0);
        at.push(rows.len());
        at.sort_unstable();
        let mut parts: Vec<Partial> = at.windows(2).map(|w| partial(&dims, &rows[w[0]..w[1]])).collect();
        // In any order: rotate the parts.
        let r = order.index(parts.len().max(1));
        parts.rotate_left(r);
        prop_assert_eq!(Partial::merge_all(dims.clone(), &parts).unwrap(), whole);
    }

    #[test]
    fn no_suppressed_cell_is_recoverable(
        dims in dimensions(),
        rows in prop::collection::vec(course_summary(), 0..200),
        k in 3u32..8,
    ) {
        let report = stats_report(&partial(&dims, &rows), DisclosureSettings { k, ..DisclosureSettings::default() }).unwrap();
        check_nothing_recoverable(&report);
        check_small_cells_hidden(&report, k);
    }
}

/// Every published count is at least k or zero, and no measure of a cell not shown is shown.
fn check_small_cells_hidden(report: &StatsReport, k: u32) {
    for c in &report.cells {
        match c.courses {
            Published::Value(v) => assert!(v == 0 || v >= u64::from(k), "a count of {v} shown"),
            _ => {
                assert!(c.returned.value().is_none());
                assert!(c.weeks_absent.value().is_none());
                assert!(c.deadlines_met.value().is_none());
                assert!(c.instruments.iter().all(|i| i.measured.value().is_none()));
            }
        }
    }
}

/// Each table of the report as (value shown or unknown) per cell.
fn tables(report: &StatsReport) -> Vec<Vec<Option<f64>>> {
    let count = |p: &Published<u64>| p.value().map(|v| *v as f64);
    let mut out = vec![report
        .cells
        .iter()
        .map(|c| count(&c.courses))
        .collect::<Vec<_>>()];
    // A share times its shown denominator publishes the numerator; a numerator of a denominator
    // shown as 0 is known to be 0 (it cannot exceed it).
    let numerator = |c: &ReportCell, share: &dyn Fn(&ReportCell) -> Option<f64>| {
        if c.courses.value() == Some(&0) {
            return Some(0.0);
        }
        share(c).and_then(|s| c.courses.value().map(|n| (s * *n as f64).round()))
    };
    out.push(
        report
            .cells
            .iter()
            .map(|c| numerator(c, &|c| c.returned.value().map(|s| s.share)))
            .collect(),
    );
    out.push(
        report
            .cells
            .iter()
            .map(|c| numerator(c, &|c| c.thread_held.value().map(|s| s.share)))
            .collect(),
    );
    out.push(
        report
            .cells
            .iter()
            .map(|c| numerator(c, &|c| c.with_overdue.value().map(|s| s.share)))
            .collect(),
    );
    let instruments = report.cells.first().map_or(0, |c| c.instruments.len());
    for i in 0..instruments {
        out.push(
            report
                .cells
                .iter()
                .map(|c| count(&c.instruments[i].measured))
                .collect(),
        );
        for pick in [0, 1] {
            out.push(
                report
                    .cells
                    .iter()
                    .map(|c| {
                        let f = &c.instruments[i];
                        let share = if pick == 0 {
                            &f.reliably_improved
                        } else {
                            &f.clinically_relevant
                        };
                        if f.measured.value() == Some(&0) {
                            return Some(0.0);
                        }
                        share
                            .value()
                            .and_then(|s| f.measured.value().map(|n| (s.share * *n as f64).round()))
                    })
                    .collect(),
            );
        }
    }
    out
}

/// The published equations of the report's layout, built from the cells' keys: every cell
/// counts towards the totals that drop one or more of its coordinates.
fn equations(report: &StatsReport) -> Vec<Vec<(usize, f64)>> {
    let dims = report.dimensions.len();
    let key = |c: &ReportCell| -> Vec<Option<Option<String>>> {
        c.key
            .iter()
            .zip(&c.total)
            .map(|(k, t)| if *t { None } else { Some(k.clone()) })
            .collect()
    };
    let keys: Vec<_> = report.cells.iter().map(key).collect();
    let mut eqs = Vec::new();
    // For each cell with a total in dimension d: it equals the sum of the cells that agree on
    // every other coordinate and are not totals in d.
    for (t, tk) in keys.iter().enumerate() {
        for d in 0..dims {
            if tk[d].is_some() {
                continue;
            }
            let mut eq = vec![(t, -1.0)];
            for (i, ik) in keys.iter().enumerate() {
                let agrees = (0..dims).all(|e| {
                    if e == d {
                        ik[e].is_some()
                    } else {
                        ik[e] == tk[e]
                    }
                });
                if agrees {
                    eq.push((i, 1.0));
                }
            }
            eqs.push(eq);
        }
    }
    eqs
}

/// Whether unknown `j` is determined: e_j lies in the row space of the equations restricted to
/// the unknowns (floating point with partial pivoting; an independent check of the core's exact
/// integer elimination).
fn determined(a: &[Vec<f64>], j: usize) -> bool {
    fn rank(m: &[Vec<f64>]) -> usize {
        let mut m: Vec<Vec<f64>> = m.to_vec();
        let cols = m.first().map_or(0, Vec::len);
        let mut r = 0;
        for c in 0..cols {
            let Some(p) = (r..m.len()).max_by(|x, y| m[*x][c].abs().total_cmp(&m[*y][c].abs()))
            else {
                break;
            };
            if m[p][c].abs() < 1e-9 {
                continue;
            }
            m.swap(r, p);
            for i in 0..m.len() {
                if i != r {
                    let f = m[i][c] / m[r][c];
                    let pivot = m[r].clone();
                    for (x, y) in m[i].iter_mut().zip(&pivot) {
                        *x -= f * y;
                    }
                }
            }
            r += 1;
        }
        r
    }
    let width = a.first().map_or(0, Vec::len);
    let mut with = a.to_vec();
    let mut e = vec![0.0; width];
    e[j] = 1.0;
    with.push(e);
    rank(&with) == rank(a)
}

fn check_nothing_recoverable(report: &StatsReport) {
    let eqs = equations(report);
    for table in tables(report) {
        let unknowns: Vec<usize> = (0..table.len()).filter(|i| table[*i].is_none()).collect();
        if unknowns.is_empty() {
            continue;
        }
        let a: Vec<Vec<f64>> = eqs
            .iter()
            .map(|eq| {
                let mut row = vec![0.0; unknowns.len()];
                for (cell, coef) in eq {
                    if let Ok(j) = unknowns.binary_search(cell) {
                        row[j] += coef;
                    }
                }
                row
            })
            .filter(|r| r.iter().any(|x| *x != 0.0))
            .collect();
        for (j, cell) in unknowns.iter().enumerate() {
            assert!(
                a.is_empty() || !determined(&a, j),
                "suppressed cell {cell} of the report can be recovered"
            );
        }
    }
}

#[test]
fn a_small_municipality_is_suppressed_with_a_partner() {
    use coord_core::demographics::MunicipalityCode;
    use coord_core::strategies::stats::stats_as_of;
    let row = |m: &str, returned: bool| CourseSummary {
        as_of: stats_as_of(),
        municipality: Some(MunicipalityCode::new(m)),
        target_group: None,
        level: None,
        age_band: None,
        gender: None,
        period: None,
        weeks_absent: Some(10),
        returned,
        weeks_to_return: returned.then_some(8),
        days_to_first_interview: Some(14),
        deadlines_met: 1,
        deadlines_overdue: 0,
        deadlines_open: 0,
        thread_held: true,
        referrals_closed: 0,
        referrals_with_outcome: 0,
        instruments: Vec::new(),
        goals: 0,
        goals_achieved: 0,
        interventions: Vec::new(),
    };
    let mut rows = Vec::new();
    rows.extend((0..3).map(|_| row("A", true)));
    rows.extend((0..20).map(|i| row("B", i % 2 == 0)));
    rows.extend((0..30).map(|i| row("C", i % 3 == 0)));
    let report = stats_report(
        &partial(&[Dimension::Municipality], &rows),
        DisclosureSettings::default(),
    )
    .unwrap();
    let courses: Vec<_> = report.cells.iter().map(|c| c.courses).collect();
    assert_eq!(courses[0], Published::BelowK);
    assert_eq!(
        courses[1],
        Published::Suppressed,
        "B hides A from the total"
    );
    assert_eq!(courses[2], Published::Value(30));
    assert_eq!(courses[3], Published::Value(53));
    check_nothing_recoverable(&report);
}
