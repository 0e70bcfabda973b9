//! `int`: 64-bit immediates that widen to big ints instead of wrapping, and
//! the arithmetic both share (floor division and modulo round toward minus
//! infinity, as Python's do).

use super::{Args, NativeDef, Object, PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// An int, borrowed from a value.
#[derive(Debug, Clone, Copy)]
pub enum IntRef<'a> {
    /// Within 64 bits.
    Small(i64),
    /// Wider.
    Big(&'a BigInt),
}

impl IntRef<'_> {
    /// As a big int.
    pub fn to_big(self) -> BigInt {
        match self {
            IntRef::Small(n) => BigInt::from(n),
            IntRef::Big(b) => b.clone(),
        }
    }

    /// As an `i64`, if it fits.
    pub fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(n) => Some(n),
            IntRef::Big(b) => b.to_i64(),
        }
    }

    /// Whether it is zero.
    pub fn is_zero(self) -> bool {
        match self {
            IntRef::Small(n) => n == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }

    /// Whether it is negative.
    pub fn is_negative(self) -> bool {
        match self {
            IntRef::Small(n) => n < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }

    /// As a float, or `OverflowError` when too large.
    pub fn to_f64(self) -> PyResult<f64> {
        match self {
            IntRef::Small(n) => Ok(n as f64),
            IntRef::Big(b) => {
                let f = b.to_f64().unwrap_or(f64::INFINITY);
                if f.is_infinite() {
                    Err(PyErr::overflow("int too large to convert to float"))
                } else {
                    Ok(f)
                }
            }
        }
    }
}

/// The int in a value (`bool` counts as an int), if any.
#[inline]
pub fn as_int(value: &Value) -> Option<IntRef<'_>> {
    match value {
        Value::Int(n) => Some(IntRef::Small(*n)),
        Value::Bool(b) => Some(IntRef::Small(*b as i64)),
        Value::Obj(obj) => match &**obj {
            Object::Int(big) => Some(IntRef::Big(big)),
            _ => None,
        },
        _ => None,
    }
}

/// An index-sized int from a value, or the `TypeError` CPython raises.
pub fn as_index(value: &Value, what: &str) -> PyResult<i64> {
    match as_int(value) {
        Some(IntRef::Small(n)) => Ok(n),
        Some(IntRef::Big(_)) => Err(PyErr::index_error(
            "cannot fit 'int' into an index-sized integer",
        )),
        None => Err(PyErr::type_error(format!(
            "{what} must be integers or slices, not {}",
            value.type_name()
        ))),
    }
}

/// Compares two ints.
pub fn compare(a: IntRef<'_>, b: IntRef<'_>) -> Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(&y),
        _ => a.to_big().cmp(&b.to_big()),
    }
}

/// Compares an int with a float exactly (no rounding of the int).
pub fn compare_with_float(a: IntRef<'_>, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let floor = f.floor();
    let whole = BigInt::from(floor as i128);
    let whole = if floor.abs() < 1e38 {
        whole
    } else {
        big_from_f64(floor)
    };
    match a.to_big().cmp(&whole) {
        Ordering::Equal if f > floor => Some(Ordering::Less),
        other => Some(other),
    }
}

/// The big int equal to an integral float.
pub fn big_from_f64(f: f64) -> BigInt {
    let (mantissa, exponent) = super::hash::frexp(f.abs());
    let scaled = (mantissa * (1u64 << 53) as f64) as u64;
    let shift = exponent - 53;
    let mut big = BigInt::from(scaled);
    if shift >= 0 {
        big <<= shift as usize;
    } else {
        big >>= (-shift) as usize;
    }
    if f < 0.0 { -big } else { big }
}

/// `int(f)`: truncates a float toward zero.
pub fn from_float(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        Ok(Value::Int(t as i64))
    } else {
        Ok(Value::from_bigint(big_from_f64(t)))
    }
}

/// The binary integer operators, with big-int fallback.
pub fn arith(op: crate::compile::BinOpKind, a: IntRef<'_>, b: IntRef<'_>) -> PyResult<Value> {
    use crate::compile::BinOpKind as K;
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        let quick = match op {
            K::Add => x.checked_add(y),
            K::Sub => x.checked_sub(y),
            K::Mul => x.checked_mul(y),
            K::FloorDiv if y != 0 => x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y)),
            K::Mod if y != 0 => x.checked_rem(y).map(|_| Integer::mod_floor(&x, &y)),
            K::And => Some(x & y),
            K::Or => Some(x | y),
            K::Xor => Some(x ^ y),
            K::RShift if y >= 0 => Some(if y >= 64 {
                if x < 0 { -1 } else { 0 }
            } else {
                x >> y
            }),
            K::LShift if (0..63).contains(&y) && x.unsigned_abs() < (1u64 << (62 - y)) => {
                Some(x << y)
            }
            _ => None,
        };
        if let Some(result) = quick {
            return Ok(Value::Int(result));
        }
    }
    big_arith(op, a.to_big(), b.to_big(), b)
}

fn big_arith(
    op: crate::compile::BinOpKind,
    x: BigInt,
    y: BigInt,
    b: IntRef<'_>,
) -> PyResult<Value> {
    use crate::compile::BinOpKind as K;
    let result = match op {
        K::Add => x + y,
        K::Sub => x - y,
        K::Mul => {
            crate::heap::reserve((x.bits() + y.bits()) as usize / 8)?;
            x * y
        }
        K::FloorDiv => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            x.div_floor(&y)
        }
        K::Mod => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            x.mod_floor(&y)
        }
        K::And => x & y,
        K::Or => x | y,
        K::Xor => x ^ y,
        K::LShift | K::RShift => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            let shift = y
                .to_usize()
                .ok_or_else(|| PyErr::overflow("too many digits in integer"))?;
            if op == K::LShift {
                crate::heap::reserve(shift / 8 + x.bits() as usize / 8)?;
                x << shift
            } else {
                x >> shift
            }
        }
        K::Pow => return pow(IntRef::Big(&x), IntRef::Big(&y)),
        K::TrueDiv => return true_divide(IntRef::Big(&x), IntRef::Big(&y)),
        K::MatMul => {
            return Err(PyErr::type_error(
                "unsupported operand type(s) for @: 'int' and 'int'",
            ));
        }
    };
    Ok(Value::from_bigint(result))
}

/// `a / b` for ints: a correctly rounded float.
pub fn true_divide(a: IntRef<'_>, b: IntRef<'_>) -> PyResult<Value> {
    if b.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && x.unsigned_abs() < (1 << 53)
        && y.unsigned_abs() < (1 << 53)
    {
        return Ok(Value::Float(x as f64 / y as f64));
    }
    let (x, y) = (a.to_big(), b.to_big());
    let quotient = x.to_f64().zip(y.to_f64()).map(|(p, q)| p / q);
    match quotient {
        Some(q) if q.is_finite() && x.bits() < 1000 && y.bits() < 1000 => Ok(Value::Float(q)),
        _ => {
            let shift = (x.bits() as i64 - y.bits() as i64 - 60).max(0) as usize;
            let scaled = (&x >> shift).to_f64().unwrap_or(f64::INFINITY)
                / y.to_f64().unwrap_or(f64::INFINITY);
            let result = scaled * 2f64.powi(shift as i32);
            if result.is_infinite() {
                return Err(PyErr::overflow(
                    "integer division result too large for a float",
                ));
            }
            Ok(Value::Float(result))
        }
    }
}

/// `a ** b` for ints (a float for negative exponents).
pub fn pow(a: IntRef<'_>, b: IntRef<'_>) -> PyResult<Value> {
    if b.is_negative() {
        let base = a.to_f64()?;
        if base == 0.0 {
            return Err(PyErr::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Value::Float(base.powf(b.to_f64()?)));
    }
    let exponent = b.to_i64().and_then(|e| u32::try_from(e).ok());
    if let (IntRef::Small(x), Some(e)) = (a, exponent)
        && let Some(result) = x.checked_pow(e)
    {
        return Ok(Value::Int(result));
    }
    let base = a.to_big();
    match exponent {
        Some(e) => {
            crate::heap::reserve((base.bits() as usize).saturating_mul(e as usize) / 8)?;
            Ok(Value::from_bigint(num_traits::pow::pow(base, e as usize)))
        }
        None if base.is_zero() || base.is_one() => Ok(Value::from_bigint(base)),
        None if base == BigInt::from(-1) => {
            Ok(Value::Int(if b.to_big().is_even() { 1 } else { -1 }))
        }
        None => Err(crate::heap::memory_error()),
    }
}

/// `pow(a, b, m)`.
pub fn pow_mod(a: IntRef<'_>, b: IntRef<'_>, m: IntRef<'_>) -> PyResult<Value> {
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus = m.to_big();
    let mut base = a.to_big();
    let mut exponent = b.to_big();
    if exponent.is_negative() {
        base = inverse(&base, &modulus)
            .ok_or_else(|| PyErr::value_error("base is not invertible for the given modulus"))?;
        exponent = -exponent;
    }
    let result = base.modpow(&exponent, &modulus.abs());
    let result = if modulus.is_negative() && !result.is_zero() {
        result + &modulus
    } else {
        result
    };
    Ok(Value::from_bigint(result))
}

fn inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let egcd = a.mod_floor(&m).extended_gcd(&m);
    egcd.gcd.is_one().then(|| egcd.x.mod_floor(&m))
}

/// `-a`, `~a`, `abs(a)`.
pub fn negate(a: IntRef<'_>) -> Value {
    match a {
        IntRef::Small(n) if n != i64::MIN => Value::Int(-n),
        _ => Value::from_bigint(-a.to_big()),
    }
}

/// `~a`.
pub fn invert(a: IntRef<'_>) -> Value {
    match a {
        IntRef::Small(n) => Value::Int(!n),
        IntRef::Big(b) => Value::from_bigint(-(b + BigInt::from(1))),
    }
}

/// `abs(a)`.
pub fn absolute(a: IntRef<'_>) -> Value {
    if a.is_negative() {
        negate(a)
    } else {
        a.to_big_value()
    }
}

impl IntRef<'_> {
    fn to_big_value(self) -> Value {
        match self {
            IntRef::Small(n) => Value::Int(n),
            IntRef::Big(b) => Value::from_bigint(b.clone()),
        }
    }
}

/// The decimal text of an int.
pub fn to_string(a: IntRef<'_>) -> String {
    match a {
        IntRef::Small(n) => n.to_string(),
        IntRef::Big(b) => b.to_string(),
    }
}

/// The digits of an int in `radix` (no prefix), with a leading `-`.
pub fn to_radix(a: IntRef<'_>, radix: u32) -> String {
    match a {
        IntRef::Small(n) => {
            let digits = match radix {
                2 => format!("{:b}", n.unsigned_abs()),
                8 => format!("{:o}", n.unsigned_abs()),
                16 => format!("{:x}", n.unsigned_abs()),
                _ => n.unsigned_abs().to_string(),
            };
            if n < 0 { format!("-{digits}") } else { digits }
        }
        IntRef::Big(b) => b.to_str_radix(radix),
    }
}

/// Parses an int literal as `int(text, base)` does.
pub fn parse(text: &str, base: u32) -> Option<BigInt> {
    let trimmed = text.trim();
    let (negative, body) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let lower = body.to_ascii_lowercase();
    let (base, digits, prefixed) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &body[2..], true),
        (0 | 8, Some("0o")) => (8, &body[2..], true),
        (0 | 2, Some("0b")) => (2, &body[2..], true),
        (0, _) => {
            if body.len() > 1 && body.starts_with('0') && body.chars().any(|c| c != '0' && c != '_')
            {
                return None;
            }
            (10, body, false)
        }
        (b, _) => (b, body, false),
    };
    let digits = if prefixed {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let magnitude = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if negative { -magnitude } else { magnitude })
}

/// The sign and base-2**32 digits of an int, for hashing.
pub fn hash(a: IntRef<'_>) -> i64 {
    match a {
        IntRef::Small(n) => super::hash::int(n),
        IntRef::Big(b) => {
            let (sign, digits) = b.to_u32_digits();
            super::hash::bigint(sign == Sign::Minus, &digits)
        }
    }
}

/// `int(x=0, base=10)`.
pub fn int_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("int", &["base"])?;
    let pos = args.count("int", 0, 2)?;
    let base = args.get(1, "base");
    let Some(value) = pos.first() else {
        return Ok(Value::Int(0));
    };
    if let Some(base) = base {
        let base = as_index(base, "base")?;
        let Some(text) = value.as_str() else {
            return Err(PyErr::type_error(
                "int() can't convert non-string with explicit base",
            ));
        };
        if base != 0 && !(2..=36).contains(&base) {
            return Err(PyErr::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        return parse(text.as_str(), base as u32)
            .map(Value::from_bigint)
            .ok_or_else(|| {
                PyErr::value_error(format!(
                    "invalid literal for int() with base {base}: {}",
                    super::str::repr(text.as_str())
                ))
            });
    }
    vm.to_int(value)
}

/// `bool(x=False)`.
pub fn bool_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = args.exact("bool", 0, 1)?;
    match pos.first() {
        Some(value) => Ok(Value::Bool(vm.truthy(value)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn self_int<'a>(args: &'a Args<'_>, name: &str) -> PyResult<IntRef<'a>> {
    args.positional()
        .first()
        .and_then(as_int)
        .ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' requires an 'int' object")))
}

fn bit_length(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = self_int(&args, "bit_length")?;
    Ok(Value::Int(match n {
        IntRef::Small(v) => 64 - v.unsigned_abs().leading_zeros() as i64,
        IntRef::Big(b) => b.bits() as i64,
    }))
}

fn bit_count(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = self_int(&args, "bit_count")?;
    Ok(Value::Int(match n {
        IntRef::Small(v) => v.unsigned_abs().count_ones() as i64,
        IntRef::Big(b) => b.magnitude().count_ones() as i64,
    }))
}

fn conjugate(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(self_int(&args, "conjugate")?.to_big_value())
}

fn as_integer_ratio(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = self_int(&args, "as_integer_ratio")?.to_big_value();
    Ok(Value::tuple(vec![n, Value::Int(1)]))
}

fn to_bytes(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = self_int(&args, "to_bytes")?.to_big();
    let length = args
        .get(1, "length")
        .map_or(Ok(1), |v| as_index(v, "length"))?;
    let big_endian = args
        .get(2, "byteorder")
        .and_then(|v| v.as_str().map(|s| s.as_str() == "big"))
        .unwrap_or(true);
    let signed = matches!(args.keyword("signed"), Some(Value::Bool(true)));
    if n.is_negative() && !signed {
        return Err(PyErr::overflow("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if n.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length as usize {
        return Err(PyErr::overflow("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length as usize, fill);
    if big_endian {
        bytes.reverse();
    }
    Ok(Value::obj(Object::Bytes(bytes.into_boxed_slice())))
}

fn from_bytes(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = match args.get(1, "bytes") {
        Some(Value::Obj(o)) => match &**o {
            Object::Bytes(b) => b.to_vec(),
            _ => return Err(PyErr::type_error("cannot convert to bytes")),
        },
        _ => {
            return Err(PyErr::type_error(
                "from_bytes() missing required argument 'bytes'",
            ));
        }
    };
    let big_endian = args
        .get(2, "byteorder")
        .and_then(|v| v.as_str().map(|s| s.as_str() == "big"))
        .unwrap_or(true);
    let signed = matches!(args.keyword("signed"), Some(Value::Bool(true)));
    let n = match (big_endian, signed) {
        (true, true) => BigInt::from_signed_bytes_be(&data),
        (true, false) => BigInt::from_bytes_be(Sign::Plus, &data),
        (false, true) => BigInt::from_signed_bytes_le(&data),
        (false, false) => BigInt::from_bytes_le(Sign::Plus, &data),
    };
    Ok(Value::from_bigint(n))
}

fn is_integer(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    self_int(&args, "is_integer")?;
    Ok(Value::Bool(true))
}

/// Methods of `int`.
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("int", "bit_length", bit_length),
    NativeDef::method("int", "bit_count", bit_count),
    NativeDef::method("int", "conjugate", conjugate),
    NativeDef::method("int", "as_integer_ratio", as_integer_ratio),
    NativeDef::method("int", "to_bytes", to_bytes),
    NativeDef::class_method("int", "from_bytes", from_bytes),
    NativeDef::method("int", "is_integer", is_integer),
];
