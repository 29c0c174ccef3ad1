//! Interventions a course received, as statistics mark them: a role on the care team (the
//! bridge-builder) or an offer the citizen took part in (the bridge-builder consultation in the
//! rehabilitation centre). The business case compares courses with an intervention against courses
//! without it ([`super::business`]).
//!
//! A course has the intervention `role:ROLE` on `as_of` when a member of its care team with that
//! role joined on or before `as_of`, and `offer:OFFER` when a referral to that offer reached *in
//! progress* or *completed* on or before `as_of` (the citizen took part; proposed, declined,
//! rejected or cancelled referrals do not count).

use super::histogram::{Histogram, WEEKS_CAP};
use crate::case_file::CaseFile;
use crate::facts::words::role_word;
use crate::ids::OfferId;
use crate::referral::ReferralState;
use crate::time::date_of;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The longest role word or offer id an intervention may name.
pub const MAX_INTERVENTION_NAME: usize = 128;

/// An intervention: `{"role": "bridge_builder"}` or `{"offer": "brobygger-samtale"}`.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Intervention {
    /// A member of the care team with this role (the role's word: `bridge_builder`, or a
    /// municipality's own role name).
    Role(String),
    /// A referral to this offer of the catalogue that the citizen took part in.
    Offer(OfferId),
}

impl Intervention {
    /// Read `role:WORD` or `offer:ID` (as given on the command line); `None` for anything else,
    /// an empty name or one longer than [`MAX_INTERVENTION_NAME`].
    pub fn parse(word: &str) -> Option<Intervention> {
        let (kind, name) = word.split_once(':')?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > MAX_INTERVENTION_NAME {
            return None;
        }
        match kind.trim() {
            "role" => Some(Intervention::Role(name.to_owned())),
            "offer" => Some(Intervention::Offer(OfferId::new(name.to_owned()))),
            _ => None,
        }
    }

    /// The intervention as written on the command line: `role:bridge_builder`.
    pub fn word(&self) -> String {
        match self {
            Intervention::Role(r) => format!("role:{r}"),
            Intervention::Offer(o) => format!("offer:{}", o.as_str()),
        }
    }

    /// Whether the name is one a partial may hold (not empty, not too long).
    pub fn is_well_formed(&self) -> bool {
        let name = match self {
            Intervention::Role(r) => r.as_str(),
            Intervention::Offer(o) => o.as_str(),
        };
        !name.trim().is_empty() && name.chars().count() <= MAX_INTERVENTION_NAME
    }
}

/// The interventions `case` had on `as_of`, each once, in order.
pub fn interventions_of(case: &CaseFile, as_of: NaiveDate) -> Vec<Intervention> {
    let mut found = BTreeSet::new();
    if let Some(team) = &case.team {
        for m in team.members.iter().filter(|m| m.period.from <= as_of) {
            found.insert(Intervention::Role(role_word(&m.role).as_str().to_owned()));
        }
    }
    for r in &case.referrals {
        let Some(offer) = &r.offer else { continue };
        let took_part = r.history.iter().any(|t| {
            date_of(&t.at) <= as_of
                && matches!(t.to, ReferralState::InProgress | ReferralState::Completed)
        });
        if took_part {
            found.insert(Intervention::Offer(offer.clone()));
        }
    }
    found.into_iter().collect()
}

/// What a partial counts of the courses in one cell that had one intervention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InterventionCounts {
    /// The intervention.
    pub intervention: Intervention,
    /// Courses with it.
    pub courses: u64,
    /// Of those, back at work.
    pub returned: u64,
    /// Their weeks of absence (the same measure as the cell's).
    pub weeks_absent: Histogram,
}

impl InterventionCounts {
    /// Nothing counted yet for `intervention`.
    pub fn new(intervention: Intervention) -> InterventionCounts {
        InterventionCounts {
            intervention,
            courses: 0,
            returned: 0,
            weeks_absent: Histogram::default(),
        }
    }

    /// Count one course.
    pub fn add(&mut self, returned: bool, weeks_absent: Option<u32>) {
        self.courses += 1;
        self.returned += u64::from(returned);
        if let Some(w) = weeks_absent {
            self.weeks_absent.add(w, WEEKS_CAP);
        }
    }

    /// Add every count of `other` (the same intervention).
    pub fn merge(&mut self, other: &InterventionCounts) {
        self.courses += other.courses;
        self.returned += other.returned;
        self.weeks_absent.merge(&other.weeks_absent);
    }
}

/// The entry for `intervention` in a list kept in order, made when missing.
pub fn entry<'a>(
    list: &'a mut Vec<InterventionCounts>,
    intervention: &Intervention,
) -> &'a mut InterventionCounts {
    let i = match list.binary_search_by(|c| c.intervention.cmp(intervention)) {
        Ok(i) => i,
        Err(i) => {
            list.insert(i, InterventionCounts::new(intervention.clone()));
            i
        }
    };
    &mut list[i]
}

/// The histogram `all` less `part`, value by value (`None` when `part` holds more of a value than
/// `all`: the counts do not belong together).
pub fn histogram_minus(all: &Histogram, part: &Histogram) -> Option<Histogram> {
    let mut out = all.clone();
    for (v, n) in &part.0 {
        let have = out.0.get_mut(v)?;
        *have = have.checked_sub(*n)?;
        if *have == 0 {
            out.0.remove(v);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_bad_words_are_refused() {
        for w in ["role:bridge_builder", "offer:brobygger-samtale"] {
            assert_eq!(Intervention::parse(w).map(|i| i.word()).as_deref(), Some(w));
        }
        for w in ["bridge_builder", "role:", "team:x", ""] {
            assert!(Intervention::parse(w).is_none(), "{w}");
        }
        assert!(Intervention::parse(&format!("offer:{}", "x".repeat(129))).is_none());
    }

    #[test]
    fn a_histogram_less_a_part() {
        let mut all = Histogram::default();
        let mut part = Histogram::default();
        for v in [1, 2, 2, 3] {
            all.add(v, WEEKS_CAP);
        }
        part.add(2, WEEKS_CAP);
        let rest = histogram_minus(&all, &part).unwrap_or_default();
        assert_eq!(rest.len(), 3);
        part.add(4, WEEKS_CAP);
        assert!(histogram_minus(&all, &part).is_none());
    }
}
