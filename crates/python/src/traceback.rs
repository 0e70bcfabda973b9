//! Errors printed as CPython 3.11 prints them: tracebacks with their source
//! lines and `~~~^^^` carets, chained exceptions, "Did you mean" hints, and
//! syntax errors.

use crate::CompileFailure;
use crate::Outcome;
use crate::ast::{ExprKind, StmtKind};
use crate::host::Stream;
use crate::limits;
use crate::objects::exception::{Halt, TbEntry, exc_data};
use crate::objects::names::intern;
use crate::objects::types::{self, type_obj};
use crate::objects::{ObjRef, Object, PyErr, Value};
use crate::traceback_group::{GroupDepth, format_group, group_members};
use crate::vm::Vm;

/// Prints how a run ended (to the program's stderr) and says how.
pub fn report(vm: &mut Vm, err: PyErr) -> Outcome {
    match &err {
        PyErr::Halt(halt) => {
            let message = match halt {
                Halt::Cancelled => limits::CANCEL_MESSAGE.to_string(),
                Halt::OutputLimit => limits::OUTPUT_LIMIT_MESSAGE.to_string(),
                Halt::TimeLimit => limits::TIME_LIMIT_MESSAGE.to_string(),
                Halt::Deadlock => vm.interp.sched.stop_message().trim_end().to_string(),
            };
            vm.interp
                .host
                .write(Stream::Stderr, &format!("{message}\n"));
            return Outcome::Halted(halt.clone());
        }
        PyErr::Block(_) => return Outcome::Finished,
        PyErr::Exception(exc) => {
            if types::is_instance(&Value::Obj(exc.clone()), &types::types().system_exit) {
                return system_exit(vm, exc);
            }
        }
    }
    let text = format_error(vm, &err);
    vm.interp.host.write(Stream::Stderr, &text);
    let (name, message) = match &err {
        PyErr::Exception(exc) => (
            class_name(exc),
            text.lines().last().unwrap_or("").to_string(),
        ),
        _ => (String::new(), String::new()),
    };
    Outcome::Exception { name, message }
}

fn system_exit(vm: &mut Vm, exc: &ObjRef) -> Outcome {
    let args = exc_data(exc)
        .map(|d| d.lock().args.clone())
        .unwrap_or(Value::None);
    let code = match args.as_tuple() {
        Some([]) | None => Value::None,
        Some([one]) => one.clone(),
        Some(_) => args.clone(),
    };
    match code {
        Value::None => Outcome::Finished,
        Value::Int(0) | Value::Bool(false) => Outcome::Finished,
        Value::Int(n) => Outcome::Exit(n as i32),
        Value::Bool(true) => Outcome::Exit(1),
        other => {
            let text = vm.str(&other).unwrap_or_default();
            vm.interp.host.write(Stream::Stderr, &format!("{text}\n"));
            Outcome::Exit(1)
        }
    }
}

/// The text CPython prints for an uncaught error.
pub fn format_error(vm: &mut Vm, err: &PyErr) -> String {
    match err {
        PyErr::Exception(exc) => {
            let mut out = String::new();
            let mut seen = Vec::new();
            format_chain(vm, exc, &mut out, &mut seen, &mut GroupDepth::default());
            out
        }
        PyErr::Halt(_) | PyErr::Block(_) => String::new(),
    }
}

pub(crate) fn format_chain(
    vm: &mut Vm,
    exc: &ObjRef,
    out: &mut String,
    seen: &mut Vec<usize>,
    group: &mut GroupDepth,
) {
    seen.push(std::sync::Arc::as_ptr(exc) as *const u8 as usize);
    let (cause, context, suppress) = match exc_data(exc) {
        Some(data) => {
            let d = data.lock();
            (d.cause.clone(), d.context.clone(), d.suppress_context)
        }
        None => (Value::None, Value::None, false),
    };
    let unseen = |v: &Value, seen: &Vec<usize>| match v {
        Value::Obj(o) if exc_data(o).is_some() => {
            !seen.contains(&(std::sync::Arc::as_ptr(o) as *const u8 as usize))
        }
        _ => false,
    };
    if unseen(&cause, seen) {
        if let Value::Obj(c) = &cause {
            format_chain(vm, c, out, seen, group);
        }
        group.emit(
            out,
            "\nThe above exception was the direct cause of the following exception:\n\n",
            '|',
        );
    } else if !suppress && unseen(&context, seen) {
        if let Value::Obj(c) = &context {
            format_chain(vm, c, out, seen, group);
        }
        group.emit(
            out,
            "\nDuring handling of the above exception, another exception occurred:\n\n",
            '|',
        );
    }
    match group_members(vm, exc) {
        Some(members) => format_group(vm, exc, &members, out, seen, group),
        None => {
            let mut text = String::new();
            format_one(vm, exc, &mut text, "Traceback");
            group.emit(out, &text, '|');
        }
    }
}

/// One exception's traceback (headed `title`) and final line.
pub(crate) fn format_one(vm: &mut Vm, exc: &ObjRef, out: &mut String, title: &str) {
    let entries: Vec<TbEntry> = exc_data(exc)
        .map(|d| d.lock().traceback.clone())
        .unwrap_or_default();
    if !entries.is_empty() {
        out.push_str(&format!("{title} (most recent call last):\n"));
        let sources = vm.interp.sources.lock().clone();
        let mut last: Option<(String, u32, String)> = None;
        let mut repeats = 0;
        for entry in entries.iter().rev() {
            let code = &entry.code;
            let position = code
                .positions
                .get(entry.ip as usize)
                .copied()
                .unwrap_or_default();
            let key = (
                code.filename.to_string(),
                position.line,
                code.name.to_string(),
            );
            if last.as_ref() == Some(&key) {
                repeats += 1;
                if repeats >= 3 {
                    continue;
                }
            } else {
                flush_repeats(out, repeats);
                repeats = 0;
            }
            last = Some(key);
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                code.filename, position.line, code.name
            ));
            if let Some(source) = sources.get(&code.filename) {
                out.push_str(&source_lines(source, position));
            }
        }
        flush_repeats(out, repeats);
    }
    let hint = threadline_hint(exc);
    if let Some(hint) = hint {
        out.push_str(&format!("{hint}\n"));
    }
    out.push_str(&final_line(vm, exc));
    out.push('\n');
}

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= 3 {
        let more = repeats - 2;
        out.push_str(&format!(
            "  [Previous line repeated {more} more time{}]\n",
            if more == 1 { "" } else { "s" }
        ));
    }
}

fn threadline_hint(exc: &ObjRef) -> Option<String> {
    let Object::Instance(instance) = &**exc else {
        return None;
    };
    types::dict_get_str(&instance.dict, &intern("__threadline_hint__"))
        .and_then(|h| h.as_str().map(|s| s.as_str().to_string()))
}

/// `ValueError: message`, with CPython's "Did you mean" hint.
pub fn final_line(vm: &mut Vm, exc: &ObjRef) -> String {
    let value = Value::Obj(exc.clone());
    let name = class_name(exc);
    let text = vm
        .str(&value)
        .unwrap_or_else(|_| "<exception str() failed>".into());
    let suggestion = suggestion(vm, exc)
        .map(|s| format!(". Did you mean: '{s}'?"))
        .unwrap_or_default();
    if text.is_empty() && suggestion.is_empty() {
        name
    } else {
        format!("{name}: {text}{suggestion}")
    }
}

/// The name tracebacks give an exception's class.
pub fn class_name(exc: &ObjRef) -> String {
    let class = Value::Obj(exc.clone()).class().clone();
    let Some(t) = type_obj(&class) else {
        return "?".into();
    };
    match t.module.as_ref() {
        "builtins" | "__main__" => t.qualname.to_string(),
        module => format!("{module}.{}", t.qualname),
    }
}

/// The source line of a position and its caret line, as CPython draws them.
fn source_lines(source: &str, position: crate::compile::Position) -> String {
    let Some(line) = source.lines().nth(position.line.saturating_sub(1) as usize) else {
        return String::new();
    };
    let stripped = line.trim_start();
    if stripped.is_empty() {
        return String::new();
    }
    let mut out = format!("    {}\n", stripped.trim_end());
    let indent = line.chars().count() - stripped.chars().count();
    let chars: Vec<char> = line.chars().collect();
    let start = position.col as usize;
    let end = if position.end_line == position.line {
        (position.end_col as usize).min(chars.len())
    } else {
        chars.len()
    };
    if start < indent || end <= start {
        return out;
    }
    let anchors = if position.end_line == position.line {
        let segment: String = chars[start..end].iter().collect();
        caret_anchors(&segment)
    } else {
        None
    };
    let stripped_len = stripped
        .trim_end()
        .chars()
        .count()
        .max(stripped.chars().count());
    let secondary = anchors.is_some_and(|(l, r)| r > l);
    if end - start < stripped_len || secondary {
        let mut carets = String::new();
        match anchors {
            Some((left, right)) => {
                let total = end - start;
                carets.push_str(&"~".repeat(left));
                carets.push_str(&"^".repeat(right.saturating_sub(left)));
                carets.push_str(&"~".repeat(total.saturating_sub(right)));
            }
            None => carets.push_str(&"^".repeat(end - start)),
        }
        out.push_str(&format!("    {}{carets}\n", " ".repeat(start - indent)));
    }
    out
}

/// Where the `^` part goes under a binary operation or subscript (the rest
/// gets `~`), found by parsing the segment as CPython's traceback does.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let module = crate::parse::parse(segment).ok()?;
    let [statement] = module.body.as_slice() else {
        return None;
    };
    let StmtKind::Expr(expr) = &statement.kind else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    if expr.range.start.line != 1 {
        return None;
    }
    match &expr.kind {
        ExprKind::BinOp { left, right, .. }
            if left.range.end.line == 1 && right.range.start.line == 1 =>
        {
            let op_start = left.range.end.col as usize;
            let op_end = (right.range.start.col as usize).min(chars.len());
            let operator: String = chars.get(op_start..op_end)?.iter().collect();
            let offset = operator.chars().count() - operator.trim_start().chars().count();
            let mut left_anchor = op_start + offset;
            let mut right_anchor = left_anchor + 1;
            let op_chars: Vec<char> = operator.chars().collect();
            if offset + 1 < op_chars.len() && !op_chars[offset + 1].is_whitespace() {
                right_anchor += 1;
            }
            while left_anchor < chars.len()
                && (chars[left_anchor].is_whitespace() || ")#".contains(chars[left_anchor]))
            {
                left_anchor += 1;
                right_anchor += 1;
            }
            Some((left_anchor, right_anchor))
        }
        ExprKind::Subscript { value, slice }
            if value.range.end.line == 1 && slice.range.end.line == 1 =>
        {
            let mut left_anchor = value.range.end.col as usize;
            let mut right_anchor = slice.range.end.col as usize + 1;
            while left_anchor < chars.len() && chars[left_anchor] != '[' {
                left_anchor += 1;
            }
            while right_anchor < chars.len() && chars[right_anchor] != ']' {
                right_anchor += 1;
            }
            if right_anchor < chars.len() {
                right_anchor += 1;
            }
            Some((left_anchor, right_anchor))
        }
        _ => None,
    }
}

/// CPython's "Did you mean" for `NameError` and `AttributeError`.
fn suggestion(vm: &mut Vm, exc: &ObjRef) -> Option<String> {
    let Object::Instance(instance) = &**exc else {
        return None;
    };
    let t = types::types();
    let class = &instance.class;
    if let Some(found) = types::dict_get_str(&instance.dict, &intern("__suggestion__")) {
        return found.as_str().map(|s| s.as_str().to_string());
    }
    if !types::is_subclass(class, &t.attribute_error) {
        return None;
    }
    let name = types::dict_get_str(&instance.dict, &intern("name"))?;
    let obj = types::dict_get_str(&instance.dict, &intern("obj"))?;
    let wanted = name.as_str()?.as_str().to_string();
    let candidates = crate::builtins::dir_of(vm, &obj).ok()?;
    best_match(&wanted, &candidates)
}

/// The closest name to `wanted` (CPython's weighted Levenshtein distance:
/// no more than a third of the characters involved may change).
pub fn best_match(wanted: &str, candidates: &[String]) -> Option<String> {
    const MOVE_COST: usize = 2;
    if wanted.len() > 40 {
        return None;
    }
    let mut best: Option<(usize, &String)> = None;
    for candidate in candidates.iter().take(750) {
        if candidate == wanted || candidate.len() > 40 {
            continue;
        }
        let mut max_distance = (wanted.len() + candidate.len() + 3) * MOVE_COST / 6;
        if let Some((distance, _)) = best {
            max_distance = max_distance.min(distance.saturating_sub(1));
        }
        let distance = levenshtein(wanted, candidate, max_distance);
        if distance > max_distance {
            continue;
        }
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c.clone())
}

fn levenshtein(a: &str, b: &str, max_cost: usize) -> usize {
    const MOVE_COST: usize = 2;
    const CASE_COST: usize = 1;
    let mut a: &[u8] = a.as_bytes();
    let mut b: &[u8] = b.as_bytes();
    if a == b {
        return 0;
    }
    while let (Some(x), Some(y)) = (a.first(), b.first())
        && x == y
    {
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last())
        && x == y
    {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len().abs_diff(b.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut previous: Vec<usize> = (0..=b.len()).map(|j| j * MOVE_COST).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![(i + 1) * MOVE_COST; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = if ca == cb {
                0
            } else if ca.eq_ignore_ascii_case(cb) {
                CASE_COST
            } else {
                MOVE_COST
            };
            current[j + 1] = (previous[j] + substitute)
                .min(previous[j + 1] + MOVE_COST)
                .min(current[j] + MOVE_COST);
        }
        previous = current;
    }
    previous[b.len()]
}

/// A syntax error, printed as CPython's `print_error_text` prints it (only
/// `SyntaxError` itself uses the end of the faulty part: its subclasses get
/// one caret).
pub fn format_syntax_error(failure: &CompileFailure, filename: &str) -> String {
    let mut out = format!("  File \"{filename}\", line {}\n", failure.line);
    let end_offset: i64 = if failure.kind == "SyntaxError" && failure.end_col > 0 {
        failure.end_col as i64
    } else {
        -1
    };
    let mut offset = failure.col as i64;
    let repetitions = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    if !failure.text.is_empty() {
        offset -= 1;
        let mut text: &str = &failure.text;
        while let Some(rest) = text.strip_prefix([' ', '\t', '\x0c']) {
            text = rest;
            offset -= 1;
        }
        let text = text.trim_end_matches('\n');
        let len = text.chars().count() as i64;
        offset = offset.min(len);
        out.push_str(&format!("    {text}\n"));
        if offset >= 0 && failure.col > 0 {
            let spaces = " ".repeat(offset as usize);
            out.push_str(&format!(
                "    {spaces}{}\n",
                "^".repeat(repetitions.max(1) as usize)
            ));
        }
    }
    out.push_str(&format!("{}: {}\n", failure.kind, failure.message));
    out
}

/// What `e.__traceback__` gives: `None` (frames are not kept).
pub fn traceback_value(_exc: &Value) -> Value {
    Value::None
}

impl Vm {
    /// The third argument of `__exit__`.
    pub(crate) fn traceback_object(&self, exc: &Value) -> Value {
        traceback_value(exc)
    }
}
