//! Backslash escapes of string and bytes literals, decoded as CPython 3.11
//! decodes them, with its error messages (positions included).

use super::char_names::lookup_char_name;

/// Decodes the escapes of a (non-raw) string literal's body. The error is
/// CPython's message.
pub(crate) fn decode_str(body: &str) -> Result<String, String> {
    let mut d = StrDecoder {
        rest: body,
        pos: 0,
        out: String::with_capacity(body.len()),
    };
    while let Some(c) = d.next_char() {
        if c == '\\' {
            d.escape()?;
        } else {
            d.out.push(c);
        }
    }
    Ok(d.out)
}

/// The state of decoding a string literal.
struct StrDecoder<'s> {
    /// What is left to read.
    rest: &'s str,
    /// Where CPython's messages place the reading: in a copy where each
    /// non-ASCII character became a ten-byte `\U........` escape.
    pos: usize,
    out: String,
}

impl StrDecoder<'_> {
    /// Consumes the next character.
    fn next_char(&mut self) -> Option<char> {
        let c = self.rest.chars().next()?;
        self.rest = &self.rest[c.len_utf8()..];
        self.pos += if c.is_ascii() { 1 } else { 10 };
        Some(c)
    }

    /// Consumes `n` ASCII bytes.
    fn skip(&mut self, n: usize) {
        self.rest = &self.rest[n..];
        self.pos += n;
    }

    /// The escape after a backslash (consumed).
    fn escape(&mut self) -> Result<(), String> {
        let start = self.pos - 1;
        let Some(e) = self.next_char() else {
            self.out.push('\\');
            return Ok(());
        };
        match e {
            '\n' => {}
            'x' | 'u' | 'U' => {
                let (digits, name) = match e {
                    'x' => (2, "\\xXX"),
                    'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let (value, used) = hex_prefix(self.rest, digits);
                self.skip(used);
                if used < digits {
                    let reason = format!("truncated {name} escape");
                    return Err(unicode_error(start, self.pos, &reason));
                }
                self.out.push(code_point(value, start, self.pos)?);
            }
            'N' => {
                let (c, used) = named_char(self.rest, start, self.pos)?;
                self.skip(used);
                self.out.push(c);
            }
            '0'..='7' => {
                let (value, used) = octal(e, self.rest);
                self.skip(used);
                self.out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            other => match simple_escape(other) {
                Some(c) => self.out.push(c),
                None => {
                    self.out.push('\\');
                    self.out.push(other);
                }
            },
        }
        Ok(())
    }
}

/// Decodes the escapes of a (non-raw) bytes literal's body, which the
/// caller has checked is ASCII.
pub(crate) fn decode_bytes(body: &str) -> Result<Vec<u8>, String> {
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if b != b'\\' || i >= bytes.len() {
            out.push(b);
            continue;
        }
        let start = i - 1;
        let e = bytes[i] as char;
        i += 1;
        match e {
            '\n' => {}
            'x' => {
                let (value, used) = hex_prefix(&body[i..], 2);
                if used < 2 {
                    return Err(format!(
                        "(value error) invalid \\x escape at position {start}"
                    ));
                }
                i += used;
                out.push(value as u8);
            }
            '0'..='7' => {
                let (value, used) = octal(e, &body[i..]);
                i += used;
                out.push((value & 0xff) as u8);
            }
            other => match simple_escape(other) {
                Some(c) => out.push(c as u8),
                None => out.extend_from_slice(&[b'\\', other as u8]),
            },
        }
    }
    Ok(out)
}

/// The one-character escapes (`\n`, `\t`, ...).
fn simple_escape(e: char) -> Option<char> {
    Some(match e {
        '\\' => '\\',
        '\'' => '\'',
        '"' => '"',
        'a' => '\x07',
        'b' => '\x08',
        'f' => '\x0c',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\x0b',
        _ => return None,
    })
}

/// Up to `max` hex digits at the start of `text`: their value and count.
fn hex_prefix(text: &str, max: usize) -> (u32, usize) {
    let mut value = 0u32;
    let mut used = 0;
    for c in text.chars().take(max) {
        let Some(d) = c.to_digit(16) else { break };
        value = value.wrapping_mul(16).wrapping_add(d);
        used += 1;
    }
    (value, used)
}

/// An octal escape whose first digit is `first`: up to two more digits.
fn octal(first: char, rest: &str) -> (u32, usize) {
    let mut value = first.to_digit(8).unwrap_or(0);
    let mut used = 0;
    for c in rest.chars().take(2) {
        let Some(d) = c.to_digit(8) else { break };
        value = value * 8 + d;
        used += 1;
    }
    (value, used)
}

/// The character of a `\u`/`\U` escape, or CPython's error for a value
/// past U+10FFFF (and ours for a lone surrogate, which Rust strings cannot
/// hold).
fn code_point(value: u32, start: usize, end: usize) -> Result<char, String> {
    if value > 0x10ffff {
        return Err(unicode_error(start, end, "illegal Unicode character"));
    }
    char::from_u32(value).ok_or_else(|| {
        format!(
            "(unicode error) lone surrogate \\u{value:04x} in position {start}-{}: \
             Threadline Python strings cannot hold surrogate code points",
            end - 1
        )
    })
}

/// `\N{name}`, the `\N` consumed: the character and how many bytes of
/// `rest` the `{name}` took.
fn named_char(rest: &str, start: usize, pos: usize) -> Result<(char, usize), String> {
    let malformed = |end: usize| unicode_error(start, end, "malformed \\N character escape");
    if !rest.starts_with('{') {
        return Err(malformed(pos));
    }
    let Some(close) = rest.find('}') else {
        return Err(malformed(pos + rest.len()));
    };
    let name = &rest[1..close];
    if name.is_empty() {
        return Err(malformed(pos + close));
    }
    let end = pos + close + 1;
    match lookup_char_name(name) {
        Some(c) => Ok((c, close + 1)),
        None => Err(unicode_error(
            start,
            end,
            "unknown Unicode character name (Threadline Python knows only common names: \
             write the character itself, or a \\u escape)",
        )),
    }
}

/// CPython's message for a string escape it cannot decode.
fn unicode_error(start: usize, end: usize, reason: &str) -> String {
    if end <= start + 1 {
        return format!(
            "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {start}: {reason}"
        );
    }
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {reason}",
        end - 1
    )
}
