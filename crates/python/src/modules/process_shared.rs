//! `_process`'s shared memory: the words behind `multiprocessing.Value`
//! and `Array`, one 64-bit word per item, read and written through the
//! host (natively words every instance maps; in the browser a
//! `SharedArrayBuffer`). An item keeps its typecode's C type: ints wrap to
//! their width as ctypes' do, `'f'` rounds to 32 bits.

use crate::objects::{Args, NativeDef, Object, PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// The typecodes `Value` and `Array` take.
const TYPECODES: &str = "cbBhHiIlLqQfd?u";

fn typecode(value: &Value) -> PyResult<char> {
    let code = value
        .as_str()
        .and_then(|s| {
            let mut chars = s.as_str().chars();
            chars.next().filter(|_| chars.next().is_none())
        })
        .filter(|c| TYPECODES.contains(*c));
    code.ok_or_else(|| PyErr::type_error("this type has no size"))
}

fn index_arg(value: &Value) -> PyResult<usize> {
    match value {
        Value::Int(n) => usize::try_from(*n).map_err(|_| PyErr::index_error("invalid index")),
        _ => Err(PyErr::type_error("indices must be integers")),
    }
}

fn block_arg(value: &Value) -> PyResult<u64> {
    match value {
        Value::Int(n) => u64::try_from(*n).map_err(|_| PyErr::value_error("bad shared block")),
        _ => Err(PyErr::type_error("bad shared block")),
    }
}

/// The item `raw` holds, as typecode `code` reads it.
fn from_word(code: char, raw: u64) -> Value {
    match code {
        'b' => Value::Int(i64::from(raw as u8 as i8)),
        'B' => Value::Int(i64::from(raw as u8)),
        'h' => Value::Int(i64::from(raw as u16 as i16)),
        'H' => Value::Int(i64::from(raw as u16)),
        'i' => Value::Int(i64::from(raw as u32 as i32)),
        'I' => Value::Int(i64::from(raw as u32)),
        'L' | 'Q' => Value::from_bigint(BigInt::from(raw)),
        'f' => Value::Float(f64::from(f32::from_bits(raw as u32))),
        'd' => Value::Float(f64::from_bits(raw)),
        'c' => Value::obj(Object::Bytes(vec![raw as u8].into())),
        '?' => Value::Bool(raw != 0),
        'u' => Value::string(char::from_u32(raw as u32).unwrap_or('\u{fffd}').to_string()),
        _ => Value::Int(raw as i64),
    }
}

/// The low 64 bits of an int, as C's conversion keeps them.
fn low_bits(value: &Value) -> Option<u64> {
    match value {
        Value::Int(n) => Some(*n as u64),
        Value::Bool(b) => Some(u64::from(*b)),
        Value::Obj(obj) => match &**obj {
            Object::Int(big) => {
                let modulus: BigInt = BigInt::from(1u8) << 64u32;
                let low: BigInt = ((big % &modulus) + &modulus) % &modulus;
                low.to_u64()
            }
            _ => None,
        },
        _ => None,
    }
}

/// The word typecode `code` stores for `value`.
fn to_word(vm: &mut Vm, code: char, value: &Value) -> PyResult<u64> {
    let kind = value.type_name();
    match code {
        'f' | 'd' => {
            let number = crate::objects::float::as_float(value)
                .ok_or_else(|| PyErr::type_error(format!("must be real number, not {kind}")))??;
            Ok(if code == 'f' {
                u64::from((number as f32).to_bits())
            } else {
                number.to_bits()
            })
        }
        'c' => match value.as_obj().map(|o| &**o) {
            Some(Object::Bytes(bytes)) if bytes.len() == 1 => Ok(u64::from(bytes[0])),
            _ => match value {
                Value::Int(n) if (0..256).contains(n) => Ok(*n as u64),
                _ => Err(PyErr::type_error(
                    "one character bytes, bytearray or integer expected",
                )),
            },
        },
        '?' => Ok(u64::from(vm.truthy(value)?)),
        'u' => match value
            .as_str()
            .map(|s| s.as_str().chars().collect::<Vec<_>>())
        {
            Some(chars) if chars.len() == 1 => Ok(u64::from(u32::from(chars[0]))),
            _ => Err(PyErr::type_error("unicode string expected")),
        },
        _ => low_bits(value)
            .ok_or_else(|| PyErr::type_error(format!("int expected instead of {kind}"))),
    }
}

/// `shared_new(words)`: a new block of shared memory (its number), or
/// `None` when the host has none.
fn shared_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("shared_new", 1, 1)?;
    let words = index_arg(&a[0])?;
    let block = vm.interp.process.new_channel();
    Ok(match vm.interp.host.shared_create(block, words) {
        Ok(()) => Value::Int(block as i64),
        Err(_) => Value::None,
    })
}

/// `shared_get(block, index, typecode)`: an item of shared memory.
fn shared_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("shared_get", 3, 3)?;
    let (block, index, code) = (block_arg(&a[0])?, index_arg(&a[1])?, typecode(&a[2])?);
    let raw = vm
        .interp
        .host
        .shared_load(block, index)
        .ok_or_else(|| PyErr::index_error("invalid index"))?;
    Ok(from_word(code, raw))
}

/// `shared_set(block, index, typecode, value)`: stores an item.
fn shared_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("shared_set", 4, 4)?;
    let (block, index, code) = (block_arg(&a[0])?, index_arg(&a[1])?, typecode(&a[2])?);
    let word = to_word(vm, code, &a[3])?;
    if !vm.interp.host.shared_store(block, index, word) {
        return Err(PyErr::index_error("invalid index"));
    }
    Ok(Value::None)
}

/// `convert(typecode, value)`: the value an item of that type holds after
/// storing `value` (for values kept without shared memory).
fn convert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("convert", 2, 2)?;
    let code = typecode(&a[0])?;
    let word = to_word(vm, code, &a[1])?;
    Ok(from_word(code, word))
}

/// The shared-memory functions of `_process`.
pub static FUNCTIONS: &[NativeDef] = &[
    NativeDef::function("_process", "shared_new", shared_new),
    NativeDef::function("_process", "shared_get", shared_get),
    NativeDef::function("_process", "shared_set", shared_set),
    NativeDef::function("_process", "convert", convert),
];
