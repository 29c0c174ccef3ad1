//! Shares with Wilson score intervals (Wilson 1927): unlike the normal approximation, the interval
//! stays within 0–1 and behaves for shares near 0 or 1 and for small counts.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// A share with its 95 % Wilson interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ShareInterval {
    /// The share, 0 to 1.
    pub share: f64,
    /// The interval's lower end.
    pub low: f64,
    /// The interval's upper end.
    pub high: f64,
}

/// The share `x / n` with its 95 % Wilson interval (`None` when `n` is 0).
pub fn wilson(x: u64, n: u64) -> Option<ShareInterval> {
    if n == 0 {
        return None;
    }
    let n_f = n as f64;
    let p = x.min(n) as f64 / n_f;
    let z2 = Z95 * Z95;
    let centre = (p + z2 / (2.0 * n_f)) / (1.0 + z2 / n_f);
    let half = Z95 / (1.0 + z2 / n_f) * (p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f)).sqrt();
    Some(ShareInterval {
        share: p,
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // 8 of 10: centre 0.7168, half-width 0.2266 by hand from the formula: 0.490–0.943.
        let w = wilson(8, 10).unwrap_or(ShareInterval {
            share: 0.0,
            low: 0.0,
            high: 0.0,
        });
        assert!((w.low - 0.4902).abs() < 1e-3, "{w:?}");
        assert!((w.high - 0.9433).abs() < 1e-3, "{w:?}");
        let zero = wilson(0, 20).map(|w| (w.low, w.share));
        assert_eq!(zero, Some((0.0, 0.0)));
        assert!(wilson(0, 0).is_none());
    }
}
