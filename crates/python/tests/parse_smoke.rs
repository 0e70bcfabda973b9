//! First checks that simple programs parse into the expected trees.

use threadline_python::parse::{dump, parse};

fn tree(src: &str) -> String {
    match parse(src) {
        Ok(module) => dump(&module, false),
        Err(e) => panic!("{src:?} failed: {e} at {}:{}", e.line, e.col),
    }
}

#[test]
fn assignments_calls_and_blocks() {
    let src =
        "x = 1 + 2 * 3\nif x:\n    print(x, end='')\nelse:\n    y = [i for i in range(3) if i]\n";
    assert_eq!(
        tree(src),
        "(Assign x = (+ 1 (* 2 3)))\n\
         (If x ( (Expr (Call print x (kw end \"\")))) ( (Assign y = (ListComp i (for i (Call range 3) (if i))))))\n"
    );
}

#[test]
fn a_syntax_error_has_cpython_location() {
    let e = parse("if x\n  pass\n").expect_err("must fail");
    assert_eq!((e.msg.as_str(), e.line, e.col), ("expected ':'", 1, 5));
    assert_eq!(e.to_string(), "SyntaxError: expected ':'");
}
