//! The command line: what it prints to stderr (tracebacks with carets,
//! chained exceptions, syntax errors) must be CPython's, line for line; its
//! options are accepted; `--trace` writes a Chrome trace.

use std::path::PathBuf;
use std::process::Command;

const BINARY: &str = env!("CARGO_BIN_EXE_threadline-python");

fn scratch(name: &str, source: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("threadline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let path = dir.join(name);
    std::fs::write(&path, source)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}

/// stdout, stderr (file paths shown relative) and the exit status.
fn run(program: &str, path: &PathBuf, args: &[&str]) -> (String, String, i32) {
    let output = Command::new(program)
        .args(args)
        .arg(path)
        .env("PYTHONHASHSEED", "0")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let shown = path.display().to_string();
    let stderr = String::from_utf8_lossy(&output.stderr).replace(&shown, "PROGRAM");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr,
        output.status.code().unwrap_or(-1),
    )
}

fn assert_same_as_cpython(name: &str, source: &str) {
    let path = scratch(name, source);
    let expected = run("python3", &path, &[]);
    let actual = run(BINARY, &path, &[]);
    assert_eq!(actual, expected, "{name} differs from CPython");
}

#[test]
fn runtime_errors_print_cpython_s_traceback() {
    let programs = [
        ("binop.py", "x = 1\nprint(x / 0)\n"),
        ("alone.py", "1/0\n"),
        ("subscript.py", "def f(d):\n    return d['k']\nf({})\n"),
        (
            "method.py",
            "def f(a):\n    return a.foo(1,\n      2)\nf(None)\n",
        ),
        ("index.py", "l = [1]\nl[5]\n"),
        ("whole_line.py", "import math\nmath.sqrt(-1)\n"),
        ("multiline.py", "x = (1 +\n  None)\n"),
        (
            "cause.py",
            "def g():\n    raise ValueError('bad')\ntry:\n    g()\nexcept ValueError as e:\n    raise RuntimeError('worse') from e\n",
        ),
        (
            "context.py",
            "try:\n    {}['a']\nexcept KeyError:\n    print(undefined_name)\n",
        ),
        ("hint.py", "print(pirnt)\n"),
        (
            "attr_hint.py",
            "class A:\n  def __init__(self): self.value = 1\nA().valeu\n",
        ),
        (
            "custom.py",
            "class AppError(Exception):\n    pass\ndef load():\n    raise AppError('missing config', 42)\nload()\n",
        ),
        ("exit.py", "import sys\nprint('bye')\nsys.exit(3)\n"),
        ("exit_text.py", "import sys\nsys.exit('fatal: no input')\n"),
    ];
    for (name, source) in programs {
        assert_same_as_cpython(name, source);
    }
}

#[test]
fn syntax_errors_print_as_cpython_and_run_nothing() {
    let programs = [
        ("paren.py", "print('start')\nx = (1,\ny = 2\n"),
        ("trailing_op.py", "def f():\n    return 1 +\n"),
        ("indent.py", "if True:\nprint(1)\n"),
        ("comma.py", "print(\"hello\" \"x\" 5)\n"),
        ("unexpected_indent.py", "    x = 1\n"),
        ("return.py", "print('no')\nreturn 5\n"),
    ];
    for (name, source) in programs {
        assert_same_as_cpython(name, source);
    }
}

#[test]
fn options_are_accepted_and_trace_is_written() {
    let path = scratch("trace.py", "print('one')\nprint('two')\n");
    for build in ["gil", "free-threaded", "one-core"] {
        let (stdout, _, status) = run(BINARY, &path, &["--build", build]);
        assert_eq!(
            (stdout.as_str(), status),
            ("one\ntwo\n", 0),
            "--build {build}"
        );
    }
    let trace = path.with_extension("json");
    let trace_arg = trace.display().to_string();
    let (stdout, _, status) = run(BINARY, &path, &["--trace", &trace_arg]);
    assert_eq!((stdout.as_str(), status), ("one\ntwo\n", 0));
    let json = std::fs::read_to_string(&trace).unwrap_or_default();
    assert!(json.contains("\"traceEvents\":["), "{json}");
    assert!(json.contains("\"displayTimeUnit\":\"ms\""));
    assert_eq!(json.matches("\"name\":\"print\"").count(), 2);
    assert!(json.contains("\"text\":\"one\\n\""));
    let (_, stderr, status) = run(BINARY, &path, &["--build", "fast"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("--build takes gil, free-threaded or one-core"));
}
