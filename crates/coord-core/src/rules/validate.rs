//! The pack validator (as Cedar's validator is to Cedar policies): errors and warnings, each with a
//! JSON pointer into the pack and a stable code.
//!
//! | code | severity | what |
//! |---|---|---|
//! | `rules.empty_id` | error | a pack, rule or invariant id is empty |
//! | `rules.duplicate_rule_id` | error | two rules share an id |
//! | `rules.duplicate_invariant_id` | error | two invariants share an id |
//! | `rules.missing_text` | error | a title or a source citation is empty |
//! | `rules.inverted_period` | error | a valid period ends before it starts |
//! | `rules.rule_outside_pack` | warning | a rule's period does not meet the pack's: it never fires |
//! | `rules.no_actions` | warning | a rule does nothing |
//! | `rules.unknown_fact` | error | a condition names a fact not in the catalogue |
//! | `rules.result_fact_in_rule` | error | a rule tests a result fact (only invariants may) |
//! | `rules.unknown_value` | error | a word a text or set fact can never take (for `extension_ground`: a code the pack does not declare) |
//! | `rules.no_citation` | error | a rule cites no statute or named document |
//! | `rules.citation_incomplete` | error | a statute without name, number or paragraph; a document without title, issuer or date |
//! | `rules.project_note_cited` | error | a citation names a project note (DOMAIN.md, a seed), not a source |
//! | `rules.empty_window` | error | a `cumulative` window of 0 weeks or 0 months |
//! | `rules.duplicate_extension_ground` | error | two extension grounds share a code |
//! | `rules.unknown_extension_ground` | error | an example case records an extension ground the pack does not declare |
//! | `rules.unknown_offer` | error | a referral to an offer not in the given offer ids |
//! | `rules.unknown_indicator` | error | an `indicator_*.<id>` fact for an indicator not in the given ids |
//! | `rules.type_mismatch` | error | a value of the wrong type for the fact (a date compared with a number) |
//! | `rules.bad_operator` | error | an operator the fact's type has no meaning for (`lt` on a set) |
//! | `rules.unknown_anchor` | error | a date expression based on something that is not a date fact |
//! | `rules.never_holds` | error | a condition that can never hold (weeks ≥ 10 and weeks < 5) |
//! | `rules.shadowed` | warning | a later rule with the same actions whose condition implies an earlier one's: it adds nothing |
//! | `rules.contradictory_actions` | warning | one rule proposes a referral another forbids, and both can fire together |
//! | `rules.duplicate_task` | warning | two rules create deadlines for the same task and can fire together |
//! | `rules.empty_list` | error | an `ask_consent` without categories, an `in` without values |
//! | `rules.overlapping_packs` | error | two packs of the same jurisdiction are in force on a common day and neither has a transition to the other |
//! | `rules.transition_*`, `rules.duplicate_transition_id` | error/warning | a transition or an announcement is unsound (see `validate_law.rs`) |
//! | `rules.invalid_test_case` | error | an example test's case file fails the case-file check |
//! | `rules.undeclared_code` | error | a code the reference data's vocabulary does not declare (see `validate_vocab.rs`) |
//! | `rules.code_outside_period` | error | a code never valid while the rule is in force |
//! | `rules.code_partly_outside_period` | warning | a code valid during only part of the rule's period |

use super::action::{ReferralTarget, RuleAction};
use super::condition::{Comparison, Condition, Literal, Test};
use super::intervals::{conjuncts, implies, never_holds, Conj};
use super::pack::RuleSource;
use super::pack::{Rule, RulePack};
use crate::check::check_case_file;
use crate::facts::value::FactType;
use crate::facts::{lookup, Compute};
use crate::pointer::Pointer;
use crate::reference::ReferenceData;
use crate::time::DatePeriod;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How bad a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The pack must not be used.
    Error,
    /// The pack works but something is probably wrong.
    Warning,
}

/// One validator finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackFinding {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code (see the module table).
    pub code: String,
    /// Which of the packs checked together (0-based, in the order given), when several were;
    /// `pointer` is then the place inside that pack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<usize>,
    /// Where in the pack.
    pub pointer: Pointer,
    /// A sentence about the problem, in English (the place is `pointer`; the message never starts
    /// with it).
    pub message: String,
    /// The same sentence in Danish.
    pub message_da: String,
}

impl PackFinding {
    /// The message in `lang`.
    pub fn message_in(&self, lang: crate::category::Language) -> &str {
        match lang {
            crate::category::Language::Da => &self.message_da,
            crate::category::Language::En => &self.message,
        }
    }
}

/// Further names the validator accepts besides the reference data's. Offers are checked against
/// the reference data's offer catalogue plus `known_offers`, indicators against its instruments
/// plus `known_indicators`; a kind of name is left unchecked only when the reference data has
/// none of it and no list is given.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidationOptions {
    /// Known offer ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known_offers: Option<BTreeSet<String>>,
    /// Known indicator (instrument) ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known_indicators: Option<BTreeSet<String>>,
}

struct Findings(Vec<PackFinding>);

impl Findings {
    fn push(&mut self, severity: Severity, code: &str, at: &Pointer, message: crate::text::Text) {
        self.0.push(PackFinding {
            severity,
            code: code.to_owned(),
            pack: None,
            pointer: at.clone(),
            message: message.en,
            message_da: message.da,
        });
    }
    fn error(&mut self, code: &str, at: &Pointer, message: crate::text::Text) {
        self.push(Severity::Error, code, at, message);
    }
    fn warn(&mut self, code: &str, at: &Pointer, message: crate::text::Text) {
        self.push(Severity::Warning, code, at, message);
    }
}

/// `base` extended by the segments of `rel`.
pub fn join(base: &Pointer, rel: &Pointer) -> Pointer {
    rel.segments().fold(base.clone(), |p, s| p.key(&s))
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[PackFinding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Validate several packs together: each pack alone (pointers `/<i>/…`) and overlapping periods
/// for the same jurisdiction.
pub fn validate_packs(
    packs: &[RulePack],
    reference: &ReferenceData,
    options: &ValidationOptions,
) -> Vec<PackFinding> {
    let mut out = Findings(Vec::new());
    for (i, pack) in packs.iter().enumerate() {
        let base = Pointer::root().index(i);
        for f in validate_pack_among(pack, packs, reference, options) {
            let pointer = join(&base, &f.pointer);
            out.0.push(PackFinding { pointer, ..f });
        }
    }
    for (i, a) in packs.iter().enumerate() {
        for (j, b) in packs.iter().enumerate().skip(i + 1) {
            // Overlapping packs of one jurisdiction need a transition between them.
            let linked = a.transitions.iter().any(|t| t.earlier_pack == b.id)
                || b.transitions.iter().any(|t| t.earlier_pack == a.id);
            if a.jurisdiction == b.jurisdiction && a.valid.overlaps(&b.valid) && !linked {
                out.error(
                    "rules.overlapping_packs",
                    &Pointer::root().index(j).key("valid"), crate::text::Text { da: format!("regelsættene `{}` og `{}` gælder begge for jurisdiktionen `{}` på en fælles dag, og ingen af dem har en overgang til det andet", a.id, b.id, a.jurisdiction), en: format!("packs `{}` and `{}` are both in force for jurisdiction `{}` on a common day, and neither has a transition to the other", a.id, b.id, a.jurisdiction) },
                );
            }
        }
    }
    out.0
}

#[path = "validate_law.rs"]
mod law_checks;

#[path = "validate_vocab.rs"]
mod vocab_checks;

#[path = "validate_dates.rs"]
mod date_checks;
use date_checks::check_date_expr;

/// Validate one pack (earlier packs its transitions name are looked up in the reference data).
pub fn validate_pack(
    pack: &RulePack,
    reference: &ReferenceData,
    options: &ValidationOptions,
) -> Vec<PackFinding> {
    validate_pack_among(pack, &[], reference, options)
}

/// Validate one pack checked together with `others` (where its transitions' earlier packs may be).
fn validate_pack_among(
    pack: &RulePack,
    others: &[RulePack],
    reference: &ReferenceData,
    options: &ValidationOptions,
) -> Vec<PackFinding> {
    let options = &with_reference(options, reference);
    let root = Pointer::root();
    let mut out = Findings(Vec::new());
    if pack.id.as_str().trim().is_empty() {
        out.error(
            "rules.empty_id",
            &root.key("id"),
            crate::text::Text::new("regelsættets id er tomt", "the pack id is empty"),
        );
    }
    for (key, text) in [("title_da", &pack.title_da), ("title_en", &pack.title_en)] {
        if text.trim().is_empty() {
            out.error(
                "rules.missing_text",
                &root.key(key),
                crate::text::Text::new("titlen er tom", "the title is empty"),
            );
        }
    }
    check_period(&pack.valid, &root.key("valid"), &mut out);
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, rule) in pack.rules.iter().enumerate() {
        let at = root.key("rules").index(i);
        if rule.id.as_str().trim().is_empty() {
            out.error(
                "rules.empty_id",
                &at.key("id"),
                crate::text::Text::new("reglens id er tomt", "the rule id is empty"),
            );
        } else if let Some(first) = seen.insert(rule.id.as_str(), i) {
            seen.insert(rule.id.as_str(), first);
            out.error(
                "rules.duplicate_rule_id",
                &at.key("id"), crate::text::Text { da: format!("reglens id `{}` findes to gange; det er allerede brugt ved /rules/{first}/id", rule.id), en: format!("duplicate rule id `{}`, already used at /rules/{first}/id", rule.id) },
            );
        }
        check_rule(rule, pack, &at, options, &mut out);
    }
    check_pairs(pack, &mut out);
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, inv) in pack.invariants.iter().enumerate() {
        let at = root.key("invariants").index(i);
        if inv.id.trim().is_empty() {
            out.error(
                "rules.empty_id",
                &at.key("id"),
                crate::text::Text::new("invariantens id er tomt", "the invariant id is empty"),
            );
        } else if let Some(first) = seen.insert(inv.id.as_str(), i) {
            seen.insert(inv.id.as_str(), first);
            out.error(
                "rules.duplicate_invariant_id",
                &at.key("id"), crate::text::Text { da: format!("invariantens id `{}` findes to gange; det er allerede brugt ved /invariants/{first}/id", inv.id), en: format!("duplicate invariant id `{}`, already used at /invariants/{first}/id", inv.id) },
            );
        }
        if let Some(when) = &inv.when {
            check_condition(when, &at.key("when"), true, options, &mut out);
        }
        check_condition(&inv.then, &at.key("then"), true, options, &mut out);
    }
    check_extension_grounds(pack, &mut out);
    vocab_checks::check_vocabulary(pack, &reference.vocabularies, &mut out);
    law_checks::check_law(pack, others, reference, options, &mut out);
    for (i, test) in pack.tests.iter().enumerate() {
        let at = root.key("tests").index(i).key("case");
        if let Some(ext) = &test.case.course.benefit_extension {
            if !pack.extension_grounds.iter().any(|g| g.code == ext.ground) {
                out.error(
                    "rules.unknown_extension_ground",
                    &at.key("course").key("benefit_extension").key("ground"),
                    crate::text::Text::new(
                        "forlængelsesgrunden er ikke blandt regelsættets `extension_grounds`",
                        "the extension ground is not among the pack's `extension_grounds`",
                    ),
                );
            }
        }
        for e in check_case_file(&test.case, reference) {
            let p = join(&at, e.pointer());
            out.error(
                "rules.invalid_test_case",
                &p,
                crate::text::Text {
                    da: format!(
                        "eksempelsagen er ugyldig ({}) ved {}",
                        e.code(),
                        e.pointer()
                    ),
                    en: format!("the example case is invalid ({}): {e}", e.code()),
                },
            );
        }
    }
    out.0
}

/// Words that mark a project note, not a source a caseworker can check.
const PROJECT_NOTES: [&str; 4] = ["domain.md", "seed ", "law-2025-2027", "brief"];

/// A source cites at least one statute or named document; no citation is a project note; the
/// parts of a citation are not empty.
fn check_source(source: &RuleSource, at: &Pointer, out: &mut Findings) {
    if source.cites.is_empty() {
        out.error(
            "rules.no_citation",
            &at.key("cites"), crate::text::Text::new("reglen henviser ikke til en lov (navn, nummer, paragraf) eller et navngivet dokument (udsteder, dato)", "the rule cites no statute (name, number, paragraph) or named document (issuer, date)"),
        );
    }
    for (i, c) in source.cites.iter().enumerate() {
        let here = at.key("cites").index(i);
        let texts = c.texts();
        if texts.iter().any(|t| t.trim().is_empty()) {
            out.error(
                "rules.citation_incomplete",
                &here, crate::text::Text::new("en lov skal angives med navn, nummer og paragraf; et dokument med titel, udsteder og dato", "a statute needs its name, number and paragraph; a document its title, issuer and date"),
            );
        }
        if texts
            .iter()
            .any(|t| PROJECT_NOTES.iter().any(|n| t.to_lowercase().contains(n)))
        {
            out.error(
                "rules.project_note_cited",
                &here, crate::text::Text::new("et projektnotat (DOMAIN.md, et seed-dokument, lovnotatet) er ikke en kilde; henvis til den lov eller det dokument, det bygger på", "a project note (DOMAIN.md, a seed, the law brief) is not a source; cite the statute or document it rests on"),
            );
        }
    }
}

/// The pack's extension grounds have unique, non-empty codes and titles, and every rule that
/// compares `extension_ground` names a declared code.
fn check_extension_grounds(pack: &RulePack, out: &mut Findings) {
    let root = Pointer::root();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, g) in pack.extension_grounds.iter().enumerate() {
        let at = root.key("extension_grounds").index(i);
        if g.code.trim().is_empty() {
            out.error(
                "rules.empty_id",
                &at.key("code"),
                crate::text::Text::new(
                    "forlængelsesgrundens kode er tom",
                    "the extension ground's code is empty",
                ),
            );
        } else if let Some(first) = seen.insert(g.code.as_str(), i) {
            seen.insert(g.code.as_str(), first);
            out.error(
                "rules.duplicate_extension_ground",
                &at.key("code"), crate::text::Text { da: format!("forlængelsesgrunden findes to gange; den er allerede erklæret ved /extension_grounds/{first}"), en: format!("duplicate extension ground, already declared at /extension_grounds/{first}") },
            );
        }
        check_source(&g.source, &at.key("source"), out);
        for (key, text) in [("title_da", &g.title_da), ("title_en", &g.title_en)] {
            if text.trim().is_empty() {
                out.error(
                    "rules.missing_text",
                    &at.key(key),
                    crate::text::Text::new("titlen er tom", "the title is empty"),
                );
            }
        }
    }
    for (i, rule) in pack.rules.iter().enumerate() {
        let at = root.key("rules").index(i).key("when");
        for (rel, cmp) in rule.when.comparisons() {
            if cmp.fact != "extension_ground" {
                continue;
            }
            for (k, lit) in cmp.test.literals().iter().enumerate() {
                if let Literal::Text(word) = lit {
                    if !pack.extension_grounds.iter().any(|g| &g.code == word) {
                        let op_at = join(&at, &rel).key(cmp.test.key());
                        let many = matches!(
                            cmp.test,
                            Test::In(_) | Test::NotIn(_) | Test::ContainsAny(_)
                        );
                        let lit_at = if many { op_at.index(k) } else { op_at };
                        out.error(
                            "rules.unknown_value",
                            &lit_at, crate::text::Text { da: format!("`extension_ground` antager aldrig værdien `{word}`: regelsættet erklærer {}", grounds_list(&pack.extension_grounds, crate::category::Language::Da)), en: format!("`extension_ground` never takes the value `{word}`: the pack declares {}", grounds_list(&pack.extension_grounds, crate::category::Language::En)) },
                        );
                    }
                }
            }
        }
    }
}

/// The options with the reference data's offer ids and instrument ids added.
fn with_reference(options: &ValidationOptions, reference: &ReferenceData) -> ValidationOptions {
    let merge = |given: &Option<BTreeSet<String>>, from_reference: BTreeSet<String>| match (
        given,
        from_reference.is_empty(),
    ) {
        (None, true) => None,
        (None, false) => Some(from_reference),
        (Some(g), _) => Some(g.iter().cloned().chain(from_reference).collect()),
    };
    ValidationOptions {
        known_offers: merge(
            &options.known_offers,
            reference
                .offers
                .offers
                .iter()
                .map(|o| o.id.to_string())
                .collect(),
        ),
        known_indicators: merge(
            &options.known_indicators,
            reference
                .instruments
                .iter()
                .map(|i| i.id.to_string())
                .collect(),
        ),
    }
}

fn check_period(period: &DatePeriod, at: &Pointer, out: &mut Findings) {
    if period.is_inverted() {
        out.error(
            "rules.inverted_period",
            at,
            crate::text::Text::new(
                "gyldighedsperioden slutter, før den begynder",
                "the valid period ends before it starts",
            ),
        );
    }
}

fn check_rule(
    rule: &Rule,
    pack: &RulePack,
    at: &Pointer,
    options: &ValidationOptions,
    out: &mut Findings,
) {
    for (key, text) in [("title_da", &rule.title_da), ("title_en", &rule.title_en)] {
        if text.trim().is_empty() {
            out.error(
                "rules.missing_text",
                &at.key(key),
                crate::text::Text::new("titlen er tom", "the title is empty"),
            );
        }
    }
    if rule.source.citation.trim().is_empty() {
        out.error(
            "rules.missing_text",
            &at.key("source").key("citation"),
            crate::text::Text::new(
                "hver regel skal henvise til sin retskilde eller til et notat om lokal praksis",
                "every rule cites its legal source or local-practice note",
            ),
        );
    }
    check_source(&rule.source, &at.key("source"), out);
    if let Some(valid) = &rule.valid {
        check_period(valid, &at.key("valid"), out);
        if !valid.is_inverted() && !valid.overlaps(&pack.valid) {
            out.warn(
                "rules.rule_outside_pack",
                &at.key("valid"),
                crate::text::Text::new(
                    "reglens periode overlapper ikke regelsættets: reglen kan aldrig udløses",
                    "the rule's period does not meet the pack's: the rule never fires",
                ),
            );
        }
    }
    if rule.then.is_empty() {
        out.warn(
            "rules.no_actions",
            &at.key("then"),
            crate::text::Text::new("reglen gør ingenting", "the rule does nothing"),
        );
    }
    check_condition(&rule.when, &at.key("when"), false, options, out);
    for (j, action) in rule.then.iter().enumerate() {
        let at = at.key("then").index(j).key(action.key());
        match action {
            RuleAction::ProposeReferral(t) | RuleAction::ForbidReferral(t) => {
                check_target(t, &at, options, out);
            }
            // A role is a vocabulary code: the vocabulary check (`validate_vocab`) places it.
            RuleAction::RequireRole(_) => {}
            RuleAction::Deadline(d) => {
                check_date_expr(&d.due, &at.key("due"), out);
                if let Some(c) = &d.done_when {
                    check_condition(c, &at.key("done_when"), false, options, out);
                }
            }
            RuleAction::AskConsent(a) => {
                if a.categories.is_empty() {
                    out.error(
                        "rules.empty_list",
                        &at.key("categories"),
                        crate::text::Text::new(
                            "et samtykke, der skal indhentes, skal omfatte mindst én kategori",
                            "a consent to ask for needs at least one category",
                        ),
                    );
                }
            }
            RuleAction::SetLevel(_) | RuleAction::Warn(_) => {}
        }
    }
}

fn check_target(t: &ReferralTarget, at: &Pointer, options: &ValidationOptions, out: &mut Findings) {
    match t {
        ReferralTarget::Offer(id) => {
            if let Some(known) = &options.known_offers {
                if !known.contains(id.as_str()) {
                    out.error(
                        "rules.unknown_offer",
                        &at.key("offer"),
                        crate::text::Text {
                            da: format!("ukendt tilbud `{id}`: findes ikke i tilbudskataloget"),
                            en: format!("unknown offer `{id}`: not in the offer catalogue"),
                        },
                    );
                }
            }
        }
        ReferralTarget::Role(_) => {}
    }
}

fn check_condition(
    cond: &Condition,
    at: &Pointer,
    result_facts_allowed: bool,
    options: &ValidationOptions,
    out: &mut Findings,
) {
    for (rel, cmp) in cond.comparisons() {
        check_comparison(cmp, &join(at, &rel), result_facts_allowed, options, out);
    }
    if let Some(reason) = never_holds(&conjuncts(cond)) {
        out.error(
            "rules.never_holds",
            at,
            crate::text::Text {
                da: format!("betingelsen kan aldrig være opfyldt: {}", reason.da),
                en: format!("the condition can never hold: {}", reason.en),
            },
        );
    }
}

fn check_comparison(
    cmp: &Comparison,
    at: &Pointer,
    result_facts_allowed: bool,
    options: &ValidationOptions,
    out: &mut Findings,
) {
    let fact_at = at.key("fact");
    if let Some(id) = cmp
        .fact
        .strip_prefix("indicator_band.")
        .or_else(|| cmp.fact.strip_prefix("indicator_score."))
    {
        if let Some(known) = &options.known_indicators {
            if !known.contains(id) {
                out.error(
                    "rules.unknown_indicator",
                    &fact_at,
                    crate::text::Text {
                        da: format!("ukendt indikator `{id}`: findes ikke blandt instrumenterne"),
                        en: format!("unknown indicator `{id}`: not among the instruments"),
                    },
                );
                return;
            }
        }
    }
    let Some(def) = lookup(&cmp.fact) else {
        out.error(
            "rules.unknown_fact",
            &fact_at,
            crate::text::Text {
                da: format!(
                    "ukendt faktum `{}` (se listen med coord rules facts)",
                    cmp.fact
                ),
                en: format!(
                    "unknown fact `{}` (see the list from coord rules facts)",
                    cmp.fact
                ),
            },
        );
        return;
    };
    if matches!(def.compute, Compute::Result) && !result_facts_allowed {
        out.error(
            "rules.result_fact_in_rule",
            &fact_at,
            crate::text::Text {
                da: format!(
                    "`{}` er et faktum om resultatet; kun invarianter må teste det",
                    cmp.fact
                ),
                en: format!(
                    "`{}` is a fact about the result; only invariants may test it",
                    cmp.fact
                ),
            },
        );
    }
    let op_at = at.key(cmp.test.key());
    let ordering = matches!(
        cmp.test,
        Test::Lt(_) | Test::Lte(_) | Test::Gt(_) | Test::Gte(_)
    );
    let set_op = matches!(cmp.test, Test::Contains(_) | Test::ContainsAny(_));
    let bad_op = (ordering && !matches!(def.ty, FactType::Number | FactType::Date))
        || (set_op && def.ty != FactType::Set)
        || (!set_op && !matches!(cmp.test, Test::Known(_)) && def.ty == FactType::Set);
    if bad_op {
        out.error(
            "rules.bad_operator",
            &op_at,
            crate::text::Text {
                da: format!(
                    "`{}` giver ingen mening for `{}`, et faktum af typen {}",
                    cmp.test.key(),
                    cmp.fact,
                    def.ty.name_da()
                ),
                en: format!(
                    "`{}` has no meaning for `{}`, a {} fact",
                    cmp.test.key(),
                    cmp.fact,
                    def.ty
                ),
            },
        );
        return;
    }
    if matches!(cmp.test, Test::In(ref l) | Test::NotIn(ref l) | Test::ContainsAny(ref l) if l.is_empty())
    {
        out.error(
            "rules.empty_list",
            &op_at,
            crate::text::Text::new("listen over værdier er tom", "the list of values is empty"),
        );
    }
    let many = matches!(
        cmp.test,
        Test::In(_) | Test::NotIn(_) | Test::ContainsAny(_)
    );
    for (k, lit) in cmp.test.literals().iter().enumerate() {
        let lit_at = if many { op_at.index(k) } else { op_at.clone() };
        if !lit.fits(def.ty) {
            out.error(
                "rules.type_mismatch",
                &lit_at,
                crate::text::Text {
                    da: format!(
                        "`{}` er et faktum af typen {}, men `{lit}` er af typen {}",
                        cmp.fact,
                        def.ty.name_da(),
                        crate::facts::value::type_name_da(lit.type_name())
                    ),
                    en: format!(
                        "`{}` is a {} fact, but `{lit}` is a {}",
                        cmp.fact,
                        def.ty,
                        lit.type_name()
                    ),
                },
            );
            continue;
        }
        if let Literal::Date(expr) = lit {
            check_date_expr(expr, &lit_at, out);
        }
        if let Literal::Text(word) = lit {
            if !def.words.is_empty() && !def.words.contains(&word.as_str()) {
                out.error(
                    "rules.unknown_value",
                    &lit_at,
                    crate::text::Text {
                        da: format!(
                            "`{}` antager aldrig værdien `{word}`; det antager en af: {}",
                            cmp.fact,
                            def.words.join(", ")
                        ),
                        en: format!(
                            "`{}` never takes the value `{word}`; it takes one of: {}",
                            cmp.fact,
                            def.words.join(", ")
                        ),
                    },
                );
            }
        }
    }
}

/// The period a rule can fire in.
fn period(rule: &Rule, pack: &RulePack) -> DatePeriod {
    rule.valid.unwrap_or(pack.valid)
}

fn within(inner: &DatePeriod, outer: &DatePeriod) -> bool {
    inner.from >= outer.from
        && match (inner.to, outer.to) {
            (_, None) => true,
            (Some(i), Some(o)) => i <= o,
            (None, Some(_)) => false,
        }
}

fn check_pairs(pack: &RulePack, out: &mut Findings) {
    let parts: Vec<Vec<Conj<'_>>> = pack.rules.iter().map(|r| conjuncts(&r.when)).collect();
    for (j, later) in pack.rules.iter().enumerate() {
        let at = Pointer::root().key("rules").index(j);
        for (i, earlier) in pack.rules.iter().enumerate() {
            if i == j {
                continue;
            }
            let together = || {
                period(earlier, pack).overlaps(&period(later, pack)) && {
                    let mut both = parts[i].clone();
                    both.extend(parts[j].iter().copied());
                    never_holds(&both).is_none()
                }
            };
            if i < j
                && !later.then.is_empty()
                && later.then.iter().all(|a| earlier.then.contains(a))
                && within(&period(later, pack), &period(earlier, pack))
                && parts[i]
                    .iter()
                    .all(|a| parts[j].iter().any(|b| implies(b, a)))
            {
                out.warn(
                    "rules.shadowed",
                    &at, crate::text::Text { da: format!("reglen `{}` skygges af den tidligere regel `{}`: hver gang den udløses, udløses `{}` med de samme handlinger", later.id, earlier.id, earlier.id), en: format!("rule `{}` is shadowed by the earlier rule `{}`: whenever it fires, `{}` fires with the same actions", later.id, earlier.id, earlier.id) },
                );
            }
            for (k, action) in later.then.iter().enumerate() {
                match action {
                    RuleAction::ForbidReferral(t) => {
                        let proposes = earlier
                            .then
                            .iter()
                            .any(|a| matches!(a, RuleAction::ProposeReferral(p) if p == t));
                        if proposes && together() {
                            out.warn(
                                "rules.contradictory_actions",
                                &at.key("then").index(k), crate::text::Text { da: format!("reglen `{}` forbyder henvisningen `{}`, som reglen `{}` foreslår, og begge kan udløses samtidig (forbuddet vinder)", later.id, t.word(), earlier.id), en: format!("rule `{}` forbids the referral `{}` that rule `{}` proposes, and both can fire together (the forbid wins)", later.id, t.word(), earlier.id) },
                            );
                        }
                    }
                    RuleAction::Deadline(d) if i < j => {
                        let same = earlier
                            .then
                            .iter()
                            .any(|a| matches!(a, RuleAction::Deadline(e) if e.task == d.task));
                        if same && together() {
                            out.warn(
                                "rules.duplicate_task",
                                &at.key("then").index(k), crate::text::Text { da: format!("reglerne `{}` og `{}` opretter begge en frist for `{}` og kan udløses samtidig", earlier.id, later.id, d.task), en: format!("rules `{}` and `{}` both create a deadline for `{}` and can fire together", earlier.id, later.id, d.task) },
                            );
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

/// The pack's extension grounds for a message: their codes, or that it declares none.
fn grounds_list(
    grounds: &[crate::rules::pack::ExtensionGround],
    lang: crate::category::Language,
) -> String {
    if grounds.is_empty() {
        return crate::text::pick(lang, "ingen forlængelsesgrunde", "no extension grounds")
            .to_owned();
    }
    grounds
        .iter()
        .map(|g| format!("`{}`", g.code))
        .collect::<Vec<_>>()
        .join(", ")
}
