// Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver
// BiDi: nothing is downloaded (Playwright's Firefox is a patched build it
// would have to fetch; puppeteer drives the stock one).
import puppeteer from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { serveDir, serveHostPage } from './static-host.mjs';

export const DIST = new URL('../../dist/', import.meta.url).pathname;
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

// Starts Firefox with a fresh profile; `close()` removes the profile.
export async function launchFirefox() {
  const profile = await mkdtemp(join(tmpdir(), 'threadline-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      // No first-run pages, no update or telemetry traffic: this machine's
      // network is closed.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  return {
    async page() {
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error(`[firefox page error] ${error.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') console.error(`[firefox console] ${msg.text()}`);
      });
      return page;
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// For a test file: Firefox, and dist/ served with and without the headers,
// started on first use and closed after the tests.
export function withFirefox() {
  let started;
  const start = () => (started ??= Promise.all([
    launchFirefox(),
    serveDir({ dir: DIST, isolationHeaders: true }),
    serveDir({ dir: DIST, isolationHeaders: false }),
  ]).then(([browser, isolated, plain]) => ({ browser, isolated, plain })));
  after(async () => {
    const hosted = await started?.catch(() => null);
    await hosted?.browser.close();
    await hosted?.isolated.close();
    await hosted?.plain.close();
  });
  return {
    start,
    // A page on the app served with (or without) the headers, ready.
    open: async ({ isolated = true, query = '' } = {}) => {
      const { browser, isolated: host, plain } = await start();
      const page = await browser.page();
      await page.goto((isolated ? host : plain).url + (query ? `?${query}` : ''));
      await page.waitForSelector('#app[data-state=ready]', { timeout: 60_000 });
      return page;
    },
    // An ordinary page on another origin embedding the app (served without
    // the headers unless asked), and the app's frame in it, ready.
    embed: async ({ isolated = false, query = 'embed=1' } = {}) => {
      const { browser, isolated: host, plain } = await start();
      const blog = await serveHostPage({ src: `${(isolated ? host : plain).url}?${query}` });
      const page = await browser.page();
      await page.evaluateOnNewDocument(() => {
        window.heard = [];
        window.addEventListener('message', (e) => window.heard.push(e.data));
      });
      await page.goto(blog.url);
      const frame = await (await page.waitForSelector('#embed')).contentFrame();
      await frame.waitForSelector('#app[data-state=ready]', { timeout: 60_000 });
      return { page, frame, close: () => blog.close() };
    },
  };
}

// Runs through window.threadline and returns the summaries.
export function run(target, params = {}) {
  return target.evaluate((p) => window.threadline.run(p), params);
}

// Every [data-run] element's data attributes.
export function runFacts(target) {
  return target.$$eval('[data-run]', (els) => els.map((e) => ({ ...e.dataset })));
}
