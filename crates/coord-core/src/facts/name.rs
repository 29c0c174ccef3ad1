//! Fact names as rules write them, with their place in the catalogue found once.
//!
//! A rule names a fact by its word (`weeks_since_first_absence`). Looking a name up in a
//! [`FactSet`](super::FactSet) by its word means hashing and comparing a string, for every
//! comparison of every rule of every case. A [`FactName`] is the word together with its
//! *slot* — its position in the [`CATALOGUE`](super::CATALOGUE) — found when the rule is read, so
//! that a fact set answers by index ([`FactSet::get_named`](super::FactSet::get_named)). A name
//! that is not a catalogue fact (a family member such as `first_event_on.visitation`, a fact an
//! offer sets by hand) has no slot and is looked up by its word.

use std::fmt;
use std::ops::Deref;

/// A catalogue position (see [`super::CATALOGUE`]).
pub type FactSlot = u8;

/// The catalogue slot of a name: its position when it is a (non-family) catalogue fact.
pub fn slot_of(name: &str) -> Option<FactSlot> {
    if name.contains('.') {
        // Family members (`event_count.visitation`) are not catalogue entries of their own.
        return None;
    }
    let i = super::CATALOGUE
        .binary_search_by(|d| d.name.cmp(name))
        .ok()?;
    FactSlot::try_from(i).ok()
}

/// The catalogue slot of the family `name` belongs to (`event_count.visitation` →
/// `event_count.*`'s), if any.
pub fn family_of(name: &str) -> Option<FactSlot> {
    let i = super::CATALOGUE.iter().position(|d| {
        d.name
            .strip_suffix('*')
            .is_some_and(|prefix| name.starts_with(prefix) && name.len() > prefix.len())
    })?;
    FactSlot::try_from(i).ok()
}

/// A fact's name and its catalogue slot (kept together: the slot is found from the name when
/// the name is made, and the name cannot change afterwards).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactName {
    name: String,
    slot: Option<FactSlot>,
    family: Option<FactSlot>,
}

impl FactName {
    /// The name `name`, with its slot (or its family's) looked up.
    pub fn new(name: impl Into<String>) -> Self {
        let name = name.into();
        let slot = slot_of(&name);
        let family = if slot.is_none() {
            family_of(&name)
        } else {
            None
        };
        FactName { name, slot, family }
    }

    /// The name as written.
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// The catalogue slot (None: not a catalogue fact of its own).
    pub fn slot(&self) -> Option<FactSlot> {
        self.slot
    }

    /// The catalogue slot of the family the name is a member of (None: not a family member).
    pub fn family(&self) -> Option<FactSlot> {
        self.family
    }
}

impl Deref for FactName {
    type Target = str;
    fn deref(&self) -> &str {
        &self.name
    }
}

impl PartialEq<&str> for FactName {
    fn eq(&self, other: &&str) -> bool {
        self.name == *other
    }
}

impl From<String> for FactName {
    fn from(name: String) -> Self {
        FactName::new(name)
    }
}

impl From<FactName> for String {
    fn from(name: FactName) -> Self {
        name.name
    }
}

impl fmt::Display for FactName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_names_have_their_slot_and_others_none() {
        for (i, def) in super::super::CATALOGUE.iter().enumerate() {
            let name = FactName::new(def.name);
            if def.is_family() {
                assert_eq!(name.slot(), None, "{}", def.name);
            } else {
                assert_eq!(name.slot().map(usize::from), Some(i), "{}", def.name);
            }
        }
        let member = FactName::new("first_event_on.visitation");
        assert_eq!(member.slot(), None);
        let family = super::super::CATALOGUE
            .iter()
            .position(|d| d.name == "first_event_on.*");
        assert_eq!(member.family().map(usize::from), family);
        assert_eq!(FactName::new("first_event_on.").family(), None);
        assert_eq!(FactName::new("weeks_since_first_absence").family(), None);
        assert_eq!(FactName::new("no_such_fact").slot(), None);
        assert_eq!(FactName::new("as_of"), "as_of");
    }
}
