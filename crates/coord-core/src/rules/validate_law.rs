//! The validator's checks of what a pack says about the law around it: its transitions (the
//! earlier pack exists, is another pack of the same jurisdiction, the rules kept and set aside
//! exist, the condition is sound, the source cites something) and its announcements.
//!
//! | code | severity | what |
//! |---|---|---|
//! | `rules.duplicate_transition_id` | error | two transitions (or two announcements) share an id |
//! | `rules.transition_unknown_pack` | error | the earlier pack is neither in the reference data nor among the packs checked |
//! | `rules.transition_same_pack` | error | the earlier pack is the pack itself |
//! | `rules.transition_other_jurisdiction` | error | the earlier pack is for another jurisdiction |
//! | `rules.transition_unknown_rule` | error | a rule kept is not in the earlier pack, or a rule set aside is not in this pack |
//! | `rules.transition_keeps_nothing` | warning | the transition keeps no rule and sets none aside |
//! | `rules.transition_ends_before_pack` | error | `until` is before the pack's start |

use super::{check_condition, check_source, Findings};
use crate::pointer::Pointer;
use crate::reference::ReferenceData;
use crate::rules::pack::RulePack;
use crate::rules::validate::ValidationOptions;
use std::collections::BTreeSet;

/// Check the transitions and announcements of `pack`; earlier packs are looked up in `others`
/// (the packs checked together) and in the reference data.
pub(super) fn check_law(
    pack: &RulePack,
    others: &[RulePack],
    reference: &ReferenceData,
    options: &ValidationOptions,
    out: &mut Findings,
) {
    let root = Pointer::root();
    let mut ids = BTreeSet::new();
    for (i, t) in pack.transitions.iter().enumerate() {
        let at = root.key("transitions").index(i);
        if t.id.trim().is_empty() {
            out.error(
                "rules.empty_id",
                &at.key("id"),
                crate::text::Text::new("overgangens id er tomt", "the transition id is empty"),
            );
        } else if !ids.insert(t.id.as_str()) {
            out.error(
                "rules.duplicate_transition_id",
                &at.key("id"),
                crate::text::Text::new(
                    "en anden overgang i regelsættet har samme id",
                    "another transition of the pack has the same id",
                ),
            );
        }
        for (key, text) in [("title_da", &t.title_da), ("title_en", &t.title_en)] {
            if text.trim().is_empty() {
                out.error(
                    "rules.missing_text",
                    &at.key(key),
                    crate::text::Text::new("titlen er tom", "the title is empty"),
                );
            }
        }
        let earlier = others
            .iter()
            .chain(reference.rule_packs.iter())
            .find(|p| p.id == t.earlier_pack && p != &pack);
        if t.earlier_pack == pack.id {
            out.error(
                "rules.transition_same_pack",
                &at.key("earlier_pack"), crate::text::Text::new("det tidligere regelsæt er dette regelsæt selv; angiv det regelsæt, hvis regler fortsat gælder", "the earlier pack is this pack itself; name the pack whose rules keep applying"),
            );
        } else if let Some(e) = earlier {
            if e.jurisdiction != pack.jurisdiction {
                out.error(
                    "rules.transition_other_jurisdiction",
                    &at.key("earlier_pack"), crate::text::Text::new("det tidligere regelsæt gælder en anden jurisdiktion; en overgang bevarer regler fra samme jurisdiktion", "the earlier pack is for another jurisdiction; a transition keeps rules of the same jurisdiction"),
                );
            }
            for (k, id) in t.keep.iter().enumerate() {
                if e.rule(id).is_none() {
                    out.error(
                        "rules.transition_unknown_rule",
                        &at.key("keep").index(k),
                        crate::text::Text::new(
                            "den bevarede regel findes ikke i det tidligere regelsæt",
                            "the rule kept is not in the earlier pack",
                        ),
                    );
                }
            }
        } else {
            out.error(
                "rules.transition_unknown_pack",
                &at.key("earlier_pack"), crate::text::Text::new("det tidligere regelsæt findes hverken i referencedata eller blandt de kontrollerede regelsæt", "the earlier pack is neither in the reference data nor among the packs checked"),
            );
        }
        for (k, id) in t.instead_of.iter().enumerate() {
            if pack.rule(id).is_none() {
                out.error(
                    "rules.transition_unknown_rule",
                    &at.key("instead_of").index(k),
                    crate::text::Text::new(
                        "den tilsidesatte regel findes ikke i dette regelsæt",
                        "the rule set aside is not in this pack",
                    ),
                );
            }
        }
        if t.keep.is_empty() && t.instead_of.is_empty() {
            out.warn(
                "rules.transition_keeps_nothing",
                &at, crate::text::Text::new("overgangen bevarer ingen tidligere regel og tilsidesætter ingen af dette regelsæts: den ændrer intet", "the transition keeps no earlier rule and sets none of this pack's aside: it changes nothing"),
            );
        }
        if t.until.is_some_and(|u| u < pack.valid.from) {
            out.error(
                "rules.transition_ends_before_pack",
                &at.key("until"),
                crate::text::Text::new(
                    "overgangen slutter, før regelsættet begynder, så den gælder aldrig",
                    "the transition ends before the pack begins, so it never applies",
                ),
            );
        }
        check_condition(&t.when, &at.key("when"), false, options, out);
        check_source(&t.source, &at.key("source"), out);
    }
    let mut ids = BTreeSet::new();
    for (i, a) in pack.announcements.iter().enumerate() {
        let at = root.key("announcements").index(i);
        if a.id.trim().is_empty() {
            out.error(
                "rules.empty_id",
                &at.key("id"),
                crate::text::Text::new("meddelelsens id er tomt", "the announcement id is empty"),
            );
        } else if !ids.insert(a.id.as_str()) {
            out.error(
                "rules.duplicate_transition_id",
                &at.key("id"),
                crate::text::Text::new(
                    "en anden meddelelse i regelsættet har samme id",
                    "another announcement of the pack has the same id",
                ),
            );
        }
        for (key, text) in [("title_da", &a.title_da), ("title_en", &a.title_en)] {
            if text.trim().is_empty() {
                out.error(
                    "rules.missing_text",
                    &at.key(key),
                    crate::text::Text::new("titlen er tom", "the title is empty"),
                );
            }
        }
        if let Some(w) = &a.when {
            check_condition(w, &at.key("when"), false, options, out);
        }
        check_source(&a.source, &at.key("source"), out);
    }
}
