// Measures what Threadline's issues hold it to, in headless Chromium on this
// machine, against the built dist/ served cross-origin isolated. Timing goals
// live here, not in the tests: machines are noisy, so each figure is the
// median of several runs.
import { gzipSync } from 'node:zlib';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDir } from '../tests/support/static-host.mjs';
import { launch } from '../tests/support/browser.mjs';

const DIST = new URL('../dist/', import.meta.url).pathname;
const OUT = new URL('../target/bench.json', import.meta.url).pathname;
const quick = process.argv.includes('--quick');
const repeat = (n) => (quick ? 1 : n);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (x, digits = 2) => (x == null ? '—' : x.toFixed(digits));

async function wasmSizes() {
  const sizes = [];
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.wasm')) {
        const bytes = await readFile(path);
        sizes.push({ file: path.slice(DIST.length), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
      }
    }
  }
  await walk(DIST);
  return sizes;
}

async function speedups(page, params, times) {
  const runs = [];
  for (let i = 0; i < times; i++) runs.push(await page.evaluate((p) => window.threadline.run(p), params));
  const modes = runs[0].map((s) => s.mode);
  return Object.fromEntries(modes.map((mode, i) => [mode, {
    wallMs: median(runs.map((r) => r[i].wallMs)),
    speedup: mode === 'seq' ? 1 : median(runs.map((r) => r[i].speedup)),
    status: runs.map((r) => r[i].status).join(','),
  }]));
}

async function recordingOverhead(page) {
  // The same runs with recording off and on, interleaved so that drift in
  // the machine's speed hits both alike.
  const params = { workload: 'primes', tasks: 8, work: 25, workers: 2, modes: 'seq,threads,gil' };
  const off = [];
  const on = [];
  for (let i = 0; i < repeat(4); i++) {
    const total = (summaries) => summaries.reduce((sum, s) => sum + s.wallMs, 0);
    off.push(total(await page.evaluate((p) => window.threadline.run({ ...p, record: false }), params)));
    on.push(total(await page.evaluate((p) => window.threadline.run(p), params)));
  }
  const marks = await page.evaluate(() => window.threadline.trace().traceEvents.length);
  return { offMs: median(off), onMs: median(on), overheadPct: (median(on) / median(off) - 1) * 100, traceEvents: marks };
}

async function frames(page) {
  // 16 threads under the GIL hand over every 5 ms: hundreds of intervals
  // per lane, drawn live, then replayed.
  const params = { workload: 'primes', tasks: quick ? 16 : 20, work: quick ? 30 : 100, workers: 16, modes: 'gil' };
  await page.evaluate(() => window.threadline.frameStats(true));
  await page.evaluate((p) => window.threadline.run(p), params);
  const live = await page.evaluate(() => window.threadline.frameStats(true));
  const perLane = await page.evaluate(() => {
    const events = window.threadline.trace().traceEvents.filter((e) => e.ph === 'X');
    const lanes = new Map();
    for (const e of events) lanes.set(e.tid, (lanes.get(e.tid) ?? 0) + 1);
    return { lanes: lanes.size, intervals: Math.min(...lanes.values()) };
  });
  await page.getByTestId('replay-speed').selectOption('1');
  await page.getByTestId('replay-play').click();
  await page.waitForTimeout(quick ? 2000 : 5000);
  const replay = await page.evaluate(() => window.threadline.frameStats(true));
  await page.getByTestId('replay-play').click();
  return { ...perLane, live, replay };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
};

// How long each holder kept the GIL, from the recorded hand-overs: two
// CPU-bound threads, as CPython's turns are measured.
async function gilTurns(page) {
  await page.evaluate(() => window.threadline.run({ workload: 'primes', tasks: 2, work: 60, workers: 2, modes: 'gil' }));
  const turns = await page.evaluate(() => {
    const changes = window.threadline.trace().traceEvents
      .filter((e) => e.ph === 'C' && e.name === 'GIL holder')
      .map((e) => [e.ts, e.args.worker]);
    const out = [];
    for (let i = 0; i + 1 < changes.length; i++) {
      if (changes[i][1] > 0) out.push((changes[i + 1][0] - changes[i][0]) / 1000);
    }
    return out;
  });
  // The first and last holds are a task's start and end, not a turn.
  const inner = turns.slice(1, -1);
  return { turns: inner.length, medianMs: median(inner), p90Ms: percentile(inner, 0.9) };
}

// How long a thread back from I/O waits for the GIL while another computes
// (the convoy effect): each wait-gil interval that follows an io interval
// on the same thread, in a download-then-filter batch on 2 threads.
async function ioWaits(page) {
  await page.evaluate(() => window.threadline.run({ workload: 'pipeline', tasks: 16, work: 6, latency: 15, workers: 2, modes: 'gil' }));
  const waits = await page.evaluate(() => {
    const byLane = new Map();
    for (const e of window.threadline.trace().traceEvents.filter((e) => e.ph === 'X')) {
      if (!byLane.has(e.tid)) byLane.set(e.tid, []);
      byLane.get(e.tid).push(e);
    }
    const out = [];
    for (const spans of byLane.values()) {
      spans.sort((a, b) => a.ts - b.ts);
      for (let i = 1; i < spans.length; i++) {
        if (spans[i].cat === 'wait-gil' && spans[i - 1].cat === 'io') out.push(spans[i].dur / 1000);
      }
    }
    return out;
  });
  return { waits: waits.length, medianMs: median(waits), p90Ms: percentile(waits, 0.9) };
}

// The app's memory after 10 and after 200 comparisons in one page.
async function memoryOverRuns(page) {
  const params = { workload: 'pipeline', tasks: 3, work: 1, latency: 0, modes: 'seq,threads,gil,procs,async' };
  const out = {};
  for (let i = 1; i <= 200; i++) {
    await page.evaluate((p) => window.threadline.run(p), { ...params, workers: 2 + (i % 3) });
    if (i === 10 || i === 200) out[`after${i}`] = { ...(await page.evaluate(() => window.threadline.memory())), workers: page.workers().length };
  }
  return out;
}

// From navigation to #app[data-state=ready], on a first visit (installing
// the service worker) and on later ones.
async function timeToReady(browser, url) {
  const load = async () => {
    const page = await browser.page();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.getElementById('app')?.dataset.state === 'ready') {
          window.readyAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    await page.goto(url);
    await page.waitForFunction(() => window.readyAt !== undefined, null, { timeout: 60_000 });
    const ms = await page.evaluate(() => window.readyAt);
    await page.close();
    return ms;
  };
  const first = await load();
  const later = [];
  for (let i = 0; i < repeat(5); i++) later.push(await load());
  return { firstMs: first, laterMedianMs: median(later) };
}

// The CPU-bound Python programs in the browser (the interpreter in a
// worker), beside their native times from tools/bench-python.sh.
async function pythonPrograms(page) {
  const dir = new URL('../tests/python/bench/', import.meta.url).pathname;
  const native = JSON.parse(await readFile(new URL('../target/bench-python.json', import.meta.url)).catch(() => '{"results": []}'));
  const out = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.py')).sort()) {
    const code = await readFile(join(dir, name), 'utf8');
    const times = [];
    for (let i = 0; i < repeat(3); i++) {
      const result = await page.evaluate((c) => window.threadline.runPython(c), code);
      if (result.exitCode !== 0) throw new Error(`${name} failed in the browser: ${result.stderr}`);
      times.push(result.wallMs);
    }
    const program = name.replace(/\.py$/, '');
    const row = native.results.find((r) => r.program === program) ?? {};
    out.push({ program, cpythonMs: row.cpython_ms, nativeMs: row.threadline_ms, browserMs: median(times) });
  }
  return out;
}

// What a Python program pays, in the browser, from `start()` to the first
// line of the thread's or the child process's target: threads started one
// after another (each reuses the last one's worker), eight at once (most
// wait for a new worker), and processes spawned one after another.
async function pythonStartCosts(page) {
  const threadsInTurn = `import threading, time
for i in range(9):
    ran = []
    t0 = time.perf_counter()
    t = threading.Thread(target=lambda: ran.append(time.perf_counter()))
    t.start(); t.join()
    print((ran[0] - t0) * 1000)
`;
  const threadsAtOnce = `import threading, time
starts, ran = {}, {}
def nap(i):
    ran[i] = time.perf_counter()
    time.sleep(0.3)
threads = [threading.Thread(target=nap, args=(i,)) for i in range(8)]
for i, t in enumerate(threads):
    starts[i] = time.perf_counter(); t.start()
for t in threads:
    t.join()
for i in range(8):
    print((ran[i] - starts[i]) * 1000)
`;
  const spawns = `import multiprocessing, time
def child(q):
    q.put(time.time())
if __name__ == "__main__":
    for i in range(5):
        q = multiprocessing.Queue()
        t0 = time.time()
        p = multiprocessing.Process(target=child, args=(q,))
        p.start()
        print((q.get() - t0) * 1000)
        p.join()
`;
  const costs = async (code) => {
    const result = await page.evaluate((c) => window.threadline.runPython(c, { build: 'gil' }), code);
    if (result.exitCode !== 0) throw new Error(`a start-cost program failed: ${result.stderr}`);
    // The first start of a run also waits for the run's warm workers.
    return result.stdout.trim().split('\n').map(Number).slice(1);
  };
  const summary = (ms) => ({ medianMs: median(ms), maxMs: Math.max(...ms) });
  return {
    threadInTurn: summary(await costs(threadsInTurn)),
    threadsAtOnce: summary(await costs(threadsAtOnce)),
    processSpawn: summary(await costs(spawns)),
  };
}

const results = { date: new Date().toISOString(), sizes: await wasmSizes() };
const host = await serveDir({ dir: DIST, isolationHeaders: true });
const browser = await launch();
try {
  results.ready = await timeToReady(browser, host.url);
  const page = await browser.page();
  await page.goto(host.url);
  await page.locator('#app[data-state=ready]').waitFor({ timeout: 60_000 });
  results.cpu = await speedups(page, { workload: 'primes', tasks: 8, work: 25, workers: 2, modes: 'seq,threads,gil,procs' }, repeat(5));
  results.io = await speedups(page, { workload: 'download', tasks: 15, latency: 300, workers: 15, modes: 'seq,threads,gil,procs,async' }, repeat(3));
  const async100 = [];
  for (let i = 0; i < repeat(7); i++) {
    const [s] = await page.evaluate(() => window.threadline.run({ workload: 'download', tasks: 100, latency: 200, modes: 'async' }));
    async100.push(s.wallMs);
  }
  results.async100 = { medianMs: median(async100), bestMs: Math.min(...async100), runs: async100 };
  results.recording = await recordingOverhead(page);
  results.gilTurns = await gilTurns(page);
  results.ioWaits = await ioWaits(page);
  results.memory = await memoryOverRuns(page);
  results.frames = await frames(page);
  results.python = await pythonPrograms(page);
  results.starts = await pythonStartCosts(page);
} finally {
  await browser.close();
  await host.close();
}

await mkdir(new URL('../target/', import.meta.url).pathname, { recursive: true });
await writeFile(OUT, JSON.stringify(results, null, 2));
const row = (name, x) => `| ${name} | ${fmt(x.wallMs, 0)} ms | ${fmt(x.speedup)}× |`;
console.log(`
## primes, 8 tasks, work 25, 2 workers (median of ${repeat(5)})
| mode | wall | speedup |
|---|---|---|
${Object.entries(results.cpu).map(([m, x]) => row(m, x)).join('\n')}

## download, 15 tasks at 300 ms, 15 workers (median of ${repeat(3)})
| mode | wall | speedup |
|---|---|---|
${Object.entries(results.io).map(([m, x]) => row(m, x)).join('\n')}

## async, 100 downloads at 200 ms (${repeat(7)} runs)
median ${fmt(results.async100.medianMs, 0)} ms, best ${fmt(results.async100.bestMs, 0)} ms

## the GIL (switch interval 5 ms)
- turns of two CPU-bound threads: median ${fmt(results.gilTurns.medianMs)} ms, p90 ${fmt(results.gilTurns.p90Ms)} ms (${results.gilTurns.turns} turns)
- a thread back from I/O beside a computing one waits: median ${fmt(results.ioWaits.medianMs)} ms, p90 ${fmt(results.ioWaits.p90Ms)} ms (${results.ioWaits.waits} waits)

## memory (5 modes per comparison)
after 10 runs ${JSON.stringify(results.memory.after10)}; after 200 runs ${JSON.stringify(results.memory.after200)}

## time to ready
first visit ${fmt(results.ready.firstMs, 0)} ms; later visits median ${fmt(results.ready.laterMedianMs, 0)} ms

## recording overhead (seq + threads + gil, primes 8×25, median of ${repeat(4)} pairs)
off ${fmt(results.recording.offMs, 0)} ms, on ${fmt(results.recording.onMs, 0)} ms: ${fmt(results.recording.overheadPct, 1)} %

## timeline frames, ${results.frames.lanes} lanes × ≥${results.frames.intervals} intervals
| phase | frames | draw p50 | draw p95 | interval p50 | interval p95 |
|---|---|---|---|---|---|
| live run | ${results.frames.live.frames} | ${fmt(results.frames.live.workP50Ms)} ms | ${fmt(results.frames.live.workP95Ms)} ms | ${fmt(results.frames.live.intervalP50Ms, 1)} ms | ${fmt(results.frames.live.intervalP95Ms, 1)} ms |
| replay 1× | ${results.frames.replay.frames} | ${fmt(results.frames.replay.workP50Ms)} ms | ${fmt(results.frames.replay.workP95Ms)} ms | ${fmt(results.frames.replay.intervalP50Ms, 1)} ms | ${fmt(results.frames.replay.intervalP95Ms, 1)} ms |

## Threadline Python against CPython (median of ${repeat(3)} runs each)
| program | CPython | native | ratio | browser | ratio |
|---|---|---|---|---|---|
${results.python.map((p) => `| ${p.program} | ${fmt(p.cpythonMs, 0)} ms | ${fmt(p.nativeMs, 0)} ms | ${p.cpythonMs ? fmt(p.nativeMs / p.cpythonMs) : '—'}× | ${fmt(p.browserMs, 0)} ms | ${p.cpythonMs ? fmt(p.browserMs / p.cpythonMs) : '—'}× |`).join('\n')}

## starting Python threads and processes in the browser (gil build; CPython: a thread 0.1 ms, a process 40–80 ms)
- a thread started after the last one ended: median ${fmt(results.starts.threadInTurn.medianMs)} ms, max ${fmt(results.starts.threadInTurn.maxMs)} ms
- eight threads started at once: median ${fmt(results.starts.threadsAtOnce.medianMs)} ms, max ${fmt(results.starts.threadsAtOnce.maxMs)} ms
- a process spawned (to its target's first line): median ${fmt(results.starts.processSpawn.medianMs, 0)} ms, max ${fmt(results.starts.processSpawn.maxMs, 0)} ms

## wasm sizes
| file | bytes | gzip -9 |
|---|---|---|
${results.sizes.map((s) => `| ${s.file} | ${s.bytes} | ${s.gzip} |`).join('\n')}

(all figures also in target/bench.json)`);
