//! Benchmark: `fhir-export` and `fhir-import` of a demo case (Hillerød: a CPR number, 10 actors,
//! team, plan, measurements, referrals, consents), each against a reference measured in the same
//! run — plain `serde_json` serialising the same case file (for the export) and parsing it back
//! (for the import). The calls do more than the reference: the export checks the case file,
//! decides the identifier release, checks the released case file and builds the Bundle with its
//! base64 `Binary`; the import decodes the `Binary`, parses it strictly and checks it. The mapping
//! alone (`coord_fhir::export` of a checked case) is measured too.
//!
//! `cargo bench -p coord-json --bench fhir -j 1`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

use coord_core::case_file::CaseFile;
use coord_core::check::CheckedCase;
use coord_core::identifier::{release_identifiers, IdentifierRequest};
use coord_json::calls::fhir::{fhir_export_with, fhir_import_with, FhirExportCall, FhirImportCall};
use coord_json::shared::Shared;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let demo = coord_json::demo::report_cases().unwrap();
    let hillerod = demo
        .iter()
        .find(|d| d.entry.file == "hillerod.json")
        .unwrap();
    let (case, as_of) = (hillerod.case.clone(), hillerod.entry.as_of);
    let shared = Shared::builtin().unwrap();
    let call = |release: Option<IdentifierRequest>| FhirExportCall {
        case: case.clone(),
        reference: None,
        as_of,
        audit: Vec::new(),
        release,
    };
    let own_copy = Some(IdentifierRequest {
        own_copy: true,
        ..Default::default()
    });
    let bundle = fhir_export_with(&shared, call(own_copy.clone()))
        .result()
        .unwrap()
        .bundle
        .clone();
    let text = serde_json::to_string(&case).unwrap();
    let reference = shared.reference();
    let checked = CheckedCase::new(case.clone(), reference).unwrap();
    let release =
        release_identifiers(&checked, reference, &IdentifierRequest::default(), as_of).unwrap();
    let cut = CheckedCase::new(release.case.clone(), reference).unwrap();

    let mut g = c.benchmark_group("fhir/hillerod");
    g.bench_function("reference: serde_json serialise the case file", |b| {
        b.iter(|| serde_json::to_string(black_box(&case)).unwrap())
    });
    g.bench_function("reference: serde_json parse the case file", |b| {
        b.iter(|| serde_json::from_str::<CaseFile>(black_box(&text)).unwrap())
    });
    g.bench_function("fhir-export call, no identifiers (default)", |b| {
        b.iter(|| fhir_export_with(&shared, black_box(call(None))))
    });
    g.bench_function("fhir-export call, own copy", |b| {
        b.iter(|| fhir_export_with(&shared, black_box(call(own_copy.clone()))))
    });
    g.bench_function("coord_fhir::export of a checked case (mapping only)", |b| {
        b.iter(|| coord_fhir::export(black_box(&release), black_box(&cut), reference, as_of))
    });
    g.bench_function("fhir-import call", |b| {
        b.iter(|| {
            fhir_import_with(
                &shared,
                black_box(FhirImportCall {
                    bundle: bundle.clone(),
                    reference: None,
                }),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
