//! Which identifiers of a case file leave it: the one rule every export applies (the handover's
//! released case file, [`crate::handover::cut`], and the identifier release of a FHIR export,
//! [`super::release`]).
//!
//! - Nothing released: no identifier of anyone goes.
//! - The citizen's identity released or not: the citizen's identifiers go only with it; the
//!   citizen's own actor entry loses its identifiers without it; a CPR number goes only as the
//!   citizen's own, with the identity, never on another actor; the other actors' identifiers
//!   (SOR, CVR, GLN, P-number, other) go.
//! - Everything (the municipality's own copy): every identifier goes.

use super::IdentifierSystem;
use crate::case_file::CaseFile;
use crate::pointer::Pointer;

/// What may leave of the identifiers in a case file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentifierScope {
    /// No identifier at all.
    Nothing,
    /// The parties' identifiers by the rule above; `identity` is whether the citizen's identity
    /// is released.
    Parties {
        /// Whether the citizen's identity (the identity part's categories) is released.
        identity: bool,
    },
    /// Every identifier.
    Everything,
}

/// Why one identifier was taken out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StripCause {
    /// Nothing was released ([`IdentifierScope::Nothing`]).
    NothingReleased,
    /// The citizen's identity was not released.
    IdentityWithheld,
    /// A CPR number on an actor other than the citizen's own entry.
    NotTheCitizens,
}

/// One identifier taken out: where it was and its system, never its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stripped {
    /// Its place in the case file (`/citizen/identifiers/0`, `/actors/3/identifiers/1`).
    pub at: Pointer,
    /// Its system.
    pub system: IdentifierSystem,
    /// Why it was taken out.
    pub cause: StripCause,
}

/// Take out of `case` every identifier `scope` does not let go; the ones taken out, in document
/// order (the citizen's, then each actor's), placed in `case` as it was given.
pub fn strip_identifiers(case: &mut CaseFile, scope: IdentifierScope) -> Vec<Stripped> {
    let mut stripped = Vec::new();
    let citizen_cause = match scope {
        IdentifierScope::Nothing => Some(StripCause::NothingReleased),
        IdentifierScope::Parties { identity: false } => Some(StripCause::IdentityWithheld),
        IdentifierScope::Parties { identity: true } | IdentifierScope::Everything => None,
    };
    let citizen_at = Pointer::root().key("citizen").key("identifiers");
    if let Some(cause) = citizen_cause {
        for (i, id) in case.citizen.identifiers.drain(..).enumerate() {
            stripped.push(Stripped {
                at: citizen_at.index(i),
                system: id.system,
                cause,
            });
        }
    }
    let citizen_actor = case.citizen.actor.clone();
    for (n, actor) in case.actors.iter_mut().enumerate() {
        let own = Some(&actor.id) == citizen_actor.as_ref();
        let at = Pointer::root().key("actors").index(n).key("identifiers");
        let kept = std::mem::take(&mut actor.identifiers);
        for (i, id) in kept.into_iter().enumerate() {
            let cause = match scope {
                IdentifierScope::Nothing => Some(StripCause::NothingReleased),
                IdentifierScope::Everything => None,
                IdentifierScope::Parties { identity } => {
                    if own && !identity {
                        Some(StripCause::IdentityWithheld)
                    } else if id.system == IdentifierSystem::Cpr && !own {
                        Some(StripCause::NotTheCitizens)
                    } else {
                        None
                    }
                }
            };
            match cause {
                Some(cause) => stripped.push(Stripped {
                    at: at.index(i),
                    system: id.system,
                    cause,
                }),
                None => actor.identifiers.push(id),
            }
        }
    }
    stripped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identifier::Identifier;
    use crate::party::{Actor, ActorKind, Role, Sector};

    fn id(system: IdentifierSystem, value: &str) -> Identifier {
        Identifier::new(system, value)
    }

    fn actor(name: &str, kind: ActorKind, identifiers: Vec<Identifier>) -> Actor {
        Actor {
            id: name.into(),
            name: name.to_owned(),
            kind,
            sector: Sector::MunicipalEmployment,
            role: Role::CASEWORKER,
            organisation: None,
            identifiers,
        }
    }

    fn case() -> CaseFile {
        let mut case = CaseFile::default();
        case.citizen.actor = Some("me".into());
        case.citizen.identifiers = vec![id(IdentifierSystem::Cpr, "0108589995")];
        case.actors = vec![
            actor(
                "me",
                ActorKind::Person,
                vec![id(IdentifierSystem::Cpr, "0108589995")],
            ),
            actor(
                "gp",
                ActorKind::Person,
                vec![id(IdentifierSystem::Cpr, "0202029995")],
            ),
            actor(
                "org",
                ActorKind::Organisation,
                vec![id(IdentifierSystem::Sor, "123456789012")],
            ),
        ];
        case
    }

    fn check(scope: IdentifierScope, left: &[&str], gone: &[(&str, StripCause)]) {
        let mut c = case();
        let stripped = strip_identifiers(&mut c, scope);
        let text = serde_json::to_string(&c).unwrap_or_default();
        let values = ["0108589995", "0202029995", "123456789012"];
        for v in values {
            assert_eq!(text.contains(v), left.contains(&v), "{scope:?}: {v}");
        }
        let got: Vec<(String, StripCause)> = stripped
            .iter()
            .map(|s| (s.at.to_string(), s.cause))
            .collect();
        let want: Vec<(String, StripCause)> =
            gone.iter().map(|(p, c)| ((*p).to_owned(), *c)).collect();
        assert_eq!(got, want, "{scope:?}");
    }

    #[test]
    fn each_scope_lets_go_what_the_rule_says() {
        use StripCause::*;
        check(
            IdentifierScope::Nothing,
            &[],
            &[
                ("/citizen/identifiers/0", NothingReleased),
                ("/actors/0/identifiers/0", NothingReleased),
                ("/actors/1/identifiers/0", NothingReleased),
                ("/actors/2/identifiers/0", NothingReleased),
            ],
        );
        check(
            IdentifierScope::Parties { identity: false },
            &["123456789012"],
            &[
                ("/citizen/identifiers/0", IdentityWithheld),
                ("/actors/0/identifiers/0", IdentityWithheld),
                ("/actors/1/identifiers/0", NotTheCitizens),
            ],
        );
        check(
            IdentifierScope::Parties { identity: true },
            &["0108589995", "123456789012"],
            &[("/actors/1/identifiers/0", NotTheCitizens)],
        );
        check(
            IdentifierScope::Everything,
            &["0108589995", "0202029995", "123456789012"],
            &[],
        );
    }
}
