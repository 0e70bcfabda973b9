//! `str`: immutable text with its length in characters and a cached hash.
//!
//! Python indexes strings by character; Rust stores UTF-8. ASCII strings (the
//! common case) index by byte; others walk the characters.

use super::hash;
use crate::heap;
use std::sync::atomic::{AtomicI64, Ordering};

/// Marks a hash not computed yet (no Python hash is ever -1).
const UNSET: i64 = -1;

/// The payload of a `str`.
#[derive(Debug)]
pub struct PyStr {
    text: Box<str>,
    chars: usize,
    hash: AtomicI64,
}

impl PyStr {
    /// A string holding a copy of `text`.
    pub fn new(text: &str) -> PyStr {
        PyStr::from_box(text.into())
    }

    /// A string taking ownership of `text`.
    pub fn from_string(text: String) -> PyStr {
        PyStr::from_box(text.into_boxed_str())
    }

    fn from_box(text: Box<str>) -> PyStr {
        heap::note_bytes(text.len() as isize);
        let chars = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text,
            chars,
            hash: AtomicI64::new(UNSET),
        }
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Its length in characters.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Whether every character is ASCII (then characters are bytes).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }

    /// CPython's hash of the string, computed once.
    #[inline]
    pub fn hash(&self) -> i64 {
        let cached = self.hash.load(Ordering::Relaxed);
        if cached != UNSET {
            return cached;
        }
        let computed = hash::text(&self.text);
        self.hash.store(computed, Ordering::Relaxed);
        computed
    }

    /// The character at index `i` (0-based, in range).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.text.chars().nth(i)
        }
    }

    /// The byte offset of character `i` (`i <= char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.text.len())
        } else {
            self.text
                .char_indices()
                .nth(i)
                .map_or(self.text.len(), |(offset, _)| offset)
        }
    }

    /// The characters from index `start` to `stop` (in range, `start <= stop`).
    pub fn substring(&self, start: usize, stop: usize) -> &str {
        let from = self.byte_offset(start);
        let to = if self.is_ascii() {
            stop.min(self.text.len())
        } else {
            from + self.text[from..]
                .char_indices()
                .nth(stop - start)
                .map_or(self.text.len() - from, |(offset, _)| offset)
        };
        &self.text[from..to]
    }

    /// The character index of a byte offset inside the string.
    pub fn char_index_of_byte(&self, offset: usize) -> usize {
        if self.is_ascii() {
            offset
        } else {
            self.text[..offset].chars().count()
        }
    }
}

impl Drop for PyStr {
    fn drop(&mut self) {
        heap::note_bytes(-(self.text.len() as isize));
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.text == other.text
    }
}

/// Python's `repr()` of a string: single quotes unless the text holds a
/// single quote and no double quote, and CPython's escapes.
pub fn repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let code = c as u32;
                if code < 0x100 {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code < 0x10000 {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// Whether `repr` shows a character as itself: not a control, separator,
/// format or private-use character (unassigned code points count as
/// printable, since Rust carries no table of them).
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let code = c as u32;
    let format = matches!(
        code,
        0xad | 0x600..=0x605
            | 0x61c
            | 0x6dd
            | 0x70f
            | 0x180e
            | 0x200b..=0x200f
            | 0x202a..=0x202e
            | 0x2060..=0x2064
            | 0x2066..=0x206f
            | 0xfeff
            | 0xfff9..=0xfffb
            | 0x110bd
            | 0xe0001
            | 0xe0020..=0xe007f
    );
    let private_or_non_character = matches!(code, 0xd800..=0xf8ff | 0xfffe | 0xffff | 0xf0000..);
    !(format || private_or_non_character)
}

/// The representation of `bytes`: `b'...'` with CPython's escapes.
pub fn bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &byte in data {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_picks_quotes_and_escapes_like_cpython() {
        assert_eq!(repr("abc"), "'abc'");
        assert_eq!(repr("it's"), "\"it's\"");
        assert_eq!(repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(repr("tab\there\n"), "'tab\\there\\n'");
        assert_eq!(repr("\x00\x7f é"), "'\\x00\\x7f é'");
        assert_eq!(bytes_repr(b"a\x00'"), "b\"a\\x00'\"");
    }

    #[test]
    fn indexing_counts_characters() {
        let s = PyStr::new("héllo");
        assert_eq!(s.char_len(), 5);
        assert_eq!(s.char_at(1), Some('é'));
        assert_eq!(s.substring(1, 3), "él");
    }
}
