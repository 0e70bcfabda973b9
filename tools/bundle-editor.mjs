// Bundles the lab's editor (www/editor/editor.js and CodeMirror) into one
// minified ES module, `editor.js`, next to the app. Trunk runs it before
// each build (Trunk.toml's hook) with TRUNK_STAGING_DIR set; run by hand it
// writes to dist/.
import { build } from 'esbuild';
import { join } from 'node:path';

const out = join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'editor.js');
await build({
  entryPoints: ['www/editor/editor.js'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  outfile: out,
  legalComments: 'none',
  logLevel: 'warning',
});
