//! `coord team`, `coord referrals`, `coord referral transition`, `coord offers list|match`,
//! `coord attendance`.

use super::{answer_with, as_of, emit, overrides, value};
use crate::cli::{AsOfArgs, AttendanceArgs, OffersListArgs, TeamArgs, TransitionArgs};
use crate::exit::Outcome;
use crate::io::{log_before_release, read_json, write_atomically, Failure};
use coord_core::attendance::AttendanceQuestion;
use coord_core::case_file::CaseFile;
use coord_core::consent::Audited;
use coord_core::referral::{NotSuccessfulReason, ReferralOutcome, Transition};
use coord_json::calls::team::{
    attendance as attendance_call, offers_list as list_call, offers_match as match_call,
    referral_transition, referrals as referrals_call, team as team_call, AttendanceCall,
    OffersListCall, OffersMatchCall, ReferralTransitionCall, ReferralsCall, TeamCall,
};
use coord_render::team as render;

/// Run `coord team`.
pub fn team(args: &TeamArgs) -> Result<Outcome, Failure> {
    let base = &args.base;
    let case: CaseFile = read_json(&base.case)?;
    let call = TeamCall {
        case: case.clone(),
        reference: overrides(&base.common)?,
        as_of: as_of(base.as_of.as_deref())?,
        required_roles: args
            .require
            .iter()
            .map(|r| value("require", r))
            .collect::<Result<_, _>>()?,
    };
    let report = answer_with(
        team_call(call),
        &base.common,
        &[("/case", Some(&base.case))],
    )?;
    let lang = base.common.lang.into();
    let negative = !report.findings.is_empty() || report.thread.actor().is_none();
    Ok(emit(
        base.common.format,
        lang,
        &case.citizen.name,
        report,
        negative,
        |r| render::team(&case, r, lang),
    ))
}

/// Run `coord referrals`.
pub fn referrals(args: &AsOfArgs) -> Result<Outcome, Failure> {
    let case: CaseFile = read_json(&args.case)?;
    let call = ReferralsCall {
        case: case.clone(),
        reference: overrides(&args.common)?,
        as_of: as_of(args.as_of.as_deref())?,
    };
    let overview = answer_with(
        referrals_call(call),
        &args.common,
        &[("/case", Some(&args.case))],
    )?;
    let lang = args.common.lang.into();
    let negative = !overview.findings.is_empty();
    Ok(emit(
        args.common.format,
        lang,
        &case.citizen.name,
        overview,
        negative,
        |o| render::referrals(&case, o, lang),
    ))
}

fn outcome_of(text: &str) -> Result<ReferralOutcome, Failure> {
    if text == "successful" {
        return Ok(ReferralOutcome::Successful);
    }
    let reason: NotSuccessfulReason = value("outcome", text)?;
    Ok(ReferralOutcome::NotSuccessful { reason })
}

/// Run `coord referral transition`: exit 1 when the send is refused for want of a permit.
pub fn transition(args: &TransitionArgs) -> Result<Outcome, Failure> {
    let call = ReferralTransitionCall {
        case: read_json(&args.case)?,
        reference: overrides(&args.common)?,
        referral: args.referral.as_str().into(),
        transition: Transition {
            to: value("to", &args.to)?,
            by: args.by.as_str().into(),
            at: value("at", &args.at)?,
            reason: args.reason.clone(),
            outcome: args.outcome.as_deref().map(outcome_of).transpose()?,
        },
    };
    let files = [
        ("/case", Some(args.case.as_path())),
        ("/transition", None),
        ("/referral", None),
    ];
    let result =
        answer_with(referral_transition(call), &args.common, &files).map_err(|mut f| {
            if f.problems.iter().any(|p| p.code == "referral.no_permit") {
                f.outcome = Outcome::Negative;
            }
            f
        })?;
    log_before_release(args.audit_log.as_deref(), || result.audit_entries())?;
    if let Some(out) = &args.out {
        let mut text = serde_json::to_string_pretty(&result.case).unwrap_or_default();
        text.push('\n');
        write_atomically(out, text.as_bytes())?;
    }
    let lang = args.common.lang.into();
    Ok(emit(
        args.common.format,
        lang,
        "coord referral transition",
        result,
        false,
        |r| render::transition(&r.case, &r.transition, lang),
    ))
}

/// Run `coord offers list`.
pub fn offers_list(args: &OffersListArgs) -> Result<Outcome, Failure> {
    let call = OffersListCall {
        reference: overrides(&args.common)?,
    };
    let catalogue = answer_with(list_call(call), &args.common, &[])?;
    let lang = args.common.lang.into();
    Ok(emit(
        args.common.format,
        lang,
        "coord offers",
        catalogue,
        false,
        |c| coord_render::offers::catalogue(c, lang),
    ))
}

/// Run `coord offers match`.
pub fn offers_match(args: &AsOfArgs) -> Result<Outcome, Failure> {
    let case: CaseFile = read_json(&args.case)?;
    let call = OffersMatchCall {
        case: case.clone(),
        reference: overrides(&args.common)?,
        as_of: as_of(args.as_of.as_deref())?,
    };
    let result = answer_with(
        match_call(call),
        &args.common,
        &[("/case", Some(&args.case))],
    )?;
    let lang = args.common.lang.into();
    Ok(emit(
        args.common.format,
        lang,
        &case.citizen.name,
        result,
        false,
        |m| coord_render::offers::offer_match(&case, m, lang),
    ))
}

/// Run `coord attendance`.
pub fn attendance(args: &AttendanceArgs) -> Result<Outcome, Failure> {
    let call = AttendanceCall {
        case: read_json(&args.case)?,
        reference: overrides(&args.common)?,
        question: AttendanceQuestion {
            offer: args.offer.as_str().into(),
            holder: args.holder.as_str().into(),
            recipient: args.recipient.as_str().into(),
            purpose: args.purpose.as_str().into(),
            at: value("at", &args.at)?,
        },
    };
    let files = [("/case", Some(args.case.as_path())), ("/question", None)];
    let result = answer_with(attendance_call(call), &args.common, &files)?;
    log_before_release(args.audit_log.as_deref(), || result.audit_entries())?;
    let lang = args.common.lang.into();
    let withheld = !result.is_reported();
    Ok(emit(
        args.common.format,
        lang,
        "coord attendance",
        result,
        withheld,
        |a| render::attendance(&a.answer, lang),
    ))
}
