//! Python code that may wait, run as frames of the dispatch loop in the
//! one-core build where news from outside reaches no nested wait (a
//! browser worker without a shared mailbox: `Interp::waits_in_frames`).
//!
//! `list(gen)`, `sorted(gen)`, `sum(gen)` and the like pull a generator (or
//! a class's `__next__`) from a loop of the builtin's own: a nested dispatch
//! loop on the host stack. A one-core thread that waits there for something
//! outside (a process, the network) cannot give its slot back, and in the
//! browser the answer never reaches it (see `sched::onecore_wait`). So
//! there such a call, made from bytecode, becomes a call of a helper in
//! the bundled `_consume` module, which pulls the iterator in the dispatch
//! loop and then calls the builtin on a list; `map()`, `filter()`, `zip()`
//! and `enumerate()` given such an iterator, or (`map`, `filter`) a Python
//! function, become generators of that module. The helpers' frames stay out
//! of tracebacks and of the line a thread is shown on. For the same reason
//! a property's getter and setter, and `__getitem__` and `__setitem__`,
//! written in Python run as frames there too (`Value.value` and
//! `Array.__setitem__` of a process's shared memory wait for the broker
//! where no memory is shared).

use super::Vm;
use super::call::Called;
use super::frame::FrameKind;
use crate::objects::names::{intern, names};
use crate::objects::types::{self, flags};
use crate::objects::{Object, PyResult, Value};

/// The module the helpers live in, and the file name its frames carry.
pub const MODULE: &str = "_consume";
pub const FILENAME: &str = "<threadline _consume>";

/// How a consuming builtin is rewritten.
enum Rewrite {
    /// `call_on_list(builtin, at, *args)`: argument `at` becomes a list.
    OnList { at: usize },
    /// A helper of the same signature (`any`, `all` stop early; `map`,
    /// `zip` and the like return a generator).
    Helper(&'static str),
}

/// Which of a call's arguments may run Python code when the builtin pulls
/// or calls them: the call is rewritten only if one does.
#[derive(Clone, Copy)]
enum Runs {
    /// Argument `at`, an iterator written in Python.
    Iterator(usize),
    /// Argument `at` if it is a generator: `dict()` reads an instance with
    /// `keys()` as a mapping, not as an iterable.
    Generator(usize),
    /// Any argument from `from` on, an iterator written in Python, or
    /// argument 0 if `called` and it is a Python function (`map`, `filter`).
    Any { from: usize, called: bool },
}

/// A builtin that consumes one of its arguments.
struct Consumer {
    rewrite: Rewrite,
    /// The positional arguments it takes (counting `self`).
    positional: std::ops::RangeInclusive<usize>,
    /// The keywords it takes.
    keywords: &'static [&'static str],
    runs: Runs,
}

/// Which builtins consume which argument, with the positional arguments and
/// keywords they take: any other call stays a plain one (its error comes
/// from the builtin, before the iterator runs).
fn consumer_of(callable: &Value) -> Option<Consumer> {
    let on_list = |at, positional, keywords| Consumer {
        rewrite: Rewrite::OnList { at },
        positional,
        keywords,
        runs: Runs::Iterator(at),
    };
    let helper = |name, positional, keywords, runs| Consumer {
        rewrite: Rewrite::Helper(name),
        positional,
        keywords,
        runs,
    };
    match callable {
        Value::Native(def) => match (def.owner, def.name) {
            ("builtins", "sorted") => Some(on_list(0, 1..=1, &["key", "reverse"])),
            ("builtins", "sum") => Some(on_list(0, 1..=2, &["start"])),
            ("builtins", "min" | "max") => Some(on_list(0, 1..=1, &["key", "default"])),
            ("builtins", "any") => Some(helper("any_of", 1..=1, &[], Runs::Iterator(0))),
            ("builtins", "all") => Some(helper("all_of", 1..=1, &[], Runs::Iterator(0))),
            ("builtins", "map") => Some(helper(
                "map_of",
                2..=usize::MAX,
                &[],
                Runs::Any {
                    from: 1,
                    called: true,
                },
            )),
            ("builtins", "filter") => Some(helper(
                "filter_of",
                2..=2,
                &[],
                Runs::Any {
                    from: 1,
                    called: true,
                },
            )),
            ("builtins", "zip") => Some(helper(
                "zip_of",
                1..=usize::MAX,
                &["strict"],
                Runs::Any {
                    from: 0,
                    called: false,
                },
            )),
            ("builtins", "enumerate") => {
                Some(helper("enumerate_of", 1..=2, &["start"], Runs::Iterator(0)))
            }
            ("str", "join") | ("list", "extend") => Some(on_list(1, 2..=2, &[])),
            _ => None,
        },
        Value::Obj(obj) => match &**obj {
            Object::Type(t) if t.builtin => match &*t.name {
                "list" | "tuple" | "set" | "frozenset" => Some(on_list(0, 1..=1, &[])),
                "dict" => Some(Consumer {
                    runs: Runs::Generator(0),
                    ..on_list(0, 1..=1, &[])
                }),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

impl Runs {
    /// Whether a builtin given `positional` arguments runs Python code.
    fn python_in(self, positional: &[Value]) -> bool {
        match self {
            Runs::Iterator(at) => positional.get(at).is_some_and(is_python_iterator),
            Runs::Generator(at) => positional.get(at).is_some_and(is_generator),
            Runs::Any { from, called } => {
                (called && positional.first().is_some_and(is_python_function))
                    || positional.iter().skip(from).any(is_python_iterator)
            }
        }
    }
}

/// The Python function behind property `name` of instance `obj`, its getter
/// or setter, if `obj.name` runs nothing else first or after (no
/// `__getattribute__`, `__getattr__` or `__setattr__` of the class's own).
pub(crate) fn property_function(obj: &Value, name: &Value, which: Access) -> Option<Value> {
    let Value::Obj(o) = obj else { return None };
    let Object::Instance(instance) = &**o else {
        return None;
    };
    let class_flags = types::type_obj(&instance.class)
        .map_or(0, |t| t.flags.load(std::sync::atomic::Ordering::Relaxed));
    let hooks = flags::HAS_GETATTRIBUTE | flags::HAS_GETATTR | flags::HAS_SETATTR;
    if class_flags & flags::HAS_DESCRIPTORS == 0 || class_flags & hooks != 0 {
        return None;
    }
    let Value::Obj(attr) = types::lookup(&instance.class, name)? else {
        return None;
    };
    let Object::Property(parts) = &*attr else {
        return None;
    };
    let function = &parts[which as usize];
    matches!(function, Value::Obj(f) if matches!(&**f, Object::Function(_)))
        .then(|| function.clone())
}

/// Reading or writing: a property's getter or setter, `__getitem__` or
/// `__setitem__`.
#[derive(Clone, Copy)]
pub(crate) enum Access {
    /// (A property's parts are getter, setter, deleter, in that order.)
    Get = 0,
    Set = 1,
}

/// The Python function behind `obj[key]` (`Access::Get`) or `obj[key] = value`
/// (`Access::Set`) for an instance of a class that defines it in Python.
pub(crate) fn item_method(obj: &Value, which: Access) -> Option<Value> {
    let Value::Obj(o) = obj else { return None };
    let Object::Instance(instance) = &**o else {
        return None;
    };
    let name = match which {
        Access::Get => &names().__getitem__,
        Access::Set => &names().__setitem__,
    };
    let method = types::lookup(&instance.class, name)?;
    matches!(&method, Value::Obj(f) if matches!(&**f, Object::Function(_))).then_some(method)
}

/// A function written in Python, or one bound to an instance.
fn is_python_function(value: &Value) -> bool {
    let Value::Obj(o) = value else { return false };
    match &**o {
        Object::Function(_) => true,
        Object::Method(method) => is_python_function(&method.func),
        _ => false,
    }
}

fn is_generator(value: &Value) -> bool {
    matches!(value, Value::Obj(o) if matches!(&**o,
        Object::Generator(g) if g.kind == super::generator::GenKind::Generator))
}

/// Whether pulling `value` runs Python code: a generator, or an instance
/// whose class writes `__iter__` or `__next__` in Python.
fn is_python_iterator(value: &Value) -> bool {
    let Value::Obj(o) = value else { return false };
    match &**o {
        Object::Generator(_) => is_generator(value),
        Object::Instance(instance) => [&names().__iter__, &names().__next__]
            .into_iter()
            .filter_map(|name| types::lookup(&instance.class, name))
            .any(|found| matches!(&found, Value::Obj(f) if matches!(&**f, Object::Function(_)))),
        _ => false,
    }
}

/// Whether a call of `callable` with `args` is one [`Vm::consume_in_loop`]
/// may rewrite: a quick look for the dispatch loop's fast path.
pub(crate) fn may_consume_python(callable: &Value, args: &[Value]) -> bool {
    consumer_of(callable).is_some_and(|consumer| consumer.runs.python_in(args))
}

impl Vm {
    /// For the call about to be made from bytecode of `callable` (taken off
    /// the stack at `base`, its arguments from `args_start`): if it is a
    /// consuming builtin given an iterator written in Python (the caller
    /// checks `Interp::waits_in_frames`), rewrites the stack into a call of its
    /// helper, puts the helper in `callable`, and says so.
    pub(crate) fn consume_in_loop(
        &mut self,
        callable: &mut Value,
        base: usize,
        args_start: usize,
        kwnames: &Value,
    ) -> PyResult<bool> {
        let Some(consumer) = consumer_of(callable) else {
            return Ok(false);
        };
        if args_start != base + 1 {
            return Ok(false);
        }
        let keywords = super::call::kwnames_slice(kwnames);
        let named_as_allowed = keywords.iter().all(|name| {
            name.as_str()
                .is_some_and(|name| consumer.keywords.contains(&name.as_str()))
        });
        let frame = self.top_frame()?;
        let Some(given) = (frame.slots.len() - args_start).checked_sub(keywords.len()) else {
            return Ok(false);
        };
        let positional = &frame.slots[args_start..args_start + given];
        if !consumer.positional.contains(&given)
            || !named_as_allowed
            || !consumer.runs.python_in(positional)
        {
            return Ok(false);
        }
        let module = self.import_module(MODULE)?;
        let helper = match consumer.rewrite {
            Rewrite::OnList { at: 0 } if given == 1 && keywords.is_empty() => {
                let frame = self.top_frame()?;
                frame.slots[base] = std::mem::take(callable);
                frame.slots.insert(base, Value::Null);
                "on_items"
            }
            Rewrite::OnList { at } => {
                let frame = self.top_frame()?;
                frame.slots[base] = std::mem::take(callable);
                frame.slots.insert(base + 1, Value::Int(at as i64));
                frame.slots.insert(base, Value::Null);
                "call_on_list"
            }
            Rewrite::Helper(name) => name,
        };
        *callable = self.getattr(&module, &intern(helper))?;
        Ok(true)
    }
}

impl Vm {
    /// Where waits run in frames, the Python getter or setter of property `name`
    /// of `obj`, to run as a frame of this loop.
    pub(crate) fn property_in_loop(
        &self,
        obj: &Value,
        name: &Value,
        which: Access,
    ) -> Option<Value> {
        if !self.interp.waits_in_frames {
            return None;
        }
        property_function(obj, name, which)
    }

    /// Where waits run in frames, `obj`'s `__getitem__` or `__setitem__` written
    /// in Python, to run as a frame of this loop.
    pub(crate) fn item_method_in_loop(&self, obj: &Value, which: Access) -> Option<Value> {
        if !self.interp.waits_in_frames {
            return None;
        }
        item_method(obj, which)
    }

    /// Calls Python function `function` with `args` from the dispatch loop:
    /// its frame goes on the stack, of `kind`.
    pub(crate) fn call_in_loop(
        &mut self,
        function: Value,
        args: Vec<Value>,
        kind: FrameKind,
    ) -> PyResult<Called> {
        let Value::Obj(function) = function else {
            return Err(crate::objects::PyErr::system_error("not a function"));
        };
        let frame = self.top_frame()?;
        let base = frame.slots.len();
        frame.slots.push(Value::Null);
        frame.slots.extend(args);
        self.push_function_frame(function, base, base + 1, Value::Null, kind)
    }
}
