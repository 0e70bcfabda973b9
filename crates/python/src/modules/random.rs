//! `random`: CPython's Mersenne Twister and its derived functions, so that
//! `random.seed(n)` gives exactly CPython's sequence for the functions here.

use crate::objects::builtin_types::make;
use crate::objects::int::as_int;
use crate::objects::lock::Lock as Mutex;
use crate::objects::names::intern;
use crate::objects::types::Layout;
use crate::objects::{Args, NativeDef, ObjRef, Object, Opaque, PyErr, PyResult, Value, types};
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use std::sync::OnceLock;

const N: usize = 624;
const M: usize = 397;

/// The generator's state.
pub struct Mt {
    state: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl Mt {
    fn new() -> Mt {
        let mut mt = Mt {
            state: [0; N],
            index: N + 1,
            gauss_next: None,
        };
        mt.init_genrand(5489);
        mt
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let length = key.len().max(1);
        for _ in 0..N.max(length) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= length {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
        self.gauss_next = None;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            for k in 0..N {
                let y = (self.state[k] & 0x8000_0000) | (self.state[(k + 1) % N] & 0x7fff_ffff);
                let mag = if y & 1 == 1 { 0x9908_b0df } else { 0 };
                self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53 random bits as a float in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    fn getrandbits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let words = k.div_ceil(32) as usize;
        let mut digits = Vec::with_capacity(words);
        let mut remaining = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if remaining < 32 {
                r >>= 32 - remaining;
            }
            digits.push(r);
            remaining = remaining.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &digits)
    }

    fn below(&mut self, n: &BigInt) -> BigInt {
        let k = n.bits();
        if k <= 32 {
            let n = u32::try_from(n).unwrap_or(u32::MAX) as u64;
            loop {
                let r = (self.next_u32() >> (32 - k)) as u64;
                if r < n {
                    return BigInt::from(r);
                }
            }
        }
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    fn below_usize(&mut self, n: usize) -> usize {
        let r = self.below(&BigInt::from(n));
        usize::try_from(r).unwrap_or(0)
    }
}

fn random_class() -> &'static ObjRef {
    static CLASS: OnceLock<ObjRef> = OnceLock::new();
    CLASS.get_or_init(|| {
        make(
            "random.Random",
            &[&types().object],
            Layout::Native,
            &[METHODS],
            Some(random_new),
        )
    })
}

fn new_random_value(mt: Mt) -> Value {
    Value::obj(Object::Opaque(Opaque {
        class: random_class().clone(),
        data: Box::new(Mutex::new(mt)),
    }))
}

fn state<'a>(args: &Args<'a>) -> PyResult<&'a Mutex<Mt>> {
    if let Some(Value::Obj(o)) = args.positional().first()
        && let Object::Opaque(opaque) = &**o
        && let Some(mt) = opaque.data.downcast_ref::<Mutex<Mt>>()
    {
        return Ok(mt);
    }
    Err(PyErr::type_error(
        "descriptor requires a 'random.Random' object",
    ))
}

fn seed_with(vm: &mut Vm, mt: &Mutex<Mt>, seed: Option<&Value>) -> PyResult<()> {
    let key: Vec<u32> = match seed {
        None | Some(Value::None) => {
            let t = vm.interp.host.unix_time_s();
            let bits = (t * 1e6) as u64;
            vec![bits as u32, (bits >> 32) as u32]
        }
        Some(value) => {
            let n = match as_int(value) {
                Some(n) => n.to_big(),
                None => BigInt::from(vm.hash(value)?),
            };
            let digits = n.magnitude().to_u32_digits();
            if digits.is_empty() { vec![0] } else { digits }
        }
    };
    mt.lock().init_by_array(&key);
    Ok(())
}

/// `random.Random(seed=None)`.
pub fn random_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("Random", 0, 1)?;
    let value = new_random_value(Mt::new());
    if let Value::Obj(o) = &value
        && let Object::Opaque(opaque) = &**o
        && let Some(mt) = opaque.data.downcast_ref::<Mutex<Mt>>()
    {
        seed_with(vm, mt, a.first())?;
    }
    Ok(value)
}

fn seed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mt = state(&args)?;
    let a = args.count("seed", 1, 3)?;
    seed_with(vm, mt, a.get(1))?;
    Ok(Value::None)
}

fn random(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::Float(state(&args)?.lock().random()))
}

fn getrandbits(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mt = state(&args)?;
    let a = args.exact("getrandbits", 2, 2)?;
    let k = vm.to_index(&a[1])?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    Ok(Value::from_bigint(mt.lock().getrandbits(k as u64)))
}

fn int_arg(vm: &mut Vm, value: &Value) -> PyResult<BigInt> {
    match as_int(value) {
        Some(n) => Ok(n.to_big()),
        None => Ok(BigInt::from(vm.to_index(value)?)),
    }
}

fn randrange_impl(
    vm: &mut Vm,
    mt: &Mutex<Mt>,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult {
    let istart = int_arg(vm, start)?;
    let Some(stop) = stop.filter(|s| !s.is_none()) else {
        if istart > BigInt::from(0) {
            return Ok(Value::from_bigint(mt.lock().below(&istart)));
        }
        return Err(PyErr::value_error("empty range for randrange()"));
    };
    let istop = int_arg(vm, stop)?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => int_arg(vm, s)?,
        None => BigInt::from(1),
    };
    if istep == BigInt::from(1) {
        if width > BigInt::from(0) {
            return Ok(Value::from_bigint(istart + mt.lock().below(&width)));
        }
        return Err(PyErr::value_error(format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        )));
    }
    if istep == BigInt::from(0) {
        return Err(PyErr::value_error("zero step for randrange()"));
    }
    let n = if istep > BigInt::from(0) {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    };
    if n <= BigInt::from(0) {
        return Err(PyErr::value_error("empty range for randrange()"));
    }
    let r = mt.lock().below(&n);
    Ok(Value::from_bigint(istart + istep * r))
}

fn randrange(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mt = state(&args)?;
    let a = args.exact("randrange", 2, 4)?;
    randrange_impl(vm, mt, &a[1], a.get(2), a.get(3))
}

fn randint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mt = state(&args)?;
    let a = args.exact("randint", 3, 3)?;
    let stop = Value::from_bigint(int_arg(vm, &a[2])? + 1);
    randrange_impl(vm, mt, &a[1], Some(&stop), None)
}

fn choice(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mt = state(&args)?;
    let a = args.exact("choice", 2, 2)?;
    let n = vm.len(&a[1])?;
    if n == 0 {
        return Err(PyErr::index_error("Cannot choose from an empty sequence"));
    }
    let i = mt.lock().below_usize(n);
    vm.getitem(&a[1], &Value::Int(i as i64))
}

fn shuffle(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mt = state(&args)?;
    let a = args.exact("shuffle", 2, 2)?;
    let n = vm.len(&a[1])?;
    for i in (1..n).rev() {
        let j = mt.lock().below_usize(i + 1);
        let (vi, vj) = (
            vm.getitem(&a[1], &Value::Int(i as i64))?,
            vm.getitem(&a[1], &Value::Int(j as i64))?,
        );
        vm.setitem(&a[1], Value::Int(i as i64), vj)?;
        vm.setitem(&a[1], Value::Int(j as i64), vi)?;
    }
    Ok(Value::None)
}

fn uniform(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mt = state(&args)?;
    let a = args.exact("uniform", 3, 3)?;
    let lo = crate::objects::float::as_float(&a[1])
        .ok_or_else(|| PyErr::type_error("must be real number"))??;
    let hi = crate::objects::float::as_float(&a[2])
        .ok_or_else(|| PyErr::type_error("must be real number"))??;
    let _ = vm;
    Ok(Value::Float(lo + (hi - lo) * mt.lock().random()))
}

fn sample(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mt = state(&args)?;
    args.allow_keywords("sample", &["counts"])?;
    let a = args.count("sample", 3, 3)?;
    let population = vm.collect(&a[1])?;
    let n = population.len();
    let k = vm.to_index(&a[2])?;
    if k < 0 || k as usize > n {
        return Err(PyErr::value_error(
            "Sample larger than population or is negative",
        ));
    }
    let k = k as usize;
    let mut setsize = 21usize;
    if k > 5 {
        let exponent = ((k * 3) as f64).log(4.0).ceil() as u32;
        setsize += 4usize.pow(exponent);
    }
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool = population;
        for i in 0..k {
            let j = mt.lock().below_usize(n - i);
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = mt.lock().below_usize(n);
            while selected.contains(&j) {
                j = mt.lock().below_usize(n);
            }
            selected.insert(j);
            result.push(population[j].clone());
        }
    }
    Value::list(result)
}

fn choices(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mt = state(&args)?;
    args.allow_keywords("choices", &["weights", "cum_weights", "k"])?;
    let population = vm.collect(
        args.get(1, "population")
            .ok_or_else(|| PyErr::type_error("choices() missing 'population'"))?,
    )?;
    let n = population.len();
    let k = match args.keyword("k") {
        Some(v) => vm.to_index(v)?.max(0) as usize,
        None => 1,
    };
    let weights = args.get(2, "weights").filter(|w| !w.is_none()).cloned();
    let cum = args
        .keyword("cum_weights")
        .filter(|w| !w.is_none())
        .cloned();
    let cumulative: Option<Vec<f64>> = match (weights, cum) {
        (Some(w), None) => {
            let mut total = 0.0;
            let mut out = Vec::new();
            for item in vm.collect(&w)? {
                total += crate::objects::float::as_float(&item)
                    .ok_or_else(|| PyErr::type_error("weights must be numbers"))??;
                out.push(total);
            }
            Some(out)
        }
        (None, Some(c)) => {
            let mut out = Vec::new();
            for item in vm.collect(&c)? {
                out.push(
                    crate::objects::float::as_float(&item)
                        .ok_or_else(|| PyErr::type_error("weights must be numbers"))??,
                );
            }
            Some(out)
        }
        (Some(_), Some(_)) => {
            return Err(PyErr::type_error(
                "Cannot specify both weights and cumulative weights",
            ));
        }
        (None, None) => None,
    };
    let mut result = Vec::with_capacity(k);
    match cumulative {
        None => {
            if n == 0 {
                return Err(PyErr::index_error("Cannot choose from an empty sequence"));
            }
            for _ in 0..k {
                let i = (mt.lock().random() * n as f64).floor() as usize;
                result.push(population[i.min(n - 1)].clone());
            }
        }
        Some(cum) => {
            if cum.len() != n {
                return Err(PyErr::value_error(
                    "The number of weights does not match the population",
                ));
            }
            let total = cum.last().copied().unwrap_or(0.0);
            if total <= 0.0 {
                return Err(PyErr::value_error(
                    "Total of weights must be greater than zero",
                ));
            }
            for _ in 0..k {
                let x = mt.lock().random() * total;
                let hi = n - 1;
                let i = cum[..hi].partition_point(|&c| c <= x);
                result.push(population[i].clone());
            }
        }
    }
    Value::list(result)
}

fn gauss(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mt = state(&args)?;
    let a = args.exact("gauss", 1, 3)?;
    let mu = a.get(1).map_or(Ok(0.0), |v| {
        crate::objects::float::as_float(v).unwrap_or(Ok(0.0))
    })?;
    let sigma = a.get(2).map_or(Ok(1.0), |v| {
        crate::objects::float::as_float(v).unwrap_or(Ok(1.0))
    })?;
    let _ = vm;
    let mut g = mt.lock();
    let z = match g.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = g.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - g.random()).ln()).sqrt();
            g.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    };
    Ok(Value::Float(mu + z * sigma))
}

fn normalvariate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mt = state(&args)?;
    let a = args.exact("normalvariate", 1, 3)?;
    let mu = a.get(1).map_or(Ok(0.0), |v| {
        crate::objects::float::as_float(v).unwrap_or(Ok(0.0))
    })?;
    let sigma = a.get(2).map_or(Ok(1.0), |v| {
        crate::objects::float::as_float(v).unwrap_or(Ok(1.0))
    })?;
    let _ = vm;
    let magic = 4.0 * (-0.5f64).exp() / 2f64.sqrt();
    let mut g = mt.lock();
    loop {
        let u1 = g.random();
        let u2 = 1.0 - g.random();
        let z = magic * (u1 - 0.5) / u2;
        if z * z / 4.0 <= -u2.ln() {
            return Ok(Value::Float(mu + z * sigma));
        }
    }
}

fn expovariate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mt = state(&args)?;
    let a = args.exact("expovariate", 2, 2)?;
    let lambd = crate::objects::float::as_float(&a[1])
        .ok_or_else(|| PyErr::type_error("must be real number"))??;
    let _ = vm;
    Ok(Value::Float(-(1.0 - mt.lock().random()).ln() / lambd))
}

static METHODS: &[NativeDef] = &[
    NativeDef::method("Random", "seed", seed),
    NativeDef::method("Random", "random", random),
    NativeDef::method("Random", "getrandbits", getrandbits),
    NativeDef::method("Random", "randrange", randrange),
    NativeDef::method("Random", "randint", randint),
    NativeDef::method("Random", "choice", choice),
    NativeDef::method("Random", "choices", choices),
    NativeDef::method("Random", "shuffle", shuffle),
    NativeDef::method("Random", "uniform", uniform),
    NativeDef::method("Random", "sample", sample),
    NativeDef::method("Random", "gauss", gauss),
    NativeDef::method("Random", "normalvariate", normalvariate),
    NativeDef::method("Random", "expovariate", expovariate),
];

/// Fills the `random` module: its functions are methods of one hidden
/// generator, seeded from the clock, as CPython's are.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    let instance = random_new(vm, Args::new(&[]))?;
    for def in METHODS {
        let bound = Value::obj(Object::BoundNative(def, instance.clone()));
        vm.dict_set(dict, intern(def.name), bound)?;
    }
    vm.dict_set(dict, intern("Random"), Value::Obj(random_class().clone()))?;
    vm.dict_set(dict, intern("_inst"), instance)?;
    Ok(())
}
