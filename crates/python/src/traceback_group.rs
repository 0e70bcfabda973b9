//! Exception groups in a traceback, as CPython's `traceback` module draws
//! them: the group's own traceback behind a margin, then each member's in a
//! numbered box one level in, nested groups further in.

use crate::objects::names::intern;
use crate::objects::types::type_obj;
use crate::objects::{ObjRef, Value};
use crate::traceback::{format_chain, format_one};
use crate::vm::Vm;

/// Where an exception group's members are drawn: how deep in groups, and
/// whether the last member still owes the closing line (CPython's
/// `_ExceptionPrintContext`).
#[derive(Default)]
pub(crate) struct GroupDepth {
    depth: usize,
    need_close: bool,
}

impl GroupDepth {
    /// The indent of this depth.
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Appends `text`, each line behind the group margin (`margin` is `|`,
    /// or `+` for a group's first line).
    pub(crate) fn emit(&self, out: &mut String, text: &str, margin: char) {
        if self.depth == 0 {
            out.push_str(text);
            return;
        }
        let prefix = format!("{}{margin} ", self.indent());
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

/// The most members of a group drawn, and how deep groups are drawn, as
/// CPython's traceback module limits them.
const GROUP_WIDTH: usize = 15;

/// The members of an exception group (`ExceptionGroup`), if `exc` is one.
pub(crate) fn group_members(vm: &mut Vm, exc: &ObjRef) -> Option<Vec<ObjRef>> {
    let class = Value::Obj(exc.clone()).class().clone();
    let t = type_obj(&class)?;
    let is_group = std::iter::once(&class)
        .chain(t.mro.iter())
        .filter_map(type_obj)
        .any(|t| &*t.name == "BaseExceptionGroup" && &*t.module == "builtins");
    if !is_group {
        return None;
    }
    let members = vm
        .getattr_opt(&Value::Obj(exc.clone()), &intern("exceptions"))
        .ok()??;
    let members: Vec<ObjRef> = members
        .as_tuple()?
        .iter()
        .filter_map(|m| m.as_obj().cloned())
        .collect();
    (!members.is_empty()).then_some(members)
}

/// An exception group as CPython draws it: its own traceback, then each
/// member's in a numbered box, one level in.
pub(crate) fn format_group(
    vm: &mut Vm,
    exc: &ObjRef,
    members: &[ObjRef],
    out: &mut String,
    seen: &mut Vec<usize>,
    group: &mut GroupDepth,
) {
    let top = group.depth == 0;
    if top {
        group.depth += 1;
    }
    let mut text = String::new();
    format_one(vm, exc, &mut text, "Exception Group Traceback");
    if let Some((first, rest)) = text.split_once('\n') {
        let header = format!("{first}\n");
        if first.ends_with("(most recent call last):") {
            group.emit(out, &header, if top { '+' } else { '|' });
            group.emit(out, rest, '|');
        } else {
            group.emit(out, &text, '|');
        }
    }
    let shown = members.len().min(GROUP_WIDTH + 1);
    group.need_close = false;
    for (i, member) in members.iter().take(shown).enumerate() {
        let last = i + 1 == shown;
        if last {
            group.need_close = true;
        }
        let truncated = i >= GROUP_WIDTH;
        let title = if truncated {
            "...".to_string()
        } else {
            (i + 1).to_string()
        };
        let corner = if i == 0 { "+-" } else { "  " };
        out.push_str(&format!(
            "{}{corner}+---------------- {title} ----------------\n",
            group.indent()
        ));
        group.depth += 1;
        if truncated {
            let more = members.len() - GROUP_WIDTH;
            let plural = if more > 1 { "s" } else { "" };
            group.emit(out, &format!("and {more} more exception{plural}\n"), '|');
        } else {
            format_chain(vm, member, out, seen, group);
        }
        if last && group.need_close {
            out.push_str(&format!(
                "{}+------------------------------------\n",
                group.indent()
            ));
            group.need_close = false;
        }
        group.depth -= 1;
    }
    if top {
        group.depth = 0;
    }
}
