//! The builtin classes, built once per process and shared by every
//! interpreter (they are immutable).

use super::types::{Layout, TypeObj, compute_flags};
use super::{Dict, DictMap, NativeDef, NativeFn, ObjRef, Object, Value};
use std::sync::atomic::AtomicU32;
use std::sync::{Arc, OnceLock};

macro_rules! exception_types {
    ($( $field:ident : $name:literal < $base:ident ),* $(,)?) => {
        /// The builtin exception classes.
        #[derive(Debug)]
        pub struct ExceptionTypes {
            /// `BaseException`.
            pub base_exception: ObjRef,
            $(
                #[doc = concat!("`", $name, "`.")]
                pub $field: ObjRef,
            )*
        }

        fn build_exceptions(object: &ObjRef) -> ExceptionTypes {
            let base_exception = make(
                "BaseException",
                &[object],
                Layout::Exception,
                &[super::exc_methods::METHODS],
                None,
            );
            let mut made: Vec<(&'static str, ObjRef)> = vec![("base_exception", base_exception)];
            $(
                let base = made
                    .iter()
                    .find(|(name, _)| *name == stringify!($base))
                    .map_or_else(|| made[0].1.clone(), |(_, class)| class.clone());
                made.push((stringify!($field), make($name, &[&base], Layout::Exception, &[], None)));
            )*
            let take = |wanted: &str| {
                made.iter()
                    .find(|(name, _)| *name == wanted)
                    .map_or_else(|| made[0].1.clone(), |(_, class)| class.clone())
            };
            ExceptionTypes {
                base_exception: take("base_exception"),
                $($field: take(stringify!($field)),)*
            }
        }

        impl ExceptionTypes {
            /// Every builtin exception class with its name, for `builtins`.
            pub fn all(&self) -> Vec<(&'static str, &ObjRef)> {
                vec![("BaseException", &self.base_exception), $(($name, &self.$field),)*]
            }
        }
    };
}

exception_types! {
    system_exit: "SystemExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    exception: "Exception" < base_exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    stop_async_iteration: "StopAsyncIteration" < exception,
    stop_iteration: "StopIteration" < exception,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    warning: "Warning" < exception,
    user_warning: "UserWarning" < warning,
    deprecation_warning: "DeprecationWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
}

/// Every builtin class.
#[derive(Debug)]
pub struct Types {
    /// `object`.
    pub object: ObjRef,
    /// `type`.
    pub type_: ObjRef,
    /// `int`.
    pub int: ObjRef,
    /// `bool`.
    pub bool: ObjRef,
    /// `float`.
    pub float: ObjRef,
    /// `str`.
    pub str: ObjRef,
    /// `bytes`.
    pub bytes: ObjRef,
    /// `tuple`.
    pub tuple: ObjRef,
    /// `list`.
    pub list: ObjRef,
    /// `dict`.
    pub dict: ObjRef,
    /// `set`.
    pub set: ObjRef,
    /// `frozenset`.
    pub frozenset: ObjRef,
    /// `range`.
    pub range: ObjRef,
    /// `slice`.
    pub slice: ObjRef,
    /// `NoneType`.
    pub none_type: ObjRef,
    /// `NotImplementedType`.
    pub not_implemented_type: ObjRef,
    /// `ellipsis`.
    pub ellipsis_type: ObjRef,
    /// `function`.
    pub function: ObjRef,
    /// `method`.
    pub method: ObjRef,
    /// `builtin_function_or_method`.
    pub builtin_function: ObjRef,
    /// `method_descriptor`.
    pub method_descriptor: ObjRef,
    /// `code`.
    pub code: ObjRef,
    /// `module`.
    pub module: ObjRef,
    /// `cell`.
    pub cell: ObjRef,
    /// `generator`.
    pub generator: ObjRef,
    /// `coroutine`.
    pub coroutine: ObjRef,
    /// `async_generator`.
    pub async_generator: ObjRef,
    /// `property`.
    pub property: ObjRef,
    /// `staticmethod`.
    pub staticmethod: ObjRef,
    /// `classmethod`.
    pub classmethod: ObjRef,
    /// `super`.
    pub super_: ObjRef,
    /// `collections.deque`.
    pub deque: ObjRef,
    /// `functools.partial`.
    pub partial: ObjRef,
    /// `dict_keys`, `dict_values`, `dict_items`.
    pub dict_views: [ObjRef; 3],
    /// The iterator classes, indexed by `iter::IterKind::class_index`.
    pub iterators: Vec<ObjRef>,
    /// The exception classes.
    pub exceptions: ExceptionTypes,
}

impl std::ops::Deref for Types {
    type Target = ExceptionTypes;
    fn deref(&self) -> &ExceptionTypes {
        &self.exceptions
    }
}

static TYPES: OnceLock<Types> = OnceLock::new();

/// The builtin classes.
#[inline]
pub fn types() -> &'static Types {
    TYPES.get_or_init(build)
}

/// A type's namespace, not tracked by any heap: builtin classes outlive them.
fn untracked_dict(methods: &[&'static [NativeDef]]) -> ObjRef {
    let mut map = DictMap::new();
    for table in methods {
        for def in table.iter() {
            let key = super::names::intern(def.name);
            let hash = super::hash::text(def.name);
            map.insert_new(hash, key, Value::Native(def));
        }
    }
    Arc::new(Object::Dict(Dict::new(map)))
}

/// Builds one builtin class.
pub fn make(
    name: &'static str,
    bases: &[&ObjRef],
    layout: Layout,
    methods: &[&'static [NativeDef]],
    constructor: Option<NativeFn>,
) -> ObjRef {
    let (module, short) = match name.rsplit_once('.') {
        Some((module, short)) => (module, short),
        None => ("builtins", name),
    };
    let bases: Vec<ObjRef> = bases.iter().map(|b| (*b).clone()).collect();
    let mut mro: Vec<ObjRef> = Vec::new();
    if let Some(first) = bases.first() {
        mro.push(first.clone());
        if let Object::Type(t) = &**first {
            mro.extend(t.mro.iter().cloned());
        }
    }
    let dict = untracked_dict(methods);
    let class_flags = compute_flags(&dict, &[]);
    Arc::new(Object::Type(TypeObj {
        name: short.into(),
        qualname: short.into(),
        module: module.into(),
        bases: bases.into_boxed_slice(),
        mro: mro.into_boxed_slice(),
        dict,
        layout,
        builtin: true,
        flags: AtomicU32::new(class_flags),
        constructor,
    }))
}

fn build() -> Types {
    use super::*;
    let native = Layout::Native;
    let object = make(
        "object",
        &[],
        Layout::Object,
        &[object::OBJECT_METHODS],
        Some(object::object_new),
    );
    let o = &object;
    let type_ = make(
        "type",
        &[o],
        native,
        &[object::TYPE_METHODS],
        Some(object::type_new),
    );
    let int = make(
        "int",
        &[o],
        native,
        &[int::METHODS, ops_tables::NUMBER, ops_tables::INTEGER],
        Some(int::int_new),
    );
    let simple =
        |name, methods: &[&'static [NativeDef]], ctor| make(name, &[o], native, methods, ctor);
    let exceptions = build_exceptions(&object);
    let iterators = iter::ITERATOR_NAMES
        .iter()
        .map(|name| simple(name, &[iter::METHODS], None))
        .collect();
    Types {
        bool: make("bool", &[&int], native, &[], Some(int::bool_new)),
        float: simple(
            "float",
            &[float::METHODS, ops_tables::NUMBER],
            Some(float::float_new),
        ),
        str: simple(
            "str",
            &[
                str_methods::METHODS,
                str_more::METHODS,
                ops_tables::SEQUENCE,
            ],
            Some(str_methods::str_new),
        ),
        bytes: simple(
            "bytes",
            &[bytes::METHODS, ops_tables::SEQUENCE],
            Some(bytes::bytes_new),
        ),
        tuple: make(
            "tuple",
            &[o],
            Layout::Tuple,
            &[tuple::METHODS, ops_tables::SEQUENCE],
            Some(tuple::tuple_new),
        ),
        list: make(
            "list",
            &[o],
            Layout::List,
            &[list::METHODS, ops_tables::SEQUENCE, ops_tables::MUTABLE],
            Some(list::list_new),
        ),
        dict: make(
            "dict",
            &[o],
            Layout::Dict,
            &[
                dict_methods::METHODS,
                ops_tables::SEQUENCE,
                ops_tables::MUTABLE,
            ],
            Some(dict_methods::dict_new),
        ),
        set: simple(
            "set",
            &[
                set_methods::METHODS,
                set_methods::MUTATING,
                ops_tables::SEQUENCE,
            ],
            Some(set_methods::set_new),
        ),
        frozenset: simple(
            "frozenset",
            &[set_methods::METHODS, ops_tables::SEQUENCE],
            Some(set_methods::frozenset_new),
        ),
        range: simple(
            "range",
            &[range::METHODS, ops_tables::SEQUENCE],
            Some(range::range_new),
        ),
        slice: simple("slice", &[range::SLICE_METHODS], Some(range::slice_new)),
        none_type: simple("NoneType", &[], Some(object::none_new)),
        not_implemented_type: simple("NotImplementedType", &[], None),
        ellipsis_type: simple("ellipsis", &[], None),
        function: simple("function", &[descr::FUNCTION_METHODS], None),
        method: simple("method", &[], None),
        builtin_function: simple("builtin_function_or_method", &[], None),
        method_descriptor: simple("method_descriptor", &[], None),
        code: simple("code", &[], None),
        module: simple("module", &[], None),
        cell: simple("cell", &[], None),
        generator: simple(
            "generator",
            &[crate::vm::generator::METHODS, iter::METHODS],
            None,
        ),
        coroutine: simple(
            "coroutine",
            &[
                crate::vm::generator::METHODS,
                crate::vm::generator::COROUTINE_METHODS,
            ],
            None,
        ),
        async_generator: simple(
            "async_generator",
            &[crate::vm::generator::ASYNC_GEN_METHODS],
            None,
        ),
        property: simple(
            "property",
            &[descr::PROPERTY_METHODS],
            Some(descr::property_new),
        ),
        staticmethod: simple("staticmethod", &[], Some(descr::staticmethod_new)),
        classmethod: simple("classmethod", &[], Some(descr::classmethod_new)),
        super_: simple("super", &[], Some(descr::super_new)),
        deque: simple(
            "collections.deque",
            &[
                crate::modules::collections::DEQUE_METHODS,
                ops_tables::SEQUENCE,
                ops_tables::MUTABLE,
            ],
            Some(crate::modules::collections::deque_new),
        ),
        partial: simple(
            "functools.partial",
            &[],
            Some(crate::modules::functools::partial_new),
        ),
        dict_views: [
            simple("dict_keys", &[ops_tables::SEQUENCE], None),
            simple("dict_values", &[ops_tables::SEQUENCE], None),
            simple("dict_items", &[ops_tables::SEQUENCE], None),
        ],
        iterators,
        exceptions,
        object,
        type_,
        int,
    }
}
