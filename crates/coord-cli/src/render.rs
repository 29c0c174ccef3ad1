//! Text rendering for people. Rendering only: every sentence's content comes from the core.

use coord_core::case_file::CaseFile;
use coord_core::category::{InformationCategory, Language};
use coord_core::consent::{AccessDecision, CategoryOutcome, Verdict};
use coord_core::ids::ActorId;
use coord_core::party::Sector;

/// A category's label.
pub fn category(c: InformationCategory, lang: Language) -> &'static str {
    match lang {
        Language::Da => c.label_da(),
        Language::En => c.label_en(),
    }
}

/// A sector's label.
pub fn sector(s: Sector, lang: Language) -> &'static str {
    match lang {
        Language::Da => s.label_da(),
        Language::En => s.label_en(),
    }
}

/// "Name (sector)" for an actor id.
pub fn actor(case: &CaseFile, id: &ActorId, lang: Language) -> String {
    case.actor(id).map_or_else(
        || id.to_string(),
        |a| format!("{} ({})", a.name, sector(a.sector, lang)),
    )
}

/// One line per category outcome: label, PERMIT/DENY, why.
pub fn outcomes(outcomes: &[CategoryOutcome], lang: Language) -> String {
    let width = outcomes
        .iter()
        .map(|o| category(o.category, lang).chars().count())
        .max()
        .unwrap_or(0);
    let mut s = String::new();
    for o in outcomes {
        let label = category(o.category, lang);
        let pad = " ".repeat(width.saturating_sub(label.chars().count()));
        let (word, why) = match (&o.verdict, lang) {
            (Verdict::Permit { grounds }, Language::En) => {
                ("PERMIT", format!("by {}", grounds.describe(lang)))
            }
            (Verdict::Permit { grounds }, Language::Da) => {
                ("TILLADT", format!("efter {}", grounds.describe(lang)))
            }
            (Verdict::Deny { reason }, Language::En) => ("DENY  ", reason.describe(lang)),
            (Verdict::Deny { reason }, Language::Da) => ("AFVIST ", reason.describe(lang)),
        };
        s.push_str(&format!("  {label}{pad}  {word} {why}\n"));
    }
    s
}

/// A decision: a header line saying who asks what, then one line per category.
pub fn decision(case: &CaseFile, d: &AccessDecision, lang: Language) -> String {
    let r = &d.request;
    let action = match lang {
        Language::Da => r.action.label_da(),
        Language::En => r.action.label_en(),
    };
    let head = match lang {
        Language::Da => format!(
            "{} → {} oplysninger hos {} om {}, formål `{}`, {}\n",
            actor(case, &r.requester, lang),
            action,
            actor(case, &r.holder, lang),
            case.citizen.name,
            r.purpose,
            r.at
        ),
        Language::En => format!(
            "{} asks to {} information held by {} about {}, purpose `{}`, at {}\n",
            actor(case, &r.requester, lang),
            action,
            actor(case, &r.holder, lang),
            case.citizen.name,
            r.purpose,
            r.at
        ),
    };
    head + &outcomes(&d.outcomes, lang)
}
