//! The format-spec mini-language (`format(x, spec)`, f-strings,
//! `str.format`) for ints, floats and strings, with CPython's errors.

use super::float;
use super::int::{self, IntRef};
use super::{PyErr, PyResult};

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormatSpec {
    /// The fill character.
    pub fill: Option<char>,
    /// `<`, `>`, `^` or `=`.
    pub align: Option<char>,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: negative zero becomes zero.
    pub coerce_zero: bool,
    /// `#`.
    pub alternate: bool,
    /// A leading `0` before the width.
    pub zero: bool,
    /// The minimum width.
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// The precision.
    pub precision: Option<usize>,
    /// The type letter.
    pub kind: Option<char>,
}

impl FormatSpec {
    /// Parses a spec.
    pub fn parse(spec: &str) -> PyResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut out = FormatSpec::default();
        let mut i = 0;
        let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
        if chars.len() >= 2 && is_align(chars[1]) {
            out.fill = Some(chars[0]);
            out.align = Some(chars[1]);
            i = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            out.align = Some(chars[0]);
            i = 1;
        }
        if let Some(&c) = chars.get(i)
            && matches!(c, '+' | '-' | ' ')
        {
            out.sign = Some(c);
            i += 1;
        }
        if chars.get(i) == Some(&'z') {
            out.coerce_zero = true;
            i += 1;
        }
        if chars.get(i) == Some(&'#') {
            out.alternate = true;
            i += 1;
        }
        if chars.get(i) == Some(&'0') {
            out.zero = true;
            i += 1;
        }
        let (width, next) = digits(&chars, i);
        out.width = width;
        i = next;
        if let Some(&c) = chars.get(i)
            && matches!(c, ',' | '_')
        {
            out.grouping = Some(c);
            i += 1;
        }
        if chars.get(i) == Some(&'.') {
            let (precision, next) = digits(&chars, i + 1);
            if precision.is_none() {
                return Err(PyErr::value_error("Format specifier missing precision"));
            }
            out.precision = precision;
            i = next;
        }
        if i < chars.len() {
            out.kind = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() {
            return Err(PyErr::value_error("Invalid format specifier"));
        }
        Ok(out)
    }
}

fn digits(chars: &[char], start: usize) -> (Option<usize>, usize) {
    let mut end = start;
    while end < chars.len() && chars[end].is_ascii_digit() {
        end += 1;
    }
    if end == start {
        return (None, start);
    }
    let text: String = chars[start..end].iter().collect();
    (text.parse().ok(), end)
}

/// Pads `body` (already signed) to the spec's width.
fn pad(sign: &str, body: &str, spec: &FormatSpec, default_align: char) -> String {
    let width = spec.width.unwrap_or(0);
    let len = sign.chars().count() + body.chars().count();
    if len >= width {
        return format!("{sign}{body}");
    }
    let fill = spec.fill.unwrap_or(if spec.zero && spec.align.is_none() {
        '0'
    } else {
        ' '
    });
    let align = spec
        .align
        .unwrap_or(if spec.zero { '=' } else { default_align });
    let padding = width - len;
    let run = |n: usize| fill.to_string().repeat(n);
    match align {
        '<' => format!("{sign}{body}{}", run(padding)),
        '^' => format!(
            "{}{sign}{body}{}",
            run(padding / 2),
            run(padding - padding / 2)
        ),
        '=' => format!("{sign}{}{body}", run(padding)),
        _ => format!("{}{sign}{body}", run(padding)),
    }
}

/// Inserts a separator every `every` digits of an integer part.
fn group(digits: &str, separator: char, every: usize) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(every) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Zero-pads a grouped number to fill `width` (CPython puts separators in
/// the zero padding too).
fn zero_fill_grouped(
    integer: &str,
    rest_len: usize,
    sign_len: usize,
    spec: &FormatSpec,
    every: usize,
) -> String {
    let separator = spec.grouping.unwrap_or(',');
    let mut digits = integer.to_string();
    let mut grouped = group(&digits, separator, every);
    let target = spec.width.unwrap_or(0);
    while sign_len + grouped.len() + rest_len < target {
        digits.insert(0, '0');
        grouped = group(&digits, separator, every);
    }
    grouped
}

fn sign_of(negative: bool, spec: &FormatSpec) -> &'static str {
    match (negative, spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// `format(n, spec)` for an int.
pub fn format_int(n: IntRef<'_>, spec: &FormatSpec) -> PyResult<String> {
    let kind = spec.kind.unwrap_or('d');
    if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(n.to_f64()?, spec);
    }
    if spec.precision.is_some() {
        return Err(PyErr::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.coerce_zero {
        return Err(PyErr::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let (radix, prefix) = match kind {
        'd' | 'n' => (10, ""),
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'c' => {
            let code = n.to_i64().filter(|c| (0..=0x10ffff).contains(c));
            let c = code.and_then(|c| char::from_u32(c as u32));
            let Some(c) = c else {
                return Err(PyErr::overflow("%c arg not in range(0x110000)"));
            };
            return Ok(pad("", &c.to_string(), spec, '<'));
        }
        other => {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{other}' for object of type 'int'"
            )));
        }
    };
    if let Some(g) = spec.grouping
        && (kind == 'n' || (g == ',' && radix != 10))
    {
        return Err(PyErr::value_error(format!(
            "Cannot specify '{g}' with '{kind}'."
        )));
    }
    let text = int::to_radix(n, radix);
    let negative = text.starts_with('-');
    let mut digits = text.trim_start_matches('-').to_string();
    if kind == 'X' {
        digits = digits.to_uppercase();
    }
    let sign = format!(
        "{}{}",
        sign_of(negative, spec),
        if spec.alternate { prefix } else { "" }
    );
    let every = if radix == 10 { 3 } else { 4 };
    let body = match spec.grouping {
        Some(_) if spec.zero && spec.align.is_none() => {
            zero_fill_grouped(&digits, 0, sign.len(), spec, every)
        }
        Some(separator) => group(&digits, separator, every),
        None => digits,
    };
    Ok(pad(&sign, &body, spec, '>'))
}

/// `format(f, spec)` for a float.
pub fn format_float(value: f64, spec: &FormatSpec) -> PyResult<String> {
    if let Some(kind) = spec.kind
        && !matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')
    {
        return Err(PyErr::value_error(format!(
            "Unknown format code '{kind}' for object of type 'float'"
        )));
    }
    let mut value = value;
    if spec.coerce_zero && value == 0.0 {
        value = 0.0;
    }
    let negative = value.is_sign_negative() && !value.is_nan();
    let magnitude = value.abs();
    let mut text = match spec.kind {
        None if spec.precision.is_none() => float::repr(magnitude),
        None => float::format_general(
            magnitude,
            spec.precision.unwrap_or(12),
            false,
            spec.alternate,
            true,
        ),
        Some('f') | Some('F') => {
            let t = float::format_fixed(magnitude, spec.precision.unwrap_or(6));
            if spec.kind == Some('F') {
                t.to_uppercase()
            } else {
                t
            }
        }
        Some('e') | Some('E') => float::format_exponent(
            magnitude,
            spec.precision.unwrap_or(6),
            spec.kind == Some('E'),
        ),
        Some('g') | Some('G') | Some('n') => float::format_general(
            magnitude,
            spec.precision.unwrap_or(6),
            spec.kind == Some('G'),
            spec.alternate,
            false,
        ),
        Some(_) => format!(
            "{}%",
            float::format_fixed(magnitude * 100.0, spec.precision.unwrap_or(6))
        ),
    };
    if spec.alternate && !text.contains('.') && !text.contains(['e', 'n', 'i']) {
        text.push('.');
    }
    let sign = sign_of(negative, spec);
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (integer, rest) = text.split_at(split);
    let body = match spec.grouping {
        Some(_) if spec.zero && spec.align.is_none() => {
            format!(
                "{}{rest}",
                zero_fill_grouped(integer, rest.len(), sign.len(), spec, 3)
            )
        }
        Some(separator) => format!("{}{rest}", group(integer, separator, 3)),
        None => text.clone(),
    };
    Ok(pad(sign, &body, spec, '>'))
}

/// `format(s, spec)` for a string.
pub fn format_str(text: &str, spec: &FormatSpec) -> PyResult<String> {
    if let Some(kind) = spec.kind
        && kind != 's'
    {
        return Err(PyErr::value_error(format!(
            "Unknown format code '{kind}' for object of type 'str'"
        )));
    }
    if spec.sign.is_some() {
        return Err(PyErr::value_error(
            "Sign not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(PyErr::value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if let Some(g) = spec.grouping {
        return Err(PyErr::value_error(format!(
            "Cannot specify '{g}' with 's'."
        )));
    }
    if spec.align == Some('=') {
        return Err(PyErr::value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body: String = match spec.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    Ok(pad("", &body, spec, '<'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(value: f64, spec: &str) -> String {
        format_float(value, &FormatSpec::parse(spec).unwrap_or_default()).unwrap_or_default()
    }

    fn i(value: i64, spec: &str) -> String {
        format_int(
            IntRef::Small(value),
            &FormatSpec::parse(spec).unwrap_or_default(),
        )
        .unwrap_or_default()
    }

    // Expected values printed by CPython 3.11.
    #[test]
    fn formats_as_cpython() {
        assert_eq!(i(1234567, ","), "1,234,567");
        assert_eq!(i(255, "#x"), "0xff");
        assert_eq!(i(255, "08b"), "11111111");
        assert_eq!(i(1234, "010,"), "00,001,234");
        assert_eq!(i(-42, "=+8"), "-     42");
        assert_eq!(i(42, "c"), "*");
        assert_eq!(f(1.23456, ">10.3f"), "     1.235");
        assert_eq!(f(1234567.891, ",.2f"), "1,234,567.89");
        assert_eq!(f(0.2567, ".1%"), "25.7%");
        assert_eq!(f(12345.678, "e"), "1.234568e+04");
        assert_eq!(f(12345.678, ".3g"), "1.23e+04");
        assert_eq!(f(1e-7, "g"), "1e-07");
        assert_eq!(f(-0.0, ".1f"), "-0.0");
        assert_eq!(f(f64::NAN, "+f"), "+nan");
        assert_eq!(f(1e20, ""), "1e+20");
        assert_eq!(f(1.0, ".3"), "1.0");
        assert_eq!(f(123456789.0, ".3"), "1.23e+08");
        assert_eq!(f(-1234.5, "012,.1f"), "-0,001,234.5");
        assert_eq!(f(7.0, "n"), "7");
        assert_eq!(
            format_str("abc", &FormatSpec::parse("*>6").unwrap_or_default()).unwrap_or_default(),
            "***abc"
        );
    }
}
