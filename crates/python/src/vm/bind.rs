//! Binding call arguments to a Python function's parameters, with CPython's
//! error messages (in CPython's order: keyword errors, too many positional
//! arguments, missing positional, missing keyword-only).

use crate::objects::{Function, ObjRef, Object, PyErr, PyResult, Value};
use crate::vm::Vm;

/// The positional and keyword arguments of one call, owned.
pub struct CallArgs<'a> {
    /// Positional values.
    pub positional: &'a mut dyn Iterator<Item = Value>,
    /// How many positional values.
    pub count: usize,
    /// Keyword names (`str` values) and values.
    pub keywords: Vec<(Value, Value)>,
}

impl Vm {
    /// Fills `slots` (empty on entry) with a function's parameters, then
    /// `Null` up to its locals' count.
    pub(crate) fn bind_arguments(
        &mut self,
        func: &Function,
        args: CallArgs<'_>,
        slots: &mut Vec<Value>,
    ) -> PyResult<()> {
        let code = &func.code;
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let named = argcount + kwonly;
        let total_locals = code.varnames.len();
        let first = slots.len();
        slots.resize(first + total_locals, Value::Null);
        let locals = &mut slots[first..];
        let mut extra = Vec::new();
        for (i, value) in args.positional.enumerate() {
            if i < argcount {
                locals[i] = value;
            } else {
                extra.push(value);
            }
        }
        let extra_count = extra.len();
        if code.flags.varargs {
            locals[named] = Value::tuple(extra);
        }
        let kwargs_slot = named + code.flags.varargs as usize;
        let kwargs = if code.flags.varkeywords {
            let dict = Value::new_dict_obj();
            locals[kwargs_slot] = Value::Obj(dict.clone());
            Some(dict)
        } else {
            None
        };
        self.bind_keywords(func, args.keywords, locals, kwargs.as_ref())?;
        if extra_count > 0 && !code.flags.varargs {
            return Err(too_many_positional(func, args.count, locals));
        }
        fill_defaults(func, locals)
    }

    fn bind_keywords(
        &mut self,
        func: &Function,
        keywords: Vec<(Value, Value)>,
        locals: &mut [Value],
        kwargs: Option<&ObjRef>,
    ) -> PyResult<()> {
        let code = &func.code;
        let posonly = code.posonlyargcount as usize;
        let named = (code.argcount + code.kwonlyargcount) as usize;
        let mut posonly_passed = Vec::new();
        for (name, value) in keywords {
            let text = name.as_str().map_or("", |s| s.as_str());
            let found = code.varnames[posonly..named]
                .iter()
                .position(|param| &**param == text)
                .map(|p| p + posonly);
            match (found, kwargs) {
                (Some(index), _) => {
                    if !locals[index].is_null() {
                        return Err(PyErr::type_error(format!(
                            "{}() got multiple values for argument '{text}'",
                            func.qualname()
                        )));
                    }
                    locals[index] = value;
                }
                (None, Some(dict)) => self.dict_set(dict, name, value)?,
                (None, None) => {
                    if code.varnames[..posonly].iter().any(|p| &**p == text) {
                        posonly_passed.push(text.to_string());
                        continue;
                    }
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{text}'",
                        func.qualname()
                    )));
                }
            }
        }
        if !posonly_passed.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                func.qualname(),
                posonly_passed.join(", ")
            )));
        }
        Ok(())
    }
}

fn too_many_positional(func: &Function, given: usize, locals: &[Value]) -> PyErr {
    let code = &func.code;
    let argcount = code.argcount as usize;
    let defaults = func.defaults.len();
    let takes = if defaults > 0 {
        format!("from {} to {argcount}", argcount - defaults)
    } else {
        argcount.to_string()
    };
    let plural = if argcount == 1 && defaults == 0 {
        ""
    } else {
        "s"
    };
    let kwonly_given = locals[argcount..argcount + code.kwonlyargcount as usize]
        .iter()
        .filter(|v| !v.is_null())
        .count();
    let was = if given == 1 { "was" } else { "were" };
    let given_text = if kwonly_given > 0 {
        let kw_plural = if kwonly_given == 1 { "" } else { "s" };
        format!(
            "{given} positional argument{} (and {kwonly_given} keyword-only argument{kw_plural}) were",
            if given == 1 { "" } else { "s" }
        )
    } else {
        format!("{given} {was}")
    };
    PyErr::type_error(format!(
        "{}() takes {takes} positional argument{plural} but {given_text} given",
        func.qualname()
    ))
}

fn fill_defaults(func: &Function, locals: &mut [Value]) -> PyResult<()> {
    let code = &func.code;
    let argcount = code.argcount as usize;
    let first_default = argcount.saturating_sub(func.defaults.len());
    let mut missing = Vec::new();
    for (i, local) in locals.iter_mut().enumerate().take(argcount) {
        if local.is_null() {
            if i >= first_default {
                *local = func.defaults[i - first_default].clone();
            } else {
                missing.push(code.varnames[i].to_string());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_error(func, "positional", &missing));
    }
    let kwonly = argcount..argcount + code.kwonlyargcount as usize;
    for (i, local) in locals
        .iter_mut()
        .enumerate()
        .take(kwonly.end)
        .skip(kwonly.start)
    {
        if local.is_null() {
            let name = &code.varnames[i];
            match kwdefault(func, name) {
                Some(value) => *local = value,
                None => missing.push(name.to_string()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_error(func, "keyword-only", &missing));
    }
    Ok(())
}

fn kwdefault(func: &Function, name: &str) -> Option<Value> {
    let Value::Obj(dict) = &func.kwdefaults else {
        return None;
    };
    let Object::Dict(dict) = &**dict else {
        return None;
    };
    let map = dict.lock();
    map.iter()
        .find(|e| e.key.as_str().is_some_and(|s| s.as_str() == name))
        .map(|e| e.value.clone())
}

fn missing_error(func: &Function, kind: &str, missing: &[String]) -> PyErr {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    let plural = if missing.len() == 1 { "" } else { "s" };
    PyErr::type_error(format!(
        "{}() missing {} required {kind} argument{plural}: {list}",
        func.qualname(),
        missing.len()
    ))
}
