// The lab's run as a story: each output line tied to its thread and time,
// the editor showing where every thread stood at the playhead, and the
// comparison's cards opening their Python in the lab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withHostedApp } from '../support/app.mjs';
import { PRINTING_THREADS } from '../support/programs.mjs';
import { SCREENSHOTS } from '../support/browser.mjs';
import { readFile } from 'node:fs/promises';

const app = withHostedApp();

const editorReady = (page) => page.locator('[data-testid=editor][data-ready=true]').waitFor({ timeout: 30_000 });

test('each output line names its thread; choosing one moves the playhead and marks every thread in the editor', async () => {
  const page = await app.open('view=lab');
  await editorReady(page);
  const result = await page.evaluate((source) => window.threadline.runPython(source), PRINTING_THREADS);
  assert.equal(result.stdout, 'worker 1 done\nworker 2 done\nall done\n', result.stderr);
  await page.locator('[data-py-run]').waitFor();
  const lines = page.locator('[data-testid=py-stdout] .py-line[data-lane]');
  assert.deepEqual(await lines.evaluateAll((ls) => ls.map((l) => [l.textContent.trim(), l.dataset.thread])), [
    ['worker 1 done', 'w1'],
    ['worker 2 done', 'w2'],
    ['all done', 'MainThread'],
  ]);
  const times = await lines.evaluateAll((ls) => ls.map((l) => Number(l.dataset.atMs)));
  assert.ok(times[0] < times[1] && times[1] <= times[2], `printed in order: ${times}`);
  assert.equal(await page.locator('.cm-thread-line').count(), 0, 'no markers while the whole run is shown');

  await lines.nth(1).click();
  assert.equal(await lines.nth(1).getAttribute('class'), 'py-line pointed chosen');
  assert.match(await lines.nth(2).getAttribute('class'), /later/, 'printed after the playhead');
  // w2 stands on its print; MainThread waits in its join; w1 has ended.
  const marked = await page.locator('.cm-thread-line').evaluateAll((ls) =>
    ls.map((l) => [l.textContent.trim(), l.dataset.threads]));
  assert.deepEqual(marked, [['print(f"worker {n} done")', 'w2'], ['t.join()', 'MainThread']]);

  await page.locator('[data-testid=py-stdout]').press('ArrowDown');
  assert.match(await lines.nth(2).getAttribute('class'), /chosen/, 'the arrow keys walk the lines');
  assert.doesNotMatch(await lines.nth(2).getAttribute('class'), /later/);
  await page.locator('[data-testid=py-stdout]').press('Home');
  assert.equal(await lines.nth(0).getAttribute('aria-selected'), 'true', 'Home goes to the first line');
  assert.equal(
    await page.locator('[data-testid=py-stdout]').getAttribute('aria-activedescendant'),
    await lines.nth(0).getAttribute('id'),
    'the list says which line is chosen',
  );
  await page.close();
});

test("a comparison card's Python opens in the lab, runs there, and counts what the card counted", async () => {
  const page = await app.open('modes=seq,gil&tasks=3&work=1&workload=primes');
  await page.evaluate(() => window.threadline.run());
  const card = page.locator('[data-run][data-mode=gil]');
  await card.locator('[data-testid=python-equivalent] summary').click();
  assert.match(await card.locator('[data-testid=python-equivalent] pre').innerText(), /ThreadPoolExecutor\(max_workers=/);
  await card.locator('[data-testid=open-in-lab]').click();
  await page.locator('[data-testid=lab] [data-py-run]').waitFor({ timeout: 60_000 });
  const url = new URL(page.url()).searchParams;
  assert.equal(url.get('view'), 'lab');
  assert.ok(url.get('code'), 'the program is a permalink');
  const run = page.locator('[data-py-run]');
  assert.equal(await run.getAttribute('data-exit-code'), '0', await page.locator('[data-testid=py-stdout]').innerText());
  assert.match(await page.locator('[data-testid=py-stdout]').innerText(), /^3 tasks, total \d+, in /);
  assert.ok(Number(await run.getAttribute('data-lanes')) >= 3, 'the pool threads are lanes');
  await page.close();
});

test("the lab's run exports as the comparison's does: its trace, and an SVG with its arrows and prints", async () => {
  const page = await app.open('view=lab');
  await page.evaluate((source) => window.threadline.runPython(source), PRINTING_THREADS);
  await page.locator('[data-py-run]').waitFor();
  const save = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    return { name: download.suggestedFilename(), body: (await readFile(await download.path())).toString() };
  };
  const trace = JSON.parse((await save('export-trace')).body);
  const threads = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args.name);
  assert.deepEqual(threads.filter((n) => n !== 'GIL holder').sort(), ['MainThread', 'w1', 'w2']);
  assert.ok(trace.traceEvents.some((e) => e.ph === 's' && e.name === 'start'), 'flows in the trace');
  const svg = (await save('export-svg')).body;
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svg.includes('>w1<') && svg.includes('>MainThread<'), 'a row per thread');
  assert.ok((svg.match(/class="arrow" data-kind="Start"/g) ?? []).length >= 2, 'an arrow for each start');
  assert.equal((svg.match(/class="print"/g) ?? []).length, 3, 'a wedge for each print');
  await page.close();
});

// A lesson mid-replay, as a reader sees it at each width and theme: no
// sideways scrolling, the chosen line, the markers and the timeline shown.
for (const theme of ['light', 'dark']) {
  for (const width of [360, 800, 1400]) {
    test(`screenshot of a lesson mid-replay: ${width} px, ${theme}`, async () => {
      const { browser, url } = await app.start();
      const page = await browser.page();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${url}?view=lab&lesson=race&theme=${theme}`);
      await page.locator('#app[data-state=ready]').waitFor({ timeout: 60_000 });
      await editorReady(page);
      const indexOpen = await page.locator('.lesson-index details').evaluate((d) => d.open);
      assert.equal(indexOpen, width >= 1000, 'the lessons list is closed above a lesson on a narrow page');
      await page.locator('[data-testid=py-run]').click();
      await page.locator('[data-py-run]').waitFor({ timeout: 60_000 });
      const lines = page.locator('[data-testid=py-stdout] .py-line[data-lane]');
      await lines.first().click();
      assert.ok(await page.locator('.cm-thread-line').count() > 0, 'the editor marks where threads stood');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px too wide)`);
      await page.screenshot({ path: `${SCREENSHOTS}lab-${width}-${theme}.png`, fullPage: true });
      await page.close();
    });
  }
}
