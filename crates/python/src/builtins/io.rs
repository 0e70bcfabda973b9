//! `print`, `input` and `open`.

use crate::host::Stream;
use crate::objects::{Args, PyErr, PyResult, Value};
use crate::vm::Vm;

fn text_option(value: Option<&Value>, name: &str, default: &str) -> PyResult<String> {
    match value {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(v) => v.as_str().map(|s| s.as_str().to_string()).ok_or_else(|| {
            PyErr::type_error(format!(
                "{name} must be None or a string, not {}",
                v.type_name()
            ))
        }),
    }
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub fn print(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("print", &["sep", "end", "file", "flush"])?;
    let sep = text_option(args.keyword("sep"), "sep", " ")?;
    let end = text_option(args.keyword("end"), "end", "\n")?;
    let mut text = String::new();
    for (i, value) in args.positional().iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        match value.as_str() {
            Some(s) => text.push_str(s.as_str()),
            None => text.push_str(&vm.str(value)?),
        }
    }
    text.push_str(&end);
    let file = args.keyword("file").filter(|f| !f.is_none()).cloned();
    write_to(vm, file.as_ref(), &text)?;
    if let Some(flush) = args.keyword("flush")
        && vm.truthy(flush)?
    {
        vm.interp.host.flush();
    }
    Ok(Value::None)
}

/// Writes text to a file object (`None`: stdout).
pub fn write_to(vm: &mut Vm, file: Option<&Value>, text: &str) -> PyResult<()> {
    let Some(file) = file else {
        return vm.write(Stream::Stdout, text);
    };
    if let Some(stream) = crate::modules::sys::stream_of(file) {
        return vm.write(stream, text);
    }
    let write = vm.getattr(file, &crate::objects::names::intern("write"))?;
    vm.call(&write, &[Value::str(text)])?;
    Ok(())
}

/// `input(prompt='')`: there is no keyboard, so it reads nothing.
pub fn input(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("input", 0, 1)?;
    if let Some(prompt) = a.first() {
        let text = vm.str(prompt)?;
        vm.write(Stream::Stdout, &text)?;
    }
    Ok(Value::str(""))
}

/// `open()`: there are no files.
pub fn open(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(PyErr::not_implemented(
        "open() is not available: Threadline Python has no file system. Keep data in variables, \
         or fetch the lab's resources with urllib.request.urlopen() or requests.get()",
    ))
}
