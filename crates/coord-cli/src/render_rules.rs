//! Text rendering of rule results for people. Rendering only: the content comes from the core.

use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_core::rules::evaluate::{DeadlineStatus, Evaluation, TraceOutcome};
use coord_core::rules::facts::{lookup, FactInfo};
use coord_core::rules::{ReferralTarget, RulePack, Severity};
use coord_json::calls::rules::{PackCheck, PackTestReport};

fn pick<'a>(lang: Language, da: &'a str, en: &'a str) -> &'a str {
    match lang {
        Language::Da => da,
        Language::En => en,
    }
}

/// The validator's findings, one per line.
pub fn pack_check(r: &PackCheck, files: &[String]) -> String {
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
pub fn test_report(r: &PackTestReport, file: &str) -> String {
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

/// The fact catalogue as a table.
pub fn facts(list: &[FactInfo], lang: Language) -> String {
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
    s
}

fn target(t: &ReferralTarget) -> String {
    match t {
        ReferralTarget::Offer(id) => format!("offer {id}"),
        ReferralTarget::Role(_) => t.word().replacen("role:", "role ", 1),
    }
}

/// The mark shown after a rule id: an unverified reading or local practice (not law).
fn source_mark(
    pack: Option<&RulePack>,
    rule: &coord_core::ids::RuleId,
    lang: Language,
) -> &'static str {
    let Some(r) = pack.and_then(|p| p.rule(rule)) else {
        return "";
    };
    let local = r.source.kind == coord_core::rules::pack::SourceKind::LocalPractice;
    match (r.source.verified, local, lang) {
        (true, false, _) => "",
        (false, false, Language::En) => " (unverified)",
        (false, false, Language::Da) => " (ikke verificeret)",
        (_, true, Language::En) => " (local practice)",
        (_, true, Language::Da) => " (lokal praksis)",
    }
}

/// An evaluation: the law applied, level, roles, referrals, deadlines, consent gaps, warnings,
/// and the trace. `pack` (the pack applied, when known) gives the unverified/local-practice marks.
pub fn evaluation(
    e: &Evaluation,
    pack: Option<&RulePack>,
    case: &CaseFile,
    lang: Language,
) -> String {
    let m = |rule: &coord_core::ids::RuleId| source_mark(pack, rule, lang);
    let mut s = String::new();
    if let Some(b) = e
        .law
        .as_ref()
        .and_then(|l| crate::render_law::banner(l, lang))
    {
        s.push_str(&b);
        s.push('\n');
    }
    s.push_str(&format!(
        "{} ({}) as of {} under {}\n",
        case.id,
        case.citizen.name,
        e.as_of,
        e.law
            .as_ref()
            .map(|l| crate::render_law::pack_line(l, lang))
            .unwrap_or_default()
    ));
    for note in e.law.iter().flat_map(|l| crate::render_law::notes(l, lang)) {
        s.push_str(&format!("  {note}\n"));
    }
    match &e.level {
        Some(l) => s.push_str(&format!(
            "  coordination level: {} [{}]{}\n",
            match lang {
                Language::Da => l.level.label_da(),
                Language::En => l.level.word(),
            },
            l.rule,
            m(&l.rule)
        )),
        None => s.push_str("  coordination level: not set by any rule\n"),
    }
    for r in &e.required_roles {
        let present = if r.present { "present" } else { "MISSING" };
        s.push_str(&format!(
            "  requires role {} ({present}) [{}]{}\n",
            coord_core::rules::facts::role_word(&r.role),
            r.rule,
            m(&r.rule)
        ));
    }
    for r in &e.referrals {
        s.push_str(&format!(
            "  propose referral to {} [{}]{}\n",
            target(&r.target),
            r.rule,
            m(&r.rule)
        ));
    }
    for r in &e.forbidden_referrals {
        s.push_str(&format!(
            "  do not refer to {} [{}]{}\n",
            target(&r.target),
            r.rule,
            m(&r.rule)
        ));
    }
    for d in &e.deadlines {
        let status = match d.status {
            DeadlineStatus::Open => "open",
            DeadlineStatus::Overdue => "OVERDUE",
            DeadlineStatus::Done => "done",
        };
        s.push_str(&format!(
            "  deadline {}: {} — {status} [{}{}]{}\n",
            d.due,
            pick(lang, &d.title_da, &d.title_en),
            d.rule,
            d.pack
                .as_ref()
                .map(|p| format!(" · {p}"))
                .unwrap_or_default(),
            m(&d.rule)
        ));
    }
    for g in &e.consent_gaps {
        s.push_str(&format!(
            "  consent missing: {} [{}]{}\n",
            pick(lang, &g.ask_da, &g.ask_en),
            g.rule,
            m(&g.rule)
        ));
    }
    for w in &e.warnings {
        s.push_str(&format!(
            "  warning: {} [{}]{}\n",
            pick(lang, &w.da, &w.en),
            w.rule,
            m(&w.rule)
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
