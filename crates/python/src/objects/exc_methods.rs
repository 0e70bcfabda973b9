//! Methods of `BaseException`.

use super::exception::exc_data;
use super::names::intern;
use super::types;
use super::{Args, NativeDef, PyErr, PyResult, Value};
use crate::vm::Vm;

fn exc_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = args.positional();
    let Some(Value::Obj(this)) = pos.first() else {
        return Err(PyErr::type_error(
            "BaseException.__init__ needs an exception",
        ));
    };
    if let Some(data) = exc_data(this) {
        data.lock().args = Value::tuple(pos[1..].to_vec());
    }
    Ok(Value::None)
}

fn args_of(value: &Value) -> Vec<Value> {
    match value {
        Value::Obj(o) => exc_data(o)
            .and_then(|d| d.lock().args.as_tuple().map(<[Value]>::to_vec))
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn exc_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__str__", 1, 1)?;
    let items = args_of(&a[0]);
    let text = match items.as_slice() {
        [] => String::new(),
        [one] if types::is_instance(&a[0], &types::types().key_error) => vm.repr(one)?,
        // `OSError(errno, strerror)` reads as CPython prints it.
        [Value::Int(errno), strerror] if types::is_instance(&a[0], &types::types().os_error) => {
            format!("[Errno {errno}] {}", vm.str(strerror)?)
        }
        [one] => vm.str(one)?,
        _ => vm.repr(&Value::tuple(items.clone()))?,
    };
    Ok(Value::string(text))
}

fn exc_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__repr__", 1, 1)?;
    let items = args_of(&a[0]);
    let name = types::name_of(a[0].class()).to_string();
    let inner = match items.as_slice() {
        [one] => vm.repr(one)?,
        _ => {
            let mut parts = Vec::new();
            for item in &items {
                parts.push(vm.repr(item)?);
            }
            parts.join(", ")
        }
    };
    Ok(Value::string(format!("{name}({inner})")))
}

fn with_traceback(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("with_traceback", 2, 2)?;
    Ok(a[0].clone())
}

fn add_note(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("add_note", 2, 2)?;
    if a[1].as_str().is_none() {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            a[1].type_name()
        )));
    }
    let key = intern("__notes__");
    let notes = match vm.getattr_opt(&a[0], &key)? {
        Some(list) => list,
        None => {
            let list = Value::list(Vec::new())?;
            vm.setattr(&a[0], &key, list.clone())?;
            list
        }
    };
    vm.list_append(&notes, a[1].clone())?;
    Ok(Value::None)
}

/// Methods of `BaseException`.
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("BaseException", "__init__", exc_init),
    NativeDef::method("BaseException", "__str__", exc_str),
    NativeDef::method("BaseException", "__repr__", exc_repr),
    NativeDef::method("BaseException", "with_traceback", with_traceback),
    NativeDef::method("BaseException", "add_note", add_note),
];
