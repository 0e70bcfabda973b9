// Helpers for driving the app the way its contract says users do.
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { serveDir } from './static-host.mjs';
import { launch } from './browser.mjs';

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

// The trace's complete (X) events of the process named for `mode`, plus
// those of its child processes (procs mode).
export function eventsOf(trace, mode) {
  const mine = new Set(
    trace.otherData.modes.filter((m) => m.mode === mode).map((m) => m.pid),
  );
  return trace.traceEvents.filter((e) => [...mine].some((pid) => e.pid >= pid && e.pid < pid + 100));
}

// Asserts that no two `cat` intervals of different threads overlap.
export function crossThreadOverlaps(events, cat) {
  const spans = events.filter((e) => e.ph === 'X' && e.cat === cat);
  let overlaps = 0;
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const [a, b] = [spans[i], spans[j]];
      const sameLane = a.pid === b.pid && a.tid === b.tid;
      if (!sameLane && a.ts < b.ts + b.dur && b.ts < a.ts + a.dur) overlaps++;
    }
  }
  return overlaps;
}

// The end of a mode's last interval, in ms: its wall time as the trace tells it.
export function traceWallMs(events) {
  return Math.max(...events.filter((e) => e.ph === 'X').map((e) => (e.ts + e.dur) / 1000));
}

export function assertSameChecksum(summaries) {
  const ran = summaries.filter((s) => s.status !== 'unavailable');
  assert.ok(ran.length > 0);
  for (const s of ran) assert.equal(s.checksum, ran[0].checksum, `${s.mode} checksum`);
}
