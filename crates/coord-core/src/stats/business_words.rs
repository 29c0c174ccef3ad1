//! The words of the business case for people, in Danish and English: the intervention, the
//! groups, the assumptions, the sensitivity factors, the verdict and amounts in kroner.

use super::business::{Assumption, BusinessCase, BusinessVerdict, SensitivityFactor, WeeklyRate};
use super::intervention::Intervention;
use crate::category::Language;
use crate::offers::OfferCatalogue;
use crate::party::Role;
use crate::text::{pick, Text};

/// The intervention's name for people: the offer's name in the catalogue, or the role's label
/// ("brobygger på teamet"); the word itself for an offer the catalogue does not hold.
pub fn intervention_name(intervention: &Intervention, offers: &OfferCatalogue) -> Text {
    match intervention {
        Intervention::Offer(id) => match offers.offers.iter().find(|o| &o.id == id) {
            Some(o) => Text::new(o.name_da.clone(), o.name_en.clone()),
            None => Text::new(
                format!("tilbuddet {}", id.as_str()),
                format!("the offer {}", id.as_str()),
            ),
        },
        Intervention::Role(word) => {
            let role = Role::from_string(word.clone());
            let label = |lang| crate::team::role_label(&role, lang);
            Text::new(
                format!("{} på teamet", label(Language::Da)),
                format!("a {} on the team", label(Language::En)),
            )
        }
    }
}

/// How the groups were chosen, in a sentence.
pub fn groups_sentence(lang: Language, intervention: &Intervention, strata: &[&str]) -> String {
    let strata = if strata.is_empty() {
        pick(
            lang,
            "alle forløb i ét stratum",
            "all courses in one stratum",
        )
        .to_owned()
    } else {
        strata.join(" × ").to_lowercase()
    };
    let had = match intervention {
        Intervention::Offer(_) => pick(
            lang,
            "en henvisning til tilbuddet, som borgeren er gået i gang med eller har afsluttet",
            "a referral to the offer that the citizen has started or completed",
        ),
        Intervention::Role(_) => pick(
            lang,
            "en person med rollen på teamet",
            "a person with the role on the team",
        ),
    };
    match lang {
        Language::Da => format!(
            "Indsatsgruppen er forløb med {had} senest på opgørelsesdagen. Sammenligningsgruppen er \
             de øvrige forløb i samme stratum ({strata}), vægtet som indsatsgruppens fordeling på \
             strata."
        ),
        Language::En => format!(
            "The intervention group is the courses with {had} by the day of the statistic. The \
             comparison group is the other courses of the same stratum ({strata}), weighted like \
             the intervention group's spread over the strata."
        ),
    }
}

/// The warning every business case carries.
pub fn not_causal(lang: Language) -> &'static str {
    pick(
        lang,
        "Observationelt, ikke kausalt: forskellen viser en sammenhæng, ikke at indsatsen er årsagen.",
        "Observational, not causal: the difference shows an association, not that the intervention caused it.",
    )
}

impl Assumption {
    /// The assumption in a sentence.
    pub fn describe(self, lang: Language) -> &'static str {
        match self {
            Assumption::Observational => pick(
                lang,
                "Grupperne er dannet efter, hvad der skete, ikke ved lodtrækning: borgere, der får indsatsen, kan adskille sig fra andre på måder, tallene ikke viser.",
                "The groups are formed by what happened, not by lot: citizens who get the intervention may differ from others in ways the figures do not show.",
            ),
            Assumption::SameStratum => pick(
                lang,
                "Sammenlignelig betyder kun samme stratum efter delsummens dimensioner; alt andet om forløbene er ikke justeret for.",
                "Comparable means only the same stratum by the partial's dimensions; nothing else about the courses is adjusted for.",
            ),
            Assumption::WeeksOfAbsence => pick(
                lang,
                "Uger på ydelse er hele uger fra første fraværsdag til tilbagevenden, eller til opgørelsesdagen for åbne forløb (de er ikke slut endnu).",
                "Weeks on benefit are whole weeks from the first day of absence to the return, or to the day of the statistic for open courses (they are not over yet).",
            ),
            Assumption::FullRateEveryWeek => pick(
                lang,
                "Hver sparet uge sparer den fulde ugesats; arbejdsgiverperioden, lavere satser, deltid og statens refusion er ikke regnet med, så besparelsen er en øvre grænse.",
                "Every week saved saves the full weekly rate; the employer period, lower rates, part-time and the state's reimbursement are not counted, so the saving is an upper bound.",
            ),
            Assumption::RateAsSet => pick(
                lang,
                "Ugesatsen er indstillingen vist ovenfor, med dato og kilde; den er kun kontrolleret mod kilden, hvor det står.",
                "The weekly rate is the setting shown above, with its date and source; it is checked against the source only where that is said.",
            ),
            Assumption::CostAsGiven => pick(
                lang,
                "Prisen pr. borger er den angivne og gælder hver borger i indsatsgruppen.",
                "The cost per citizen is the one given and applies to every citizen in the intervention group.",
            ),
            Assumption::NoCostGiven => pick(
                lang,
                "Der er ikke angivet en pris; kun den pris, hvor indsatsen går i nul, vises.",
                "No cost is given; only the cost at which the intervention breaks even is shown.",
            ),
            Assumption::StrataLeftOut => pick(
                lang,
                "Strata uden forløb i begge grupper er udeladt; forløbene med indsatsen i dem står i rækken \"udeladt\".",
                "Strata without courses in both groups are left out; the courses with the intervention in them are in the row \"left out\".",
            ),
            Assumption::NoiseOnly => pick(
                lang,
                "Intervallet dækker kun tilfældig variation (normaltilnærmelse), ikke skævhed i, hvem der får indsatsen.",
                "The interval covers only chance variation (normal approximation), not bias in who gets the intervention.",
            ),
            Assumption::NothingElseCounted => pick(
                lang,
                "Ingen diskontering, og ingen andre udgifter eller gevinster (skat, produktion, sundhedsudgifter) er regnet med.",
                "No discounting, and no other costs or gains (tax, output, health costs) are counted.",
            ),
        }
    }
}

impl SensitivityFactor {
    /// The factor for people.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            SensitivityFactor::WeeksSaved => pick(
                lang,
                "Sparede uger (95 %-interval)",
                "Weeks saved (95 % interval)",
            ),
            SensitivityFactor::WeeklyRate => pick(lang, "Ugesats", "Weekly rate"),
            SensitivityFactor::Cost => pick(lang, "Pris pr. borger", "Cost per citizen"),
            SensitivityFactor::AllTogether => pick(lang, "Alle samtidig", "All at once"),
        }
    }
}

impl BusinessVerdict {
    /// The verdict for people.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            BusinessVerdict::Pays => pick(
                lang,
                "Indsatsen betaler sig over hele intervallet.",
                "The intervention pays over the whole interval.",
            ),
            BusinessVerdict::DoesNotPay => pick(
                lang,
                "Indsatsen betaler sig ikke i noget af intervallet.",
                "The intervention does not pay anywhere in the interval.",
            ),
            BusinessVerdict::Unclear => pick(
                lang,
                "Uafklaret: intervallet rummer både gevinst og tab.",
                "Unclear: the interval holds both a gain and a loss.",
            ),
        }
    }
}

/// Whole kroner with thousands separators: "12.345 kr." / "DKK 12,345" ("−" for a loss).
pub fn kroner(lang: Language, x: f64) -> String {
    let whole = x.abs().round();
    let digits = format!("{whole:.0}");
    let sep = pick(lang, ".", ",");
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push_str(sep);
        }
        grouped.push(c);
    }
    let sign = if x < 0.0 && whole > 0.0 { "−" } else { "" };
    match lang {
        Language::Da => format!("{sign}{grouped} kr."),
        Language::En => format!("{sign}DKK {grouped}"),
    }
}

/// A span between two figures that may be negative: "−1,1 til 2,3" / "−1.1 to 2.3".
pub fn span(lang: Language, low: &str, high: &str) -> String {
    format!("{low} {} {high}", pick(lang, "til", "to"))
}

/// Weeks with one decimal: "3,4 uger".
pub fn weeks(lang: Language, x: f64) -> String {
    format!(
        "{} {}",
        crate::text::fixed(lang, x, 1),
        pick(lang, "uger", "weeks")
    )
}

/// The weekly rate for people: amount, dates, source and the mark when not verified.
pub fn rate_line(lang: Language, rate: &WeeklyRate, covers_as_of: bool) -> String {
    let mut line = format!(
        "{} {}",
        kroner(lang, rate.dkk_per_week),
        pick(lang, "pr. uge", "per week")
    );
    match (rate.valid_from, rate.valid_to) {
        (Some(f), Some(t)) => line.push_str(&format!(
            " ({} {} {} {})",
            pick(lang, "gælder", "valid"),
            crate::text::date_long(lang, f),
            pick(lang, "til", "to"),
            crate::text::date_long(lang, t)
        )),
        (Some(f), None) => line.push_str(&format!(
            " ({} {})",
            pick(lang, "gælder fra", "valid from"),
            crate::text::date_long(lang, f)
        )),
        _ => {}
    }
    match &rate.source {
        Some(s) => line.push_str(&format!(
            "; {}: {}",
            pick(lang, "kilde", "source"),
            s.line()
        )),
        None => line.push_str(pick(lang, "; angivet af brugeren", "; set by the user")),
    }
    if !rate.verified {
        line.push_str(pick(lang, " — IKKE VERIFICERET", " — NOT VERIFIED"));
    }
    if !covers_as_of {
        line.push_str(pick(
            lang,
            " — gælder ikke på opgørelsesdagen",
            " — does not apply on the day of the statistic",
        ));
    }
    line
}

/// The line under a business case's figures: the disclosure rules applied.
pub fn business_note(lang: Language, case: &BusinessCase) -> String {
    let k = case.disclosure.k;
    let pct = crate::text::decimal(lang, (case.disclosure.dominance * 1000.0).round() / 10.0);
    match lang {
        Language::Da => format!(
            "<{k}: færre end {k} borgere; intet beregnet af gruppen vises. ·: ikke vist, fordi en \
             gruppe har under {} forløb med uger, eller én værdi eller ét forløb har over {pct} % \
             af dem. Sensitivitet: resultatet pr. borger med én faktor i hver ende, de andre i midten \
             (ugesats ± {} %, pris ± {} %).",
            2 * k,
            crate::text::decimal(lang, case.rate_range * 100.0),
            crate::text::decimal(lang, case.cost_range * 100.0)
        ),
        Language::En => format!(
            "<{k}: fewer than {k} citizens; nothing computed from the group is shown. ·: not shown \
             because a group has under {} courses with weeks, or one value or one course holds over \
             {pct} % of them. Sensitivity: the result per citizen with one factor at each end, the \
             others central (weekly rate ± {} %, cost ± {} %).",
            2 * k,
            crate::text::decimal(lang, case.rate_range * 100.0),
            crate::text::decimal(lang, case.cost_range * 100.0)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kroner_in_both_languages() {
        assert_eq!(kroner(Language::Da, 12345.4), "12.345 kr.");
        assert_eq!(kroner(Language::En, -1234567.0), "−DKK 1,234,567");
        assert_eq!(kroner(Language::Da, 999.0), "999 kr.");
        assert_eq!(kroner(Language::Da, -0.2), "0 kr.");
    }

    #[test]
    fn a_role_is_named_in_both_languages() {
        let t = intervention_name(
            &Intervention::Role("bridge_builder".to_owned()),
            &OfferCatalogue::default(),
        );
        assert_eq!(t.get(Language::Da), "brobygger på teamet");
        assert_eq!(t.get(Language::En), "a bridge-builder on the team");
    }
}
