//! `_process`: the native core `multiprocessing` is written over (in
//! Python): who this process is, starting a child, channels of byte
//! messages, and waiting for the broker's replies. Every wait is a ticket:
//! a request is posted, then `wait(ticket, timeout)` blocks on the ticket's
//! signal (recorded as a wait for another process; cancellable; in
//! `one-core` the driver is told the run waits for the outside).

use crate::objects::names::intern;
use crate::objects::{Args, NativeDef, ObjRef, Object, PyErr, PyResult, Value};
use crate::procs::ProcessSpec;
use crate::procs::wire::Request;
use crate::sched::{WaitOn, WaitSpec};
use crate::vm::{Build, Vm};
use threadline_core::record::EventKind;

fn int_arg(value: &Value, what: &str) -> PyResult<i64> {
    match value {
        Value::Int(n) => Ok(*n),
        _ => Err(PyErr::type_error(format!("{what} must be an int"))),
    }
}

fn u64_arg(value: &Value, what: &str) -> PyResult<u64> {
    u64::try_from(int_arg(value, what)?).map_err(|_| PyErr::value_error(format!("bad {what}")))
}

fn u32_arg(value: &Value, what: &str) -> PyResult<u32> {
    u32::try_from(int_arg(value, what)?).map_err(|_| PyErr::value_error(format!("bad {what}")))
}

fn bytes_arg<'a>(value: &'a Value, what: &str) -> PyResult<&'a [u8]> {
    match value.as_obj().map(|o| &**o) {
        Some(Object::Bytes(bytes)) => Ok(bytes),
        _ => Err(PyErr::type_error(format!("{what} must be bytes"))),
    }
}

fn bytes_value(bytes: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(bytes.into()))
}

fn post(vm: &Vm, request: &Request) -> PyResult<()> {
    vm.interp.process.post(request).map_err(PyErr::os_error)
}

/// `identity()`: `(pid, parent_pid, name, is_child)`.
fn identity(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("identity", 0, 0)?;
    let me = &vm.interp.process.identity;
    Ok(Value::tuple(vec![
        Value::Int(i64::from(me.pid)),
        Value::Int(i64::from(me.parent_pid)),
        Value::str(&me.name),
        Value::Bool(me.start.is_some()),
    ]))
}

/// `request_spawn(name, payload, same_process=False)`: asks for a child
/// that runs the program again, then `payload`; the ticket's reply is its
/// pid. `same_process`: an interpreter of this OS process (its `os.getpid()`
/// is ours).
fn request_spawn(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("request_spawn", 2, 3)?;
    let same_process = match a.get(2) {
        Some(flag) => vm.truthy(flag)?,
        None => false,
    };
    let name = a[0]
        .as_str()
        .ok_or_else(|| PyErr::type_error("name must be a str"))?
        .as_str()
        .to_string();
    let payload = bytes_arg(&a[1], "payload")?.to_vec();
    let (filename, source) = vm
        .interp
        .process
        .main_source()
        .ok_or_else(|| PyErr::runtime_error("the program's source is not known"))?;
    let build = match vm.interp.build {
        Build::Gil => "gil",
        Build::FreeThreaded => "free-threaded",
        Build::OneCore => "one-core",
    };
    let spec = ProcessSpec {
        name,
        filename,
        source,
        payload,
        build: build.into(),
        same_process,
        ..ProcessSpec::default()
    };
    let (ticket, _) = vm.interp.process.new_ticket(None);
    post(vm, &Request::Spawn { ticket, spec })?;
    Ok(Value::Int(ticket as i64))
}

/// `spawned(pid, name)`: the child started: its lane and the spawn's flow.
fn spawned(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("spawned", 2, 2)?;
    let pid = u32_arg(&a[0], "pid")?;
    let name = a[1]
        .as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    let (lane, line) = (vm.lane(), vm.line());
    vm.interp.process.child_spawned(pid, &name, lane, line);
    Ok(Value::None)
}

/// `wait(ticket, timeout)`: blocks until the ticket's reply comes (`True`)
/// or `timeout` seconds pass (`False`; `None`: no limit).
fn wait(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("wait", 2, 2)?;
    let ticket = u64_arg(&a[0], "ticket")?;
    let Some(signal) = vm.interp.process.ticket_signal(ticket) else {
        return Ok(Value::Bool(true));
    };
    let deadline = match &a[1] {
        Value::None => None,
        value => Some(
            vm.interp.host.now_ms()
                + crate::objects::float::as_float(value)
                    .ok_or_else(|| PyErr::type_error("timeout must be a number"))??
                    .max(0.0)
                    * 1000.0,
        ),
    };
    vm.block(WaitSpec::new(WaitOn::Signal(signal), deadline))
}

/// `reply(ticket)`: the ticket's reply (bytes), raising `OSError` for a
/// refusal; `None` if it has not come.
fn reply(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("reply", 1, 1)?;
    let ticket = u64_arg(&a[0], "ticket")?;
    let reader = (vm.lane(), vm.line());
    match vm.interp.process.take_reply(ticket, reader) {
        Some(Ok(bytes)) => Ok(bytes_value(bytes)),
        Some(Err(why)) => Err(PyErr::os_error(why)),
        None => Ok(Value::None),
    }
}

/// `abandon(ticket)`: stops waiting; a reply that already came is returned.
fn abandon(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("abandon", 1, 1)?;
    let ticket = u64_arg(&a[0], "ticket")?;
    let reader = (vm.lane(), vm.line());
    match vm.interp.process.abandon(ticket, reader) {
        Some(Ok(bytes)) => Ok(bytes_value(bytes)),
        Some(Err(why)) => Err(PyErr::os_error(why)),
        None => Ok(Value::None),
    }
}

fn new_channel(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("new_channel", 0, 0)?;
    Ok(Value::Int(vm.interp.process.new_channel() as i64))
}

/// `put(channel, message)`: sends bytes down a channel.
fn put(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("put", 2, 2)?;
    let channel = u64_arg(&a[0], "channel")?;
    let sender = (vm.lane(), vm.line());
    let message = vm.interp.process.seal(bytes_arg(&a[1], "message")?, sender);
    post(vm, &Request::Put { channel, message })?;
    Ok(Value::None)
}

/// `request_get(channel)`: asks for a channel's next message.
fn request_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("request_get", 1, 1)?;
    let channel = u64_arg(&a[0], "channel")?;
    let (ticket, _) = vm.interp.process.new_ticket(Some(channel));
    post(vm, &Request::Get { channel, ticket })?;
    Ok(Value::Int(ticket as i64))
}

/// `request_size(channel)`: asks how many messages a channel holds.
fn request_size(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("request_size", 1, 1)?;
    let channel = u64_arg(&a[0], "channel")?;
    let (ticket, _) = vm.interp.process.new_ticket(None);
    post(vm, &Request::Size { channel, ticket })?;
    Ok(Value::Int(ticket as i64))
}

/// `request_join(pid)`: asks to hear of a child's end (its exit code).
fn request_join(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("request_join", 1, 1)?;
    let pid = u32_arg(&a[0], "pid")?;
    let (ticket, _) = vm.interp.process.new_ticket(None);
    post(vm, &Request::Join { pid, ticket })?;
    Ok(Value::Int(ticket as i64))
}

/// `watch(pid, channel, message)`: when child `pid` ends, `message` is put
/// on `channel`.
fn watch(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("watch", 3, 3)?;
    let pid = u32_arg(&a[0], "pid")?;
    let channel = u64_arg(&a[1], "channel")?;
    let message = bytes_arg(&a[2], "message")?.to_vec();
    post(
        vm,
        &Request::Watch {
            pid,
            channel,
            message,
        },
    )?;
    Ok(Value::None)
}

fn terminate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("terminate", 1, 1)?;
    let pid = u32_arg(&a[0], "pid")?;
    post(vm, &Request::Terminate { pid })?;
    Ok(Value::None)
}

/// `exit_code(pid)`: a child's exit code once its end was heard of.
fn exit_code(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("exit_code", 1, 1)?;
    let pid = u32_arg(&a[0], "pid")?;
    Ok(vm
        .interp
        .process
        .exit_code(pid)
        .map_or(Value::None, |code| Value::Int(i64::from(code))))
}

/// `payload()`: what the parent asked this child to run (`None` in the
/// main process).
fn payload(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("payload", 0, 0)?;
    Ok(match &vm.interp.process.identity.start {
        Some(spec) => bytes_value(spec.payload.clone()),
        None => Value::None,
    })
}

/// `run_main_module()`: runs the program again as `__mp_main__` (also
/// `sys.modules['__main__']`), as a spawned child does; tells the parent
/// the spawn is over first.
fn run_main_module(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("run_main_module", 0, 0)?;
    let (filename, source) = vm
        .interp
        .process
        .main_source()
        .ok_or_else(|| PyErr::runtime_error("the program's source is not known"))?;
    post(vm, &Request::Started)?;
    let module = vm.create_module("__mp_main__")?;
    let Some(Object::Module(module_obj)) = module.as_obj().map(|o| &**o) else {
        return Err(PyErr::system_error("a module is not a module"));
    };
    let dict = module_obj.dict.clone();
    vm.dict_set(&dict, intern("__file__"), Value::str(&normalise(&filename)))?;
    let builtins = crate::objects::types::dict_get_str(&vm.interp.modules, &intern("builtins"));
    if let Some(builtins) = builtins {
        vm.dict_set(&dict, intern("__builtins__"), builtins)?;
    }
    let modules = vm.interp.modules.clone();
    vm.dict_set(&modules, intern("__mp_main__"), module.clone())?;
    vm.dict_set(&modules, intern("__main__"), module.clone())?;
    vm.interp
        .sources
        .lock()
        .insert(filename.as_str().into(), source.as_str().into());
    let code = crate::compile_source(&source, &filename).map_err(|failure| {
        PyErr::system_error(format!("the program does not compile: {}", failure.message))
    })?;
    vm.run_code_in(&code, &dict)?;
    Ok(module)
}

/// The program's path as CPython's spawn gives it to the child
/// (`os.path.normpath`: no `.` or `..` steps, no doubled slashes).
fn normalise(path: &str) -> String {
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|last| *last != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            _ => parts.push(part),
        }
    }
    let joined = parts.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// `record_message(to_pid, size, sending)`: a message left for (or came
/// from) a child: a flow between this lane and the child's.
fn record_message(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("record_message", 3, 3)?;
    let pid = u32_arg(&a[0], "pid")?;
    let size = int_arg(&a[1], "size")?;
    let sending = vm.truthy(&a[2])?;
    let Some(child) = vm.interp.process.child_lane(pid) else {
        return Ok(Value::None);
    };
    let (lane, line) = (vm.lane(), vm.line());
    let text = Some(format!("{size} bytes"));
    let inbox = vm.interp.process.clone();
    if sending {
        inbox.flow(lane, line, child, EventKind::Send, EventKind::Receive, text);
    } else {
        inbox.flow(child, 0, lane, EventKind::Send, EventKind::Receive, text);
    }
    Ok(Value::None)
}

/// `print_exception(exc, header)`: prints `header` and the traceback of
/// `exc` to stderr (a child's target that raised, as CPython's
/// `_bootstrap` prints it).
fn print_exception(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("print_exception", 2, 2)?;
    let Value::Obj(exc) = &a[0] else {
        return Ok(Value::None);
    };
    let header = vm.str(&a[1])?;
    let text = crate::traceback::format_error(vm, &PyErr::Exception(exc.clone()));
    vm.write(crate::host::Stream::Stderr, &format!("{header}\n{text}"))?;
    Ok(Value::None)
}

static FUNCTIONS: &[NativeDef] = &[
    NativeDef::function("_process", "print_exception", print_exception),
    NativeDef::function("_process", "identity", identity),
    NativeDef::function("_process", "request_spawn", request_spawn),
    NativeDef::function("_process", "spawned", spawned),
    NativeDef::function("_process", "wait", wait),
    NativeDef::function("_process", "reply", reply),
    NativeDef::function("_process", "abandon", abandon),
    NativeDef::function("_process", "new_channel", new_channel),
    NativeDef::function("_process", "put", put),
    NativeDef::function("_process", "request_get", request_get),
    NativeDef::function("_process", "request_size", request_size),
    NativeDef::function("_process", "request_join", request_join),
    NativeDef::function("_process", "terminate", terminate),
    NativeDef::function("_process", "watch", watch),
    NativeDef::function("_process", "exit_code", exit_code),
    NativeDef::function("_process", "payload", payload),
    NativeDef::function("_process", "run_main_module", run_main_module),
    NativeDef::function("_process", "record_message", record_message),
];

/// Fills the `_process` module.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, dict, FUNCTIONS)?;
    super::add_functions(vm, dict, super::process_shared::FUNCTIONS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn paths_normalise_as_normpath_does() {
        use super::normalise;
        assert_eq!(normalise("/a/b/../../c/./d.py"), "/c/d.py");
        assert_eq!(normalise("a//b/../c.py"), "a/c.py");
        assert_eq!(normalise("../x.py"), "../x.py");
        assert_eq!(normalise("/../x.py"), "/x.py");
        assert_eq!(normalise("x.py"), "x.py");
    }
}
