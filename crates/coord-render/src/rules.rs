//! Text rendering of rule results for people. Rendering only: the content comes from the core.

use crate::doc::Doc;
use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_core::facts::{lookup, FactListing};
use coord_core::rules::evaluate::{Evaluation, TraceOutcome};
use coord_core::rules::{PackCheck, PackTestReport, ReferralTarget, Severity};
use coord_core::text::date_long;
use coord_core::vocab::{VocabularyEntry, VocabularyKind};

fn pick<'a>(lang: Language, da: &'a str, en: &'a str) -> &'a str {
    match lang {
        Language::Da => da,
        Language::En => en,
    }
}

/// The validator's findings, one per line.
fn pack_check_text(r: &PackCheck, files: &[String]) -> String {
    let mut s = String::new();
    let what = files.join(", ");
    if r.findings.is_empty() {
        s.push_str(&format!("{what}: no errors, no warnings\n"));
        return s;
    }
    s.push_str(&format!(
        "{what}: {} error(s), {} warning(s)\n",
        r.errors, r.warnings
    ));
    for f in &r.findings {
        let word = match f.severity {
            Severity::Error => "error  ",
            Severity::Warning => "warning",
        };
        s.push_str(&format!("  {word} {} [{}]\n", f.message, f.code));
    }
    s
}

/// The test report: examples, then the generated-case run with its counterexample.
fn test_report_text(r: &PackTestReport, file: &str) -> String {
    let mut s = String::new();
    let passed = r.examples.iter().filter(|e| e.passed).count();
    s.push_str(&format!(
        "{file} ({}): {passed}/{} example test(s) passed\n",
        r.pack,
        r.examples.len()
    ));
    for e in r.examples.iter().filter(|e| !e.passed) {
        s.push_str(&format!("  FAIL {}\n", e.name));
        for m in &e.mismatches {
            s.push_str(&format!("       {m}\n"));
        }
    }
    let p = &r.property;
    match &p.counterexample {
        None => s.push_str(&format!(
            "{} invariant(s) held on {} generated cases (seed {})\n",
            p.invariants, p.cases, p.seed
        )),
        Some(ce) => {
            s.push_str(&format!(
                "invariant `{}` FAILED (seed {}, reuse with --seed {}): {}\n",
                ce.invariant, p.seed, p.seed, ce.message
            ));
            s.push_str(&format!(
                "minimal counterexample (replay: coord evaluate CASE.json --pack {file} --as-of {} --explain):\n",
                ce.as_of
            ));
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

/// An evaluation: level, roles, referrals, deadlines, consent gaps, warnings, and the trace.
fn evaluation_text(e: &Evaluation, case: &CaseFile, lang: Language) -> String {
    let mut s = String::new();
    if let Some(b) = e.law.as_ref().and_then(|l| crate::law::banner(l, lang)) {
        s.push_str(&b);
        s.push('\n');
    }
    s.push_str(&format!(
        "{} ({}) {} {} {} {}\n",
        case.id,
        case.citizen.name,
        pick(lang, "pr.", "as of"),
        date_long(lang, e.as_of),
        pick(lang, "efter", "under"),
        e.law
            .as_ref()
            .map(|l| crate::law::pack_line(l, lang))
            .unwrap_or_default()
    ));
    for note in e.law.iter().flat_map(|l| crate::law::notes(l, lang)) {
        s.push_str(&format!("  {note}\n"));
    }
    match &e.level {
        Some(l) => s.push_str(&format!(
            "  {}: {} [{}]\n",
            pick(lang, "koordineringsniveau", "coordination level"),
            l.level.label(lang),
            l.rule
        )),
        None => s.push_str(pick(
            lang,
            "  koordineringsniveau: ingen regel satte det\n",
            "  coordination level: not set by any rule\n",
        )),
    }
    for r in &e.required_roles {
        let present = if r.present {
            pick(lang, "til stede", "present")
        } else {
            pick(lang, "MANGLER", "MISSING")
        };
        s.push_str(&format!(
            "  {} {} ({present}) [{}]\n",
            pick(lang, "kræver rollen", "requires role"),
            coord_core::team::role_label(&r.role, lang),
            r.rule
        ));
    }
    for r in &e.referrals {
        s.push_str(&format!(
            "  {} {} [{}]\n",
            pick(lang, "foreslå henvisning til", "propose referral to"),
            target(&r.target, lang),
            r.rule
        ));
    }
    for r in &e.forbidden_referrals {
        s.push_str(&format!(
            "  {} {} [{}]\n",
            pick(lang, "henvis ikke til", "do not refer to"),
            target(&r.target, lang),
            r.rule
        ));
    }
    for d in &e.deadlines {
        s.push_str(&format!(
            "  {} {}: {} — {} [{}{}]\n",
            pick(lang, "frist", "deadline"),
            date_long(lang, d.due),
            pick(lang, &d.title_da, &d.title_en),
            d.status.label(lang),
            d.rule,
            d.pack
                .as_ref()
                .map(|p| format!(" · {p}"))
                .unwrap_or_default()
        ));
    }
    for g in &e.consent_gaps {
        s.push_str(&format!(
            "  {}: {} [{}]\n",
            pick(lang, "samtykke mangler", "consent missing"),
            pick(lang, &g.ask_da, &g.ask_en),
            g.rule
        ));
    }
    for w in &e.warnings {
        s.push_str(&format!(
            "  {}: {} [{}]\n",
            pick(lang, "advarsel", "warning"),
            pick(lang, &w.da, &w.en),
            w.rule
        ));
    }
    for c in &e.codes_outside_period {
        s.push_str(&format!(
            "  {}: {} [{}]\n",
            pick(lang, "advarsel", "warning"),
            c.describe(lang),
            c.pointer
        ));
    }
    if let Some(trace) = &e.trace {
        s.push_str("trace:\n");
        for t in trace {
            let title = pick(lang, &t.title_da, &t.title_en);
            match &t.outcome {
                TraceOutcome::Fired => s.push_str(&format!("  FIRED       {} — {title}\n", t.rule)),
                TraceOutcome::NotMatched { failure } => {
                    let label = lookup(&failure.fact)
                        .map(|d| pick(lang, d.meaning_da, d.meaning_en).to_owned())
                        .unwrap_or_else(|| failure.fact.clone());
                    let actual = failure
                        .actual
                        .as_ref()
                        .map_or_else(|| "not known".to_owned(), ToString::to_string);
                    s.push_str(&format!(
                        "  not matched {} — {title}\n      at when{}: {label} ({}) = {actual}, needs {}\n",
                        t.rule, failure.at, failure.fact, failure.needs
                    ));
                }
                TraceOutcome::NotInForce { valid } => s.push_str(&format!(
                    "  not in force {} — valid {}..{}\n",
                    t.rule,
                    valid.from,
                    valid.to.map(|d| d.to_string()).unwrap_or_default()
                )),
            }
        }
    }
    s
}

/// The validator's findings on the packs in `files`.
pub fn pack_check(r: &PackCheck, files: &[String]) -> Doc {
    Doc::from_lines(&pack_check_text(r, files))
}

/// What `rules test` found for the pack in `file`.
pub fn test_report(r: &PackTestReport, file: &str) -> Doc {
    Doc::from_lines(&test_report_text(r, file))
}

/// The fact catalogue and the vocabularies.
pub fn facts(listing: &FactListing, lang: Language) -> Doc {
    Doc::from_lines(&facts_text(listing, lang))
}

/// An evaluation of `case`: level, roles, referrals, deadlines, consent gaps, warnings, trace.
pub fn evaluation(e: &Evaluation, case: &CaseFile, lang: Language) -> Doc {
    Doc::from_lines(&evaluation_text(e, case, lang))
}
