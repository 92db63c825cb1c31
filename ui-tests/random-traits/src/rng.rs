//! A small seeded PRNG (`SplitMix64`): reproducible from one `u64`, and one
//! independent stream per trait so that a trait can be regenerated alone.

/// `SplitMix64`: one add and a mix per draw, statistically fine for picking
/// among a few dozen shapes.
#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    #[cfg(test)]
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The stream of trait `index` under `seed`: independent of every other
    /// trait, so `--only` regenerates the same trait. (Starting trait `i`
    /// at `seed + i` would make each stream the previous one shifted by a
    /// draw: `SplitMix64` steps its state by a constant.)
    pub(crate) fn for_trait(seed: u64, index: usize) -> Self {
        Rng(mix(
            mix(seed ^ 0x5851_f42d_4c95_7f2d) ^ mix(index as u64 + 1)
        ))
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// A number in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        // The modulo bias is below 2^-50 for the small `n` used here.
        usize::try_from(self.next_u64() % n as u64).unwrap_or(0)
    }

    /// True with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: u32) -> bool {
        self.next_u64() % 10_000 < u64::from(percent) * 100
    }

    /// True with probability `per_mille` / 1000.
    pub(crate) fn chance_per_mille(&mut self, per_mille: u32) -> bool {
        self.next_u64() % 1000 < u64::from(per_mille)
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Index into `weights`, each chosen in proportion to its weight.
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut draw = self.next_u64() % total.max(1);
        for (index, &weight) in weights.iter().enumerate() {
            if draw < u64::from(weight) {
                return index;
            }
            draw -= u64::from(weight);
        }
        weights.len() - 1
    }
}

/// `SplitMix64`'s output function: a bijection that scatters nearby inputs.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn the_same_seed_gives_the_same_stream() {
        let a: Vec<u64> = (0..5).map(|_| Rng::new(7).next_u64()).collect();
        let mut one = Rng::new(7);
        let mut two = Rng::new(7);
        for _ in 0..100 {
            assert_eq!(one.next_u64(), two.next_u64());
        }
        assert!(a.iter().all(|&x| x == a[0]));
        assert_ne!(
            Rng::for_trait(1, 0).next_u64(),
            Rng::for_trait(1, 1).next_u64()
        );
        assert_ne!(
            Rng::for_trait(1, 0).next_u64(),
            Rng::for_trait(2, 0).next_u64()
        );
    }

    #[test]
    fn neighbouring_traits_do_not_share_a_stream() {
        let draws = |index| {
            let mut rng = Rng::for_trait(9, index);
            (0..40).map(|_| rng.next_u64()).collect::<Vec<_>>()
        };
        for index in 0..50 {
            let (this, next) = (draws(index), draws(index + 1));
            assert!(
                next.iter().all(|draw| !this.contains(draw)),
                "trait {index}"
            );
        }
    }

    #[test]
    fn weighted_respects_zero_weights_and_bounds() {
        let mut rng = Rng::new(3);
        for _ in 0..1000 {
            assert_eq!(rng.weighted(&[0, 5, 0]), 1);
            assert!(rng.below(3) < 3);
        }
    }
}
