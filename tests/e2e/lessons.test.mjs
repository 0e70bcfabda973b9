// Every lesson, run in the isolated page as a reader runs it: its claim is
// checked against the run's own record and passes. A claim that depends on
// the machine (timings on a loaded machine) gets a second run before it
// counts as failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withHostedApp } from '../support/app.mjs';

const app = withHostedApp();

// Lessons whose programs start processes or interpreters, which the
// browser does not run yet.
const NEEDS_PROCESSES = new Set(['processes', 'main-guard', 'process-pool', 'more-procs-than-cores', 'shared-state', 'subinterpreters']);

async function checkOnce(page) {
  await page.locator('[data-testid=py-run]').click();
  const check = page.locator('[data-lesson-check]');
  await check.waitFor({ timeout: 60_000 });
  return { status: await check.getAttribute('data-status'), text: await check.innerText() };
}

test('every lesson runs in the isolated page and its claim passes', async () => {
  const index = await app.open('view=lab');
  const lessons = (await index.evaluate(() => window.threadline.lessons())).filter((l) => !NEEDS_PROCESSES.has(l.id));
  await index.close();
  assert.ok(lessons.length >= 19, `${lessons.length} lessons`);
  const failed = [];
  for (const { id } of lessons) {
    let check;
    for (let attempt = 0; attempt < 2 && check?.status !== 'pass'; attempt++) {
      const page = await app.open(`view=lab&lesson=${id}`);
      check = await checkOnce(page);
      await page.close();
    }
    if (check.status !== 'pass') failed.push(`${id}: ${check.text}`);
  }
  assert.deepEqual(failed, []);
});
