// The comparison in Firefox: isolated and not, every mode with the claims
// its trace makes, the bare cross-origin embed and its messages, cancel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withFirefox, run, runFacts } from '../support/firefox.mjs';
import { eventsOf, crossThreadOverlaps, traceWallMs, assertSameChecksum } from '../support/trace.mjs';

const firefox = withFirefox();
const EVERY_MODE = 'seq,threads,gil,procs,async';

test('isolated: every mode runs, its trace keeps its claims, downloads go through the service worker', async () => {
  const page = await firefox.open();
  const facts = await page.evaluate(() => window.threadline.state());
  assert.deepEqual([facts.isolated, facts.threads], [true, true]);
  const summaries = await run(page, { workload: 'pipeline', tasks: 4, work: 3, workers: 2, latency: 40, modes: EVERY_MODE });
  assert.deepEqual(summaries.map((s) => [s.mode, s.status]), EVERY_MODE.split(',').map((m) => [m, 'ok']));
  assertSameChecksum(summaries);
  assert.ok(summaries.every((s) => s.simulatedIo === false), 'a real service worker answered');
  const trace = await page.evaluate(() => window.threadline.trace());
  for (const s of summaries) {
    const wall = traceWallMs(eventsOf(trace, s.mode));
    assert.ok(Math.abs(wall - s.wallMs) < 3, `${s.mode}: trace ends at ${wall} ms, wall ${s.wallMs}`);
  }
  assert.equal(crossThreadOverlaps(eventsOf(trace, 'gil'), 'cpu'), 0, 'under the GIL, one thread computes at a time');
  const asyncEvents = eventsOf(trace, 'async').filter((e) => e.ph !== 'M');
  assert.equal(new Set(asyncEvents.map((e) => `${e.pid}/${e.tid}`)).size, 1, 'async runs on one thread');
  const cards = await runFacts(page);
  assert.deepEqual(cards.map((c) => c.status), ['ok', 'ok', 'ok', 'ok', 'ok']);
  await page.close();
});

test('isolated: two threads compute at once on CPU work, and under the GIL they take turns', async () => {
  const page = await firefox.open();
  await run(page, { workload: 'primes', tasks: 4, work: 8, workers: 2, modes: 'threads,gil' });
  const trace = await page.evaluate(() => window.threadline.trace());
  assert.ok(crossThreadOverlaps(eventsOf(trace, 'threads'), 'cpu') > 0, 'threads overlap');
  const gil = eventsOf(trace, 'gil');
  assert.equal(crossThreadOverlaps(gil, 'cpu'), 0);
  assert.ok(gil.some((e) => e.ph === 'i' && e.name === 'drop request'), 'waiters asked for the GIL');
  await page.close();
});

test('not isolated: threads and gil are unavailable and say why; the rest runs', async () => {
  const page = await firefox.open({ isolated: false });
  const facts = await page.evaluate(() => window.threadline.state());
  assert.deepEqual([facts.isolated, facts.threads], [false, false]);
  const summaries = await run(page, { workload: 'download', tasks: 3, latency: 30, modes: EVERY_MODE });
  const status = Object.fromEntries(summaries.map((s) => [s.mode, s.status]));
  assert.deepEqual(status, { seq: 'ok', threads: 'unavailable', gil: 'unavailable', procs: 'ok', async: 'ok' });
  assert.match(summaries[1].reason, /not cross-origin isolated/);
  await page.close();
});

test('a bare cross-origin embed runs what it can, hears run messages and reports resize and done', async () => {
  const embedded = await firefox.embed({ query: 'embed=1&tasks=3&work=1' });
  const { page, frame } = embedded;
  try {
    const facts = await frame.evaluate(() => window.threadline.state());
    assert.equal(facts.threads, false, 'Firefox cannot isolate an iframe of a page that is not isolated');
    await page.waitForFunction(() => window.heard.some((m) => m.type === 'threadline:resize' && m.height > 100));
    await page.evaluate(() => document.getElementById('embed').contentWindow.postMessage(
      { type: 'threadline:run', params: { workload: 'primes', modes: 'seq,threads,procs,async' } }, '*'));
    await page.waitForFunction(() => window.heard.some((m) => m.type === 'threadline:done'), { timeout: 60_000 });
    const done = await page.evaluate(() => window.heard.find((m) => m.type === 'threadline:done'));
    const status = Object.fromEntries(done.summaries.map((s) => [s.mode, s.status]));
    assert.deepEqual(status, { seq: 'ok', threads: 'unavailable', procs: 'ok', async: 'ok' });
  } finally {
    await page.close();
    await embedded.close();
  }
});

test('cancel stops a run mid-way, and the next run works', async () => {
  const page = await firefox.open();
  const running = run(page, { workload: 'download', tasks: 40, latency: 3000, workers: 4, modes: 'threads,async,procs' });
  await page.waitForSelector('#app[data-state=running]');
  await new Promise((done) => setTimeout(done, 500));
  const started = Date.now();
  await page.click('[data-testid=cancel]');
  const summaries = await running;
  assert.ok(Date.now() - started < 2000, `cancel took ${Date.now() - started} ms`);
  assert.deepEqual(summaries.map((s) => s.status), ['cancelled', 'cancelled', 'cancelled']);
  const again = await run(page, { workload: 'primes', tasks: 2, work: 1, workers: 2, modes: 'threads,async' });
  assert.deepEqual(again.map((s) => s.status), ['ok', 'ok']);
  await page.close();
});
