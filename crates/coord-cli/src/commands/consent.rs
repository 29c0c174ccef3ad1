//! `coord consent validate | gaps | minimise`.

use super::{case, emit, reference, value};
use crate::cli::{CaseArgs, GapsArgs, MinimiseArgs};
use crate::exit::Outcome;
use crate::io::{read_json, Failure};
use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_core::consent::minimise::ReleaseRequest;
use coord_core::consent::{consent_gaps, minimise, AccessIndex, GapFlow};
use coord_core::pointer::Pointer;
use coord_json::calls::consent::{consent_validate, ConsentValidateCall};
use coord_json::envelope::Answer;
use coord_json::problems::problem;

/// Run `coord consent validate`.
pub fn validate(args: &CaseArgs) -> Result<Outcome, Failure> {
    let case: CaseFile = read_json(&args.case)?;
    let overrides = match &args.common.reference {
        Some(p) => Some(read_json(p)?),
        None => None,
    };
    let answer = consent_validate(ConsentValidateCall {
        case,
        reference: overrides,
    });
    let Answer::Success { result, .. } = answer else {
        return Err(Failure::placed(
            answer.errors().to_vec(),
            &[
                ("/case", Some(&args.case)),
                ("/reference", args.common.reference.as_deref()),
            ],
        ));
    };
    let invalid = !result.valid;
    let file = args.case.display().to_string();
    Ok(emit(args.common.format, result, invalid, |r| {
        let mut s = String::new();
        if r.valid {
            s.push_str(&format!(
                "{file}: all {} consents are valid\n",
                r.consents_checked
            ));
        } else {
            s.push_str(&format!(
                "{file}: {} problem(s) in {} consents\n",
                r.problems.len(),
                r.consents_checked
            ));
            for p in &r.problems {
                let ptr = p
                    .pointer
                    .as_deref()
                    .unwrap_or("")
                    .trim_start_matches("/case");
                s.push_str(&format!("  {ptr}: {} [{}]\n", p.message, p.code));
            }
        }
        s
    }))
}

/// Run `coord consent gaps`.
pub fn gaps(args: &GapsArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let checked = case(&args.case, &reference)?;
    let index = AccessIndex::new(&checked, &reference);
    let flow = GapFlow {
        holder: args.holder.as_str().into(),
        recipient: args.recipient.as_str().into(),
        categories: args
            .category
            .iter()
            .map(|c| value("category", c))
            .collect::<Result<_, _>>()?,
        action: value("action", &args.action)?,
        purpose: args.purpose.as_str().into(),
        at: value("at", &args.at)?,
    };
    let report = consent_gaps(&index, &flow).map_err(|e| {
        let mut p = problem(&e, &Pointer::root());
        if p.pointer.as_deref() == Some("/requester") {
            p.pointer = Some("--recipient".into());
        }
        Failure::invalid(vec![p], None)
    })?;
    let lang: Language = args.common.lang.into();
    let negative = !report.missing.is_empty() || !report.blocked.is_empty();
    let case = checked.case();
    Ok(emit(args.common.format, report, negative, |r| {
        let mut s = String::new();
        let en = lang == Language::En;
        if !r.permitted.is_empty() {
            s.push_str(if en {
                "Already permitted:\n"
            } else {
                "Allerede tilladt:\n"
            });
            s.push_str(&crate::render::outcomes(&r.permitted, lang));
        }
        if !r.blocked.is_empty() {
            s.push_str(if en {
                "Forbidden whatever the citizen consents to:\n"
            } else {
                "Forbudt uanset samtykke:\n"
            });
            s.push_str(&crate::render::outcomes(&r.blocked, lang));
        }
        if !r.missing.is_empty() {
            s.push_str(if en {
                "Missing consent:\n"
            } else {
                "Manglende samtykke:\n"
            });
            s.push_str(&crate::render::outcomes(&r.missing, lang));
        }
        match &r.suggestion {
            Some(sug) => s.push_str(&format!(
                "\n{}\n",
                if en { &sug.ask_en } else { &sug.ask_da }
            )),
            None if r.blocked.is_empty() => s.push_str(if en {
                "Nothing is missing: the flow is permitted.\n"
            } else {
                "Intet mangler: udvekslingen er tilladt.\n"
            }),
            None => {}
        }
        let _ = case;
        s
    }))
}

/// Run `coord consent minimise`.
pub fn minimise_cmd(args: &MinimiseArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let checked = case(&args.case, &reference)?;
    let index = AccessIndex::new(&checked, &reference);
    let release: ReleaseRequest = read_json(&args.release)?;
    let result = minimise(&index, &release)
        .map_err(|e| Failure::invalid(vec![problem(&e, &Pointer::root())], Some(&args.release)))?;
    let lang: Language = args.common.lang.into();
    let withheld = !result.withheld.is_empty();
    Ok(emit(args.common.format, result, withheld, |r| {
        let mut s = String::new();
        for sec in &r.released {
            s.push_str(&format!(
                "RELEASED  {} [{}]\n{}\n\n",
                sec.title,
                crate::render::category(sec.category, lang),
                sec.content
            ));
        }
        for w in &r.withheld {
            s.push_str(&format!(
                "WITHHELD  {} [{}]: {}\n",
                w.title,
                crate::render::category(w.category, lang),
                w.reason.describe(lang)
            ));
        }
        s
    }))
}
