//! Renderers for people: one per answer type, each building a [`Doc`] that prints as text
//! (tables wrapped to the terminal's width), Markdown or a self-contained HTML page.
//!
//! Pure: no I/O, no clock, no decisions. Every fact and every sentence comes from coord-core
//! (its `label`/`describe` methods and `coord_core::text`); a renderer only chooses the layout.
//! The CLI calls one coord-json call and hands its answer to one renderer here.
//!
//! | answer | renderer |
//! |---|---|
//! | `AccessDecision`, `ConsentGapReport`, `MinimisedRecord`, consent validation | [`consent`] |
//! | `TeamReport`, `ReferralOverview`, `TransitionApplied`, attendance, working days | [`team`] |
//! | `OfferCatalogue`, `OfferMatch` | [`offers`] |
//! | `PackCheck`, `PackTestReport`, fact catalogue, `Evaluation` | [`rules`] |
//! | `PlanCheck`, `ProgressReport`, instrument definitions and scores | [`plan`] |
//! | `CoordinationReport` (for the meeting) | [`report`] |
//! | `CoordinationReport` + audit entries (for the citizen) | [`citizen`] |
#![forbid(unsafe_code)]

pub mod audit;
pub mod benchmark;
pub mod business;
pub mod chart;
pub mod citizen;
pub mod consent;
pub mod doc;
pub mod fhir;
pub mod handover;
pub mod law;
pub mod offers;
pub mod plan;
pub mod report;
pub mod rules;
pub mod rules_diff;
pub mod stats;
pub mod stats_chart;
pub mod team;

pub use doc::{Block, Doc, Format, Page, DEFAULT_WIDTH};

use coord_core::category::Language;

/// The HTML page settings for a document about `who` as of `when` in `lang`.
pub fn page(title: &str, who: &str, when: &str, lang: Language) -> Page {
    Page {
        title: title.to_owned(),
        lang: match lang {
            Language::Da => "da".to_owned(),
            Language::En => "en".to_owned(),
        },
        head_left: who.to_owned(),
        head_right: when.to_owned(),
        page_word: coord_core::text::pick(lang, "Side", "Page").to_owned(),
    }
}
