//! The errors CPython reports from its compiler rather than its parser
//! (`'return' outside function`, `'await' outside async function`, ...),
//! found by walking the finished tree. Those that CPython's symbol table
//! finds come first, as they do in CPython; the errors about `global` and
//! `nonlocal` bindings are left to the compiler, which builds the scopes.

use super::check_scope::check_scopes;
use super::error::SyntaxError;
use super::walk::{argument_defaults, chain, contains_yield, expr_children, stmt_children};
use crate::ast::{Comprehension, Expr, ExprKind, Keyword, Module, Range, Stmt, StmtKind};

/// What kind of code block the walk is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    Module,
    Class,
    /// A `def`; `async_generator` when it is `async def` with a `yield`.
    Function {
        is_async: bool,
        async_generator: bool,
    },
    Lambda,
    /// A comprehension; `made_async` once an `await` or `async for` (or an
    /// asynchronous comprehension inside) makes it asynchronous.
    Comprehension {
        made_async: bool,
    },
}

/// Checks a parsed module.
pub(crate) fn check_module(module: &Module) -> Result<(), SyntaxError> {
    check_scopes(&module.body)?;
    let mut checker = Checker {
        block: Block::Module,
        in_loop: false,
    };
    module.body.iter().try_for_each(|s| checker.stmt(s))
}

/// The walk's state.
struct Checker {
    block: Block,
    in_loop: bool,
}

/// An error spanning `range`.
fn error_at(range: Range, msg: impl Into<String>) -> SyntaxError {
    SyntaxError::syntax(
        msg,
        (range.start.line, range.start.col + 1),
        (range.end.line, range.end.col + 1),
    )
}

impl Checker {
    /// Runs `f` in another block (and outside any loop).
    fn inside<T>(&mut self, block: Block, f: impl FnOnce(&mut Self) -> T) -> (T, Block) {
        let outer = (self.block, self.in_loop);
        self.block = block;
        self.in_loop = false;
        let result = f(self);
        let inner = self.block;
        (self.block, self.in_loop) = outer;
        (result, inner)
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::Return(value) => self.return_stmt(s.range, value.as_ref()),
            StmtKind::Break if !self.in_loop => Err(error_at(s.range, "'break' outside loop")),
            StmtKind::Continue if !self.in_loop => {
                Err(error_at(s.range, "'continue' not properly in loop"))
            }
            StmtKind::FunctionDef(def) => {
                def.decorators.iter().try_for_each(|e| self.expr(e))?;
                self.defaults(&def.args)?;
                def.returns.iter().try_for_each(|e| self.expr(e))?;
                let async_generator = def.is_async && contains_yield(&def.body);
                let block = Block::Function {
                    is_async: def.is_async,
                    async_generator,
                };
                self.inside(block, |c| def.body.iter().try_for_each(|s| c.stmt(s)))
                    .0
            }
            StmtKind::ClassDef(def) => {
                def.decorators.iter().try_for_each(|e| self.expr(e))?;
                def.bases.iter().try_for_each(|e| self.element(e))?;
                self.keywords(&def.keywords)?;
                let body = |c: &mut Self| def.body.iter().try_for_each(|s| c.stmt(s));
                self.inside(Block::Class, body).0
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                targets.iter().try_for_each(|t| self.target(t, true))
            }
            StmtKind::For { .. } | StmtKind::While { .. } | StmtKind::With { .. } => {
                self.compound(s)
            }
            StmtKind::If { .. } => {
                // `elif`s nest: followed with a loop.
                let mut at = s;
                while let StmtKind::If { test, body, orelse } = &at.kind {
                    self.expr(test)?;
                    body.iter().try_for_each(|s| self.stmt(s))?;
                    match orelse.as_slice() {
                        [next] if matches!(next.kind, StmtKind::If { .. }) => at = next,
                        rest => return rest.iter().try_for_each(|s| self.stmt(s)),
                    }
                }
                Ok(())
            }
            StmtKind::Try { .. } => self.try_stmt(s),
            _ => self.children(s),
        }
    }

    /// `try`: a bare `except:` must come last.
    fn try_stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        let StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } = &s.kind
        else {
            return Ok(());
        };
        body.iter().try_for_each(|s| self.stmt(s))?;
        for (i, handler) in handlers.iter().enumerate() {
            if handler.typ.is_none() && i + 1 < handlers.len() {
                return Err(error_at(handler.range, "default 'except:' must be last"));
            }
            handler.typ.iter().try_for_each(|e| self.expr(e))?;
            handler.body.iter().try_for_each(|s| self.stmt(s))?;
        }
        orelse
            .iter()
            .chain(finalbody)
            .try_for_each(|s| self.stmt(s))
    }

    /// `return`, which needs a function (and no value in an asynchronous
    /// generator).
    fn return_stmt(&mut self, range: Range, value: Option<&Expr>) -> Result<(), SyntaxError> {
        match self.block {
            Block::Function {
                async_generator: true,
                ..
            } if value.is_some() => Err(error_at(range, "'return' with value in async generator")),
            Block::Function { .. } => value.iter().try_for_each(|v| self.expr(v)),
            _ => Err(error_at(range, "'return' outside function")),
        }
    }

    /// `for`, `while` and `with`, the first and last possibly asynchronous.
    fn compound(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async && !self.is_async_function() {
                    return Err(error_at(s.range, "'async for' outside async function"));
                }
                self.expr(iter)?;
                self.target(target, true)?;
                self.loop_body(body)?;
                orelse.iter().try_for_each(|s| self.stmt(s))
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.loop_body(body)?;
                orelse.iter().try_for_each(|s| self.stmt(s))
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async && !self.is_async_function() {
                    return Err(error_at(s.range, "'async with' outside async function"));
                }
                for item in items {
                    self.expr(&item.context_expr)?;
                    let vars = item.optional_vars.iter();
                    vars.clone().try_for_each(|t| self.target(t, true))?;
                }
                body.iter().try_for_each(|s| self.stmt(s))
            }
            _ => self.children(s),
        }
    }

    /// The other statements: their expressions, then their statements.
    fn children(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        let mut result = Ok(());
        let mut exprs = Vec::new();
        let mut stmts = Vec::new();
        stmt_children(s, &mut |e| exprs.push(e), &mut |s| stmts.push(s));
        for e in exprs {
            result = result.and_then(|()| self.expr(e));
        }
        for s in stmts {
            result = result.and_then(|()| self.stmt(s));
        }
        result
    }

    /// A loop's body, where `break` and `continue` belong.
    fn loop_body(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        let outer = std::mem::replace(&mut self.in_loop, true);
        let result = body.iter().try_for_each(|s| self.stmt(s));
        self.in_loop = outer;
        result
    }

    fn is_async_function(&self) -> bool {
        matches!(self.block, Block::Function { is_async: true, .. })
    }

    /// The defaults and annotations of a parameter list.
    fn defaults(&mut self, args: &crate::ast::Arguments) -> Result<(), SyntaxError> {
        argument_defaults(args, &mut |e| self.expr(e))
    }

    /// An assignment target: a starred target must sit in a list or tuple
    /// (`top`: it does not), and only one may.
    fn target(&mut self, t: &Expr, top: bool) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Starred(_) if top => Err(error_at(
                t.range,
                "starred assignment target must be in a list or tuple",
            )),
            ExprKind::Starred(inner) => self.target(inner, false),
            ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                let starred = elts
                    .iter()
                    .filter(|e| matches!(e.kind, ExprKind::Starred(_)));
                if starred.count() > 1 {
                    return Err(error_at(
                        t.range,
                        "multiple starred expressions in assignment",
                    ));
                }
                elts.iter().try_for_each(|e| self.target(e, false))
            }
            _ => self.expr(t),
        }
    }

    /// `name=` repeated in a call: CPython's error at the repetition.
    fn keywords(&mut self, keywords: &[Keyword]) -> Result<(), SyntaxError> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if let Some(again) = keywords[i + 1..]
                .iter()
                .find(|o| o.arg.as_ref() == Some(name))
            {
                return Err(error_at(
                    again.range,
                    format!("keyword argument repeated: {name}"),
                ));
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Await(value) => {
                self.check_await(e.range)?;
                self.expr(value)
            }
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
                if matches!(self.block, Block::Module | Block::Class) {
                    return Err(error_at(e.range, "'yield' outside function"));
                }
                if matches!(e.kind, ExprKind::YieldFrom(_)) && self.is_async_function() {
                    return Err(error_at(e.range, "'yield from' inside async function"));
                }
                self.each_child(e)
            }
            ExprKind::Starred(_) => Err(error_at(e.range, "can't use starred expression here")),
            ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
                elts.iter().try_for_each(|elt| self.element(elt))
            }
            ExprKind::BinOp { .. }
            | ExprKind::Attribute { .. }
            | ExprKind::Subscript { .. }
            | ExprKind::Call { .. } => {
                // Followed with a loop: such chains grow long.
                let (links, start) = chain(e);
                self.expr(start)?;
                links.iter().rev().try_for_each(|link| self.link(link))
            }
            ExprKind::Lambda { args, body } => {
                self.defaults(args)?;
                self.inside(Block::Lambda, |c| c.expr(body)).0
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, &[elt], generators, false)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, &[elt], generators, true)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, &[key, value], generators, false),
            _ => self.each_child(e),
        }
    }

    /// What a link of a chain adds to the value before it.
    fn link(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Call { args, keywords, .. } => {
                self.keywords(keywords)?;
                args.iter().try_for_each(|a| self.element(a))?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))
            }
            ExprKind::BinOp { right, .. } => self.expr(right),
            ExprKind::Subscript { slice, .. } => self.expr(slice),
            _ => Ok(()),
        }
    }

    /// `await`: allowed in an asynchronous function, and in a comprehension
    /// (which it makes asynchronous).
    fn check_await(&mut self, range: Range) -> Result<(), SyntaxError> {
        match self.block {
            Block::Module | Block::Class => Err(error_at(range, "'await' outside function")),
            Block::Function {
                is_async: false, ..
            }
            | Block::Lambda => Err(error_at(range, "'await' outside async function")),
            Block::Comprehension { .. } => {
                self.block = Block::Comprehension { made_async: true };
                Ok(())
            }
            Block::Function { .. } => Ok(()),
        }
    }

    /// An element of a display or an argument, where `*x` is allowed.
    fn element(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Starred(inner) => self.expr(inner),
            _ => self.expr(e),
        }
    }

    fn each_child(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        expr_children(e, &mut |child| self.expr(child))
    }

    /// A comprehension: its first iterable belongs to the enclosing block,
    /// the rest to its own; an asynchronous one needs an asynchronous
    /// function (or comprehension) around it, unless it is a generator
    /// expression.
    fn comprehension(
        &mut self,
        e: &Expr,
        elts: &[&Expr],
        generators: &[Comprehension],
        genexp: bool,
    ) -> Result<(), SyntaxError> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.expr(&first.iter)?;
        let made_async = generators.iter().any(|g| g.is_async);
        let (result, inner) = self.inside(Block::Comprehension { made_async }, |c| {
            for (i, g) in generators.iter().enumerate() {
                if i > 0 {
                    c.expr(&g.iter)?;
                }
                c.target(&g.target, true)?;
                g.ifs.iter().try_for_each(|cond| c.expr(cond))?;
            }
            elts.iter().try_for_each(|elt| c.expr(elt))
        });
        result?;
        if genexp || inner != (Block::Comprehension { made_async: true }) {
            return Ok(());
        }
        match self.block {
            Block::Function { is_async: true, .. } => Ok(()),
            Block::Comprehension { .. } => {
                self.block = Block::Comprehension { made_async: true };
                Ok(())
            }
            _ => Err(error_at(
                e.range,
                "asynchronous comprehension outside of an asynchronous function",
            )),
        }
    }
}
