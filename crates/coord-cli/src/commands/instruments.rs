//! `coord instruments list | show | score`.

use super::emit;
use super::plan::reference;
use crate::cli::{InstrumentScoreArgs, InstrumentShowArgs, InstrumentsArgs};
use crate::exit::Outcome;
use crate::io::Failure;
use coord_core::category::Language;
use coord_core::ids::InstrumentId;
use coord_core::instruments::{find, InstrumentDefinition, Scoring};
use coord_core::pointer::Pointer;
use coord_json::envelope::Problem;

fn usage(message: String) -> Failure {
    Failure {
        outcome: Outcome::Usage,
        problems: vec![Problem::new("usage", message, None)],
        file: None,
        files: Vec::new(),
    }
}

fn lookup<'a>(
    defs: &'a [InstrumentDefinition],
    id: &str,
) -> Result<&'a InstrumentDefinition, Failure> {
    find(defs, &InstrumentId::new(id)).ok_or_else(|| {
        Failure::invalid(
            vec![Problem::new(
                "instrument.unknown",
                "unknown instrument; see `coord instruments list`",
                None,
            )],
            None,
        )
    })
}

fn arrow(def: &InstrumentDefinition, lang: Language) -> &'static str {
    match (def.higher_is_better, lang) {
        (true, Language::En) => "higher is better",
        (false, Language::En) => "lower is better",
        (true, Language::Da) => "højere er bedre",
        (false, Language::Da) => "lavere er bedre",
    }
}

/// Run `coord instruments list`.
pub fn list(args: &InstrumentsArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let lang: Language = args.common.lang.into();
    let defs = reference.instruments;
    Ok(emit(args.common.format, defs, false, |defs| {
        let width = defs.iter().map(|d| d.id.as_str().len()).max().unwrap_or(0);
        let mut s = String::new();
        for d in defs {
            s.push_str(&format!(
                "{:width$}  {}  [{}–{}, {}; {}]\n",
                d.id.as_str(),
                d.name(lang),
                d.range.min,
                d.range.max,
                arrow(d, lang),
                d.domain.speaks_of().label(lang),
            ));
        }
        s
    }))
}

/// Run `coord instruments show`.
pub fn show(args: &InstrumentShowArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let lang: Language = args.common.lang.into();
    let def = lookup(&reference.instruments, &args.id)?.clone();
    Ok(emit(args.common.format, def, false, |d| {
        let en = lang == Language::En;
        let mut s = format!("{} — {}\n", d.id, d.name(lang));
        let scoring = match d.scoring {
            Scoring::Sum => "sum".to_owned(),
            Scoring::Mean => "mean".to_owned(),
            Scoring::Scaled { factor } => format!("sum × {factor}"),
        };
        s.push_str(&format!(
            "  {}: {}; {} {}–{}; {}\n",
            if en { "scoring" } else { "pointberegning" },
            scoring,
            if en { "range" } else { "interval" },
            d.range.min,
            d.range.max,
            arrow(d, lang)
        ));
        let (domain, ability) = (d.domain.label(lang), d.domain.speaks_of().label(lang));
        let speaks = if domain == ability {
            domain.to_owned()
        } else {
            format!("{domain} ({ability})")
        };
        s.push_str(&format!(
            "  {}: {speaks}\n",
            if en { "speaks of" } else { "taler om" }
        ));
        for (i, item) in d.items.iter().enumerate() {
            let text = match lang {
                Language::Da => item.text_da.as_deref().or(item.text_en.as_deref()),
                Language::En => item.text_en.as_deref().or(item.text_da.as_deref()),
            };
            s.push_str(&format!("  {:>2}. {}", i + 1, item.id));
            if let Some(t) = text {
                s.push_str(&format!(" — {t}"));
            }
            s.push('\n');
        }
        let options: Vec<String> = d
            .options_of(0)
            .iter()
            .map(|o| {
                let label = if en { &o.label_en } else { &o.label_da };
                if label.is_empty() {
                    o.value.to_string()
                } else {
                    format!("{} {label}", o.value)
                }
            })
            .collect();
        s.push_str(&format!(
            "  {}: {}\n",
            if en { "options" } else { "svarmuligheder" },
            options.join(" · ")
        ));
        for b in &d.bands {
            s.push_str(&format!(
                "  {} {:>5}  {}\n",
                if en { "band from" } else { "bånd fra" },
                b.from,
                b.label(lang)
            ));
        }
        if let (Some(r), Some(sd)) = (d.reliability, d.norm_sd) {
            s.push_str(&format!("  reliability {r}, norm SD {sd}\n"));
        }
        for f in &d.safety_items {
            s.push_str(&format!(
                "  {}: {} ≥ {}\n",
                if en {
                    "safety item"
                } else {
                    "sikkerhedsspørgsmål"
                },
                f.item,
                f.at_least
            ));
        }
        s.push_str(&format!(
            "  {}: {}\n",
            if en { "licence" } else { "licens" },
            d.licence
        ));
        s
    }))
}

/// Parse `3,3,-,3`: a value per item, `-` or nothing for an unanswered item.
fn parse_answers(text: &str) -> Result<Vec<Option<i32>>, Failure> {
    text.split(',')
        .map(str::trim)
        .enumerate()
        .map(|(i, a)| match a {
            "" | "-" => Ok(None),
            v => v.parse().map(Some).map_err(|_: std::num::ParseIntError| {
                usage(format!(
                    "--answers: answer {} is not a whole number (use `-` for an unanswered item)",
                    i + 1
                ))
            }),
        })
        .collect()
}

/// Run `coord instruments score`.
pub fn score(args: &InstrumentScoreArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let lang: Language = args.common.lang.into();
    let def = lookup(&reference.instruments, &args.id)?;
    let answers = parse_answers(&args.answers)?;
    let score = def
        .score(&answers, &Pointer::root().key("answers"))
        .map_err(|e| {
            Failure::invalid(
                vec![coord_json::problems::problem(&e, &Pointer::root())],
                None,
            )
        })?;
    let flagged = !score.safety_flags.is_empty();
    let name = def.name(lang).to_owned();
    Ok(emit(args.common.format, score, flagged, |s| {
        let mut out = format!("{name}: raw {} → score {}", s.raw, s.score);
        if let Some(b) = &s.band {
            out.push_str(&format!(" ({})", b.label(lang)));
        }
        out.push('\n');
        for f in &s.safety_flags {
            let msg = if lang == Language::En {
                &f.message_en
            } else {
                &f.message_da
            };
            out.push_str(&format!("  SAFETY {} = {}: {msg}\n", f.item, f.value));
        }
        out
    }))
}
