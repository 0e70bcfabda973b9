//! Naming what threads wait for with the names the program uses: a lock
//! bound to a global (`lock_a`) or to an attribute of one (`account.lock`),
//! a queue bound to `tasks`. Looked up in the main module's globals when a
//! name is first needed (a blocked note, a deadlock), never on a hot path.

use super::lock::{LockCore, LockKind};
use crate::objects::names::intern;
use crate::objects::types::dict_get_str;
use crate::objects::{ObjRef, Object, Value};
use std::sync::Arc;

/// The `(name, value)` pairs of a dict object.
fn items(dict: &ObjRef) -> Vec<(String, Value)> {
    let Object::Dict(dict) = &**dict else {
        return Vec::new();
    };
    dict.lock()
        .iter()
        .filter_map(|entry| {
            let name = entry.key.as_str()?.as_str().to_string();
            Some((name, entry.value.clone()))
        })
        .collect()
}

/// The main module's globals.
fn main_globals(modules: &ObjRef) -> Option<ObjRef> {
    let module = dict_get_str(modules, &intern("__main__"))?;
    match module.as_obj().map(|obj| &**obj) {
        Some(Object::Module(module)) => Some(module.dict.clone()),
        _ => None,
    }
}

/// The first name the program binds a value `is_target` accepts to: a
/// global, or an attribute of an object a global holds.
pub(crate) fn binding_of(modules: &ObjRef, is_target: impl Fn(&Value) -> bool) -> Option<String> {
    let globals = items(&main_globals(modules)?);
    if let Some((name, _)) = globals
        .iter()
        .find(|(name, value)| !name.starts_with("__") && is_target(value))
    {
        return Some(name.clone());
    }
    for (name, value) in &globals {
        let Some(Object::Instance(instance)) = value.as_obj().map(|obj| &**obj) else {
            continue;
        };
        if let Some((attr, _)) = items(&instance.dict)
            .iter()
            .find(|(attr, value)| !attr.starts_with('_') && is_target(value))
        {
            return Some(format!("{name}.{attr}"));
        }
    }
    None
}

/// Whether `value` is the Python object of the lock `core`.
pub(crate) fn is_lock_object(value: &Value, core: &Arc<LockCore>) -> bool {
    match value.as_obj().map(|obj| &**obj) {
        Some(Object::Opaque(opaque)) => opaque
            .data
            .downcast_ref::<Arc<LockCore>>()
            .is_some_and(|found| Arc::ptr_eq(found, core)),
        _ => false,
    }
}

/// What to call a lock: its binding, or where it was made.
pub(crate) fn lock_name(modules: &ObjRef, core: &Arc<LockCore>) -> String {
    if let Some(name) = binding_of(modules, |value| is_lock_object(value, core)) {
        return name;
    }
    let kind = match core.kind {
        LockKind::Reentrant => "RLock",
        _ => "Lock",
    };
    match core.created_line {
        0 => format!("a {kind}"),
        line => format!("the {kind} made on line {line}"),
    }
}

/// What to call the object a waiter waits on behalf of, if it has a name.
pub(crate) fn owner_name(modules: &ObjRef, core: &LockCore) -> Option<String> {
    let owner = core.owner.as_ref()?.upgrade()?;
    binding_of(modules, |value| {
        value.as_obj().is_some_and(|obj| Arc::ptr_eq(obj, &owner))
    })
}
