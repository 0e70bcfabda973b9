//! Numeric builtins: `abs`, `round`, `divmod`, `pow`, `sum`, `min`, `max`,
//! `bin`, `oct`, `hex`.

use crate::compile::BinOpKind;
use crate::objects::int::{self, as_int};
use crate::objects::names::names;
use crate::objects::{Args, PyErr, PyResult, Value, float};
use crate::vm::Vm;

/// `abs(x)`.
pub fn absolute(vm: &mut Vm, value: &Value) -> PyResult {
    if let Value::Float(f) = value {
        return Ok(Value::Float(f.abs()));
    }
    if let Some(n) = as_int(value) {
        return Ok(int::absolute(n));
    }
    if let Some(result) = vm.call_special(value, &names().__abs__, &[])? {
        return Ok(result);
    }
    Err(PyErr::type_error(format!(
        "bad operand type for abs(): '{}'",
        value.type_name()
    )))
}

/// `abs(x)`.
pub fn abs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("abs", 1, 1)?;
    absolute(vm, &a[0])
}

/// `round(number, ndigits=None)`.
pub fn round(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("round", &["number", "ndigits"])?;
    let number = args
        .get(0, "number")
        .ok_or_else(|| PyErr::type_error("round() missing required argument 'number' (pos 1)"))?;
    let ndigits = args.get(1, "ndigits").filter(|v| !v.is_none());
    match (number, ndigits) {
        (Value::Float(f), None) => int::from_float(f.round_ties_even()),
        (Value::Float(f), Some(n)) => {
            let n = vm.to_index(n)?;
            Ok(Value::Float(float::round_to(*f, n)))
        }
        (value, digits) if as_int(value).is_some() => {
            let Some(d) = digits else {
                return vm.to_int(value);
            };
            let d = vm.to_index(d)?;
            if d >= 0 {
                return vm.to_int(value);
            }
            let n = as_int(value).map(|n| n.to_big()).unwrap_or_default();
            let scale = num_traits::pow::pow(num_bigint::BigInt::from(10), (-d) as usize);
            let (q, r) = num_integer::Integer::div_mod_floor(&n, &scale);
            let twice: num_bigint::BigInt = &r * 2;
            let q = match twice.cmp(&scale) {
                std::cmp::Ordering::Greater => q + 1,
                std::cmp::Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
                _ => q,
            };
            Ok(Value::from_bigint(q * scale))
        }
        (value, digits) => {
            let extra: Vec<Value> = digits.into_iter().cloned().collect();
            match vm.call_special(value, &names().__round__, &extra)? {
                Some(result) => Ok(result),
                None => Err(PyErr::type_error(format!(
                    "type {} doesn't define __round__ method",
                    value.type_name()
                ))),
            }
        }
    }
}

/// `divmod(a, b)`.
pub fn divmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("divmod", 2, 2)?;
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (&a[0], &a[1])
        && let (Some(x), Some(y)) = (float::as_float(&a[0]), float::as_float(&a[1]))
    {
        let (x, y) = (x?, y?);
        if y == 0.0 {
            return Err(PyErr::zero_division("float divmod()"));
        }
        let (q, r) = float::divmod(x, y);
        return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    if let (Some(x), Some(y)) = (as_int(&a[0]), as_int(&a[1])) {
        if y.is_zero() {
            return Err(PyErr::zero_division("integer division or modulo by zero"));
        }
        let q = int::arith(BinOpKind::FloorDiv, x, y)?;
        let r = int::arith(BinOpKind::Mod, x, y)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    let q = vm.binary_op(a[0].clone(), a[1].clone(), BinOpKind::FloorDiv)?;
    let r = vm.binary_op(a[0].clone(), a[1].clone(), BinOpKind::Mod)?;
    Ok(Value::tuple(vec![q, r]))
}

/// `pow(base, exp, mod=None)`.
pub fn pow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("pow", &["base", "exp", "mod"])?;
    let a = args.count("pow", 2, 3)?;
    let modulus = args.get(2, "mod").filter(|m| !m.is_none());
    match modulus {
        None => vm.binary_op(a[0].clone(), a[1].clone(), BinOpKind::Pow),
        Some(m) => match (as_int(&a[0]), as_int(&a[1]), as_int(m)) {
            (Some(x), Some(y), Some(z)) => int::pow_mod(x, y, z),
            _ => Err(PyErr::type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            )),
        },
    }
}

/// `sum(iterable, start=0)`.
pub fn sum(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("sum", &["start"])?;
    let a = args.count("sum", 1, 2)?;
    let mut total = args.get(1, "start").cloned().unwrap_or(Value::Int(0));
    if total.as_str().is_some() {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let iterator = vm.get_iter(&a[0])?;
    let mut steps: u32 = 0;
    while let Some(item) = vm.iter_next(&iterator)? {
        total = match crate::vm::ops::fast_binary(BinOpKind::Add, &total, &item) {
            Some(v) => v,
            None => vm.binary_op(total, item, BinOpKind::Add)?,
        };
        steps = steps.wrapping_add(1);
        if steps.is_multiple_of(65536) {
            vm.check_cancel()?;
        }
    }
    Ok(total)
}

fn min_max(vm: &mut Vm, args: Args<'_>, name: &str, want_max: bool) -> PyResult {
    args.allow_keywords(name, &["key", "default"])?;
    let pos = args.positional();
    let key = args.keyword("key").filter(|k| !k.is_none()).cloned();
    let items = match pos.len() {
        0 => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )));
        }
        1 => vm.collect(&pos[0])?,
        _ => {
            if args.keyword("default").is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        best = match best {
            None => Some((k, item)),
            Some((bk, bv)) => {
                let better = if want_max {
                    vm.less_than(&bk, &k)?
                } else {
                    vm.less_than(&k, &bk)?
                };
                if better {
                    Some((k, item))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => args
            .keyword("default")
            .cloned()
            .ok_or_else(|| PyErr::value_error(format!("{name}() arg is an empty sequence"))),
    }
}

/// `min(...)`.
pub fn min(vm: &mut Vm, args: Args<'_>) -> PyResult {
    min_max(vm, args, "min", false)
}

/// `max(...)`.
pub fn max(vm: &mut Vm, args: Args<'_>) -> PyResult {
    min_max(vm, args, "max", true)
}

fn radix(vm: &mut Vm, args: Args<'_>, name: &str, base: u32, prefix: &str) -> PyResult {
    let a = args.exact(name, 1, 1)?;
    let n = match as_int(&a[0]) {
        Some(n) => n.to_big(),
        None => num_bigint::BigInt::from(vm.to_index(&a[0])?),
    };
    let digits = n.magnitude().to_str_radix(base);
    let sign = if n.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    Ok(Value::string(format!("{sign}{prefix}{digits}")))
}

/// `bin(x)`.
pub fn bin(vm: &mut Vm, args: Args<'_>) -> PyResult {
    radix(vm, args, "bin", 2, "0b")
}

/// `oct(x)`.
pub fn oct(vm: &mut Vm, args: Args<'_>) -> PyResult {
    radix(vm, args, "oct", 8, "0o")
}

/// `hex(x)`.
pub fn hex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    radix(vm, args, "hex", 16, "0x")
}
