//! Properties of the business case: an intervention group doing exactly as its comparison group in
//! every stratum saves no weeks; a constant shift of the intervention group's weeks is the weeks
//! saved; merging partials first gives the same case; and nothing computed from a group under k
//! (or a mean under 2k) is published.
#![cfg(feature = "proptest")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests: a failure must stop the run"
)]

use coord_core::ids::OfferId;
use coord_core::stats::{
    business_case, AgeBand, BusinessCase, BusinessCaseSettings, BusinessVerdict, CourseSummary,
    Dimension, DisclosureSettings, Intervention, Partial, Published, WeeklyRate,
};
use coord_core::strategies::stats::{course_summary, dimensions};
use coord_core::text::Text;
use proptest::prelude::*;

fn bridge() -> Intervention {
    Intervention::Offer(OfferId::new("brobygger-samtale"))
}

fn case(rows: &[CourseSummary], dims: Vec<Dimension>, cost: Option<f64>) -> BusinessCase {
    let p = Partial::of_rows(dims, rows).unwrap();
    let settings = BusinessCaseSettings {
        cost_per_citizen_dkk: cost,
        ..BusinessCaseSettings::default()
    };
    business_case(
        &p,
        &bridge(),
        Text::new("brobygger", "bridge-builder"),
        &WeeklyRate::given(4000.0),
        &settings,
        DisclosureSettings::default(),
    )
    .unwrap()
}

/// Strata (age bands), each with a block of weeks; per stratum, copies of the block with the
/// intervention and copies without, plus a shift of the intervention copies' weeks.
fn blocks() -> impl Strategy<Value = (CourseSummary, Vec<(Vec<u32>, usize, usize)>)> {
    let block =
        prop::collection::btree_set(5u32..60, 4..8).prop_map(|s| s.into_iter().collect::<Vec<_>>());
    (
        course_summary(),
        prop::collection::vec((block, 3usize..5, 3usize..5), 1..4),
    )
}

fn rows_of(
    template: &CourseSummary,
    strata: &[(Vec<u32>, usize, usize)],
    shift: u32,
) -> Vec<CourseSummary> {
    let mut rows = Vec::new();
    for (s, (block, with, without)) in strata.iter().enumerate() {
        for copy in 0..with + without {
            for w in block {
                let mut r = template.clone();
                r.age_band = Some(AgeBand::ALL[s]);
                let treated = copy < *with;
                r.interventions = if treated { vec![bridge()] } else { Vec::new() };
                r.weeks_absent = Some(if treated { w + shift } else { w + 3 });
                rows.push(r);
            }
        }
    }
    rows
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn doing_as_the_comparison_saves_nothing_and_a_shift_is_the_saving(
        (template, strata) in blocks(),
        shift in 0u32..3,
    ) {
        // Comparison courses take w + 3 weeks; intervention courses w + shift: 3 − shift saved.
        let rows = rows_of(&template, &strata, shift);
        let b = case(&rows, vec![Dimension::AgeBand], Some(1000.0));
        let saved = b.weeks_saved.value().copied();
        prop_assert!(saved.is_some(), "{b:?}");
        let saved = saved.unwrap();
        prop_assert!((saved.central - (3.0 - f64::from(shift))).abs() < 1e-9, "{saved:?}");
        prop_assert!(saved.low <= saved.central && saved.central <= saved.high);
        prop_assert_eq!(b.left_out, Published::Value(0));
        let value = b.value_per_citizen.value().unwrap().central;
        prop_assert!((value - saved.central * 4000.0).abs() < 1e-6);
        if shift == 3 {
            prop_assert_ne!(b.verdict, Some(BusinessVerdict::Pays));
        }
    }

    #[test]
    fn merging_first_gives_the_same_case(
        rows in prop::collection::vec(course_summary(), 0..120),
        dims in dimensions(),
        cut in 0usize..120,
    ) {
        let cut = cut.min(rows.len());
        let whole = Partial::of_rows(dims.clone(), &rows).unwrap();
        let a = Partial::of_rows(dims.clone(), &rows[..cut]).unwrap();
        let b = Partial::of_rows(dims, &rows[cut..]).unwrap();
        prop_assert_eq!(&b.merge(&a).unwrap(), &whole);
        let run = |p: &Partial| business_case(
            p, &bridge(),
        Text::new("brobygger", "bridge-builder"), &WeeklyRate::given(4000.0), &BusinessCaseSettings::default(),
            DisclosureSettings::default(),
        ).unwrap();
        prop_assert_eq!(run(&a.merge(&b).unwrap()), run(&whole));
    }

    #[test]
    fn nothing_from_a_small_group_is_published(
        rows in prop::collection::vec(course_summary(), 0..80),
        dims in dimensions(),
        k in 3u32..8,
    ) {
        let p = Partial::of_rows(dims, &rows).unwrap();
        let b = business_case(
            &p, &bridge(),
        Text::new("brobygger", "bridge-builder"), &WeeklyRate::given(4000.0),
            &BusinessCaseSettings { cost_per_citizen_dkk: Some(500.0), ..Default::default() },
            DisclosureSettings { k, dominance: 0.8 },
        ).unwrap();
        for g in [&b.intervention_group, &b.comparison_group] {
            if let Published::Value(n) = g.courses {
                prop_assert!(n == 0 || n >= u64::from(k));
            }
            if g.mean_weeks.value().is_some() {
                prop_assert!(matches!(g.courses, Published::Value(n) if n >= u64::from(2 * k)));
            }
        }
        if let Published::Value(n) = b.left_out {
            prop_assert!(n == 0 || n >= u64::from(k));
        }
        let shown = b.intervention_group.mean_weeks.value().is_some()
            && b.comparison_group.mean_weeks.value().is_some();
        prop_assert_eq!(b.weeks_saved.value().is_some(), shown);
        prop_assert_eq!(b.net_total.value().is_some(), shown);
        prop_assert_eq!(!b.sensitivity.is_empty(), shown);
        prop_assert_eq!(b.verdict.is_some(), shown);
    }
}
