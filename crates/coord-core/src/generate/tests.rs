use super::*;
use crate::check::CheckedCase;
use crate::reference::ReferenceData;

fn population(seed: u64) -> Population {
    Population {
        seed,
        municipalities: DEFAULT_MUNICIPALITIES,
        as_of: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or(NaiveDate::MIN),
    }
}

#[test]
fn same_seed_and_index_give_the_same_case_and_seeds_differ() {
    let p = population(7);
    assert_eq!(synthetic_case(&p, 42), synthetic_case(&p, 42));
    assert_ne!(synthetic_case(&p, 42), synthetic_case(&population(8), 42));
    assert_ne!(synthetic_case(&p, 42), synthetic_case(&p, 43));
}

#[test]
fn every_generated_case_passes_the_case_file_check() {
    let p = population(1);
    let reference = ReferenceData {
        vocabularies: crate::vocab::builtin_for_tests(),
        ..ReferenceData::default()
    };
    for i in 0..2000 {
        let mut case = synthetic_case(&p, i);
        // The core's default reference data holds no instruments: measurements are checked against
        // the built-in ones in coord-json's generate tests.
        case.measurements.clear();
        let errors = crate::check::check_case_file(&case, &reference);
        assert!(errors.is_empty(), "case {i}: {errors:?}");
        assert!(CheckedCase::new(case, &reference).is_ok());
    }
}

#[test]
fn distributions_follow_the_survey() {
    let p = population(3);
    let n = 20_000;
    let (mut msk, mut mental, mut psych, mut repeat, mut sick) = (0, 0, 0, 0, 0);
    let mut municipalities = std::collections::BTreeSet::new();
    for i in 0..n {
        let c = synthetic_case(&p, i);
        msk += usize::from(
            c.course
                .conditions
                .contains(&ConditionCategory::new("musculoskeletal")),
        );
        mental += usize::from(
            c.course
                .conditions
                .contains(&ConditionCategory::new("mental")),
        );
        psych += usize::from(c.course.diffuse_picture.is_some_and(|d| d.psychological));
        repeat += usize::from(!c.course.earlier_sick_periods.is_empty());
        sick += usize::from(c.course.target_group == Some(TargetGroup::SICKNESS_BENEFIT));
        if let Some(m) = c.demographics.and_then(|d| d.municipality) {
            municipalities.insert(m);
        }
        assert!(c.citizen.name.starts_with("Syntetisk Borger "));
        assert!(c.id.as_str().starts_with("syn-"));
    }
    let share = |k: usize| k as f64 / n as f64;
    assert!((0.47..0.53).contains(&share(msk)), "{}", share(msk));
    assert!((0.33..0.39).contains(&share(mental)), "{}", share(mental));
    assert!((0.63..0.70).contains(&share(psych)), "{}", share(psych));
    assert!((0.47..0.53).contains(&share(repeat)), "{}", share(repeat));
    assert!((0.57..0.63).contains(&share(sick)), "{}", share(sick));
    assert_eq!(municipalities.len(), DEFAULT_MUNICIPALITIES as usize);
}

#[test]
fn below_stays_below() {
    let mut r = rng::SplitMix64::new(9);
    for n in [1u64, 2, 3, 98, 1000] {
        for _ in 0..1000 {
            assert!(r.below(n) < n);
        }
    }
    assert_eq!(r.below(0), 0);
}
