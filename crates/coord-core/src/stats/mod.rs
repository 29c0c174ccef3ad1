//! Statistics across courses and municipalities, safe to publish.
//!
//! The road: [`summary::summarise`] makes one [`CourseSummary`] row per course (no names, no
//! identifiers); [`Partial::of_rows`] counts rows into a [`Partial`] per cell of up to four
//! [`Dimension`]s; partials of any split of the rows [merge](Partial::merge) into exactly the
//! partial of them all (counts and exact histograms: associative and commutative); and
//! [`stats_report`] turns the merged partial into published cells — counts, shares with Wilson
//! intervals, quartiles — with disclosure control ([`disclosure`]): primary suppression of cells
//! under `k` citizens, complementary suppression until no suppressed cell can be recovered from
//! the published totals, and a dominance check for quartiles. [`benchmark()`] ranks
//! municipalities on return to work and weeks on benefit, adjusted for case mix by indirect
//! standardisation, with intervals; [`business_case`] values the benefit weeks an intervention
//! saves against its cost.

pub mod benchmark;
pub mod business;
pub mod business_words;
pub mod dimension;
pub mod disclosure;
pub mod histogram;
pub mod intervention;
pub mod partial;
pub mod report;
pub mod summary;
pub mod wilson;
pub mod words;

pub use benchmark::{
    benchmark, standardise, Benchmark, BenchmarkMeasure, BenchmarkRow, MeasureBenchmark,
    RatioInterval, Standardised, Verdict, BENCHMARK_DIMENSIONS,
};
pub use business::{
    business_case, Assumption, BusinessCase, BusinessCaseSettings, BusinessVerdict, GroupFigures,
    Range, SensitivityFactor, SensitivityRow, WeeklyRate,
};
pub use dimension::{AgeBand, Dimension, Quarter};
pub use histogram::{Histogram, Quartiles};
pub use intervention::{Intervention, InterventionCounts};
pub use partial::{Cell, Counts, InstrumentCounts, Partial, StatsError};
pub use report::{
    stats_report, DisclosureSettings, InstrumentFigures, Published, ReportCell, StatsReport,
};
pub use summary::{summarise, CourseSummary, InstrumentChange, SummaryLaw};
pub use wilson::{wilson, ShareInterval};
