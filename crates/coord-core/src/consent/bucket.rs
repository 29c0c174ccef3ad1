//! The consents of one (category, action, purpose) bucket, indexed by the parties they name, so
//! that a decision — permit or denial — looks only at consents whose holder *and* recipient
//! already match the request.
//!
//! A consent names parties as an actor (an organisation covers its people) or a whole sector, so
//! an actor is matched by at most three keys: its own id, its organisation's id and its sector.
//! The bucket keeps, for each holder key, the consents naming it, and for each (holder key,
//! recipient key) pair the consents naming both, every list sorted by consent id. A denial whose
//! closest consent fails on the holder or the recipient is then answered from the heads of at
//! most nine lists, whatever the number of consents in the bucket: the cost grows only with the
//! consents that name this very holder and recipient (which must each be checked for case and
//! dates).
//!
//! A small bucket (up to [`SCAN_UP_TO`] consents, the usual case) is not indexed: scanning a few
//! consents is cheaper than hashing party keys, and building the maps would cost more than every
//! decision on the case.

use super::model::{Consent, PartyRef};
use crate::party::{Actor, Sector};
use std::collections::HashMap;

/// A party as a consent names it, borrowed from the case file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum PartyKey<'a> {
    /// A named actor or organisation.
    Actor(&'a str),
    /// Every actor of a sector.
    Sector(Sector),
}

impl<'a> PartyKey<'a> {
    fn of(party: &'a PartyRef) -> Self {
        match party {
            PartyRef::Actor(id) => PartyKey::Actor(id.as_str()),
            PartyRef::Sector(s) => PartyKey::Sector(*s),
        }
    }

    /// The keys under which a consent naming `actor` is filed: its id, its organisation, its
    /// sector (the same matching as the decision's party check).
    pub(crate) fn matching(actor: &'a Actor) -> impl Iterator<Item = PartyKey<'a>> + 'a {
        [
            Some(PartyKey::Actor(actor.id.as_str())),
            actor
                .organisation
                .as_ref()
                .map(|o| PartyKey::Actor(o.as_str())),
            Some(PartyKey::Sector(actor.sector)),
        ]
        .into_iter()
        .flatten()
    }
}

/// Buckets with at most this many consents are scanned rather than indexed (the default of
/// [`AccessIndex::new`](super::AccessIndex::new)).
pub const SCAN_UP_TO: usize = 16;

/// The consents of one (category, action, purpose) bucket, indexed by holder and recipient when
/// there are more than [`SCAN_UP_TO`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Bucket<'a> {
    /// Every consent of the bucket, sorted by id.
    consents: Vec<&'a Consent>,
    /// The party index (large buckets only).
    index: Option<PartyIndex<'a>>,
}

/// Consents by the parties they name.
#[derive(Debug, Clone, Default)]
struct PartyIndex<'a> {
    /// Consents by a holder key they name (sorted by id).
    by_holder: HashMap<PartyKey<'a>, Vec<&'a Consent>>,
    /// Consents by a (holder key, recipient key) pair they name (sorted by id).
    by_pair: HashMap<(PartyKey<'a>, PartyKey<'a>), Vec<&'a Consent>>,
}

/// What the parties of a request select from a bucket.
pub(crate) enum Selection<'a> {
    /// A small bucket: check every consent, parties included (sorted by id).
    Scan(&'a [&'a Consent]),
    /// No consent names the holder: the closest is the smallest-id consent of the bucket.
    NoHolder(&'a Consent),
    /// Some consents name the holder, none also the recipient: the closest is the smallest-id
    /// consent naming the holder.
    NoRecipient(&'a Consent),
    /// The lists of consents naming both (each sorted by id; a consent may be in several; unused
    /// slots are empty).
    Both([&'a [&'a Consent]; 9]),
}

impl<'a> Bucket<'a> {
    /// Add a consent; consents must be added in id order.
    pub(crate) fn push(&mut self, consent: &'a Consent) {
        self.consents.push(consent);
    }

    /// Index the bucket once every consent is in, when it holds more than `scan_up_to`.
    pub(crate) fn finish(&mut self, scan_up_to: usize) {
        if self.consents.len() <= scan_up_to {
            return;
        }
        let mut index = PartyIndex::default();
        for &consent in &self.consents {
            let mut holders: Vec<PartyKey<'a>> =
                consent.scope.holders.iter().map(PartyKey::of).collect();
            holders.sort_unstable();
            holders.dedup();
            let mut recipients: Vec<PartyKey<'a>> =
                consent.scope.recipients.iter().map(PartyKey::of).collect();
            recipients.sort_unstable();
            recipients.dedup();
            for &h in &holders {
                index.by_holder.entry(h).or_default().push(consent);
                for &r in &recipients {
                    index.by_pair.entry((h, r)).or_default().push(consent);
                }
            }
        }
        self.index = Some(index);
    }

    /// Every consent of a bucket too small to be indexed (`None` for an indexed one): the
    /// caller scans them without looking up the request's parties first.
    pub(crate) fn scanned(&self) -> Option<&[&'a Consent]> {
        match self.index {
            None => Some(self.consents.as_slice()),
            Some(_) => None,
        }
    }

    /// The consents to check for a request from `recipient` about what `holder` holds, or the
    /// closest consent when the parties already rule every one out. An actor that is not in the
    /// case file (`None`) matches no key.
    pub(crate) fn select<'s>(
        &'s self,
        holder: Option<&'s Actor>,
        recipient: Option<&'s Actor>,
    ) -> Option<Selection<'s>>
    where
        'a: 's,
    {
        // The bucket is covariant: read it at the shorter lifetime of this call.
        let this: &'s Bucket<'s> = self;
        let first = *this.consents.first()?;
        let Some(index) = &this.index else {
            return Some(Selection::Scan(this.consents.as_slice()));
        };
        let mut lists: [&'s [&'s Consent]; 9] = [&[]; 9];
        let mut used = 0;
        let mut holder_head: Option<&'s Consent> = None;
        for h in holder.into_iter().flat_map(PartyKey::matching) {
            let Some(named) = index.by_holder.get(&h) else {
                continue;
            };
            if let Some(&head) = named.first() {
                if holder_head.is_none_or(|best| head.id < best.id) {
                    holder_head = Some(head);
                }
            }
            for r in recipient.into_iter().flat_map(PartyKey::matching) {
                if let (Some(both), Some(slot)) = (index.by_pair.get(&(h, r)), lists.get_mut(used))
                {
                    *slot = both.as_slice();
                    used += 1;
                }
            }
        }
        Some(match (holder_head, used == 0) {
            (None, _) => Selection::NoHolder(first),
            (Some(head), true) => Selection::NoRecipient(head),
            (Some(_), false) => Selection::Both(lists),
        })
    }
}
