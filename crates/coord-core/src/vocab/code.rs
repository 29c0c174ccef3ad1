//! Codes: the words of a vocabulary as they are written in case files, packs and NDJSON
//! (`sickness_benefit`, `follow_up_interview`), and one typed code per vocabulary kind.

use super::word::Word;
use super::VocabularyKind;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// A code of a vocabulary: a snake_case word. Whether it is *declared* is for the reference data
/// to say (the case-file check rejects an undeclared code); the type only carries it.
/// It is written as its word: serialised through [`Word`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Code(Word);

impl Code {
    /// A code coord names itself (a named constant).
    pub const fn new(code: &'static str) -> Code {
        Code(Word::from_static(code))
    }

    /// A code read from data.
    pub fn from_string(code: impl Into<String>) -> Code {
        Code(Word::from(code.into()))
    }

    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as a fact word (the text is shared, not copied).
    pub fn to_word(&self) -> Word {
        self.0.clone()
    }

    /// Whether the code has the form coord's codes have: 1–64 characters of `a`–`z`, `0`–`9`
    /// and `_`, starting with a letter (a purpose may also use `-`: see
    /// [`VocabularyKind::is_well_formed`]).
    pub fn is_well_formed(&self) -> bool {
        VocabularyKind::TargetGroup.is_well_formed(self.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl JsonSchema for Code {
    fn schema_name() -> Cow<'static, str> {
        "Code".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A code declared in a vocabulary of the reference data (snake_case)."
        })
    }
}

/// A typed code: which vocabulary it belongs to.
pub trait VocabularyCode {
    /// The vocabulary the code must be declared in.
    const KIND: VocabularyKind;
    /// The code.
    fn code(&self) -> &Code;
}

macro_rules! vocabulary_code {
    ($(#[$meta:meta])* $name:ident, $kind:expr) => {
        $(#[$meta])*
        ///
        /// A code of a vocabulary declared in the reference data (`vocabularies`); it is written as
        /// its snake_case word.
        #[derive(
            Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
        )]
        #[serde(transparent)]
        pub struct $name(pub Code);

        impl $name {
            /// A code coord names itself (a named constant; it must be declared to be used).
            pub const fn new(code: &'static str) -> $name {
                $name(Code::new(code))
            }

            /// A code read from data.
            pub fn from_string(code: impl Into<String>) -> $name {
                $name(Code::from_string(code))
            }

            /// The code as written in JSON.
            pub fn word(&self) -> &str {
                self.0.as_str()
            }

            /// The code as a fact word (the text is shared, not copied).
            pub fn to_word(&self) -> super::word::Word {
                self.0.to_word()
            }
        }

        impl VocabularyCode for $name {
            const KIND: VocabularyKind = $kind;
            fn code(&self) -> &Code {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.word())
            }
        }
    };
}

vocabulary_code!(
    /// The citizen's target group in employment law (`sickness_benefit`, `job_clarification` …).
    TargetGroup,
    VocabularyKind::TargetGroup
);
vocabulary_code!(
    /// A category of health condition (`mental`, `musculoskeletal` …).
    ConditionCategory,
    VocabularyKind::ConditionCategory
);
vocabulary_code!(
    /// A social factor that weakens labour-market attachment (`weak_network`, `housing` …).
    SocialFactor,
    VocabularyKind::SocialFactor
);
vocabulary_code!(
    /// What kind of thing happened in the course (`follow_up_interview`, `visitation` …).
    EventKind,
    VocabularyKind::EventKind
);

vocabulary_code!(
    /// A professional role of an actor or a team member (`coordinating_caseworker`,
    /// `physiotherapist` …). A municipality's own role is declared in its `--reference` file
    /// (`vocabularies.roles`) and then used like any other.
    Role,
    VocabularyKind::Role
);

/// The roles coord's own logic, generators and examples name. Each must be declared in the role
/// vocabulary (the built-in one declares them all); any other declared role is read through the
/// `actor_roles`, `team_roles` and `required_roles` facts and the `require_role` action.
impl Role {
    /// Koordinerende sagsbehandler: the one person holding the thread (the team analysis, the
    /// handover and the FHIR CareTeam look for this role).
    pub const COORDINATING_CASEWORKER: Role = Role::new("coordinating_caseworker");
    /// A caseworker (sagsbehandler / jobkonsulent).
    pub const CASEWORKER: Role = Role::new("caseworker");
    /// The region's sundhedskoordinator (social medicine).
    pub const HEALTH_COORDINATOR: Role = Role::new("health_coordinator");
    /// The employment service's bridge-builder placed in the health sector.
    pub const BRIDGE_BUILDER: Role = Role::new("bridge_builder");
    /// A physiotherapist.
    pub const PHYSIOTHERAPIST: Role = Role::new("physiotherapist");
    /// A nurse.
    pub const NURSE: Role = Role::new("nurse");
    /// A psychologist.
    pub const PSYCHOLOGIST: Role = Role::new("psychologist");
    /// A physician (hospital or GP).
    pub const PHYSICIAN: Role = Role::new("physician");
    /// The contact person at the employer.
    pub const EMPLOYER_CONTACT: Role = Role::new("employer_contact");
    /// A volunteer (e.g. a self-management course instructor).
    pub const VOLUNTEER: Role = Role::new("volunteer");
    /// A member of the rehabilitation team.
    pub const REHABILITATION_TEAM_MEMBER: Role = Role::new("rehabilitation_team_member");
    /// The citizen.
    pub const CITIZEN: Role = Role::new("citizen");
}

/// The codes coord's own (non-law) logic names. Each must be declared in the reference data's
/// vocabulary for a case to use it; the built-in vocabularies declare them all.
impl TargetGroup {
    /// Sickness benefit (sygedagpenge): the generated cases weight it.
    pub const SICKNESS_BENEFIT: TargetGroup = TargetGroup::new("sickness_benefit");
}

/// The event kinds the built-in facts read (`follow_up_interviews_held`, `visitation_on` …). Each
/// must be declared in the event-kind vocabulary; any other declared kind is read through the
/// `event_count.*`, `first_event_on.*` and `last_event_on.*` fact families.
impl EventKind {
    /// A follow-up interview (opfølgningssamtale) was held.
    pub const FOLLOW_UP_INTERVIEW: EventKind = EventKind::new("follow_up_interview");
    /// The GP certificate LÆ 285 was received.
    pub const GP_CERTIFICATE_LAE285: EventKind = EventKind::new("gp_certificate_lae285");
    /// A cross-sector team meeting was held.
    pub const TEAM_MEETING: EventKind = EventKind::new("team_meeting");
    /// The case was discussed in the rehabilitation team.
    pub const REHABILITATION_TEAM_MEETING: EventKind =
        EventKind::new("rehabilitation_team_meeting");
    /// The case was visited (categorised).
    pub const VISITATION: EventKind = EventKind::new("visitation");
    /// A job interview (jobsamtale) in the contact course was held.
    pub const JOB_INTERVIEW: EventKind = EventKind::new("job_interview");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_serialises_as_its_word_and_reads_back() {
        let g = TargetGroup::SICKNESS_BENEFIT;
        let json = serde_json::to_string(&g).unwrap();
        assert_eq!(json, "\"sickness_benefit\"");
        let back: TargetGroup = serde_json::from_str(&json).unwrap();
        assert_eq!(back, g);
    }

    #[test]
    fn well_formed_codes_are_snake_case_words() {
        assert!(Code::new("under_18").is_well_formed());
        assert!(!Code::new("Under18").is_well_formed());
        assert!(!Code::new("").is_well_formed());
        assert!(!Code::new("1st").is_well_formed());
        assert!(!Code::new("a-b").is_well_formed());
    }

    #[test]
    fn purposes_may_use_hyphens_and_other_kinds_may_not() {
        assert!(VocabularyKind::Purpose.is_well_formed("return-to-work"));
        assert!(VocabularyKind::Purpose.is_well_formed("health_and_work"));
        assert!(!VocabularyKind::Purpose.is_well_formed("-work"));
        assert!(!VocabularyKind::Purpose.is_well_formed("Return-to-work"));
        assert!(!VocabularyKind::Role.is_well_formed("bridge-builder"));
        assert!(VocabularyKind::Role.is_well_formed("bridge_builder"));
    }

    #[test]
    fn a_role_is_its_word() {
        let r: Role = serde_json::from_str("\"coordinating_caseworker\"").unwrap();
        assert_eq!(r, Role::COORDINATING_CASEWORKER);
        assert_eq!(r.word(), "coordinating_caseworker");
    }
}
