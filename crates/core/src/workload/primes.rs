//! `primes`: count the primes in a range of integers by trial division.
//!
//! Pure CPU work with no memory traffic to speak of, which makes it the
//! clearest case of "threads help, the GIL does not".

use serde::{Deserialize, Serialize};

/// Where task 0's range starts: far enough out that every number costs a
/// similar amount of division.
const FIRST: u64 = 20_000_000;

/// Numbers per unit of `work`, chosen so that one unit is about 10 ms on a
/// laptop core.
pub const NUMBERS_PER_UNIT: u64 = 35_000;

/// Numbers tested per slice: about a quarter of a millisecond.
const SLICE: u64 = 400;

/// The half-open range of integers task `index` tests.
pub fn range(index: u32, work: u32) -> (u64, u64) {
    let span = u64::from(work) * NUMBERS_PER_UNIT;
    let start = FIRST + u64::from(index) * span;
    (start, start + span)
}

/// Trial division by 2, 3 and numbers of the form 6k ± 1.
pub fn is_prime(n: u64) -> bool {
    if n < 4 {
        return n >= 2;
    }
    if n.is_multiple_of(2) || n.is_multiple_of(3) {
        return false;
    }
    let mut d = 5;
    while d * d <= n {
        if n.is_multiple_of(d) || n.is_multiple_of(d + 2) {
            return false;
        }
        d += 6;
    }
    true
}

/// A prime count in progress.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PrimeCount {
    next: u64,
    end: u64,
    /// Primes found so far.
    pub count: u64,
}

impl PrimeCount {
    /// Starts counting task `index`'s range.
    pub fn new(index: u32, work: u32) -> Self {
        let (next, end) = range(index, work);
        Self {
            next,
            end,
            count: 0,
        }
    }

    /// Tests one slice of numbers; returns `true` once the range is done.
    pub fn advance(&mut self) -> bool {
        let stop = (self.next + SLICE).min(self.end);
        self.count += (self.next..stop).filter(|&n| is_prime(n)).count() as u64;
        self.next = stop;
        self.next >= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_small_primes() {
        let primes: Vec<u64> = (0..30).filter(|&n| is_prime(n)).collect();
        assert_eq!(primes, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
    }

    #[test]
    fn counts_match_a_sieve() {
        let (start, end) = range(3, 1);
        let mut sieve = vec![true; end as usize];
        sieve[0] = false;
        sieve[1] = false;
        let mut i = 2;
        while i * i < end as usize {
            if sieve[i] {
                (i * i..end as usize)
                    .step_by(i)
                    .for_each(|j| sieve[j] = false);
            }
            i += 1;
        }
        let expected = sieve[start as usize..].iter().filter(|&&p| p).count() as u64;
        let mut count = PrimeCount::new(3, 1);
        while !count.advance() {}
        assert_eq!(count.count, expected);
    }

    #[test]
    fn ranges_of_consecutive_tasks_tile_the_line() {
        assert_eq!(range(0, 2).1, range(1, 2).0);
        assert_eq!(range(0, 5).1 - range(0, 5).0, 5 * NUMBERS_PER_UNIT);
    }
}
