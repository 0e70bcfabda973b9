//! The event loop's figures, measured (not asserted): a hundred 200 ms downloads gathered (about
//! 200 ms, never a hundred times anything), and the cost of one task switch, with and without
//! recording, in each build. Run with
//! `cargo test --release -p threadline-python --test asyncio_bench -- --ignored --nocapture`.

mod support;

use support::{BUILDS, CaptureHost};
use threadline_python::host::Stream;
use threadline_python::{Interpreter, Options, Outcome};

const DOWNLOADS: &str = r#"import asyncio, time, aiohttp
async def get(session, i):
    async with session.get(f"io/resource/{i}?latency=200") as response:
        return len(await response.read())
async def main():
    async with aiohttp.ClientSession() as session:
        start = time.perf_counter()
        await asyncio.gather(*(get(session, i) for i in range(100)))
        print(round((time.perf_counter() - start) * 1000, 1))
asyncio.run(main())
"#;

const SWITCHES: &str = r#"import asyncio, time
async def spin(n):
    for _ in range(n):
        await asyncio.sleep(0)
async def main():
    n = 50000
    start = time.perf_counter()
    await asyncio.gather(*(spin(n // 10) for _ in range(10)))
    print(round((time.perf_counter() - start) / n * 1e6, 2))
asyncio.run(main())
"#;

fn measure(source: &str, options: Options) -> String {
    let host = CaptureHost::new();
    let interpreter = Interpreter::new(host.clone(), options);
    let outcome = interpreter.run_main(source, "bench.py");
    assert_eq!(outcome, Outcome::Finished, "{}", host.text(Stream::Stderr));
    host.text(Stream::Stdout).trim().to_string()
}

#[test]
#[ignore = "a benchmark: run it in release, on a quiet machine"]
fn event_loop_figures() {
    for (name, build) in BUILDS {
        let options = |trace| Options {
            build,
            trace,
            ..Options::default()
        };
        let downloads = measure(DOWNLOADS, options(false));
        let switch = measure(SWITCHES, options(false));
        let recorded = measure(SWITCHES, options(true));
        println!(
            "{name}: 100 x 200 ms downloads gathered in {downloads} ms; a task switch {switch} µs ({recorded} µs recorded)"
        );
    }
}
