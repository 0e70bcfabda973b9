// The public surface: URL keys and their validation, the JS API, the embed
// messages, and the fallback when no service worker can answer requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveHostPage } from '../support/static-host.mjs';
import { launch } from '../support/browser.mjs';
import { withHostedApp, openApp, run, trace, eventsOf } from '../support/app.mjs';

const app = withHostedApp();

test('bad URL values are corrected, each named in a dismissible notice', async () => {
  const page = await app.open('tasks=999&work=abc&modes=seq,fibers&utm_source=blog');
  const keys = await page.locator('[data-notice-key]').evaluateAll((els) => els.map((e) => e.dataset.noticeKey));
  assert.deepEqual(keys.sort(), ['modes', 'tasks', 'utm_source', 'work']);
  assert.equal(await page.getByTestId('tasks').inputValue(), '256');
  assert.equal(await page.getByTestId('mode-seq').isChecked(), true);
  assert.equal(await page.getByTestId('mode-threads').isChecked(), false);
  await page.locator('[data-notice-key=tasks] button').click();
  assert.equal(await page.locator('[data-notice-key=tasks]').count(), 0);
  assert.match(page.url(), /tasks=256/, 'the address bar holds the corrected settings');
  await page.close();
});

test('the address bar is a permalink that follows every change', async () => {
  const page = await app.open('scenario=io-bound');
  assert.match(page.url(), /\?scenario=io-bound$/);
  await page.getByTestId('tasks').fill('7');
  await page.getByTestId('tasks').press('Tab');
  await page.waitForFunction(() => location.search.includes('tasks=7'));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('workload'), 'download');
  assert.equal(url.searchParams.get('scenario'), null, 'no longer the preset');
  const again = await app.open(url.search.slice(1));
  assert.equal(await again.getByTestId('tasks').inputValue(), '7');
  assert.equal(await again.getByTestId('workload').inputValue(), 'download');
  await page.close();
  await again.close();
});

test('state() mirrors #app, and autorun runs once ready', async () => {
  const { browser, url } = await app.start();
  const page = await browser.page();
  await page.goto(`${url}?modes=seq&tasks=2&work=1&autorun=1`);
  await page.locator('#app[data-state=done]').waitFor({ timeout: 60_000 });
  const state = await page.evaluate(() => window.threadline.state());
  const attrs = await page.locator('#app').evaluate((e) => ({ ...e.dataset }));
  assert.equal(state.state, attrs.state);
  assert.equal(String(state.isolated), attrs.isolated);
  assert.equal(String(state.threads), attrs.threads);
  assert.equal(String(state.cores), attrs.cores);
  assert.equal(await page.locator('[data-run][data-mode=seq][data-status=ok]').count(), 1);
  await page.close();
});

test('run() rejects while a run is in progress, and says why', async () => {
  const page = await app.open();
  const first = run(page, { workload: 'download', tasks: 3, latency: 800, modes: 'seq' });
  await page.locator('#app[data-state=running]').waitFor();
  const second = await page.evaluate(() => window.threadline.run({}).then(() => 'resolved', (e) => e.message));
  assert.match(second, /already in progress/);
  await first;
  await page.close();
});

test('an embedding page hears resize and done, and can start a run', async () => {
  const { browser, url } = await app.start();
  const embed = await serveHostPage({ src: `${url}?embed=1&modes=seq,async&tasks=3&work=1` });
  try {
    const page = await browser.page();
    await page.addInitScript(() => {
      window.heard = [];
      window.addEventListener('message', (e) => window.heard.push(e.data));
    });
    await page.goto(embed.url);
    await page.frameLocator('#embed').locator('#app[data-state=ready]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.heard.some((m) => m.type === 'threadline:resize' && m.height > 100));
    await page.evaluate(() => document.getElementById('embed').contentWindow.postMessage({ type: 'threadline:run', params: { workload: 'primes' } }, '*'));
    await page.waitForFunction(() => window.heard.some((m) => m.type === 'threadline:done'), null, { timeout: 60_000 });
    const done = await page.evaluate(() => window.heard.find((m) => m.type === 'threadline:done'));
    assert.deepEqual(done.summaries.map((s) => s.mode), ['seq', 'async']);
    assert.ok(done.summaries.every((s) => s.status === 'ok'));
    // Messages of any other shape are ignored: once the app has received
    // one, it has started nothing.
    const app = page.frames().find((f) => f !== page.mainFrame());
    await app.evaluate(() => {
      window.received = [];
      window.addEventListener('message', (e) => window.received.push(e.data?.type));
    });
    await page.evaluate(() => {
      const embedded = document.getElementById('embed').contentWindow;
      embedded.postMessage({ type: 'threadline:explode' }, '*');
      embedded.postMessage({ type: 'threadline:run', params: 'not settings' }, '*');
    });
    await app.waitForFunction(() => window.received.length === 2);
    assert.equal(await app.evaluate(() => document.getElementById('app').dataset.state), 'done');
    assert.equal(await page.evaluate(() => window.heard.filter((m) => m.type === 'threadline:done').length), 1);
    await page.close();
  } finally {
    await embed.close();
  }
});

test('without a service worker, downloads wait on timers, the page and trace say so, and the bytes are the same', async () => {
  const params = { workload: 'download', tasks: 4, latency: 30, modes: 'seq,threads,async' };
  const real = await run(await app.open(), params);
  const blocked = await launch({ blockServiceWorkers: true });
  try {
    const page = await openApp(blocked, (await app.start()).url);
    assert.match(await page.getByTestId('network-simulated').textContent(), /simulated/);
    const simulated = await run(page, params);
    for (const [i, s] of simulated.entries()) {
      assert.equal(s.status, 'ok');
      assert.equal(s.simulatedIo, true);
      assert.equal(s.checksum, real[i].checksum, 'the service worker serves what the core generates');
    }
    const io = eventsOf(await trace(page), 'threads').filter((e) => e.cat === 'io');
    assert.ok(io.length === 4 && io.every((e) => e.args.simulated === true));
    assert.ok(await page.locator('.caveat').count() > 0, 'the cards say the downloads were simulated');
    await page.close();
  } finally {
    await blocked.close();
  }
});
