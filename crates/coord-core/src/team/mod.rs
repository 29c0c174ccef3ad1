//! The care team (the contact map, DOMAIN.md S2/S3): who is around the citizen, in which role,
//! when, and what they answer for — and exactly one person holding the thread.
//!
//! - [`model`]: the `team` part of the case file.
//! - [`validate`]: case-file errors (overlapping memberships, inverted periods, dangling ids).
//! - [`analysis`]: who holds the thread, whom to contact, unfilled roles, coordinator findings.

pub mod analysis;
pub mod model;
pub mod validate;

#[cfg(test)]
mod tests;

pub use analysis::{
    contacts_for, coordinator_coverage, role_label, team_report, thread_holder, unfilled_roles,
    ContactAnswer, Handover, MemberView, TeamFinding, TeamReport, ThreadHolder,
    BUILTIN_ROLE_LABELS,
};
pub use model::{CareTeam, Contact, Course, CourseStatus, Responsibilities, Subject, TeamMember};
pub use validate::{validate_team, TeamError};
