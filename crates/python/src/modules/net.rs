//! `_net`: the native core of `requests`, `urllib.request` and `aiohttp`
//! (`py/requests.py`, `py/urllib_request.py`, `py/aiohttp.py`): a request
//! started through the host ([`crate::host::Host::fetch`]), waited for by a
//! blocking thread (`_wait`: the thread blocks on its own signal and lets go
//! of the GIL, recorded as I/O noted with the URL) or by an event loop (the
//! completion also raises the loop's selector, and the loop polls
//! `_result`).

use super::asyncio_core::selector_of;
use crate::net::{FetchCompletion, FetchError, FetchOutcome, FetchRequest, parse_lab_url};
use crate::objects::builtin_types::make;
use crate::objects::types::Layout;
use crate::objects::{Args, NativeDef, ObjRef, Object, Opaque, PyErr, PyResult, Value, types};
use crate::sched::{Signal, WaitOn, WaitSpec};
use crate::vm::Vm;
use std::sync::{Arc, Mutex, OnceLock};

/// A request in flight.
struct Request {
    outcome: Arc<Mutex<Option<FetchOutcome>>>,
    /// Raised when the outcome is in; what a blocking caller waits on.
    signal: Arc<Signal>,
}

fn request_class() -> &'static ObjRef {
    static CLASS: OnceLock<ObjRef> = OnceLock::new();
    CLASS.get_or_init(|| {
        make(
            "_net.Request",
            &[&types().object],
            Layout::Native,
            &[],
            None,
        )
    })
}

fn request_of(value: &Value) -> PyResult<&Request> {
    match value.as_obj().map(|o| &**o) {
        Some(Object::Opaque(opaque)) => opaque
            .data
            .downcast_ref::<Request>()
            .ok_or_else(|| PyErr::type_error("not a network request")),
        _ => Err(PyErr::type_error("not a network request")),
    }
}

/// `_start(url, selector)`: starts fetching `url`; its completion also
/// raises `selector` (an event loop's) unless that is `None`. A URL the lab
/// does not serve is refused at once.
fn start(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_start", 2, 2)?;
    let url = vm.str(&a[0])?;
    let selector = match &a[1] {
        Value::None => None,
        value => Some(selector_of(value)?),
    };
    let outcome = Arc::new(Mutex::new(None));
    let signal = Arc::new(Signal::new(&url, true));
    let sched = Arc::downgrade(&vm.interp.sched);
    let (own, slot) = (signal.clone(), outcome.clone());
    let done = FetchCompletion {
        slot,
        wake: Box::new(move || {
            if let Some(sched) = sched.upgrade() {
                sched.raise_signal(&own);
                if let Some(selector) = &selector {
                    sched.raise_signal(selector);
                }
            }
        }),
    };
    match parse_lab_url(&url) {
        Ok((resource, latency_ms, fail)) => {
            let request = FetchRequest {
                url,
                resource,
                latency_ms,
                fail,
                sent_ms: vm.interp.host.now_ms(),
            };
            vm.interp.host.fetch(request, done);
        }
        Err(reason) => done.complete(Err(FetchError::Refused(reason))),
    }
    Ok(Value::obj(Object::Opaque(Opaque {
        class: request_class().clone(),
        data: Box::new(Request { outcome, signal }),
    })))
}

fn is_done(request: &Request) -> bool {
    request.outcome.lock().map_or(true, |slot| slot.is_some())
}

/// `_wait(request, timeout)`: blocks the calling thread until the answer is
/// in (`True`) or `timeout` seconds pass (`False`; `None`: no limit).
fn wait(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_wait", 2, 2)?;
    let request = request_of(&a[0])?;
    if is_done(request) {
        return Ok(Value::Bool(true));
    }
    let deadline = match &a[1] {
        Value::None => None,
        value => {
            let seconds = crate::objects::float::as_float(value)
                .ok_or_else(|| PyErr::type_error("timeout must be a number"))??;
            Some(vm.interp.host.now_ms() + seconds.max(0.0) * 1000.0)
        }
    };
    let signal = request.signal.clone();
    vm.block(WaitSpec::new(WaitOn::Signal(signal), deadline))
}

/// `_result(request)`: `None` while in flight; then `(status, reason,
/// headers, body)`, or `(None, kind, None, message)` with kind `refused`
/// or `failed`.
fn result(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_result", 1, 1)?;
    let request = request_of(&a[0])?;
    let outcome = match request.outcome.lock() {
        Ok(slot) => slot.clone(),
        Err(_) => Some(Err(FetchError::Failed("the request was lost".into()))),
    };
    Ok(match outcome {
        None => Value::None,
        Some(Ok(reply)) => {
            let headers = reply
                .headers
                .iter()
                .map(|(name, value)| Value::tuple(vec![Value::str(name), Value::str(value)]))
                .collect();
            Value::tuple(vec![
                Value::Int(i64::from(reply.status)),
                Value::string(reply.reason),
                Value::list(headers)?,
                Value::obj(Object::Bytes(reply.body.into_boxed_slice())),
            ])
        }
        Some(Err(error)) => {
            let (kind, message) = match error {
                FetchError::Refused(message) => ("refused", message),
                FetchError::Failed(message) => ("failed", message),
            };
            Value::tuple(vec![
                Value::None,
                Value::str(kind),
                Value::None,
                Value::string(message),
            ])
        }
    })
}

static FUNCTIONS: &[NativeDef] = &[
    NativeDef::function("_net", "_start", start),
    NativeDef::function("_net", "_wait", wait),
    NativeDef::function("_net", "_result", result),
];

/// Fills the `_net` module.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, dict, FUNCTIONS)
}
