// The network modules in the browser: downloads through the app's service
// worker, with asyncio's event loop and with blocking threads, printing what
// the same programs print natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withHostedApp } from '../support/app.mjs';
import { nativeRun } from '../support/native.mjs';

const app = withHostedApp();

const source = (file) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

const runIn = (page, code, build) =>
  page.evaluate(([code, build]) => window.threadline.runPython(code, { build }), [code, build]);

test('an asyncio download program prints in the browser what it prints natively, on every kind of worker', async () => {
  const file = 'tests/python/network/164_aiohttp_gather.py';
  const expected = nativeRun(file);
  assert.match(expected, /^100 \{/, 'the native run downloaded');
  const page = await app.open('view=lab');
  for (const build of ['gil', 'one-core']) {
    const run = await runIn(page, source(file), build);
    assert.equal(run.stderr, '', build);
    assert.equal(run.stdout, expected, build);
    const tasks = run.lanes.filter((name) => /^Task-\d+$/.test(name));
    assert.ok(tasks.length >= 100, `${build}: every download a task lane (${tasks.length})`);
  }
  await page.close();
});

test('threads blocked in requests.get overlap their downloads as natively', async () => {
  const file = 'tests/python/network/160_requests_threads.py';
  const expected = nativeRun(file, 'one-core');
  const page = await app.open('view=lab');
  const run = await runIn(page, source(file), 'one-core');
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, expected);
  const io = run.trace.traceEvents.filter((e) => e.ph === 'X' && e.name === 'io');
  assert.ok(io.filter((e) => /io\/resource\/\d+/.test(e.args?.waits_for)).length >= 8, 'downloads recorded with their URL');
  await page.close();
});

test('in an embed no service worker controls, the worker answers the requests itself, as natively', async () => {
  const { serveDir, serveHostPage } = await import('../support/static-host.mjs');
  const { DIST } = await import('../support/app.mjs');
  const plain = await serveDir({ dir: DIST, isolationHeaders: false });
  const host = await serveHostPage({ src: `${plain.url}?view=lab&embed=1` });
  try {
    const { browser } = await app.start();
    const page = await browser.page();
    await page.goto(host.url);
    const frame = page.frameLocator('#embed');
    await frame.locator('#app[data-state=ready]').waitFor({ timeout: 60_000 });
    const root = frame.locator('#app');
    const controlled = await root.evaluate(() => Boolean(navigator.serviceWorker?.controller));
    assert.equal(controlled, false, 'this embed has no service worker');
    for (const file of ['tests/python/network/164_aiohttp_gather.py', 'tests/python/network/160_requests_threads.py']) {
      const run = await root.evaluate((_, code) => window.threadline.runPython(code), source(file), { timeout: 60_000 });
      assert.equal(run.stderr, '', file);
      assert.equal(run.stdout, nativeRun(file, 'one-core'), file);
    }
    await page.close();
  } finally {
    await host.close();
    await plain.close();
  }
});
