// The five execution models, for real, in Chromium: each runs every
// workload, and what its trace claims is what happened.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  withHostedApp, run, runFacts, trace, eventsOf, crossThreadOverlaps, traceWallMs, assertSameChecksum,
} from '../support/app.mjs';

const WORKLOADS = ['primes', 'mandelbrot', 'image-filter', 'download', 'pipeline'];
const app = withHostedApp();
let page;

before(async () => {
  page = await app.open();
});

for (const workload of WORKLOADS) {
  test(`${workload}: every mode runs, writes its facts, and agrees on the checksum`, async () => {
    const summaries = await run(page, { workload, tasks: 4, work: 1, workers: 2, latency: 40, modes: 'seq,threads,gil,procs,async' });
    assert.deepEqual(summaries.map((s) => s.mode), ['seq', 'threads', 'gil', 'procs', 'async']);
    for (const s of summaries) {
      assert.equal(s.status, 'ok', `${s.mode}: ${s.reason}`);
      assert.equal(s.tasksDone, 4, s.mode);
    }
    assertSameChecksum(summaries);
    await page.locator('#app[data-state=done]').waitFor();
    const facts = await runFacts(page);
    assert.deepEqual(facts.map((f) => f.mode), ['seq', 'threads', 'gil', 'procs', 'async']);
    for (const [i, f] of facts.entries()) {
      assert.equal(f.status, 'ok');
      assert.equal(f.tasksDone, '4');
      assert.equal(f.checksum, summaries[i].checksum);
      assert.ok(Number(f.lanes) >= 1);
      assert.ok(Math.abs(Number(f.wallMs) - summaries[i].wallMs) < 0.06);
      assert.ok(Number(f.speedup) > 0);
    }
    const t = await trace(page);
    for (const s of summaries) {
      const wall = traceWallMs(eventsOf(t, s.mode));
      assert.ok(Math.abs(wall - s.wallMs) < 3, `${s.mode}: trace ends at ${wall} ms, data-wall-ms ${s.wallMs}`);
      // The service worker controls the page before any run: nothing fell back to timers.
      assert.equal(s.simulatedIo, false, `${s.mode} downloaded through the service worker`);
    }
  });
}

test('threads compute on two threads at once; under the GIL they never do', async () => {
  const summaries = await run(page, { workload: 'primes', tasks: 4, work: 8, workers: 2, modes: 'threads,gil' });
  assert.ok(summaries.every((s) => s.status === 'ok'));
  const t = await trace(page);
  const threads = eventsOf(t, 'threads');
  const threadTids = new Set(threads.filter((e) => e.cat === 'cpu').map((e) => e.tid));
  assert.ok(threadTids.size >= 2, 'two threads computed');
  assert.ok(crossThreadOverlaps(threads, 'cpu') > 0, 'and at the same time');
  const gil = eventsOf(t, 'gil');
  assert.equal(crossThreadOverlaps(gil, 'cpu'), 0, 'under the GIL, never at the same time');
  assert.ok(gil.some((e) => e.cat === 'wait-gil'), 'threads waited for the GIL');
  // The holder track is recorded from the hand-overs, apart from the
  // threads' own intervals: every computing interval lies in a stretch
  // where the track says that thread held the GIL.
  const changes = gil.filter((e) => e.ph === 'C' && e.name === 'GIL holder').map((e) => [e.ts, e.args.worker]);
  changes.push([Infinity, 0]);
  const held = changes.slice(0, -1).map(([ts, worker], i) => ({ from: ts, to: changes[i + 1][0], worker })).filter((h) => h.worker > 0);
  assert.ok(held.length >= 2, 'the GIL changed hands');
  for (const e of gil.filter((e) => e.ph === 'X' && e.cat === 'cpu')) {
    const inside = held.some((h) => h.worker === e.tid && h.from <= e.ts + 0.001 && e.ts + e.dur <= h.to + 0.001);
    assert.ok(inside, `worker ${e.tid} computed at ${e.ts} µs without holding the GIL`);
  }
});

test('under the GIL, downloads still overlap', async () => {
  await run(page, { workload: 'download', tasks: 6, workers: 6, latency: 150, modes: 'gil' });
  const io = eventsOf(await trace(page), 'gil').filter((e) => e.cat === 'io');
  assert.equal(io.length, 6);
  assert.ok(crossThreadOverlaps(io.map((e) => ({ ...e, cat: 'io' })), 'io') >= 5);
});

test('async runs every task on one thread, as overlapping b/e pairs', async () => {
  await run(page, { workload: 'pipeline', tasks: 5, work: 1, latency: 100, modes: 'async' });
  const events = eventsOf(await trace(page), 'async').filter((e) => e.ph !== 'M');
  assert.equal(new Set(events.map((e) => `${e.pid}/${e.tid}`)).size, 1, 'one thread');
  const begins = events.filter((e) => e.ph === 'b' && e.cat === 'task');
  assert.deepEqual(begins.map((e) => e.id).sort(), [0, 1, 2, 3, 4]);
  const ends = events.filter((e) => e.ph === 'e' && e.cat === 'task');
  assert.equal(ends.length, 5);
  const io = events.filter((e) => e.ph === 'b' && e.cat === 'io');
  assert.equal(io.length, 5, 'every task awaited a download');
});

test('procs: one pid per process, each with spawn and message intervals', async () => {
  const [s] = await run(page, { workload: 'primes', tasks: 6, work: 2, workers: 3, modes: 'procs' });
  assert.equal(s.status, 'ok');
  const events = eventsOf(await trace(page), 'procs');
  const names = events.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => e.args.name);
  assert.ok(names.includes('process-1') && names.includes('process-3'));
  const pids = new Set(events.filter((e) => e.ph === 'X').map((e) => e.pid));
  assert.equal(pids.size, 3, 'one pid per process');
  // A process whose start came late on a busy machine may find every task
  // taken: it shows its spawn, then waits.
  let computed = 0;
  for (const pid of pids) {
    const cats = new Set(events.filter((e) => e.ph === 'X' && e.pid === pid).map((e) => e.cat));
    assert.ok(cats.has('spawn'), `pid ${pid}: ${[...cats]}`);
    if (cats.has('cpu')) {
      computed += 1;
      assert.ok(cats.has('message'), `pid ${pid} computed without a message: ${[...cats]}`);
    }
  }
  assert.ok(computed >= 1, 'some process computed');
});

test('15 downloads at 300 ms: seq takes them in turn, async overlaps them', async () => {
  const summaries = await run(page, { workload: 'download', tasks: 15, latency: 300, workers: 15, modes: 'seq,async' });
  const [seq, asyncio] = summaries;
  assert.ok(seq.wallMs >= 4500, `seq took ${seq.wallMs} ms`);
  assert.ok(asyncio.wallMs < 1000, `async took ${asyncio.wallMs} ms`);
  assert.equal(seq.checksum, asyncio.checksum);
  assert.equal(asyncio.completionOrder.length, 15);
});

test('a failed request fails its task and keeps the others', async () => {
  const summaries = await run(page, { workload: 'download', tasks: 5, latency: 20, workers: 2, fail: '1,3', modes: 'seq,threads,procs,async' });
  for (const s of summaries) {
    assert.equal(s.status, 'failed', s.mode);
    assert.equal(s.tasksDone, 3, s.mode);
    assert.match(s.reason, /task 1: HTTP 503/);
  }
  assertSameChecksum(summaries);
  const facts = await runFacts(page);
  assert.ok(facts.every((f) => f.status === 'failed' && f.tasksDone === '3'));
});

test('cancel stops every mode at once, and the next run works', async () => {
  const running = run(page, { workload: 'download', tasks: 40, latency: 3000, workers: 4, modes: 'threads,seq,async' });
  await page.locator('#app[data-state=running]').waitFor();
  await page.waitForTimeout(400);
  const started = Date.now();
  await page.getByTestId('cancel').click();
  const summaries = await running;
  assert.ok(Date.now() - started < 1500, `cancel took ${Date.now() - started} ms`);
  assert.deepEqual(summaries.map((s) => s.status), ['cancelled', 'cancelled', 'cancelled']);
  // Each of the four threads was waiting on a download when the cancel came,
  // and its wait ends when the cancel stopped it, not at the 3 s latency.
  const io = eventsOf(await trace(page), 'threads').filter((e) => e.ph === 'X' && e.cat === 'io');
  assert.equal(new Set(io.map((e) => e.tid)).size, 4);
  assert.ok(io.every((e) => e.dur < 2_500_000), 'no wait ran its full latency');
  const again = await run(page, { workload: 'primes', tasks: 2, work: 1, modes: 'seq,threads' });
  assert.deepEqual(again.map((s) => s.status), ['ok', 'ok']);
});

test('cancelling processes mid-task ends them at once', async () => {
  const running = run(page, { workload: 'primes', tasks: 8, work: 60, workers: 2, modes: 'procs' });
  await page.waitForTimeout(700);
  const started = Date.now();
  await page.evaluate(() => window.threadline.cancel());
  const [procs] = await running;
  assert.equal(procs.status, 'cancelled');
  assert.ok(Date.now() - started < 1000);
});
