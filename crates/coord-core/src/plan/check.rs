//! The plan check: what in the plan needs attention as of a day. It returns findings, never
//! errors: a plan with problems is still a plan.

use super::activity::{Participation, Plan};
use crate::category::Language;
use crate::check::CheckedCase;
use crate::ids::{ActivityId, GoalId};
use crate::party::Sector;
use crate::pointer::Pointer;
use chrono::{Datelike, Days, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How far before a planned evaluation date an evaluation may be held and still count for it.
pub const EVALUATION_EARLY_DAYS: u64 = 14;

/// The result of checking a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlanCheck {
    /// The day the plan was checked as of.
    pub as_of: NaiveDate,
    /// How many goals and activities were checked.
    pub goals_checked: usize,
    /// How many activities were checked.
    pub activities_checked: usize,
    /// What needs attention, in a stable order (by kind, then document order).
    pub findings: Vec<PlanFinding>,
}

/// One thing in the plan that needs attention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlanFinding {
    /// Where in the case file.
    pub at: Pointer,
    /// What it is.
    #[serde(flatten)]
    pub kind: FindingKind,
}

/// The kinds of findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingKind {
    /// The case file has no plan.
    NoPlan,
    /// An active goal that no current or planned activity serves.
    GoalWithoutActivity {
        /// The goal.
        goal: GoalId,
        /// The goal in the citizen's words, for people.
        goal_text: String,
    },
    /// An active goal without a target on any indicator, so progress cannot be measured.
    GoalWithoutIndicator {
        /// The goal.
        goal: GoalId,
        /// The goal in the citizen's words, for people.
        goal_text: String,
    },
    /// A goal nobody is responsible for.
    NobodyResponsible {
        /// The goal.
        goal: GoalId,
        /// The goal in the citizen's words, for people.
        goal_text: String,
    },
    /// The same goal twice (same words, same domain).
    DuplicateGoal {
        /// The later goal.
        goal: GoalId,
        /// The goal in the citizen's words, for people.
        goal_text: String,
        /// The earlier goal with the same words.
        same_as: GoalId,
    },
    /// A planned evaluation date passed without an evaluation.
    EvaluationMissed {
        /// The planned date.
        date: NaiveDate,
    },
    /// The activities of a run of ISO weeks together exceed the citizen's weekly capacity.
    CapacityExceeded {
        /// The first ISO week (e.g. `2025-W14`).
        first_week: String,
        /// The last ISO week of the run (the same as the first for one week).
        last_week: String,
        /// The hours planned per week in the run.
        hours: f64,
        /// The citizen's weekly capacity.
        capacity: f64,
        /// The activities running in those weeks.
        activities: Vec<ActivityId>,
        /// What they are (their `what`, in the plan's words), for people.
        activity_names: Vec<String>,
        /// The Monday of the first week of the run.
        from_monday: NaiveDate,
        /// The Monday of the last week of the run.
        to_monday: NaiveDate,
        /// The sectors they come from.
        sectors: Vec<Sector>,
    },
    /// A goal the citizen has not agreed to (no `agreed_at`): a plan is the citizen's plan.
    NotAgreedWithCitizen {
        /// The goal.
        goal: GoalId,
        /// The goal in the citizen's words, for people.
        goal_text: String,
    },
    /// A goal not signed by every sector responsible for it.
    NotSignedBySectors {
        /// The goal.
        goal: GoalId,
        /// The goal in the citizen's words, for people.
        goal_text: String,
        /// The responsible sectors that have not signed.
        missing: Vec<Sector>,
    },
    /// A voluntary health offer made an obligatory activity (DOMAIN.md S5): health offers build on
    /// motivation, and reporting attendance can trigger sanctions.
    VoluntaryUsedAsObligatory {
        /// The activity.
        activity: ActivityId,
        /// What it is (its `what`), for people.
        activity_name: String,
        /// Its (health) sector.
        sector: Sector,
    },
}

impl FindingKind {
    /// A stable code (`plan.capacity_exceeded` …).
    pub fn code(&self) -> &'static str {
        match self {
            FindingKind::NoPlan => "plan.no_plan",
            FindingKind::GoalWithoutActivity { .. } => "plan.goal_without_activity",
            FindingKind::GoalWithoutIndicator { .. } => "plan.goal_without_indicator",
            FindingKind::NobodyResponsible { .. } => "plan.nobody_responsible",
            FindingKind::DuplicateGoal { .. } => "plan.duplicate_goal",
            FindingKind::EvaluationMissed { .. } => "plan.evaluation_missed",
            FindingKind::CapacityExceeded { .. } => "plan.capacity_exceeded",
            FindingKind::VoluntaryUsedAsObligatory { .. } => "plan.voluntary_used_as_obligatory",
            FindingKind::NotAgreedWithCitizen { .. } => "plan.goal_not_agreed",
            FindingKind::NotSignedBySectors { .. } => "plan.goal_not_signed",
        }
    }
}

impl PlanFinding {
    /// A sentence for people.
    pub fn describe(&self, lang: Language) -> String {
        let da = lang == Language::Da;
        match &self.kind {
            FindingKind::NoPlan => {
                if da {
                    "sagen har ingen plan".into()
                } else {
                    "the case file has no plan".into()
                }
            }
            FindingKind::GoalWithoutActivity { goal_text, .. } => {
                if da {
                    format!("målet “{goal_text}” er aktivt, men ingen igangværende eller planlagt indsats arbejder hen imod det")
                } else {
                    format!("the goal “{goal_text}” is active, but no current or planned activity serves it")
                }
            }
            FindingKind::GoalWithoutIndicator { goal_text, .. } => {
                if da {
                    format!("målet “{goal_text}” er aktivt, men har ingen indikator, så progression kan ikke måles")
                } else {
                    format!("the goal “{goal_text}” is active but has no indicator, so progress cannot be measured")
                }
            }
            FindingKind::NotAgreedWithCitizen { goal_text, .. } => {
                if da {
                    format!("målet “{goal_text}” er ikke aftalt med borgeren endnu")
                } else {
                    format!("the goal “{goal_text}” has not been agreed with the citizen yet")
                }
            }
            FindingKind::NotSignedBySectors {
                goal_text, missing, ..
            } => {
                let names: Vec<&str> = missing
                    .iter()
                    .map(|s| {
                        if da {
                            s.label(crate::category::Language::Da)
                        } else {
                            s.label(crate::category::Language::En)
                        }
                    })
                    .collect();
                if da {
                    format!(
                        "målet “{goal_text}” er ikke underskrevet af {}",
                        names.join(" og ")
                    )
                } else {
                    format!(
                        "the goal “{goal_text}” is not signed by {}",
                        names.join(" and ")
                    )
                }
            }
            FindingKind::NobodyResponsible { goal_text, .. } => {
                if da {
                    format!("ingen er ansvarlig for målet “{goal_text}”")
                } else {
                    format!("nobody is responsible for the goal “{goal_text}”")
                }
            }
            FindingKind::DuplicateGoal { goal_text, .. } => {
                if da {
                    format!("målet “{goal_text}” står to gange i planen")
                } else {
                    format!("the goal “{goal_text}” is in the plan twice")
                }
            }
            FindingKind::EvaluationMissed { date } => {
                if da {
                    format!(
                        "evalueringen planlagt {} er ikke holdt",
                        crate::text::date_long(lang, *date)
                    )
                } else {
                    format!(
                        "the evaluation planned for {} has not been held",
                        crate::text::date_long(lang, *date)
                    )
                }
            }
            FindingKind::CapacityExceeded {
                hours,
                capacity,
                activity_names,
                from_monday,
                to_monday,
                ..
            } => {
                let (a, b) = (from_monday.iso_week(), to_monday.iso_week());
                let weeks = match (a == b, a.year() == b.year(), da) {
                    (true, _, true) => format!("uge {} {}", a.week(), a.year()),
                    (true, _, false) => format!("week {} of {}", a.week(), a.year()),
                    (false, true, true) => format!("uge {}–{} {}", a.week(), b.week(), a.year()),
                    (false, true, false) => {
                        format!("weeks {}–{} of {}", a.week(), b.week(), a.year())
                    }
                    (false, false, true) => {
                        format!(
                            "uge {} {} – uge {} {}",
                            a.week(),
                            a.year(),
                            b.week(),
                            b.year()
                        )
                    }
                    (false, false, false) => format!(
                        "week {} of {} to week {} of {}",
                        a.week(),
                        a.year(),
                        b.week(),
                        b.year()
                    ),
                };
                let list = activity_names
                    .iter()
                    .map(|n| format!("“{n}”"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let (hours, capacity) = (hours_text(*hours), hours_text(*capacity));
                if da {
                    format!("{weeks}: {hours} timer om ugen ({list}) overstiger borgerens kapacitet på {capacity} timer")
                } else {
                    format!("{weeks}: {hours} hours a week ({list}) exceed the citizen's capacity of {capacity} hours")
                }
            }
            FindingKind::VoluntaryUsedAsObligatory {
                activity_name: activity,
                sector,
                ..
            } => {
                if da {
                    format!("“{activity}” er et frivilligt tilbud fra {}, men står som pligt (mødepligt); sundhedstilbud bygger på motivation", sector.label(crate::category::Language::Da))
                } else {
                    format!("“{activity}” is a voluntary offer from {}, but is marked obligatory; health offers build on motivation", sector.label(crate::category::Language::En))
                }
            }
        }
    }
}

/// Hours for people: at most two decimals, no trailing zeros (16.5, 17, 2.25).
fn hours_text(h: f64) -> String {
    let s = format!("{:.2}", (h * 100.0).round() / 100.0);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The ISO week of a day, as `YYYY-Www`.
pub fn iso_week_label(day: NaiveDate) -> String {
    let w = day.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// Check the plan of `case` as of `as_of`.
pub fn check_plan(case: &CheckedCase, as_of: NaiveDate) -> PlanCheck {
    let root = Pointer::root().key("plan");
    let Some(plan) = &case.case().plan else {
        return PlanCheck {
            as_of,
            goals_checked: 0,
            activities_checked: 0,
            findings: vec![PlanFinding {
                at: root,
                kind: FindingKind::NoPlan,
            }],
        };
    };
    let mut findings = Vec::new();
    goal_findings(plan, as_of, &root, &mut findings);
    evaluation_findings(plan, as_of, &root, &mut findings);
    capacity_findings(plan, as_of, &root, &mut findings);
    for (i, a) in plan.activities.iter().enumerate() {
        if a.sector.is_health() && a.participation == Participation::Obligatory {
            findings.push(PlanFinding {
                at: root.key("activities").index(i).key("participation"),
                kind: FindingKind::VoluntaryUsedAsObligatory {
                    activity: a.id.clone(),
                    activity_name: a.what.clone(),
                    sector: a.sector,
                },
            });
        }
    }
    PlanCheck {
        as_of,
        goals_checked: plan.goals.len(),
        activities_checked: plan.activities.len(),
        findings,
    }
}

fn goal_findings(plan: &Plan, as_of: NaiveDate, root: &Pointer, out: &mut Vec<PlanFinding>) {
    let mut seen: BTreeMap<(String, super::goal::GoalDomain), &GoalId> = BTreeMap::new();
    for (i, g) in plan.goals.iter().enumerate() {
        let at = root.key("goals").index(i);
        if g.status.is_void() {
            continue;
        }
        if g.status.is_active() {
            let served = plan
                .activities
                .iter()
                .any(|a| a.goals.contains(&g.id) && a.period.to.is_none_or(|to| to >= as_of));
            if !served {
                out.push(PlanFinding {
                    at: at.clone(),
                    kind: FindingKind::GoalWithoutActivity {
                        goal: g.id.clone(),
                        goal_text: g.text.clone(),
                    },
                });
            }
            if g.targets.is_empty() {
                out.push(PlanFinding {
                    at: at.key("targets"),
                    kind: FindingKind::GoalWithoutIndicator {
                        goal: g.id.clone(),
                        goal_text: g.text.clone(),
                    },
                });
            }
        }
        if g.agreed_at.is_none_or(|d| d > as_of) {
            out.push(PlanFinding {
                at: at.key("agreed_at"),
                kind: FindingKind::NotAgreedWithCitizen {
                    goal: g.id.clone(),
                    goal_text: g.text.clone(),
                },
            });
        }
        let missing: Vec<Sector> = g
            .sectors
            .iter()
            .filter(|s| !g.signed_by.contains(s))
            .copied()
            .collect();
        if !missing.is_empty() {
            out.push(PlanFinding {
                at: at.key("signed_by"),
                kind: FindingKind::NotSignedBySectors {
                    goal: g.id.clone(),
                    goal_text: g.text.clone(),
                    missing,
                },
            });
        }
        if g.responsible.is_empty() {
            out.push(PlanFinding {
                at: at.key("responsible"),
                kind: FindingKind::NobodyResponsible {
                    goal: g.id.clone(),
                    goal_text: g.text.clone(),
                },
            });
        }
        let key = (normalise(&g.text), g.domain);
        match seen.get(&key) {
            Some(first) => out.push(PlanFinding {
                at: at.key("text"),
                kind: FindingKind::DuplicateGoal {
                    goal: g.id.clone(),
                    goal_text: g.text.clone(),
                    same_as: (*first).clone(),
                },
            }),
            None => {
                seen.insert(key, &g.id);
            }
        }
    }
}

fn evaluation_findings(plan: &Plan, as_of: NaiveDate, root: &Pointer, out: &mut Vec<PlanFinding>) {
    let mut planned: Vec<(usize, NaiveDate)> =
        plan.evaluation_dates.iter().copied().enumerate().collect();
    planned.sort_by_key(|(i, d)| (*d, *i));
    let mut held: Vec<NaiveDate> = plan.evaluations.iter().map(|e| e.held_on).collect();
    held.sort();
    let mut used = vec![false; held.len()];
    for (i, date) in planned {
        let earliest = date
            .checked_sub_days(Days::new(EVALUATION_EARLY_DAYS))
            .unwrap_or(date);
        let matched = held
            .iter()
            .zip(used.iter_mut())
            .find(|(h, u)| !**u && **h >= earliest && **h <= as_of);
        match matched {
            Some((_, u)) => *u = true,
            None if date < as_of => out.push(PlanFinding {
                at: root.key("evaluation_dates").index(i),
                kind: FindingKind::EvaluationMissed { date },
            }),
            None => {}
        }
    }
}

fn capacity_findings(plan: &Plan, as_of: NaiveDate, root: &Pointer, out: &mut Vec<PlanFinding>) {
    let Some(capacity) = plan.weekly_capacity_hours else {
        return;
    };
    let acts = &plan.activities;
    let Some(first) = acts.iter().map(|a| a.period.from).min() else {
        return;
    };
    // After the last day any activity starts or ends, the same activities run every week: the
    // weeks are walked up to there, and a run of open-ended activities still over capacity then
    // is reported up to `as_of`.
    let last = acts
        .iter()
        .flat_map(|a| [Some(a.period.from), a.period.to])
        .flatten()
        .max()
        .unwrap_or(first);
    // One week more, so the last week walked is the steady state.
    let last = last.checked_add_days(Days::new(7)).unwrap_or(last);
    let mut monday = first
        .checked_sub_days(Days::new(u64::from(first.weekday().num_days_from_monday())))
        .unwrap_or(first);
    // A run of consecutive weeks with the same activities: (first monday, last monday, indexes, hours).
    let mut run: Option<(NaiveDate, NaiveDate, Vec<usize>, f64)> = None;
    let mut flush = |run: Option<(NaiveDate, NaiveDate, Vec<usize>, f64)>| {
        if let Some((from, to, idx, hours)) = run {
            let mut sectors: Vec<Sector> = idx
                .iter()
                .filter_map(|&i| acts.get(i))
                .map(|a| a.sector)
                .collect();
            sectors.sort();
            sectors.dedup();
            out.push(PlanFinding {
                at: root.key("weekly_capacity_hours"),
                kind: FindingKind::CapacityExceeded {
                    first_week: iso_week_label(from),
                    last_week: iso_week_label(to),
                    hours,
                    capacity,
                    activities: idx
                        .iter()
                        .filter_map(|&i| acts.get(i))
                        .map(|a| a.id.clone())
                        .collect(),
                    activity_names: idx
                        .iter()
                        .filter_map(|&i| acts.get(i))
                        .map(|a| a.what.clone())
                        .collect(),
                    from_monday: from,
                    to_monday: to,
                    sectors,
                },
            });
        }
    };
    let mut running: Vec<usize> = Vec::with_capacity(acts.len());
    while monday <= last {
        let sunday = monday
            .checked_add_days(Days::new(6))
            .unwrap_or(NaiveDate::MAX);
        running.clear();
        let mut hours = 0.0;
        for (i, a) in acts.iter().enumerate() {
            let overlaps = a.period.from <= sunday && a.period.to.is_none_or(|to| to >= monday);
            if overlaps {
                running.push(i);
                hours += a.hours_per_week;
            }
        }
        let over = hours > capacity + 1e-9;
        run = match run {
            Some((from, _, idx, h)) if over && idx == running => Some((from, monday, idx, h)),
            previous => {
                flush(previous);
                over.then(|| (monday, monday, running.clone(), hours))
            }
        };
        match monday.checked_add_days(Days::new(7)) {
            Some(next) => monday = next,
            None => break,
        }
    }
    if let Some((from, to, idx, hours)) = run {
        let open_ended = idx
            .iter()
            .filter_map(|&i| acts.get(i))
            .any(|a| a.period.to.is_none());
        let to = if open_ended && as_of > to {
            as_of
                .checked_sub_days(Days::new(u64::from(as_of.weekday().num_days_from_monday())))
                .unwrap_or(as_of)
        } else {
            to
        };
        flush(Some((from, to, idx, hours)));
    }
}
