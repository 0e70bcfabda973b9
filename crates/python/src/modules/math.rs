//! `math`.

use crate::objects::float::as_float;
use crate::objects::int::{self, IntRef, as_int};
use crate::objects::names::{intern, names};
use crate::objects::{Args, NativeDef, ObjRef, PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

fn number(vm: &mut Vm, value: &Value) -> PyResult<f64> {
    if let Some(f) = as_float(value) {
        return f;
    }
    if let Some(result) = vm.call_special(value, &names().__float__, &[])?
        && let Value::Float(f) = result
    {
        return Ok(f);
    }
    Err(PyErr::type_error(format!(
        "must be real number, not {}",
        value.type_name()
    )))
}

fn domain() -> PyErr {
    PyErr::value_error("math domain error")
}

fn range_error() -> PyErr {
    PyErr::overflow("math range error")
}

fn checked(x: f64, result: f64) -> PyResult {
    if result.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if result.is_infinite() && x.is_finite() {
        return Err(range_error());
    }
    Ok(Value::Float(result))
}

macro_rules! unary {
    ($($name:ident => $f:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let a = args.exact(stringify!($name), 1, 1)?;
                let x = number(vm, &a[0])?;
                let f: fn(f64) -> f64 = $f;
                checked(x, f(x))
            }
        )*
    };
}

unary! {
    exp => f64::exp; expm1 => f64::exp_m1; log1p => |x| if x <= -1.0 { f64::NAN } else { x.ln_1p() };
    sin => f64::sin; cos => f64::cos; tan => f64::tan; asin => f64::asin; acos => f64::acos;
    atan => f64::atan; sinh => f64::sinh; cosh => f64::cosh; tanh => f64::tanh;
    asinh => f64::asinh; acosh => f64::acosh; atanh => f64::atanh; fabs => f64::abs;
    degrees => f64::to_degrees; radians => f64::to_radians;
    erf => erf_impl; erfc => |x| 1.0 - erf_impl(x); gamma => gamma_impl;
}

fn erf_impl(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * x.abs());
    let y = 1.0
        - t * (-x * x - 1.265_512_23
            + t * (1.000_023_68
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07
                                + t * (-1.135_203_98
                                    + t * (1.488_515_87
                                        + t * (-0.822_152_23 + t * 0.170_872_77)))))))))
            .exp();
    if x >= 0.0 { y } else { -y }
}

fn gamma_impl(x: f64) -> f64 {
    if x == x.floor() && x <= 0.0 {
        return f64::NAN;
    }
    if x < 0.5 {
        return std::f64::consts::PI / ((std::f64::consts::PI * x).sin() * gamma_impl(1.0 - x));
    }
    let g = 7.0;
    let c = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    let x = x - 1.0;
    let mut a = c[0];
    let t = x + g + 0.5;
    for (i, &ci) in c.iter().enumerate().skip(1) {
        a += ci / (x + i as f64);
    }
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(x + 0.5) * (-t).exp() * a
}

fn sqrt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("sqrt", 1, 1)?;
    let x = number(vm, &a[0])?;
    if x < 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.sqrt()))
}

fn log(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("log", 1, 2)?;
    let ln = |vm: &mut Vm, v: &Value| -> PyResult<f64> {
        if let Some(IntRef::Big(b)) = as_int(v) {
            if !b.is_positive() {
                return Err(domain());
            }
            let bits = b.bits() as i64 - 60;
            let top = (b >> bits as usize)
                .to_string()
                .parse::<f64>()
                .unwrap_or(1.0);
            return Ok(top.ln() + bits as f64 * std::f64::consts::LN_2);
        }
        let x = number(vm, v)?;
        if x <= 0.0 {
            return Err(domain());
        }
        Ok(x.ln())
    };
    let value = ln(vm, &a[0])?;
    match a.get(1) {
        Some(base) => {
            let b = ln(vm, base)?;
            if b == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            Ok(Value::Float(value / b))
        }
        None => Ok(Value::Float(value)),
    }
}

fn log_base(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(f64) -> f64) -> PyResult {
    let a = args.exact(name, 1, 1)?;
    let x = number(vm, &a[0])?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(f(x)))
}

fn log2(vm: &mut Vm, args: Args<'_>) -> PyResult {
    log_base(vm, args, "log2", f64::log2)
}

fn log10(vm: &mut Vm, args: Args<'_>) -> PyResult {
    log_base(vm, args, "log10", f64::log10)
}

fn pow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("pow", 2, 2)?;
    let (x, y) = (number(vm, &a[0])?, number(vm, &a[1])?);
    if x == 0.0 && y < 0.0 {
        return Err(domain());
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(Value::Float(r))
}

fn atan2(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("atan2", 2, 2)?;
    Ok(Value::Float(number(vm, &a[0])?.atan2(number(vm, &a[1])?)))
}

fn two_floats(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    let a = args.exact(name, 2, 2)?;
    Ok((number(vm, &a[0])?, number(vm, &a[1])?))
}

fn copysign(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = two_floats(vm, &args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn fmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = two_floats(vm, &args, "fmod")?;
    if y == 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x % y))
}

fn remainder(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = two_floats(vm, &args, "remainder")?;
    if y == 0.0 {
        return Err(domain());
    }
    let n = (x / y).round_ties_even();
    Ok(Value::Float(x - n * y))
}

fn rounding(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(f64) -> f64) -> PyResult {
    let a = args.exact(name, 1, 1)?;
    if as_int(&a[0]).is_some() {
        return vm.to_int(&a[0]);
    }
    let dunder = intern(&format!("__{name}__"));
    if !matches!(a[0], Value::Float(_))
        && let Some(result) = vm.call_special(&a[0], &dunder, &[])?
    {
        return Ok(result);
    }
    let x = number(vm, &a[0])?;
    int::from_float(f(x))
}

fn floor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    rounding(vm, args, "floor", f64::floor)
}

fn ceil(vm: &mut Vm, args: Args<'_>) -> PyResult {
    rounding(vm, args, "ceil", f64::ceil)
}

fn trunc(vm: &mut Vm, args: Args<'_>) -> PyResult {
    rounding(vm, args, "trunc", f64::trunc)
}

fn predicate(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(f64) -> bool) -> PyResult {
    let a = args.exact(name, 1, 1)?;
    Ok(Value::Bool(f(number(vm, &a[0])?)))
}

fn isnan(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isnan", f64::is_nan)
}

fn isinf(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isinf", f64::is_infinite)
}

fn isfinite(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isfinite", f64::is_finite)
}

fn isclose(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("isclose", &["rel_tol", "abs_tol"])?;
    let a = args.count("isclose", 2, 2)?;
    let (x, y) = (number(vm, &a[0])?, number(vm, &a[1])?);
    let rel = match args.keyword("rel_tol") {
        Some(v) => number(vm, v)?,
        None => 1e-9,
    };
    let abs = match args.keyword("abs_tol") {
        Some(v) => number(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (x - y).abs();
    Ok(Value::Bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

fn big_arg(vm: &mut Vm, value: &Value, name: &str) -> PyResult<BigInt> {
    match as_int(value) {
        Some(n) => Ok(n.to_big()),
        None => {
            if let Value::Float(_) = value {
                return Err(PyErr::type_error(
                    "'float' object cannot be interpreted as an integer",
                ));
            }
            let _ = name;
            Ok(BigInt::from(vm.to_index(value)?))
        }
    }
}

fn factorial(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("factorial", 1, 1)?;
    let n = big_arg(vm, &a[0], "factorial")?;
    if n.is_negative() {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let n: u64 = n.try_into().map_err(|_| {
        PyErr::overflow("factorial() argument should not exceed 9223372036854775807")
    })?;
    crate::heap::reserve((n as usize).saturating_mul(n.max(2).ilog2() as usize) / 8)?;
    let mut result = BigInt::one();
    for i in 2..=n {
        result *= i;
        if i % 4096 == 0 {
            vm.check_cancel()?;
        }
    }
    Ok(Value::from_bigint(result))
}

fn gcd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mut result = BigInt::zero();
    for v in args.exact("gcd", 0, usize::MAX)? {
        result = result.gcd(&big_arg(vm, v, "gcd")?);
    }
    Ok(Value::from_bigint(result))
}

fn lcm(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mut result = BigInt::one();
    for v in args.exact("lcm", 0, usize::MAX)? {
        let n = big_arg(vm, v, "lcm")?;
        if n.is_zero() {
            return Ok(Value::Int(0));
        }
        result = result.lcm(&n);
    }
    Ok(Value::from_bigint(result.abs()))
}

fn isqrt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("isqrt", 1, 1)?;
    let n = big_arg(vm, &a[0], "isqrt")?;
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn comb_perm(vm: &mut Vm, args: Args<'_>, name: &str, combinations: bool) -> PyResult {
    let a = args.exact(name, 1, 2)?;
    let n = big_arg(vm, &a[0], name)?;
    let k = match a.get(1) {
        Some(k) if !k.is_none() => big_arg(vm, k, name)?,
        _ if !combinations => n.clone(),
        _ => {
            return Err(PyErr::type_error(
                "comb() missing required argument 'k' (pos 2)",
            ));
        }
    };
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k: u64 = k
        .try_into()
        .map_err(|_| PyErr::overflow("k is too large"))?;
    let k = if combinations {
        k.min(u64::try_from(&n - k).unwrap_or(k))
    } else {
        k
    };
    let mut result = BigInt::one();
    for i in 0..k {
        result *= &n - i;
        if combinations {
            result /= i + 1;
        }
    }
    Ok(Value::from_bigint(result))
}

fn comb(vm: &mut Vm, args: Args<'_>) -> PyResult {
    comb_perm(vm, args, "comb", true)
}

fn perm(vm: &mut Vm, args: Args<'_>) -> PyResult {
    comb_perm(vm, args, "perm", false)
}

fn hypot(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mut sum = 0.0f64;
    let mut values = Vec::new();
    for v in args.exact("hypot", 0, usize::MAX)? {
        values.push(number(vm, v)?);
    }
    let scale = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if scale == 0.0 || scale.is_infinite() {
        return Ok(Value::Float(scale));
    }
    for v in values {
        sum += (v / scale) * (v / scale);
    }
    Ok(Value::Float(scale * sum.sqrt()))
}

fn dist(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("dist", 2, 2)?;
    let p = vm.collect(&a[0])?;
    let q = vm.collect(&a[1])?;
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut total = 0.0;
    for (x, y) in p.iter().zip(&q) {
        let d = number(vm, x)? - number(vm, y)?;
        total += d * d;
    }
    Ok(Value::Float(total.sqrt()))
}

fn fsum(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("fsum", 1, 1)?;
    let mut partials: Vec<f64> = Vec::new();
    for item in vm.collect(&a[0])? {
        let mut x = number(vm, &item)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    Ok(Value::Float(partials.iter().sum()))
}

fn prod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("prod", &["start"])?;
    let a = args.count("prod", 1, 1)?;
    let mut total = args.keyword("start").cloned().unwrap_or(Value::Int(1));
    for item in vm.collect(&a[0])? {
        total = vm.binary_op(total, item, crate::compile::BinOpKind::Mul)?;
    }
    Ok(total)
}

fn modf(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("modf", 1, 1)?;
    let x = number(vm, &a[0])?;
    Ok(Value::tuple(vec![
        Value::Float(x.fract()),
        Value::Float(x.trunc()),
    ]))
}

fn frexp(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("frexp", 1, 1)?;
    let x = number(vm, &a[0])?;
    let (m, e) = crate::objects::hash::frexp(x.abs());
    Ok(Value::tuple(vec![
        Value::Float(m.copysign(x)),
        Value::Int(e as i64),
    ]))
}

fn ldexp(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("ldexp", 2, 2)?;
    let x = number(vm, &a[0])?;
    let e = vm.to_index(&a[1])?;
    checked(x, x * 2f64.powi(e.clamp(-2000, 2000) as i32))
}

static FUNCTIONS: &[NativeDef] = &[
    NativeDef::function("math", "sqrt", sqrt),
    NativeDef::function("math", "exp", exp),
    NativeDef::function("math", "expm1", expm1),
    NativeDef::function("math", "log", log),
    NativeDef::function("math", "log2", log2),
    NativeDef::function("math", "log10", log10),
    NativeDef::function("math", "log1p", log1p),
    NativeDef::function("math", "pow", pow),
    NativeDef::function("math", "sin", sin),
    NativeDef::function("math", "cos", cos),
    NativeDef::function("math", "tan", tan),
    NativeDef::function("math", "asin", asin),
    NativeDef::function("math", "acos", acos),
    NativeDef::function("math", "atan", atan),
    NativeDef::function("math", "atan2", atan2),
    NativeDef::function("math", "sinh", sinh),
    NativeDef::function("math", "cosh", cosh),
    NativeDef::function("math", "tanh", tanh),
    NativeDef::function("math", "asinh", asinh),
    NativeDef::function("math", "acosh", acosh),
    NativeDef::function("math", "atanh", atanh),
    NativeDef::function("math", "fabs", fabs),
    NativeDef::function("math", "degrees", degrees),
    NativeDef::function("math", "radians", radians),
    NativeDef::function("math", "erf", erf),
    NativeDef::function("math", "erfc", erfc),
    NativeDef::function("math", "gamma", gamma),
    NativeDef::function("math", "copysign", copysign),
    NativeDef::function("math", "fmod", fmod),
    NativeDef::function("math", "remainder", remainder),
    NativeDef::function("math", "floor", floor),
    NativeDef::function("math", "ceil", ceil),
    NativeDef::function("math", "trunc", trunc),
    NativeDef::function("math", "isnan", isnan),
    NativeDef::function("math", "isinf", isinf),
    NativeDef::function("math", "isfinite", isfinite),
    NativeDef::function("math", "isclose", isclose),
    NativeDef::function("math", "factorial", factorial),
    NativeDef::function("math", "gcd", gcd),
    NativeDef::function("math", "lcm", lcm),
    NativeDef::function("math", "isqrt", isqrt),
    NativeDef::function("math", "comb", comb),
    NativeDef::function("math", "perm", perm),
    NativeDef::function("math", "hypot", hypot),
    NativeDef::function("math", "dist", dist),
    NativeDef::function("math", "fsum", fsum),
    NativeDef::function("math", "prod", prod),
    NativeDef::function("math", "modf", modf),
    NativeDef::function("math", "frexp", frexp),
    NativeDef::function("math", "ldexp", ldexp),
];

/// Fills the `math` module.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, dict, FUNCTIONS)?;
    for (name, value) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        vm.dict_set(dict, intern(name), Value::Float(value))?;
    }
    Ok(())
}
