// Threadline Python's native command, for browser tests that hold a run in
// the page to the same program's run on this machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let built;

// Runs `file` (a path from the repository's root) natively on `build` and
// returns what it printed to stdout, also when it ends with an exception.
// Builds the command first (at once when it is already built).
export function nativeRun(file, build = 'gil') {
  built ??= execFileSync('bash', ['-c', 'source tools/env.sh && native build -p threadline-python --quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const run = spawnSync(`${ROOT}target/debug/threadline-python`, ['--build', build, `${ROOT}${file}`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return run.stdout;
}
