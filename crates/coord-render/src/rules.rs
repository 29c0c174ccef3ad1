//! Text rendering of rule results for people. Rendering only: the content comes from the core.

use crate::doc::Doc;
use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_core::facts::{lookup, FactListing};
use coord_core::rules::evaluate::{Evaluation, TraceOutcome};
use coord_core::rules::{PackCheck, PackTestReport, ReferralTarget, Severity};
use coord_core::text::{count, date_long, Unit};
use coord_core::vocab::{VocabularyEntry, VocabularyKind};

fn pick<'a>(lang: Language, da: &'a str, en: &'a str) -> &'a str {
    match lang {
        Language::Da => da,
        Language::En => en,
    }
}

/// The validator's findings, one per line.
fn pack_check_text(r: &PackCheck, files: &[String], lang: Language) -> String {
    let mut s = String::new();
    let what = files.join(", ");
    if r.findings.is_empty() {
        s.push_str(&format!(
            "{what}: {}\n",
            pick(
                lang,
                "ingen fejl, ingen advarsler",
                "no errors, no warnings"
            )
        ));
        return s;
    }
    s.push_str(&format!(
        "{what}: {}, {}\n",
        count(lang, r.errors as i64, Unit::Error),
        count(lang, r.warnings as i64, Unit::Warning)
    ));
    for f in &r.findings {
        let word = match f.severity {
            Severity::Error => pick(lang, "fejl     ", "error  "),
            Severity::Warning => pick(lang, "advarsel ", "warning"),
        };
        s.push_str(&format!(
            "  {word} {}: {} [{}]\n",
            place(f, files),
            f.message_in(lang),
            f.code
        ));
    }
    s
}

/// Where a finding is: the file of its pack and the place in it (`dk-2026.json: /rules/3/when`).
fn place(f: &coord_core::rules::PackFinding, files: &[String]) -> String {
    let file = f.pack.and_then(|i| files.get(i));
    match (file, f.pointer.to_string()) {
        (Some(file), p) if p.is_empty() => file.clone(),
        (Some(file), p) => format!("{file}: {p}"),
        (None, p) => p,
    }
}

/// The test report: examples, then the generated-case run with its counterexample.
fn test_report_text(r: &PackTestReport, file: &str, lang: Language) -> String {
    let mut s = String::new();
    let passed = r.examples.iter().filter(|e| e.passed).count();
    let total = r.examples.len();
    s.push_str(&format!(
        "{file} ({}): {}\n",
        r.pack,
        match lang {
            Language::Da => format!(
                "{passed} af {} bestået",
                count(lang, total as i64, Unit::ExampleTest)
            ),
            Language::En => format!(
                "{passed} of {} passed",
                count(lang, total as i64, Unit::ExampleTest)
            ),
        }
    ));
    for e in r.examples.iter().filter(|e| !e.passed) {
        s.push_str(&format!("  {} {}\n", pick(lang, "FEJLET", "FAIL"), e.name));
        let lines = match lang {
            Language::Da => &e.mismatches_da,
            Language::En => &e.mismatches,
        };
        for m in lines {
            s.push_str(&format!("       {m}\n"));
        }
    }
    let p = &r.property;
    match &p.counterexample {
        None => s.push_str(&format!(
            "{} {} {} ({} {})\n",
            count(lang, p.invariants as i64, Unit::Invariant),
            pick(lang, "holdt på", "held on"),
            count_thousands(lang, u64::from(p.cases), Unit::GeneratedCase),
            pick(lang, "startværdi", "seed"),
            p.seed
        )),
        Some(ce) => {
            s.push_str(&match lang {
                Language::Da => format!(
                    "invarianten `{}` HOLDT IKKE (startværdi {}, gentag med --seed {}): {}\n",
                    ce.invariant, p.seed, p.seed, ce.message_da
                ),
                Language::En => format!(
                    "invariant `{}` FAILED (seed {}, reuse with --seed {}): {}\n",
                    ce.invariant, p.seed, p.seed, ce.message
                ),
            });
            s.push_str(&match lang {
                Language::Da => format!(
                    "mindste modeksempel (afspil: coord evaluate CASE.json --pack {file} --as-of {} --explain):\n",
                    ce.as_of
                ),
                Language::En => format!(
                    "minimal counterexample (replay: coord evaluate CASE.json --pack {file} --as-of {} --explain):\n",
                    ce.as_of
                ),
            });
            s.push_str(&serde_json::to_string_pretty(&ce.case).unwrap_or_default());
            s.push('\n');
        }
    }
    s
}

/// The fact catalogue as a table, then each vocabulary: code, label, period, source.
fn facts_text(listing: &FactListing, lang: Language) -> String {
    let list = &listing.facts;
    let width = list.iter().map(|f| f.name.len()).max().unwrap_or(0);
    let mut s = String::new();
    for f in list {
        let pad = " ".repeat(width - f.name.len());
        let meaning = pick(lang, &f.meaning_da, &f.meaning_en);
        let result = if f.result_only {
            " (invariants only)"
        } else {
            ""
        };
        s.push_str(&format!(
            "{}{pad}  {:<6}  {meaning}{result}\n",
            f.name,
            f.ty.name()
        ));
        if !f.words.is_empty() {
            s.push_str(&format!(
                "{}  {:<6}  one of: {}\n",
                " ".repeat(width),
                "",
                f.words.join(", ")
            ));
        }
    }
    for kind in VocabularyKind::ALL {
        let entries = listing.vocabularies.entries(kind);
        s.push_str(&format!(
            "\n{} (vocabularies.{}):\n",
            capitalised(kind.label(lang)),
            kind.key()
        ));
        let width = entries
            .iter()
            .map(|e| e.code.as_str().len())
            .max()
            .unwrap_or(0);
        for e in entries {
            let pad = " ".repeat(width - e.code.as_str().len());
            let mut line = format!("  {}{pad}  {}", e.code, e.label(lang));
            if let Some(period) = entry_period(e, lang) {
                line.push_str(&format!("  [{period}]"));
            }
            if !e.verified {
                line.push_str(pick(lang, "  (ikke verificeret)", "  (unverified)"));
            }
            s.push_str(&line);
            s.push('\n');
            if let Some(source) = &e.source {
                s.push_str(&format!(
                    "  {}  {}: {}\n",
                    " ".repeat(width),
                    pick(lang, "kilde", "source"),
                    source.line()
                ));
            }
        }
    }
    s
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A vocabulary entry's valid period in words, when it has one.
fn entry_period(e: &VocabularyEntry, lang: Language) -> Option<String> {
    let date = |d| coord_core::text::date_short(lang, d);
    match (e.valid_from, e.valid_to) {
        (None, None) => None,
        (Some(f), None) => Some(format!("{} {}", pick(lang, "fra", "from"), date(f))),
        (None, Some(t)) => Some(format!("{} {}", pick(lang, "til", "until"), date(t))),
        (Some(f), Some(t)) => Some(format!("{}–{}", date(f), date(t))),
    }
}

fn target(t: &ReferralTarget, lang: Language) -> String {
    match t {
        ReferralTarget::Offer(id) => format!("{} {id}", pick(lang, "tilbuddet", "offer")),
        ReferralTarget::Role(role) => coord_core::team::role_label(role, lang),
    }
}

/// The validator's findings on the packs in `files`.
pub fn pack_check(r: &PackCheck, files: &[String], lang: Language) -> Doc {
    Doc::from_lines(&pack_check_text(r, files, lang))
}

/// What `rules test` found for the pack in `file`.
pub fn test_report(r: &PackTestReport, file: &str, lang: Language) -> Doc {
    Doc::from_lines(&test_report_text(r, file, lang))
}

/// `n` with its thousands separated and its noun in the right number ("10.000 genererede sager").
fn count_thousands(lang: Language, n: u64, unit: Unit) -> String {
    let (one, many) = unit.forms(lang);
    format!(
        "{} {}",
        coord_core::text::thousands(lang, n),
        if n == 1 { one } else { many }
    )
}

/// The fact catalogue and the vocabularies.
pub fn facts(listing: &FactListing, lang: Language) -> Doc {
    Doc::from_lines(&facts_text(listing, lang))
}

/// An evaluation of `case`: the law applied, level, roles, referrals, deadlines, consent gaps,
/// warnings, and (with `--explain`) the trace. For rule authors and caseworkers checking a rule:
/// each line names the rule behind it.
pub fn evaluation(e: &Evaluation, case: &CaseFile, lang: Language) -> Doc {
    let mut d = Doc::default();
    d.h(
        1,
        format!(
            "{} — {}",
            pick(lang, "Regelvurdering", "Rule evaluation"),
            case.citizen.name
        ),
    );
    if let Some(b) = e.law.as_ref().and_then(|l| crate::law::banner(l, lang)) {
        d.alert(b);
    }
    d.labelled(pick(lang, "Opgjort pr.", "As of"), date_long(lang, e.as_of));
    if let Some(l) = &e.law {
        d.labelled(pick(lang, "Lov", "Law"), crate::law::pack_line(l, lang));
        d.list(crate::law::notes(l, lang));
    }
    let level = match &e.level {
        Some(l) => format!(
            "{} ({} {})",
            l.level.label(lang),
            pick(lang, "regel", "rule"),
            l.rule
        ),
        None => pick(lang, "ingen regel satte det", "not set by any rule").to_owned(),
    };
    d.labelled(
        pick(lang, "Koordineringsniveau", "Coordination level"),
        level,
    );
    let rule_col = pick(lang, "Regel", "Rule");
    d.table(
        pick(lang, "Roller reglerne kræver", "Roles the rules require"),
        &[
            pick(lang, "Rolle", "Role"),
            pick(lang, "I sagen", "In the case"),
            rule_col,
        ],
        e.required_roles
            .iter()
            .map(|r| {
                vec![
                    coord_core::team::role_label(&r.role, lang),
                    pick(
                        lang,
                        if r.present { "til stede" } else { "MANGLER" },
                        if r.present { "present" } else { "MISSING" },
                    )
                    .to_owned(),
                    r.rule.to_string(),
                ]
            })
            .collect(),
    );
    let mut referrals: Vec<Vec<String>> = e
        .referrals
        .iter()
        .map(|r| {
            vec![
                pick(lang, "foreslå henvisning til", "propose a referral to").to_owned(),
                target(&r.target, lang),
                r.rule.to_string(),
            ]
        })
        .collect();
    referrals.extend(e.forbidden_referrals.iter().map(|r| {
        vec![
            pick(lang, "henvis ikke til", "do not refer to").to_owned(),
            target(&r.target, lang),
            r.rule.to_string(),
        ]
    }));
    d.table(
        pick(lang, "Henvisninger", "Referrals"),
        &[
            pick(lang, "Hvad", "What"),
            pick(lang, "Til", "To"),
            rule_col,
        ],
        referrals,
    );
    d.table(
        pick(lang, "Frister", "Deadlines"),
        &[
            pick(lang, "Frist", "Due"),
            pick(lang, "Hvad", "What"),
            pick(lang, "Status", "Status"),
            rule_col,
            pick(lang, "Regelsæt", "Pack"),
        ],
        e.deadlines
            .iter()
            .map(|x| {
                vec![
                    date_long(lang, x.due),
                    pick(lang, &x.title_da, &x.title_en).to_owned(),
                    x.status.label(lang).to_owned(),
                    x.rule.to_string(),
                    x.pack.as_ref().map(ToString::to_string).unwrap_or_default(),
                ]
            })
            .collect(),
    );
    if !e.consent_gaps.is_empty() {
        d.h(2, pick(lang, "Manglende samtykke", "Consent missing"));
        d.list(
            e.consent_gaps
                .iter()
                .map(|g| {
                    format!(
                        "{} ({} {})",
                        pick(lang, &g.ask_da, &g.ask_en),
                        pick(lang, "regel", "rule"),
                        g.rule
                    )
                })
                .collect(),
        );
    }
    if !e.warnings.is_empty() || !e.codes_outside_period.is_empty() {
        d.h(2, pick(lang, "Advarsler", "Warnings"));
        d.list(
            e.warnings
                .iter()
                .map(|w| {
                    format!(
                        "{} ({} {})",
                        pick(lang, &w.da, &w.en),
                        pick(lang, "regel", "rule"),
                        w.rule
                    )
                })
                .chain(e.codes_outside_period.iter().map(|c| c.describe(lang)))
                .collect(),
        );
    }
    if let Some(trace) = &e.trace {
        d.table(
            pick(
                lang,
                "Sporet: hver regel i regelsættet",
                "Trace: every rule of the pack",
            ),
            &[
                rule_col,
                pick(lang, "Titel", "Title"),
                pick(lang, "Udfald", "Outcome"),
            ],
            trace
                .iter()
                .map(|t| {
                    vec![
                        t.rule.to_string(),
                        pick(lang, &t.title_da, &t.title_en).to_owned(),
                        outcome(&t.outcome, lang),
                    ]
                })
                .collect(),
        );
    }
    d
}

/// A rule's outcome in the trace, in words.
fn outcome(o: &TraceOutcome, lang: Language) -> String {
    match o {
        TraceOutcome::Fired => pick(lang, "udløst", "fired").to_owned(),
        TraceOutcome::NotMatched {
            failure,
            asked,
            actual,
        } => {
            let fact = lookup(&failure.fact)
                .map(|d| pick(lang, d.meaning_da, d.meaning_en).to_owned())
                .unwrap_or_else(|| failure.fact.clone());
            let actual = actual.as_ref().map_or_else(
                || pick(lang, "ikke kendt", "not known").to_owned(),
                |t| t.get(lang).to_owned(),
            );
            let asked = asked
                .as_ref()
                .map(|t| {
                    format!(
                        "; {}: {}",
                        pick(lang, "reglen kræver", "the rule needs"),
                        t.get(lang)
                    )
                })
                .unwrap_or_default();
            // The comparison as the rule states it, for the rule's author: the words may not
            // carry the date a date expression gave on the day.
            format!(
                "{}: {fact} = {actual}{asked} [{}]",
                pick(lang, "ikke opfyldt", "not met"),
                failure.needs
            )
        }
        TraceOutcome::NotInForce { valid } => format!(
            "{} ({} {})",
            pick(lang, "ikke i kraft", "not in force"),
            pick(lang, "gælder", "valid"),
            crate::law::period(valid, lang)
        ),
    }
}
