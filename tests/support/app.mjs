// Helpers for driving the app the way its contract says users do.
import { after } from 'node:test';
import { serveDir } from './static-host.mjs';
import { launch } from './browser.mjs';

export { eventsOf, crossThreadOverlaps, traceWallMs, assertSameChecksum } from './trace.mjs';

export const DIST = new URL('../../dist/', import.meta.url).pathname;

// For a test file: a browser and dist/ served with (or without) the
// isolation headers, started on first use and closed after the tests.
// Started lazily rather than in a before() hook because node 20 runs a
// file's top-level hooks concurrently, so another hook could not rely on it.
export function withHostedApp({ isolationHeaders = true } = {}) {
  let started;
  const start = () => (started ??= Promise.all([launch(), serveDir({ dir: DIST, isolationHeaders })])
    .then(([browser, host]) => ({ browser, host, url: host.url })));
  after(async () => {
    const hosted = await started?.catch(() => null);
    await hosted?.browser.close();
    await hosted?.host.close();
  });
  return {
    // Resolves to { browser, url }.
    start,
    // A new page on the app, ready.
    open: async (query = '') => {
      const { browser, url } = await start();
      return openApp(browser, url, query);
    },
  };
}

// Opens the app with a query string and waits until it is ready.
export async function openApp(browser, baseUrl, query = '') {
  const page = await browser.page();
  await page.goto(baseUrl + (query ? `?${query}` : ''));
  await page.locator('#app[data-state=ready]').waitFor({ timeout: 60_000 });
  return page;
}

// Runs through window.threadline and returns the summaries.
export function run(page, params = {}) {
  return page.evaluate((p) => window.threadline.run(p), params);
}

// Every [data-run] element's data attributes.
export function runFacts(page) {
  return page.locator('[data-run]').evaluateAll((els) => els.map((e) => ({ ...e.dataset })));
}

export function trace(page) {
  return page.evaluate(() => window.threadline.trace());
}
