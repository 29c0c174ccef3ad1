//! The words for a referral's status, one wording per language everywhere (report, `referrals`).

use super::overview::ReferralStatus;
use crate::category::Language;
use crate::text::{count, pick, Unit};

impl ReferralStatus {
    /// The mark a list shows for the referral: stale, closed or open.
    pub fn mark(&self, lang: Language) -> &'static str {
        if self.stale {
            pick(lang, "FORSINKET", "STALE")
        } else if self.state.is_final() {
            pick(lang, "lukket", "closed")
        } else {
            pick(lang, "åben", "open")
        }
    }

    /// How far past its response deadline a stale referral is ("3 hverdage over fristen"); empty
    /// when it is not stale.
    pub fn overdue(&self, lang: Language) -> String {
        if !self.stale {
            return String::new();
        }
        let n = count(lang, self.working_days_overdue, Unit::WorkingDay);
        format!("{n} {}", pick(lang, "over fristen", "past the deadline"))
    }
}
