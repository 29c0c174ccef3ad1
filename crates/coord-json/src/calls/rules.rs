//! Calls about referral and coordination rules: check a pack, test a pack, evaluate a case, list
//! the facts.

use super::check_case;
use super::pack_ref::{resolve_pack, PackRef};
use crate::envelope::{Answer, Problem};
use crate::parse::{from_value, parse};
use crate::reference::ReferenceOverrides;
use crate::shared::Shared;
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::facts::{listing, FactListing};
use coord_core::pointer::Pointer;
use coord_core::reference::ReferenceData;
use coord_core::rules::compile::CompiledPack;
use coord_core::rules::evaluate::Evaluation;
use coord_core::rules::law::{choose_law, evaluate_under_law, evaluate_under_law_facts, LawChoice};
use coord_core::rules::reports::test_pack;
use coord_core::rules::validate::{has_errors, join, validate_packs};
use coord_core::rules::{PackFinding, RulePack, Severity, ValidationOptions};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The jurisdiction used when a call does not name one.
pub const DEFAULT_JURISDICTION: &str = "DK";
/// How many cases `rules test` generates when not told.
pub const DEFAULT_CASES: u32 = 10_000;

/// Validate rule packs (together: overlapping periods are checked across them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesCheckCall {
    /// The packs, as JSON values (a pack that does not parse is reported as `rules.schema`).
    pub packs: Vec<serde_json::Value>,
    /// Reference data replacing built-in parts (the consent policy checks example cases).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// Known offer and indicator ids to check names against.
    #[serde(default)]
    pub options: ValidationOptions,
}

pub use coord_core::rules::{PackCheck, PackTestReport};

/// Parse packs from JSON values; schema errors become `rules.schema` findings.
pub fn parse_packs(values: Vec<serde_json::Value>) -> (Vec<RulePack>, Vec<PackFinding>) {
    let mut packs = Vec::new();
    let mut findings = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        match from_value::<RulePack>(value) {
            Ok(p) => packs.push(p),
            Err(problem) => findings.push(schema_finding(&problem, &Pointer::root().index(i))),
        }
    }
    (packs, findings)
}

/// A parse problem as a `rules.schema` finding under `base`.
pub fn schema_finding(problem: &Problem, base: &Pointer) -> PackFinding {
    let pointer = join(
        base,
        &Pointer::parse(problem.pointer.as_deref().unwrap_or("")),
    );
    PackFinding {
        severity: Severity::Error,
        code: "rules.schema".to_owned(),
        pack: None,
        pointer,
        message: problem.message.clone(),
        // The reader's messages are English only; the Danish sentence says what is wrong and
        // carries the English detail marked as such.
        message_da: format!(
            "regelsættet følger ikke skemaet på dette sted (detaljer på engelsk: {})",
            problem.message
        ),
    }
}

/// Check rule packs.
pub fn rules_check(call: RulesCheckCall) -> Answer<PackCheck> {
    super::with_builtin(call, rules_check_with)
}

/// Check rule packs.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn rules_check_with(shared: &Shared, call: RulesCheckCall) -> Answer<PackCheck> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let n = call.packs.len();
        let (packs, mut findings) = parse_packs(call.packs);
        if packs.len() == n {
            findings.extend(validate_packs(&packs, &reference, &call.options));
        }
        Ok(summarise(findings))
    })())
}

/// Count a list of findings (see [`PackCheck::summarise`]); their messages are
/// [redacted](crate::problems::redact): no pack value leaves in a finding.
pub fn summarise(mut findings: Vec<PackFinding>) -> PackCheck {
    for f in &mut findings {
        f.message = crate::problems::redact(&f.message);
        f.message_da = crate::problems::redact(&f.message_da);
    }
    PackCheck::summarise(findings)
}

/// Findings with errors as problems (for calls that refuse an invalid pack).
pub fn finding_problems(findings: &[PackFinding], base: &Pointer) -> Vec<Problem> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| {
            let pointer = join(base, &f.pointer).to_string();
            let message = crate::problems::redact(&f.message);
            Problem::new(f.code.clone(), message, Some(pointer))
        })
        .collect()
}

/// Evaluate a case against a rule pack as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluateCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts (including the rule packs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// A pack to use instead of the one in force in the reference data: its id there, or a pack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<PackRef>,
    /// The jurisdiction whose pack in force is used (default `DK`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// Include a trace per rule.
    #[serde(default)]
    pub explain: bool,
}

/// Refuse a jurisdiction no pack of the reference data is for, when no pack is given: a typing
/// error there is an input error (exit 3), not "no law in force", and the jurisdiction the user
/// typed is never repeated.
pub fn check_jurisdiction(
    reference: &ReferenceData,
    given: Option<&RulePack>,
    jurisdiction: &str,
) -> Result<(), Vec<Problem>> {
    if given.is_some()
        || coord_core::rules::law::jurisdiction_known(&reference.rule_packs, jurisdiction)
    {
        return Ok(());
    }
    Err(vec![Problem::new(
        "rules.unknown_jurisdiction",
        "no rule pack for the jurisdiction asked exists in the reference data; name a jurisdiction the reference data has (DK) or give a pack with --pack",
        Some("/jurisdiction".to_owned()),
    )])
}

/// Evaluate a case under the law chosen by the core: the pack given, else the pack in force for
/// the jurisdiction on the date; with none, an evaluation that assesses nothing, with a banner.
pub fn evaluate_call(call: EvaluateCall) -> Answer<Evaluation> {
    super::with_builtin(call, evaluate_call_with)
}

/// Evaluate a case.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn evaluate_call_with(shared: &Shared, call: EvaluateCall) -> Answer<Evaluation> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let jurisdiction = call.jurisdiction.as_deref().unwrap_or(DEFAULT_JURISDICTION);
        let given = resolve_pack(call.pack, &reference, &Pointer::root().key("pack"))?;
        check_jurisdiction(&reference, given.as_ref(), jurisdiction)?;
        let checked = check_case(call.case, &reference)?;
        let choice = choose_law(
            &reference.rule_packs,
            given.as_ref(),
            jurisdiction,
            call.as_of,
        );
        Ok(evaluate_under_law(
            &choice,
            &reference.rule_packs,
            &checked,
            &reference,
            call.explain,
        ))
    })())
}

/// Evaluate a case file given as a document of its own under the law chosen by the core (the
/// pack given, checked; else the pack in force; else nothing assessed, with a banner).
pub fn evaluate_document(
    case: CaseFile,
    reference: &ReferenceData,
    given: Option<PackRef>,
    jurisdiction: &str,
    as_of: NaiveDate,
    explain: bool,
) -> Answer<Evaluation> {
    Answer::from_result((|| {
        let given = resolve_pack(given, reference, &Pointer::root())?;
        check_jurisdiction(reference, given.as_ref(), jurisdiction)?;
        let checked = super::check_case_document(case, reference)?;
        let choice = choose_law(&reference.rule_packs, given.as_ref(), jurisdiction, as_of);
        Ok(evaluate_under_law(
            &choice,
            &reference.rule_packs,
            &checked,
            reference,
            explain,
        ))
    })())
}

/// Evaluate one case given as a document of its own (NDJSON line) under the law chosen, with
/// reference fixed (compile the chosen pack once with [`CompiledPack::for_law`]; `None` when no
/// pack applies).
pub fn evaluate_line(
    line: &str,
    law: &LawChoice<'_>,
    pack: Option<&CompiledPack<'_>>,
    reference: &ReferenceData,
    explain: bool,
) -> Answer<Evaluation> {
    match parse::<CaseFile>(line) {
        Ok(case) => evaluate_case(case, law, pack, reference, explain),
        Err(p) => Answer::failure(vec![p]),
    }
}

/// Evaluate one parsed case file (pointers from its root) under the law chosen, with reference
/// fixed.
pub fn evaluate_case(
    case: CaseFile,
    law: &LawChoice<'_>,
    pack: Option<&CompiledPack<'_>>,
    reference: &ReferenceData,
    explain: bool,
) -> Answer<Evaluation> {
    match CheckedCase::new(case, reference) {
        Ok(checked) => Answer::success(match pack {
            Some(compiled) => {
                let facts = compiled.facts(&checked, reference, law.as_of);
                evaluate_under_law_facts(
                    law,
                    &reference.rule_packs,
                    &checked,
                    reference,
                    &facts,
                    explain,
                )
            }
            None => evaluate_under_law(law, &reference.rule_packs, &checked, reference, explain),
        }),
        Err(errors) => Answer::failure(crate::problems::problems(&errors, &Pointer::root())),
    }
}

/// Test a rule pack: its example tests and its invariants on generated cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesTestCall {
    /// The pack.
    pub pack: RulePack,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The seed for generated cases (the same seed gives the same cases).
    pub seed: u64,
    /// How many cases to generate (default 10,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cases: Option<u32>,
}

/// Test a pack (the pack must pass the validator first).
pub fn rules_test(call: RulesTestCall) -> Answer<PackTestReport> {
    super::with_builtin(call, rules_test_with)
}

/// Test a pack (the pack must pass the validator first).
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn rules_test_with(shared: &Shared, call: RulesTestCall) -> Answer<PackTestReport> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let findings =
            coord_core::rules::validate_pack(&call.pack, &reference, &ValidationOptions::default());
        if has_errors(&findings) {
            return Err(finding_problems(&findings, &Pointer::root().key("pack")));
        }
        let cases = call.cases.unwrap_or(DEFAULT_CASES);
        coord_core::limits::within(
            i64::from(cases),
            coord_core::limits::MAX_TEST_CASES,
            coord_core::limits::Counted::Cases,
            &Pointer::root().key("cases"),
        )
        .map_err(|e| vec![crate::problems::problem(&e, &Pointer::root())])?;
        Ok(test_pack(&call.pack, &reference, call.seed, cases))
    })())
}

/// List the facts and the vocabularies (with a municipality's additions from `reference`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesFactsCall {
    /// Reference data replacing built-in parts (vocabulary entries are added).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
}

/// The fact catalogue and the vocabularies.
pub fn rules_facts(call: RulesFactsCall) -> Answer<FactListing> {
    Answer::from_result((|| {
        let reference = crate::reference::resolve(call.reference)?;
        Ok(listing(&reference.vocabularies))
    })())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_cases_land_in_their_levels_through_the_call() {
        for (case, level) in crate::demo::rules_cases().unwrap() {
            let answer = evaluate_call(EvaluateCall {
                case,
                reference: None,
                pack: None,
                jurisdiction: None,
                as_of: "2025-03-24".parse().unwrap(),
                explain: false,
            });
            let result = answer.result().unwrap();
            assert_eq!(result.level.as_ref().unwrap().level.word(), level);
        }
    }

    #[test]
    fn no_pack_in_force_is_a_banner_and_schema_errors_are_problems_with_pointers() {
        let (case, _) = crate::demo::rules_cases().unwrap().remove(0);
        let answer = evaluate_call(EvaluateCall {
            case,
            reference: None,
            pack: None,
            jurisdiction: None,
            as_of: "2013-03-01".parse().unwrap(),
            explain: false,
        });
        let result = answer.result().unwrap();
        let law = result.law.as_ref().unwrap();
        assert!(law.pack.is_none() && result.level.is_none() && result.fired.is_empty());
        assert_eq!(
            law.banner.as_ref().unwrap().en,
            "no rule pack for DK is in force on 1 March 2013: coordination level and legal deadlines are not assessed"
        );
        let check = rules_check(RulesCheckCall {
            packs: vec![serde_json::json!({ "id": "p", "rules": [] })],
            reference: None,
            options: ValidationOptions::default(),
        });
        let result = check.result().unwrap();
        assert!(!result.valid);
        assert_eq!(result.findings[0].code, "rules.schema");
        // The first pack given, at its root (the pointer is inside the pack, never led by `/0`).
        assert_eq!(result.findings[0].pack, Some(0));
        assert_eq!(result.findings[0].pointer.to_string(), "");
    }
}
