//! The builtins: the `builtins` module's functions, classes and constants.
//!
//! Files: `io.rs` (`print`, `input`, `open`), `numbers.rs` (`abs`,
//! `round`, `divmod`, `pow`, `sum`, `min`, `max`, `bin`/`hex`/`oct`),
//! `iteration.rs` (`iter`, `next`, `enumerate`, `zip`, `map`, `filter`,
//! `reversed`, `sorted`, `all`, `any`), `introspection.rs` (`getattr`,
//! `isinstance`, `dir`, `vars`, `eval`…).

pub mod introspection;
pub mod io;
pub mod iteration;
pub mod numbers;

use crate::objects::names::intern;
use crate::objects::{Args, NativeDef, ObjRef, Object, PyErr, PyResult, Value, types};
use crate::vm::Vm;

pub use introspection::dir_of;

fn chr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("chr", 1, 1)?;
    let n = vm.to_index(&a[0])?;
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("ord", 1, 1)?;
    if let Some(s) = a[0].as_str() {
        let mut chars = s.as_str().chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(Value::Int(c as i64)),
            _ => Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            ))),
        };
    }
    if let Value::Obj(o) = &a[0]
        && let Object::Bytes(b) = &**o
        && b.len() == 1
    {
        return Ok(Value::Int(b[0] as i64));
    }
    Err(PyErr::type_error(format!(
        "ord() expected string of length 1, but {} found",
        a[0].type_name()
    )))
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("repr", 1, 1)?;
    vm.repr_value(&a[0])
}

fn ascii(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("ascii", 1, 1)?;
    let text = vm.repr(&a[0])?;
    Ok(Value::string(crate::objects::str_methods::ascii_of(&text)))
}

fn len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("len", 1, 1)?;
    Ok(Value::Int(vm.len(&a[0])? as i64))
}

fn format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("format", 1, 2)?;
    let spec = a.get(1).and_then(Value::as_str).map_or("", |s| s.as_str());
    vm.format_value(&a[0], spec)
}

fn exit(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("exit", 0, 1)?;
    let code = a.first().cloned().unwrap_or(Value::Null);
    Err(PyErr::new(&types().system_exit, code))
}

fn import(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.count("__import__", 1, 5)?;
    let name = a[0]
        .as_str()
        .map(|s| s.as_str().to_string())
        .ok_or_else(|| PyErr::type_error("__import__() argument 1 must be str"))?;
    let fromlist = args.get(3, "fromlist").cloned().unwrap_or(Value::None);
    let module = vm.import_module(&name)?;
    if fromlist.as_tuple().is_some_and(|f| !f.is_empty()) || !name.contains('.') {
        return Ok(module);
    }
    vm.import_module(name.split('.').next().unwrap_or(""))
}

/// The builtin functions.
pub static FUNCTIONS: &[NativeDef] = &[
    NativeDef::function("builtins", "print", io::print),
    NativeDef::function("builtins", "input", io::input),
    NativeDef::function("builtins", "open", io::open),
    NativeDef::function("builtins", "len", len),
    NativeDef::function("builtins", "repr", repr),
    NativeDef::function("builtins", "ascii", ascii),
    NativeDef::function("builtins", "chr", chr),
    NativeDef::function("builtins", "ord", ord),
    NativeDef::function("builtins", "format", format),
    NativeDef::function("builtins", "exit", exit),
    NativeDef::function("builtins", "quit", exit),
    NativeDef::function("builtins", "__import__", import),
    NativeDef::function("builtins", "abs", numbers::abs),
    NativeDef::function("builtins", "round", numbers::round),
    NativeDef::function("builtins", "divmod", numbers::divmod),
    NativeDef::function("builtins", "pow", numbers::pow),
    NativeDef::function("builtins", "sum", numbers::sum),
    NativeDef::function("builtins", "min", numbers::min),
    NativeDef::function("builtins", "max", numbers::max),
    NativeDef::function("builtins", "bin", numbers::bin),
    NativeDef::function("builtins", "oct", numbers::oct),
    NativeDef::function("builtins", "hex", numbers::hex),
    NativeDef::function("builtins", "iter", iteration::iter),
    NativeDef::function("builtins", "next", iteration::next),
    NativeDef::function("builtins", "enumerate", iteration::enumerate),
    NativeDef::function("builtins", "zip", iteration::zip),
    NativeDef::function("builtins", "map", iteration::map),
    NativeDef::function("builtins", "filter", iteration::filter),
    NativeDef::function("builtins", "reversed", iteration::reversed),
    NativeDef::function("builtins", "sorted", iteration::sorted),
    NativeDef::function("builtins", "all", iteration::all),
    NativeDef::function("builtins", "any", iteration::any),
    NativeDef::function("builtins", "getattr", introspection::getattr),
    NativeDef::function("builtins", "setattr", introspection::setattr),
    NativeDef::function("builtins", "hasattr", introspection::hasattr),
    NativeDef::function("builtins", "delattr", introspection::delattr),
    NativeDef::function("builtins", "isinstance", introspection::isinstance),
    NativeDef::function("builtins", "issubclass", introspection::issubclass),
    NativeDef::function("builtins", "callable", introspection::callable),
    NativeDef::function("builtins", "id", introspection::id),
    NativeDef::function("builtins", "hash", introspection::hash),
    NativeDef::frame_function("builtins", "dir", introspection::dir),
    NativeDef::frame_function("builtins", "vars", introspection::vars),
    NativeDef::function("builtins", "globals", introspection::globals),
    NativeDef::frame_function("builtins", "locals", introspection::locals),
    NativeDef::frame_function("builtins", "eval", introspection::eval),
    NativeDef::frame_function("builtins", "exec", introspection::exec),
];

/// Fills the `builtins` module and registers it in `sys.modules`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let dict: ObjRef = vm.interp.builtins.clone();
    for def in FUNCTIONS {
        vm.dict_set(&dict, intern(def.name), Value::Native(def))?;
    }
    let t = types();
    let classes: [(&str, &ObjRef); 19] = [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool),
        ("float", &t.float),
        ("str", &t.str),
        ("bytes", &t.bytes),
        ("tuple", &t.tuple),
        ("list", &t.list),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
        ("memoryview", &t.bytes),
    ];
    for (name, class) in classes {
        if name == "memoryview" {
            continue;
        }
        vm.dict_set(&dict, intern(name), Value::Obj(class.clone()))?;
    }
    for (name, class) in t.exceptions.all() {
        vm.dict_set(&dict, intern(name), Value::Obj(class.clone()))?;
    }
    vm.dict_set(
        &dict,
        intern("EnvironmentError"),
        Value::Obj(t.os_error.clone()),
    )?;
    vm.dict_set(&dict, intern("IOError"), Value::Obj(t.os_error.clone()))?;
    vm.dict_set(&dict, intern("None"), Value::None)?;
    vm.dict_set(&dict, intern("True"), Value::Bool(true))?;
    vm.dict_set(&dict, intern("False"), Value::Bool(false))?;
    vm.dict_set(&dict, intern("Ellipsis"), Value::obj(Object::Ellipsis))?;
    vm.dict_set(
        &dict,
        intern("NotImplemented"),
        crate::objects::object::not_implemented(),
    )?;
    vm.dict_set(&dict, intern("__debug__"), Value::Bool(true))?;
    vm.dict_set(&dict, intern("__name__"), Value::str("builtins"))?;
    let module = Value::obj(Object::Module(crate::objects::ModuleObj {
        name: "builtins".into(),
        dict: dict.clone(),
    }));
    let modules = vm.interp.modules.clone();
    vm.dict_set(&modules, intern("builtins"), module)?;
    Ok(())
}
