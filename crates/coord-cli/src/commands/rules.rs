//! `coord rules check | test | facts`.

use super::{emit, overrides};
use crate::cli::{FactsArgs, RulesCheckArgs, RulesTestArgs};
use crate::exit::Outcome;
use crate::io::{read_json, write_atomically, Failure};
use coord_core::rules::{RulePack, ValidationOptions};
use coord_json::calls::rules::{
    rules_check, rules_facts, rules_test, RulesCheckCall, RulesFactsCall, RulesTestCall,
};
use coord_json::envelope::Answer;
use std::collections::BTreeSet;

/// Run `coord rules check`.
pub fn check(args: &RulesCheckArgs) -> Result<Outcome, Failure> {
    let packs = args
        .packs
        .iter()
        .map(|p| read_json::<serde_json::Value>(p))
        .collect::<Result<Vec<_>, _>>()?;
    let overrides = overrides(&args.common)?;
    let set = |v: &[String]| (!v.is_empty()).then(|| v.iter().cloned().collect::<BTreeSet<_>>());
    let answer = rules_check(RulesCheckCall {
        packs,
        reference: overrides,
        options: ValidationOptions {
            known_offers: set(&args.known_offer),
            known_indicators: set(&args.known_indicator),
        },
    });
    let Answer::Success { result, .. } = answer else {
        return Err(Failure::placed(
            answer.errors().to_vec(),
            &[("/reference", args.common.reference.as_deref())],
        ));
    };
    let schema = result.findings.iter().any(|f| f.code == "rules.schema");
    let invalid = !result.valid;
    let names: Vec<String> = args.packs.iter().map(|p| p.display().to_string()).collect();
    let lang = args.common.lang.into();
    let outcome = emit(
        args.common.format,
        lang,
        "coord rules check",
        result,
        invalid,
        |r| coord_render::rules::pack_check(r, &names, lang),
    );
    Ok(if schema {
        Outcome::InvalidInput
    } else {
        outcome
    })
}

/// Run `coord rules test`.
pub fn test(args: &RulesTestArgs) -> Result<Outcome, Failure> {
    let pack: RulePack = read_json(&args.pack)?;
    let overrides = overrides(&args.common)?;
    let seed = args.seed.unwrap_or_else(clock_seed);
    let answer = rules_test(RulesTestCall {
        pack,
        reference: overrides,
        seed,
        cases: Some(args.cases),
    });
    let Answer::Success { result, .. } = answer else {
        let failure = Failure::placed(
            answer.errors().to_vec(),
            &[
                ("/pack", Some(&args.pack)),
                ("/reference", args.common.reference.as_deref()),
            ],
        );
        return Err(failure.renamed("/cases", "--cases"));
    };
    if let (Some(path), Some(ce)) = (&args.counterexample, &result.property.counterexample) {
        let mut text = serde_json::to_string_pretty(&ce.case).unwrap_or_default();
        text.push('\n');
        write_atomically(path, text.as_bytes())?;
    }
    let failed = !result.passed;
    let pack_file = args.pack.display().to_string();
    let lang = args.common.lang.into();
    Ok(emit(
        args.common.format,
        lang,
        &pack_file,
        result,
        failed,
        |r| coord_render::rules::test_report(r, &pack_file, lang),
    ))
}

/// A seed from the clock, for runs that do not give one (it is printed so it can be reused).
fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

/// Run `coord rules facts`.
pub fn facts(args: &FactsArgs) -> Result<Outcome, Failure> {
    let answer = rules_facts(RulesFactsCall {
        reference: overrides(&args.common)?,
    });
    let result = super::answer_with(answer, &args.common, &[])?;
    let lang = args.common.lang.into();
    Ok(emit(
        args.common.format,
        lang,
        "coord rules facts",
        result,
        false,
        |r| coord_render::rules::facts(r, lang),
    ))
}
