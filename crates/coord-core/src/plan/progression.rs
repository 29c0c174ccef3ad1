//! Progression per indicator over time, and each goal's targets and achievement status.

use super::goal::Goal;
use super::measurement::Measurement;
use crate::check::CheckedCase;
use crate::instruments::InstrumentDefinition;
use crate::pointer::Pointer;
use crate::reference::ReferenceData;
use chrono::NaiveDate;

/// The |RCI| above which a change is reliable (Jacobson–Truax, p < .05).
pub const RCI_CRITICAL: f64 = 1.96;
/// The average length of a month in days, for trends per month.
pub const DAYS_PER_MONTH: f64 = 30.4375;

pub use super::progress::{
    BandTransition, ChangeDirection, GoalProgress, IndicatorProgress, Point, ProgressError,
    ProgressReport, ReliableChange, ReliableChangeClass, TargetMark, TargetProgress, TargetState,
};

/// The score of one measurement, or `None` if it does not score (a checked case always scores).
pub fn measurement_score(def: &InstrumentDefinition, m: &Measurement) -> Option<f64> {
    match (&m.value, &m.answers) {
        (Some(v), None) => Some(*v),
        (None, Some(a)) => def.score(a, &Pointer::root()).ok().map(|s| s.score),
        _ => None,
    }
}

fn direction(def: &InstrumentDefinition, from: f64, to: f64) -> ChangeDirection {
    if def.is_better(to, from) {
        ChangeDirection::Better
    } else if def.is_better(from, to) {
        ChangeDirection::Worse
    } else {
        ChangeDirection::Unchanged
    }
}

fn slope_per_month(points: &[Point]) -> Option<f64> {
    use chrono::Datelike;
    let first = points.first()?.date.num_days_from_ce();
    let n = points.len() as f64;
    // One pass over (days since the first point, score).
    let (mut sx, mut sy, mut sxx, mut sxy) = (0.0, 0.0, 0.0, 0.0);
    for p in points {
        let x = f64::from(p.date.num_days_from_ce() - first);
        sx += x;
        sy += p.score;
        sxx += x * x;
        sxy += x * p.score;
    }
    let denominator = n * sxx - sx * sx;
    (denominator > 0.0).then(|| (n * sxy - sx * sy) / denominator * DAYS_PER_MONTH)
}

/// A measurement as the grouping pass leaves it, as one integer: its day in the high half (so
/// sorting the plain integers sorts by date, the cheapest sort there is) and its position in the
/// case file in the low half.
fn sort_key(date: NaiveDate, pos: usize) -> u64 {
    use chrono::Datelike;
    let day = u64::try_from(i64::from(date.num_days_from_ce()) - i64::from(i32::MIN)).unwrap_or(0);
    (day << 32) | (pos as u64 & 0xffff_ffff)
}

/// The position in the case file a sort key stands for.
fn position(key: u64) -> usize {
    (key & 0xffff_ffff) as usize
}

/// What the grouping pass read from each measurement, by position: its date and its score.
struct Read<'a> {
    all: &'a [Measurement],
    dates: Vec<NaiveDate>,
    scores: Vec<Option<f64>>,
}

/// Progression of `def` over `keys` (sorted by date, then id).
fn indicator_progress(
    def: &InstrumentDefinition,
    keys: &[u64],
    read: &Read<'_>,
    goals: &[Goal],
) -> Option<IndicatorProgress> {
    // Sized up front: filter_map gives no size hint, and growing costs a copy per doubling.
    let mut points: Vec<Point> = Vec::with_capacity(keys.len());
    points.extend(keys.iter().filter_map(|&k| {
        let pos = position(k);
        let score = read.scores.get(pos).copied().flatten()?;
        Some(Point {
            date: read.dates.get(pos).copied()?,
            score,
            band: def.band_index(score),
        })
    }));
    let baseline = *points.first()?;
    let latest = *points.last()?;
    let change = latest.score - baseline.score;
    let dir = direction(def, baseline.score, latest.score);
    let reliable_change = def.s_diff().map(|s_diff| {
        let rci = change / s_diff;
        let class = if rci.abs() <= RCI_CRITICAL {
            ReliableChangeClass::NoReliableChange
        } else if dir == ChangeDirection::Better {
            ReliableChangeClass::ReliablyImproved
        } else {
            ReliableChangeClass::ReliablyDeteriorated
        };
        ReliableChange { rci, s_diff, class }
    });
    let mut band_transitions = Vec::with_capacity(points.len().saturating_sub(1));
    band_transitions.extend(points.windows(2).filter_map(|w| {
        let (a, b) = (w.first()?, w.get(1)?);
        let (fa, fb) = (a.band?, b.band?);
        (fa != fb).then(|| BandTransition {
            date: b.date,
            from: fa,
            to: fb,
            direction: direction(def, a.score, b.score),
        })
    }));
    let safety_flags = keys
        .last()
        .and_then(|&k| read.all.get(position(k)))
        .and_then(|m| m.answers.as_ref())
        .and_then(|a| def.score(a, &Pointer::root()).ok())
        .map(|s| s.safety_flags)
        .unwrap_or_default();
    let targets = goals
        .iter()
        .filter(|g| !g.status.is_void())
        .flat_map(|g| {
            g.targets
                .iter()
                .filter(|t| t.indicator == def.id)
                .map(|t| TargetMark {
                    goal: g.id.clone(),
                    threshold: t.threshold,
                    due: t.due,
                })
        })
        .collect();
    Some(IndicatorProgress {
        indicator: def.id.clone(),
        name_da: def.name_da.clone(),
        name_en: def.name_en.clone(),
        domain: def.domain,
        speaks_of: def.domain.speaks_of(),
        higher_is_better: def.higher_is_better,
        range: def.range,
        bands: def.bands.clone(),
        trend_per_month: slope_per_month(&points),
        points,
        baseline,
        latest,
        change,
        direction: dir,
        reliable_change,
        clinically_relevant: def
            .clinically_relevant_change
            .map(|mcid| change.abs() >= mcid),
        band_transitions,
        targets,
        safety_flags,
    })
}

/// Reject measurements dated after `as_of`.
fn check_dates(measurements: &[Measurement], as_of: NaiveDate) -> Result<(), ProgressError> {
    match measurements.iter().position(|m| m.date > as_of) {
        Some(i) => Err(ProgressError::MeasurementAfterAsOf {
            at: Pointer::root().key("measurements").index(i).key("date"),
            date: measurements.get(i).map_or(as_of, |m| m.date),
            as_of,
        }),
        None => Ok(()),
    }
}

/// Progression of every measured indicator and every goal of `case`, as of `as_of`. The result
/// does not depend on the order of the measurements in the case file.
pub fn progression(
    case: &CheckedCase,
    reference: &ReferenceData,
    as_of: NaiveDate,
) -> Result<ProgressReport, ProgressError> {
    let case = case.case();
    check_dates(&case.measurements, as_of)?;
    let all = &case.measurements;
    let defs = &reference.instruments;
    // Group by indicator with a counting sort: one lookup per measurement, then each indicator's
    // (date, position) keys in one flat buffer, so the sort moves small inline keys.
    let slot_of = SlotTable::new(defs);
    let slots: Vec<Option<usize>> = all
        .iter()
        .map(|m| slot_of.get(m.indicator.as_str()))
        .collect();
    let mut starts = vec![0usize; defs.len() + 1];
    for slot in slots.iter().flatten() {
        if let Some(c) = starts.get_mut(slot + 1) {
            *c += 1;
        }
    }
    for i in 1..starts.len() {
        let previous = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = starts.get_mut(i) {
            *c += previous;
        }
    }
    let mut fill = starts.clone();
    let mut keys: Vec<u64> = vec![0; starts.last().copied().unwrap_or(0)];
    let mut read = Read {
        all,
        dates: Vec::with_capacity(all.len()),
        scores: Vec::with_capacity(all.len()),
    };
    for (pos, (slot, m)) in slots.iter().zip(all).enumerate() {
        read.dates.push(m.date);
        let Some(slot) = slot else {
            read.scores.push(None);
            continue;
        };
        read.scores
            .push(defs.get(*slot).and_then(|d| measurement_score(d, m)));
        if let Some(at) = fill.get_mut(*slot) {
            if let Some(k) = keys.get_mut(*at) {
                *k = sort_key(m.date, pos);
            }
            *at += 1;
        }
    }
    let goals: &[Goal] = case.plan.as_ref().map_or(&[], |p| &p.goals);
    let mut indicators = Vec::with_capacity(defs.len());
    for (i, def) in defs.iter().enumerate() {
        let range = starts.get(i).copied().unwrap_or(0)..starts.get(i + 1).copied().unwrap_or(0);
        let Some(keys) = keys.get_mut(range).filter(|k| !k.is_empty()) else {
            continue;
        };
        keys.sort_unstable();
        // Same day: by measurement id, so the input order never matters.
        for day in keys.chunk_by_mut(|a, b| a >> 32 == b >> 32) {
            if day.len() > 1 {
                day.sort_unstable_by(|a, b| {
                    let id = |k: &u64| all.get(position(*k)).map(|m| &m.id);
                    id(a).cmp(&id(b))
                });
            }
        }
        indicators.extend(indicator_progress(def, keys, &read, goals));
    }
    let goals = goals
        .iter()
        .map(|g| super::achievement::goal_progress(g, &indicators, &reference.instruments, as_of))
        .collect();
    Ok(ProgressReport {
        as_of,
        indicators,
        goals,
    })
}

/// The first eight bytes of an id as a little-endian word, zero-padded.
fn head_word(id: &str) -> u64 {
    let bytes = id.as_bytes();
    if let Some(head) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*head);
    }
    // 4 to 7 bytes: two overlapping 4-byte reads, the overlap landing on the same bits.
    if let (Some(lo), Some(hi)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        let shift = 8 * (bytes.len() - 4);
        return u64::from(u32::from_le_bytes(*lo)) | u64::from(u32::from_le_bytes(*hi)) << shift;
    }
    bytes
        .iter()
        .enumerate()
        .fold(0u64, |w, (i, b)| w | u64::from(*b) << (8 * i))
}

/// Finds an instrument's position by id, for grouping thousands of measurements: instrument ids
/// are short, so the length and the first eight bytes nearly always decide, and a full comparison
/// confirms only longer ids. Open addressing over a power-of-two table at most half full; the
/// first definition of an id wins.
struct SlotTable<'a> {
    bits: u32,
    entries: Vec<Option<(u64, &'a str, usize)>>,
}

impl<'a> SlotTable<'a> {
    fn new(defs: &'a [InstrumentDefinition]) -> Self {
        let bits = (defs.len().max(4) * 2).next_power_of_two().trailing_zeros();
        let mut table = Self {
            bits,
            entries: vec![None; 1 << bits],
        };
        for (slot, def) in defs.iter().enumerate() {
            let id = def.id.as_str();
            if table.get(id).is_none() {
                let word = head_word(id);
                let mut at = table.index(word, id.len());
                while let Some(Some(_)) = table.entries.get(at) {
                    at = (at + 1) & (table.entries.len() - 1);
                }
                if let Some(e) = table.entries.get_mut(at) {
                    *e = Some((word, id, slot));
                }
            }
        }
        table
    }

    fn index(&self, word: u64, len: usize) -> usize {
        let h = (word ^ (len as u64).rotate_left(56)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> (64 - self.bits)) as usize
    }

    fn get(&self, id: &str) -> Option<usize> {
        let word = head_word(id);
        let mut at = self.index(word, id.len());
        while let Some(Some((w, known, slot))) = self.entries.get(at) {
            if *w == word && known.len() == id.len() && (id.len() <= 8 || *known == id) {
                return Some(*slot);
            }
            at = (at + 1) & (self.entries.len() - 1);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instruments::{IndicatorDomain, ScoreRange, Scoring};

    fn def(id: &str) -> InstrumentDefinition {
        InstrumentDefinition {
            id: id.into(),
            name_da: String::new(),
            name_en: String::new(),
            domain: IndicatorDomain::Wellbeing,
            items: Vec::new(),
            options: Vec::new(),
            scoring: Scoring::Sum,
            range: ScoreRange { min: 0.0, max: 1.0 },
            higher_is_better: true,
            bands: Vec::new(),
            reliability: None,
            norm_sd: None,
            clinically_relevant_change: None,
            safety_items: Vec::new(),
            max_missing: 0,
            licence: String::new(),
            licence_da: String::new(),
            codes: Vec::new(),
        }
    }

    #[test]
    fn slot_table_finds_short_long_and_shared_prefix_ids() {
        let ids = [
            "who5",
            "phq9",
            "fsiii-j1",
            "fsiii-j2",
            "instrument-a",
            "instrument-b",
            "instrument-bb",
            "",
            "who5",
        ];
        let defs: Vec<InstrumentDefinition> = ids.iter().map(|i| def(i)).collect();
        let table = SlotTable::new(&defs);
        for (slot, id) in ids.iter().enumerate().take(8) {
            assert_eq!(table.get(id), Some(slot), "{id}");
        }
        // The first definition of an id wins.
        assert_eq!(table.get("who5"), Some(0));
        for unknown in [
            "who",
            "who55",
            "instrument-c",
            "fsiii-j3",
            "instrument-",
            "x",
        ] {
            assert_eq!(table.get(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn head_word_is_the_zero_padded_first_eight_bytes() {
        for id in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdef",
            "abcdefg",
            "abcdefgh",
            "abcdefghij",
            "æøå",
        ] {
            let mut w = [0u8; 8];
            for (dst, src) in w.iter_mut().zip(id.as_bytes()) {
                *dst = *src;
            }
            assert_eq!(head_word(id), u64::from_le_bytes(w), "{id}");
        }
    }

    #[test]
    fn sort_keys_order_by_day_then_position() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut keys = [
            sort_key(d("2025-03-01"), 7),
            sort_key(d("2024-12-31"), 9),
            sort_key(d("2025-03-01"), 2),
            sort_key(d("0001-01-01"), 1),
        ];
        keys.sort_unstable();
        let positions: Vec<usize> = keys.iter().map(|k| position(*k)).collect();
        assert_eq!(positions, vec![1, 9, 2, 7]);
    }
}
