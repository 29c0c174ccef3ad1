//! A deterministic number sequence (SplitMix64), seeded by the caller: no randomness source.

/// SplitMix64 (Steele, Lea and Flood 2014): a fast 64-bit sequence, fine for synthetic data and
/// not for anything secret.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A sequence from a seed.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The sequence for item `index` of the population `seed` (independent of the other items).
    pub fn for_item(seed: u64, index: u64) -> Self {
        let mut s = Self::new(seed ^ 0x5DEE_CE66_D1CE_4E5B);
        let base = s.next_u64();
        Self::new(base ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// The next 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
        }
    }
}
