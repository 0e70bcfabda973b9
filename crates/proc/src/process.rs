//! The worker's side of the message protocol.

use std::cell::Cell;
use threadline_core::cancel::CancelToken;
use threadline_core::clock::Clock;
use threadline_core::drive::{Lane, drive_task};
use threadline_core::io::IoPlan;
use threadline_core::protocol::{FromProcess, ToProcess, decode, encode};
use threadline_core::record::{Activity, Marker};
use threadline_core::run::TaskResult;
use threadline_core::task::TaskSpec;
use threadline_web::clock::BrowserClock;
use threadline_web::net::AwaitedIo;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// How often a computing process tells the page it is alive, ms.
const BEAT_EVERY_MS: f64 = 250.0;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &FromProcess) {
    // The page only loses this message if it already terminated the worker.
    let _ = scope().post_message(&JsValue::from_str(&encode(message)));
}

/// Posts each change of activity to the page at once, and a heartbeat now
/// and then while computing.
struct PostingMarker {
    last_beat_ms: Cell<f64>,
}

impl Marker for PostingMarker {
    fn clock(&self) -> &dyn Clock {
        &BrowserClock
    }

    fn mark_at(&self, at_ms: f64, _lane: u16, activity: Activity, task: Option<u32>) -> f64 {
        post(&FromProcess::Mark {
            at_ms,
            activity,
            task,
        });
        self.last_beat_ms.set(at_ms);
        at_ms
    }

    fn beat(&self) {
        let now = BrowserClock.now_ms();
        if now - self.last_beat_ms.get() >= BEAT_EVERY_MS {
            self.last_beat_ms.set(now);
            post(&FromProcess::Beat);
        }
    }
}

/// Installs the message handler and tells the page this process is up.
pub fn start() {
    // A panic aborts the process: tell the page why first.
    std::panic::set_hook(Box::new(|info| {
        post(&FromProcess::Panicked {
            message: threadline_web::panic::message(info),
        });
    }));
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
        let text = event.data().as_string().unwrap_or_default();
        match decode::<ToProcess>(&text) {
            Ok(ToProcess::Run { spec, io }) => wasm_bindgen_futures::spawn_local(run(spec, io)),
            Err(why) => web_sys::console::error_1(&why.into()),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the process.
    on_message.forget();
    post(&FromProcess::Ready {
        at_ms: BrowserClock.now_ms(),
    });
}

/// Runs one task. A process is never cancelled from inside: the page
/// terminates it, as a cancelled `ProcessPoolExecutor` would be shut down.
async fn run(spec: TaskSpec, plan: IoPlan) {
    let never = CancelToken::default();
    let marker = PostingMarker {
        last_beat_ms: Cell::new(BrowserClock.now_ms()),
    };
    let at = Lane {
        lane: 0,
        marker: &marker,
        cancel: &never,
        gil: None,
    };
    let mut io = AwaitedIo {
        plan,
        abort: None,
        turns: None,
    };
    // The result is serialised next: that is message time.
    let outcome = drive_task(spec, &at, Activity::Message, &mut io)
        .await
        .unwrap_or_else(|| Err("cancelled".into()));
    post(&FromProcess::Finished {
        result: TaskResult {
            index: spec.index,
            lane: 0,
            outcome,
        },
    });
}
