//! Benchmarking municipalities: return to work and weeks on benefit, adjusted for case mix by
//! indirect standardisation, with intervals so a reader sees which differences are noise.
//!
//! The input is a partial whose first dimension is the municipality and whose other dimensions
//! are the strata of the case mix (by default target group, coordination level and age band:
//! [`BENCHMARK_DIMENSIONS`]). For each stratum `s` the **pooled** rate over every municipality is
//! the reference: the share back at work `p_s`, or the mean weeks of absence `μ_s` (with its
//! variance `σ²_s`). For a municipality `m` with `n_ms` courses in stratum `s`:
//!
//! - observed `O_m`: the courses back at work (or the weeks of absence summed);
//! - expected `E_m = Σ_s n_ms · p_s` (or `Σ_s n_ms · μ_s`): what the municipality would show if
//!   each of its courses did as the pool does in its stratum;
//! - the **standardised ratio** `O_m / E_m` (1: as expected for its case mix) and the indirectly
//!   standardised rate, the ratio times the pooled overall rate;
//! - the 95 % interval `ratio ± 1.96 · √V_m / E_m` with `V_m = Σ_s n_ms · p_s(1 − p_s)` (or
//!   `Σ_s n_ms · σ²_s`): the variance of `O_m` were the municipality like the pool (the normal
//!   approximation of funnel plots). When the interval excludes 1 the municipality differs from
//!   the pool beyond noise ([`Verdict`]); otherwise its rank says nothing.
//!
//! Disclosure control is that of the report ([`super::disclosure`]): a municipality with fewer
//! than `k` courses shows "<k" and nothing else; the return-to-work figures reveal a count of
//! citizens back at work, so they are hidden when fewer than `k` have — or lack — it, with
//! complementary suppression against the published total; the weeks figures reveal a mean, so
//! they need `2k` observations and pass a dominance check (no value held by more than
//! `dominance` of the courses, and no single course's weeks more than `dominance` of the sum),
//! with complementary suppression of the sums against the pooled total.

use super::dimension::Dimension;
use super::disclosure::{primary, protect, protect_knowing};
use super::histogram::Histogram;
use super::partial::{Counts, Partial, StatsError};
use super::report::{DisclosureSettings, Published};
use super::wilson::Z95;
use crate::category::Language;
use crate::text::pick;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The dimensions of a benchmark partial by default: the municipality, then the case-mix strata.
pub const BENCHMARK_DIMENSIONS: [Dimension; 4] = [
    Dimension::Municipality,
    Dimension::TargetGroup,
    Dimension::Level,
    Dimension::AgeBand,
];

/// What municipalities are compared on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum BenchmarkMeasure {
    /// The share of courses back at work (higher is better).
    ReturnToWork,
    /// The weeks of absence on benefit, to the return or to `as_of` while open (lower is better).
    WeeksOnBenefit,
}

impl BenchmarkMeasure {
    /// Both measures, in the order of the benchmark.
    pub const ALL: [BenchmarkMeasure; 2] = [
        BenchmarkMeasure::ReturnToWork,
        BenchmarkMeasure::WeeksOnBenefit,
    ];

    /// Whether a higher ratio is better.
    pub fn higher_is_better(self) -> bool {
        matches!(self, BenchmarkMeasure::ReturnToWork)
    }

    /// The measure for people.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            BenchmarkMeasure::ReturnToWork => pick(lang, "Tilbage i arbejde", "Back at work"),
            BenchmarkMeasure::WeeksOnBenefit => pick(lang, "Uger på ydelse", "Weeks on benefit"),
        }
    }

    /// What the measure counts, in a sentence.
    pub fn describe(self, lang: Language) -> &'static str {
        match self {
            BenchmarkMeasure::ReturnToWork => pick(
                lang,
                "Andelen af forløb, hvor borgeren er tilbage i arbejde på opgørelsesdagen. Højere er bedre.",
                "The share of courses where the citizen is back at work on the day of the statistic. Higher is better.",
            ),
            BenchmarkMeasure::WeeksOnBenefit => pick(
                lang,
                "Hele uger fra første fraværsdag til tilbagevenden, eller til opgørelsesdagen for forløb, der stadig er åbne. Lavere er bedre.",
                "Whole weeks from the first day of absence to the return, or to the day of the statistic for courses still open. Lower is better.",
            ),
        }
    }
}

/// How a municipality compares with the pool, once its case mix is accounted for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Better than expected: the interval lies wholly on the better side of 1.
    Better,
    /// The interval contains 1: the difference may be noise.
    WithinNoise,
    /// Worse than expected: the interval lies wholly on the worse side of 1.
    Worse,
}

impl Verdict {
    /// The verdict for people.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            Verdict::Better => pick(lang, "bedre", "better"),
            Verdict::WithinNoise => pick(lang, "ingen sikker forskel", "no clear difference"),
            Verdict::Worse => pick(lang, "dårligere", "worse"),
        }
    }
}

/// A standardised ratio with its 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatioInterval {
    /// Observed over expected (1: as expected for the case mix).
    pub ratio: f64,
    /// The interval's lower end (at least 0).
    pub low: f64,
    /// The interval's upper end.
    pub high: f64,
}

/// One municipality's standardisation on one measure, before disclosure control (not for
/// publication: [`benchmark`] publishes from it).
#[derive(Debug, Clone, PartialEq)]
pub struct Standardised {
    /// The municipality (`None`: not recorded).
    pub municipality: Option<String>,
    /// Courses.
    pub courses: u64,
    /// Observations of the measure (courses; for weeks, those with weeks recorded).
    pub observations: u64,
    /// Observed: courses back at work, or weeks summed.
    pub observed: f64,
    /// Expected from the pooled rates per stratum.
    pub expected: f64,
    /// The variance of the observed were the municipality like the pool.
    pub variance: f64,
}

impl Standardised {
    /// The ratio with its interval (`None` when nothing is expected).
    pub fn ratio(&self) -> Option<RatioInterval> {
        if self.expected <= 0.0 {
            return None;
        }
        let ratio = self.observed / self.expected;
        let half = Z95 * self.variance.max(0.0).sqrt() / self.expected;
        Some(RatioInterval {
            ratio,
            low: (ratio - half).max(0.0),
            high: ratio + half,
        })
    }

    /// How the municipality compares with the pool on `measure` (`None` when nothing is
    /// expected).
    pub fn verdict(&self, measure: BenchmarkMeasure) -> Option<Verdict> {
        if self.expected <= 0.0 {
            return None;
        }
        let diff = self.observed - self.expected;
        // A hair of tolerance so that "exactly as expected" is never read as a difference.
        let noise = Z95 * self.variance.max(0.0).sqrt() + 1e-9 * self.expected.max(1.0);
        if diff.abs() <= noise {
            return Some(Verdict::WithinNoise);
        }
        let higher = diff > 0.0;
        Some(if higher == measure.higher_is_better() {
            Verdict::Better
        } else {
            Verdict::Worse
        })
    }
}

/// One published row of a benchmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkRow {
    /// The municipality (`null`: not recorded).
    pub municipality: Option<String>,
    /// Rank among the municipalities with a published ratio, best first (ties share a rank).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// Courses.
    pub courses: Published<u64>,
    /// The observed rate: share back at work, or mean weeks.
    pub observed: Published<f64>,
    /// The rate expected from the municipality's case mix and the pooled rates per stratum.
    pub expected: Published<f64>,
    /// Observed over expected with its 95 % interval.
    pub ratio: Published<RatioInterval>,
    /// The indirectly standardised rate: the ratio times the pooled rate.
    pub standardised: Published<f64>,
    /// How the municipality compares with the pool (when the ratio is shown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
}

/// The benchmark on one measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureBenchmark {
    /// The measure.
    pub measure: BenchmarkMeasure,
    /// The pooled rate over every municipality (share, or mean weeks).
    pub pooled: Published<f64>,
    /// The municipalities: ranked ones best first, then the others in code order.
    pub rows: Vec<BenchmarkRow>,
}

/// A benchmark of municipalities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    /// The date the rows were made as of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// The case-mix strata adjusted for.
    pub strata: Vec<Dimension>,
    /// The settings applied.
    pub disclosure: DisclosureSettings,
    /// Courses in all municipalities.
    pub courses: Published<u64>,
    /// Municipalities with fewer than k courses (shown as "<k", nothing else).
    pub below_k: u32,
    /// One benchmark per measure.
    pub measures: Vec<MeasureBenchmark>,
}

/// Per municipality, per stratum: the counts.
type Grid<'p> = BTreeMap<Option<String>, Vec<(&'p [Option<String>], &'p Counts)>>;

fn grid(partial: &Partial) -> Grid<'_> {
    let mut g: Grid<'_> = BTreeMap::new();
    for c in &partial.cells {
        if let Some((m, rest)) = c.key.split_first() {
            g.entry(m.clone()).or_default().push((rest, &c.counts));
        }
    }
    g
}

fn check(partial: &Partial) -> Result<(), StatsError> {
    partial.validate()?;
    match partial.dimensions.first() {
        Some(Dimension::Municipality) => Ok(()),
        _ => Err(StatsError::BenchmarkDimensions),
    }
}

/// The sums of a histogram: observations, values summed, squares summed.
fn sums(h: &Histogram) -> (u64, u128, u128) {
    h.0.iter().fold((0, 0, 0), |(n, s, q), (v, c)| {
        let (v, c) = (u128::from(*v), u128::from(*c));
        (n + c as u64, s + v * c, q + v * v * c)
    })
}

/// Per stratum: (observations, observed sum, pooled mean, pooled variance) of one measure.
fn observe(measure: BenchmarkMeasure, c: &Counts) -> (u64, f64, f64) {
    match measure {
        BenchmarkMeasure::ReturnToWork => (c.courses, c.returned as f64, c.returned as f64),
        BenchmarkMeasure::WeeksOnBenefit => {
            let (n, s, q) = sums(&c.weeks_absent);
            (n, s as f64, q as f64)
        }
    }
}

/// Standardise every municipality of `partial` on `measure` (see the module documentation).
pub fn standardise(
    partial: &Partial,
    measure: BenchmarkMeasure,
) -> Result<Vec<Standardised>, StatsError> {
    check(partial)?;
    let g = grid(partial);
    // Pooled per stratum: observations, sum, sum of squares (sum for shares: x² = x).
    let mut pool: BTreeMap<&[Option<String>], (u64, f64, f64)> = BTreeMap::new();
    for strata in g.values() {
        for (s, c) in strata {
            let (n, sum, sq) = observe(measure, c);
            let e = pool.entry(s).or_insert((0, 0.0, 0.0));
            *e = (e.0 + n, e.1 + sum, e.2 + sq);
        }
    }
    let rate = |s: &[Option<String>]| -> (f64, f64) {
        match pool.get(s) {
            Some((n, sum, sq)) if *n > 0 => {
                let nf = *n as f64;
                let mean = sum / nf;
                (mean, (sq / nf - mean * mean).max(0.0))
            }
            _ => (0.0, 0.0),
        }
    };
    Ok(g.iter()
        .map(|(m, strata)| {
            let mut out = Standardised {
                municipality: m.clone(),
                courses: 0,
                observations: 0,
                observed: 0.0,
                expected: 0.0,
                variance: 0.0,
            };
            for (s, c) in strata {
                let (n, sum, _) = observe(measure, c);
                let (mean, var) = rate(s);
                out.courses += c.courses;
                out.observations += n;
                out.observed += sum;
                out.expected += n as f64 * mean;
                out.variance += n as f64 * var;
            }
            out
        })
        .collect())
}

/// The pooled counts of one municipality.
fn merged(strata: &[(&[Option<String>], &Counts)]) -> Counts {
    let mut all = Counts::default();
    for (_, c) in strata {
        all.merge(c);
    }
    all
}

/// Make the published benchmark of `partial` (first dimension the municipality, the others the
/// strata) with `settings` (`k` below 2 counts as 2).
pub fn benchmark(partial: &Partial, settings: DisclosureSettings) -> Result<Benchmark, StatsError> {
    check(partial)?;
    let k = settings.k.max(2);
    let settings = DisclosureSettings { k, ..settings };
    let g = grid(partial);
    let per: Vec<Counts> = g.values().map(|s| merged(s)).collect();
    let m = per.len();
    let mut total = Counts::default();
    for c in &per {
        total.merge(c);
    }
    // The one-dimensional table of municipalities with its total.
    let table =
        |f: &dyn Fn(&Counts) -> u64| -> Vec<u64> { per.iter().chain([&total]).map(f).collect() };
    let shape = [m];
    let courses = table(&|c| c.courses);
    let first = primary(&courses, k);
    let hidden = protect(&shape, &courses, &first);
    let course_shown: Vec<bool> = hidden.iter().map(|h| !h).collect();
    let count = |i: usize| -> Published<u64> {
        match (first.get(i), hidden.get(i), courses.get(i)) {
            (Some(true), _, _) => Published::BelowK,
            (_, Some(false), Some(v)) => Published::Value(*v),
            _ => Published::Suppressed,
        }
    };

    // Return to work: the numerator is a count of citizens.
    let returned = table(&|c| c.returned);
    let first_r: Vec<bool> = (0..=m)
        .map(|i| {
            let (x, n) = (returned[i], courses[i]);
            !course_shown[i] || x < u64::from(k) || n.saturating_sub(x) < u64::from(k)
        })
        .collect();
    let known: Vec<bool> = (0..=m)
        .map(|i| course_shown[i] && courses[i] == 0)
        .collect();
    let shown_r: Vec<bool> = protect_knowing(&shape, &returned, &first_r, &known)
        .iter()
        .map(|h| !h)
        .collect();

    // Weeks: a mean; its sum is protected like a count.
    let week_sums: Vec<u64> = per
        .iter()
        .chain([&total])
        .map(|c| u64::try_from(sums(&c.weeks_absent).1).unwrap_or(u64::MAX))
        .collect();
    let first_w: Vec<bool> = per
        .iter()
        .chain([&total])
        .enumerate()
        .map(|(i, c)| {
            let h = &c.weeks_absent;
            let (n, sum, _) = sums(h);
            let top = h.0.keys().next_back().copied().unwrap_or(0);
            !course_shown[i]
                || n < 2 * u64::from(k)
                || h.top_share() > settings.dominance
                || sum == 0
                || f64::from(top) > settings.dominance * sum as f64
        })
        .collect();
    let shown_w: Vec<bool> = protect(&shape, &week_sums, &first_w)
        .iter()
        .map(|h| !h)
        .collect();

    let mut measures = Vec::new();
    for measure in BenchmarkMeasure::ALL {
        let std = standardise(partial, measure)?;
        let shown = match measure {
            BenchmarkMeasure::ReturnToWork => &shown_r,
            BenchmarkMeasure::WeeksOnBenefit => &shown_w,
        };
        let (pooled_n, pooled_sum) = match measure {
            BenchmarkMeasure::ReturnToWork => (total.courses, total.returned as f64),
            BenchmarkMeasure::WeeksOnBenefit => {
                let (n, s, _) = sums(&total.weeks_absent);
                (n, s as f64)
            }
        };
        let pooled_rate = (pooled_n > 0).then(|| pooled_sum / pooled_n as f64);
        let pooled = match (shown.get(m), pooled_rate) {
            (Some(true), Some(r)) => Published::Value(r),
            _ => Published::Suppressed,
        };
        let mut rows: Vec<BenchmarkRow> = std
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let show = shown.get(i).copied().unwrap_or(false) && s.observations > 0;
                let value = |v: Option<f64>| match (show, v) {
                    (true, Some(v)) => Published::Value(v),
                    _ => Published::Suppressed,
                };
                let ratio = s.ratio().filter(|_| show);
                let obs = s.observations as f64;
                BenchmarkRow {
                    municipality: s.municipality.clone(),
                    rank: None,
                    courses: count(i),
                    observed: value(Some(s.observed / obs)),
                    expected: value(Some(s.expected / obs)),
                    ratio: ratio.map_or(Published::Suppressed, Published::Value),
                    standardised: value(ratio.zip(pooled.value()).map(|(r, p)| r.ratio * p)),
                    verdict: ratio.and(s.verdict(measure)),
                }
            })
            .collect();
        rank(&mut rows, measure.higher_is_better());
        measures.push(MeasureBenchmark {
            measure,
            pooled,
            rows,
        });
    }
    Ok(Benchmark {
        as_of: partial.as_of,
        strata: partial.dimensions.iter().skip(1).copied().collect(),
        disclosure: settings,
        courses: count(m),
        below_k: u32::try_from(first.iter().take(m).filter(|f| **f).count()).unwrap_or(u32::MAX),
        measures,
    })
}

/// Rank the rows with a ratio, best first (ties share a rank: ratios equal to nine decimals, so
/// rounding in the sums never splits a tie); the others follow in code order.
fn rank(rows: &mut [BenchmarkRow], higher_is_better: bool) {
    let key = |r: &BenchmarkRow| {
        r.ratio
            .value()
            .map(|v| (v.ratio * 1e9).round())
            .map(|k| if higher_is_better { -k } else { k })
    };
    rows.sort_by(|a, b| match (key(a), key(b)) {
        (Some(x), Some(y)) => x
            .total_cmp(&y)
            .then_with(|| a.municipality.cmp(&b.municipality)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.municipality.cmp(&b.municipality),
    });
    let keys: Vec<Option<f64>> = rows.iter().map(key).collect();
    for (i, row) in rows.iter_mut().enumerate() {
        if let Some(v) = keys[i] {
            let better = keys[..i].iter().flatten().filter(|x| **x < v).count();
            row.rank = Some(u32::try_from(better + 1).unwrap_or(u32::MAX));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::CourseSummary;

    fn row(m: &str, group: u8, returned: bool, weeks: u32) -> CourseSummary {
        CourseSummary {
            as_of: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            municipality: Some(crate::demographics::MunicipalityCode::new(m.to_owned())),
            target_group: None,
            level: None,
            age_band: Some(if group == 0 {
                crate::stats::AgeBand::From18To29
            } else {
                crate::stats::AgeBand::From60
            }),
            gender: None,
            period: None,
            weeks_absent: Some(weeks),
            returned,
            weeks_to_return: returned.then_some(weeks),
            days_to_first_interview: None,
            deadlines_met: 0,
            deadlines_overdue: 0,
            deadlines_open: 0,
            thread_held: false,
            referrals_closed: 0,
            referrals_with_outcome: 0,
            instruments: Vec::new(),
            goals: 0,
            goals_achieved: 0,
            interventions: Vec::new(),
        }
    }

    #[test]
    fn case_mix_explains_a_raw_difference() {
        // Stratum 0 returns 80 %, stratum 1 returns 20 %, in both municipalities. A has mostly
        // stratum 0, B mostly stratum 1: raw rates differ, standardised ratios are 1.
        let mut rows = Vec::new();
        for (m, n0, n1) in [("A", 40, 10), ("B", 10, 40)] {
            for i in 0..n0 {
                rows.push(row(m, 0, i * 5 < n0 * 4, 10 + i % 3));
            }
            for i in 0..n1 {
                rows.push(row(m, 1, i * 5 < n1, 30 + i % 3));
            }
        }
        let p = Partial::of_rows(vec![Dimension::Municipality, Dimension::AgeBand], &rows).unwrap();
        let b = benchmark(&p, DisclosureSettings::default()).unwrap();
        let back = &b.measures[0];
        for r in &back.rows {
            let ratio = r.ratio.value().map(|v| v.ratio).unwrap_or(0.0);
            assert!((ratio - 1.0).abs() < 1e-9, "{r:?}");
            assert_eq!(r.verdict, Some(Verdict::WithinNoise));
        }
        let raw: Vec<f64> = back
            .rows
            .iter()
            .filter_map(|r| r.observed.value().copied())
            .collect();
        assert_eq!(raw.len(), 2);
        assert!((raw[0] - raw[1]).abs() > 0.3, "{raw:?}");
        assert!(benchmark(
            &Partial::of_rows(vec![Dimension::AgeBand], &rows).unwrap(),
            DisclosureSettings::default()
        )
        .is_err());
    }
}
