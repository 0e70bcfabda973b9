// Puts the JS snippets of the built site back from their sources.
//
// Trunk builds the app's wasm modules at once, and wasm-bindgen writes every
// build's snippets (`#[wasm_bindgen(module = "/src/...js")]`) into one output
// directory shared by all of them, from which each build copies the whole
// directory into the site. A copy taken while another build was rewriting a
// file came out empty, and the page could not start. Trunk runs this after
// every build has finished (Trunk.toml's post_build hook, with
// TRUNK_STAGING_DIR set); run by hand it mends dist/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const site = process.env.TRUNK_STAGING_DIR ?? 'dist';

// Each workspace crate's directory, by package name.
const metadata = JSON.parse(
  execFileSync('cargo', ['metadata', '--no-deps', '--offline', '--format-version', '1'], {
    encoding: 'utf8',
  }),
);
const crateDirs = new Map(metadata.packages.map((p) => [p.name, dirname(p.manifest_path)]));

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

function* snippetDirs(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    if (entry.name === 'snippets') yield path;
    else yield* snippetDirs(path);
  }
}

const problems = [];
let restored = 0;
for (const snippets of snippetDirs(site)) {
  for (const file of files(snippets)) {
    // snippets/<crate>-<16 hex digits>/<path in the crate>
    const [owner, ...inCrate] = relative(snippets, file).split('/');
    const crate = owner.replace(/-[0-9a-f]{16}$/, '');
    const source = crateDirs.has(crate) ? join(crateDirs.get(crate), ...inCrate) : null;
    if (source && existsSync(source)) {
      copyFileSync(source, file);
      restored += 1;
    } else if (statSync(file).size === 0) {
      problems.push(`${relative(site, file)} is empty and has no source to restore it from`);
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
if (process.env.TRUNK_STAGING_DIR === undefined) console.log(`restored ${restored} snippets in ${site}`);
