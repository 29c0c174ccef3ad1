//! Proptest generators (feature `proptest`), so users can property-test their own data and rule
//! sets against coord's engines.
//!
//! One module per area; each exports `proptest::strategy::Strategy` values.
pub mod consent;
pub mod plan;
