//! The network contract as a browser host meets it: `one-core` driven by `Program::step` on
//! one thread, `Host::fetch` only keeping the request, and the driver delivering each answer
//! between two steps (as the browser's worker does when `fetch()` resolves), on a virtual
//! clock so that times are exact. Also: what a host without a network answers, what a
//! download records, and a run cancelled while a thread waits on the network.

mod support;

use std::sync::Arc;
use support::CaptureHost;
use threadline_core::record::{Activity, LaneKind};
use threadline_python::host::{CancelFlag, Host, MemoryHost, Stream, Wait, WaitOutcome};
use threadline_python::net::{FetchCompletion, FetchRequest, lab_reply};
use threadline_python::vm::Build;
use threadline_python::{Interpreter, Options, Outcome, Program, Step};

/// A host whose `fetch` only keeps the request, as a browser host that calls `fetch()` does;
/// the driver delivers the answers.
#[derive(Default)]
struct DeferredNetHost {
    clock: MemoryHost,
    pending: parking_lot::Mutex<Vec<(FetchRequest, FetchCompletion)>>,
}

impl DeferredNetHost {
    /// When the earliest request in flight is answered.
    fn earliest_due(&self) -> Option<f64> {
        let pending = self.pending.lock();
        pending
            .iter()
            .map(|(request, _)| request.sent_ms + request.latency_ms)
            .reduce(f64::min)
    }

    /// Delivers every answer due by now; how many.
    fn deliver_due(&self) -> usize {
        let now = self.clock.now_ms();
        let due: Vec<_> = {
            let mut pending = self.pending.lock();
            let (due, later) = std::mem::take(&mut *pending)
                .into_iter()
                .partition(|(request, _)| request.sent_ms + request.latency_ms <= now);
            *pending = later;
            due
        };
        let count = due.len();
        for (request, done) in due {
            done.complete(Ok(lab_reply(&request)));
        }
        count
    }

    /// Moves the clock on to `ms` (never back).
    fn advance_to(&self, ms: f64) {
        let now = self.clock.now_ms();
        if ms > now {
            self.clock.advance(ms - now);
        }
    }
}

impl Host for DeferredNetHost {
    fn now_ms(&self) -> f64 {
        self.clock.now_ms()
    }
    fn unix_time_s(&self) -> f64 {
        self.clock.unix_time_s()
    }
    fn write(&self, stream: Stream, text: &str) {
        self.clock.write(stream, text);
    }
    fn wait(&self, wait: &Wait, cancel: &CancelFlag) -> WaitOutcome {
        self.clock.wait(wait, cancel)
    }
    fn fetch(&self, request: FetchRequest, done: FetchCompletion) {
        self.pending.lock().push((request, done));
    }
}

/// Drives `source` as the browser's one-core worker does; its stdout, and how many times the
/// driver delivered answers.
fn drive_like_a_browser(source: &str) -> (String, usize) {
    let host = Arc::new(DeferredNetHost::default());
    let options = Options {
        build: Build::OneCore,
        ..Options::default()
    };
    let interpreter = Interpreter::new(host.clone(), options);
    let Ok(mut program) = Program::start(&interpreter, source, "net.py") else {
        panic!("the program did not compile");
    };
    let mut deliveries = 0;
    let outcome = loop {
        match program.step(100_000) {
            Step::Running => {}
            Step::Idle { until_ms } => match host.earliest_due() {
                Some(due) if due <= until_ms => {
                    host.advance_to(due);
                    deliveries += usize::from(host.deliver_due() > 0);
                }
                _ => host.advance_to(until_ms),
            },
            Step::WaitingOutside => {
                let due = host.earliest_due().expect("a request in flight");
                host.advance_to(due);
                deliveries += usize::from(host.deliver_due() > 0);
            }
            Step::Finished(outcome) => break outcome,
        }
    };
    let stderr = host.clock.text(Stream::Stderr);
    assert_eq!(outcome, Outcome::Finished, "{stderr}");
    (host.clock.text(Stream::Stdout), deliveries)
}

#[test]
fn answers_delivered_between_steps_reach_the_event_loop() {
    let source = r#"import asyncio, time, aiohttp
async def get(session, i):
    async with session.get(f"io/resource/{i}?latency=200") as response:
        return len(await response.read())
async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        sizes = await asyncio.gather(*(get(session, i) for i in range(100)))
        late = asyncio.create_task(get(session, 1000))
        await asyncio.sleep(0.05)
    print(set(sizes), round(time.perf_counter() - start, 3), late.done())
    print(await late)
asyncio.run(main())
"#;
    let (stdout, deliveries) = drive_like_a_browser(source);
    assert_eq!(stdout, "{4096} 0.25 False\n4096\n");
    assert_eq!(
        deliveries, 2,
        "one delivery for the hundred, one for the late one"
    );
}

#[test]
fn answers_delivered_between_steps_reach_blocked_threads() {
    let source = r#"import threading, time, requests
sizes = []
def download(i):
    sizes.append(len(requests.get(f"io/resource/{i}?latency=300").content))
start = time.perf_counter()
threads = [threading.Thread(target=download, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sizes, round(time.perf_counter() - start, 3))
"#;
    let (stdout, _) = drive_like_a_browser(source);
    assert_eq!(stdout, "[4096, 4096, 4096, 4096] 0.3\n");
}

#[test]
fn a_host_without_a_network_refuses_with_the_library_exception() {
    let source = r#"import requests
try:
    requests.get("io/resource/1")
except requests.ConnectionError as err:
    print("no network" in str(err))
try:
    requests.get("https://example.com/")
except requests.ConnectionError as err:
    print("io/resource/<i>" in str(err))
"#;
    let host = MemoryHost::new();
    let interpreter = Interpreter::new(host.clone(), Options::default());
    assert_eq!(interpreter.run_main(source, "net.py"), Outcome::Finished);
    assert_eq!(host.text(Stream::Stdout), "True\nTrue\n");
}

#[test]
fn a_download_is_recorded_as_io_noted_with_its_url() {
    let source = r#"import asyncio, threading, requests, aiohttp
def blocking():
    requests.get("io/resource/1?latency=30")
async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("io/resource/2?latency=30") as response:
            await response.read()
thread = threading.Thread(target=blocking)
thread.start()
asyncio.run(main())
thread.join()
"#;
    for (name, build) in support::BUILDS {
        let host = CaptureHost::new();
        let options = Options {
            build,
            trace: true,
            ..Options::default()
        };
        let interpreter = Interpreter::new(host.clone(), options);
        let Ok(mut program) = Program::start(&interpreter, source, "net.py") else {
            panic!("the program did not compile");
        };
        assert_eq!(program.run_to_end(), Outcome::Finished, "{name}");
        let record = program.record();
        let io_notes = |wanted: &dyn Fn(&LaneKind) -> bool| {
            let lanes: Vec<u16> = record
                .lanes
                .iter()
                .filter(|lane| wanted(&lane.kind))
                .map(|lane| lane.lane)
                .collect();
            record
                .spans()
                .into_iter()
                .filter(|span| span.activity == Activity::Io && lanes.contains(&span.lane))
                .filter_map(|span| record.note(span.note).map(str::to_string))
                .collect::<Vec<String>>()
        };
        let task_io = io_notes(&|kind| matches!(kind, LaneKind::Task { .. }));
        assert_eq!(task_io, ["io/resource/2?latency=30"], "{name}");
        let thread_io = io_notes(&|kind| *kind == LaneKind::Thread);
        assert!(
            thread_io.contains(&"io/resource/1?latency=30".to_string()),
            "{name}: {thread_io:?}"
        );
    }
}

#[test]
fn a_cancel_stops_a_thread_waiting_on_the_network() {
    let source = r#"import requests
requests.get("io/resource/1?latency=10000")
print("not reached")
"#;
    for (name, build) in support::BUILDS {
        let host = CaptureHost::new();
        let options = Options {
            build,
            ..Options::default()
        };
        let interpreter = Interpreter::new(host.clone(), options);
        let cancel = interpreter.cancel_flag();
        let Ok(mut program) = Program::start(&interpreter, source, "net.py") else {
            panic!("the program did not compile");
        };
        let canceller = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(100));
            cancel.cancel();
        });
        let started = host.now_ms();
        let outcome = program.run_to_end();
        let took = host.now_ms() - started;
        let _ = canceller.join();
        assert!(matches!(outcome, Outcome::Halted(_)), "{name}: {outcome:?}");
        assert!(took < 2000.0, "{name}: the cancel took {took} ms");
        assert!(!host.text(Stream::Stdout).contains("not reached"), "{name}");
    }
}
