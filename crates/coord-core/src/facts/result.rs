//! The result facts: known only after evaluation, tested by pack invariants.

use super::words::LEVEL_WORDS;
use super::{Compute, FactDef, FactType};

/// `coordination_level`.
pub const COORDINATION_LEVEL: FactDef = FactDef {
    name: "coordination_level",
    ty: FactType::Text,
    meaning_en: "the coordination level the evaluation set (result; for invariants)",
    meaning_da: "det koordineringsniveau, vurderingen gav (resultat; til invarianter)",
    words: &LEVEL_WORDS,
    vocabulary: None,
    compute: Compute::Result,
};

/// `referrals_proposed`.
pub const REFERRALS_PROPOSED: FactDef = FactDef {
    name: "referrals_proposed",
    ty: FactType::Set,
    meaning_en:
        "the offers and roles the evaluation proposed referrals to (result; roles as `role:<role>`)",
    meaning_da: "tilbud og roller, vurderingen foreslog henvisning til (resultat)",
    words: &[],
    vocabulary: None,
    compute: Compute::Result,
};

/// `required_roles`.
pub const REQUIRED_ROLES: FactDef = FactDef {
    name: "required_roles",
    ty: FactType::Set,
    meaning_en: "the roles the evaluation required (result)",
    meaning_da: "roller, vurderingen krævede (resultat)",
    words: &[],
    vocabulary: Some(crate::vocab::VocabularyKind::Role),
    compute: Compute::Result,
};

/// `task_deadlines_max`.
pub const TASK_DEADLINES_MAX: FactDef = FactDef {
    name: "task_deadlines_max",
    ty: FactType::Number,
    meaning_en: "the largest number of deadlines the evaluation created for one task (result)",
    meaning_da: "det største antal frister for samme opgave (resultat)",
    words: &[],
    vocabulary: None,
    compute: Compute::Result,
};

/// `tasks_due`.
pub const TASKS_DUE: FactDef = FactDef {
    name: "tasks_due",
    ty: FactType::Set,
    meaning_en: "the tasks the evaluation created deadlines for (result)",
    meaning_da: "opgaver, vurderingen satte frister for (resultat)",
    words: &[],
    vocabulary: None,
    compute: Compute::Result,
};

/// `tasks_overdue`.
pub const TASKS_OVERDUE: FactDef = FactDef {
    name: "tasks_overdue",
    ty: FactType::Set,
    meaning_en: "the tasks whose deadline is overdue on the evaluation date (result)",
    meaning_da: "opgaver med overskredet frist på datoen (resultat)",
    words: &[],
    vocabulary: None,
    compute: Compute::Result,
};

/// `warnings`.
pub const WARNINGS: FactDef = FactDef {
    name: "warnings",
    ty: FactType::Set,
    meaning_en: "the warning codes the evaluation raised (result)",
    meaning_da: "advarsler, vurderingen gav (resultat)",
    words: &[],
    vocabulary: None,
    compute: Compute::Result,
};
