// The timeline and everything around it: lanes, table, replay, exports,
// keyboard use, themes and widths.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { SCREENSHOTS } from '../support/browser.mjs';
import { withHostedApp, run, runFacts } from '../support/app.mjs';

const COMPARISON = { workload: 'pipeline', tasks: 6, work: 2, workers: 3, latency: 60, modes: 'seq,threads,gil,procs,async' };
const app = withHostedApp();
let page;

before(async () => {
  page = await app.open();
  await run(page, COMPARISON);
  await page.locator('#app[data-state=done]').waitFor();
});

test('a comparison draws a group per mode with the right number of lanes', async () => {
  const lanes = await page.getByTestId('timeline-lanes').locator('li').evaluateAll((items) =>
    Object.fromEntries(items.map((li) => [li.dataset.mode, Number(li.dataset.lanes)])));
  assert.deepEqual(lanes, { seq: 1, threads: 3, gil: 3, procs: 3, async: 7 });
  const canvas = page.getByTestId('timeline');
  const box = await canvas.boundingBox();
  assert.ok(box.height > 300, `the canvas holds every lane (${box.height} px)`);
});

test('the summary table shows the same numbers as the [data-run] facts', async () => {
  const facts = await runFacts(page);
  for (const f of facts) {
    const row = page.locator(`table.summary tr[data-mode=${f.mode}]`);
    const value = (col) => row.locator(`td[data-col=${col}]`).getAttribute('data-value');
    assert.equal(await value('wall-ms'), f.wallMs, `${f.mode} wall`);
    assert.equal(await value('speedup'), f.speedup, `${f.mode} speedup`);
    assert.equal(await value('lanes'), f.lanes, `${f.mode} lanes`);
    assert.equal(await value('tasks-done'), f.tasksDone, `${f.mode} tasks`);
    assert.ok((await row.locator('td[data-col=verdict]').textContent()).length > 20, 'a verdict in words');
  }
});

test('replay moves the playhead; step jumps to the next change; the output follows', async () => {
  const bar = page.locator('.replay');
  await page.evaluate(() => window.threadline.frameStats(true));
  await page.getByTestId('replay-speed').selectOption('1');
  await page.getByTestId('replay-play').click();
  await page.waitForFunction(() => Number(document.querySelector('.replay').dataset.playheadMs) > 20);
  const first = Number(await bar.getAttribute('data-playhead-ms'));
  await page.waitForTimeout(250);
  const later = Number(await bar.getAttribute('data-playhead-ms'));
  assert.ok(later > first, `the playhead moved from ${first} to ${later}`);
  await page.getByTestId('replay-play').click(); // pause
  await page.getByTestId('replay-scrubber').fill('0');
  assert.equal(Number(await bar.getAttribute('data-playhead-ms')), 0);
  assert.equal(await page.locator('.thumbs li').count(), 0, 'nothing produced yet at 0 ms');
  await page.getByTestId('replay-step').click();
  const stepped = Number(await bar.getAttribute('data-playhead-ms'));
  assert.ok(stepped > 0, 'step went to the first change');
  await page.getByTestId('replay-scrubber').fill(String(1e6));
  await page.waitForFunction(() => document.querySelectorAll('.thumbs li').length === 6);
  await page.getByTestId('replay-all').click();
  assert.equal(await bar.getAttribute('data-playhead-ms'), null);
  // Playing drew frames, one an animation frame apart at most a few times over.
  const stats = await page.evaluate(() => window.threadline.frameStats());
  assert.ok(stats.frames > 5, `${stats.frames} frames drawn while the replay played`);
  assert.ok(stats.intervalP50Ms > 0 && stats.intervalP50Ms < 100, `frames ${stats.intervalP50Ms} ms apart`);
  assert.ok(stats.workP95Ms >= stats.workP50Ms);
});

test('exports: the trace is Chrome Trace Event JSON, the timeline an SVG and a PNG', async () => {
  const save = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
  };
  const trace = await save('export-trace');
  assert.equal(trace.name, 'threadline-trace.json');
  const json = JSON.parse(trace.body.toString());
  assert.equal(json.displayTimeUnit, 'ms');
  assert.ok(json.traceEvents.some((e) => e.ph === 'X' && e.cat === 'cpu'));
  assert.deepEqual(json.otherData.modes.map((m) => m.mode), ['seq', 'threads', 'gil', 'procs', 'async']);
  const svg = await save('export-svg');
  assert.equal(svg.name, 'threadline-timeline.svg');
  const text = svg.body.toString();
  assert.match(text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(text.endsWith('</svg>'));
  assert.ok((text.match(/<g><title>/g) ?? []).length > 20, 'every interval is a titled shape');
  const png = await save('export-png');
  assert.deepEqual([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
});

test('the output shows every tile and picture the tasks made', async () => {
  const fresh = await app.open();
  await run(fresh, { workload: 'mandelbrot', tasks: 6, work: 1, modes: 'seq,threads' });
  const opaqueTiles = await fresh.getByTestId('output-picture').evaluate((canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const tiles = [];
    for (let i = 0; i < 6; i++) {
      const cols = Math.ceil(Math.sqrt(6 * 1.2));
      const [x, y] = [(i % cols) * 32 + 16, Math.floor(i / cols) * 32 + 16];
      tiles.push(data[(y * canvas.width + x) * 4 + 3]);
    }
    return tiles;
  });
  assert.deepEqual(opaqueTiles, [255, 255, 255, 255, 255, 255], 'every tile is drawn');
  await run(fresh, { workload: 'image-filter', tasks: 3, work: 1, modes: 'seq' });
  const thumbs = await fresh.locator('canvas.thumb').evaluateAll((canvases) =>
    canvases.map((c) => c.getContext('2d').getImageData(0, 0, c.width, c.height).data[3]));
  assert.deepEqual(thumbs, [255, 255, 255]);
  await fresh.close();
});

test('hovering an interval shows what it was and highlights its task', async () => {
  const canvas = page.getByTestId('timeline');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  let text = null;
  for (let x = box.x + 170; x < box.x + box.width - 20 && !text; x += 15) {
    await page.mouse.move(x, box.y + 28 + 10);
    text = await page.locator('.tooltip').textContent({ timeout: 100 }).catch(() => null);
  }
  assert.match(text ?? '', /Sequential · main · .* · from [0-9.]+ ms for [0-9.]+ ms/);
  await page.mouse.move(box.x + 2, box.y + 2);
});

test('the keyboard reaches every control: run, cancel, timeline, replay', async () => {
  const fresh = await app.open('workload=download&tasks=30&latency=2000&modes=seq');
  const focusedTestId = () => fresh.evaluate(() => document.activeElement?.dataset.testid ?? null);
  let steps = 0;
  while ((await focusedTestId()) !== 'run' && steps++ < 60) await fresh.keyboard.press('Tab');
  assert.equal(await focusedTestId(), 'run', 'Tab reaches Run');
  await fresh.keyboard.press('Enter');
  await fresh.locator('#app[data-state=running]').waitFor();
  await fresh.keyboard.press('Tab');
  assert.equal(await focusedTestId(), 'cancel', 'Cancel is next');
  await fresh.keyboard.press('Enter');
  await fresh.locator('#app[data-state=done]').waitFor({ timeout: 5_000 });
  assert.equal(await fresh.locator('[data-run][data-mode=seq]').getAttribute('data-status'), 'cancelled');
  steps = 0;
  while ((await focusedTestId()) !== 'timeline' && steps++ < 20) await fresh.keyboard.press('Tab');
  assert.equal(await focusedTestId(), 'timeline');
  await fresh.keyboard.press('ArrowRight');
  await fresh.waitForFunction(() => document.querySelector('.timeline [aria-live]').textContent.includes('Sequential · main'));
  await fresh.close();
});

test('a workers sweep plots measured speedups against perfect scaling', async () => {
  const fresh = await app.open('workload=download&tasks=4&latency=80');
  await fresh.getByTestId('sweep').click();
  await fresh.getByTestId('sweep-plot').waitFor({ timeout: 60_000 });
  await fresh.waitForFunction(() => !document.querySelector('[data-testid=sweep]').disabled, null, { timeout: 120_000 });
  const series = await fresh.locator('.plot .series').count();
  assert.equal(series, 3, 'threads, gil and procs');
  const points = await fresh.locator('.plot circle').count();
  const cores = Number(await fresh.locator('#app').getAttribute('data-cores'));
  const limit = Math.min(Math.max(2 * cores, 2), 16);
  assert.equal(points, 3 * limit, `each mode at 1–${limit} workers (${cores} cores)`);
  await fresh.screenshot({ path: `${SCREENSHOTS}sweep.png`, fullPage: true });
  await fresh.close();
});

test('theme and time axis are settings in the URL', async () => {
  const fresh = await app.open('theme=dark&axis=own');
  assert.equal(await fresh.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await fresh.getByTestId('axis').inputValue(), 'own');
  await fresh.getByTestId('theme').selectOption('light');
  await fresh.waitForFunction(() => location.search.includes('theme=light'));
  assert.equal(await fresh.locator('html').getAttribute('data-theme'), 'light');
  await fresh.close();
});

for (const theme of ['light', 'dark']) {
  for (const width of [360, 800, 1400]) {
    test(`screenshot: ${width} px, ${theme}`, async () => {
      const { browser, url } = await app.start();
      const shot = await browser.page();
      await shot.setViewportSize({ width, height: 900 });
      await shot.goto(`${url}?theme=${theme}&scenario=mixed&tasks=6`);
      await shot.locator('#app[data-state=ready]').waitFor({ timeout: 60_000 });
      await run(shot, {});
      const overflow = await shot.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px too wide)`);
      await shot.screenshot({ path: `${SCREENSHOTS}timeline-${width}-${theme}.png`, fullPage: true });
      await shot.close();
    });
  }
}
