//! `coord team`, `coord referrals`, `coord referral transition`, `coord offers list|match`,
//! `coord attendance`, `coord calendar add-working-days`: read, call the core, render.

use super::{case, emit, reference, value};
use crate::cli::{
    AddWorkingDaysArgs, AsOfArgs, AttendanceArgs, OffersListArgs, TeamArgs, TransitionArgs,
};
use crate::exit::Outcome;
use crate::io::{read_json, write_atomically, Failure};
use crate::render_team as render;
use chrono::NaiveDate;
use coord_core::attendance::{attendance_report, AttendanceAnswer, AttendanceQuestion};
use coord_core::case_file::CaseFile;
use coord_core::category::Language;
use coord_core::consent::AccessIndex;
use coord_core::offers::match_offers_for_case;
use coord_core::party::Role;
use coord_core::pointer::Pointer;
use coord_core::referral::{referral_overview, NotSuccessfulReason, ReferralOutcome, Transition};
use coord_core::team::team_report;
use coord_json::calls::team::{referral_transition, ReferralTransitionCall};
use coord_json::envelope::{Answer, Problem};
use coord_json::problems::problem;

/// The evaluation date: `--as-of`, or today.
fn as_of(flag: &Option<String>) -> Result<NaiveDate, Failure> {
    super::as_of(flag.as_deref())
}

/// Run `coord team`.
pub fn team(args: &TeamArgs) -> Result<Outcome, Failure> {
    let base = &args.base;
    let reference = reference(&base.common)?;
    let checked = case(&base.case, &reference)?;
    let day = as_of(&base.as_of)?;
    let required: Vec<Role> = args
        .require
        .iter()
        .map(|r| value("require", r))
        .collect::<Result<_, _>>()?;
    let report = team_report(checked.case(), &required, day);
    let lang: Language = base.common.lang.into();
    let negative = !report.findings.is_empty() || report.thread.actor().is_none();
    Ok(emit(base.common.format, report, negative, |r| {
        render::team(checked.case(), r, lang)
    }))
}

/// Run `coord referrals`.
pub fn referrals(args: &AsOfArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let checked = case(&args.case, &reference)?;
    let day = as_of(&args.as_of)?;
    let index = AccessIndex::new(&checked, &reference);
    let overview = referral_overview(&index, &reference.offers, &reference.calendar, day);
    let lang: Language = args.common.lang.into();
    let negative = !overview.findings.is_empty();
    Ok(emit(args.common.format, overview, negative, |o| {
        render::referrals(checked.case(), o, lang)
    }))
}

fn outcome_of(text: &str) -> Result<ReferralOutcome, Failure> {
    if text == "successful" {
        return Ok(ReferralOutcome::Successful);
    }
    let reason: NotSuccessfulReason = value("outcome", text)?;
    Ok(ReferralOutcome::NotSuccessful { reason })
}

/// Run `coord referral transition`.
pub fn transition(args: &TransitionArgs) -> Result<Outcome, Failure> {
    let case: CaseFile = read_json(&args.case)?;
    let overrides = match &args.common.reference {
        Some(p) => Some(read_json(p)?),
        None => None,
    };
    let step = Transition {
        to: value("to", &args.to)?,
        by: args.by.as_str().into(),
        at: value("at", &args.at)?,
        reason: args.reason.clone(),
        outcome: args.outcome.as_deref().map(outcome_of).transpose()?,
    };
    let answer = referral_transition(ReferralTransitionCall {
        case,
        reference: overrides,
        referral: args.referral.as_str().into(),
        transition: step,
    });
    let result = match answer {
        Answer::Success { result, .. } => result,
        Answer::Failure { errors, .. } => {
            // Place the problems on the command line's flags where they came from.
            let problems: Vec<Problem> = errors
                .into_iter()
                .map(|mut p| {
                    p.pointer = p.pointer.map(|ptr| flag_of(&ptr));
                    p
                })
                .collect();
            let no_permit = problems.iter().any(|p| p.code == "referral.no_permit");
            let in_file = problems
                .iter()
                .any(|p| p.pointer.as_deref().is_some_and(|ptr| ptr.starts_with('/')));
            let mut failure = Failure::invalid(problems, in_file.then_some(args.case.as_path()));
            if no_permit {
                failure.outcome = Outcome::Negative;
            }
            return Err(failure);
        }
    };
    if let Some(out) = &args.out {
        let mut text = serde_json::to_string_pretty(&result.case).unwrap_or_default();
        text.push('\n');
        write_atomically(out, text.as_bytes())?;
    }
    let lang: Language = args.common.lang.into();
    let case = result.case.clone();
    Ok(emit(args.common.format, result, false, |r| {
        render::transition(&case, &r.transition, lang)
    }))
}

/// `/transition/to` → `--to`; a case-file pointer stays as it is (without the `/case` prefix).
fn flag_of(pointer: &str) -> String {
    match pointer.strip_prefix("/transition/") {
        Some(field) => format!("--{field}"),
        None if pointer == "/referral" => "--referral".to_owned(),
        None => pointer.strip_prefix("/case").unwrap_or(pointer).to_owned(),
    }
}

/// Run `coord offers list`.
pub fn offers_list(args: &OffersListArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let lang: Language = args.common.lang.into();
    Ok(emit(args.common.format, reference.offers, false, |c| {
        render::catalogue(c, lang)
    }))
}

/// Run `coord offers match`.
pub fn offers_match(args: &AsOfArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let checked = case(&args.case, &reference)?;
    let day = as_of(&args.as_of)?;
    let result = match_offers_for_case(checked.case(), &reference.offers, day);
    let lang: Language = args.common.lang.into();
    Ok(emit(args.common.format, result, false, |m| {
        render::offer_match(checked.case(), m, lang)
    }))
}

/// Run `coord attendance`.
pub fn attendance(args: &AttendanceArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let checked = case(&args.case, &reference)?;
    let index = AccessIndex::new(&checked, &reference);
    let question = AttendanceQuestion {
        offer: args.offer.as_str().into(),
        holder: args.holder.as_str().into(),
        recipient: args.recipient.as_str().into(),
        purpose: args.purpose.as_str().into(),
        at: value("at", &args.at)?,
    };
    let answer = attendance_report(&index, &reference.offers, &question, &Pointer::root())
        .map_err(|e| {
            let mut p = problem(&e, &Pointer::root());
            p.pointer = p
                .pointer
                .map(|ptr| format!("--{}", ptr.trim_start_matches('/')));
            Failure::invalid(vec![p], None)
        })?;
    let lang: Language = args.common.lang.into();
    let withheld = matches!(answer, AttendanceAnswer::Withheld { .. });
    Ok(emit(args.common.format, answer, withheld, |a| {
        render::attendance(a, lang)
    }))
}

/// Run `coord calendar add-working-days`.
pub fn add_working_days(args: &AddWorkingDaysArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let from: NaiveDate = value("date", &args.date)?;
    let answer = reference.calendar.explain_add(from, args.n);
    let lang: Language = args.common.lang.into();
    Ok(emit(args.common.format, answer, false, |a| {
        render::working_days(a, lang)
    }))
}
