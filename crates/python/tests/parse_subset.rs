//! Where Threadline Python's parser knowingly differs from CPython's, and
//! the parts of its interface that CPython's `ast` has no counterpart for:
//! refused constructs, `{x=}` in f-strings, the values of literals, and the
//! fields of `SyntaxError`.

use threadline_python::ast::{Constant, ExprKind, FStringPart, StmtKind};
use threadline_python::parse::{SyntaxError, SyntaxErrorKind, dump, parse};

fn error(src: &str) -> SyntaxError {
    match parse(src) {
        Ok(module) => panic!("{src:?} parsed: {}", dump(&module, false)),
        Err(e) => e,
    }
}

fn tree(src: &str) -> String {
    match parse(src) {
        Ok(module) => dump(&module, false).trim_end().to_string(),
        Err(e) => panic!("{src:?}: {e} at {}:{}", e.line, e.col),
    }
}

/// Constructs outside the subset get a message that names them.
#[test]
fn unsupported_constructs_are_named() {
    let cases = [
        (
            "match x:\n    case 1:\n        pass\n",
            "the 'match' statement is not supported by Threadline Python",
            (1, 1, 1, 6),
        ),
        (
            "type Point = tuple\n",
            "the 'type' statement is not supported by Threadline Python",
            (1, 1, 1, 5),
        ),
        (
            "try:\n    pass\nexcept* ValueError:\n    pass\n",
            "'except*' (exception groups) is not supported by Threadline Python",
            (3, 1, 3, 8),
        ),
        (
            "z = 1 + 2j\n",
            "complex numbers (imaginary literals such as 1j) are not supported by Threadline Python",
            (1, 9, 1, 11),
        ),
    ];
    for (src, msg, (line, col, end_line, end_col)) in cases {
        let e = error(src);
        assert_eq!(e.msg, msg, "{src:?}");
        assert_eq!(
            (e.line, e.col, e.end_line, e.end_col),
            (line, col, end_line, end_col),
            "{src:?}"
        );
    }
    // `match`, `case` and `type` stay ordinary names elsewhere.
    assert_eq!(
        tree("match = re.match(p, s)\ntype(x)\ncase = 1\n")
            .lines()
            .count(),
        3
    );
}

/// `\N{...}` knows common character names only; an unknown one says so.
#[test]
fn character_names() {
    assert_eq!(
        tree("'\\N{BULLET}\\N{em dash}\\N{GREEK SMALL LETTER ALPHA}'\n"),
        "(Expr \"•—α\")"
    );
    let e = error("x = '\\N{LATIN SMALL LETTER SHARP S}'\n");
    assert!(
        e.msg.contains("unknown Unicode character name"),
        "{}",
        e.msg
    );
    assert!(
        e.msg.contains("Threadline Python knows only common names"),
        "{}",
        e.msg
    );
    assert_eq!((e.line, e.col), (1, 37));
}

/// Strings of Rust cannot hold a lone surrogate, which CPython allows.
#[test]
fn lone_surrogates_are_refused() {
    let e = error("s = '\\ud800'\n");
    assert!(e.msg.contains("surrogate"), "{}", e.msg);
}

/// `{x=}` keeps its text (with the `=` and the blanks), and shows the repr
/// unless a conversion or a format spec says otherwise.
#[test]
fn fstring_self_documenting_fields() {
    assert_eq!(
        tree("f'{x=}'\n"),
        "(Expr (JoinedStr (Fmt x !r _ debug=\"x=\")))"
    );
    assert_eq!(
        tree("f'{a + b = !s:>4}'\n"),
        "(Expr (JoinedStr (Fmt (+ a b) !s (JoinedStr \">4\") debug=\"a + b = \")))"
    );
    assert_eq!(
        tree("f'n: {n=:.2f}'\n"),
        "(Expr (JoinedStr \"n: \" (Fmt n _ (JoinedStr \".2f\") debug=\"n=\")))"
    );
    let module = parse("f'{x = }'\n").expect("parses");
    let StmtKind::Expr(expr) = &module.body[0].kind else {
        panic!("not an expression")
    };
    let ExprKind::JoinedStr(parts) = &expr.kind else {
        panic!("not an f-string")
    };
    let FStringPart::Formatted {
        debug_text,
        conversion,
        ..
    } = &parts[0]
    else {
        panic!("no field")
    };
    assert_eq!(
        (debug_text.as_deref(), *conversion),
        (Some("x = "), Some('r'))
    );
}

/// Integers that fit in 64 bits are `Int`, larger ones `BigInt`; floats
/// are read exactly.
#[test]
fn literal_values() {
    let value = |src: &str| {
        let module = parse(src).expect("parses");
        let StmtKind::Expr(expr) = &module.body[0].kind else {
            panic!("not an expression")
        };
        let ExprKind::Constant(c) = &expr.kind else {
            panic!("not a constant")
        };
        c.clone()
    };
    assert_eq!(value("9223372036854775807\n"), Constant::Int(i64::MAX));
    assert!(matches!(
        value("9223372036854775808\n"),
        Constant::BigInt(_)
    ));
    assert!(matches!(
        value("0x1_0000_0000_0000_0000\n"),
        Constant::BigInt(_)
    ));
    assert_eq!(value("0o777\n"), Constant::Int(0o777));
    assert_eq!(value("0.1\n"), Constant::Float(0.1));
    assert_eq!(value("1_000.5e-3\n"), Constant::Float(1.0005));
    assert_eq!(value("5.\n"), Constant::Float(5.0));
    assert_eq!(value("1e400\n"), Constant::Float(f64::INFINITY));
    assert_eq!(value("b'\\xff\\n'\n"), Constant::Bytes(vec![0xff, b'\n']));
}

/// The fields CPython's traceback printer uses: class, message, place and
/// the line's text.
#[test]
fn syntax_error_fields() {
    let e = error("def f():\n    return (1,\n\nx = 3\n");
    assert_eq!(e.kind, SyntaxErrorKind::SyntaxError);
    assert_eq!(e.to_string(), "SyntaxError: '(' was never closed");
    assert_eq!(e.text, "    return (1,");
    let e = error("if x:\n    a\n  b\n");
    assert_eq!(
        (e.kind_name(), e.text.as_str()),
        ("IndentationError", "  b")
    );
    let e = error("if x:\n\ta\n        b\n");
    assert_eq!(e.kind_name(), "TabError");
    assert_eq!(e.kind, SyntaxErrorKind::TabError);
    // Inside an f-string, CPython 3.11 shows the field as it parsed it.
    let e = error("x = f\"{a b}\"\n");
    assert_eq!(
        (e.text.as_str(), e.line, e.col, e.end_col),
        ("(a b)", 1, 2, 5)
    );
    // Compiler errors carry the line too.
    assert_eq!(error("x = 1\nreturn x\n").text, "return x");
    // Null bytes: CPython gives no place at all.
    let e = error("x = 1\0\n");
    assert_eq!(
        (e.msg.as_str(), e.line, e.col),
        ("source code string cannot contain null bytes", 0, 0)
    );
}

/// A byte-order mark is skipped, as when CPython runs a file; Windows and
/// old Mac line ends count as line ends.
#[test]
fn source_normalization() {
    assert_eq!(tree("\u{feff}x = 1\n"), "(Assign x = 1)");
    assert_eq!(
        tree("if x:\r\n    y = 1\r\nz = 2"),
        "(If x ( (Assign y = 1)) ())\n(Assign z = 2)"
    );
    assert_eq!(tree("a = 1\rb = 2\r"), "(Assign a = 1)\n(Assign b = 2)");
    assert_eq!(tree(""), "");
    assert_eq!(tree("# only a comment"), "");
}

/// Identifiers may use letters beyond ASCII; other characters are refused
/// as CPython refuses them. (Threadline Python does not apply CPython's
/// NFKC normalization: `ｘ` and `x` are different names here.)
#[test]
fn identifiers() {
    assert_eq!(tree("café = naïve + π\n"), "(Assign café = (+ naïve π))");
    let e = error("prix€ = 3\n");
    assert_eq!(
        (e.msg.as_str(), e.col),
        ("invalid character '€' (U+20AC)", 5)
    );
    let e = error("x = a\u{200b}\n");
    assert_eq!(e.msg, "invalid non-printable character U+200B");
}

/// Nesting beyond the parser's limits is a clear error, not a crash.
#[test]
fn nesting_limits() {
    let deep = format!("x = {}1{}\n", "(".repeat(150), ")".repeat(150));
    let e = error(&deep);
    assert!(
        e.msg.starts_with("expression nested too deeply"),
        "{}",
        e.msg
    );
    let fine = format!("x = {}1{}\n", "(".repeat(90), ")".repeat(90));
    assert!(parse(&fine).is_ok());
    let chain = format!("x = a{}\n", ".b".repeat(600));
    assert!(
        error(&chain)
            .msg
            .starts_with("expression nested too deeply")
    );
    let long = format!("x = a{}\n", " + b".repeat(400));
    assert!(parse(&long).is_ok());
}
