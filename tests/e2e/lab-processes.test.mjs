// Processes in the browser: each child a worker with its own WebAssembly
// instance, spawned as CPython spawns them, printing what the same programs
// print natively, with and without shared memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withHostedApp } from '../support/app.mjs';
import { nativeRun } from '../support/native.mjs';

const isolated = withHostedApp();
const bare = withHostedApp({ isolationHeaders: false });

const source = (file) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

const runIn = (page, code, build) =>
  page.evaluate(([code, build]) => window.threadline.runPython(code, { build }), [code, build]);

const PROGRAMS = [
  'tests/python/concurrency/080_process_basic.py',
  'tests/python/concurrency/082_process_globals_isolated.py',
  'tests/python/concurrency/084_pool_map_starmap.py',
  'tests/python/concurrency/074_process_pool_executor.py',
];

test('process programs print in the isolated page what they print natively, each child a process of the timeline', async () => {
  const page = await isolated.open('view=lab');
  for (const file of PROGRAMS) {
    const expected = nativeRun(file);
    const run = await runIn(page, source(file), 'gil');
    assert.equal(run.stdout, expected, `${file}\n${run.stderr}`);
    assert.equal(run.exitCode, 0, file);
  }
  const run = await runIn(page, source(PROGRAMS[0]), 'gil');
  const processes = run.trace.traceEvents
    .filter((e) => e.ph === 'M' && e.name === 'process_name')
    .map((e) => e.args.name.replace(/ \(pid \d+\)$/, ''));
  assert.deepEqual(processes.sort(), ['MainProcess', 'Process-1', 'Process-2', 'squarer']);
  await page.close();
});

test('on the isolated page a child waits for its parent inside calls that call back into Python, through their mailbox and shared memory', async () => {
  const page = await isolated.open('view=lab');
  const file = 'tests/python/concurrency/100_child_waits_inside_calls.py';
  const lesson = source('crates/core/lessons/shared-state.py').replace('ROUNDS = 500', 'ROUNDS = 50');
  // A child reading a RawValue its parent made: memory both share.
  const reads = `import multiprocessing
def reader(value, n):
    print(sum(value.value for _ in range(n)))
if __name__ == "__main__":
    value = multiprocessing.RawValue("i", 2)
    p = multiprocessing.Process(target=reader, args=(value, 100))
    p.start()
    p.join()
`;
  for (const build of ['gil', 'one-core']) {
    const read = await runIn(page, reads, build);
    assert.equal(read.stdout, '200\n', read.stderr);
    const run = await runIn(page, source(file), build);
    assert.equal(run.build, build);
    assert.equal(run.stdout, nativeRun(file, build), `${build}\n${run.stderr}`);
    const shared = await runIn(page, lesson, build);
    assert.equal(
      shared.stdout,
      'each process counted: [50, 50, 50, 50]\nshared total: 200 of 200\n',
      `${build}\n${shared.stderr}`,
    );
  }
  await page.close();
});

test('without isolation processes still run, and a missing main guard fails as in CPython', async () => {
  const page = await bare.open('view=lab');
  // Waits for children anywhere a program's own code runs: at the top of a
  // loop, in a generator list() or sorted() consumes, in one map() or zip()
  // pulls, in a function map() calls, in a property, in __setitem__, in the
  // __exit__ of a pool's with.
  const waitsInside = [
    'tests/python/concurrency/100_child_waits_inside_calls.py',
    'tests/python/concurrency/156_builtins_consume_generators.py',
    'tests/python/concurrency/157_builtins_pull_lazily.py',
  ];
  for (const file of [...PROGRAMS, ...waitsInside]) {
    const run = await runIn(page, source(file), 'gil');
    assert.equal(run.build, 'one-core', 'no shared memory here');
    assert.equal(run.stdout, nativeRun(file, 'one-core'), `${file}\n${run.stderr}`);
  }
  // A wait inside a builtin's own loop (a key= function that joins a
  // process) cannot return to the worker's event loop without shared
  // memory: the run says so and ends.
  const nested = await runIn(page, `import multiprocessing
def work():
    pass
def finish(process):
    process.join()
    return process.exitcode
if __name__ == "__main__":
    processes = [multiprocessing.Process(target=work) for _ in range(2)]
    for process in processes:
        process.start()
    print(sorted(processes, key=finish))
`, 'one-core');
  assert.equal(nested.exitCode, 1);
  assert.match(nested.stderr, /SystemError: one-core in the browser cannot wait for another process/);
  const guard = 'tests/python/concurrency/098_missing_main_guard.py';
  const unguarded = await runIn(page, source(guard), 'one-core');
  assert.match(unguarded.stderr, /An attempt has been made to start a new process before the\s+current process has finished its bootstrapping phase/);
  await page.close();
});
