//! The embedded demo, drawn from the seeds: runnable with no files.
//!
//! Hillerød (seed 004): a jobcenter bridge-builder sits in the rehabilitation centre once a week
//! and, with the citizen's consent, looks at rehabilitation progress — but not at diagnoses; the
//! employer never sees health information; the citizen revokes, and a later look is denied while an
//! earlier one stays permitted.

use crate::envelope::Problem;
use crate::parse::parse;
use coord_core::case_file::CaseFile;
use coord_core::consent::AccessRequest;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The Hillerød case file, as JSON text.
pub const HILLEROD_CASE_JSON: &str = include_str!("../data/demo/hillerod.json");
/// The Hillerød walkthrough requests, as JSON text.
pub const HILLEROD_REQUESTS_JSON: &str = include_str!("../data/demo/hillerod-requests.json");

/// One step of the consent walkthrough.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoRequest {
    /// What the step shows, in English.
    pub title_en: String,
    /// What the step shows, in Danish.
    pub title_da: String,
    /// The request.
    pub request: AccessRequest,
}

/// The walkthrough's consent question (a flow the Hillerød consents do not cover), as JSON text.
pub const HILLEROD_GAP_JSON: &str = include_str!("../data/demo/hillerod-gap.json");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct GapQuestion {
    question_da: String,
    question_en: String,
    flow: coord_core::consent::GapFlow,
}

/// One step of the walkthrough with its decision.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct WalkthroughStep {
    /// What the step shows, in Danish.
    pub title_da: String,
    /// What the step shows, in English.
    pub title_en: String,
    /// The decision.
    pub decision: coord_core::consent::AccessDecision,
}

/// The consent walkthrough (`coord demo --consent`): the Hillerød case, each step's decision,
/// and the consent question with its gaps.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ConsentWalkthrough {
    /// The case file.
    pub case: CaseFile,
    /// The steps, in order.
    pub steps: Vec<WalkthroughStep>,
    /// The consent question, in Danish.
    pub question_da: String,
    /// The consent question, in English.
    pub question_en: String,
    /// Which consent the question's flow lacks.
    pub consent_gaps: coord_core::consent::ConsentGapReport,
}

/// Run the walkthrough: one `access-check` call per step, then one `consent-gaps` call.
pub fn consent_walkthrough() -> crate::envelope::Answer<ConsentWalkthrough> {
    use crate::calls::consent::{
        access_check, consent_gaps_call, AccessCheckCall, ConsentGapsCall,
    };
    use crate::envelope::Answer;
    let result = (|| -> Result<ConsentWalkthrough, Vec<Problem>> {
        let case = hillerod_case().map_err(|p| vec![p])?;
        let mut steps = Vec::new();
        for step in hillerod_requests().map_err(|p| vec![p])? {
            let decision = access_check(AccessCheckCall {
                case: case.clone(),
                reference: None,
                request: step.request,
            })
            .into_result()?;
            steps.push(WalkthroughStep {
                title_da: step.title_da,
                title_en: step.title_en,
                decision,
            });
        }
        let gap: GapQuestion = parse(HILLEROD_GAP_JSON).map_err(|p| vec![p])?;
        let consent_gaps = consent_gaps_call(ConsentGapsCall {
            case: case.clone(),
            reference: None,
            flow: gap.flow,
        })
        .into_result()?;
        Ok(ConsentWalkthrough {
            case,
            steps,
            question_da: gap.question_da,
            question_en: gap.question_en,
            consent_gaps,
        })
    })();
    Answer::from_result(result)
}

/// The shared-plan example (back pain and depression on sickness benefit), as JSON text.
pub const PLAN_EXAMPLE_JSON: &str = include_str!("../data/demo/plan-example.json");

/// The shared-plan example: a plan with goals and activities from both sectors and six months of
/// WHO-5, PHQ-9, WAS and FSIII measurements.
pub fn plan_example() -> Result<CaseFile, Problem> {
    parse(PLAN_EXAMPLE_JSON)
}

/// The Hillerød case file.
pub fn hillerod_case() -> Result<CaseFile, Problem> {
    parse(HILLEROD_CASE_JSON)
}

/// The Hillerød walkthrough requests.
pub fn hillerod_requests() -> Result<Vec<DemoRequest>, Problem> {
    parse(HILLEROD_REQUESTS_JSON)
}

/// Rules demo: an ankle fracture, back after 6 weeks (uncomplicated).
pub const RULES_FRACTURE_JSON: &str = include_str!("../data/demo/rules-fracture.json");
/// Rules demo: breast cancer, back after 6 months (predictable but long).
pub const RULES_CANCER_JSON: &str = include_str!("../data/demo/rules-cancer.json");
/// Rules demo: back pain and depression, diffuse picture, weak network, no education (complex).
pub const RULES_COMPLEX_JSON: &str = include_str!("../data/demo/rules-complex.json");

/// The rules demo cases, one per coordination level, with the level each lands in on 2025-03-24
/// under the built-in 2025 pack.
pub fn rules_cases() -> Result<Vec<(CaseFile, &'static str)>, Problem> {
    Ok(vec![
        (parse(RULES_FRACTURE_JSON)?, "uncomplicated"),
        (parse(RULES_CANCER_JSON)?, "predictable_long"),
        (parse(RULES_COMPLEX_JSON)?, "complex"),
    ])
}

/// The five report cases of `coord demo`, drawn from the seeds, as (file name, JSON text).
pub const REPORT_CASES_JSON: [(&str, &str); 5] = [
    (
        "fracture.json",
        include_str!("../data/demo/report/fracture.json"),
    ),
    (
        "cancer.json",
        include_str!("../data/demo/report/cancer.json"),
    ),
    (
        "backpain-depression.json",
        include_str!("../data/demo/report/backpain-depression.json"),
    ),
    (
        "hillerod.json",
        include_str!("../data/demo/report/hillerod.json"),
    ),
    ("mona.json", include_str!("../data/demo/report/mona.json")),
];

/// The demo's list of report cases with their dates and titles, as JSON text.
pub const REPORT_DEMO_JSON: &str = include_str!("../data/demo/report/demo.json");

/// One entry of the demo list.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoEntry {
    /// The case file's name in `data/demo/report/`.
    pub file: String,
    /// The date the report is made as of.
    pub as_of: chrono::NaiveDate,
    /// What the case shows, in English.
    pub title_en: String,
    /// What the case shows, in Danish.
    pub title_da: String,
}

/// One report case of the demo, parsed.
#[derive(Debug, Clone)]
pub struct DemoCase {
    /// The entry (file, date, titles).
    pub entry: DemoEntry,
    /// The case file.
    pub case: CaseFile,
}

/// The five report cases of `coord demo`, in the demo's order.
pub fn report_cases() -> Result<Vec<DemoCase>, Problem> {
    let entries: Vec<DemoEntry> = parse(REPORT_DEMO_JSON)?;
    entries
        .into_iter()
        .map(|entry| {
            let text = REPORT_CASES_JSON
                .iter()
                .find(|(name, _)| *name == entry.file)
                .map(|(_, text)| *text)
                .ok_or_else(|| {
                    Problem::new(
                        "demo.unknown_file",
                        format!("the demo lists `{}`, which is not embedded", entry.file),
                        None,
                    )
                })?;
            let case = parse(text)?;
            Ok(DemoCase { entry, case })
        })
        .collect()
}
