// Every lesson, run as a reader runs it. On the isolated page, one page
// opens each lesson from the index in turn (on the build the lesson was
// written for, whatever the lesson before it chose) and its claim, checked
// against the run's own record, passes. In a bare cross-origin embed (an
// ordinary page's iframe, served without isolation headers) every lesson
// still runs, on `one-core` with the reason shown, and its check says what
// this run showed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { withHostedApp } from '../support/app.mjs';
import { serveDir, serveHostPage } from '../support/static-host.mjs';
import { DIST } from '../support/app.mjs';

const isolated = withHostedApp();

// Claims about speed on this machine's cores: on a machine busy with other
// work they may not show, and a test machine is such a machine. They are
// judged on their measured figure, not required to pass.
const SPEED = new Set(['gil-cpu', 'free-threaded', 'more-procs-than-cores', 'process-pool', 'subinterpreters']);

// Runs the open lesson in `scope` (a page or a frame) and resolves, once a
// new run has ended, with its build and its check.
async function runOpenLesson(scope) {
  const run = scope.locator('[data-py-run]');
  const before = (await run.count()) ? await run.getAttribute('data-wall-ms') : null;
  await scope.locator('[data-testid=py-run]').click();
  await run.waitFor({ timeout: 60_000 });
  for (let waited = 0; (await run.getAttribute('data-wall-ms')) === before; waited += 100) {
    assert.ok(waited < 60_000, 'the run ended within a minute');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const check = scope.locator('[data-lesson-check]');
  return {
    build: await run.getAttribute('data-build'),
    status: await check.getAttribute('data-status'),
    text: (await check.innerText()).replace(/\s+/g, ' '),
  };
}

test('every lesson, opened from the index of one isolated page, runs and its claim passes', async () => {
  const page = await isolated.open('view=lab');
  const lessons = await page.evaluate(() => window.threadline.lessons());
  assert.ok(lessons.length >= 25, `${lessons.length} lessons`);
  const failed = [];
  for (const { id } of lessons) {
    await page.locator(`[data-lesson="${id}"]`).click();
    await page.locator(`[data-lesson="${id}"][aria-current=page]`).waitFor();
    let check = await runOpenLesson(page);
    if (check.status !== 'pass') check = await runOpenLesson(page);
    assert.equal(check.build, id === 'one-core' ? 'one-core' : id === 'free-threaded' ? 'free-threaded' : 'gil', id);
    if (SPEED.has(id)) {
      assert.match(check.text, /\d(\.\d+)?x/, `${id} is judged on a measured speed-up: ${check.text}`);
    } else if (check.status !== 'pass') {
      failed.push(`${id}: ${check.text}`);
    }
  }
  assert.deepEqual(failed, []);
  await page.close();
});

test('in a bare cross-origin embed every lesson runs on one-core, says why, and is judged', async () => {
  const plain = await serveDir({ dir: DIST, isolationHeaders: false });
  const host = await serveHostPage({ src: `${plain.url}?view=lab&embed=1` });
  after(async () => {
    await host.close();
    await plain.close();
  });
  const { browser } = await isolated.start();
  const page = await browser.page();
  await page.goto(host.url);
  const frame = page.frameLocator('#embed');
  await frame.locator('#app[data-state=ready]').waitFor({ timeout: 60_000 });
  const lessons = await frame.locator('#app').evaluate(() => window.threadline.lessons());
  const verdicts = {};
  for (const { id } of lessons) {
    await page.evaluate(([url, id]) => {
      document.querySelector('#embed').src = `${url}?view=lab&embed=1&lesson=${id}`;
    }, [plain.url, id]);
    await frame.locator(`#app[data-state=ready]`).waitFor({ timeout: 60_000 });
    const check = await runOpenLesson(frame);
    assert.equal(check.build, 'one-core', `${id} runs on one-core without isolation`);
    if (id !== 'one-core') {
      const note = await frame.locator('.run-note').innerText();
      assert.match(note, /cross-origin isolated/, `${id} says why it runs on one-core`);
    }
    assert.ok(['pass', 'fail'].includes(check.status), `${id}: ${check.text}`);
    // Every lesson's program runs to its end here, processes and pools too:
    // one-core waits for them in its own loop, not in a builtin's.
    assert.doesNotMatch(check.text, /the run ended with/, id);
    verdicts[id] = check;
  }
  // What a single core shows as the lessons show it: threads that take
  // turns, processes, asyncio and locks bear their claims out there too.
  const onOneCore = [
    'main-thread', 'thread-start-join', 'join-in-loop', 'pool-submit', 'pool-map', 'downloads',
    'gil-io', 'lifecycle', 'object-refs', 'processes', 'main-guard', 'shared-state', 'asyncio-gather',
    'asyncio-cpu', 'lock', 'deadlock', 'one-core',
  ];
  const failed = onOneCore.filter((id) => verdicts[id]?.status !== 'pass').map((id) => `${id}: ${verdicts[id]?.text}`);
  assert.deepEqual(failed, []);
  await page.close();
});
