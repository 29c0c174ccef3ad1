//! End-to-end tests: drive the `coord` binary and the JSON calls across crates.
//! One module per area.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    reason = "tests and benchmarks: a failure must stop the run"
)]

mod audit_cli;
mod bad_input;
mod business;
mod consent;
mod consent_cli;
mod consent_props;
mod fhir;
mod fhir_identifiers;
mod fhir_resources;
mod handover;
mod help_examples;
mod identifiers;
mod pipelines;
mod plan;
mod plan_props;
mod print;
mod report;
mod rules;
mod schemas;
mod spark;
mod stats;
mod team;
