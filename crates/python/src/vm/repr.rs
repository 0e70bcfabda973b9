//! `repr()` and `str()` of every value, exactly as CPython writes them
//! (containers guard against recursion with `[...]`).

use super::Vm;
use crate::objects::exception::exc_data;
use crate::objects::function::native_repr;
use crate::objects::int::as_int;
use crate::objects::names::names;
use crate::objects::types::{self, lookup, type_obj};
use crate::objects::{NativeBase, ObjRef, Object, PyErr, PyResult, Value, float, str as pystr};

/// CPython's limit on int-to-text conversion (`sys.get_int_max_str_digits`).
pub const MAX_STR_DIGITS: u64 = 4300;

impl Vm {
    /// `repr(value)` as text.
    pub fn repr(&mut self, value: &Value) -> PyResult<String> {
        match value {
            Value::Null => Ok("<NULL>".into()),
            Value::None => Ok("None".into()),
            Value::Bool(b) => Ok(if *b { "True" } else { "False" }.into()),
            Value::Int(n) => Ok(n.to_string()),
            Value::Float(f) => Ok(float::repr(*f)),
            Value::Native(def) => Ok(native_repr(def, None)),
            Value::Obj(obj) => self.object_repr(value, obj),
        }
    }

    /// `repr(value)` as a `str` value.
    pub fn repr_value(&mut self, value: &Value) -> PyResult {
        Ok(Value::string(self.repr(value)?))
    }

    /// `str(value)` as text.
    pub fn str(&mut self, value: &Value) -> PyResult<String> {
        match value {
            Value::Obj(obj) => match &**obj {
                Object::Str(s) => Ok(s.as_str().to_string()),
                Object::Instance(instance) => {
                    let class = instance.class.clone();
                    if let Some(method) = lookup(&class, &names().__str__)
                        && !matches!(method, Value::Native(_))
                    {
                        let result = self.call(&method, std::slice::from_ref(value))?;
                        return result
                            .as_str()
                            .map(|s| s.as_str().to_string())
                            .ok_or_else(|| {
                                PyErr::type_error(format!(
                                    "__str__ returned non-string (type {})",
                                    result.type_name()
                                ))
                            });
                    }
                    if exc_data(obj).is_some() && !overrides_repr(&class) {
                        return self.exception_str(obj, &class);
                    }
                    self.repr(value)
                }
                _ => self.repr(value),
            },
            _ => self.repr(value),
        }
    }

    /// `str(value)` as a `str` value (no copy when it already is one).
    pub fn str_value(&mut self, value: &Value) -> PyResult {
        if value.as_str().is_some() {
            return Ok(value.clone());
        }
        Ok(Value::string(self.str(value)?))
    }

    fn exception_str(&mut self, obj: &ObjRef, class: &ObjRef) -> PyResult<String> {
        let args = exc_data(obj)
            .map(|d| d.lock().args.clone())
            .unwrap_or(Value::None);
        let items = args.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
        match items.as_slice() {
            [] => Ok(String::new()),
            [one] if types::is_subclass(class, &types::types().key_error) => self.repr(one),
            [one] => self.str(one),
            _ => self.repr(&args),
        }
    }

    fn object_repr(&mut self, value: &Value, obj: &ObjRef) -> PyResult<String> {
        let address = value.id();
        Ok(match &**obj {
            Object::Str(s) => pystr::repr(s.as_str()),
            Object::Int(_) => int_text(value)?,
            Object::Bytes(b) => pystr::bytes_repr(b),
            Object::Tuple(items) => {
                let items = items.to_vec();
                if items.len() == 1 {
                    format!("({},)", self.guarded_repr(&items[0])?)
                } else {
                    format!("({})", self.join_reprs(&items)?)
                }
            }
            Object::List(items) => {
                return self.with_guard(address, "[...]", |vm| {
                    let items = items.lock().clone();
                    Ok(format!("[{}]", vm.join_reprs(&items)?))
                });
            }
            Object::Dict(dict) => {
                return self.with_guard(address, "{...}", |vm| {
                    let items = dict.lock().items();
                    vm.dict_items_repr(&items)
                });
            }
            Object::Set(set) => {
                let keys = set.lock().keys();
                return self.with_guard(address, "set(...)", |vm| {
                    if keys.is_empty() {
                        Ok("set()".into())
                    } else {
                        Ok(format!("{{{}}}", vm.join_reprs(&keys)?))
                    }
                });
            }
            Object::FrozenSet(set) => {
                let keys = set.keys();
                if keys.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", self.join_reprs(&keys)?)
                }
            }
            Object::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Object::Slice(parts) => {
                let parts = parts.to_vec();
                format!("slice({})", self.join_reprs(&parts)?)
            }
            Object::Instance(_) => return self.instance_repr(value, obj),
            _ => self.other_repr(value, obj, address)?,
        })
    }

    fn other_repr(&mut self, value: &Value, obj: &ObjRef, address: i64) -> PyResult<String> {
        Ok(match &**obj {
            Object::Function(f) => format!("<function {} at {address:#x}>", f.qualname()),
            Object::Method(m) => {
                let func_name = match &m.func {
                    Value::Obj(f) => match &**f {
                        Object::Function(f) => f.qualname(),
                        _ => "?".into(),
                    },
                    _ => "?".into(),
                };
                format!("<bound method {func_name} of {}>", self.repr(&m.self_)?)
            }
            Object::BoundNative(def, bound) => native_repr(def, Some(bound)),
            Object::Code(code) => format!(
                "<code object {} at {address:#x}, file \"{}\", line {}>",
                code.name, code.filename, code.first_line
            ),
            Object::Type(t) => {
                if t.module.as_ref() == "builtins" {
                    format!("<class '{}'>", t.qualname)
                } else {
                    format!("<class '{}.{}'>", t.module, t.qualname)
                }
            }
            Object::Module(m) => format!("<module '{}'>", m.name),
            Object::Cell(_) => format!("<cell at {address:#x}>"),
            Object::Generator(g) => super::generator::repr(g, address),
            Object::Property(_) => format!("<property object at {address:#x}>"),
            Object::StaticMethod(f) => format!("<staticmethod({})>", self.repr(&f.clone())?),
            Object::ClassMethod(f) => format!("<classmethod({})>", self.repr(&f.clone())?),
            Object::Super(class, _) => format!(
                "<super: <class '{}'>, <{} object>>",
                types::name_of(class.as_obj().unwrap_or(&types::types().object)),
                value.type_name()
            ),
            Object::NotImplemented => "NotImplemented".into(),
            Object::Ellipsis => "Ellipsis".into(),
            Object::Deque(deque) => {
                let (items, maxlen) = {
                    let d = deque.lock();
                    (d.items.iter().cloned().collect::<Vec<_>>(), d.maxlen)
                };
                return self.with_guard(address, "[...]", |vm| {
                    let inner = vm.join_reprs(&items)?;
                    Ok(match maxlen {
                        Some(m) => format!("deque([{inner}], maxlen={m})"),
                        None => format!("deque([{inner}])"),
                    })
                });
            }
            Object::Partial(parts) => {
                let parts = parts.to_vec();
                let mut pieces = vec![self.repr(&parts[0])?];
                for arg in parts[1].as_tuple().unwrap_or(&[]).to_vec() {
                    pieces.push(self.repr(&arg)?);
                }
                if let Value::Obj(kw) = &parts[2]
                    && let Object::Dict(kw) = &**kw
                {
                    for (k, v) in kw.lock().items() {
                        pieces.push(format!(
                            "{}={}",
                            k.as_str().map_or("", |s| s.as_str()),
                            self.repr(&v)?
                        ));
                    }
                }
                format!("functools.partial({})", pieces.join(", "))
            }
            Object::DictView(dict, kind) => {
                let dict_value = Value::Obj(dict.clone());
                let name = types::name_of(kind.class()).to_string();
                let items = self.view_items(&dict_value, *kind)?;
                format!("{name}([{}])", self.join_reprs(&items)?)
            }
            _ => format!("<{} object at {address:#x}>", value.type_name()),
        })
    }

    fn instance_repr(&mut self, value: &Value, obj: &ObjRef) -> PyResult<String> {
        let Object::Instance(instance) = &**obj else {
            return Ok(String::new());
        };
        let class = instance.class.clone();
        if let Some(method) = lookup(&class, &names().__repr__)
            && !matches!(method, Value::Native(_))
        {
            let result = self.call(&method, std::slice::from_ref(value))?;
            return result
                .as_str()
                .map(|s| s.as_str().to_string())
                .ok_or_else(|| {
                    PyErr::type_error(format!(
                        "__repr__ returned non-string (type {})",
                        result.type_name()
                    ))
                });
        }
        if let Some(data) = exc_data(obj) {
            let args = data.lock().args.clone();
            let items = args.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
            let name = types::name_of(&class).to_string();
            return Ok(if items.len() == 1 {
                format!("{name}({})", self.repr(&items[0])?)
            } else {
                format!("{name}({})", self.join_reprs(&items)?)
            });
        }
        let address = value.id();
        match &instance.native {
            NativeBase::Tuple(items) => {
                let tuple = Value::tuple(items.to_vec());
                self.repr(&tuple)
            }
            NativeBase::List(items) => {
                let items = items.lock().clone();
                self.with_guard(address, "[...]", |vm| {
                    Ok(format!("[{}]", vm.join_reprs(&items)?))
                })
            }
            NativeBase::Dict(dict) => {
                let items = dict.lock().items();
                self.with_guard(address, "{...}", |vm| vm.dict_items_repr(&items))
            }
            _ => {
                let t = type_obj(&class);
                let module = t.map_or("__main__", |t| &t.module);
                let qualname = t.map_or("?", |t| &t.qualname);
                Ok(format!("<{module}.{qualname} object at {address:#x}>"))
            }
        }
    }

    fn dict_items_repr(&mut self, items: &[(Value, Value)]) -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for (key, value) in items {
            parts.push(format!("{}: {}", self.repr(key)?, self.repr(value)?));
        }
        Ok(format!("{{{}}}", parts.join(", ")))
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.guarded_repr(item)?);
            if i % 4096 == 4095 {
                self.check_cancel()?;
            }
        }
        Ok(out)
    }

    fn guarded_repr(&mut self, item: &Value) -> PyResult<String> {
        self.repr(item)
    }

    fn with_guard(
        &mut self,
        address: i64,
        placeholder: &str,
        body: impl FnOnce(&mut Vm) -> PyResult<String>,
    ) -> PyResult<String> {
        let key = address as usize;
        if self.repr_active.contains(&key) {
            return Ok(placeholder.to_string());
        }
        self.repr_active.push(key);
        let result = body(self);
        self.repr_active.retain(|&k| k != key);
        result
    }
}

fn overrides_repr(class: &ObjRef) -> bool {
    matches!(lookup(class, &names().__repr__), Some(v) if !matches!(v, Value::Native(_)))
}

/// The decimal text of an int, refusing (as CPython 3.11 does) more than
/// 4300 digits.
pub fn int_text(value: &Value) -> PyResult<String> {
    let Some(n) = as_int(value) else {
        return Ok(String::new());
    };
    if let crate::objects::int::IntRef::Big(b) = n
        && (b.bits() as f64 * std::f64::consts::LOG10_2) as u64 > MAX_STR_DIGITS
    {
        return Err(PyErr::value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(crate::objects::int::to_string(n))
}
