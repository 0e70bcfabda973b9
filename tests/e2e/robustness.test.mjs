// Failures end cleanly: a crashed or hung worker fails its mode with the
// reason and keeps the other modes' results; settings that cannot fit are
// refused up front; bad API calls reject; the page stays usable and its
// memory flat; and it all runs under a strict Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withHostedApp, run, runFacts, trace, eventsOf } from '../support/app.mjs';

const app = withHostedApp();

// Runs and returns the summaries by mode.
async function runByMode(page, params) {
  const summaries = await run(page, params);
  return Object.fromEntries(summaries.map((s) => [s.mode, s]));
}

test('a task that crashes its thread or its process fails that mode with the reason; the others keep their results', async () => {
  const page = await app.open();
  const by = await runByMode(page, {
    workload: 'primes', tasks: 6, work: 2, workers: 2, modes: 'seq,threads,gil,procs,async', inject: { trap: [3] },
  });
  for (const mode of ['seq', 'async']) {
    assert.equal(by[mode].status, 'ok', `${mode} runs on the page's own thread and takes no fault`);
    assert.equal(by[mode].tasksDone, 6);
  }
  for (const mode of ['threads', 'gil']) {
    assert.equal(by[mode].status, 'failed', mode);
    assert.match(by[mode].reason, /worker-\d crashed: task 3 crashed on purpose/, mode);
    assert.match(by[mode].verdict, /^Stopped: /, mode);
  }
  assert.equal(by.procs.status, 'failed');
  assert.match(by.procs.reason, /task 3: process-\d died: .*task 3 crashed on purpose/);
  assert.equal(by.procs.tasksDone, 5, 'a process death costs only its task');
  await page.locator('#app[data-state=done]').waitFor();
  const card = page.locator('[data-run][data-mode=gil]');
  assert.equal(await card.getAttribute('data-status'), 'failed');
  assert.match(await card.getByTestId('failure-reason').textContent(), /crashed on purpose/);
  // The broken pool is replaced: the next run works in every mode.
  const again = await run(page, { workload: 'primes', tasks: 4, work: 1, workers: 2, modes: 'threads,gil,procs' });
  assert.deepEqual(again.map((s) => s.status), ['ok', 'ok', 'ok']);
  await page.close();
});

test('a worker that hangs is stopped by the watchdog, with the reason, and the next run works', async () => {
  const page = await app.open();
  const started = Date.now();
  const by = await runByMode(page, {
    workload: 'primes', tasks: 4, work: 1, workers: 2, modes: 'threads,procs', inject: { hang: [1], watchdogMs: 1500 },
  });
  assert.ok(Date.now() - started < 20_000, 'the watchdog ended both modes');
  for (const mode of ['threads', 'procs']) {
    assert.equal(by[mode].status, 'failed', mode);
    assert.match(by[mode].reason, /no progress for \d+ s/, mode);
  }
  const t = await trace(page);
  const closed = eventsOf(t, 'threads').filter((e) => e.ph === 'X' && e.args?.closed_at_end);
  assert.ok(closed.length >= 1, 'the hung lane never ended: its last interval says it was closed at the end');
  const again = await run(page, { workload: 'primes', tasks: 4, work: 1, workers: 2, modes: 'threads,procs' });
  assert.deepEqual(again.map((s) => s.status), ['ok', 'ok']);
  await page.close();
});

test('settings that cannot fit in memory are refused with a reason, not a crash', async () => {
  const page = await app.open();
  const [threads] = await run(page, { workload: 'image-filter', work: 100, tasks: 64, workers: 64, modes: 'threads' });
  assert.equal(threads.status, 'failed');
  assert.match(threads.reason, /64 tasks at once need about \d+ MB .*fewer workers or less work/);
  assert.equal(await page.locator('#app').getAttribute('data-state'), 'done');
  const [fits] = await run(page, { workload: 'image-filter', work: 2, tasks: 4, workers: 4, modes: 'threads' });
  assert.equal(fits.status, 'ok');
  await page.close();
});

test('failed requests under the GIL fail their tasks and keep the others', async () => {
  const page = await app.open();
  const [gil] = await run(page, { workload: 'download', tasks: 5, latency: 20, workers: 3, fail: '0,4', modes: 'gil' });
  assert.equal(gil.status, 'failed');
  assert.equal(gil.tasksDone, 3);
  assert.match(gil.reason, /task 0: HTTP 503.*task 4: HTTP 503|task 4: HTTP 503.*task 0: HTTP 503/);
  await page.close();
});

test('cancel stops CPU-bound gil and async runs mid-task; async gives the page its turns meanwhile', async () => {
  const page = await app.open();
  await page.evaluate(() => window.threadline.frameStats(true));
  const running = run(page, { workload: 'primes', tasks: 8, work: 40, workers: 2, modes: 'async,gil' });
  await page.locator('#app[data-state=running]').waitFor();
  await page.waitForTimeout(900);
  const drawn = await page.evaluate(() => window.threadline.frameStats().frames);
  assert.ok(drawn >= 5, `the timeline drew ${drawn} frames while async computed`);
  const started = Date.now();
  await page.evaluate(() => window.threadline.cancel());
  const summaries = await running;
  assert.ok(Date.now() - started < 1500, `cancel took ${Date.now() - started} ms`);
  assert.deepEqual(summaries.map((s) => s.status), ['cancelled', 'cancelled']);
  assert.ok(summaries[0].tasksDone < 8, 'async stopped before the end');
  const again = await run(page, { workload: 'primes', tasks: 4, work: 1, workers: 2, modes: 'gil,async' });
  assert.deepEqual(again.map((s) => s.status), ['ok', 'ok']);
  const gil = eventsOf(await trace(page), 'gil');
  assert.ok(gil.some((e) => e.ph === 'i' && e.name === 'drop request'), 'the waiters asked for the GIL');
  await page.close();
});

test('malformed API calls reject with a clear Error and never throw', async () => {
  const page = await app.open();
  const outcomes = await page.evaluate(async () => {
    const calls = [[{ tasks: null }], [5], [{ modes: {} }], [{ record: 'no' }], [{ inject: { trap: 'x' } }], [{ work: NaN }]];
    const out = [];
    for (const args of calls) {
      let promise;
      try {
        promise = window.threadline.run(...args);
      } catch (error) {
        out.push(`threw: ${error}`);
        continue;
      }
      out.push(await promise.then(() => 'resolved', (e) => (e instanceof Error ? e.message : `not an Error: ${e}`)));
    }
    return out;
  });
  assert.match(outcomes[0], /`tasks` must be a string, a number, true\/false or a list, not null/);
  assert.match(outcomes[1], /run\(\) takes an object of settings/);
  assert.match(outcomes[2], /`modes` must be/);
  assert.match(outcomes[3], /`record` must be true or false/);
  assert.match(outcomes[4], /`inject.trap` must be a list/);
  assert.match(outcomes[5], /`work` must be/);
  assert.equal(await page.locator('#app').getAttribute('data-state'), 'ready', 'nothing ran');
  await page.close();
});

test('the same correction made on every run is noted once', async () => {
  const page = await app.open();
  for (let i = 0; i < 3; i++) await run(page, { tasks: 999, work: 1, modes: 'seq' });
  assert.equal(await page.locator('[data-notice-key=tasks]').count(), 1);
  await page.close();
});

test('200 runs in one page: memory and workers stay flat', async () => {
  const page = await app.open();
  const params = { workload: 'pipeline', tasks: 3, work: 1, latency: 0, workers: 3, modes: 'seq,threads,gil,procs,async' };
  const sizes = [];
  for (let i = 1; i <= 200; i++) {
    const summaries = await run(page, { ...params, workers: 2 + (i % 3) });
    assert.ok(summaries.every((s) => s.status === 'ok'), `run ${i}`);
    if (i === 10 || i === 200) {
      sizes.push({ ...(await page.evaluate(() => window.threadline.memory())), workers: page.workers().length });
    }
  }
  const [at10, at200] = sizes;
  assert.ok(at200.wasmBytes <= at10.wasmBytes + 8 * 2 ** 20, `wasm memory ${at10.wasmBytes} → ${at200.wasmBytes} bytes`);
  // One pool, grown to the largest run (4 threads) and reused: no more.
  assert.ok(at200.workers <= 4 && at200.workers <= at10.workers, `workers ${at10.workers} → ${at200.workers}`);
  console.log(`memory after 10 runs: ${JSON.stringify(at10)}; after 200: ${JSON.stringify(at200)}`);
  await page.close();
});

test('under the strict Content-Security-Policy every mode runs and nothing is refused', async () => {
  const { browser, url } = await app.start();
  const page = await browser.page();
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${url}?workload=pipeline&tasks=3&work=1&latency=10`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await page.locator('#app[data-state=ready]').waitFor({ timeout: 60_000 });
  const summaries = await run(page, {});
  assert.ok(summaries.every((s) => s.status === 'ok'), JSON.stringify(summaries.map((s) => [s.mode, s.status])));
  assert.ok(summaries.every((s) => s.simulatedIo === false), 'the service worker answered every download');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await page.close();
});
