//! Proptest generators (feature `proptest`), so users can property-test their own data and rule
//! sets against coord's engines.
//!
//! One module per area; each exports `proptest::strategy::Strategy` values.
pub mod consent;
pub mod rules;
pub mod team;

/// A valid case file with a course, events and consents (see [`rules::case`]).
pub use rules::{as_of, case, case_with_date};
pub mod plan;
