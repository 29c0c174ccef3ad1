//! The business case of an intervention as a document. Layout only: the figures, suppression and
//! verdict come from `coord_core::stats::business_case`, the words from
//! `coord_core::stats::business_words`.

use crate::doc::Doc;
use coord_core::category::Language;
use coord_core::stats::business_words as words;
use coord_core::stats::words::hidden;
use coord_core::stats::{BusinessCase, Published, Range, SensitivityFactor};
use coord_core::text::{date_long, fixed, pick};

/// The business case: the warning first, how the groups were chosen, the groups, the weeks
/// saved, the money, the sensitivity table, every assumption and the note on disclosure.
pub fn business_case(b: &BusinessCase, lang: Language) -> Doc {
    let k = b.disclosure.k;
    let name = b.intervention_name.get(lang);
    let mut d = Doc::default();
    d.h(
        1,
        format!(
            "{}: {name}",
            pick(lang, "Gevinstberegning", "Business case")
        ),
    );
    d.alert(words::not_causal(lang));
    if let Some(a) = b.as_of {
        d.labelled(pick(lang, "Opgjort pr.", "As of"), date_long(lang, a));
    }
    let strata: Vec<&str> = b.strata.iter().map(|s| s.label(lang)).collect();
    d.labelled(pick(lang, "Indsats", "Intervention"), name);
    d.p(words::groups_sentence(lang, &b.intervention, &strata));
    let count = |p: &Published<u64>| match p {
        Published::Value(v) => coord_core::text::thousands(lang, *v),
        other => hidden(other, k),
    };
    let mean = |p: &Published<f64>| match p {
        Published::Value(v) => words::weeks(lang, *v),
        other => hidden(other, k),
    };
    let groups = pick(lang, "Grupperne", "The groups");
    d.table(
        groups,
        &[
            pick(lang, "Gruppe", "Group"),
            pick(lang, "Forløb", "Courses"),
            pick(lang, "Uger på ydelse, gennemsnit", "Weeks on benefit, mean"),
        ],
        vec![
            vec![
                pick(lang, "Med indsatsen", "With the intervention").to_owned(),
                count(&b.intervention_group.courses),
                mean(&b.intervention_group.mean_weeks),
            ],
            vec![
                pick(
                    lang,
                    "Sammenligning (standardiseret)",
                    "Comparison (standardised)",
                )
                .to_owned(),
                count(&b.comparison_group.courses),
                mean(&b.comparison_group.mean_weeks),
            ],
            vec![
                pick(
                    lang,
                    "Med indsatsen, udeladt (ingen sammenligning)",
                    "With the intervention, left out (nothing to compare)",
                )
                .to_owned(),
                count(&b.left_out),
                "–".to_owned(),
            ],
        ],
    );
    d.labelled(
        pick(lang, "Strata sammenlignet", "Strata compared"),
        coord_core::text::thousands(lang, u64::from(b.strata_compared)),
    );
    let weeks_range = |r: &Range| {
        format!(
            "{} ({} {})",
            words::weeks(lang, r.central),
            pick(lang, "95 %-interval", "95 % interval"),
            words::span(lang, &fixed(lang, r.low, 1), &fixed(lang, r.high, 1))
        )
    };
    d.labelled(
        pick(lang, "Sparede uger pr. borger", "Weeks saved per citizen"),
        match &b.weeks_saved {
            Published::Value(r) => weeks_range(r),
            other => hidden(other, k),
        },
    );
    d.labelled(
        pick(lang, "Ugesats", "Weekly rate"),
        words::rate_line(lang, &b.weekly_rate, b.rate_covers_as_of),
    );
    d.labelled(
        pick(lang, "Pris pr. borger", "Cost per citizen"),
        b.cost_per_citizen_dkk.map_or_else(
            || pick(lang, "ikke angivet", "not given").to_owned(),
            |c| words::kroner(lang, c),
        ),
    );
    money(&mut d, b, lang);
    if let Some(v) = b.verdict {
        d.p(v.label(lang));
    }
    sensitivity(&mut d, b, lang);
    d.h(2, pick(lang, "Antagelser", "Assumptions"));
    d.list(
        b.assumptions
            .iter()
            .map(|a| a.describe(lang).to_owned())
            .collect(),
    );
    d.p(words::business_note(lang, b));
    let sources: Vec<String> = b
        .weekly_rate
        .source
        .iter()
        .map(|s| match s.url() {
            Some(u) => format!("{} — {u}", s.line()),
            None => s.line(),
        })
        .collect();
    d.sources(pick(lang, "Kilder", "Sources"), sources);
    d
}

fn money(d: &mut Doc, b: &BusinessCase, lang: Language) {
    let k = b.disclosure.k;
    let range = |p: &Published<Range>| match p {
        Published::Value(r) => format!(
            "{} ({})",
            words::kroner(lang, r.central),
            words::span(
                lang,
                &words::kroner(lang, r.low),
                &words::kroner(lang, r.high)
            )
        ),
        other => hidden(other, k),
    };
    let mut rows = vec![vec![
        pick(
            lang,
            "Værdi pr. borger (sparede uger × ugesats)",
            "Value per citizen (weeks saved × weekly rate)",
        )
        .to_owned(),
        range(&b.value_per_citizen),
    ]];
    if b.cost_per_citizen_dkk.is_some() {
        rows.push(vec![
            pick(
                lang,
                "Netto pr. borger (værdi − pris)",
                "Net per citizen (value − cost)",
            )
            .to_owned(),
            range(&b.net_per_citizen),
        ]);
        rows.push(vec![
            pick(
                lang,
                "Netto i alt for indsatsgruppen",
                "Net in all for the intervention group",
            )
            .to_owned(),
            range(&b.net_total),
        ]);
    }
    rows.push(vec![
        pick(
            lang,
            "Pris pr. borger, hvor indsatsen går i nul",
            "Cost per citizen at which it breaks even",
        )
        .to_owned(),
        match &b.break_even_cost {
            Published::Value(v) => words::kroner(lang, *v),
            other => hidden(other, k),
        },
    ]);
    let title = pick(
        lang,
        "Økonomi (95 %-interval for de sparede uger)",
        "Money (95 % interval of the weeks saved)",
    );
    d.table(
        title,
        &[pick(lang, "Post", "Item"), pick(lang, "Kroner", "DKK")],
        rows,
    );
}

fn sensitivity(d: &mut Doc, b: &BusinessCase, lang: Language) {
    let input = |f: SensitivityFactor, x: Option<f64>| match (f, x) {
        (_, None) => "–".to_owned(),
        (SensitivityFactor::WeeksSaved, Some(x)) => words::weeks(lang, x),
        (_, Some(x)) => words::kroner(lang, x),
    };
    let rows = b
        .sensitivity
        .iter()
        .map(|r| {
            vec![
                r.factor.label(lang).to_owned(),
                input(r.factor, r.input_low),
                input(r.factor, r.input_high),
                words::span(
                    lang,
                    &words::kroner(lang, r.result_low),
                    &words::kroner(lang, r.result_high),
                ),
            ]
        })
        .collect();
    let result = if b.cost_per_citizen_dkk.is_some() {
        pick(lang, "Netto pr. borger", "Net per citizen")
    } else {
        pick(lang, "Værdi pr. borger", "Value per citizen")
    };
    let title = pick(lang, "Sensitivitet", "Sensitivity");
    d.table(
        title,
        &[
            pick(lang, "Faktor", "Factor"),
            pick(lang, "Lav", "Low"),
            pick(lang, "Høj", "High"),
            result,
        ],
        rows,
    );
}
