//! Methods of `str` (second half: replacing, padding, predicates,
//! formatting, encoding).

use super::str_methods::{str_arg, this};
use super::{Args, NativeDef, Object, PyErr, PyResult, PyStr, Value};
use crate::vm::Vm;

fn replace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "replace")?.as_str();
    let a = args.exact("replace", 3, 4)?;
    let old = str_arg(&a[1], "replace", 1)?;
    let new = str_arg(&a[2], "replace", 2)?;
    let limit = match a.get(3) {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    let estimate = if old.is_empty() {
        s.len() + (s.len() + 1) * new.len()
    } else {
        s.len() / old.len().max(1) * new.len() + s.len()
    };
    crate::heap::reserve(estimate)?;
    let out = if limit < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, limit as usize)
    };
    Ok(Value::string(out))
}

fn partition_impl(args: Args<'_>, name: &str, reverse: bool) -> PyResult {
    let s = this(&args, name)?.as_str();
    let a = args.exact(name, 2, 2)?;
    let sep = str_arg(&a[1], name, 1)?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if reverse { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if reverse => ["", "", s],
        None => [s, "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

fn partition(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(args, "partition", false)
}

fn rpartition(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(args, "rpartition", true)
}

fn pad(vm: &mut Vm, args: Args<'_>, name: &str, align: char) -> PyResult {
    let s = this(&args, name)?;
    let a = args.exact(name, 2, 3)?;
    let width = vm.to_index(&a[1])?.max(0) as usize;
    let fill = match a.get(2) {
        Some(v) => {
            let f = str_arg(v, name, 2)?;
            let mut chars = f.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(PyErr::type_error(
                        "The fill character must be exactly one character long",
                    ));
                }
            }
        }
        None => ' ',
    };
    let len = s.char_len();
    if width <= len {
        return Ok(Value::str(s.as_str()));
    }
    crate::heap::reserve(width * fill.len_utf8())?;
    let total = width - len;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    let f = fill.to_string();
    Ok(Value::string(format!(
        "{}{}{}",
        f.repeat(left),
        s.as_str(),
        f.repeat(right)
    )))
}

fn center(vm: &mut Vm, args: Args<'_>) -> PyResult {
    pad(vm, args, "center", '^')
}

fn ljust(vm: &mut Vm, args: Args<'_>) -> PyResult {
    pad(vm, args, "ljust", '<')
}

fn rjust(vm: &mut Vm, args: Args<'_>) -> PyResult {
    pad(vm, args, "rjust", '>')
}

fn zfill(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "zfill")?;
    let a = args.exact("zfill", 2, 2)?;
    let width = vm.to_index(&a[1])?.max(0) as usize;
    let text = s.as_str();
    if width <= s.char_len() {
        return Ok(Value::str(text));
    }
    let zeros = "0".repeat(width - s.char_len());
    let out = match text.chars().next() {
        Some(sign @ ('+' | '-')) => format!("{sign}{zeros}{}", &text[1..]),
        _ => format!("{zeros}{text}"),
    };
    Ok(Value::string(out))
}

fn predicate(args: Args<'_>, name: &str, test: fn(char) -> bool) -> PyResult {
    let s = this(&args, name)?.as_str();
    Ok(Value::Bool(!s.is_empty() && s.chars().all(test)))
}

/// Numeric characters that are not digits: vulgar fractions, Roman
/// numerals and other number forms.
fn is_number_form(c: char) -> bool {
    matches!(c as u32, 0xbc..=0xbe | 0x2150..=0x218b | 0x3007 | 0x3021..=0x3029 | 0x3038..=0x303a)
}

/// Digits that are not decimal: superscripts, subscripts, circled digits.
fn is_special_digit(c: char) -> bool {
    matches!(c as u32, 0xb2 | 0xb3 | 0xb9 | 0x2070..=0x209f | 0x2460..=0x24ff | 0x2776..=0x2793)
}

fn isdigit(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(args, "isdigit", |c| c.is_numeric() && !is_number_form(c))
}

fn isdecimal(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(args, "isdecimal", |c| {
        c.is_numeric() && !is_number_form(c) && !is_special_digit(c)
    })
}

fn isnumeric(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(args, "isnumeric", char::is_numeric)
}

fn isalpha(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(args, "isalpha", char::is_alphabetic)
}

fn isalnum(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(args, "isalnum", char::is_alphanumeric)
}

fn isspace(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(args, "isspace", char::is_whitespace)
}

fn isascii(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "isascii")?.as_str();
    Ok(Value::Bool(s.is_ascii()))
}

fn isprintable(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "isprintable")?.as_str();
    Ok(Value::Bool(s.chars().all(super::str::is_printable)))
}

fn cased_test(args: Args<'_>, name: &str, upper: bool) -> PyResult {
    let s = this(&args, name)?.as_str();
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || c.is_lowercase() {
            cased = true;
            if c.is_uppercase() != upper {
                return Ok(Value::Bool(false));
            }
        }
    }
    Ok(Value::Bool(cased))
}

fn isupper(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    cased_test(args, "isupper", true)
}

fn islower(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    cased_test(args, "islower", false)
}

fn istitle(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "istitle")?.as_str();
    let (mut previous_cased, mut any) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() {
            if previous_cased {
                return Ok(Value::Bool(false));
            }
            previous_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !previous_cased {
                return Ok(Value::Bool(false));
            }
            previous_cased = true;
            any = true;
        } else {
            previous_cased = false;
        }
    }
    Ok(Value::Bool(any))
}

fn isidentifier(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "isidentifier")?.as_str();
    let mut chars = s.chars();
    let ok = match chars.next() {
        Some(first) => {
            (first == '_' || first.is_alphabetic())
                && chars.all(|c| c == '_' || c.is_alphanumeric())
        }
        None => false,
    };
    Ok(Value::Bool(ok))
}

fn format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let template = this(&args, "format")?.as_str().to_string();
    Ok(Value::string(vm.str_format(&template, args)?))
}

fn format_map(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let template = this(&args, "format_map")?.as_str().to_string();
    let a = args.exact("format_map", 2, 2)?;
    let pairs = vm.mapping_items(&a[1])?;
    let mut values = vec![a[0].clone()];
    let mut names = Vec::new();
    for (k, v) in pairs {
        names.push(k);
        values.push(v);
    }
    Ok(Value::string(vm.str_format(
        &template,
        Args {
            values: &values,
            kwnames: &names,
        },
    )?))
}

/// `str.encode(encoding)`.
pub fn encode(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "encode")?.as_str();
    let encoding = args
        .get(1, "encoding")
        .and_then(Value::as_str)
        .map_or("utf-8", PyStr::as_str)
        .to_lowercase()
        .replace('_', "-");
    let bytes: Vec<u8> = match encoding.as_str() {
        "utf-8" | "utf8" => s.as_bytes().to_vec(),
        "ascii" | "latin-1" | "latin1" | "iso-8859-1" => {
            let limit = if encoding == "ascii" { 0x80 } else { 0x100 };
            let mut out = Vec::with_capacity(s.len());
            for (i, c) in s.chars().enumerate() {
                if (c as u32) >= limit {
                    return Err(PyErr::new(
                        &super::types().unicode_encode_error,
                        Value::string(format!(
                            "'{encoding}' codec can't encode character {} in position {i}: ordinal not in range({limit})",
                            super::str::repr(&c.to_string())
                        )),
                    ));
                }
                out.push(c as u8);
            }
            out
        }
        other => return Err(PyErr::lookup_error(format!("unknown encoding: {other}"))),
    };
    Ok(Value::obj(Object::Bytes(bytes.into_boxed_slice())))
}

fn expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "expandtabs")?.as_str();
    let size = match args.get(1, "tabsize") {
        Some(v) => vm.to_index(v)?.max(0) as usize,
        None => 8,
    };
    let mut out = String::new();
    let mut column = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let spaces = size - column % size;
                    out.push_str(&" ".repeat(spaces));
                    column += spaces;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(Value::string(out))
}

fn removeprefix(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "removeprefix")?.as_str();
    let a = args.exact("removeprefix", 2, 2)?;
    let prefix = str_arg(&a[1], "removeprefix", 1)?;
    Ok(Value::str(s.strip_prefix(prefix).unwrap_or(s)))
}

fn removesuffix(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "removesuffix")?.as_str();
    let a = args.exact("removesuffix", 2, 2)?;
    let suffix = str_arg(&a[1], "removesuffix", 1)?;
    Ok(Value::str(s.strip_suffix(suffix).unwrap_or(s)))
}

fn translate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "translate")?.as_str().to_string();
    let a = args.exact("translate", 2, 2)?;
    let table = a[1].clone();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match vm.getitem(&table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(n)) => out.extend(char::from_u32(n as u32)),
            Ok(other) => match other.as_str() {
                Some(t) => out.push_str(t.as_str()),
                None => {
                    return Err(PyErr::type_error(
                        "character mapping must return integer, None or str",
                    ));
                }
            },
            Err(err) if err.is_instance_of(&super::types().lookup_error) => out.push(c),
            Err(err) => return Err(err),
        }
    }
    Ok(Value::string(out))
}

fn maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("maketrans", 1, 3)?;
    let table = Value::new_dict_obj();
    if a.len() == 1 {
        for (k, v) in vm.mapping_items(&a[0])? {
            let key = match k.as_str() {
                Some(s) => Value::Int(s.as_str().chars().next().map_or(0, |c| c as i64)),
                None => k,
            };
            vm.dict_set(&table, key, v)?;
        }
        return Ok(Value::Obj(table));
    }
    let from: Vec<char> = str_arg(&a[0], "maketrans", 1)?.chars().collect();
    let to: Vec<char> = str_arg(&a[1], "maketrans", 2)?.chars().collect();
    if from.len() != to.len() {
        return Err(PyErr::value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (f, t) in from.iter().zip(&to) {
        vm.dict_set(&table, Value::Int(*f as i64), Value::Int(*t as i64))?;
    }
    if let Some(delete) = a.get(2) {
        for c in str_arg(delete, "maketrans", 3)?.chars() {
            vm.dict_set(&table, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Obj(table))
}

/// Methods of `str` (second half).
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("str", "replace", replace),
    NativeDef::method("str", "partition", partition),
    NativeDef::method("str", "rpartition", rpartition),
    NativeDef::method("str", "center", center),
    NativeDef::method("str", "ljust", ljust),
    NativeDef::method("str", "rjust", rjust),
    NativeDef::method("str", "zfill", zfill),
    NativeDef::method("str", "isdigit", isdigit),
    NativeDef::method("str", "isdecimal", isdecimal),
    NativeDef::method("str", "isnumeric", isnumeric),
    NativeDef::method("str", "isalpha", isalpha),
    NativeDef::method("str", "isalnum", isalnum),
    NativeDef::method("str", "isspace", isspace),
    NativeDef::method("str", "isascii", isascii),
    NativeDef::method("str", "isprintable", isprintable),
    NativeDef::method("str", "isupper", isupper),
    NativeDef::method("str", "islower", islower),
    NativeDef::method("str", "istitle", istitle),
    NativeDef::method("str", "isidentifier", isidentifier),
    NativeDef::method("str", "format", format),
    NativeDef::method("str", "format_map", format_map),
    NativeDef::method("str", "encode", encode),
    NativeDef::method("str", "expandtabs", expandtabs),
    NativeDef::method("str", "removeprefix", removeprefix),
    NativeDef::method("str", "removesuffix", removesuffix),
    NativeDef::method("str", "translate", translate),
    NativeDef::static_method("str", "maketrans", maketrans),
];
