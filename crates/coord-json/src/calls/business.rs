//! `business-case`: the benefit weeks an intervention saves, valued at the weekly sickness-benefit
//! rate, against its cost (`coord_core::stats::business_case`). The rate is the built-in dated
//! setting (`data/business-case.json`) unless the call gives one.

use super::stats::stats_problem;
use crate::envelope::{Answer, Problem};
use coord_core::stats::business_words::intervention_name;
use coord_core::stats::{
    business_case, BusinessCase, BusinessCaseSettings, DisclosureSettings, Intervention, Partial,
    StatsError,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The business case of an intervention from a (merged) partial: its cells are the strata in
/// which courses with the intervention are compared with the others
/// (`coord stats partial --by target_group,level`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessCaseCall {
    /// The partial.
    pub partial: Partial,
    /// The intervention: `{"offer": "brobygger-samtale"}` or `{"role": "bridge_builder"}`.
    pub intervention: Intervention,
    /// The weekly rate, the cost per citizen and the sensitivity ranges (each defaulted).
    #[serde(default)]
    pub settings: BusinessCaseSettings,
    /// Disclosure settings (default k = 5, dominance 0.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<DisclosureSettings>,
}

fn bad(code: &str, message: &str, pointer: &str) -> Problem {
    Problem::new(code, message, Some(pointer.to_owned()))
}

/// Check the settings a caller gives: a positive rate, a cost of at least 0, shares for ranges.
fn check(call: &BusinessCaseCall) -> Vec<Problem> {
    let s = &call.settings;
    let mut out = Vec::new();
    if !call.intervention.is_well_formed() {
        out.push(bad(
            "business.intervention",
            "the intervention names a role or an offer of 1 to 128 characters",
            "/intervention",
        ));
    }
    if let Some(r) = &s.weekly_rate {
        if !(r.dkk_per_week.is_finite() && r.dkk_per_week > 0.0) {
            out.push(bad(
                "business.weekly_rate",
                "the weekly rate is a number of kroner above 0",
                "/settings/weekly_rate/dkk_per_week",
            ));
        }
    }
    if let Some(c) = s.cost_per_citizen_dkk {
        if !(c.is_finite() && c >= 0.0) {
            out.push(bad(
                "business.cost",
                "the cost per citizen is a number of kroner, at least 0",
                "/settings/cost_per_citizen_dkk",
            ));
        }
    }
    for (range, at) in [
        (s.rate_range, "/settings/rate_range"),
        (s.cost_range, "/settings/cost_range"),
    ] {
        if range.is_some_and(|r| !(0.0..=1.0).contains(&r)) {
            out.push(bad(
                "business.range",
                "a sensitivity range is a share between 0 and 1",
                at,
            ));
        }
    }
    let d = call.disclosure.unwrap_or_default();
    if !(0.0..=1.0).contains(&d.dominance) {
        out.push(bad(
            "stats.dominance",
            "the dominance limit is a share between 0 and 1",
            "/disclosure/dominance",
        ));
    }
    out
}

/// Make the business case.
pub fn business_case_call(call: BusinessCaseCall) -> Answer<BusinessCase> {
    Answer::from_result((|| {
        let problems = check(&call);
        if !problems.is_empty() {
            return Err(problems);
        }
        let builtin = crate::builtin::business_case_settings().map_err(|p| vec![p])?;
        let rate = call
            .settings
            .weekly_rate
            .clone()
            .or(builtin.weekly_rate)
            .ok_or_else(|| {
                vec![bad(
                    "business.weekly_rate",
                    "no weekly rate is set, and the built-in settings hold none",
                    "/settings/weekly_rate",
                )]
            })?;
        let offers = crate::builtin::offer_catalogue().map_err(|p| vec![p])?;
        let name = intervention_name(&call.intervention, &offers);
        business_case(
            &call.partial,
            &call.intervention,
            name,
            &rate,
            &call.settings,
            call.disclosure.unwrap_or_default(),
        )
        .map_err(|e| {
            let at = match e {
                StatsError::Dimensions => "/partial/dimensions",
                _ => "/partial",
            };
            vec![stats_problem(&e, at)]
        })
    })())
}

#[cfg(test)]
mod tests {
    use super::*;
    use coord_core::stats::{Dimension, WeeklyRate};

    fn call() -> BusinessCaseCall {
        BusinessCaseCall {
            partial: Partial::empty(vec![Dimension::TargetGroup]).unwrap(),
            intervention: Intervention::parse("offer:brobygger-samtale").unwrap(),
            settings: BusinessCaseSettings::default(),
            disclosure: None,
        }
    }

    #[test]
    fn the_built_in_rate_is_dated_sourced_and_marked_unverified() {
        let a = business_case_call(call());
        let b = a.result().unwrap();
        assert!(!b.weekly_rate.verified);
        assert!(b.weekly_rate.source.is_some() && b.weekly_rate.valid_from.is_some());
        assert_eq!(
            b.intervention_name.get(coord_core::category::Language::Da),
            "Samtale med jobcentrets brobygger i genoptræningen"
        );
    }

    #[test]
    fn bad_settings_are_placed_and_never_echoed() {
        let mut c = call();
        c.settings.weekly_rate = Some(WeeklyRate::given(-3.5));
        c.settings.cost_per_citizen_dkk = Some(f64::NAN);
        c.settings.rate_range = Some(4.0);
        let a = business_case_call(c);
        let at: Vec<_> = a
            .errors()
            .iter()
            .filter_map(|p| p.pointer.clone())
            .collect();
        assert_eq!(
            at,
            [
                "/settings/weekly_rate/dkk_per_week",
                "/settings/cost_per_citizen_dkk",
                "/settings/rate_range"
            ]
        );
        assert!(a.errors().iter().all(|p| !p.message.contains("3.5")));
    }
}
