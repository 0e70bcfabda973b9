// The lab: a lesson or the reader's own program in a real editor, run in a
// worker, its errors marked, its text always a permalink.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withHostedApp, openApp } from '../support/app.mjs';
import { THREADS, THREAD_LANES } from '../support/programs.mjs';

const app = withHostedApp();

const editorReady = (page) => page.locator('[data-testid=editor][data-ready=true]').waitFor({ timeout: 30_000 });
const editorText = (page) => page.locator('.cm-content').innerText();
const query = (page) => new URL(page.url()).searchParams;

test('the editor loads with the lab, not with the comparison', async () => {
  const { browser, url } = await app.start();
  const page = await browser.page();
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await openApp(browser, url);
  assert.ok(!fetched.some((u) => u.endsWith('/editor.js')), 'not on the comparison');
  await page.close();
  const lab = await openApp(browser, url, 'view=lab&lesson=main-thread');
  const loaded = [];
  lab.on('request', (r) => loaded.push(r.url()));
  await editorReady(lab);
  assert.match(await editorText(lab), /threading\.current_thread\(\)/, "the lesson's program");
  assert.equal(await lab.locator('[data-lesson="main-thread"][aria-current=page]').count(), 1);
  const lessons = await lab.evaluate(() => window.threadline.lessons());
  assert.ok(lessons.some((l) => l.id === 'main-thread' && l.title && l.concept));
  await lab.close();
});

test('an edited program is a permalink, and the lesson list switches programs', async () => {
  const page = await app.open('view=lab&lesson=main-thread');
  await editorReady(page);
  assert.equal(query(page).get('code'), null, "the lesson's own program needs no code");
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nprint("edited")');
  await page.waitForFunction(() => new URL(location.href).searchParams.has('code'));
  const permalink = page.url();
  const again = await page.context().newPage();
  await again.goto(permalink);
  await again.locator('#app[data-state=ready]').waitFor({ timeout: 60_000 });
  await editorReady(again);
  assert.match(await editorText(again), /print\("edited"\)\s*$/, 'the edit came back');
  await again.locator('[data-lesson="main-thread"]').click();
  await again.waitForFunction(() => !new URL(location.href).searchParams.has('code'));
  assert.doesNotMatch(await editorText(again), /edited/, "back to the lesson's program");
  await again.close();
  await page.close();
});

test('Ctrl+Enter runs; a runtime error is marked at its line with its message', async () => {
  const page = await app.open('view=lab');
  await editorReady(page);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('def f(x):\nreturn 10 / x\n');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('print("start")\nf(0)');
  await page.keyboard.press('Control+Enter');
  const run = page.locator('[data-py-run]');
  await run.waitFor({ timeout: 30_000 });
  assert.equal(await run.getAttribute('data-exit-code'), '1');
  assert.equal(await run.getAttribute('data-build'), 'gil');
  assert.equal(await page.locator('#app').getAttribute('data-state'), 'done');
  assert.equal((await page.locator('[data-testid=py-stdout]').innerText()).trim(), 'start');
  const marked = page.locator('.cm-line.cm-error-line');
  assert.equal(await marked.count(), 1);
  assert.match(await marked.innerText(), /return 10 \/ x/, 'indented by Enter, at line 2');
  assert.match(await marked.innerText(), /ZeroDivisionError: division by zero/);
  await page.close();
});

test('a syntax error shows where CPython shows it, and nothing runs', async () => {
  const page = await app.open('view=lab');
  await editorReady(page);
  const result = await page.evaluate(() => window.threadline.runPython('print("never")\nx = = 1\n'));
  assert.equal(result.stdout, '');
  assert.equal(result.exitCode, 1);
  assert.match(result.stderr, /File "<lab>", line 2\n {4}x = = 1\n {8}\^\nSyntaxError: invalid syntax/);
  await page.locator('[data-py-run]').waitFor();
  assert.match(await page.locator('.cm-error-line').innerText(), /SyntaxError: invalid syntax/);
  assert.match(await editorText(page), /x = = 1/, 'the editor shows the program that ran');
  await page.close();
});

test('bad lab keys are named, and runPython rejects bad options without running', async () => {
  const page = await app.open('view=lab&build=pypy&code=%25%25');
  const notices = await page.locator('.notice').allInnerTexts();
  assert.ok(notices.some((n) => /no build `pypy`/.test(n)), notices.join('\n'));
  assert.ok(notices.some((n) => /`code` holds no program/.test(n)), notices.join('\n'));
  const why = await page.evaluate(() => window.threadline.runPython('print(1)', 7).then(() => 'ran', (e) => e.message));
  assert.match(why, /options must be an object/);
  const wrong = await page.evaluate(() => window.threadline.runPython(42).then(() => 'ran', (e) => e.message));
  assert.match(wrong, /source as a string/);
  await page.close();
});

test('Embed gives an iframe snippet of the program being edited, which opens it compactly', async () => {
  const page = await app.open('view=lab&lesson=main-thread&build=one-core');
  await editorReady(page);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nprint("from the snippet")');
  await page.waitForFunction(() => new URL(location.href).searchParams.has('code'));
  await page.locator('[data-testid=embed]').click();
  const snippet = await page.locator('[data-testid=embed-snippet]').inputValue();
  const src = snippet.match(/^<iframe src="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(src, snippet);
  const params = new URL(src).searchParams;
  assert.equal(params.get('embed'), '1');
  assert.equal(params.get('build'), 'one-core');
  assert.equal(params.get('code'), query(page).get('code'), 'the edited program');
  const embedded = await page.context().newPage();
  await embedded.goto(src);
  await embedded.locator('#app[data-state=ready][data-embed=true]').waitFor({ timeout: 60_000 });
  await editorReady(embedded);
  assert.match(await editorText(embedded), /from the snippet/);
  assert.equal(await embedded.locator('.lesson-index').isVisible(), false, 'compact: no lesson index');
  await embedded.close();
  await page.close();
});

test('threads run for real on every build, each a lane of the timeline and the trace', async () => {
  const { execFileSync } = await import('node:child_process');
  const expected = execFileSync('python3', ['-c', THREADS], { encoding: 'utf8' });
  const page = await app.open('view=lab');
  await editorReady(page);
  for (const build of ['gil', 'free-threaded', 'one-core']) {
    const result = await page.evaluate(([code, b]) => window.threadline.runPython(code, { build: b }), [THREADS, build]);
    assert.equal(result.stdout, expected, `${build}: ${result.stderr}`);
    assert.deepEqual([result.exitCode, result.build], [0, build]);
    assert.deepEqual([...result.lanes].sort(), THREAD_LANES, build);
    const named = result.trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args.name);
    assert.ok(named.includes('Thread-3 (work)'), `${build}: the trace names the threads`);
    const computed = result.trace.traceEvents.filter((e) => e.ph === 'X' && e.cat === 'cpu');
    assert.equal(new Set(computed.map((e) => e.tid)).size, 4, `${build}: every thread computed`);
    await page.locator('[data-py-run][data-lanes="4"]').waitFor();
    assert.equal(await page.locator('#timeline-lanes [data-process="MainProcess"][data-lanes="4"]').count(), 1);
  }
  await page.close();
});

test("a lesson's claim is checked against its run", async () => {
  const page = await app.open('view=lab&lesson=join-in-loop');
  await editorReady(page);
  assert.match(await page.locator('[data-testid=lesson-claim]').innerText(), /claim/i);
  await page.locator('[data-testid=py-run]').click();
  const check = page.locator('[data-lesson-check]');
  await check.waitFor({ timeout: 60_000 });
  assert.equal(await check.getAttribute('data-status'), 'pass', await check.innerText());
  assert.match(await check.innerText(), /longest overlap \d/);
  // The run can be replayed: its three sleeps of 0.3, 0.4 and 0.5 s one after another.
  const scrubber = page.locator('[data-testid=replay-scrubber]');
  assert.ok(Number(await scrubber.getAttribute('max')) >= 1200, await scrubber.getAttribute('max'));
  await page.locator('[data-testid=replay-step]').click();
  await page.waitForFunction(() => Number(document.querySelector('.replay')?.dataset.playheadMs) > 0);
  await page.close();
});
