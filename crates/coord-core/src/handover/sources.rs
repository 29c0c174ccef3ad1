//! The law read for a move between municipalities, cited, with what each source establishes and
//! whether that is verified. Read 2026 from stored copies of public pages (issue 14 §4):
//!
//! - Retssikkerhedsloven § 9, stk. 1–2: the municipality of residence has the duty to help
//!   (Ankestyrelsen's page of the rules; danskelove.dk; since L 95 (2022/23) the word is
//!   "handlekommune"). **Verified**: the new municipality takes over the case.
//! - Ankestyrelsen, principmeddelelse 51-22 (December 2022): in a sickness-benefit case the new
//!   municipality of residence takes over payment and the competence to decide from the day the
//!   citizen takes up residence; the move alone does not change the right to benefit.
//!   **Verified** (Ankestyrelsen's own article).
//! - Forvaltningsloven § 28 (DOMAIN.md §6): information may go to another authority with consent,
//!   when a law requires it, or when it is of substantial importance for the recipient's decision.
//!   Whether that covers a handover is a concrete assessment per case: **not verified** as a basis
//!   coord could apply by itself, so coord does not.
//! - A provision that lets the old municipality send health or other case information to the new
//!   one without consent in employment and sickness-benefit cases: **none found** (the duty to send
//!   case material on a move in barnets lov § 132, stk. 2 is for children's cases). The absence is
//!   itself unverified.
//!
//! None of these is a `permit` legal rule in the built-in reference data: the handover decision
//! releases on consent, or on a legal basis a municipality adds to its own reference data.

use crate::citation::{Citation, DocumentCitation, StatuteCitation};
use crate::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One source read for a move: what it establishes, and whether that is verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveSource {
    /// A stable id.
    pub id: String,
    /// The source, checkable.
    pub citation: Citation,
    /// What it establishes for a handover, in both languages.
    pub establishes: Text,
    /// Whether that was confirmed from a primary source (false: shown as unverified, never used
    /// as a legal basis).
    pub verified: bool,
    /// Whether coord's decision uses it as a legal basis for sending information (always false
    /// today: the decision is on consent or the municipality's own legal rules).
    pub basis_for_sharing: bool,
}

/// The sources read for a move, in the order above.
pub fn move_sources() -> Vec<MoveSource> {
    vec![
        MoveSource {
            id: "rsl-9-handlekommune".into(),
            citation: Citation::Statute(StatuteCitation {
                statute: "Lov om retssikkerhed og administration på det sociale område".into(),
                number: "LBK (retssikkerhedsloven), som ændret ved lov nr. 754 af 13/6/2023".into(),
                paragraph: "§ 9, stk. 1–2".into(),
                url: Some("https://ast.dk/mellemkommunal-uenighed/vejledning-om-praksis/fortidspension-2013-mellemkommunal-refusion-og-kasserede-principafgorelser/retssikkerhedsloven".into()),
            }),
            establishes: Text::new(
                "Den kommune, borgeren bor i (handlekommunen), har pligt til at yde hjælpen: ved flytning overtager den nye kommune sagen. Det er ikke i sig selv hjemmel til at videregive oplysninger.",
                "The municipality the citizen lives in (the acting municipality) has the duty to help: on a move the new municipality takes over the case. That alone is no legal basis for passing information on.",
            ),
            verified: true,
            basis_for_sharing: false,
        },
        MoveSource {
            id: "ast-principmeddelelse-51-22".into(),
            citation: Citation::Document(DocumentCitation {
                document: "Principmeddelelse 51-22 om sygedagpenge, flytning og opholdskommune".into(),
                issuer: "Ankestyrelsen".into(),
                date: "2022-12".into(),
                part: None,
                url: Some("https://ast.dk/beskaeftigelse/artikler/sygedagpenge/ny-principmeddelelse-den-aktuelle-opholdskommune-har-pligten-til-at-udbetale-sygedagpenge-nar-borgeren-er-flyttet".into()),
            }),
            establishes: Text::new(
                "I en sygedagpengesag overtager den nye kommune udbetalingen og kompetencen til at træffe afgørelse fra den dag, borgeren tager ophold der; flytningen ændrer ikke i sig selv retten til sygedagpenge.",
                "In a sickness-benefit case the new municipality takes over payment and the competence to decide from the day the citizen takes up residence there; the move alone does not change the right to sickness benefit.",
            ),
            verified: true,
            basis_for_sharing: false,
        },
        MoveSource {
            id: "fvl-28-vaesentlig-betydning".into(),
            citation: Citation::Statute(StatuteCitation {
                statute: "Forvaltningsloven".into(),
                number: "LBK nr. 433 af 22/04/2014".into(),
                paragraph: "§ 28".into(),
                url: None,
            }),
            establishes: Text::new(
                "Oplysninger kan gå til en anden myndighed med samtykke, når en lov kræver det, eller når de har væsentlig betydning for modtagerens afgørelse. Om det dækker en overdragelse ved flytning, er en konkret vurdering i den enkelte sag; coord anvender det ikke af sig selv.",
                "Information may go to another authority with consent, when a law requires it, or when it is of substantial importance for the recipient's decision. Whether that covers a handover on a move is a concrete assessment in each case; coord does not apply it by itself.",
            ),
            verified: false,
            basis_for_sharing: false,
        },
        MoveSource {
            id: "no-handover-basis-found".into(),
            citation: Citation::Document(DocumentCitation {
                document: "Barnets lov § 132, stk. 2 (oversendelse af sagsmateriale ved flytning, kun børnesager)".into(),
                issuer: "Social- og Boligministeriet (LBK nr. 282 af 17/03/2025)".into(),
                date: "2025-03-17".into(),
                part: None,
                url: Some("https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/132".into()),
            }),
            establishes: Text::new(
                "Der er ikke fundet en bestemmelse, der lader den tidligere kommune sende helbreds- eller andre sagsoplysninger til den nye kommune uden samtykke i beskæftigelses- og sygedagpengesager; pligten til at oversende sagsmateriale i barnets lov gælder kun børnesager. At der ikke er en sådan bestemmelse, er ikke verificeret.",
                "No provision was found that lets the old municipality send health or other case information to the new one without consent in employment and sickness-benefit cases; the duty to send case material in the Children's Act covers children's cases only. That no such provision exists is not verified.",
            ),
            verified: false,
            basis_for_sharing: false,
        },
    ]
}
