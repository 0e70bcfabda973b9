//! One-core, on a host whose waits in place hear no news from outside (a
//! browser worker's): builtins that consume a generator which waits for
//! another process run it in the dispatch loop (`map()` and the like pull
//! it there, and call a function written in Python), and so does the `__exit__`
//! of a `with` left by an exception: their waits are ordinary ones, and the
//! program gets its results.

use std::sync::{Arc, Mutex};
use threadline_python::host::{CancelFlag, Host, Stream, Wait, WaitOutcome};
use threadline_python::native::NativeHost;
use threadline_python::vm::Build;
use threadline_python::{Interpreter, Options, Outcome, Program};

/// The native host, but news from outside reaches only waits at the top of
/// a thread's dispatch loop, as in a browser worker; output is kept.
struct TopLevelNewsOnly {
    native: Arc<NativeHost>,
    stdout: Mutex<String>,
    stderr: Mutex<String>,
}

fn printed(stdout: &Mutex<String>) -> std::sync::MutexGuard<'_, String> {
    stdout
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Host for TopLevelNewsOnly {
    fn now_ms(&self) -> f64 {
        self.native.now_ms()
    }
    fn unix_time_s(&self) -> f64 {
        self.native.unix_time_s()
    }
    fn write(&self, stream: Stream, text: &str) {
        match stream {
            Stream::Stdout => printed(&self.stdout).push_str(text),
            Stream::Stderr => printed(&self.stderr).push_str(text),
        }
    }
    fn wait(&self, wait: &Wait, cancel: &CancelFlag) -> WaitOutcome {
        self.native.wait(wait, cancel)
    }
    fn cpu_count(&self) -> usize {
        self.native.cpu_count()
    }
    fn spawn_thread(&self, name: &str, body: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        self.native.spawn_thread(name, body)
    }
    fn process_post(&self, request: Vec<u8>) -> Result<(), String> {
        self.native.process_post(request)
    }
    fn process_attach(&self, pid: u32, inbox: Arc<threadline_python::procs::Inbox>) {
        self.native.process_attach(pid, inbox)
    }
    fn news_reaches_nested_waits(&self) -> bool {
        false
    }
}

/// Runs `source` in one-core on [`TopLevelNewsOnly`]: how it ended, its
/// stdout and its stderr.
fn run(source: &str, filename: &str) -> (Outcome, String, String) {
    let native = NativeHost::shared();
    let host = Arc::new(TopLevelNewsOnly {
        native: native.clone(),
        stdout: Mutex::default(),
        stderr: Mutex::default(),
    });
    let options = Options {
        build: Build::OneCore,
        ..Options::default()
    };
    native.processes().set_options(&options);
    let interpreter = Interpreter::new(host.clone(), options);
    let Ok(mut program) = Program::start(&interpreter, source, filename) else {
        panic!("{filename} did not compile");
    };
    let outcome = program.run_to_end();
    native.processes().stop_all(2000);
    let stdout = printed(&host.stdout).clone();
    let stderr = printed(&host.stderr).clone();
    (outcome, stdout, stderr)
}

/// The corpus programs on what consumers do (generators, iterator classes,
/// thread and process pools' results, a pool's `with` left by an exception)
/// and on `map()`, `filter()`, `zip()` and `enumerate()` over them: what
/// CPython prints, the same uncaught exception, and no frame of the helpers
/// in its traceback.
#[test]
fn consumers_run_as_frames_print_what_cpython_prints() {
    for name in [
        "156_builtins_consume_generators.py",
        "157_builtins_pull_lazily.py",
    ] {
        let path = format!(
            "{}/../../tests/python/concurrency/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let cpython = std::process::Command::new("python3")
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("python3 did not run: {e}"));
        let (outcome, stdout, stderr) = run(&source, "program.py");
        assert_eq!(
            stdout,
            String::from_utf8_lossy(&cpython.stdout),
            "{name}: {stderr}"
        );
        let last_line = |text: &str| text.trim_end().lines().last().unwrap_or("").to_string();
        assert_eq!(
            last_line(&stderr),
            last_line(&String::from_utf8_lossy(&cpython.stderr)),
            "{name}"
        );
        assert!(matches!(outcome, Outcome::Exception { .. }), "{outcome:?}");
        assert!(!stderr.contains("_consume"), "{name}: {stderr}");
    }
}
