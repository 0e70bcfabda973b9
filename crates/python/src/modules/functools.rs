//! `functools`: `partial` in Rust; `reduce`, `wraps`, `lru_cache`,
//! `total_ordering`, `cmp_to_key` in Python (`py/functools.py`).

use crate::objects::names::intern;
use crate::objects::{Args, ObjRef, Object, PyErr, PyResult, Value};
use crate::vm::Vm;

/// `partial(func, *args, **keywords)`.
pub fn partial_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = args.positional();
    let Some(func) = pos.first() else {
        return Err(PyErr::type_error(
            "partial() missing required argument 'func'",
        ));
    };
    if !crate::vm::call::is_callable(func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let keywords = Value::new_dict_obj();
    for (name, value) in args.keywords() {
        vm.dict_set(&keywords, Value::str(name), value.clone())?;
    }
    Ok(Value::obj(Object::Partial(Box::new([
        func.clone(),
        Value::tuple(pos[1..].to_vec()),
        Value::Obj(keywords),
    ]))))
}

/// Fills the `functools` module.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    let partial = crate::objects::types().partial.clone();
    vm.dict_set(dict, intern("partial"), Value::Obj(partial))?;
    super::run_source(vm, "functools", include_str!("py/functools.py"), dict)
}
