//! Threadline Python: a Python interpreter written for Threadline's lab.
//!
//! How a program runs, and where each part lives:
//!
//! 1. [`parse`] turns source into the syntax tree of [`ast`] (or CPython's
//!    `SyntaxError`).
//! 2. [`compile`] resolves scopes (`compile/symtable.rs`) and turns the tree
//!    into [`compile::Code`] objects: one [`compile::Op`] enum, constants,
//!    names, fast locals, cells, and a position per instruction.
//! 3. [`vm`] runs code on frames kept on an explicit stack (`Vec<Frame>` per
//!    Python thread), so that any frame can stop and resume: generators,
//!    coroutines, blocking waits, cancellation and (next) green threads all
//!    rely on it. [`vm::Vm::run`] runs a budget of work and says whether the
//!    thread finished, blocked, or has more to do.
//! 4. [`objects`] is the object model: [`objects::Value`] immediates and
//!    `Arc`-shared objects with per-object locks, one file per builtin type.
//! 5. [`builtins`] holds the builtin functions; [`modules`] the importable
//!    modules (`math`, `random`, `sys`, `time`, `collections`, …).
//! 6. [`host`] is what the interpreter needs from outside (clock, output,
//!    waiting); [`native`] implements it with the OS for the command line.
//!    [`limits`] and [`heap`] bound recursion, memory and output and free
//!    reference cycles when a program ends. [`traceback`] prints errors in
//!    CPython's shape.
//!
//! 7. [`sched`] decides who runs when: Python threads in the three builds
//!    (`gil`, `free-threaded`, `one-core`), blocking and waking, deadlock
//!    detection, and the run's recording.
//!
//! Embedding: [`Interpreter::new`] with a host and [`Options`], then
//! [`Interpreter::run_main`] for a whole program, or [`Program::start`] and
//! [`Program::step`] to drive it step by step (a `one-core` run gives control
//! back whenever every thread waits).

pub mod ast;
pub mod builtins;
pub mod compile;
pub mod heap;
pub mod host;
pub mod limits;
pub mod modules;
#[cfg(not(target_arch = "wasm32"))]
pub mod native;
pub mod net;
pub mod objects;
pub mod parse;
pub mod procs;
pub mod sched;
pub mod traceback;
mod traceback_group;
pub mod vm;

use compile::Code;
use host::{CancelFlag, Host, Stream};
use limits::Limits;
use objects::exception::Halt;
use objects::names::{intern, names};
use objects::{ModuleObj, Object, PyErr, Value};
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicUsize};
use vm::frame::{Frame, FrameKind};
use vm::{Build, Interp, Vm};

pub use sched::{Program, Step};

/// How to run programs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Which interpreter build to imitate.
    pub build: Build,
    /// The limits of a run.
    pub limits: Limits,
    /// Whether to record the run's timeline (lanes, states, events).
    pub trace: bool,
    /// `sys.argv` (the program's path first).
    pub argv: Vec<String>,
    /// The seed of `one-core`'s choices (which waiting thread gets the GIL).
    pub seed: u64,
    /// The switch interval in ms (`None`: CPython's 5 ms).
    pub switch_interval_ms: Option<f64>,
    /// Which process of the run this interpreter is (the main one by default).
    pub process: procs::Identity,
}

/// How a program ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// It ran to its end (or called `sys.exit(0)`).
    Finished,
    /// It raised an exception nothing caught; the traceback was printed.
    Exception {
        /// The exception's class name.
        name: String,
        /// The last line of the traceback (`ValueError: message`).
        message: String,
    },
    /// It did not compile; the error was printed.
    SyntaxError(String),
    /// `sys.exit(code)` with a non-zero code.
    Exit(i32),
    /// A limit or a cancel stopped it; the reason was printed.
    Halted(Halt),
}

impl Outcome {
    /// The process exit status CPython would give.
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Finished => 0,
            Outcome::Exception { .. } | Outcome::SyntaxError(_) => 1,
            Outcome::Exit(code) => *code,
            Outcome::Halted(Halt::Cancelled) => 130,
            Outcome::Halted(_) => 1,
        }
    }
}

/// A compile failure, in the shape tracebacks print it.
#[derive(Clone, Debug, PartialEq)]
pub struct CompileFailure {
    /// `SyntaxError`, `IndentationError`…
    pub kind: String,
    /// The message.
    pub message: String,
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1 (CPython's `offset`).
    pub col: u32,
    /// Where the faulty part ends.
    pub end_line: u32,
    /// Column just past it, from 1 (0: not given).
    pub end_col: u32,
    /// The source line.
    pub text: String,
}

/// Parses and compiles a module.
pub fn compile_source(source: &str, filename: &str) -> Result<Arc<Code>, CompileFailure> {
    let module = parse::parse(source).map_err(|e| CompileFailure {
        kind: e.kind_name().to_string(),
        message: e.msg.clone(),
        line: e.line,
        col: e.col,
        end_line: e.end_line,
        end_col: e.end_col,
        text: e.text.clone(),
    })?;
    compile::compile_module(&module, filename).map_err(|e| {
        let line = e.range.start.line.max(1);
        CompileFailure {
            kind: "SyntaxError".into(),
            message: e.message,
            line,
            col: e.range.start.col + 1,
            end_line: e.range.end.line,
            end_col: e.range.end.col + 1,
            text: source
                .lines()
                .nth(line as usize - 1)
                .unwrap_or("")
                .to_string(),
        }
    })
}

/// Parses and compiles a single expression (for `eval`).
pub fn compile_expression(source: &str, filename: &str) -> Result<Arc<Code>, CompileFailure> {
    let module = parse::parse(source).map_err(|e| CompileFailure {
        kind: e.kind_name().to_string(),
        message: e.msg.clone(),
        line: e.line,
        col: e.col,
        end_line: e.end_line,
        end_col: e.end_col,
        text: e.text.clone(),
    })?;
    compile::compile_eval(&module, filename).map_err(|e| CompileFailure {
        kind: "SyntaxError".into(),
        message: e.message,
        line: e.range.start.line.max(1),
        col: e.range.start.col + 1,
        end_line: e.range.end.line,
        end_col: e.range.end.col + 1,
        text: source.lines().next().unwrap_or("").to_string(),
    })
}

/// One interpreter: its heap, its modules, its threads.
pub struct Interpreter {
    interp: Arc<Interp>,
}

impl std::fmt::Debug for Interpreter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interpreter").finish()
    }
}

impl Interpreter {
    /// A new interpreter talking to `host`.
    pub fn new(host: Arc<dyn Host>, options: Options) -> Interpreter {
        let heap = heap::Heap::new(options.limits.memory_bytes);
        let start_ms = host.now_ms();
        let interp = {
            let _guard = heap::enter(&heap);
            let modules = Value::new_dict_obj();
            let sched_options = sched::SchedOptions {
                build: options.build,
                record: options.trace,
                seed: options.seed,
                switch_interval_ms: options
                    .switch_interval_ms
                    .unwrap_or(threadline_core::gil::DEFAULT_SWITCH_INTERVAL_MS),
            };
            let sched = Arc::new(sched::Sched::new(
                host.clone(),
                &sched_options,
                &options.limits,
                modules.clone(),
            ));
            let process = Arc::new(procs::Inbox::new(
                options.process.clone(),
                host.clone(),
                sched.clone(),
            ));
            host.process_attach(options.process.pid, process.clone());
            let waits_in_frames =
                options.build == Build::OneCore && !host.news_reaches_nested_waits();
            Interp {
                waits_in_frames,
                process,
                host,
                heap: heap.clone(),
                limits: options.limits.clone(),
                cancel: CancelFlag::new(),
                build: options.build,
                builtins: Value::new_dict_obj(),
                modules,
                sources: Mutex::new(HashMap::new()),
                output_used: AtomicUsize::new(0),
                recursion_limit: AtomicU32::new(options.limits.recursion_limit),
                sched,
                start_ms,
                argv: options.argv.clone(),
            }
        };
        let interpreter = Interpreter {
            interp: Arc::new(interp),
        };
        interpreter.install_builtins();
        interpreter
    }

    fn install_builtins(&self) {
        let _guard = heap::enter(&self.interp.heap);
        let mut vm = Vm::new(self.interp.clone(), "MainThread");
        if let Err(err) = builtins::install(&mut vm) {
            let text = traceback::format_error(&mut vm, &err);
            self.interp.host.write(Stream::Stderr, &text);
        }
    }

    /// The flag that cancels this interpreter's runs.
    pub fn cancel_flag(&self) -> CancelFlag {
        self.interp.cancel.clone()
    }

    /// How many containers of this interpreter's heap are alive.
    pub fn live_containers(&self) -> usize {
        self.interp.heap.live_containers()
    }

    /// The shared interpreter state.
    pub fn interp(&self) -> &Arc<Interp> {
        &self.interp
    }

    /// Compiles a program and makes its main thread ready to run it
    /// (nothing runs yet), as a bare `Vm` the scheduler does not know: it
    /// can run single-threaded code with [`vm::Vm::run`] (its sleeps wait in
    /// place), but not start threads. [`Program::start`] is the whole run.
    /// A syntax error is printed and returned.
    pub fn start_main(&self, source: &str, filename: &str) -> Result<Vm, Outcome> {
        let _guard = heap::enter(&self.interp.heap);
        self.interp
            .sources
            .lock()
            .insert(filename.into(), source.into());
        if self.interp.process.main_source().is_none() {
            self.interp.process.set_main_source(filename, source);
        }
        let code = match compile_source(source, filename) {
            Ok(code) => code,
            Err(failure) => {
                let text = traceback::format_syntax_error(&failure, filename);
                self.interp.host.write(Stream::Stderr, &text);
                return Err(Outcome::SyntaxError(format!(
                    "{}: {}",
                    failure.kind, failure.message
                )));
            }
        };
        let mut vm = Vm::new(self.interp.clone(), "MainThread");
        let globals = match self.main_module(&mut vm, filename) {
            Ok(globals) => globals,
            Err(err) => return Err(self.report(&mut vm, err)),
        };
        let slots = Vec::with_capacity(code.slot_count() + code.max_stack as usize);
        vm.frames.push(Frame {
            source: vm::frame::FrameSource::Code(code, globals.clone()),
            ip: 0,
            slots,
            namespace: Some(globals),
            blocks: Vec::new(),
            handled: Value::Null,
            kind: FrameKind::Native,
        });
        Ok(vm)
    }

    fn main_module(&self, vm: &mut Vm, filename: &str) -> Result<objects::ObjRef, PyErr> {
        let dict = Value::new_dict_obj();
        vm.dict_set(&dict, names().__name__.clone(), Value::str("__main__"))?;
        vm.dict_set(&dict, names().__doc__.clone(), Value::None)?;
        vm.dict_set(&dict, names().__file__.clone(), Value::str(filename))?;
        if let Some(builtins) =
            objects::types::dict_get_str(&self.interp.modules, &intern("builtins"))
        {
            vm.dict_set(&dict, names().__builtins__.clone(), builtins)?;
        }
        let module = Value::obj(Object::Module(ModuleObj {
            name: "__main__".into(),
            dict: dict.clone(),
        }));
        vm.dict_set(&self.interp.modules.clone(), intern("__main__"), module)?;
        Ok(dict)
    }

    /// Runs a whole program on this host thread (its threads too, as the
    /// build runs them), printing what it prints and its traceback if it
    /// fails, then frees its heap.
    pub fn run_main(&self, source: &str, filename: &str) -> Outcome {
        match Program::start(self, source, filename) {
            Ok(mut program) => program.run_to_end(),
            Err(outcome) => outcome,
        }
    }

    /// Prints how a run failed, as CPython would, and says how it ended.
    pub fn report(&self, vm: &mut Vm, err: PyErr) -> Outcome {
        traceback::report(vm, err)
    }
}

impl Drop for Interpreter {
    fn drop(&mut self) {
        let _guard = heap::enter(&self.interp.heap);
        self.interp.heap.clear_all();
    }
}
