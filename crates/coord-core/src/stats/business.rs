//! The business case of an intervention: the weeks on benefit of the courses that had it against
//! comparable courses that did not, the weeks saved valued at the weekly sickness-benefit rate,
//! against the intervention's cost per citizen — with every assumption listed, a sensitivity
//! range and the disclosure control of the report.
//!
//! **The groups.** The input is a partial; each of its cells (every combination of its dimensions,
//! e.g. target group × coordination level × age band) is a *stratum*. In a stratum the
//! *intervention group* is the courses that had the intervention on `as_of`
//! ([`super::intervention`]); the *comparison group* is every other course of the same stratum.
//! Only strata with both groups (courses with weeks recorded in each) are compared; intervention
//! courses in other strata are left out and counted.
//!
//! **Weeks saved** (direct standardisation to the intervention group's mix): with `nI_s`, `μI_s`
//! and `nC_s`, `μC_s` the courses and mean weeks of absence of the two groups in stratum `s`, and
//! `w_s = nI_s / Σ nI`, the intervention group's mean is `Σ w_s μI_s` and the comparison's
//! standardised mean `Σ w_s μC_s`: what the intervention group's courses would show had they gone
//! like the comparison courses of their own strata. Weeks saved per citizen = comparison −
//! intervention (positive: fewer weeks with the intervention). 95 % interval: `± 1.96 √V`,
//! `V = Σ w_s² σ²_s (1/nI_s + 1/nC_s)` with `σ²_s` the variance of weeks in the whole stratum
//! (normal approximation; sampling noise only).
//!
//! **Money.** Value per citizen = weeks saved × the weekly rate; net per citizen = value − cost;
//! net in all = net per citizen × the intervention group's courses; break-even cost = the value
//! per citizen (0 when no weeks are saved). Sensitivity: the net per citizen at each end of the weeks-saved interval, of the
//! rate ± `rate_range` and of the cost ± `cost_range`, and all three together.
//!
//! **Disclosure** (as in the report): a group counting fewer than `k` citizens shows "<k" and
//! nothing computed from it; a mean needs at least `2k` observations, no value held by more than
//! `dominance` of them and no single course's weeks more than `dominance` of their sum; everything
//! computed from a hidden mean is hidden. The intervention courses left out show "<k" when 1 to
//! k − 1.

use super::dimension::Dimension;
use super::histogram::Histogram;
use super::intervention::{histogram_minus, Intervention};
use super::partial::{Partial, StatsError};
use super::report::{DisclosureSettings, Published};
use super::wilson::Z95;
use crate::citation::Citation;
use crate::text::Text;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The default sensitivity range of the weekly rate (± 10 %).
pub const DEFAULT_RATE_RANGE: f64 = 0.1;
/// The default sensitivity range of the cost per citizen (± 20 %).
pub const DEFAULT_COST_RANGE: f64 = 0.2;

/// The weekly sickness-benefit rate the weeks saved are valued at: a dated setting with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeeklyRate {
    /// Kroner per week.
    pub dkk_per_week: f64,
    /// The first day the rate applies, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<NaiveDate>,
    /// The last day the rate applies, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<NaiveDate>,
    /// Where the figure comes from (none: set by the caller).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// Whether the figure was checked against its primary source for the date it is used on.
    pub verified: bool,
}

impl WeeklyRate {
    /// A rate the caller sets (`--weekly-rate`): no source, no dates, not verified.
    pub fn given(dkk_per_week: f64) -> WeeklyRate {
        WeeklyRate {
            dkk_per_week,
            valid_from: None,
            valid_to: None,
            source: None,
            verified: false,
        }
    }

    /// Whether the rate's period is known and covers `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.valid_from.is_some_and(|f| f <= day) && self.valid_to.is_none_or(|t| day <= t)
    }
}

/// What the caller sets for a business case (every field has a default).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessCaseSettings {
    /// The weekly rate (default: the built-in setting, with its source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_rate: Option<WeeklyRate>,
    /// The intervention's cost per citizen in the intervention group, in kroner (none: only the
    /// break-even cost is shown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_per_citizen_dkk: Option<f64>,
    /// The sensitivity range of the rate, a share (default 0.1: ± 10 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_range: Option<f64>,
    /// The sensitivity range of the cost, a share (default 0.2: ± 20 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_range: Option<f64>,
}

/// A figure with its low and high end.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// The central figure.
    pub central: f64,
    /// The low end.
    pub low: f64,
    /// The high end.
    pub high: f64,
}

impl Range {
    fn map(self, f: impl Fn(f64) -> f64) -> Range {
        let (a, b) = (f(self.low), f(self.high));
        Range {
            central: f(self.central),
            low: a.min(b),
            high: a.max(b),
        }
    }
}

/// The figures of one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupFigures {
    /// Courses in the strata compared.
    pub courses: Published<u64>,
    /// Mean weeks on benefit (for the comparison group: standardised to the intervention
    /// group's mix of strata).
    pub mean_weeks: Published<f64>,
}

/// What a sensitivity row varies.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SensitivityFactor {
    /// The weeks saved, over their 95 % interval.
    WeeksSaved,
    /// The weekly rate ± its range.
    WeeklyRate,
    /// The cost per citizen ± its range.
    Cost,
    /// Every factor at its least and its most favourable end at once.
    AllTogether,
}

/// One row of the sensitivity table: the net per citizen (or the value per citizen, when no cost
/// is given) with one factor at its low and its high end, the others central.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SensitivityRow {
    /// What is varied.
    pub factor: SensitivityFactor,
    /// The factor's low end (weeks, kroner; none for all together).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_low: Option<f64>,
    /// The factor's high end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_high: Option<f64>,
    /// The result at the least favourable end.
    pub result_low: f64,
    /// The result at the most favourable end.
    pub result_high: f64,
}

/// Whether the intervention pays, given the cost.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum BusinessVerdict {
    /// Net positive over the whole interval of the weeks saved.
    Pays,
    /// Net negative over the whole interval.
    DoesNotPay,
    /// The interval of the net contains 0.
    Unclear,
}

/// The assumptions every business case rests on, listed in the output.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Assumption {
    /// The groups are chosen by what happened, not by lot: observational, not causal.
    Observational,
    /// Comparable means the same stratum of the partial's dimensions, nothing more.
    SameStratum,
    /// Weeks on benefit are the weeks of absence, counted to `as_of` while open.
    WeeksOfAbsence,
    /// Every week saved saves the full weekly rate.
    FullRateEveryWeek,
    /// The rate is the setting shown, with its date and source (or its mark).
    RateAsSet,
    /// The cost per citizen is the caller's figure, for every citizen of the group.
    CostAsGiven,
    /// No cost was given: only the break-even cost is shown.
    NoCostGiven,
    /// Strata without both groups are left out.
    StrataLeftOut,
    /// The interval covers sampling noise only.
    NoiseOnly,
    /// No discounting, no other costs or savings.
    NothingElseCounted,
}

/// The published business case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessCase {
    /// The date the rows were made as of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// The intervention.
    pub intervention: Intervention,
    /// The intervention's name for people.
    pub intervention_name: Text,
    /// The dimensions whose cells are the strata.
    pub strata: Vec<Dimension>,
    /// The settings applied.
    pub disclosure: DisclosureSettings,
    /// The courses that had the intervention.
    pub intervention_group: GroupFigures,
    /// The other courses of the same strata.
    pub comparison_group: GroupFigures,
    /// Strata with both groups.
    pub strata_compared: u32,
    /// Intervention courses in strata without comparison courses (left out).
    pub left_out: Published<u64>,
    /// Weeks on benefit saved per citizen, with its 95 % interval.
    pub weeks_saved: Published<Range>,
    /// The weekly rate used.
    pub weekly_rate: WeeklyRate,
    /// Whether the rate's period covers `as_of`.
    pub rate_covers_as_of: bool,
    /// The cost per citizen used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_per_citizen_dkk: Option<f64>,
    /// The rate's and the cost's sensitivity ranges.
    pub rate_range: f64,
    /// The cost's sensitivity range.
    pub cost_range: f64,
    /// Weeks saved × rate, per citizen.
    pub value_per_citizen: Published<Range>,
    /// Value − cost, per citizen (with a cost).
    pub net_per_citizen: Published<Range>,
    /// Net per citizen × the intervention group's courses (with a cost).
    pub net_total: Published<Range>,
    /// The highest cost per citizen at which the intervention breaks even (the value per citizen;
    /// 0 when it saves no weeks).
    pub break_even_cost: Published<f64>,
    /// Whether it pays (with a cost and published figures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<BusinessVerdict>,
    /// The sensitivity table (empty when the figures are hidden).
    pub sensitivity: Vec<SensitivityRow>,
    /// The assumptions, in order.
    pub assumptions: Vec<Assumption>,
}

/// One stratum's two groups.
struct Stratum {
    intervention: Histogram,
    comparison: Histogram,
    courses_i: u64,
    courses_c: u64,
}

fn sums(h: &Histogram) -> (f64, f64, f64) {
    h.0.iter().fold((0.0, 0.0, 0.0), |(n, s, q), (v, c)| {
        let (v, c) = (f64::from(*v), *c as f64);
        (n + c, s + v * c, q + v * v * c)
    })
}

/// Whether a mean of `h` may be shown (at least 2k observations, no dominant value or course).
fn mean_shown(h: &Histogram, k: u32, dominance: f64) -> bool {
    let (n, sum, _) = sums(h);
    let top = h.0.keys().next_back().copied().unwrap_or(0);
    n >= f64::from(2 * k)
        && h.top_share() <= dominance
        && sum > 0.0
        && f64::from(top) <= dominance * sum
}

fn count(n: u64, k: u32) -> Published<u64> {
    if n > 0 && n < u64::from(k) {
        Published::BelowK
    } else {
        Published::Value(n)
    }
}

/// The strata of `partial` for `intervention`.
fn strata(partial: &Partial, intervention: &Intervention) -> Result<Vec<Stratum>, StatsError> {
    partial
        .cells
        .iter()
        .map(|c| {
            let i = c
                .counts
                .interventions
                .iter()
                .find(|x| &x.intervention == intervention);
            let (h_i, n_i) = i.map_or((Histogram::default(), 0), |i| {
                (i.weeks_absent.clone(), i.courses)
            });
            let h_c = histogram_minus(&c.counts.weeks_absent, &h_i)
                .ok_or(StatsError::InterventionCounts)?;
            Ok(Stratum {
                intervention: h_i,
                comparison: h_c,
                courses_i: n_i,
                courses_c: c.counts.courses.saturating_sub(n_i),
            })
        })
        .collect()
}

/// Make the published business case of `intervention` (named `name` for people: see
/// [`super::business_words::intervention_name`]) from `partial`, valuing weeks at `rate`.
pub fn business_case(
    partial: &Partial,
    intervention: &Intervention,
    name: Text,
    rate: &WeeklyRate,
    settings: &BusinessCaseSettings,
    disclosure: DisclosureSettings,
) -> Result<BusinessCase, StatsError> {
    partial.validate()?;
    let k = disclosure.k.max(2);
    let disclosure = DisclosureSettings { k, ..disclosure };
    let all = strata(partial, intervention)?;
    let (used, left): (Vec<&Stratum>, Vec<&Stratum>) = all
        .iter()
        .filter(|s| s.courses_i > 0)
        .partition(|s| !s.intervention.is_empty() && !s.comparison.is_empty());
    let mut pooled_i = Histogram::default();
    let mut pooled_c = Histogram::default();
    let (mut courses_i, mut courses_c, mut n_total) = (0u64, 0u64, 0.0);
    for s in &used {
        pooled_i.merge(&s.intervention);
        pooled_c.merge(&s.comparison);
        courses_i += s.courses_i;
        courses_c += s.courses_c;
        n_total += sums(&s.intervention).0;
    }
    let (mut mean_i, mut mean_c, mut var) = (0.0, 0.0, 0.0);
    for s in &used {
        let (ni, si, qi) = sums(&s.intervention);
        let (nc, sc, qc) = sums(&s.comparison);
        let w = ni / n_total;
        let (n, mean) = (ni + nc, (si + sc) / (ni + nc));
        let pooled_var = ((qi + qc) / n - mean * mean).max(0.0);
        mean_i += w * si / ni;
        mean_c += w * sc / nc;
        var += w * w * pooled_var * (1.0 / ni + 1.0 / nc);
    }
    let shown_i = courses_i >= u64::from(k) && mean_shown(&pooled_i, k, disclosure.dominance);
    let shown_c = courses_c >= u64::from(k) && mean_shown(&pooled_c, k, disclosure.dominance);
    let shown = shown_i && shown_c;
    let publish = |ok: bool, v: f64| {
        if ok {
            Published::Value(v)
        } else {
            Published::Suppressed
        }
    };
    let half = Z95 * var.sqrt();
    let saved = Range {
        central: mean_c - mean_i,
        low: mean_c - mean_i - half,
        high: mean_c - mean_i + half,
    };
    let rate_range = settings.rate_range.unwrap_or(DEFAULT_RATE_RANGE);
    let cost_range = settings.cost_range.unwrap_or(DEFAULT_COST_RANGE);
    let cost = settings.cost_per_citizen_dkk;
    let r = rate.dkk_per_week;
    let value = saved.map(|w| w * r);
    let net = cost.map(|c| value.map(|v| v - c));
    let n_i = courses_i as f64;
    let result = |w: f64, r: f64, c: f64| w * r - c;
    let c0 = cost.unwrap_or(0.0);
    let sensitivity = if shown {
        let mut rows = vec![
            SensitivityRow {
                factor: SensitivityFactor::WeeksSaved,
                input_low: Some(saved.low),
                input_high: Some(saved.high),
                result_low: result(saved.low, r, c0),
                result_high: result(saved.high, r, c0),
            },
            {
                let (lo, hi) = (r * (1.0 - rate_range), r * (1.0 + rate_range));
                let (a, b) = (result(saved.central, lo, c0), result(saved.central, hi, c0));
                SensitivityRow {
                    factor: SensitivityFactor::WeeklyRate,
                    input_low: Some(lo),
                    input_high: Some(hi),
                    result_low: a.min(b),
                    result_high: a.max(b),
                }
            },
        ];
        if let Some(c) = cost {
            let (lo, hi) = (c * (1.0 - cost_range), c * (1.0 + cost_range));
            rows.push(SensitivityRow {
                factor: SensitivityFactor::Cost,
                input_low: Some(lo),
                input_high: Some(hi),
                result_low: result(saved.central, r, hi),
                result_high: result(saved.central, r, lo),
            });
        }
        let worst_rate = if saved.low >= 0.0 {
            1.0 - rate_range
        } else {
            1.0 + rate_range
        };
        let best_rate = if saved.high >= 0.0 {
            1.0 + rate_range
        } else {
            1.0 - rate_range
        };
        rows.push(SensitivityRow {
            factor: SensitivityFactor::AllTogether,
            input_low: None,
            input_high: None,
            result_low: result(saved.low, r * worst_rate, c0 * (1.0 + cost_range)),
            result_high: result(saved.high, r * best_rate, c0 * (1.0 - cost_range)),
        });
        rows
    } else {
        Vec::new()
    };
    let verdict = net.filter(|_| shown).map(|n| {
        if n.low > 0.0 {
            BusinessVerdict::Pays
        } else if n.high < 0.0 {
            BusinessVerdict::DoesNotPay
        } else {
            BusinessVerdict::Unclear
        }
    });
    let left_out: u64 = left.iter().map(|s| s.courses_i).sum();
    let mut assumptions = vec![
        Assumption::Observational,
        Assumption::SameStratum,
        Assumption::WeeksOfAbsence,
        Assumption::FullRateEveryWeek,
        Assumption::RateAsSet,
    ];
    assumptions.push(if cost.is_some() {
        Assumption::CostAsGiven
    } else {
        Assumption::NoCostGiven
    });
    assumptions.extend([
        Assumption::StrataLeftOut,
        Assumption::NoiseOnly,
        Assumption::NothingElseCounted,
    ]);
    let hidden_or = |ok: bool, v: Option<Range>| match v {
        Some(v) if ok => Published::Value(v),
        _ => Published::Suppressed,
    };
    Ok(BusinessCase {
        as_of: partial.as_of,
        intervention: intervention.clone(),
        intervention_name: name,
        strata: partial.dimensions.clone(),
        disclosure,
        intervention_group: GroupFigures {
            courses: count(courses_i, k),
            mean_weeks: publish(shown_i, mean_i),
        },
        comparison_group: GroupFigures {
            courses: count(courses_c, k),
            mean_weeks: publish(shown_i && shown_c, mean_c),
        },
        strata_compared: u32::try_from(used.len()).unwrap_or(u32::MAX),
        left_out: count(left_out, k),
        weeks_saved: hidden_or(shown, Some(saved)),
        weekly_rate: rate.clone(),
        rate_covers_as_of: partial.as_of.is_some_and(|d| rate.covers(d)),
        cost_per_citizen_dkk: cost,
        rate_range,
        cost_range,
        value_per_citizen: hidden_or(shown, Some(value)),
        net_per_citizen: hidden_or(shown, net),
        net_total: hidden_or(shown, net.map(|n| n.map(|x| x * n_i))),
        break_even_cost: publish(shown, value.central.max(0.0)),
        verdict,
        sensitivity,
        assumptions,
    })
}
