// The lab in Firefox: the editor, a program run on the threaded interpreter
// of an isolated page, and in a bare cross-origin embed (where Firefox
// cannot isolate the frame) on one core, with the reason shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withFirefox } from '../support/firefox.mjs';

const firefox = withFirefox();

// A program of the main thread alone (its build and what it printed).
const PROGRAM = 'import os\ntotal = 0\nfor n in range(1, 200_001):\n    total += n * n\nprint(f"sum of squares: {total}")\nprint(os.cpu_count() >= 1)\n';
const EXPECTED = 'sum of squares: 2666686666700000\nTrue\n';

// Runs it in the lab as a reader's own program; what the page shows.
async function runProgram(target) {
  const result = await target.evaluate((code) => window.threadline.runPython(code), PROGRAM);
  const facts = await target.$eval('[data-py-run]', (e) => ({ ...e.dataset }));
  const notice = await target.$eval('.lab', (e) => e.textContent);
  return { ...result, facts, notice };
}

test('isolated: a program runs on the threaded gil build and prints what CPython prints', async () => {
  const page = await firefox.open({ query: 'view=lab' });
  await page.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: 30_000 });
  const result = await runProgram(page);
  assert.deepEqual([result.exitCode, result.build, result.stdout], [0, 'gil', EXPECTED], result.stderr);
  assert.deepEqual([result.facts.exitCode, result.facts.build], ['0', 'gil']);
  await page.close();
});

test('in a bare cross-origin embed the lab runs a program on one core and says why', async () => {
  const embedded = await firefox.embed({ query: 'embed=1&view=lab' });
  const { page, frame } = embedded;
  try {
    await frame.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: 30_000 });
    const result = await runProgram(frame);
    assert.deepEqual([result.exitCode, result.build, result.stdout], [0, 'one-core', EXPECTED], result.stderr);
    assert.match(result.fallback, /not cross-origin isolated/);
    assert.match(result.notice, /not cross-origin isolated/, 'the lab says why');
  } finally {
    await page.close();
    await embedded.close();
  }
});
