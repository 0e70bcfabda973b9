//! Methods of `str` (first half: searching, splitting, joining, case).

use super::{Args, NativeDef, PyErr, PyResult, PyStr, Value};
use crate::vm::Vm;

/// The string a method was called on.
pub(crate) fn this<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a PyStr> {
    args.positional()
        .first()
        .and_then(Value::as_str)
        .ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' requires a 'str' object")))
}

/// A `str` argument, or CPython's `TypeError`.
pub(crate) fn str_arg<'a>(value: &'a Value, function: &str, position: usize) -> PyResult<&'a str> {
    value.as_str().map(PyStr::as_str).ok_or_else(|| {
        PyErr::type_error(format!(
            "{function}() argument {position} must be str, not {}",
            value.type_name()
        ))
    })
}

/// The byte range of `s[start:end]` for optional int arguments.
pub(crate) fn range_of(
    vm: &mut Vm,
    s: &PyStr,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<(usize, usize)> {
    let len = s.char_len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let n = vm.to_index(v)?;
                Ok(if n < 0 { (n + len).max(0) } else { n.min(len) })
            }
        }
    };
    let start = bound(vm, start, 0)?;
    let end = bound(vm, end, len)?;
    if start > end {
        return Ok((s.as_str().len() + 1, s.as_str().len()));
    }
    Ok((s.byte_offset(start as usize), s.byte_offset(end as usize)))
}

fn find_impl(vm: &mut Vm, args: &Args<'_>, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let s = this(args, name)?;
    let a = args.exact(name, 2, 4)?;
    let needle = str_arg(&a[1], name, 1)?;
    let (start, end) = range_of(vm, s, a.get(2), a.get(3))?;
    if start > end || end > s.as_str().len() {
        return Ok(None);
    }
    let hay = &s.as_str()[start..end];
    let found = if reverse {
        hay.rfind(needle)
    } else {
        hay.find(needle)
    };
    Ok(found.map(|offset| s.char_index_of_byte(start + offset)))
}

fn find(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::Int(
        find_impl(vm, &args, "find", false)?.map_or(-1, |i| i as i64),
    ))
}

fn rfind(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::Int(
        find_impl(vm, &args, "rfind", true)?.map_or(-1, |i| i as i64),
    ))
}

fn index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    find_impl(vm, &args, "index", false)?
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| PyErr::value_error("substring not found"))
}

fn rindex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    find_impl(vm, &args, "rindex", true)?
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| PyErr::value_error("substring not found"))
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "count")?;
    let a = args.exact("count", 2, 4)?;
    let needle = str_arg(&a[1], "count", 1)?;
    let (start, end) = range_of(vm, s, a.get(2), a.get(3))?;
    if start > end {
        return Ok(Value::Int(0));
    }
    let hay = &s.as_str()[start..end];
    let n = if needle.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(needle).count()
    };
    Ok(Value::Int(n as i64))
}

fn affix(vm: &mut Vm, args: Args<'_>, name: &str, at_start: bool) -> PyResult {
    let s = this(&args, name)?;
    let a = args.exact(name, 2, 4)?;
    let (start, end) = range_of(vm, s, a.get(2), a.get(3))?;
    if start > end {
        return Ok(Value::Bool(false));
    }
    let hay = &s.as_str()[start..end];
    let test = |p: &str| {
        if at_start {
            hay.starts_with(p)
        } else {
            hay.ends_with(p)
        }
    };
    if let Some(items) = a[1].as_tuple() {
        for item in items {
            if test(str_arg(item, name, 1)?) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    let prefix = a[1].as_str().map(PyStr::as_str).ok_or_else(|| {
        PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            a[1].type_name()
        ))
    })?;
    Ok(Value::Bool(test(prefix)))
}

fn startswith(vm: &mut Vm, args: Args<'_>) -> PyResult {
    affix(vm, args, "startswith", true)
}

fn endswith(vm: &mut Vm, args: Args<'_>) -> PyResult {
    affix(vm, args, "endswith", false)
}

fn max_split(vm: &mut Vm, args: &Args<'_>) -> PyResult<i64> {
    match args.get(2, "maxsplit") {
        Some(v) => vm.to_index(v),
        None => Ok(-1),
    }
}

fn separator<'a>(args: &Args<'a>) -> PyResult<Option<&'a str>> {
    match args.get(1, "sep") {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let sep = str_arg(v, "split", 1)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Ok(Some(sep))
        }
    }
}

fn strings(parts: Vec<&str>) -> PyResult {
    Value::list(parts.into_iter().map(Value::str).collect())
}

fn split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("split", &["sep", "maxsplit"])?;
    let s = this(&args, "split")?.as_str();
    let limit = max_split(vm, &args)?;
    match separator(&args)? {
        Some(sep) => {
            let parts: Vec<&str> = if limit < 0 {
                s.split(sep).collect()
            } else {
                s.splitn(limit as usize + 1, sep).collect()
            };
            strings(parts)
        }
        None => strings(split_whitespace(s, limit)),
    }
}

fn split_whitespace(s: &str, limit: i64) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if limit >= 0 && parts.len() as i64 == limit {
            parts.push(rest);
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        parts.push(&rest[..end]);
        rest = rest[end..].trim_start();
    }
    parts
}

fn rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("rsplit", &["sep", "maxsplit"])?;
    let s = this(&args, "rsplit")?.as_str();
    let limit = max_split(vm, &args)?;
    let mut parts: Vec<&str> = match separator(&args)? {
        Some(sep) if limit < 0 => s.split(sep).collect(),
        Some(sep) => {
            let mut p: Vec<&str> = s.rsplitn(limit as usize + 1, sep).collect();
            p.reverse();
            p
        }
        None if limit < 0 => split_whitespace(s, -1),
        None => {
            let mut p = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if p.len() as i64 == limit {
                    p.push(rest);
                    break;
                }
                let start = rest.rfind(char::is_whitespace).map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
                p.push(&rest[start..]);
                rest = rest[..start].trim_end();
            }
            p.reverse();
            p
        }
    };
    strings(std::mem::take(&mut parts))
}

fn splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "splitlines")?.as_str();
    let keep = match args.get(1, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (offset, c) = chars[i];
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = offset + c.len_utf8();
            if c == '\r' && chars.get(i + 1).is_some_and(|(_, n)| *n == '\n') {
                end += 1;
                i += 1;
            }
            parts.push(if keep {
                &s[start..end]
            } else {
                &s[start..offset]
            });
            start = end;
        }
        i += 1;
    }
    if start < s.len() {
        parts.push(&s[start..]);
    }
    strings(parts)
}

fn join(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let sep = this(&args, "join")?.as_str();
    let a = args.exact("join", 2, 2)?;
    let items = vm.collect(&a[1])?;
    let mut total = 0;
    for (i, item) in items.iter().enumerate() {
        match item.as_str() {
            Some(s) => total += s.as_str().len() + sep.len(),
            None => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    item.type_name()
                )));
            }
        }
    }
    crate::heap::reserve(total)?;
    let mut out = String::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_str().map_or("", PyStr::as_str));
    }
    Ok(Value::string(out))
}

fn strip_chars<'a>(args: &Args<'a>, name: &str) -> PyResult<Option<&'a str>> {
    match args.positional().get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => str_arg(v, name, 1).map(Some),
    }
}

fn strip_with(args: Args<'_>, name: &str, left: bool, right: bool) -> PyResult {
    let s = this(&args, name)?.as_str();
    args.exact(name, 1, 2)?;
    let chars = strip_chars(&args, name)?;
    let matches = |c: char| match chars {
        Some(set) => set.contains(c),
        None => c.is_whitespace(),
    };
    let mut result = s;
    if left {
        result = result.trim_start_matches(matches);
    }
    if right {
        result = result.trim_end_matches(matches);
    }
    Ok(Value::str(result))
}

fn strip(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_with(args, "strip", true, true)
}

fn lstrip(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_with(args, "lstrip", true, false)
}

fn rstrip(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_with(args, "rstrip", false, true)
}

fn upper(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::string(this(&args, "upper")?.as_str().to_uppercase()))
}

fn lower(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::string(this(&args, "lower")?.as_str().to_lowercase()))
}

fn casefold(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::string(
        this(&args, "casefold")?
            .as_str()
            .to_lowercase()
            .replace('ß', "ss"),
    ))
}

fn swapcase(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "swapcase")?.as_str();
    let out: String = s
        .chars()
        .flat_map(|c| -> Vec<char> {
            if c.is_uppercase() {
                c.to_lowercase().collect()
            } else if c.is_lowercase() {
                c.to_uppercase().collect()
            } else {
                vec![c]
            }
        })
        .collect();
    Ok(Value::string(out))
}

fn title(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "title")?.as_str();
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for c in s.chars() {
        if previous_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        previous_cased = c.is_alphabetic() && (c.is_uppercase() || c.is_lowercase());
    }
    Ok(Value::string(out))
}

fn capitalize(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "capitalize")?.as_str();
    let mut chars = s.chars();
    let out = match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    };
    Ok(Value::string(out))
}

/// The `ascii()` form of a `repr`: non-ASCII characters escaped.
pub fn ascii_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        if code < 0x80 {
            out.push(c);
        } else if code < 0x100 {
            out.push_str(&format!("\\x{code:02x}"));
        } else if code < 0x10000 {
            out.push_str(&format!("\\u{code:04x}"));
        } else {
            out.push_str(&format!("\\U{code:08x}"));
        }
    }
    out
}

/// `str(object='')` and `str(bytes, encoding)`.
pub fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("str", &["object", "encoding", "errors"])?;
    let pos = args.count("str", 0, 3)?;
    let Some(value) = args.get(0, "object") else {
        return Ok(Value::str(""));
    };
    if pos.len() > 1 || args.keyword("encoding").is_some() {
        return super::bytes::decode_value(value, args.get(1, "encoding"));
    }
    vm.str_value(value)
}

/// Methods of `str` (first half).
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("str", "find", find),
    NativeDef::method("str", "rfind", rfind),
    NativeDef::method("str", "index", index),
    NativeDef::method("str", "rindex", rindex),
    NativeDef::method("str", "count", count),
    NativeDef::method("str", "startswith", startswith),
    NativeDef::method("str", "endswith", endswith),
    NativeDef::method("str", "split", split),
    NativeDef::method("str", "rsplit", rsplit),
    NativeDef::method("str", "splitlines", splitlines),
    NativeDef::method("str", "join", join),
    NativeDef::method("str", "strip", strip),
    NativeDef::method("str", "lstrip", lstrip),
    NativeDef::method("str", "rstrip", rstrip),
    NativeDef::method("str", "upper", upper),
    NativeDef::method("str", "lower", lower),
    NativeDef::method("str", "casefold", casefold),
    NativeDef::method("str", "swapcase", swapcase),
    NativeDef::method("str", "title", title),
    NativeDef::method("str", "capitalize", capitalize),
];
