//! `bytes`: immutable byte strings.

use super::{Args, NativeDef, Object, PyErr, PyResult, PyStr, Value};
use crate::vm::Vm;

fn this<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a [u8]> {
    match args.positional().first() {
        Some(Value::Obj(o)) => match &**o {
            Object::Bytes(b) => Ok(b),
            _ => Err(PyErr::type_error(format!(
                "descriptor '{name}' requires a 'bytes' object"
            ))),
        },
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a 'bytes' object"
        ))),
    }
}

fn bytes_arg(value: &Value) -> PyResult<&[u8]> {
    match value {
        Value::Obj(o) => match &**o {
            Object::Bytes(b) => Ok(b),
            _ => Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                value.type_name()
            ))),
        },
        _ => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            value.type_name()
        ))),
    }
}

/// A new `bytes`.
pub fn new_bytes(data: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(data.into_boxed_slice()))
}

/// `bytes.decode(encoding)` applied to a value (also `str(b, encoding)`).
pub fn decode_value(value: &Value, encoding: Option<&Value>) -> PyResult {
    let data = bytes_arg(value)?;
    let encoding = encoding
        .and_then(Value::as_str)
        .map_or("utf-8", PyStr::as_str)
        .to_lowercase()
        .replace('_', "-");
    match encoding.as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(data) {
            Ok(text) => Ok(Value::str(text)),
            Err(e) => {
                let at = e.valid_up_to();
                let byte = data.get(at).copied().unwrap_or(0);
                let reason = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0xc2..=0xf4).contains(&byte) => "invalid continuation byte",
                    Some(_) => "invalid start byte",
                };
                Err(decode_error("utf-8", data, at, reason))
            }
        },
        "ascii" | "latin-1" | "latin1" | "iso-8859-1" => {
            if encoding == "ascii"
                && let Some(i) = data.iter().position(|&b| b >= 0x80)
            {
                return Err(PyErr::new(
                    &super::types().unicode_decode_error,
                    Value::string(format!(
                        "'ascii' codec can't decode byte 0x{:02x} in position {i}: ordinal not in range(128)",
                        data[i]
                    )),
                ));
            }
            Ok(Value::string(data.iter().map(|&b| b as char).collect()))
        }
        other => Err(PyErr::lookup_error(format!("unknown encoding: {other}"))),
    }
}

/// A `UnicodeDecodeError` with CPython's message and attributes.
fn decode_error(encoding: &str, data: &[u8], at: usize, reason: &str) -> PyErr {
    let message = format!(
        "'{encoding}' codec can't decode byte 0x{:02x} in position {at}: {reason}",
        data.get(at).copied().unwrap_or(0)
    );
    let err = PyErr::new(&super::types().unicode_decode_error, Value::string(message));
    if let PyErr::Exception(exc) = &err
        && let Object::Instance(instance) = &**exc
        && let Object::Dict(dict) = &*instance.dict
    {
        let mut map = dict.lock();
        let entries = [
            ("encoding", Value::str(encoding)),
            ("object", new_bytes(data.to_vec())),
            ("start", Value::Int(at as i64)),
            ("end", Value::Int(at as i64 + 1)),
            ("reason", Value::str(reason)),
        ];
        for (name, value) in entries {
            let key = super::names::intern(name);
            let hash = key.as_str().map_or(0, PyStr::hash);
            map.insert_new(hash, key, value);
        }
    }
    err
}

fn decode(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.positional().first().cloned().unwrap_or_default();
    decode_value(&this, args.get(1, "encoding"))
}

fn hex(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = this(&args, "hex")?;
    Ok(Value::string(
        data.iter().map(|b| format!("{b:02x}")).collect(),
    ))
}

fn fromhex(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("fromhex", 2, 2)?;
    let text: String = a[1]
        .as_str()
        .map_or("", PyStr::as_str)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    for pair in chars.chunks(2) {
        let s: String = pair.iter().collect();
        let byte = u8::from_str_radix(&s, 16)
            .map_err(|_| PyErr::value_error("non-hexadecimal number found in fromhex() arg"))?;
        out.push(byte);
    }
    Ok(new_bytes(out))
}

fn count(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = this(&args, "count")?;
    let a = args.exact("count", 2, 2)?;
    let n = match super::int::as_int(&a[1]) {
        Some(b) => data
            .iter()
            .filter(|&&x| Some(x as i64) == b.to_i64())
            .count(),
        None => {
            let needle = bytes_arg(&a[1])?;
            if needle.is_empty() {
                data.len() + 1
            } else {
                data.windows(needle.len()).filter(|w| *w == needle).count()
            }
        }
    };
    Ok(Value::Int(n as i64))
}

fn find(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = this(&args, "find")?;
    let a = args.exact("find", 2, 2)?;
    let needle: Vec<u8> = match super::int::as_int(&a[1]) {
        Some(b) => vec![b.to_i64().unwrap_or(0) as u8],
        None => bytes_arg(&a[1])?.to_vec(),
    };
    let found = if needle.is_empty() {
        Some(0)
    } else {
        data.windows(needle.len())
            .position(|w| w == needle.as_slice())
    };
    Ok(Value::Int(found.map_or(-1, |i| i as i64)))
}

fn affix(args: Args<'_>, name: &str, start: bool) -> PyResult {
    let data = this(&args, name)?;
    let a = args.exact(name, 2, 2)?;
    let test = |p: &[u8]| {
        if start {
            data.starts_with(p)
        } else {
            data.ends_with(p)
        }
    };
    if let Some(items) = a[1].as_tuple() {
        for item in items {
            if test(bytes_arg(item)?) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(test(bytes_arg(&a[1])?)))
}

fn startswith(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    affix(args, "startswith", true)
}

fn endswith(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    affix(args, "endswith", false)
}

fn join(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let sep = this(&args, "join")?.to_vec();
    let a = args.exact("join", 2, 2)?;
    let items = vm.collect(&a[1])?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(bytes_arg(item)?);
    }
    Ok(new_bytes(out))
}

fn case(args: Args<'_>, upper: bool) -> PyResult {
    let data = this(&args, if upper { "upper" } else { "lower" })?;
    Ok(new_bytes(
        data.iter()
            .map(|b| {
                if upper {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect(),
    ))
}

fn upper(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    case(args, true)
}

fn lower(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    case(args, false)
}

fn strip(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = this(&args, "strip")?;
    let start = data
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(data.len());
    let end = data
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    Ok(new_bytes(data[start..end.max(start)].to_vec()))
}

fn split(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = this(&args, "split")?;
    let parts: Vec<Value> = match args.get(1, "sep") {
        Some(sep) if !sep.is_none() => {
            let sep = bytes_arg(sep)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut parts = Vec::new();
            let mut rest = data;
            while let Some(i) = rest.windows(sep.len()).position(|w| w == sep) {
                parts.push(new_bytes(rest[..i].to_vec()));
                rest = &rest[i + sep.len()..];
            }
            parts.push(new_bytes(rest.to_vec()));
            parts
        }
        _ => data
            .split(|b| b.is_ascii_whitespace())
            .filter(|p| !p.is_empty())
            .map(|p| new_bytes(p.to_vec()))
            .collect(),
    };
    Value::list(parts)
}

fn replace(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = this(&args, "replace")?;
    let a = args.exact("replace", 3, 3)?;
    let (old, new) = (bytes_arg(&a[1])?, bytes_arg(&a[2])?);
    if old.is_empty() {
        return Ok(new_bytes(data.to_vec()));
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        if data[i..].starts_with(old) {
            out.extend_from_slice(new);
            i += old.len();
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    Ok(new_bytes(out))
}

/// `bytes(x)`.
pub fn bytes_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = args.count("bytes", 0, 3)?;
    let Some(source) = args.get(0, "source") else {
        return Ok(new_bytes(Vec::new()));
    };
    if source.as_str().is_some() {
        let Some(encoding) = args.get(1, "encoding") else {
            return Err(PyErr::type_error("string argument without an encoding"));
        };
        let _ = pos;
        let values = [source.clone(), encoding.clone()];
        return super::str_more::encode(vm, Args::new(&values));
    }
    if let Some(n) = super::int::as_int(source) {
        let n = n.to_i64().unwrap_or(-1);
        if n < 0 {
            return Err(PyErr::value_error("negative count"));
        }
        crate::heap::reserve(n as usize)?;
        return Ok(new_bytes(vec![0; n as usize]));
    }
    if let Ok(data) = bytes_arg(source) {
        return Ok(new_bytes(data.to_vec()));
    }
    let items = vm.collect(source)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let n = vm.to_index(&item)?;
        if !(0..256).contains(&n) {
            return Err(PyErr::value_error("bytes must be in range(0, 256)"));
        }
        out.push(n as u8);
    }
    Ok(new_bytes(out))
}

/// Methods of `bytes`.
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("bytes", "decode", decode),
    NativeDef::method("bytes", "hex", hex),
    NativeDef::class_method("bytes", "fromhex", fromhex),
    NativeDef::method("bytes", "count", count),
    NativeDef::method("bytes", "find", find),
    NativeDef::method("bytes", "startswith", startswith),
    NativeDef::method("bytes", "endswith", endswith),
    NativeDef::method("bytes", "join", join),
    NativeDef::method("bytes", "upper", upper),
    NativeDef::method("bytes", "lower", lower),
    NativeDef::method("bytes", "strip", strip),
    NativeDef::method("bytes", "split", split),
    NativeDef::method("bytes", "replace", replace),
];
