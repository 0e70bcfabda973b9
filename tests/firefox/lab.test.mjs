// The lab in Firefox: the editor, a program run on the threaded interpreter
// of an isolated page, and in a bare cross-origin embed (where Firefox
// cannot isolate the frame) on one core, with the reason shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withFirefox } from '../support/firefox.mjs';
import { THREADS as PROGRAM, THREAD_LANES } from '../support/programs.mjs';

const firefox = withFirefox();

const EXPECTED = '[(1, 0), (2, 0), (3, 0)]\n1 MainThread\n';

// Runs it in the lab as a reader's own program; what the page shows.
async function runProgram(target) {
  const result = await target.evaluate((code) => window.threadline.runPython(code), PROGRAM);
  const facts = await target.$eval('[data-py-run]', (e) => ({ ...e.dataset }));
  const notice = await target.$eval('.lab', (e) => e.textContent);
  return { ...result, facts, notice };
}

test('isolated: a threaded program runs on the gil build, each thread a lane, and prints what CPython prints', async () => {
  const page = await firefox.open({ query: 'view=lab' });
  await page.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: 30_000 });
  const result = await runProgram(page);
  assert.deepEqual([result.exitCode, result.build, result.stdout], [0, 'gil', EXPECTED], result.stderr);
  assert.deepEqual([result.facts.exitCode, result.facts.build], ['0', 'gil']);
  assert.deepEqual([...result.lanes].sort(), THREAD_LANES, 'each thread on a worker of its own, recorded');
  await page.close();
});

test('in a bare cross-origin embed the same program runs on one core and says why', async () => {
  const embedded = await firefox.embed({ query: 'embed=1&view=lab' });
  const { page, frame } = embedded;
  try {
    await frame.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: 30_000 });
    const result = await runProgram(frame);
    assert.deepEqual([result.exitCode, result.build, result.stdout], [0, 'one-core', EXPECTED], result.stderr);
    assert.match(result.fallback, /not cross-origin isolated/);
    assert.deepEqual([...result.lanes].sort(), THREAD_LANES, 'the same threads, taking turns on one core');
    assert.match(result.notice, /not cross-origin isolated/, 'the lab says why');
  } finally {
    await page.close();
    await embedded.close();
  }
});

test("isolated: a threads lesson runs and its claim is checked against the run", async () => {
  const page = await firefox.open({ query: 'view=lab&lesson=join-in-loop' });
  await page.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: 30_000 });
  await page.click('[data-testid=py-run]');
  const check = await page.waitForSelector('[data-lesson-check]', { timeout: 60_000 });
  const [status, text] = await check.evaluate((e) => [e.dataset.status, e.textContent]);
  assert.equal(status, 'pass', text);
  assert.match(text, /longest overlap \d/);
  const lanes = await page.$eval('[data-py-run]', (e) => e.dataset.lanes);
  assert.equal(lanes, '4', 'MainThread and its three threads');
  await page.close();
});

// A lesson in Firefox, run as a reader runs it; its claim's status and text.
async function lessonCheck(id) {
  const page = await firefox.open({ query: `view=lab&lesson=${id}` });
  try {
    await page.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: 30_000 });
    await page.click('[data-testid=py-run]');
    const check = await page.waitForSelector('[data-lesson-check]', { timeout: 60_000 });
    return await check.evaluate((e) => [e.dataset.status, e.textContent]);
  } finally {
    await page.close();
  }
}

test('isolated: an asyncio lesson and a processes lesson run and their claims pass', async () => {
  for (const id of ['asyncio-gather', 'processes']) {
    const [status, text] = await lessonCheck(id);
    assert.equal(status, 'pass', `${id}: ${text}`);
  }
});
