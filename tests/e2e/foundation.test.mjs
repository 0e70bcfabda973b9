// The foundation: one dist/ that runs threads when the page is isolated,
// and runs everything else (and says why threads are off) when it is not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDir, serveHostPage } from '../support/static-host.mjs';
import { launch, SCREENSHOTS } from '../support/browser.mjs';
import { DIST, runFacts } from '../support/app.mjs';

let browser;
let isolatedHost;
let plainHost;

before(async () => {
  browser = await launch();
  isolatedHost = await serveDir({ dir: DIST, isolationHeaders: true });
  plainHost = await serveDir({ dir: DIST, isolationHeaders: false });
});

after(async () => {
  await browser?.close();
  await isolatedHost?.close();
  await plainHost?.close();
});

test('served with the isolation headers: threads on, seq and threads agree', async () => {
  const page = await browser.page();
  await page.goto(`${isolatedHost.url}?modes=seq,threads&tasks=8&work=3`);
  const app = page.locator('#app[data-state=ready]');
  await app.waitFor({ timeout: 60_000 });
  assert.equal(await app.getAttribute('data-isolated'), 'true');
  assert.equal(await app.getAttribute('data-threads'), 'true');
  assert.ok(Number(await app.getAttribute('data-cores')) >= 1);
  await page.getByTestId('run').click();
  await page.locator('#app[data-state=done]').waitFor({ timeout: 60_000 });
  const runs = await runFacts(page);
  assert.deepEqual(runs.map((r) => r.mode), ['seq', 'threads']);
  assert.ok(runs.every((r) => r.status === 'ok'));
  assert.equal(runs[0].checksum, runs[1].checksum);
  assert.match(runs[0].checksum, /^[0-9a-f]{16}$/);
  await page.screenshot({ path: `${SCREENSHOTS}foundation-isolated.png`, fullPage: true });
  await page.close();
});

test('embedded without headers in an ordinary page: no threads, it says why, the rest runs', async () => {
  const host = await serveHostPage({ src: `${plainHost.url}?tasks=4&work=2&embed=1` });
  try {
    const page = await browser.page();
    await page.goto(host.url);
    const frame = page.frameLocator('#embed');
    const app = frame.locator('#app[data-state=ready]');
    await app.waitFor({ timeout: 60_000 });
    assert.equal(await app.getAttribute('data-isolated'), 'false');
    assert.equal(await app.getAttribute('data-threads'), 'false');
    assert.match(await frame.getByTestId('threads-off').textContent(), /not cross-origin isolated/);
    assert.ok(await frame.getByTestId('open-in-tab').getAttribute('href'));
    await frame.getByTestId('run').click();
    await frame.locator('#app[data-state=done]').waitFor({ timeout: 60_000 });
    const runs = await frame.locator('[data-run]').evaluateAll((els) => els.map((e) => ({ ...e.dataset })));
    const status = Object.fromEntries(runs.map((r) => [r.mode, r.status]));
    assert.deepEqual(status, { seq: 'ok', threads: 'unavailable', gil: 'unavailable', procs: 'ok', async: 'ok' });
    const ran = runs.filter((r) => r.status === 'ok');
    assert.ok(ran.every((r) => r.checksum === ran[0].checksum));
    const reason = await frame.locator('[data-run][data-mode=threads] .verdict').textContent();
    assert.match(reason, /cross-origin isolated/);
    await page.screenshot({ path: `${SCREENSHOTS}foundation-embedded.png`, fullPage: true });
    await page.close();
  } finally {
    await host.close();
  }
});

test('served with the headers, even an ordinary page\'s iframe gets threads (Document-Isolation-Policy)', async () => {
  const host = await serveHostPage({ src: `${isolatedHost.url}?embed=1` });
  try {
    const page = await browser.page();
    await page.goto(host.url);
    const app = page.frameLocator('#embed').locator('#app[data-state=ready]');
    await app.waitFor({ timeout: 60_000 });
    assert.equal(await app.getAttribute('data-isolated'), 'true');
    assert.equal(await app.getAttribute('data-threads'), 'true');
    await page.close();
  } finally {
    await host.close();
  }
});
