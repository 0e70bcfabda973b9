//! Functions: those written in Python ([`Function`], bound as [`Method`]) and
//! those written in Rust ([`NativeDef`], static so that calling `len` or
//! `list.append` touches no reference count).

use super::{ObjRef, PyErr, PyResult, Value, types};
use crate::compile::Code;
use crate::objects::lock::Lock as Mutex;
use crate::vm::Vm;
use std::sync::Arc;

/// The signature of every function written in Rust.
pub type NativeFn = fn(&mut Vm, Args<'_>) -> PyResult;

/// How a native function binds when found on a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NativeKind {
    /// A module-level function: never binds.
    Function,
    /// A method: binds to the instance (`self` is the first argument).
    Method,
    /// A class method: binds to the class.
    ClassMethod,
    /// A static method: never binds.
    StaticMethod,
}

/// A function written in Rust.
#[derive(Debug)]
pub struct NativeDef {
    /// Its `__name__`.
    pub name: &'static str,
    /// The code.
    pub func: NativeFn,
    /// How it binds.
    pub kind: NativeKind,
    /// The class (for methods) or module it belongs to, for `repr`.
    pub owner: &'static str,
    /// It reads the calling frame's locals (`locals()`, `dir()`): the
    /// dispatch loop calls it with that frame's value stack in place.
    pub reads_frame: bool,
}

impl NativeDef {
    /// A module-level function.
    pub const fn function(owner: &'static str, name: &'static str, func: NativeFn) -> NativeDef {
        NativeDef {
            name,
            func,
            kind: NativeKind::Function,
            owner,
            reads_frame: false,
        }
    }

    /// A module-level function that reads its caller's locals.
    pub const fn frame_function(
        owner: &'static str,
        name: &'static str,
        func: NativeFn,
    ) -> NativeDef {
        NativeDef {
            name,
            func,
            kind: NativeKind::Function,
            owner,
            reads_frame: true,
        }
    }

    /// A method of a builtin class.
    pub const fn method(owner: &'static str, name: &'static str, func: NativeFn) -> NativeDef {
        NativeDef {
            name,
            func,
            kind: NativeKind::Method,
            owner,
            reads_frame: false,
        }
    }

    /// A class method of a builtin class.
    pub const fn class_method(
        owner: &'static str,
        name: &'static str,
        func: NativeFn,
    ) -> NativeDef {
        NativeDef {
            name,
            func,
            kind: NativeKind::ClassMethod,
            owner,
            reads_frame: false,
        }
    }

    /// A static method of a builtin class.
    pub const fn static_method(
        owner: &'static str,
        name: &'static str,
        func: NativeFn,
    ) -> NativeDef {
        NativeDef {
            name,
            func,
            kind: NativeKind::StaticMethod,
            owner,
            reads_frame: false,
        }
    }
}

/// The arguments of a call: positional values, then keyword values whose
/// names are in `kwnames` (in the same order).
#[derive(Clone, Copy, Debug)]
pub struct Args<'a> {
    /// Positional values followed by keyword values.
    pub values: &'a [Value],
    /// The keyword names (`str` values).
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    /// Positional arguments only.
    pub fn new(values: &'a [Value]) -> Args<'a> {
        Args {
            values,
            kwnames: &[],
        }
    }

    /// The positional arguments.
    #[inline]
    pub fn positional(&self) -> &'a [Value] {
        &self.values[..self.values.len() - self.kwnames.len()]
    }

    /// The keyword arguments as `(name, value)`.
    pub fn keywords(&self) -> impl Iterator<Item = (&'a str, &'a Value)> {
        let values = &self.values[self.values.len() - self.kwnames.len()..];
        self.kwnames
            .iter()
            .map(|name| name.as_str().map_or("", |s| s.as_str()))
            .zip(values.iter())
    }

    /// Whether there is a keyword argument.
    #[inline]
    pub fn has_keywords(&self) -> bool {
        !self.kwnames.is_empty()
    }

    /// The keyword argument `name`.
    pub fn keyword(&self, name: &str) -> Option<&'a Value> {
        self.keywords().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Refuses keyword arguments other than `allowed`.
    pub fn allow_keywords(&self, function: &str, allowed: &[&str]) -> PyResult<()> {
        for (name, _) in self.keywords() {
            if !allowed.contains(&name) {
                return Err(if allowed.is_empty() {
                    PyErr::type_error(format!("{function}() takes no keyword arguments"))
                } else {
                    PyErr::type_error(format!(
                        "{function}() got an unexpected keyword argument '{name}'"
                    ))
                });
            }
        }
        Ok(())
    }

    /// The positional arguments, checking there are `min..=max` of them and
    /// no keyword.
    pub fn exact(&self, function: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.allow_keywords(function, &[])?;
        self.count(function, min, max)
    }

    /// The positional arguments, checking there are `min..=max` of them.
    pub fn count(&self, function: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        let pos = self.positional();
        let n = pos.len();
        if n >= min && n <= max {
            return Ok(pos);
        }
        let message = if min == max && min == 1 {
            format!("{function}() takes exactly one argument ({n} given)")
        } else if min == max && min == 0 {
            format!("{function}() takes no arguments ({n} given)")
        } else if n < min {
            format!(
                "{function} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        } else {
            format!(
                "{function} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        };
        Err(PyErr::type_error(message))
    }

    /// Positional argument `i`, or keyword `name`, or `None` if neither.
    pub fn get(&self, i: usize, name: &str) -> Option<&'a Value> {
        self.positional().get(i).or_else(|| self.keyword(name))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A function written in Python.
#[derive(Debug)]
pub struct Function {
    /// Its code.
    pub code: Arc<Code>,
    /// The module namespace it reads globals from.
    pub globals: ObjRef,
    /// Defaults of the last positional parameters.
    pub defaults: Box<[Value]>,
    /// Defaults of keyword-only parameters (a dict, or `Null`).
    pub kwdefaults: Value,
    /// The cells of its free variables.
    pub closure: Box<[ObjRef]>,
    /// Attributes Python code may change.
    pub attrs: Mutex<FunctionAttrs>,
}

/// The writable attributes of a function.
#[derive(Debug, Default)]
pub struct FunctionAttrs {
    /// `__name__`.
    pub name: Value,
    /// `__qualname__`.
    pub qualname: Value,
    /// `__doc__`.
    pub doc: Value,
    /// `__module__`.
    pub module: Value,
    /// `__dict__`, created on first use.
    pub dict: Option<ObjRef>,
}

impl Function {
    /// The function's current `__name__` as text.
    pub fn name(&self) -> String {
        let attrs = self.attrs.lock();
        attrs
            .name
            .as_str()
            .map_or_else(|| self.code.name.to_string(), |s| s.as_str().to_string())
    }

    /// The function's current `__qualname__` as text.
    pub fn qualname(&self) -> String {
        let attrs = self.attrs.lock();
        attrs.qualname.as_str().map_or_else(
            || self.code.qualname.to_string(),
            |s| s.as_str().to_string(),
        )
    }
}

/// A Python function bound to an object.
#[derive(Debug)]
pub struct Method {
    /// The function.
    pub func: Value,
    /// What it is bound to.
    pub self_: Value,
}

/// The `repr` of a native function or method.
pub fn native_repr(def: &NativeDef, bound: Option<&Value>) -> String {
    match (def.kind, bound) {
        (NativeKind::Function, _) => format!("<built-in function {}>", def.name),
        (_, Some(obj)) => {
            let class = match obj {
                Value::Obj(o) if matches!(&**o, super::Object::Type(_)) => obj
                    .as_type()
                    .map_or_else(String::new, |t| t.name.to_string()),
                _ => obj.type_name(),
            };
            if matches!(obj, Value::Obj(o) if matches!(&**o, super::Object::Module(_))) {
                return format!("<built-in function {}>", def.name);
            }
            format!(
                "<built-in method {} of {} object at {:#x}>",
                def.name,
                class,
                obj.id()
            )
        }
        (_, None) => format!("<method '{}' of '{}' objects>", def.name, def.owner),
    }
}

/// The class objects of functions and methods, for `type()`.
pub fn function_class() -> &'static ObjRef {
    &types().function
}
