//! `hashlib`: `sha256` (the `sha2` crate). As CPython does, hashing 2048
//! bytes or more at once lets go of the GIL meanwhile (recorded as running
//! outside the GIL), so other threads run while a big block is hashed.

use crate::objects::builtin_types::make;
use crate::objects::names::intern;
use crate::objects::types::Layout;
use crate::objects::{Args, NativeDef, ObjRef, Object, Opaque, PyErr, PyResult, Value, types};
use crate::vm::Vm;
use parking_lot::Mutex;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// CPython hashes data this long or longer without the GIL.
pub const GIL_RELEASE_BYTES: usize = 2048;

fn sha256_class() -> &'static ObjRef {
    static CLASS: OnceLock<ObjRef> = OnceLock::new();
    CLASS.get_or_init(|| {
        let class = make(
            "_hashlib.HASH",
            &[&types().object],
            Layout::Native,
            &[METHODS],
            None,
        );
        if let Object::Type(class_type) = &*class
            && let Object::Dict(dict) = &*class_type.dict
        {
            let mut map = dict.lock();
            for (attr, getter) in PROPERTIES {
                let property = Value::obj(Object::Property(Box::new([
                    Value::Native(getter),
                    Value::None,
                    Value::None,
                    Value::None,
                ])));
                map.insert_new(crate::objects::hash::text(attr), intern(attr), property);
            }
        }
        class
    })
}

fn hasher_value(hasher: Sha256) -> Value {
    Value::obj(Object::Opaque(Opaque {
        class: sha256_class().clone(),
        data: Box::new(Mutex::new(hasher)),
    }))
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a Mutex<Sha256>> {
    match args
        .positional()
        .first()
        .and_then(Value::as_obj)
        .map(|o| &**o)
    {
        Some(Object::Opaque(opaque)) => opaque
            .data
            .downcast_ref::<Mutex<Sha256>>()
            .ok_or_else(|| PyErr::type_error("not a hash object")),
        _ => Err(PyErr::type_error("not a hash object")),
    }
}

/// Feeds `data` (a bytes object) to `hasher`, without the GIL when it is
/// long.
fn feed(vm: &mut Vm, hasher: &Mutex<Sha256>, data: &Value) -> PyResult<()> {
    let bytes = match data.as_obj().map(|o| &**o) {
        Some(Object::Bytes(bytes)) => bytes,
        Some(Object::Str(_)) => {
            return Err(PyErr::type_error("Strings must be encoded before hashing"));
        }
        _ => {
            return Err(PyErr::type_error(
                "object supporting the buffer API required",
            ));
        }
    };
    if bytes.len() >= GIL_RELEASE_BYTES {
        vm.without_gil("sha256", || hasher.lock().update(bytes))?;
    } else {
        hasher.lock().update(bytes);
    }
    Ok(())
}

/// `hashlib.sha256(data=b'', *, usedforsecurity=True)`.
fn sha256(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("sha256", &["data", "string", "usedforsecurity"])?;
    let a = args.count("sha256", 0, 1)?;
    let value = hasher_value(Sha256::new());
    let data = a
        .first()
        .or_else(|| args.keyword("data"))
        .or_else(|| args.keyword("string"));
    if let Some(data) = data {
        let hasher = this(&Args::new(std::slice::from_ref(&value)))?;
        feed(vm, hasher, data)?;
    }
    Ok(value)
}

/// `hashlib.new(name, data=b'')`: only `sha256` is offered.
fn new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.count("new", 1, 2)?;
    let name = a[0].as_str().map(|s| s.as_str().to_lowercase());
    if name.as_deref() != Some("sha256") {
        return Err(PyErr::value_error(format!(
            "unsupported hash type {}: the lab offers sha256",
            vm.str(&a[0])?
        )));
    }
    sha256(vm, Args::new(&a[1..]))
}

fn update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let hasher = this(&args)?;
    let a = args.exact("update", 2, 2)?;
    feed(vm, hasher, &a[1])?;
    Ok(Value::None)
}

fn finished(hasher: &Mutex<Sha256>) -> Vec<u8> {
    hasher.lock().clone().finalize().to_vec()
}

fn digest(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let hasher = this(&args)?;
    Ok(Value::obj(Object::Bytes(
        finished(hasher).into_boxed_slice(),
    )))
}

fn hexdigest(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let hasher = this(&args)?;
    let hex: String = finished(hasher)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Value::string(hex))
}

fn copy(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let hasher = this(&args)?;
    let clone = hasher.lock().clone();
    Ok(hasher_value(clone))
}

fn name(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(&args)?;
    Ok(Value::str("sha256"))
}

fn digest_size(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(&args)?;
    Ok(Value::Int(32))
}

fn block_size(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(&args)?;
    Ok(Value::Int(64))
}

fn repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(&args)?;
    let id = args.positional()[0].id();
    Ok(Value::string(format!(
        "<sha256 _hashlib.HASH object @ {id:#x}>"
    )))
}

static METHODS: &[NativeDef] = &[
    NativeDef::method("HASH", "update", update),
    NativeDef::method("HASH", "digest", digest),
    NativeDef::method("HASH", "hexdigest", hexdigest),
    NativeDef::method("HASH", "copy", copy),
    NativeDef::method("HASH", "__repr__", repr),
];

/// Read-only attributes of a hash object, as properties.
static PROPERTIES: &[(&str, NativeDef)] = &[
    ("name", NativeDef::method("HASH", "name", name)),
    (
        "digest_size",
        NativeDef::method("HASH", "digest_size", digest_size),
    ),
    (
        "block_size",
        NativeDef::method("HASH", "block_size", block_size),
    ),
];

static FUNCTIONS: &[NativeDef] = &[
    NativeDef::function("hashlib", "sha256", sha256),
    NativeDef::function("hashlib", "new", new),
];

/// Fills the `hashlib` module.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, dict, FUNCTIONS)?;
    let names = Value::obj(Object::Tuple(vec![Value::str("sha256")].into_boxed_slice()));
    vm.dict_set(dict, intern("algorithms_available"), names.clone())?;
    vm.dict_set(dict, intern("algorithms_guaranteed"), names)?;
    Ok(())
}
