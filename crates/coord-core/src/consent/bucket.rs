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

/// The consents of one (category, action, purpose) bucket, indexed by holder and recipient.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bucket<'a> {
    /// The smallest-id consent of the bucket.
    first: Option<&'a Consent>,
    /// Consents by a holder key they name (sorted by id).
    by_holder: HashMap<PartyKey<'a>, Vec<&'a Consent>>,
    /// Consents by a (holder key, recipient key) pair they name (sorted by id).
    by_pair: HashMap<(PartyKey<'a>, PartyKey<'a>), Vec<&'a Consent>>,
}

/// What the parties of a request select from a bucket.
pub(crate) enum Selection<'a> {
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
        if self.first.is_none() {
            self.first = Some(consent);
        }
        let mut holders: Vec<PartyKey<'a>> =
            consent.scope.holders.iter().map(PartyKey::of).collect();
        holders.sort_unstable();
        holders.dedup();
        let mut recipients: Vec<PartyKey<'a>> =
            consent.scope.recipients.iter().map(PartyKey::of).collect();
        recipients.sort_unstable();
        recipients.dedup();
        for &h in &holders {
            self.by_holder.entry(h).or_default().push(consent);
            for &r in &recipients {
                self.by_pair.entry((h, r)).or_default().push(consent);
            }
        }
    }

    /// The consents that name a holder key of `holder` and a recipient key of `recipient`, or
    /// the closest consent when there are none.
    /// An actor that is not in the case file (`None`) matches no key.
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
        let first = this.first?;
        let mut lists: [&'s [&'s Consent]; 9] = [&[]; 9];
        let mut used = 0;
        let mut holder_head: Option<&'s Consent> = None;
        for h in holder.into_iter().flat_map(PartyKey::matching) {
            let Some(named) = this.by_holder.get(&h) else {
                continue;
            };
            if let Some(&head) = named.first() {
                if holder_head.is_none_or(|best| head.id < best.id) {
                    holder_head = Some(head);
                }
            }
            for r in recipient.into_iter().flat_map(PartyKey::matching) {
                if let (Some(both), Some(slot)) = (this.by_pair.get(&(h, r)), lists.get_mut(used)) {
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
