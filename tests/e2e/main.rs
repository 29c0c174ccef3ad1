//! End-to-end tests: drive the `coord` binary and the JSON calls across crates.
//! One module per area.

mod consent;
mod team;
