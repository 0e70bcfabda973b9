//! The tree built for each construct of the language subset, compared with
//! the tree CPython 3.11's `ast` module builds for the same source (both
//! written in the S-expression format of `parse::dump`; the expected trees
//! were produced from CPython's).

use threadline_python::parse::{dump, parse};

/// Parses each source and compares its tree (one line per statement,
/// without the final newline) with the expected one; reports every
/// mismatch at once.
fn check(cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (src, expected) in cases {
        match parse(src) {
            Ok(module) => {
                let tree = dump(&module, false);
                if tree.trim_end() != *expected {
                    failures.push(format!(
                        "{src:?}\n  got:      {tree}\n  expected: {expected}"
                    ));
                }
            }
            Err(e) => failures.push(format!("{src:?}: {e} at {}:{}", e.line, e.col)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Plain, chained, tuple, starred, augmented and annotated assignments.
#[test]
fn assignments() {
    check(&[
        ("x = 1\n", "(Assign x = 1)"),
        ("a = b = c = 0\n", "(Assign a b c = 0)"),
        ("a, b = b, a\n", "(Assign (Tuple a b) = (Tuple b a))"),
        (
            "(a, b), [c, *d] = t\n",
            "(Assign (Tuple (Tuple a b) (List c (* d))) = t)",
        ),
        (
            "first, *rest = items\n",
            "(Assign (Tuple first (* rest)) = items)",
        ),
        (
            "x.y = z[0] = w[1:2] = 3\n",
            "(Assign (Attr x y) (Sub z 0) (Sub w (Slice 1 2 _)) = 3)",
        ),
        ("x += 1\n", "(AugAssign x += 1)"),
        ("x -= y * 2\n", "(AugAssign x -= (* y 2))"),
        ("x **= 2\n", "(AugAssign x **= 2)"),
        ("x //= 3\n", "(AugAssign x //= 3)"),
        ("x @= m\n", "(AugAssign x @= m)"),
        ("x >>= 1\n", "(AugAssign x >>= 1)"),
        ("x |= y\n", "(AugAssign x |= y)"),
        ("x: int = 3\n", "(AnnAssign x int 3 simple)"),
        ("x: int\n", "(AnnAssign x int _ simple)"),
        ("(x): int = 3\n", "(AnnAssign x int 3)"),
        (
            "self.count: int = 0\n",
            "(AnnAssign (Attr self count) int 0)",
        ),
        ("d['k']: str\n", "(AnnAssign (Sub d \"k\") str _)"),
        (
            "def f():\n    x = yield\n    y = yield from g\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Assign x = (Yield _)) (Assign y = (YieldFrom g))))",
        ),
        ("x = 1,\n", "(Assign x = (Tuple 1))"),
        ("x = *a, *b\n", "(Assign x = (Tuple (* a) (* b)))"),
        (
            "def f():\n    x = y = (yield)\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Assign x y = (Yield _))))",
        ),
    ]);
}

/// Expressions as statements, `pass`, `;`-joined statements.
#[test]
fn expression_statements() {
    check(&[
        ("f()\n", "(Expr (Call f))"),
        ("x\n", "(Expr x)"),
        ("1\n", "(Expr 1)"),
        ("pass\n", "Pass"),
        ("a; b; c\n", "(Expr a)\n(Expr b)\n(Expr c)"),
        ("a = 1; b = 2;\n", "(Assign a = 1)\n(Assign b = 2)"),
        ("...\n", "(Expr ...)"),
        ("'docstring'\n", "(Expr \"docstring\")"),
    ]);
}

/// `if/elif/else`, `while`, `for` with their `else` blocks, `break`, `continue`.
#[test]
fn control_flow() {
    check(&[
        (
            "if a:\n    b\nelif c:\n    d\nelif e:\n    f\nelse:\n    g\n",
            "(If a ( (Expr b)) ( (If c ( (Expr d)) ( (If e ( (Expr f)) ( (Expr g)))))))",
        ),
        ("if a: b\n", "(If a ( (Expr b)) ())"),
        ("if a: b; c\n", "(If a ( (Expr b) (Expr c)) ())"),
        (
            "while x > 0:\n    x -= 1\n    if x == 5:\n        break\nelse:\n    done()\n",
            "(While (Compare x > 0) ( (AugAssign x -= 1) (If (Compare x == 5) ( Break) ())) ( (Expr (Call done))))",
        ),
        (
            "for i in range(10):\n    if i % 2:\n        continue\n    print(i)\nelse:\n    pass\n",
            "(For i (Call range 10) ( (If (% i 2) ( Continue) ()) (Expr (Call print i))) ( Pass))",
        ),
        (
            "for k, v in d.items(): print(k, v)\n",
            "(For (Tuple k v) (Call (Attr d items)) ( (Expr (Call print k v))) ())",
        ),
        (
            "for (a, b) in pairs:\n    pass\n",
            "(For (Tuple a b) pairs ( Pass) ())",
        ),
        ("for x, in y: pass\n", "(For (Tuple x) y ( Pass) ())"),
        (
            "for *a, b in c: pass\n",
            "(For (Tuple (* a) b) c ( Pass) ())",
        ),
        (
            "for x in 1, 2, 3:\n    pass\n",
            "(For x (Tuple 1 2 3) ( Pass) ())",
        ),
        (
            "for i in *a, *b: pass\n",
            "(For i (Tuple (* a) (* b)) ( Pass) ())",
        ),
        (
            "if (n := len(a)) > 10:\n    print(n)\n",
            "(If (Compare (:= n (Call len a)) > 10) ( (Expr (Call print n))) ())",
        ),
        (
            "while chunk := f.read(10):\n    pass\n",
            "(While (:= chunk (Call (Attr f read) 10)) ( Pass) ())",
        ),
    ]);
}

/// `def` with every kind of parameter, defaults, annotations, decorators, `return`, `global`, `nonlocal`, `lambda`.
#[test]
fn functions() {
    check(&[
        (
            "def f():\n    pass\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( Pass))",
        ),
        (
            "def f(a, b=1, *args, c, d=2, **kwargs):\n    return a\n",
            "(FunctionDef f (args( posonly)( args a b) vararg args( kwonly c d)( kw_defaults _ 2) kwarg kwargs( defaults 1))( decorators) returns _ ( (Return a)))",
        ),
        (
            "def f(a, b, /, c, *, d):\n    pass\n",
            "(FunctionDef f (args( posonly a b)( args c) vararg _( kwonly d)( kw_defaults _) kwarg _( defaults))( decorators) returns _ ( Pass))",
        ),
        (
            "def f(a=1, /, b=2, *, c):\n    pass\n",
            "(FunctionDef f (args( posonly a)( args b) vararg _( kwonly c)( kw_defaults _) kwarg _( defaults 1 2))( decorators) returns _ ( Pass))",
        ),
        (
            "def f(*, a=1, b):\n    pass\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly a b)( kw_defaults 1 _) kwarg _( defaults))( decorators) returns _ ( Pass))",
        ),
        (
            "def f(a: int, b: 'str' = 'x') -> bool:\n    return True\n",
            "(FunctionDef f (args( posonly)( args a:int b:\"str\") vararg _( kwonly)( kw_defaults) kwarg _( defaults \"x\"))( decorators) returns bool ( (Return True)))",
        ),
        (
            "def f(*args: int, **kw: str) -> None: ...\n",
            "(FunctionDef f (args( posonly)( args) vararg args:int( kwonly)( kw_defaults) kwarg kw:str( defaults))( decorators) returns None ( (Expr ...)))",
        ),
        (
            "@dec\ndef f(): pass\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators dec) returns _ ( Pass))",
        ),
        (
            "@a.b(1)\n@c\nclass C: pass\n",
            "(ClassDef C( bases)( keywords)( decorators (Call (Attr a b) 1) c) ( Pass))",
        ),
        (
            "@(lambda f: f)\ndef f(): pass\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators (Lambda (args( posonly)( args f) vararg _( kwonly)( kw_defaults) kwarg _( defaults)) f)) returns _ ( Pass))",
        ),
        (
            "@x[0]\ndef f(): pass\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators (Sub x 0)) returns _ ( Pass))",
        ),
        (
            "def outer():\n    x = 0\n    def inner():\n        nonlocal x\n        x += 1\n    global y, z\n    return inner\n",
            "(FunctionDef outer (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Assign x = 0) (FunctionDef inner (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Nonlocal x) (AugAssign x += 1))) (Global y z) (Return inner)))",
        ),
        (
            "def f():\n    return\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Return _)))",
        ),
        (
            "def f():\n    return 1, 2\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Return (Tuple 1 2))))",
        ),
        (
            "def f():\n    return *a, b\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Return (Tuple (* a) b))))",
        ),
        (
            "f = lambda: 0\n",
            "(Assign f = (Lambda (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults)) 0))",
        ),
        (
            "f = lambda x, y=1, *a, k, **kw: x + y\n",
            "(Assign f = (Lambda (args( posonly)( args x y) vararg a( kwonly k)( kw_defaults _) kwarg kw( defaults 1)) (+ x y)))",
        ),
        (
            "f = lambda *, k=3: k\n",
            "(Assign f = (Lambda (args( posonly)( args) vararg _( kwonly k)( kw_defaults 3) kwarg _( defaults)) k))",
        ),
        (
            "f = lambda a, /, b: a\n",
            "(Assign f = (Lambda (args( posonly a)( args b) vararg _( kwonly)( kw_defaults) kwarg _( defaults)) a))",
        ),
        (
            "def f(a,): pass\n",
            "(FunctionDef f (args( posonly)( args a) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( Pass))",
        ),
        (
            "def f(*a,): pass\n",
            "(FunctionDef f (args( posonly)( args) vararg a( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( Pass))",
        ),
        (
            "def f(**k,): pass\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg k( defaults))( decorators) returns _ ( Pass))",
        ),
    ]);
}

/// `yield`, `yield from`, `await`, `async def/for/with`, async comprehensions.
#[test]
fn generators_and_async() {
    check(&[
        (
            "def g():\n    yield\n    yield 1\n    yield 1, 2\n    x = yield\n    yield from range(3)\n",
            "(FunctionDef g (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Expr (Yield _)) (Expr (Yield 1)) (Expr (Yield (Tuple 1 2))) (Assign x = (Yield _)) (Expr (YieldFrom (Call range 3)))))",
        ),
        (
            "async def main():\n    await asyncio.sleep(1)\n    async with lock as l:\n        pass\n    async for x in aiter():\n        pass\n    return [y async for y in z]\n",
            "(AsyncFunctionDef main (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Expr (Await (Call (Attr asyncio sleep) 1))) (AsyncWith (lock l) ( Pass)) (AsyncFor x (Call aiter) ( Pass) ()) (Return (ListComp y (async-for y z)))))",
        ),
        (
            "async def f():\n    r = await g() + await h()\n    await (await x)\n    return await asyncio.gather(*tasks, return_exceptions=True)\n",
            "(AsyncFunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Assign r = (+ (Await (Call g)) (Await (Call h)))) (Expr (Await (Await x))) (Return (Await (Call (Attr asyncio gather) (* tasks) (kw return_exceptions True))))))",
        ),
        (
            "async def f():\n    x = [await y for y in z if await w(y)]\n",
            "(AsyncFunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Assign x = (ListComp (Await y) (for y z (if (Await (Call w y))))))))",
        ),
        (
            "async def f():\n    return -await x ** await y.z[0]\n",
            "(AsyncFunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Return (- (** (Await x) (Await (Sub (Attr y z) 0)))))))",
        ),
        (
            "async def f():\n    async with a as b, c as d:\n        pass\n",
            "(AsyncFunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (AsyncWith (a b) (c d) ( Pass))))",
        ),
    ]);
}

/// `class` with bases, keywords and bodies.
#[test]
fn classes() {
    check(&[
        (
            "class A:\n    pass\n",
            "(ClassDef A( bases)( keywords)( decorators) ( Pass))",
        ),
        (
            "class A(B, C, metaclass=M, **kw):\n    x = 1\n    def m(self):\n        return self.x\n",
            "(ClassDef A( bases B C)( keywords (kw metaclass M) (kw ** kw))( decorators) ( (Assign x = 1) (FunctionDef m (args( posonly)( args self) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Return (Attr self x))))))",
        ),
        (
            "class A():\n    '''doc'''\n",
            "(ClassDef A( bases)( keywords)( decorators) ( (Expr \"doc\")))",
        ),
        (
            "class A(*bases): pass\n",
            "(ClassDef A( bases (* bases))( keywords)( decorators) ( Pass))",
        ),
        (
            "@dataclass\nclass Point:\n    x: int\n    y: int = 0\n",
            "(ClassDef Point( bases)( keywords)( decorators dataclass) ( (AnnAssign x int _ simple) (AnnAssign y int 0 simple)))",
        ),
    ]);
}

/// `try/except/else/finally`, `raise`, `raise from`, `assert`.
#[test]
fn exceptions() {
    check(&[
        (
            "try:\n    a()\nexcept ValueError:\n    b()\nexcept (KeyError, IndexError) as e:\n    c(e)\nexcept:\n    raise\nelse:\n    d()\nfinally:\n    e()\n",
            "(Try ( (Expr (Call a)))( handlers (except ValueError _ ( (Expr (Call b)))) (except (Tuple KeyError IndexError) e ( (Expr (Call c e)))) (except _ _ ( (Raise _ _)))) ( (Expr (Call d))) ( (Expr (Call e))))",
        ),
        (
            "try:\n    pass\nfinally:\n    pass\n",
            "(Try ( Pass)( handlers) () ( Pass))",
        ),
        ("raise\n", "(Raise _ _)"),
        (
            "raise ValueError('bad')\n",
            "(Raise (Call ValueError \"bad\") _)",
        ),
        (
            "raise RuntimeError('x') from exc\n",
            "(Raise (Call RuntimeError \"x\") exc)",
        ),
        ("raise E from None\n", "(Raise E None)"),
        ("assert x\n", "(Assert x _)"),
        (
            "assert x > 0, 'must be positive'\n",
            "(Assert (Compare x > 0) \"must be positive\")",
        ),
    ]);
}

/// `with` with one or several items, `as` targets, and the parenthesized form.
#[test]
fn with_statements() {
    check(&[
        (
            "with open(p) as f:\n    pass\n",
            "(With ((Call open p) f) ( Pass))",
        ),
        ("with a, b:\n    pass\n", "(With (a _) (b _) ( Pass))"),
        (
            "with a as x, b as y:\n    pass\n",
            "(With (a x) (b y) ( Pass))",
        ),
        (
            "with (a as x, b as y):\n    pass\n",
            "(With (a x) (b y) ( Pass))",
        ),
        ("with (a, b):\n    pass\n", "(With (a _) (b _) ( Pass))"),
        (
            "with (a, b) as c:\n    pass\n",
            "(With ((Tuple a b) c) ( Pass))",
        ),
        ("with (a):\n    pass\n", "(With (a _) ( Pass))"),
        (
            "with (a as x, b,):\n    pass\n",
            "(With (a x) (b _) ( Pass))",
        ),
        (
            "with a as (x, y):\n    pass\n",
            "(With (a (Tuple x y)) ( Pass))",
        ),
        (
            "with a as x.y, b as z[0]:\n    pass\n",
            "(With (a (Attr x y)) (b (Sub z 0)) ( Pass))",
        ),
        (
            "def f():\n    with (yield):\n        pass\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (With ((Yield _) _) ( Pass))))",
        ),
    ]);
}

/// `import` and `from ... import`, relative and starred.
#[test]
fn imports() {
    check(&[
        ("import os\n", "(Import os)"),
        ("import os.path as p, sys\n", "(Import os.path as p sys)"),
        ("from x import y\n", "(ImportFrom x 0( y))"),
        (
            "from x.y import a as b, c\n",
            "(ImportFrom x.y 0( a as b c))",
        ),
        ("from . import x\n", "(ImportFrom _ 1( x))"),
        ("from .. import x\n", "(ImportFrom _ 2( x))"),
        ("from .mod import (a, b,)\n", "(ImportFrom mod 1( a b))"),
        ("from ...pkg.mod import *\n", "(ImportFrom pkg.mod 3( *))"),
        ("from .... import x\n", "(ImportFrom _ 4( x))"),
        ("from x import (a)\n", "(ImportFrom x 0( a))"),
    ]);
}

/// `del` targets, `global` and `nonlocal`.
#[test]
fn deletion_and_scopes() {
    check(&[
        ("del x\n", "(Delete x)"),
        ("del x, y[0], z.a\n", "(Delete x (Sub y 0) (Attr z a))"),
        ("del (a, b), [c]\n", "(Delete (Tuple a b) (List c))"),
        ("del x,\n", "(Delete x)"),
        ("del (x)\n", "(Delete x)"),
        ("global a\n", "(Global a)"),
    ]);
}

/// Positional, keyword, starred and double-starred arguments, generator arguments.
#[test]
fn calls() {
    check(&[
        ("f(1, 2)\n", "(Expr (Call f 1 2))"),
        (
            "f(a, b=2, *c, d=3, **e)\n",
            "(Expr (Call f a (* c) (kw b 2) (kw d 3) (kw ** e)))",
        ),
        (
            "f(*a, *b, **c, **d)\n",
            "(Expr (Call f (* a) (* b) (kw ** c) (kw ** d)))",
        ),
        ("f(**a, b=1)\n", "(Expr (Call f (kw ** a) (kw b 1)))"),
        (
            "f(a for a in b)\n",
            "(Expr (Call f (GeneratorExp a (for a b))))",
        ),
        (
            "f((a for a in b), c)\n",
            "(Expr (Call f (GeneratorExp a (for a b)) c))",
        ),
        ("f(x, *y, z)\n", "(Expr (Call f x (* y) z))"),
        ("f(a=1,)\n", "(Expr (Call f (kw a 1)))"),
        ("f()()\n", "(Expr (Call (Call f)))"),
        ("f(x := 1)\n", "(Expr (Call f (:= x 1)))"),
        (
            "print('a', 'b', sep='', end='\\n', flush=True)\n",
            "(Expr (Call print \"a\" \"b\" (kw sep \"\") (kw end \"\\n\") (kw flush True)))",
        ),
        (
            "f(a)[b].c(d)\n",
            "(Expr (Call (Attr (Sub (Call f a) b) c) d))",
        ),
        (
            "f(key=lambda x: -x)\n",
            "(Expr (Call f (kw key (Lambda (args( posonly)( args x) vararg _( kwonly)( kw_defaults) kwarg _( defaults)) (- x)))))",
        ),
    ]);
}

/// Indexes, slices, extended slices and tuple indexes.
#[test]
fn subscripts_and_slices() {
    check(&[
        ("a[0]\n", "(Expr (Sub a 0))"),
        ("a[1:2]\n", "(Expr (Sub a (Slice 1 2 _)))"),
        ("a[:]\n", "(Expr (Sub a (Slice _ _ _)))"),
        ("a[::2]\n", "(Expr (Sub a (Slice _ _ 2)))"),
        ("a[1:]\n", "(Expr (Sub a (Slice 1 _ _)))"),
        ("a[:-1]\n", "(Expr (Sub a (Slice _ (- 1) _)))"),
        ("a[::-1]\n", "(Expr (Sub a (Slice _ _ (- 1))))"),
        ("a[1:2:3]\n", "(Expr (Sub a (Slice 1 2 3)))"),
        ("a[1:2, 3]\n", "(Expr (Sub a (Tuple (Slice 1 2 _) 3)))"),
        ("a[1, 2]\n", "(Expr (Sub a (Tuple 1 2)))"),
        ("a[1,]\n", "(Expr (Sub a (Tuple 1)))"),
        ("a[:, None]\n", "(Expr (Sub a (Tuple (Slice _ _ _) None)))"),
        ("a[x:=1]\n", "(Expr (Sub a (:= x 1)))"),
        ("a[*b]\n", "(Expr (Sub a (Tuple (* b))))"),
        ("a[1:2, *b]\n", "(Expr (Sub a (Tuple (Slice 1 2 _) (* b))))"),
        ("a[b][c]\n", "(Expr (Sub (Sub a b) c))"),
        ("a[(1, 2)]\n", "(Expr (Sub a (Tuple 1 2)))"),
        ("a[...]\n", "(Expr (Sub a ...))"),
        (
            "a[lambda: 0]\n",
            "(Expr (Sub a (Lambda (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults)) 0)))",
        ),
    ]);
}

/// Tuples, lists, sets, dicts, with unpacking.
#[test]
fn displays() {
    check(&[
        ("()\n", "(Expr (Tuple))"),
        ("(1,)\n", "(Expr (Tuple 1))"),
        ("(1, 2)\n", "(Expr (Tuple 1 2))"),
        ("[]\n", "(Expr (List))"),
        ("[1, 2, *a]\n", "(Expr (List 1 2 (* a)))"),
        ("{1, 2}\n", "(Expr (Set 1 2))"),
        ("{*a, *b}\n", "(Expr (Set (* a) (* b)))"),
        ("{}\n", "(Expr (Dict))"),
        ("{'a': 1, 'b': 2}\n", "(Expr (Dict (\"a\" 1) (\"b\" 2)))"),
        (
            "{**a, 'b': 2, **c}\n",
            "(Expr (Dict (** a) (\"b\" 2) (** c)))",
        ),
        ("(x)\n", "(Expr x)"),
        ("((x))\n", "(Expr x)"),
        ("[[1, 2], [3]]\n", "(Expr (List (List 1 2) (List 3)))"),
        ("{1: {2: 3}}\n", "(Expr (Dict (1 (Dict (2 3)))))"),
        (
            "def f():\n    [(yield)]\n",
            "(FunctionDef f (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( (Expr (List (Yield _)))))",
        ),
        ("[x := 1, 2]\n", "(Expr (List (:= x 1) 2))"),
        ("{(a := 1)}\n", "(Expr (Set (:= a 1)))"),
        ("x = 1, 2,\n", "(Assign x = (Tuple 1 2))"),
        ("{a := 1}\n", "(Expr (Set (:= a 1)))"),
    ]);
}

/// List, set, dict and generator comprehensions with several clauses.
#[test]
fn comprehensions() {
    check(&[
        ("[x for x in y]\n", "(Expr (ListComp x (for x y)))"),
        (
            "[x * y for x in a for y in b if x if y]\n",
            "(Expr (ListComp (* x y) (for x a) (for y b (if x) (if y))))",
        ),
        ("{x for x in y}\n", "(Expr (SetComp x (for x y)))"),
        (
            "{k: v for k, v in d.items() if v}\n",
            "(Expr (DictComp k v (for (Tuple k v) (Call (Attr d items)) (if v))))",
        ),
        ("(x for x in y)\n", "(Expr (GeneratorExp x (for x y)))"),
        (
            "[x for x, y in pairs]\n",
            "(Expr (ListComp x (for (Tuple x y) pairs)))",
        ),
        (
            "[(x, y) for x in a for y in b]\n",
            "(Expr (ListComp (Tuple x y) (for x a) (for y b)))",
        ),
        (
            "[x for x in y if not x]\n",
            "(Expr (ListComp x (for x y (if (not x)))))",
        ),
        (
            "[[y for y in x] for x in z]\n",
            "(Expr (ListComp (ListComp y (for y x)) (for x z)))",
        ),
        (
            "[x for x in (1, 2) if x > 1 or x < 0]\n",
            "(Expr (ListComp x (for x (Tuple 1 2) (if (or (Compare x > 1) (Compare x < 0))))))",
        ),
        (
            "sum(x for x in range(10) if x % 2 == 0)\n",
            "(Expr (Call sum (GeneratorExp x (for x (Call range 10) (if (Compare (% x 2) == 0))))))",
        ),
        (
            "[i for i in range(3) if (j := i)]\n",
            "(Expr (ListComp i (for i (Call range 3) (if (:= j i)))))",
        ),
    ]);
}

/// Arithmetic, bitwise, boolean and comparison operators.
#[test]
fn operators() {
    check(&[
        ("a + b - c\n", "(Expr (- (+ a b) c))"),
        (
            "a * b / c // d % e @ f\n",
            "(Expr (@ (% (// (/ (* a b) c) d) e) f))",
        ),
        ("a ** b ** c\n", "(Expr (** a (** b c)))"),
        ("-a ** b\n", "(Expr (- (** a b)))"),
        ("(-a) ** b\n", "(Expr (** (- a) b))"),
        ("a ** -b\n", "(Expr (** a (- b)))"),
        ("not a == b\n", "(Expr (not (Compare a == b)))"),
        (
            "a < b <= c > d >= e == f != g\n",
            "(Expr (Compare a < b <= c > d >= e == f != g))",
        ),
        (
            "a in b not in c is d is not e\n",
            "(Expr (Compare a in b not-in c is d is-not e))",
        ),
        (
            "a and b or c and not d\n",
            "(Expr (or (and a b) (and c (not d))))",
        ),
        (
            "a | b ^ c & d << e >> f\n",
            "(Expr (| a (^ b (& c (>> (<< d e) f)))))",
        ),
        ("~a + -b - +c\n", "(Expr (- (+ (~ a) (- b)) (+ c)))"),
        (
            "a if b else c if d else e\n",
            "(Expr (IfExp b a (IfExp d c e)))",
        ),
        (
            "(a if b else c) if d else e\n",
            "(Expr (IfExp d (IfExp b a c) e))",
        ),
        (
            "lambda: a if b else c\n",
            "(Expr (Lambda (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults)) (IfExp b a c)))",
        ),
        ("not not a\n", "(Expr (not (not a)))"),
        ("a or b or c\n", "(Expr (or a b c))"),
        ("a and b and c\n", "(Expr (and a b c))"),
        ("a or (b or c)\n", "(Expr (or a (or b c)))"),
        ("- - a\n", "(Expr (- (- a)))"),
        ("await_ = 1\n", "(Assign await_ = 1)"),
        (
            "x = a if b else lambda: c\n",
            "(Assign x = (IfExp b a (Lambda (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults)) c)))",
        ),
    ]);
}

/// Numbers, constants and strings as CPython reads them.
#[test]
fn literals() {
    check(&[
        ("0\n", "(Expr 0)"),
        ("42\n", "(Expr 42)"),
        ("1_000_000\n", "(Expr 1000000)"),
        ("0x1F\n", "(Expr 31)"),
        ("0o17\n", "(Expr 15)"),
        ("0b1010\n", "(Expr 10)"),
        ("0XFF\n", "(Expr 255)"),
        ("0B11\n", "(Expr 3)"),
        ("0O7\n", "(Expr 7)"),
        ("00\n", "(Expr 0)"),
        ("9223372036854775807\n", "(Expr 9223372036854775807)"),
        ("9223372036854775808\n", "(Expr 9223372036854775808)"),
        (
            "123456789012345678901234567890\n",
            "(Expr 123456789012345678901234567890)",
        ),
        (
            "0xFFFFFFFFFFFFFFFFFFFF\n",
            "(Expr 1208925819614629174706175)",
        ),
        ("1.5\n", "(Expr 1.5)"),
        (".5\n", "(Expr 0.5)"),
        ("5.\n", "(Expr 5.0)"),
        ("1e10\n", "(Expr 10000000000.0)"),
        ("1E-5\n", "(Expr 1e-05)"),
        ("1_000.5\n", "(Expr 1000.5)"),
        ("1.5e+3\n", "(Expr 1500.0)"),
        ("0.1\n", "(Expr 0.1)"),
        ("1e400\n", "(Expr inf)"),
        ("0e0\n", "(Expr 0.0)"),
        ("True\n", "(Expr True)"),
        ("False\n", "(Expr False)"),
        ("None\n", "(Expr None)"),
        ("...\n", "(Expr ...)"),
        ("'single'\n", "(Expr \"single\")"),
        ("\"double\"\n", "(Expr \"double\")"),
        ("'''triple\nsingle'''\n", "(Expr \"triple\\nsingle\")"),
        ("\"\"\"triple\ndouble\"\"\"\n", "(Expr \"triple\\ndouble\")"),
        ("r'raw\\n'\n", "(Expr \"raw\\\\n\")"),
        ("b'bytes'\n", "(Expr b\"bytes\")"),
        ("rb'\\x00'\n", "(Expr b\"\\\\x00\")"),
        ("Rb'x'\n", "(Expr b\"x\")"),
        ("BR'x'\n", "(Expr b\"x\")"),
        ("u'unicode'\n", "(Expr \"unicode\")"),
        ("'a' 'b'\n", "(Expr \"ab\")"),
        ("'a' \"b\" '''c'''\n", "(Expr \"abc\")"),
        ("b'a' b'b'\n", "(Expr b\"ab\")"),
        ("''\n", "(Expr \"\")"),
        ("\"\"\n", "(Expr \"\")"),
        ("''''''\n", "(Expr \"\")"),
        ("'it\\'s'\n", "(Expr \"it's\")"),
        ("\"say \\\"hi\\\"\"\n", "(Expr \"say \\\"hi\\\"\")"),
        ("'\\\\'\n", "(Expr \"\\\\\")"),
    ]);
}

/// Backslash escapes of strings and bytes.
#[test]
fn escapes() {
    check(&[
        (
            "'\\n\\t\\r\\a\\b\\f\\v\\0'\n",
            "(Expr \"\\n\\t\\r\\u{7}\\u{8}\\u{c}\\u{b}\\u{0}\")",
        ),
        ("'\\x41\\x7e'\n", "(Expr \"A~\")"),
        ("'\\u00e9\\u20ac'\n", "(Expr \"é€\")"),
        ("'\\U0001F600'\n", "(Expr \"😀\")"),
        ("'\\101\\7\\77'\n", "(Expr \"A\\u{7}?\")"),
        ("'\\N{BULLET}'\n", "(Expr \"•\")"),
        (
            "'\\N{EM DASH}\\N{greek small letter alpha}'\n",
            "(Expr \"—α\")",
        ),
        ("'a\\\nb'\n", "(Expr \"ab\")"),
        ("'\\d\\w'\n", "(Expr \"\\\\d\\\\w\")"),
        ("b'\\x00\\xff\\n\\101'\n", "(Expr b\"\\x00\\xff\\x0aA\")"),
        ("b'\\u00e9'\n", "(Expr b\"\\\\u00e9\")"),
        ("'café üñîçødé 😀'\n", "(Expr \"café üñîçødé 😀\")"),
        ("'\\777'\n", "(Expr \"ǿ\")"),
        ("r'\\N{BULLET}'\n", "(Expr \"\\\\N{BULLET}\")"),
        ("'\\''\n", "(Expr \"'\")"),
    ]);
}

/// F-strings: fields, conversions, format specs (nested too), doubled braces, nested quotes, concatenation.
#[test]
fn fstrings() {
    check(&[
        ("f'{x}'\n", "(Expr (JoinedStr (Fmt x _ _)))"),
        (
            "f'a{x}b{y}c'\n",
            "(Expr (JoinedStr \"a\" (Fmt x _ _) \"b\" (Fmt y _ _) \"c\"))",
        ),
        ("f'{x!r}'\n", "(Expr (JoinedStr (Fmt x !r _)))"),
        (
            "f'{x!s:>10}'\n",
            "(Expr (JoinedStr (Fmt x !s (JoinedStr \">10\"))))",
        ),
        ("f'{x!a}'\n", "(Expr (JoinedStr (Fmt x !a _)))"),
        (
            "f'{x:>8}'\n",
            "(Expr (JoinedStr (Fmt x _ (JoinedStr \">8\"))))",
        ),
        (
            "f'{x:.2f}'\n",
            "(Expr (JoinedStr (Fmt x _ (JoinedStr \".2f\"))))",
        ),
        (
            "f'{x:,}'\n",
            "(Expr (JoinedStr (Fmt x _ (JoinedStr \",\"))))",
        ),
        (
            "f'{x:{width}.{prec}f}'\n",
            "(Expr (JoinedStr (Fmt x _ (JoinedStr (Fmt width _ _) \".\" (Fmt prec _ _) \"f\"))))",
        ),
        ("f'{{literal}}'\n", "(Expr (JoinedStr \"{literal}\"))"),
        ("f'{{{x}}}'\n", "(Expr (JoinedStr \"{\" (Fmt x _ _) \"}\"))"),
        (
            "f'{x[\"key\"]}'\n",
            "(Expr (JoinedStr (Fmt (Sub x \"key\") _ _)))",
        ),
        (
            "f\"{x['key']}\"\n",
            "(Expr (JoinedStr (Fmt (Sub x \"key\") _ _)))",
        ),
        (
            "f'{a + b * c}'\n",
            "(Expr (JoinedStr (Fmt (+ a (* b c)) _ _)))",
        ),
        (
            "f'{f(x, y=1)}'\n",
            "(Expr (JoinedStr (Fmt (Call f x (kw y 1)) _ _)))",
        ),
        (
            "f'{[i for i in x]}'\n",
            "(Expr (JoinedStr (Fmt (ListComp i (for i x)) _ _)))",
        ),
        (
            "f'{ {\"a\": 1}[\"a\"] }'\n",
            "(Expr (JoinedStr (Fmt (Sub (Dict (\"a\" 1)) \"a\") _ _)))",
        ),
        (
            "f'{x if y else z}'\n",
            "(Expr (JoinedStr (Fmt (IfExp y x z) _ _)))",
        ),
        (
            "f'{(lambda: 1)()}'\n",
            "(Expr (JoinedStr (Fmt (Call (Lambda (args( posonly)( args) vararg _( kwonly)( kw_defaults) kwarg _( defaults)) 1)) _ _)))",
        ),
        ("f'{x,y}'\n", "(Expr (JoinedStr (Fmt (Tuple x y) _ _)))"),
        (
            "f'{*a, b}'\n",
            "(Expr (JoinedStr (Fmt (Tuple (* a) b) _ _)))",
        ),
        (
            "f'{a:=1}'\n",
            "(Expr (JoinedStr (Fmt a _ (JoinedStr \"=1\"))))",
        ),
        ("f'{(a:=1)}'\n", "(Expr (JoinedStr (Fmt (:= a 1) _ _)))"),
        (
            "f'{x!r:^{w}}'\n",
            "(Expr (JoinedStr (Fmt x !r (JoinedStr \"^\" (Fmt w _ _)))))",
        ),
        (
            "'a' f'{b}' 'c'\n",
            "(Expr (JoinedStr \"a\" (Fmt b _ _) \"c\"))",
        ),
        ("f'a' 'b'\n", "(Expr (JoinedStr \"ab\"))"),
        ("f''\n", "(Expr (JoinedStr))"),
        ("f'plain'\n", "(Expr (JoinedStr \"plain\"))"),
        ("rf'\\d{x}'\n", "(Expr (JoinedStr \"\\\\d\" (Fmt x _ _)))"),
        ("fr'{x}\\n'\n", "(Expr (JoinedStr (Fmt x _ _) \"\\\\n\"))"),
        ("F'{x}'\n", "(Expr (JoinedStr (Fmt x _ _)))"),
        ("f'''{\nx\n}'''\n", "(Expr (JoinedStr (Fmt x _ _)))"),
        (
            "f'\\N{BULLET} {x}'\n",
            "(Expr (JoinedStr \"• \" (Fmt x _ _)))",
        ),
        (
            "f'\\t{x}\\n'\n",
            "(Expr (JoinedStr \"\\t\" (Fmt x _ _) \"\\n\"))",
        ),
        (
            "f'{x:\\n}'\n",
            "(Expr (JoinedStr (Fmt x _ (JoinedStr \"\\n\"))))",
        ),
        (
            "f'{3.14:e}'\n",
            "(Expr (JoinedStr (Fmt 3.14 _ (JoinedStr \"e\"))))",
        ),
        (
            "f\"{'nested'}\"\n",
            "(Expr (JoinedStr (Fmt \"nested\" _ _)))",
        ),
        (
            "f'{f\"{x}\"}'\n",
            "(Expr (JoinedStr (Fmt (JoinedStr (Fmt x _ _)) _ _)))",
        ),
        (
            "f'{x:{y}}'\n",
            "(Expr (JoinedStr (Fmt x _ (JoinedStr (Fmt y _ _)))))",
        ),
        (
            "f'{x!r:{y}}'\n",
            "(Expr (JoinedStr (Fmt x !r (JoinedStr (Fmt y _ _)))))",
        ),
        (
            "f'{x}' f'{y}'\n",
            "(Expr (JoinedStr (Fmt x _ _) (Fmt y _ _)))",
        ),
    ]);
}

/// Names, including non-ASCII letters and soft keywords used as names.
#[test]
fn identifiers() {
    check(&[
        ("café = 1\n", "(Assign café = 1)"),
        ("über = π * 2\n", "(Assign über = (* π 2))"),
        ("名前 = '値'\n", "(Assign 名前 = \"値\")"),
        ("match = 1\n", "(Assign match = 1)"),
        ("case = match(x)\n", "(Assign case = (Call match x))"),
        ("_ = type(x)\n", "(Assign _ = (Call type x))"),
        ("type = 1\n", "(Assign type = 1)"),
        (
            "print(match.group(0))\n",
            "(Expr (Call print (Call (Attr match group) 0)))",
        ),
        ("x = _\n", "(Assign x = _)"),
    ]);
}

/// Indentation, blank and comment lines, line joining inside brackets and with backslashes.
#[test]
fn layout() {
    check(&[
        (
            "if a:\n\n    # comment\n    b\n\n\n    c\n# end\n",
            "(If a ( (Expr b) (Expr c)) ())",
        ),
        ("x = (1 +\n     2)\n", "(Assign x = (+ 1 2))"),
        ("x = [\n    1,\n    2,\n]\n", "(Assign x = (List 1 2))"),
        ("x = 1 + \\\n    2\n", "(Assign x = (+ 1 2))"),
        (
            "if a and \\\n   b:\n    pass\n",
            "(If (and a b) ( Pass) ())",
        ),
        (
            "def f(\n    a,\n    b,\n):\n    pass\n",
            "(FunctionDef f (args( posonly)( args a b) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( Pass))",
        ),
        ("if a:\n\tb\n\tc\n", "(If a ( (Expr b) (Expr c)) ())"),
        (
            "if a:\n        b\n        c\nd\n",
            "(If a ( (Expr b) (Expr c)) ())\n(Expr d)",
        ),
        ("x = 1  # comment\n", "(Assign x = 1)"),
        ("\n\n\nx = 1\n", "(Assign x = 1)"),
        ("x = 1", "(Assign x = 1)"),
        ("  \nx = 1\n", "(Assign x = 1)"),
        (
            "if a:\n    if b:\n        c\n    d\ne\n",
            "(If a ( (If b ( (Expr c)) ()) (Expr d)) ())\n(Expr e)",
        ),
        (
            "class A:\n    def f(self):\n        pass\n\n    def g(self):\n        pass\n",
            "(ClassDef A( bases)( keywords)( decorators) ( (FunctionDef f (args( posonly)( args self) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( Pass)) (FunctionDef g (args( posonly)( args self) vararg _( kwonly)( kw_defaults) kwarg _( defaults))( decorators) returns _ ( Pass))))",
        ),
        ("x = 1\r\ny = 2\r\n", "(Assign x = 1)\n(Assign y = 2)"),
        (
            "x = {\n  'a': 1,  # c\n}\n",
            "(Assign x = (Dict (\"a\" 1)))",
        ),
        ("if a:\n    pass\n    \n", "(If a ( Pass) ())"),
        (
            "if a:\n    b\n  # odd comment\n    c\n",
            "(If a ( (Expr b) (Expr c)) ())",
        ),
        ("x = 1\u{c}\n", "(Assign x = 1)"),
        ("\u{c}x = 1\n", "(Assign x = 1)"),
    ]);
}
