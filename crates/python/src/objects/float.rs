//! `float`: CPython's shortest round-trip `repr`, its fixed/exponent/general
//! formats, parsing, and floor division and modulo with Python's signs.

use super::int::{as_int, big_from_f64};
use super::{Args, NativeDef, PyErr, PyResult, Value};
use crate::vm::Vm;

/// The shortest digits that read back as `f`, and the decimal exponent of
/// the first one (`f = 0.d1d2… × 10^point`).
fn shortest_digits(f: f64) -> (String, i32) {
    let text = format!("{:e}", f.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    (digits, exponent + 1)
}

/// `repr(f)`, as CPython writes it.
pub fn repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let (digits, point) = shortest_digits(f);
    let sign = if f < 0.0 { "-" } else { "" };
    let body = if point <= -4 || point > 16 {
        scientific(&digits, point - 1)
    } else {
        fixed(&digits, point, true)
    };
    format!("{sign}{body}")
}

fn scientific(digits: &str, exponent: i32) -> String {
    let (first, rest) = digits.split_at(1);
    let fraction = if rest.is_empty() {
        String::new()
    } else {
        format!(".{rest}")
    };
    let sign = if exponent < 0 { '-' } else { '+' };
    format!("{first}{fraction}e{sign}{:02}", exponent.abs())
}

fn fixed(digits: &str, point: i32, add_zero: bool) -> String {
    let len = digits.len() as i32;
    if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if point >= len {
        let zeros = "0".repeat((point - len) as usize);
        if add_zero {
            format!("{digits}{zeros}.0")
        } else {
            format!("{digits}{zeros}")
        }
    } else {
        let (whole, fraction) = digits.split_at(point as usize);
        format!("{whole}.{fraction}")
    }
}

/// `format(f, '.{precision}f')` without sign handling for non-finite values.
pub fn format_fixed(f: f64, precision: usize) -> String {
    if !f.is_finite() {
        return non_finite(f);
    }
    format!("{f:.precision$}")
}

/// `format(f, '.{precision}e')`.
pub fn format_exponent(f: f64, precision: usize, upper: bool) -> String {
    if !f.is_finite() {
        let text = non_finite(f);
        return if upper { text.to_uppercase() } else { text };
    }
    let text = format!("{f:.precision$e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let sign = if exponent < 0 { '-' } else { '+' };
    let e = if upper { 'E' } else { 'e' };
    format!("{mantissa}{e}{sign}{:02}", exponent.abs())
}

/// `format(f, '.{precision}g')` (`alternate`: keep trailing zeros;
/// `empty_type`: the format with no type letter, which keeps a `.0`).
pub fn format_general(
    f: f64,
    precision: usize,
    upper: bool,
    alternate: bool,
    empty_type: bool,
) -> String {
    if !f.is_finite() {
        let text = non_finite(f);
        return if upper { text.to_uppercase() } else { text };
    }
    let precision = precision.max(1);
    let rounded = format!("{:.*e}", precision - 1, f);
    let exponent: i32 = rounded
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let mut text = if -4 <= exponent && exponent < precision as i32 {
        let decimals = (precision as i32 - 1 - exponent).max(0) as usize;
        let mut t = format!("{f:.decimals$}");
        if !alternate {
            t = strip_zeros(&t);
        }
        if empty_type && !t.contains('.') {
            t.push_str(".0");
        }
        t
    } else {
        let mut t = format_exponent(f, precision - 1, upper);
        if !alternate && let Some((mantissa, exp)) = t.split_once(['e', 'E']) {
            let e = if upper { 'E' } else { 'e' };
            t = format!("{}{e}{exp}", strip_zeros(mantissa));
        }
        t
    };
    if upper {
        text = text.to_uppercase();
    }
    text
}

fn strip_zeros(text: &str) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text.to_string()
    }
}

fn non_finite(f: f64) -> String {
    if f.is_nan() {
        "nan".into()
    } else if f > 0.0 {
        "inf".into()
    } else {
        "-inf".into()
    }
}

/// Parses a float as `float(text)` does.
pub fn parse(text: &str) -> Option<f64> {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    let negative = lower.starts_with('-');
    let special = match unsigned {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(value) = special {
        return Some(if negative { -value } else { value });
    }
    if lower.contains("__")
        || lower.starts_with('_')
        || lower.ends_with('_')
        || lower.contains("_.")
        || lower.contains("._")
    {
        return None;
    }
    let clean: String = lower.chars().filter(|&c| c != '_').collect();
    if clean.is_empty()
        || !clean
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.e".contains(c))
    {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// `a // b` and `a % b` for floats, with Python's signs.
pub fn divmod(a: f64, b: f64) -> (f64, f64) {
    let mut modulo = a % b;
    let mut div = (a - modulo) / b;
    if modulo != 0.0 {
        if (b < 0.0) != (modulo < 0.0) {
            modulo += b;
            div -= 1.0;
        }
    } else {
        modulo = 0f64.copysign(b);
    }
    let floor_div = if div != 0.0 {
        let mut floor = div.floor();
        if div - floor > 0.5 {
            floor += 1.0;
        }
        floor
    } else {
        0f64.copysign(a / b)
    };
    (floor_div, modulo)
}

/// `a ** b` for floats.
pub fn pow(a: f64, b: f64) -> PyResult<f64> {
    if a == 0.0 && b < 0.0 {
        return Err(PyErr::zero_division(
            "0.0 cannot be raised to a negative power",
        ));
    }
    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
        return Err(PyErr::value_error(
            "Threadline Python has no complex numbers: a negative number cannot be raised to a fractional power",
        ));
    }
    let result = a.powf(b);
    if result.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(PyErr::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(result)
}

/// Rounds to `ndigits` decimals, correctly (half to even on the exact value).
pub fn round_to(f: f64, ndigits: i64) -> f64 {
    if !f.is_finite() || ndigits > 300 {
        return f;
    }
    if ndigits < -308 {
        return 0.0f64.copysign(f);
    }
    if ndigits >= 0 {
        format!("{f:.*}", ndigits as usize).parse().unwrap_or(f)
    } else {
        let scale = 10f64.powi((-ndigits) as i32);
        let scaled = f / scale;
        scaled.round_ties_even() * scale
    }
}

/// The float in a value (ints convert), if it is a number.
pub fn as_float(value: &Value) -> Option<PyResult<f64>> {
    match value {
        Value::Float(f) => Some(Ok(*f)),
        other => as_int(other).map(|i| i.to_f64()),
    }
}

/// `float(x=0.0)`.
pub fn float_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = args.exact("float", 0, 1)?;
    let Some(value) = pos.first() else {
        return Ok(Value::Float(0.0));
    };
    if let Some(text) = value.as_str() {
        return parse(text.as_str()).map(Value::Float).ok_or_else(|| {
            PyErr::value_error(format!(
                "could not convert string to float: {}",
                super::str::repr(text.as_str())
            ))
        });
    }
    if let Some(f) = as_float(value) {
        return f.map(Value::Float);
    }
    if let Some(result) = vm.call_special(value, &crate::objects::names::names().__float__, &[])? {
        return Ok(result);
    }
    Err(PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        value.type_name()
    )))
}

fn self_float(args: &Args<'_>) -> PyResult<f64> {
    match args.positional().first() {
        Some(Value::Float(f)) => Ok(*f),
        _ => Err(PyErr::type_error("descriptor requires a 'float' object")),
    }
}

fn is_integer(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = self_float(&args)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn as_integer_ratio(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = self_float(&args)?;
    if !f.is_finite() {
        return Err(if f.is_nan() {
            PyErr::value_error("cannot convert NaN to integer ratio")
        } else {
            PyErr::overflow("cannot convert Infinity to integer ratio")
        });
    }
    let (mantissa, exponent) = super::hash::frexp(f.abs());
    let mut numerator = big_from_f64(mantissa * 2f64.powi(53) * f.signum());
    let mut denominator = num_bigint::BigInt::from(1);
    let shift = exponent - 53;
    if shift > 0 {
        numerator <<= shift as usize;
    } else {
        denominator <<= (-shift) as usize;
    }
    let gcd = num_integer::Integer::gcd(&numerator, &denominator);
    Ok(Value::tuple(vec![
        Value::from_bigint(numerator / &gcd),
        Value::from_bigint(denominator / gcd),
    ]))
}

fn conjugate(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::Float(self_float(&args)?))
}

fn hex(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = self_float(&args)?;
    if !f.is_finite() {
        return Ok(Value::string(non_finite(f)));
    }
    if f == 0.0 {
        return Ok(Value::str(if f.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }));
    }
    let (mantissa, exponent) = super::hash::frexp(f.abs());
    let bits = ((mantissa * 2.0 * (1u64 << 52) as f64) as u64) & ((1 << 52) - 1);
    let digits = format!("{bits:013x}");
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let sign = if f < 0.0 { "-" } else { "" };
    let e = exponent - 1;
    Ok(Value::string(format!(
        "{sign}0x1.{digits}p{}{}",
        if e < 0 { "-" } else { "+" },
        e.abs()
    )))
}

/// Methods of `float`.
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("float", "is_integer", is_integer),
    NativeDef::method("float", "as_integer_ratio", as_integer_ratio),
    NativeDef::method("float", "conjugate", conjugate),
    NativeDef::method("float", "hex", hex),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        for (value, text) in [
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789.0, "123456789.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (-2.5, "-2.5"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0f64.powi(100), "1.2676506002282294e+30"),
            (f64::INFINITY, "inf"),
            (-0.0, "-0.0"),
        ] {
            assert_eq!(repr(value), text);
        }
    }

    #[test]
    fn formats_match_cpython() {
        assert_eq!(format_fixed(2.675, 2), "2.67");
        assert_eq!(format_exponent(12345.678, 2, false), "1.23e+04");
        assert_eq!(
            format_general(1234567.0, 6, false, false, false),
            "1.23457e+06"
        );
        assert_eq!(format_general(0.0001, 6, false, false, false), "0.0001");
        assert_eq!(format_general(100.0, 6, false, false, false), "100");
        assert_eq!(format_general(1.0, 3, false, false, true), "1.0");
        assert_eq!(divmod(-7.0, 2.0), (-4.0, 1.0));
        assert_eq!(round_to(2.675, 2), 2.67);
        assert_eq!(parse(" 1_000.5 "), Some(1000.5));
    }
}
