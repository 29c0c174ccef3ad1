//! `coord business-case`: the benefit weeks an intervention saves, valued at the weekly
//! sickness-benefit rate, against its cost (one `business-case` call).

use super::{answer, emit};
use crate::cli::{Format, Lang};
use crate::exit::Outcome;
use crate::io::{read_json, Failure};
use clap::Args;
use coord_core::stats::{BusinessCaseSettings, DisclosureSettings, Intervention, WeeklyRate};
use coord_json::calls::business::{business_case_call, BusinessCaseCall};
use coord_json::envelope::Problem;
use std::path::PathBuf;

/// `coord business-case`.
#[derive(Debug, Clone, Args)]
pub struct BusinessCaseArgs {
    /// The partial aggregate whose cells are the strata (`-` for standard input), e.g. made with
    /// `coord stats partial --by target_group,level`.
    pub partial: PathBuf,
    /// The intervention: `offer:ID` (a referral to the offer the citizen took part in) or
    /// `role:ROLE` (a member of the care team with the role).
    #[arg(long, value_name = "offer:ID|role:ROLE")]
    pub intervention: String,
    /// The intervention's cost per citizen, in kroner.
    #[arg(long, value_name = "DKK")]
    pub cost: Option<f64>,
    /// The weekly sickness-benefit rate in kroner, instead of the built-in dated setting.
    #[arg(long, value_name = "DKK")]
    pub weekly_rate: Option<f64>,
    /// A settings file (JSON: weekly_rate with its dates and source, cost_per_citizen_dkk,
    /// rate_range, cost_range); the flags override it.
    #[arg(long, value_name = "FILE")]
    pub settings: Option<PathBuf>,
    /// The sensitivity range of the weekly rate, a share (default 0.1: ± 10 %).
    #[arg(long, value_name = "SHARE")]
    pub rate_range: Option<f64>,
    /// The sensitivity range of the cost, a share (default 0.2: ± 20 %).
    #[arg(long, value_name = "SHARE")]
    pub cost_range: Option<f64>,
    /// The smallest number of citizens a published group may count.
    #[arg(long, default_value_t = coord_core::stats::report::DEFAULT_K)]
    pub k: u32,
    /// Means are hidden when one value holds more than this share of the observations.
    #[arg(long, default_value_t = coord_core::stats::report::DEFAULT_DOMINANCE)]
    pub dominance: f64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Language of labels in text output.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
}

fn usage(message: &str) -> Failure {
    Failure {
        outcome: Outcome::Usage,
        problems: vec![Problem::new("usage", message, None)],
        file: None,
        files: Vec::new(),
    }
}

/// Run `coord business-case`.
pub fn run(args: &BusinessCaseArgs) -> Result<Outcome, Failure> {
    let intervention = Intervention::parse(&args.intervention).ok_or_else(|| {
        usage("--intervention: expected offer:ID or role:ROLE (a name of 1 to 128 characters)")
    })?;
    let partial = super::stats::read_partial(&args.partial)?;
    let mut settings: BusinessCaseSettings = match &args.settings {
        Some(path) => read_json(path)?,
        None => BusinessCaseSettings::default(),
    };
    if let Some(r) = args.weekly_rate {
        settings.weekly_rate = Some(WeeklyRate::given(r));
    }
    settings.cost_per_citizen_dkk = args.cost.or(settings.cost_per_citizen_dkk);
    settings.rate_range = args.rate_range.or(settings.rate_range);
    settings.cost_range = args.cost_range.or(settings.cost_range);
    let call = BusinessCaseCall {
        partial,
        intervention,
        settings,
        disclosure: Some(DisclosureSettings {
            k: args.k,
            dominance: args.dominance,
        }),
    };
    let files = [
        ("/partial", Some(args.partial.as_path())),
        ("/settings", args.settings.as_deref()),
        ("/disclosure", None),
    ];
    let result = answer(business_case_call(call), &files)?;
    let lang = args.lang.into();
    let title = coord_core::text::pick(lang, "Gevinstberegning", "Business case");
    Ok(emit(args.format, lang, title, result, false, |b| {
        coord_render::business::business_case(b, lang)
    }))
}
