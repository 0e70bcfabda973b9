//! The worker's side of the message protocol.

use threadline_core::cancel::CancelToken;
use threadline_core::clock::Clock;
use threadline_core::io::IoPlan;
use threadline_core::model::{Driven, TaskResult, drive_cpu};
use threadline_core::protocol::{FromProcess, ToProcess, decode, encode};
use threadline_core::record::{Activity, Marker};
use threadline_core::task::{Task, TaskSpec};
use threadline_web::clock::BrowserClock;
use threadline_web::{net, timer};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &FromProcess) {
    // The page only loses this message if it already terminated the worker.
    let _ = scope().post_message(&JsValue::from_str(&encode(message)));
}

/// Posts each change of activity to the page at once.
struct PostingMarker;

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
        at_ms
    }
}

/// Installs the message handler and tells the page this process is up.
pub fn start() {
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

/// Fetches a resource: the page's service worker answers (this worker is
/// its client too), or a timer stands in when the page has none.
async fn fetch(plan: &IoPlan, index: u32) -> Result<Vec<u8>, String> {
    if plan.simulated {
        timer::sleep(f64::from(plan.latency_ms), None).await;
        return plan.simulated_response(index);
    }
    net::fetch_bytes(&plan.url(index, BrowserClock.now_ms()), None).await
}

/// Runs one task. A process is never cancelled from inside: the page
/// terminates it, as a cancelled `ProcessPoolExecutor` would be shut down.
async fn run(spec: TaskSpec, io: IoPlan) {
    let never = CancelToken::default();
    let mut task = Task::new(spec);
    let outcome = loop {
        // The result is serialised next: that is message time.
        match drive_cpu(
            &mut task,
            0,
            &PostingMarker,
            &never,
            None,
            Activity::Message,
        ) {
            Driven::NeedsResource(index) => task.deliver(fetch(&io, index).await),
            Driven::Finished(output) => break Ok(output),
            Driven::Failed(why) => break Err(why),
            Driven::Cancelled => break Err("cancelled".into()),
        }
    };
    post(&FromProcess::Finished {
        result: TaskResult {
            index: spec.index,
            lane: 0,
            outcome,
        },
    });
}
