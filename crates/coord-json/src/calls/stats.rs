//! Statistics calls: `summarise` (one row per course), `stats-partial` (rows into a partial
//! aggregate), `stats-merge` (partials into one) and `stats-report` (published tables with
//! disclosure control). All computing is coord-core's (`coord_core::stats`).

use super::pack_ref::{resolve_pack, PackRef};
use super::rules::DEFAULT_JURISDICTION;
use crate::envelope::{Answer, Problem};
use crate::ndjson::{Lines, TypedLines};
use crate::problems::problem;
use crate::reference::{resolve, ReferenceOverrides};
use crate::shared::Shared;
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::pointer::Pointer;
use coord_core::reference::ReferenceData;
use coord_core::rules::compile::CompiledPack;
use coord_core::rules::law::{choose_law, LawChoice};
use coord_core::stats::{
    stats_report, summarise, CourseSummary, Dimension, DisclosureSettings, Partial, StatsError,
    StatsReport, SummaryLaw,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::io::BufRead;

/// Summarise courses as of a date: one row each, under the pack given or the pack in force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SummariseCall {
    /// The case files.
    pub cases: Vec<CaseFile>,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// A rule pack to use instead of the one in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<PackRef>,
    /// The jurisdiction whose pack in force is used (default `DK`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// The date the rows are made as of.
    pub as_of: NaiveDate,
}

/// One summary row per case, in the order given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Summaries {
    /// The rows.
    pub rows: Vec<CourseSummary>,
}

/// Summarise the cases.
pub fn summarise_call(call: SummariseCall) -> Answer<Summaries> {
    super::with_builtin(call, summarise_call_with)
}

/// Summarise the cases, with reference data shared by many calls.
pub fn summarise_call_with(shared: &Shared, call: SummariseCall) -> Answer<Summaries> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let jurisdiction = call.jurisdiction.as_deref().unwrap_or(DEFAULT_JURISDICTION);
        let given = resolve_pack(call.pack, &reference, &Pointer::root().key("pack"))?;
        super::rules::check_jurisdiction(&reference, given.as_ref(), jurisdiction)?;
        let law = choose_law(
            &reference.rule_packs,
            given.as_ref(),
            jurisdiction,
            call.as_of,
        );
        let compiled = law
            .pack
            .map(|p| CompiledPack::for_law(p, &reference.rule_packs));
        let mut rows = Vec::with_capacity(call.cases.len());
        let mut problems = Vec::new();
        for (i, case) in call.cases.into_iter().enumerate() {
            let at = Pointer::root().key("cases").index(i);
            match summarise_one(case, reference.as_ref(), &law, compiled.as_ref(), &at) {
                Ok(row) => rows.push(row),
                Err(p) => problems.extend(p),
            }
        }
        if problems.is_empty() {
            Ok(Summaries { rows })
        } else {
            Err(problems)
        }
    })())
}

fn summarise_one(
    case: CaseFile,
    reference: &ReferenceData,
    law: &LawChoice<'_>,
    compiled: Option<&CompiledPack<'_>>,
    at: &Pointer,
) -> Result<CourseSummary, Vec<Problem>> {
    let checked = coord_core::check::CheckedCase::new(case, reference)
        .map_err(|e| crate::problems::problems(&e, at))?;
    summarise(&checked, reference, SummaryLaw { law, compiled }).map_err(|e| vec![problem(&e, at)])
}

/// Summarise one case file per NDJSON line under the law chosen once for `as_of`; `run` gets the
/// lines.
pub fn summarise_lines<T>(
    reference: Option<ReferenceOverrides>,
    pack: Option<PackRef>,
    jurisdiction: &str,
    as_of: NaiveDate,
    run: impl FnOnce(&dyn Lines) -> T,
) -> Result<T, Vec<Problem>> {
    let reference = resolve(reference)?;
    let given = resolve_pack(pack, &reference, &Pointer::root())?;
    super::rules::check_jurisdiction(&reference, given.as_ref(), jurisdiction)?;
    let law = choose_law(&reference.rule_packs, given.as_ref(), jurisdiction, as_of);
    let compiled = law
        .pack
        .map(|p| CompiledPack::for_law(p, &reference.rule_packs));
    let lines = TypedLines::with_own_id(|case: CaseFile| {
        Answer::from_result(summarise_one(
            case,
            &reference,
            &law,
            compiled.as_ref(),
            &Pointer::root(),
        ))
    });
    Ok(run(&lines))
}

/// Count summary rows into a partial aggregate by up to four dimensions (two for a report; the
/// municipality and three strata for a benchmark).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatsPartialCall {
    /// The dimensions (at most four, different).
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    /// The rows (all made as of one date).
    pub rows: Vec<CourseSummary>,
}

/// A statistics error as a problem at `pointer`.
pub(crate) fn stats_problem(e: &StatsError, pointer: &str) -> Problem {
    let code = match e {
        StatsError::Dimensions => "stats.dimensions",
        StatsError::DimensionsDiffer => "stats.dimensions_differ",
        StatsError::ReportDimensions => "stats.report_dimensions",
        StatsError::BenchmarkDimensions => "stats.benchmark_dimensions",
        StatsError::DatesDiffer | StatsError::RowDateDiffers => "stats.dates_differ",
        StatsError::KeyLength => "stats.key_length",
        StatsError::DuplicateKey => "stats.duplicate_key",
        StatsError::InterventionCounts => "stats.intervention_counts",
        _ => "stats.invalid",
    };
    Problem::new(code, e.to_string(), Some(pointer.to_owned()))
}

/// Make the partial.
pub fn stats_partial(call: StatsPartialCall) -> Answer<Partial> {
    Answer::from_result(Partial::of_rows(call.dimensions, &call.rows).map_err(|e| {
        let at = if matches!(e, StatsError::Dimensions) {
            "/dimensions"
        } else {
            "/rows"
        };
        vec![stats_problem(&e, at)]
    }))
}

/// What [`partial_of_answer_lines`] read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialRead {
    /// The partial of every successful row.
    pub partial: Partial,
    /// Lines read (blank lines left out).
    pub lines: u64,
    /// Failed answers skipped (their courses are not counted).
    pub skipped: u64,
}

#[derive(Deserialize)]
struct AnswerLine {
    status: String,
    #[serde(default)]
    result: Option<CourseSummary>,
}

/// Count the answers of `coord summarise --ndjson` (one answer envelope per line) into a partial,
/// streaming: rows are counted as they are read, never held. A failed answer is skipped and
/// counted; a line that is not a summarise answer is a problem naming its line (`Ok(Err)`). I/O
/// failures are `Err`.
pub fn partial_of_answer_lines(
    dimensions: Vec<Dimension>,
    input: impl BufRead,
) -> std::io::Result<Result<PartialRead, Vec<Problem>>> {
    let mut whole = match Partial::empty(dimensions.clone()) {
        Ok(p) => p,
        Err(e) => return Ok(Err(vec![stats_problem(&e, "--by")])),
    };
    let mut batch: Vec<CourseSummary> = Vec::with_capacity(4096);
    let (mut lines, mut skipped) = (0u64, 0u64);
    let flush = |whole: &mut Partial, batch: &mut Vec<CourseSummary>, line: u64| {
        let part = Partial::of_rows(dimensions.clone(), batch.iter())
            .and_then(|p| whole.merge(&p))
            .map_err(|e| {
                let mut p = stats_problem(&e, "/result/as_of");
                p.line = Some(line);
                vec![p]
            })?;
        *whole = part;
        batch.clear();
        Ok::<(), Vec<Problem>>(())
    };
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        let number = n as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        let parsed: AnswerLine = match serde_json::from_str(&line) {
            Ok(a) => a,
            Err(_) => {
                let mut p = match crate::parse::parse::<AnswerLine>(&line) {
                    Err(p) => p,
                    Ok(_) => Problem::new("json.invalid", "not a summarise answer", None),
                };
                p.line = Some(number);
                return Ok(Err(vec![p]));
            }
        };
        match (parsed.status.as_str(), parsed.result) {
            ("success", Some(row)) => batch.push(row),
            ("failure", _) => skipped += 1,
            _ => {
                return Ok(Err(vec![Problem {
                    code: "stats.not_a_summary".into(),
                    message: "expected an answer of summarise: a status and, on success, a result"
                        .into(),
                    pointer: Some("/result".into()),
                    line: Some(number),
                }]))
            }
        }
        if batch.len() == batch.capacity() {
            if let Err(p) = flush(&mut whole, &mut batch, number) {
                return Ok(Err(p));
            }
        }
    }
    if let Err(p) = flush(&mut whole, &mut batch, lines) {
        return Ok(Err(p));
    }
    Ok(Ok(PartialRead {
        partial: whole,
        lines,
        skipped,
    }))
}

/// Merge partial aggregates (all by the same dimensions and made as of the same date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatsMergeCall {
    /// The partials (at least one).
    pub partials: Vec<Partial>,
}

/// Merge the partials.
pub fn stats_merge(call: StatsMergeCall) -> Answer<Partial> {
    Answer::from_result((|| {
        let Some(first) = call.partials.first() else {
            return Err(vec![Problem::new(
                "stats.no_partials",
                "give at least one partial",
                Some("/partials".to_owned()),
            )]);
        };
        for (i, p) in call.partials.iter().enumerate() {
            p.validate()
                .map_err(|e| vec![stats_problem(&e, &format!("/partials/{i}"))])?;
        }
        let dims = first.dimensions.clone();
        let mut whole = Partial::empty(dims).map_err(|e| vec![stats_problem(&e, "/partials/0")])?;
        for (i, p) in call.partials.iter().enumerate() {
            whole = whole
                .merge(p)
                .map_err(|e| vec![stats_problem(&e, &format!("/partials/{i}"))])?;
        }
        Ok(whole)
    })())
}

/// Make the published report of a (merged) partial.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatsReportCall {
    /// The partial.
    pub partial: Partial,
    /// Disclosure settings (default k = 5, dominance 0.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<DisclosureSettings>,
}

/// Make the report.
pub fn stats_report_call(call: StatsReportCall) -> Answer<StatsReport> {
    Answer::from_result((|| {
        call.partial
            .validate()
            .map_err(|e| vec![stats_problem(&e, "/partial")])?;
        let settings = call.disclosure.unwrap_or_default();
        if !(0.0..=1.0).contains(&settings.dominance) {
            return Err(vec![Problem::new(
                "stats.dominance",
                "the dominance limit is a share between 0 and 1",
                Some("/disclosure/dominance".to_owned()),
            )]);
        }
        stats_report(&call.partial, settings)
            .map_err(|e| vec![stats_problem(&e, "/partial/dimensions")])
    })())
}

/// A partial as a document of its own: the partial itself, or an answer envelope holding one (what
/// `coord stats partial|merge --format json` print).
pub fn parse_partial_document(text: &str) -> Result<Partial, Problem> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "fields read only to accept the envelope's shape")]
    struct Envelope {
        version: String,
        status: String,
        result: Partial,
        #[serde(default)]
        warnings: Vec<serde_json::Value>,
    }
    if text.contains("\"status\"") {
        if let Ok(e) = serde_json::from_str::<Envelope>(text) {
            return Ok(e.result);
        }
        return crate::parse::parse::<Envelope>(text).map(|e| e.result);
    }
    crate::parse::parse::<Partial>(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calls::generate::{generate, GenerateCall};

    fn cases(n: u64) -> Vec<CaseFile> {
        let call = GenerateCall {
            cases: n,
            seed: 5,
            first: 0,
            municipalities: Some(4),
            as_of: "2026-12-01".parse().unwrap(),
            wrap: None,
        };
        generate(call).result().unwrap().cases.clone()
    }

    #[test]
    fn generated_cases_summarise_with_returns_measurements_and_no_ids() {
        let call = SummariseCall {
            cases: cases(300),
            reference: None,
            pack: None,
            jurisdiction: None,
            as_of: "2026-12-01".parse().unwrap(),
        };
        let a = summarise_call(call);
        assert!(a.errors().is_empty(), "{:?}", a.errors());
        let rows = &a.result().unwrap().rows;
        assert_eq!(rows.len(), 300);
        let returned = rows.iter().filter(|r| r.returned).count();
        assert!((90..240).contains(&returned), "{returned}");
        assert!(rows.iter().any(|r| !r.instruments.is_empty()));
        assert!(rows.iter().all(|r| r.municipality.is_some()));
        assert!(rows.iter().filter(|r| r.level.is_some()).count() > 100);
        let text = serde_json::to_string(rows).unwrap();
        assert!(!text.contains("syn-case") && !text.contains("Syntetisk Borger"));
    }

    #[test]
    fn streamed_answers_count_into_the_partial_of_the_rows() {
        let all = cases(200);
        let rows = summarise_call(SummariseCall {
            cases: all.clone(),
            reference: None,
            pack: None,
            jurisdiction: None,
            as_of: "2026-12-01".parse().unwrap(),
        })
        .result()
        .unwrap()
        .rows
        .clone();
        let mut input = String::new();
        for row in &rows {
            input.push_str(&serde_json::to_string(&Answer::success(row)).unwrap());
            input.push('\n');
        }
        input.push_str("{\"line\":9,\"status\":\"failure\",\"version\":\"coord/v1\",\"errors\":[],\"warnings\":[]}\n\n");
        let dims = vec![Dimension::Municipality, Dimension::AgeBand];
        let read = partial_of_answer_lines(dims.clone(), input.as_bytes())
            .unwrap()
            .unwrap();
        assert_eq!(read.partial, Partial::of_rows(dims, &rows).unwrap());
        assert_eq!((read.lines, read.skipped), (201, 1));
        let bad = partial_of_answer_lines(Vec::new(), "{\"id\":\"x\"}\n".as_bytes()).unwrap();
        assert_eq!(bad.unwrap_err()[0].line, Some(1));
    }

    #[test]
    fn merge_needs_a_partial_and_the_same_dimensions() {
        assert_eq!(
            stats_merge(StatsMergeCall { partials: vec![] }).errors()[0]
                .pointer
                .as_deref(),
            Some("/partials")
        );
        let a = Partial::empty(vec![Dimension::Gender]).unwrap();
        let b = Partial::empty(vec![Dimension::Level]).unwrap();
        let m = stats_merge(StatsMergeCall {
            partials: vec![a, b],
        });
        assert_eq!(m.errors()[0].pointer.as_deref(), Some("/partials/1"));
    }
}
