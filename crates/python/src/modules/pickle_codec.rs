//! `_pickle_codec`: the byte form of the trees the bundled `pickle` module
//! builds. `pickle.py` decides what may be pickled and how (CPython's rules:
//! functions and classes by name, instances by their state, shared
//! references kept, everything else refused with CPython's message) and
//! turns a value into a tree of plain data: `None`, bools, ints, floats,
//! `str`, `bytes`, tuples and lists. This module writes such a tree as bytes
//! and reads it back, so that what crosses between processes is bytes only.
//!
//! Each item is a tag byte and its payload (little-endian): ints of 64 bits
//! in 8 bytes, bigger ones as a length and their two's-complement bytes,
//! floats as their bits, texts and bytes as a length and their bytes, tuples
//! and lists as a count and their items.

use crate::objects::{Args, NativeDef, ObjRef, Object, PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;

const NONE: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const INT: u8 = 3;
const BIG_INT: u8 = 4;
const FLOAT: u8 = 5;
const STR: u8 = 6;
const BYTES: u8 = 7;
const TUPLE: u8 = 8;
const LIST: u8 = 9;

/// Trees nest no deeper than this (the pickler's own recursion stops far
/// sooner); deeper input is refused rather than overflowing the stack.
const MAX_DEPTH: usize = 1000;

fn write_len(out: &mut Vec<u8>, len: usize) -> PyResult<()> {
    let len = u32::try_from(len)
        .map_err(|_| PyErr::overflow("pickled item is too large (over 4 GiB)"))?;
    out.extend_from_slice(&len.to_le_bytes());
    Ok(())
}

fn write_items(out: &mut Vec<u8>, tag: u8, items: &[Value], depth: usize) -> PyResult<()> {
    out.push(tag);
    write_len(out, items.len())?;
    for item in items {
        encode_into(out, item, depth + 1)?;
    }
    Ok(())
}

fn encode_into(out: &mut Vec<u8>, value: &Value, depth: usize) -> PyResult<()> {
    if depth > MAX_DEPTH {
        return Err(PyErr::recursion_error(
            "maximum recursion depth exceeded while pickling an object",
        ));
    }
    match value {
        Value::None => out.push(NONE),
        Value::Bool(false) => out.push(FALSE),
        Value::Bool(true) => out.push(TRUE),
        Value::Int(n) => {
            out.push(INT);
            out.extend_from_slice(&n.to_le_bytes());
        }
        Value::Float(f) => {
            out.push(FLOAT);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Value::Obj(obj) => encode_object(out, obj, depth)?,
        _ => return Err(not_plain(value)),
    }
    Ok(())
}

fn encode_object(out: &mut Vec<u8>, obj: &ObjRef, depth: usize) -> PyResult<()> {
    match &**obj {
        Object::Int(big) => {
            out.push(BIG_INT);
            let bytes = big.to_signed_bytes_le();
            write_len(out, bytes.len())?;
            out.extend_from_slice(&bytes);
        }
        Object::Str(text) => {
            out.push(STR);
            write_len(out, text.as_str().len())?;
            out.extend_from_slice(text.as_str().as_bytes());
        }
        Object::Bytes(bytes) => {
            out.push(BYTES);
            write_len(out, bytes.len())?;
            out.extend_from_slice(bytes);
        }
        Object::Tuple(items) => write_items(out, TUPLE, items, depth)?,
        Object::List(items) => {
            let items = items.lock().clone();
            write_items(out, LIST, &items, depth)?;
        }
        _ => return Err(not_plain(&Value::Obj(obj.clone()))),
    }
    Ok(())
}

fn not_plain(value: &Value) -> PyErr {
    PyErr::type_error(format!(
        "_pickle_codec.encode takes plain data, not '{}'",
        value.type_name()
    ))
}

/// Writes a tree of plain data as bytes.
pub fn encode(value: &Value) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    encode_into(&mut out, value, 0)?;
    Ok(out)
}

/// Reads bytes written by [`encode`].
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

fn truncated() -> PyErr {
    PyErr::value_error("pickle data was truncated")
}

impl Reader<'_> {
    fn take(&mut self, count: usize) -> PyResult<&[u8]> {
        let end = self.at.checked_add(count).ok_or_else(truncated)?;
        let slice = self.bytes.get(self.at..end).ok_or_else(truncated)?;
        self.at = end;
        Ok(slice)
    }

    fn fixed<const N: usize>(&mut self) -> PyResult<[u8; N]> {
        let mut array = [0u8; N];
        array.copy_from_slice(self.take(N)?);
        Ok(array)
    }

    fn len(&mut self) -> PyResult<usize> {
        Ok(u32::from_le_bytes(self.fixed::<4>()?) as usize)
    }

    /// Reads one item; a tuple or list is left open (its count of items
    /// still to read is returned) for [`decode`]'s loop to fill, so nesting
    /// costs no Rust stack.
    fn item(&mut self) -> PyResult<Item> {
        let tag = self.fixed::<1>()?[0];
        Ok(Item::Done(match tag {
            NONE => Value::None,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            INT => Value::Int(i64::from_le_bytes(self.fixed::<8>()?)),
            FLOAT => Value::Float(f64::from_bits(u64::from_le_bytes(self.fixed::<8>()?))),
            BIG_INT => {
                let len = self.len()?;
                Value::from_bigint(BigInt::from_signed_bytes_le(self.take(len)?))
            }
            STR => {
                let len = self.len()?;
                let text = std::str::from_utf8(self.take(len)?)
                    .map_err(|_| PyErr::value_error("pickle data holds text that is not UTF-8"))?;
                Value::str(text)
            }
            BYTES => {
                let len = self.len()?;
                Value::obj(Object::Bytes(self.take(len)?.into()))
            }
            TUPLE | LIST => {
                let count = self.len()?;
                // A count larger than the bytes left is a lie: refuse before allocating.
                if count > self.bytes.len() - self.at {
                    return Err(truncated());
                }
                return Ok(Item::Open(Open {
                    is_list: tag == LIST,
                    left: count,
                    items: Vec::with_capacity(count),
                }));
            }
            other => {
                return Err(PyErr::value_error(format!(
                    "invalid pickle data: unknown tag {other}"
                )));
            }
        }))
    }
}

/// A tuple or list being read.
struct Open {
    is_list: bool,
    left: usize,
    items: Vec<Value>,
}

enum Item {
    Done(Value),
    Open(Open),
}

impl Open {
    fn close(self) -> PyResult {
        if self.is_list {
            Value::list(self.items)
        } else {
            Ok(Value::tuple(self.items))
        }
    }
}

/// Reads a tree written by [`encode`]; bad bytes are a `ValueError`.
pub fn decode(bytes: &[u8]) -> PyResult {
    let mut reader = Reader { bytes, at: 0 };
    let mut open: Vec<Open> = Vec::new();
    let mut item = reader.item()?;
    let value = loop {
        let mut value = match item {
            Item::Open(started) => {
                if open.len() >= MAX_DEPTH {
                    return Err(PyErr::value_error("pickle data nests too deeply"));
                }
                open.push(started);
                Value::Null
            }
            Item::Done(value) => value,
        };
        // Close every container the value completes, innermost first.
        while let Some(top) = open.last_mut() {
            if !value.is_null() {
                top.items.push(value);
                top.left -= 1;
                value = Value::Null;
            }
            if top.left > 0 {
                break;
            }
            if let Some(done) = open.pop() {
                value = done.close()?;
            }
        }
        if open.is_empty() {
            break value;
        }
        item = reader.item()?;
    };
    if reader.at != bytes.len() {
        return Err(PyErr::value_error("invalid pickle data: bytes left over"));
    }
    Ok(value)
}

fn encode_fn(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("encode", 1, 1)?;
    Ok(Value::obj(Object::Bytes(encode(&a[0])?.into())))
}

fn decode_fn(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("decode", 1, 1)?;
    match a[0].as_obj().map(|o| &**o) {
        Some(Object::Bytes(bytes)) => decode(bytes),
        _ => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            a[0].type_name()
        ))),
    }
}

static FUNCTIONS: &[NativeDef] = &[
    NativeDef::function("_pickle_codec", "encode", encode_fn),
    NativeDef::function("_pickle_codec", "decode", decode_fn),
];

/// Fills the `_pickle_codec` module.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, dict, FUNCTIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_trees_round_trip() {
        let big = Value::from_bigint(BigInt::from(i64::MAX) * 1000);
        let tree = Value::tuple(vec![
            Value::None,
            Value::Bool(true),
            Value::Int(-7),
            Value::Float(2.5),
            Value::str("héllo"),
            big,
            Value::list(vec![Value::obj(Object::Bytes(vec![0, 255].into()))]).unwrap(),
        ]);
        let bytes = encode(&tree).unwrap();
        let back = decode(&bytes).unwrap();
        let items = back.as_tuple().unwrap();
        assert_eq!(items.len(), 7);
        assert!(matches!(items[2], Value::Int(-7)));
        assert_eq!(items[4].as_str().unwrap().as_str(), "héllo");
        assert!(matches!(&**items[5].as_obj().unwrap(), Object::Int(_)));
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        let bytes = encode(&Value::tuple(vec![Value::str("abc"), Value::Int(1)])).unwrap();
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(decode(&[TUPLE, 255, 255, 255, 255]).is_err());
        assert!(decode(&[42]).is_err());
        let deep: Vec<u8> = (0..1200).flat_map(|_| [TUPLE, 1, 0, 0, 0]).collect();
        assert!(decode(&deep).is_err());
    }
}
