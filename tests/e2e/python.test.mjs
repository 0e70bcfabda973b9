// Threadline Python in the page: fetched only when a program first runs,
// run in a worker, and printing what CPython prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { withHostedApp } from '../support/app.mjs';

const app = withHostedApp();
const CORPUS = new URL('../python/corpus/', import.meta.url).pathname;

// What CPython does with a program: stdout, status, last line of stderr.
function cpython(path) {
  try {
    const stdout = execFileSync('python3', [path], { encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    return { stdout, exitCode: 0, lastErr: '' };
  } catch (error) {
    return { stdout: error.stdout, exitCode: error.status, lastErr: lastLine(error.stderr) };
  }
}

function lastLine(text) {
  return text.split('\n').filter((l) => l.trim()).pop() ?? '';
}

const runPython = (page, code) => page.evaluate((c) => window.threadline.runPython(c), code);

test('the interpreter is not fetched until a program runs', async () => {
  const { browser, url } = await app.start();
  const page = await browser.page();
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto(url);
  await page.locator('#app[data-state=ready]').waitFor({ timeout: 60_000 });
  assert.ok(!fetched.some((u) => u.includes('threadline-py')), 'not on the first load');
  const result = await runPython(page, 'print(sum(range(10)))');
  assert.equal(result.stdout, '45\n');
  // This page is cross-origin isolated: the threaded build runs (gil is the default).
  assert.ok(fetched.some((u) => u.includes('threadline-py-mt_bg.wasm')), 'fetched for the first program');
  assert.ok(!fetched.some((u) => u.includes('threadline-py_bg.wasm')), 'not the plain build');
  // one-core needs no shared memory: the plain build.
  const single = await page.evaluate(() => window.threadline.runPython('print(6 * 7)', { build: 'one-core' }));
  assert.equal(single.stdout, '42\n');
  assert.ok(fetched.some((u) => u.includes('threadline-py_bg.wasm')), 'the plain build for one-core');
  await page.close();
});

test('programs of the corpus print in the browser what CPython prints', async () => {
  const page = await app.open();
  const names = (await readdir(CORPUS)).filter((n) => n.endsWith('.py') && !n.includes('random_exact'));
  // Every seventh program: a spread of the corpus that keeps the test short
  // (the whole corpus runs natively against CPython in the core tests).
  const chosen = names.filter((_, i) => i % 7 === 0);
  assert.ok(chosen.length >= 15);
  for (const name of chosen) {
    const expected = cpython(CORPUS + name);
    const got = await runPython(page, await readFile(CORPUS + name, 'utf8'));
    assert.equal(got.stdout, expected.stdout, `${name}: stdout`);
    assert.equal(got.exitCode, expected.exitCode, `${name}: exit status`);
    assert.equal(lastLine(got.stderr), expected.lastErr, `${name}: last line of stderr`);
  }
  await page.close();
});

test('cancel stops an endless loop at once, and the next program runs', async () => {
  const page = await app.open();
  const running = runPython(page, 'n = 0\nwhile True:\n    n += 1\n');
  await page.waitForTimeout(300);
  const started = Date.now();
  await page.evaluate(() => window.threadline.cancel());
  const result = await running;
  assert.ok(Date.now() - started < 500, `cancel took ${Date.now() - started} ms`);
  assert.equal(result.exitCode, 130);
  assert.match(result.stderr, /KeyboardInterrupt/);
  const next = await runPython(page, 'print("again")');
  assert.equal(next.stdout, 'again\n');
  await page.close();
});
