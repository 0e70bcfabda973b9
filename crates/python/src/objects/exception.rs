//! Exceptions: the error type every fallible operation returns ([`PyErr`])
//! and the state an exception instance carries ([`ExcData`]).
//!
//! An exception is an ordinary instance of a subclass of `BaseException`
//! whose native part holds its `args`, its traceback (the frames it passed
//! through, innermost first), `__cause__` and `__context__`.

use super::{Instance, NativeBase, ObjRef, Object, Value, types};
use crate::compile::Code;
use crate::heap;
use crate::objects::lock::Lock as Mutex;
use crate::sched::WaitSpec;
use std::sync::Arc;

/// Why a run stops for good, past every `except` and `finally`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Halt {
    /// The host asked to cancel the run.
    Cancelled,
    /// The program wrote more than the output limit.
    OutputLimit,
    /// The run took longer than its time limit.
    TimeLimit,
    /// No thread could go on (the paragraph naming the cycle was printed).
    Deadlock,
}

/// What interrupts the normal flow of a Python thread.
#[derive(Debug, Clone)]
pub enum PyErr {
    /// A raised exception (an instance of a `BaseException` subclass).
    Exception(ObjRef),
    /// A builtin asks the thread to wait (`one-core`, see
    /// [`crate::sched::WaitSpec`]); the VM leaves `run()` and the scheduler
    /// resumes it with the wait's result.
    Block(Box<WaitSpec>),
    /// The run must stop now.
    Halt(Halt),
}

/// The result of anything that may raise.
pub type PyResult<T = Value> = Result<T, PyErr>;

/// One frame an exception went through: the code and the instruction.
#[derive(Debug, Clone)]
pub struct TbEntry {
    /// The code of the frame.
    pub code: Arc<Code>,
    /// The instruction that raised or called.
    pub ip: u32,
}

/// The native state of an exception instance.
#[derive(Debug, Default)]
pub struct ExcData {
    /// `args` (a tuple).
    pub args: Value,
    /// Frames passed through, innermost first.
    pub traceback: Vec<TbEntry>,
    /// `__cause__` (`raise ... from`), or `None`.
    pub cause: Value,
    /// `__context__`: the exception being handled when this one was raised.
    pub context: Value,
    /// `__suppress_context__`.
    pub suppress_context: bool,
}

impl ExcData {
    /// Moves held values out (the end-of-program sweep).
    pub fn drain_into(&mut self, graveyard: &mut Vec<Value>) {
        graveyard.push(std::mem::take(&mut self.args));
        graveyard.push(std::mem::take(&mut self.cause));
        graveyard.push(std::mem::take(&mut self.context));
        self.traceback.clear();
    }
}

/// A new exception instance of class `class` with `args`.
pub fn new_exception(class: &ObjRef, args: Vec<Value>) -> ObjRef {
    let data = ExcData {
        args: Value::tuple(args),
        cause: Value::None,
        context: Value::None,
        ..ExcData::default()
    };
    let obj = Arc::new(Object::Instance(Instance {
        class: class.clone(),
        dict: Value::new_dict_obj(),
        native: NativeBase::Exception(Mutex::new(data)),
    }));
    heap::track(&obj);
    obj
}

/// The native state of an exception object, if it is one.
pub fn exc_data(obj: &ObjRef) -> Option<&Mutex<ExcData>> {
    match &**obj {
        Object::Instance(Instance {
            native: NativeBase::Exception(data),
            ..
        }) => Some(data),
        _ => None,
    }
}

macro_rules! constructors {
    ($($fn_name:ident => $field:ident),* $(,)?) => {
        $(
            #[doc = concat!("A new `", stringify!($field), "` with a message.")]
            pub fn $fn_name(message: impl Into<String>) -> PyErr {
                PyErr::new(&types().$field, Value::string(message.into()))
            }
        )*
    };
}

impl PyErr {
    /// Raises a new instance of `class` with one argument (none if `Null`).
    pub fn new(class: &ObjRef, arg: Value) -> PyErr {
        let args = if arg.is_null() { vec![] } else { vec![arg] };
        PyErr::Exception(new_exception(class, args))
    }

    /// Raises a new instance of `class` without arguments.
    pub fn bare(class: &ObjRef) -> PyErr {
        PyErr::Exception(new_exception(class, vec![]))
    }

    constructors! {
        type_error => type_error,
        value_error => value_error,
        index_error => index_error,
        attribute_error => attribute_error,
        name_error => name_error,
        zero_division => zero_division_error,
        overflow => overflow_error,
        runtime_error => runtime_error,
        not_implemented => not_implemented_error,
        recursion_error => recursion_error,
        unbound_local => unbound_local_error,
        import_error => import_error,
        module_not_found => module_not_found_error,
        system_error => system_error,
        lookup_error => lookup_error,
        unicode_error => unicode_decode_error,
        assertion_error => assertion_error,
        os_error => os_error,
        eof_error => eof_error,
    }

    /// `KeyError(key)`.
    pub fn key_error(key: Value) -> PyErr {
        PyErr::new(&types().key_error, key)
    }

    /// `StopIteration(value)` (`Null`: no value).
    pub fn stop_iteration(value: Value) -> PyErr {
        PyErr::new(&types().stop_iteration, value)
    }

    /// Whether this is an exception of class `class` (or a subclass).
    pub fn is_instance_of(&self, class: &ObjRef) -> bool {
        match self {
            PyErr::Exception(obj) => types::is_subclass(Value::Obj(obj.clone()).class(), class),
            _ => false,
        }
    }

    /// The exception instance, if this is one.
    pub fn exception(&self) -> Option<&ObjRef> {
        match self {
            PyErr::Exception(obj) => Some(obj),
            _ => None,
        }
    }
}
