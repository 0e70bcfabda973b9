//! Unit tests of the compiler: scopes, the instructions a construct turns
//! into, positions, and the errors CPython's compiler reports.

use super::{Code, Op};
use crate::objects::{Object, Value};
use std::sync::Arc;

fn compile(source: &str) -> Arc<Code> {
    match crate::compile_source(source, "test.py") {
        Ok(code) => code,
        Err(failure) => panic!("{source:?} did not compile: {failure:?}"),
    }
}

fn find_nested(code: &Code, name: &str) -> Option<Arc<Code>> {
    for constant in code.consts.iter() {
        if let Value::Obj(obj) = constant
            && let Object::Code(inner) = &**obj
        {
            if &*inner.name == name {
                return Some(inner.clone());
            }
            if let Some(found) = find_nested(inner, name) {
                return Some(found);
            }
        }
    }
    None
}

fn nested(code: &Code, name: &str) -> Arc<Code> {
    find_nested(code, name).unwrap_or_else(|| panic!("no code object named {name}"))
}

fn has(code: &Code, wanted: impl Fn(&Op) -> bool) -> bool {
    code.ops.iter().any(wanted)
}

#[test]
fn module_names_are_globals_and_function_names_fast_locals() {
    let module = compile("x = 1\ndef f(a):\n    b = a + x\n    return b\n");
    assert!(has(&module, |op| matches!(op, Op::StoreGlobal(_))));
    let f = nested(&module, "f");
    assert_eq!(&*f.varnames, &["a".into(), "b".into()] as &[Arc<str>]);
    assert!(has(&f, |op| matches!(op, Op::LoadFast(0))));
    assert!(has(&f, |op| matches!(op, Op::StoreFast(1))));
    assert!(has(&f, |op| matches!(op, Op::LoadGlobal(_))));
    assert_eq!(f.argcount, 1);
}

#[test]
fn captured_variables_become_cells_and_free_variables() {
    let module = compile(
        "def outer(n):\n    total = 0\n    def add(k):\n        nonlocal total\n        total += k + n\n        return total\n    return add\n",
    );
    let outer = nested(&module, "outer");
    let mut cells: Vec<String> = outer.cellvars.iter().map(|c| c.to_string()).collect();
    cells.sort();
    assert_eq!(cells, vec!["n", "total"]);
    assert_eq!(outer.cell_params.iter().filter(|p| p.is_some()).count(), 1);
    let add = nested(&module, "add");
    assert_eq!(add.freevars.len(), 2);
    assert!(has(&add, |op| matches!(op, Op::StoreDeref(_))));
    assert!(has(&outer, |op| matches!(op, Op::LoadClosure(_))));
    assert_eq!(&*add.qualname, "outer.<locals>.add");
}

#[test]
fn comprehensions_are_functions_of_their_first_iterator() {
    let module = compile("squares = [i * i for i in range(3) if i]\n");
    let comp = nested(&module, "<listcomp>");
    assert_eq!(comp.argcount, 1);
    assert_eq!(&*comp.varnames[0], ".0");
    assert!(has(&comp, |op| matches!(op, Op::ListAppend(2))));
    assert!(has(&module, |op| matches!(op, Op::GetIter)));
}

#[test]
fn generators_and_coroutines_are_flagged() {
    let module = compile("def g():\n    yield 1\nasync def c():\n    await g()\n");
    assert!(nested(&module, "g").flags.generator);
    let c = nested(&module, "c");
    assert!(c.flags.coroutine && !c.flags.generator);
    assert!(has(&c, |op| matches!(op, Op::GetAwaitable)));
    assert!(has(&c, |op| matches!(op, Op::Send(_))));
}

#[test]
fn zero_argument_super_uses_the_class_cell() {
    let module = compile("class A:\n    def f(self):\n        return super().f()\n");
    let class_body = nested(&module, "A");
    assert_eq!(&*class_body.cellvars, &["__class__".into()] as &[Arc<str>]);
    let f = nested(&module, "f");
    assert_eq!(&*f.freevars, &["__class__".into()] as &[Arc<str>]);
    assert!(has(&f, |op| matches!(op, Op::Call(2))));
}

#[test]
fn method_calls_skip_the_bound_method() {
    let module = compile("items = []\nitems.append(1)\n");
    assert!(has(&module, |op| matches!(op, Op::LoadMethod(_))));
    assert!(has(&module, |op| matches!(op, Op::CallMethod(1))));
}

#[test]
fn instructions_carry_their_source_range() {
    let module = compile("x = 1\ny = (x +\n     2) * 3\n");
    let add = module
        .ops
        .iter()
        .position(|op| matches!(op, Op::BinaryOp(super::BinOpKind::Add)));
    let add = add.unwrap_or_else(|| panic!("no addition"));
    let position = module.positions[add];
    assert_eq!(
        (
            position.line,
            position.col,
            position.end_line,
            position.end_col
        ),
        (2, 5, 3, 6)
    );
}

#[test]
fn misplaced_statements_are_syntax_errors() {
    for (source, message) in [
        ("break\n", "'break' outside loop"),
        (
            "def f():\n    x = 1\n    global x\n",
            "name 'x' is assigned to before global declaration",
        ),
        (
            "def f():\n    nonlocal y\n",
            "no binding for nonlocal 'y' found",
        ),
    ] {
        match crate::compile_source(source, "test.py") {
            Ok(_) => panic!("{source:?} compiled"),
            Err(failure) => assert_eq!(failure.message, message, "for {source:?}"),
        }
    }
}
