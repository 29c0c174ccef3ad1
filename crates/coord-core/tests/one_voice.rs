//! One voice: every enum coord words for people has a wording in both languages, and the two
//! differ where Danish and English differ; the vocabulary words of conditions are worded too.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests: a failure must stop the run"
)]

mod support;

use coord_core::category::{InformationCategory, Language};
use coord_core::consent::Action;
use coord_core::course::TreatmentKind;
use coord_core::offers::{GoalArea, OfferMode, OfferStatus, ParticipationBasis};
use coord_core::party::Sector;
use coord_core::plan::{ChangeDirection, ReliableChangeClass, TargetState};
use coord_core::referral::ReferralState;
use coord_core::rules::evaluate::DeadlineStatus;
use coord_core::text::condition::word_label;
use coord_core::text::Unit;
use coord_core::vocab::VocabularyKind;

fn both(what: &str, da: &str, en: &str, must_differ: bool) {
    assert!(!da.trim().is_empty(), "{what}: no Danish");
    assert!(!en.trim().is_empty(), "{what}: no English");
    if must_differ {
        assert_ne!(da, en, "{what}: the same word in both languages");
    }
}

#[test]
fn every_enum_is_worded_in_both_languages() {
    for c in InformationCategory::ALL {
        both(
            &format!("{c:?}"),
            c.label(coord_core::category::Language::Da),
            c.label(coord_core::category::Language::En),
            true,
        );
    }
    for a in Action::ALL {
        both(
            &format!("{a:?}"),
            a.label(coord_core::category::Language::Da),
            a.label(coord_core::category::Language::En),
            true,
        );
    }
    for s in Sector::ALL {
        both(
            &format!("{s:?}"),
            s.label(coord_core::category::Language::Da),
            s.label(coord_core::category::Language::En),
            false,
        );
    }
    for s in ReferralState::ALL {
        both(
            &format!("{s:?}"),
            s.label(coord_core::category::Language::Da),
            s.label(coord_core::category::Language::En),
            true,
        );
    }
    for d in ChangeDirection::ALL {
        both(
            &format!("{d:?}"),
            d.label(Language::Da),
            d.label(Language::En),
            true,
        );
    }
    for t in TargetState::ALL {
        both(
            &format!("{t:?}"),
            t.label(Language::Da),
            t.label(Language::En),
            true,
        );
    }
    for d in DeadlineStatus::ALL {
        both(
            &format!("{d:?}"),
            d.label(Language::Da),
            d.label(Language::En),
            true,
        );
    }
    for r in [
        ReliableChangeClass::ReliablyImproved,
        ReliableChangeClass::ReliablyDeteriorated,
        ReliableChangeClass::NoReliableChange,
    ] {
        both(
            &format!("{r:?}"),
            r.label(Language::Da),
            r.label(Language::En),
            true,
        );
    }
    for a in GoalArea::ALL {
        both(
            &format!("{a:?}"),
            a.label(Language::Da),
            a.label(Language::En),
            true,
        );
    }
    for b in ParticipationBasis::ALL {
        both(
            &format!("{b:?}"),
            b.label(Language::Da),
            b.label(Language::En),
            true,
        );
    }
    for m in OfferMode::ALL {
        both(
            &format!("{m:?}"),
            m.label(Language::Da),
            m.label(Language::En),
            true,
        );
    }
    for s in OfferStatus::ALL {
        both(
            &format!("{s:?}"),
            s.label(Language::Da),
            s.label(Language::En),
            true,
        );
    }
    for t in TreatmentKind::ALL {
        both(
            &format!("{t:?}"),
            t.label(Language::Da),
            t.label(Language::En),
            true,
        );
    }
    for u in Unit::ALL {
        let (d1, dn) = u.forms(Language::Da);
        let (e1, en) = u.forms(Language::En);
        // "invariant" is the same word in Danish and English (the plurals differ).
        both(&format!("{u:?}"), d1, e1, u != Unit::Invariant);
        both(&format!("{u:?}"), dn, en, true);
    }
}

#[test]
fn every_vocabulary_entry_and_treatment_is_worded_in_both_languages() {
    let v = support::vocabularies();
    for kind in VocabularyKind::ALL {
        both(
            &format!("{kind:?}"),
            kind.label(Language::Da),
            kind.label(Language::En),
            true,
        );
        assert!(!v.entries(kind).is_empty(), "{kind:?}: no built-in codes");
        for e in v.entries(kind) {
            let what = format!("{kind:?} {}", e.code);
            // A condition category is a medical word: it is translated. Target groups and event
            // kinds may keep a Danish legal term in English (revalidering, visitation).
            both(
                &what,
                &e.label.da,
                &e.label.en,
                kind == VocabularyKind::ConditionCategory,
            );
            if let Some(p) = &e.plural {
                both(&format!("{what} (plural)"), &p.da, &p.en, true);
            }
            // Conditions explained in words use the same label.
            assert_eq!(
                word_label(&v, e.code.as_str(), Language::Da),
                Some(e.label.da.as_str()),
                "{what}"
            );
            assert_eq!(
                word_label(&v, e.code.as_str(), Language::En),
                Some(e.label.en.as_str()),
                "{what}"
            );
        }
    }
    for t in TreatmentKind::ALL {
        let (da, en) = (
            word_label(&v, t.word(), Language::Da),
            word_label(&v, t.word(), Language::En),
        );
        both(t.word(), da.unwrap_or(""), en.unwrap_or(""), true);
        assert_eq!(
            da,
            Some(t.label(Language::Da)),
            "{t:?}: two Danish wordings"
        );
        assert_eq!(
            en,
            Some(t.label(Language::En)),
            "{t:?}: two English wordings"
        );
    }
    for g in v.entries(VocabularyKind::TargetGroup) {
        assert!(g.plural.is_some(), "{}: no plural", g.code);
    }
}
