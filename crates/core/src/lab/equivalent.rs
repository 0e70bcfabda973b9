//! The Python program a mode of the comparison stands for, at the current
//! settings: what each card shows, and what "Open in the lab" runs.
//!
//! The tasks are the comparison's, written in Python and sized down (a
//! Python loop is about a hundred times slower than the compiled one), so a
//! unit of `work` takes about as long in the lab as on the comparison.

use super::Build;
use crate::mode::Mode;
use crate::params::Params;
use crate::workload::Workload;
use crate::workload::primes::NUMBERS_PER_UNIT;

/// How much smaller a Python task is than the comparison's.
const SIZED_DOWN: u64 = 100;

/// The build a mode's program runs on in the lab.
pub fn build_for(mode: Mode) -> Build {
    match mode {
        Mode::Threads => Build::FreeThreaded,
        _ => Build::Gil,
    }
}

/// The function one task runs, for `workload` (`task(i)`; a coroutine for
/// the network under asyncio).
fn task_source(workload: Workload, work: u32, latency_ms: u32, mode: Mode) -> String {
    let numbers = u64::from(work) * NUMBERS_PER_UNIT / SIZED_DOWN;
    let url = format!("f\"io/resource/{{i}}?latency={latency_ms}\"");
    let compute = match workload {
        Workload::Primes => format!(
            "def is_prime(n):\n    if n < 4:\n        return n >= 2\n    if n % 2 == 0 or n % 3 == 0:\n        return False\n    d = 5\n    while d * d <= n:\n        if n % d == 0 or n % (d + 2) == 0:\n            return False\n        d += 6\n    return True\n\n\ndef compute(i):\n    first = 20_000_000 + i * {numbers}\n    return sum(1 for n in range(first, first + {numbers}) if is_prime(n))\n"
        ),
        Workload::Mandelbrot => format!(
            "def compute(i):\n    # One row of tiles across the set; tile i, {side}×{side} points.\n    side = {side}\n    escaped = 0\n    for py in range(side):\n        for px in range(side):\n            c = complex(-2.2 + 3.0 * (i * side + px) / (side * 8), -1.25 + 2.5 * py / side)\n            z = 0j\n            for _ in range(200):\n                z = z * z + c\n                if abs(z) > 2.0:\n                    escaped += 1\n                    break\n    return escaped\n",
            side = 6 + 2 * work.min(20)
        ),
        Workload::ImageFilter | Workload::Download | Workload::Pipeline => format!(
            "def blur(pixels, side):\n    # A 3×3 box blur: each pixel the mean of its neighbours.\n    out = []\n    for y in range(side):\n        for x in range(side):\n            near = [pixels[(yy % side) * side + (xx % side)]\n                    for yy in (y - 1, y, y + 1) for xx in (x - 1, x, x + 1)]\n            out.append(sum(near) // 9)\n    return out\n\n\ndef compute(i, data=None):\n    side = {side}\n    pixels = list(data[: side * side]) if data else [(i * 31 + k * 7) % 256 for k in range(side * side)]\n    pixels += [0] * (side * side - len(pixels))\n    return sum(blur(pixels, side))\n",
            side = 12 + 4 * work.min(25)
        ),
    };
    let fetch_sync = format!(
        "def download(i):\n    response = requests.get({url})\n    response.raise_for_status()\n    return response.content\n"
    );
    let fetch_async = format!(
        "async def download(session, i):\n    async with session.get({url}) as response:\n        response.raise_for_status()\n        return await response.read()\n"
    );
    let body = match (workload, mode) {
        (Workload::Download, Mode::Async) => {
            "async def task(session, i):\n    return len(await download(session, i))\n"
        }
        (Workload::Pipeline, Mode::Async) => {
            "async def task(session, i):\n    return compute(i, await download(session, i))\n"
        }
        (Workload::Download, _) => "def task(i):\n    return len(download(i))\n",
        (Workload::Pipeline, _) => "def task(i):\n    return compute(i, download(i))\n",
        (_, Mode::Async) => {
            "async def task(i):\n    # No await inside: each task holds the loop until it is done.\n    return compute(i)\n"
        }
        _ => "def task(i):\n    return compute(i)\n",
    };
    let mut out = String::new();
    if workload != Workload::Download {
        out.push_str(&compute);
        out.push_str("\n\n");
    }
    if workload.does_io() {
        out.push_str(if mode == Mode::Async {
            &fetch_async
        } else {
            &fetch_sync
        });
        out.push_str("\n\n");
    }
    out.push_str(body);
    out
}

/// How the tasks are run in `mode`.
fn runner(mode: Mode, workload: Workload, tasks: u32, workers: &str) -> String {
    let report = "    print(f\"{len(results)} tasks, total {sum(results)}, in {time.perf_counter() - start:.2f} s\")\n";
    match mode {
        Mode::Seq => format!(
            "def main():\n    start = time.perf_counter()\n    results = [task(i) for i in range({tasks})]\n{report}\n\nmain()\n"
        ),
        Mode::Threads | Mode::Gil => format!(
            "def main():\n    start = time.perf_counter()\n    with ThreadPoolExecutor(max_workers={workers}) as pool:\n        results = list(pool.map(task, range({tasks})))\n{report}\n\nmain()\n"
        ),
        Mode::Procs => format!(
            "def main():\n    start = time.perf_counter()\n    with ProcessPoolExecutor(max_workers={workers}) as pool:\n        results = list(pool.map(task, range({tasks})))\n{report}\n\nif __name__ == \"__main__\":\n    main()\n"
        ),
        Mode::Async if workload.does_io() => format!(
            "async def main():\n    start = time.perf_counter()\n    async with aiohttp.ClientSession() as session:\n        results = await asyncio.gather(*(task(session, i) for i in range({tasks})))\n{report}\n\nasyncio.run(main())\n"
        ),
        Mode::Async => format!(
            "async def main():\n    start = time.perf_counter()\n    results = await asyncio.gather(*(task(i) for i in range({tasks})))\n{report}\n\nasyncio.run(main())\n"
        ),
    }
}

/// The imports `mode` and `workload` need.
fn imports(mode: Mode, workload: Workload) -> String {
    let mut lines = Vec::new();
    if mode == Mode::Async {
        lines.push("import asyncio");
    }
    if matches!(mode, Mode::Threads | Mode::Gil | Mode::Procs) {
        lines.push("import os");
    }
    lines.push("import time");
    match mode {
        Mode::Threads | Mode::Gil => {
            lines.push("from concurrent.futures import ThreadPoolExecutor");
        }
        Mode::Procs => lines.push("from concurrent.futures import ProcessPoolExecutor"),
        _ => {}
    }
    if workload.does_io() {
        lines.push(if mode == Mode::Async {
            "\nimport aiohttp"
        } else {
            "\nimport requests"
        });
    }
    lines.join("\n") + "\n"
}

/// The Python program `mode` stands for under `params`.
pub fn program_for(mode: Mode, params: &Params) -> String {
    let workers = params
        .workers
        .map_or_else(|| "os.cpu_count()".to_string(), |n| n.to_string());
    let title = match mode {
        Mode::Seq => "one after another on the main thread",
        Mode::Threads => "on a pool of threads, free-threaded",
        Mode::Gil => "on a pool of threads under the GIL",
        Mode::Procs => "on a pool of processes",
        Mode::Async => "as asyncio tasks on one thread's event loop",
    };
    format!(
        "# {tasks} `{workload}` tasks {title}: the comparison's `{mode}` mode as Python.\n# Each task is sized down about {SIZED_DOWN}× from the comparison's: Python runs slower.\n{imports}\n\n{task}\n\n{runner}",
        tasks = params.tasks,
        workload = params.workload.id(),
        mode = mode.id(),
        imports = imports(mode, params.workload),
        task = task_source(params.workload, params.work, params.latency_ms, mode),
        runner = runner(mode, params.workload, params.tasks, &workers),
    )
}

#[cfg(test)]
mod tests;
