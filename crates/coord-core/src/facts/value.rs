//! Fact values and fact sets: what conditions are evaluated against.
//!
//! A [`FactSet`] is a map from fact names to [`FactValue`]s plus the evaluation date (`as_of`).
//! The case-file fact catalogue ([`crate::facts`]) fills one from a case; any other caller (e.g.
//! offer eligibility) may fill one by hand with [`FactSet::insert`].

use crate::calendar::WorkingCalendar;
use crate::time::DatePeriod;
use crate::vocab::word::Word;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// The type of a fact (what the validator checks comparisons against).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FactType {
    /// `true` or `false`.
    Bool,
    /// A number (weeks, counts, scores).
    Number,
    /// A calendar date (`2025-03-01`).
    Date,
    /// One word from a closed or open vocabulary (`sickness_benefit`).
    Text,
    /// A set of words (`["mental", "musculoskeletal"]`).
    Set,
}

impl FactType {
    /// The type's name as used in messages.
    pub fn name(self) -> &'static str {
        match self {
            FactType::Bool => "bool",
            FactType::Number => "number",
            FactType::Date => "date",
            FactType::Text => "text",
            FactType::Set => "set",
        }
    }

    /// The type's name in Danish messages.
    pub fn name_da(self) -> &'static str {
        type_name_da(self.name())
    }
}

/// The Danish name of a type named in messages (`bool`, `number`, `date`, `text`, `set`).
pub fn type_name_da(name: &str) -> &'static str {
    match name {
        "bool" => "sandhedsværdi",
        "number" => "tal",
        "date" => "dato",
        "text" => "tekst",
        "set" => "mængde",
        _ => "ukendt type",
    }
}

impl fmt::Display for FactType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The value of one fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum FactValue {
    /// A truth value.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A date.
    Date(NaiveDate),
    /// A word.
    Text(Word),
    /// A set of words, sorted and without duplicates.
    Set(Vec<Word>),
}

impl FactValue {
    /// The value's type.
    pub fn fact_type(&self) -> FactType {
        match self {
            FactValue::Bool(_) => FactType::Bool,
            FactValue::Number(_) => FactType::Number,
            FactValue::Date(_) => FactType::Date,
            FactValue::Text(_) => FactType::Text,
            FactValue::Set(_) => FactType::Set,
        }
    }

    /// A set value from words (sorted, duplicates removed).
    pub fn set<I, S>(words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<Word>,
    {
        let mut v: Vec<Word> = words.into_iter().map(Into::into).collect();
        v.sort();
        v.dedup();
        FactValue::Set(v)
    }

    /// A text value.
    pub fn text(word: impl Into<Word>) -> Self {
        FactValue::Text(word.into())
    }

    /// The value for people in `lang`: yes/no, a decimal comma in Danish, a long date, words by
    /// their labels where coord has one.
    pub fn describe(
        &self,
        vocabularies: &crate::vocab::Vocabularies,
        lang: crate::category::Language,
    ) -> String {
        use crate::text::{condition::word_label, date_long, decimal, pick};
        let word = |w: &str| {
            word_label(vocabularies, w, lang).map_or_else(|| w.replace('_', " "), str::to_owned)
        };
        match self {
            FactValue::Bool(b) => pick(
                lang,
                if *b { "ja" } else { "nej" },
                if *b { "yes" } else { "no" },
            )
            .to_owned(),
            FactValue::Number(n) => decimal(lang, *n),
            FactValue::Date(d) => date_long(lang, *d),
            FactValue::Text(t) => word(t),
            FactValue::Set(s) if s.is_empty() => pick(lang, "ingen", "none").to_owned(),
            FactValue::Set(s) => s.iter().map(|w| word(w)).collect::<Vec<_>>().join(", "),
        }
    }
}

impl fmt::Display for FactValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactValue::Bool(b) => write!(f, "{b}"),
            FactValue::Number(n) => write_number(f, *n),
            FactValue::Date(d) => write!(f, "{d}"),
            FactValue::Text(t) => f.write_str(t),
            FactValue::Set(s) => {
                f.write_str("[")?;
                for (i, w) in s.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(w)?;
                }
                f.write_str("]")
            }
        }
    }
}

/// Numbers without a fractional part print without `.0`.
pub(crate) fn write_number(f: &mut fmt::Formatter<'_>, n: f64) -> fmt::Result {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        write!(f, "{}", n as i64)
    } else {
        write!(f, "{n}")
    }
}

/// The facts about one subject as of one date: a map from names to values.
///
/// Facts are few, looked up often (every comparison of every rule) and built once per
/// evaluation, so the set keeps them in insertion order with two small indexes: a catalogue fact
/// is found by its catalogue slot ([`super::name::FactSlot`]: no hashing, no string compared),
/// any other name (a family member, a fact set by hand) by a small open-addressing hash index (a
/// multiplicative hash over the name, eight bytes at a time).
#[derive(Debug, Clone)]
pub struct FactSet {
    /// The evaluation date.
    pub as_of: NaiveDate,
    facts: Vec<(Cow<'static, str>, FactValue)>,
    /// Hash slot → position + 1 (0: empty), for names that are not catalogue facts. Positions
    /// beyond the table are found by scanning.
    index: [u8; INDEX_SLOTS],
    /// Catalogue slot ([`super::name::FactSlot`]) → position + 1 (0: not known).
    by_slot: [u16; CATALOGUE_SLOTS],
    /// The working-day calendar date expressions count in (absent: public holidays only).
    calendar: Option<Arc<WorkingCalendar>>,
    /// The periods counting towards the sickness-benefit duration limit, sorted and merged.
    counted: Option<Arc<[DatePeriod]>>,
    /// The cumulative windows computed so far over `counted`: (weeks, months) → first day over
    /// (several rules of one pack ask for the same window; it is computed once per set).
    windows: std::cell::RefCell<Vec<(u32, u32, Option<NaiveDate>)>>,
}

fn public_holidays_only() -> &'static WorkingCalendar {
    static CAL: OnceLock<WorkingCalendar> = OnceLock::new();
    CAL.get_or_init(WorkingCalendar::public_holidays_only)
}

const INDEX_SLOTS: usize = 256;
/// Room for this many catalogue facts (the catalogue is checked to fit: see `facts::CATALOGUE`).
pub(crate) const CATALOGUE_SLOTS: usize = 96;
/// At most this many facts go into the index (keeps probing short); more are scanned.
const INDEXED: usize = 160;

/// A fast, deterministic hash of a fact name, eight bytes at a time (FxHash's mixing step).
fn name_hash(name: &str) -> usize {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = name.len() as u64;
    let mut chunks = name.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    (h ^ (h >> 29)) as usize
}

impl FactSet {
    /// An empty fact set as of `as_of`.
    pub fn new(as_of: NaiveDate) -> Self {
        Self {
            as_of,
            facts: Vec::with_capacity(48),
            index: [0; INDEX_SLOTS],
            by_slot: [0; CATALOGUE_SLOTS],
            calendar: None,
            counted: None,
            windows: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// Count working days in `calendar` (the municipality's, from the reference data).
    pub fn set_calendar(&mut self, calendar: Arc<WorkingCalendar>) {
        self.calendar = Some(calendar);
    }

    /// The working-day calendar: the one set, or weekends and public holidays only.
    pub fn calendar(&self) -> &WorkingCalendar {
        self.calendar
            .as_deref()
            .unwrap_or_else(|| public_holidays_only())
    }

    /// Set the periods counting towards the duration limit (sorted and merged, see
    /// [`crate::course::benefit::counted_periods`]); the `cumulative` date expression reads them.
    pub fn set_counted_periods(&mut self, periods: Arc<[DatePeriod]>) {
        self.counted = Some(periods);
        self.windows.get_mut().clear();
    }

    /// The first day on which more than `weeks` weeks are counted within the preceding `months`
    /// calendar months ([`crate::course::benefit::first_day_exceeding`] over the counted
    /// periods), computed once per set for each window.
    pub fn first_day_exceeding(&self, weeks: u32, months: u32) -> Option<NaiveDate> {
        if let Some(&(_, _, day)) = self
            .windows
            .borrow()
            .iter()
            .find(|(w, m, _)| *w == weeks && *m == months)
        {
            return day;
        }
        let day =
            crate::course::benefit::first_day_exceeding(self.counted_periods(), weeks, months);
        self.windows.borrow_mut().push((weeks, months, day));
        day
    }

    /// The periods counting towards the duration limit (empty when not set).
    pub fn counted_periods(&self) -> &[DatePeriod] {
        self.counted.as_deref().unwrap_or(&[])
    }

    fn position(&self, name: &str) -> Option<usize> {
        match super::name::slot_of(name) {
            Some(slot) => self.position_of_slot(slot, name),
            None => self.position_hashed(name, name_hash(name)),
        }
    }

    /// The position of the catalogue fact in `slot` (named `name`).
    fn position_of_slot(&self, slot: super::name::FactSlot, name: &str) -> Option<usize> {
        match self.by_slot.get(usize::from(slot)).copied() {
            Some(p) if p != 0 => Some(usize::from(p) - 1),
            // Positions from u16::MAX on are not recorded in the slot table: scanned.
            _ if self.facts.len() >= usize::from(u16::MAX) => {
                self.facts.iter().position(|(n, _)| n == name)
            }
            _ => None,
        }
    }

    /// The position of a name that is not a catalogue fact.
    fn position_hashed(&self, name: &str, hash: usize) -> Option<usize> {
        let mut slot = hash % INDEX_SLOTS;
        for _ in 0..INDEX_SLOTS {
            match self.index[slot] {
                0 => break,
                p => {
                    let i = usize::from(p) - 1;
                    if self.facts.get(i).is_some_and(|(n, _)| n == name) {
                        return Some(i);
                    }
                }
            }
            slot = (slot + 1) % INDEX_SLOTS;
        }
        self.facts
            .iter()
            .skip(INDEXED)
            .position(|(n, _)| n == name)
            .map(|i| i + INDEXED)
    }

    /// Set a fact (replacing any earlier value).
    pub fn insert(&mut self, name: impl Into<Cow<'static, str>>, value: FactValue) {
        let name = name.into();
        match super::name::slot_of(&name) {
            Some(slot) => match self.position_of_slot(slot, &name) {
                Some(i) => self.facts[i].1 = value,
                None => self.push_slot(slot, name, value),
            },
            None => {
                let hash = name_hash(&name);
                match self.position_hashed(&name, hash) {
                    Some(i) => self.facts[i].1 = value,
                    None => self.push_hashed(name, hash, value),
                }
            }
        }
    }

    /// Append a name that is not a catalogue fact and not in the set yet.
    fn push_hashed(&mut self, name: Cow<'static, str>, hash: usize, value: FactValue) {
        let i = self.facts.len();
        if i < INDEXED {
            let mut slot = hash % INDEX_SLOTS;
            while self.index[slot] != 0 {
                slot = (slot + 1) % INDEX_SLOTS;
            }
            // i < INDEXED < 256, so i + 1 fits in a byte.
            self.index[slot] = u8::try_from(i + 1).unwrap_or(0);
        }
        self.facts.push((name, value));
    }

    /// Append the catalogue fact in `slot`, not in the set yet.
    fn push_slot(
        &mut self,
        slot: super::name::FactSlot,
        name: Cow<'static, str>,
        value: FactValue,
    ) {
        let i = self.facts.len();
        if let Some(s) = self.by_slot.get_mut(usize::from(slot)) {
            // A position beyond u16 is left to the scan (0: not recorded here).
            *s = u16::try_from(i + 1).unwrap_or(0);
        }
        self.facts.push((name, value));
    }

    /// Add the catalogue fact in `slot` (named `name`), not in the set yet (the catalogue's
    /// names are unique).
    pub(crate) fn push_new(&mut self, slot: usize, name: &'static str, value: FactValue) {
        match super::name::FactSlot::try_from(slot) {
            Ok(s) => self.push_slot(s, Cow::Borrowed(name), value),
            // Not reached: the catalogue fits the slot type (checked where it is defined).
            Err(_) => self.insert(name, value),
        }
    }

    /// The value of a fact, if known.
    pub fn get(&self, name: &str) -> Option<&FactValue> {
        self.position(name).map(|i| &self.facts[i].1)
    }

    /// The value of a fact named by a [`FactName`](super::name::FactName): by its catalogue
    /// slot when it has one (an index, no hashing), else by its word — the same answer as
    /// [`FactSet::get`].
    pub fn get_named(&self, name: &super::name::FactName) -> Option<&FactValue> {
        let i = match name.slot() {
            Some(slot) => self.position_of_slot(slot, name.as_str()),
            None => self.position_hashed(name.as_str(), name_hash(name.as_str())),
        }?;
        self.facts.get(i).map(|(_, v)| v)
    }

    /// Every known fact, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &FactValue)> {
        let mut all: Vec<(&str, &FactValue)> =
            self.facts.iter().map(|(n, v)| (n.as_ref(), v)).collect();
        all.sort_by(|a, b| a.0.cmp(b.0));
        all.into_iter()
    }

    /// How many facts are known.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// Whether no fact is known.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }
}

impl PartialEq for FactSet {
    /// Equal when the dates and the facts (by name) are equal, whatever the insertion order.
    fn eq(&self, other: &Self) -> bool {
        self.as_of == other.as_of && self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Serialize for FactSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Facts<'a>(&'a FactSet);
        impl Serialize for Facts<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(self.0.iter())
            }
        }
        let mut st = s.serialize_struct("FactSet", 2)?;
        st.serialize_field("as_of", &self.as_of)?;
        st.serialize_field("facts", &Facts(self))?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_replaces_and_get_finds_beyond_the_index() {
        let mut f = FactSet::new(NaiveDate::MIN);
        for i in 0..400 {
            f.insert(format!("fact_{i}"), FactValue::Number(f64::from(i)));
        }
        f.insert("fact_7", FactValue::Bool(true));
        f.insert("fact_300", FactValue::Bool(false));
        assert_eq!(f.len(), 400);
        assert_eq!(f.get("fact_7"), Some(&FactValue::Bool(true)));
        assert_eq!(f.get("fact_300"), Some(&FactValue::Bool(false)));
        assert_eq!(f.get("fact_399"), Some(&FactValue::Number(399.0)));
        assert_eq!(f.get("fact_400"), None);
        // A catalogue fact set after the slot table's reach is still found by its name.
        f.insert("weeks_since_first_absence", FactValue::Number(9.0));
        let weeks = super::super::name::FactName::new("weeks_since_first_absence");
        assert!(weeks.slot().is_some());
        assert_eq!(f.get_named(&weeks), Some(&FactValue::Number(9.0)));
        assert_eq!(
            f.get_named(&super::super::name::FactName::new("as_of")),
            None
        );
        let mut small = FactSet::new(NaiveDate::MIN);
        small.insert("weeks_since_first_absence", FactValue::Number(2.0));
        assert_eq!(small.get_named(&weeks), Some(&FactValue::Number(2.0)));
        assert_eq!(
            small.get_named(&super::super::name::FactName::new("as_of")),
            None
        );
        let names: Vec<&str> = f.iter().map(|(n, _)| n).take(3).collect();
        assert_eq!(names, ["fact_0", "fact_1", "fact_10"]);
    }
}
