//! `stats-benchmark`: municipalities ranked on return to work and weeks on benefit, adjusted for
//! case mix (`coord_core::stats::benchmark`).

use super::stats::stats_problem;
use crate::envelope::{Answer, Problem};
use coord_core::stats::{benchmark, Benchmark, DisclosureSettings, Partial};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Benchmark the municipalities of a (merged) partial whose first dimension is the municipality
/// and whose other dimensions are the case-mix strata (`coord stats partial --by
/// municipality,target_group,level,age_band`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatsBenchmarkCall {
    /// The partial.
    pub partial: Partial,
    /// Disclosure settings (default k = 5, dominance 0.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<DisclosureSettings>,
}

/// Make the benchmark.
pub fn stats_benchmark(call: StatsBenchmarkCall) -> Answer<Benchmark> {
    Answer::from_result((|| {
        let settings = call.disclosure.unwrap_or_default();
        if !(0.0..=1.0).contains(&settings.dominance) {
            return Err(vec![Problem::new(
                "stats.dominance",
                "the dominance limit is a share between 0 and 1",
                Some("/disclosure/dominance".to_owned()),
            )]);
        }
        benchmark(&call.partial, settings).map_err(|e| {
            let at = match e {
                coord_core::stats::StatsError::BenchmarkDimensions
                | coord_core::stats::StatsError::Dimensions => "/partial/dimensions",
                _ => "/partial",
            };
            vec![stats_problem(&e, at)]
        })
    })())
}

#[cfg(test)]
mod tests {
    use super::*;
    use coord_core::stats::Dimension;

    #[test]
    fn a_partial_not_by_municipality_first_is_refused_at_its_dimensions() {
        let a = stats_benchmark(StatsBenchmarkCall {
            partial: Partial::empty(vec![Dimension::Level, Dimension::Municipality]).unwrap(),
            disclosure: None,
        });
        assert_eq!(a.errors()[0].code, "stats.benchmark_dimensions");
        assert_eq!(
            a.errors()[0].pointer.as_deref(),
            Some("/partial/dimensions")
        );
        let empty = stats_benchmark(StatsBenchmarkCall {
            partial: Partial::empty(vec![Dimension::Municipality]).unwrap(),
            disclosure: None,
        });
        assert!(empty.errors().is_empty());
    }
}
