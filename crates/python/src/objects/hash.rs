//! CPython's hash functions, bit for bit, so that sets iterate in CPython's
//! order and `hash()` prints what CPython prints under `PYTHONHASHSEED=0`.
//!
//! Strings and bytes use SipHash-1-3 with an all-zero key over the same code
//! units CPython hashes (one, two or four bytes per character, by the widest
//! character); numbers reduce modulo the Mersenne prime 2**61 - 1 so that
//! `hash(1) == hash(1.0) == hash(True)`.

/// The modulus of numeric hashes: 2**61 - 1.
pub const MODULUS: u64 = (1 << 61) - 1;
/// `hash(float('inf'))`.
pub const INF: i64 = 314_159;
const BITS: u32 = 61;

/// Turns -1 (CPython's error marker) into -2, as CPython does.
#[inline]
pub fn fix(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// The hash of an int that fits in 64 bits.
#[inline]
pub fn int(n: i64) -> i64 {
    let reduced = (n.unsigned_abs() % MODULUS) as i64;
    fix(if n < 0 { -reduced } else { reduced })
}

/// The hash of any int, from its sign and magnitude in base 2**32 digits
/// (least significant first).
pub fn bigint(negative: bool, digits: &[u32]) -> i64 {
    let mut acc: u128 = 0;
    for &digit in digits.iter().rev() {
        acc = ((acc << 32) | digit as u128) % MODULUS as u128;
    }
    let reduced = acc as i64;
    fix(if negative { -reduced } else { reduced })
}

/// The hash of a float, equal to the hash of an equal int.
pub fn float(value: f64) -> i64 {
    if value.is_nan() {
        return 0;
    }
    if value.is_infinite() {
        return if value > 0.0 { INF } else { -INF };
    }
    let (mut mantissa, mut exponent) = frexp(value.abs());
    let sign: i64 = if value < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while mantissa != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        mantissa *= 268_435_456.0;
        exponent -= 28;
        let whole = mantissa as u64;
        mantissa -= whole as f64;
        x += whole;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let shift = if exponent >= 0 {
        exponent % BITS as i32
    } else {
        BITS as i32 - 1 - ((-1 - exponent) % BITS as i32)
    } as u32;
    x = ((x << shift) & MODULUS) | (x >> (BITS - shift));
    fix((x as i64).wrapping_mul(sign))
}

/// Splits a finite, non-negative float into a mantissa in [0.5, 1) and an
/// exponent, like C's `frexp`.
pub fn frexp(value: f64) -> (f64, i32) {
    if value == 0.0 || !value.is_finite() {
        return (value, 0);
    }
    let bits = value.to_bits();
    let raw_exponent = ((bits >> 52) & 0x7ff) as i32;
    if raw_exponent == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(value * f64::powi(2.0, 64));
        return (m, e - 64);
    }
    let mantissa = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (mantissa, raw_exponent - 1022)
}

/// The hash of a tuple from the hashes of its items (CPython's xxHash-based
/// combination).
pub fn tuple(item_hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let len = item_hashes.len() as u64;
    let mut acc = PRIME_5;
    for lane in item_hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(len ^ (PRIME_5 ^ 3_527_539));
    if acc as i64 == -1 {
        1_546_275_796
    } else {
        acc as i64
    }
}

/// The hash of a frozenset from the hashes of its items.
pub fn frozenset(item_hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash: u64 = 0;
    for h in item_hashes {
        hash ^= shuffle(h as u64);
    }
    hash ^= (len as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash as i64 == -1 {
        590_923_713
    } else {
        hash as i64
    }
}

/// The default hash of an object: its address, rotated as CPython does.
pub fn pointer(address: usize) -> i64 {
    fix((address as u64).rotate_right(4) as i64)
}

/// The hash of a `str`, over the code units CPython stores for it.
pub fn text(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let widest = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut sip = SipHasher13::new();
    if widest < 0x100 {
        for c in s.chars() {
            sip.write_byte(c as u8);
        }
    } else if widest < 0x10000 {
        for c in s.chars() {
            for byte in (c as u16).to_le_bytes() {
                sip.write_byte(byte);
            }
        }
    } else {
        for c in s.chars() {
            for byte in (c as u32).to_le_bytes() {
                sip.write_byte(byte);
            }
        }
    }
    fix(sip.finish() as i64)
}

/// The hash of `bytes`.
pub fn bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let mut sip = SipHasher13::new();
    for &byte in data {
        sip.write_byte(byte);
    }
    fix(sip.finish() as i64)
}

/// SipHash-1-3 with a zero key, fed a byte at a time.
struct SipHasher13 {
    v: [u64; 4],
    tail: u64,
    tail_len: u32,
    total: u64,
}

impl SipHasher13 {
    fn new() -> Self {
        SipHasher13 {
            v: [
                0x736f_6d65_7073_6575,
                0x646f_7261_6e64_6f6d,
                0x6c79_6765_6e65_7261,
                0x7465_6462_7974_6573,
            ],
            tail: 0,
            tail_len: 0,
            total: 0,
        }
    }

    #[inline]
    fn round(&mut self) {
        let v = &mut self.v;
        v[0] = v[0].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(13) ^ v[0];
        v[0] = v[0].rotate_left(32);
        v[2] = v[2].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(16) ^ v[2];
        v[0] = v[0].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(21) ^ v[0];
        v[2] = v[2].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(17) ^ v[2];
        v[2] = v[2].rotate_left(32);
    }

    #[inline]
    fn compress(&mut self, word: u64) {
        self.v[3] ^= word;
        self.round();
        self.v[0] ^= word;
    }

    #[inline]
    fn write_byte(&mut self, byte: u8) {
        self.tail |= (byte as u64) << (8 * self.tail_len);
        self.tail_len += 1;
        self.total += 1;
        if self.tail_len == 8 {
            let word = self.tail;
            self.compress(word);
            self.tail = 0;
            self.tail_len = 0;
        }
    }

    fn finish(mut self) -> u64 {
        let last = self.tail | ((self.total & 0xff) << 56);
        self.compress(last);
        self.v[2] ^= 0xff;
        for _ in 0..3 {
            self.round();
        }
        self.v[0] ^ self.v[1] ^ self.v[2] ^ self.v[3]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Values printed by CPython 3.11 with PYTHONHASHSEED=0.
    #[test]
    fn strings_hash_as_cpython_with_seed_zero() {
        assert_eq!(text("a"), 4644417185603328019);
        assert_eq!(text(""), 0);
        assert_eq!(text("hello"), -2096571579003691106);
        assert_eq!(text("é"), 6047309291227476195);
        assert_eq!(text("€"), -5529981157763016009);
        assert_eq!(bytes(b"ab"), 6148830537548944441);
    }

    #[test]
    fn numbers_and_tuples_hash_as_cpython() {
        assert_eq!(tuple([1, 2].into_iter()), -3550055125485641917);
        assert_eq!(tuple([].into_iter()), 5740354900026072187);
        assert_eq!(float(1.5), 1152921504606846977);
        assert_eq!(int(-1), -2);
        assert_eq!(bigint(false, &[0, 1 << 29]), 1);
        assert_eq!(float(3.0), 3);
        assert_eq!(frozenset([1, 2].into_iter(), 2), -1826646154956904602);
    }
}
