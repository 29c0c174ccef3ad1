//! Synthetic case files (`coord_core::generate`), as NDJSON or as one answer.

use crate::envelope::{Answer, Problem};
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::generate::{
    synthetic_case, Population, DEFAULT_MUNICIPALITIES, MAX_CASES, MAX_MUNICIPALITIES,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// The most cases one [`generate`] answer holds (stream more with [`write_ndjson`]).
pub const MAX_CASES_IN_ONE_ANSWER: u64 = 10_000;

/// The calls a generated case can be wrapped in: each takes a `case` and an `as_of`.
pub const WRAPPABLE_CALLS: &[&str] = &[
    "evaluate",
    "report",
    "plan-check",
    "progress",
    "team",
    "referrals",
    "offers-match",
];

/// Make synthetic case files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GenerateCall {
    /// How many cases (at most 10,000,000 streamed, 10,000 in one answer).
    pub cases: u64,
    /// The seed: the same seed, settings and index give the same case.
    pub seed: u64,
    /// The index of the first case (to generate a slice of a population).
    #[serde(default)]
    pub first: u64,
    /// How many municipalities (1 to 999; default 98).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipalities: Option<u32>,
    /// The day the population is drawn as of: courses start up to 400 days before it.
    pub as_of: NaiveDate,
    /// Wrap each case in a call document of this name (see `WRAPPABLE_CALLS`) with `id` the
    /// case's id and this `as_of`, ready for `coord call NAME --ndjson`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wrap: Option<String>,
}

/// Generated case files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GeneratedCases {
    /// The cases, in index order.
    pub cases: Vec<CaseFile>,
}

#[derive(Serialize)]
struct Wrapped<'a> {
    id: &'a str,
    case: &'a CaseFile,
    as_of: NaiveDate,
}

fn population(call: &GenerateCall, limit: u64) -> Result<Population, Vec<Problem>> {
    let mut problems = Vec::new();
    if call.cases > limit {
        problems.push(Problem::new(
            "generate.too_many",
            format!("at most {limit} cases here"),
            Some("/cases".to_owned()),
        ));
    }
    if call
        .first
        .checked_add(call.cases)
        .is_none_or(|end| end > MAX_CASES)
    {
        problems.push(Problem::new(
            "generate.too_many",
            format!("case indexes stop at {MAX_CASES}"),
            Some("/first".to_owned()),
        ));
    }
    let municipalities = call.municipalities.unwrap_or(DEFAULT_MUNICIPALITIES);
    if !(1..=MAX_MUNICIPALITIES).contains(&municipalities) {
        problems.push(Problem::new(
            "generate.municipalities",
            format!("between 1 and {MAX_MUNICIPALITIES} municipalities"),
            Some("/municipalities".to_owned()),
        ));
    }
    if let Some(name) = &call.wrap {
        if !WRAPPABLE_CALLS.contains(&name.as_str()) {
            problems.push(Problem::new(
                "generate.wrap",
                format!(
                    "a case can be wrapped in one of: {}",
                    WRAPPABLE_CALLS.join(", ")
                ),
                Some("/wrap".to_owned()),
            ));
        }
    }
    if problems.is_empty() {
        Ok(Population {
            seed: call.seed,
            municipalities,
            as_of: call.as_of,
        })
    } else {
        Err(problems)
    }
}

/// Generate up to [`MAX_CASES_IN_ONE_ANSWER`] case files in one answer (`wrap` is ignored here).
pub fn generate(call: GenerateCall) -> Answer<GeneratedCases> {
    Answer::from_result(population(&call, MAX_CASES_IN_ONE_ANSWER).map(|p| {
        GeneratedCases {
            cases: (call.first..call.first + call.cases)
                .map(|i| synthetic_case(&p, i))
                .collect(),
        }
    }))
}

/// Stream the cases as NDJSON, one case file (or wrapped call) per line. An invalid call is
/// `Ok(Err(problems))` and writes nothing; an I/O failure is `Err`.
pub fn write_ndjson(call: &GenerateCall, out: impl Write) -> io::Result<Result<u64, Vec<Problem>>> {
    let p = match population(call, MAX_CASES) {
        Ok(p) => p,
        Err(problems) => return Ok(Err(problems)),
    };
    let mut out = io::BufWriter::with_capacity(256 * 1024, out);
    for i in call.first..call.first + call.cases {
        let case = synthetic_case(&p, i);
        match &call.wrap {
            Some(_) => serde_json::to_writer(
                &mut out,
                &Wrapped {
                    id: case.id.as_str(),
                    case: &case,
                    as_of: call.as_of,
                },
            ),
            None => serde_json::to_writer(&mut out, &case),
        }
        .map_err(io::Error::other)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(Ok(call.cases))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(cases: u64) -> GenerateCall {
        GenerateCall {
            cases,
            seed: 1,
            first: 0,
            municipalities: None,
            as_of: "2026-12-01".parse().unwrap(),
            wrap: None,
        }
    }

    #[test]
    fn streamed_lines_parse_back_to_the_answer_cases() {
        let mut out = Vec::new();
        assert_eq!(write_ndjson(&call(50), &mut out).unwrap(), Ok(50));
        let lines: Vec<CaseFile> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| crate::parse::parse(l).unwrap())
            .collect();
        assert_eq!(lines, generate(call(50)).result().unwrap().cases);
    }

    #[test]
    fn a_slice_is_the_same_as_the_whole() {
        let whole = generate(call(20)).result().unwrap().cases.clone();
        let slice = generate(GenerateCall {
            first: 10,
            ..call(10)
        });
        assert_eq!(&whole[10..], &slice.result().unwrap().cases[..]);
    }

    #[test]
    fn limits_are_problems_with_pointers() {
        let a = generate(GenerateCall {
            municipalities: Some(0),
            wrap: Some("nope".into()),
            ..call(MAX_CASES_IN_ONE_ANSWER + 1)
        });
        let pointers: Vec<_> = a
            .errors()
            .iter()
            .map(|p| p.pointer.clone().unwrap_or_default())
            .collect();
        assert_eq!(pointers, ["/cases", "/municipalities", "/wrap"]);
    }

    #[test]
    fn wrapped_lines_are_calls_with_the_case_id() {
        let mut out = Vec::new();
        write_ndjson(
            &GenerateCall {
                wrap: Some("report".into()),
                ..call(3)
            },
            &mut out,
        )
        .unwrap()
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(first["id"], first["case"]["id"]);
        assert_eq!(first["as_of"], "2026-12-01");
    }
}
