//! The diff over generated cases, with each change's example shrunk by proptest to a minimal case
//! that still shows it. Deterministic in the seed: case `i` is drawn from its own random source,
//! seeded by the seed and `i`, so it can be drawn again to shrink it.

use super::{differ, replay, words, DiffExample, DiffSource, PackDiff, Tally, SHRINK_STEPS};
use crate::case_file::CaseFile;
use crate::reference::ReferenceData;
use crate::rules::pack::RulePack;
use crate::time::DatePeriod;
use chrono::NaiveDate;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// The random source of case `i` of a run with `seed`.
fn runner(seed: u64, i: usize) -> TestRunner {
    let mut bytes = [0u8; 32];
    for (k, chunk) in bytes.chunks_mut(8).enumerate() {
        let word = match k {
            0 => seed,
            1 => i as u64,
            _ => seed ^ (i as u64).rotate_left(17 * k as u32),
        };
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    TestRunner::new_with_rng(
        Config {
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
    )
}

/// Compare packs `a` and `b` on `as_of` over `cases` cases generated from `seed` (courses that
/// began up to 400 days before the date), each change with a shrunk example.
pub fn diff_generated(
    a: &RulePack,
    b: &RulePack,
    reference: &ReferenceData,
    as_of: NaiveDate,
    cases: usize,
    seed: u64,
) -> PackDiff {
    let differ = differ(a, b, reference, as_of);
    let strategy = crate::strategies::rules::case_with_date(
        DatePeriod::new(as_of, Some(as_of)),
        &reference.vocabularies,
    );
    let draw = |i: usize| strategy.new_tree(&mut runner(seed, i)).ok();
    let mut tally = Tally::new();
    for i in 0..cases {
        let outcome = draw(i).and_then(|tree| differ.differences(&tree.current().0));
        tally.add(i, outcome);
    }
    let source = DiffSource::Generated { cases, seed };
    tally.finish(&differ, source, |key, acc| {
        let (case, steps) = match draw(acc.first) {
            Some(mut tree) => {
                let mut best: CaseFile = tree.current().0;
                let mut steps = 0usize;
                let mut iterations = 0usize;
                if tree.simplify() {
                    while iterations < SHRINK_STEPS {
                        iterations += 1;
                        let candidate = tree.current().0;
                        if differ.shows(&candidate, key) {
                            best = candidate;
                            steps += 1;
                            if !tree.simplify() {
                                break;
                            }
                        } else if !tree.complicate() {
                            break;
                        }
                    }
                }
                (Some(best), steps)
            }
            None => (None, 0),
        };
        let (due_a, due_b) = case
            .as_ref()
            .map(|c| differ.due_dates(c, key))
            .unwrap_or(acc.due);
        DiffExample {
            case,
            number: None,
            shrink_steps: steps,
            due_a,
            due_b,
            replay: replay(&differ, "EXAMPLE.json"),
            note: words::generated_note(steps),
        }
    })
}
