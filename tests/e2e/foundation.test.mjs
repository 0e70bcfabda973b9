// The foundation: the same dist/ works isolated (threads) and embedded in an
// ordinary page (no threads, and it says why).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDir, serveHostPage } from '../support/static-host.mjs';
import { launch, SCREENSHOTS } from '../support/browser.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
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

test('isolated: threads are on and a run gives equal checksums', async () => {
  const page = await browser.page();
  await page.goto(isolatedHost.url);
  const app = page.locator('#app[data-state=ready]');
  await app.waitFor({ timeout: 30_000 });
  assert.equal(await app.getAttribute('data-isolated'), 'true');
  assert.equal(await app.getAttribute('data-threads'), 'true');
  assert.ok(Number(await app.getAttribute('data-cores')) >= 1);
  await page.getByTestId('run').click();
  await page.locator('#app[data-state=done]').waitFor({ timeout: 60_000 });
  const runs = await page.locator('[data-run]').evaluateAll((els) => els.map((e) => ({ ...e.dataset })));
  assert.deepEqual(runs.map((r) => r.mode), ['seq', 'threads']);
  assert.equal(runs[0].checksum, runs[1].checksum);
  assert.match(runs[0].checksum, /^[0-9a-f]{16}$/);
  await page.screenshot({ path: `${SCREENSHOTS}foundation-isolated.png`, fullPage: true });
  await page.close();
});

test('embedded in an ordinary page: no threads, the page works and says why', async () => {
  const host = await serveHostPage({ src: plainHost.url });
  try {
    const page = await browser.page();
    await page.goto(host.url);
    const frame = page.frameLocator('#embed');
    const app = frame.locator('#app[data-state=ready]');
    await app.waitFor({ timeout: 30_000 });
    assert.equal(await app.getAttribute('data-isolated'), 'false');
    assert.equal(await app.getAttribute('data-threads'), 'false');
    const why = await frame.getByTestId('threads-off').textContent();
    assert.match(why, /cross-origin isolated/);
    await frame.getByTestId('run').click();
    await frame.locator('#app[data-state=done]').waitFor({ timeout: 60_000 });
    const modes = await frame.locator('[data-run]').evaluateAll((els) => els.map((e) => e.dataset.mode));
    assert.deepEqual(modes, ['seq']);
    await page.screenshot({ path: `${SCREENSHOTS}foundation-embedded.png`, fullPage: true });
    await page.close();
  } finally {
    await host.close();
  }
});
