//! How verdicts word their figures, and how figures are read from what a
//! program printed.

/// A duration for a reader: `0.4 ms`, `35 ms`, `1.25 s`.
pub(super) fn duration(us: f64) -> String {
    // Adding 0 turns -0 (an empty sum) into 0.
    let ms = us / 1000.0 + 0.0;
    if ms.abs() < 10.0 && ms != 0.0 {
        format!("{ms:.1} ms")
    } else if ms.abs() < 1000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

/// A ratio: `1.02x`.
pub(super) fn times(ratio: f64) -> String {
    if ratio.is_finite() {
        format!("{ratio:.2}x")
    } else {
        "an unmeasurable factor".into()
    }
}

/// `a / b`, or 0 when `b` is not positive.
pub(super) fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}

/// `1 thread`, `3 threads`.
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// An integer with thousands separators: `10,000`.
pub(super) fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Numbers in order: `1, 3, 0, 2`.
pub(super) fn sequence(numbers: &[i64]) -> String {
    let parts: Vec<String> = numbers.iter().map(i64::to_string).collect();
    parts.join(", ")
}

/// The first number in `text` after `label` (digits, an optional decimal
/// part, thousands separators allowed), if `label` is there.
pub(super) fn number_after(text: &str, label: &str) -> Option<f64> {
    let rest = &text[text.find(label)? + label.len()..];
    first_number(rest)
}

/// The first number in `text`.
pub(super) fn first_number(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let negative = text[..start].ends_with('-');
    let mut digits = String::new();
    let mut chars = text[start..].chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_digit = chars.peek().is_some_and(char::is_ascii_digit);
        match c {
            '0'..='9' => digits.push(c),
            ',' if next_is_digit => {}
            '.' if next_is_digit && !digits.contains('.') => digits.push('.'),
            _ => break,
        }
    }
    let value: f64 = digits.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// The first integer in `text` after `label`.
pub(super) fn int_after(text: &str, label: &str) -> Option<i64> {
    number_after(text, label).map(|v| v as i64)
}

/// The last line of `stdout` that contains `label`.
pub(super) fn line_with<'a>(stdout: &'a str, label: &str) -> Option<&'a str> {
    stdout.lines().rev().find(|line| line.contains(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_for_a_reader() {
        assert_eq!(duration(0.0), "0 ms");
        assert_eq!(duration(420.0), "0.4 ms");
        assert_eq!(duration(35_400.0), "35 ms");
        assert_eq!(duration(1_254_000.0), "1.25 s");
        assert_eq!(times(1.0234), "1.02x");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(-1000), "-1,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(count(1, "thread", "threads"), "1 thread");
        assert_eq!(listed(&["a".into(), "b".into(), "c".into()]), "a, b and c");
    }

    #[test]
    fn numbers_are_read_after_their_label() {
        assert_eq!(
            number_after("final balance: 3,380 (expected 10000)", "balance:"),
            Some(3380.0)
        );
        assert_eq!(
            number_after("final balance: 3380 (expected 10000)", "expected"),
            Some(10000.0)
        );
        assert_eq!(number_after("took 1.5 s.", "took"), Some(1.5));
        assert_eq!(number_after("tasks 1, 3", "tasks"), Some(1.0));
        assert_eq!(number_after("late by -3 ms", "by"), Some(-3.0));
        assert_eq!(number_after("no figure", "no"), None);
        assert_eq!(int_after("task 12 finished", "task "), Some(12));
        assert_eq!(line_with("a: 1\nb: 2\na: 3\n", "a:"), Some("a: 3"));
    }
}
