// A static file server that behaves like a static host: it serves `dist/`
// as is, and sends the headers from `dist/_headers` only when asked to, so
// tests can load the same build both cross-origin isolated and not.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// Parses the `/*` block of a Netlify-style `_headers` file.
export async function readHeadersFile(dir) {
  const text = await readFile(join(dir, '_headers'), 'utf8');
  const headers = {};
  let inAll = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '');
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    const at = line.indexOf(':');
    if (inAll && at > 0) headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

// Closing waits for open sockets, and a browser keeps idle ones alive for
// minutes: drop them.
function closer(server) {
  return () => new Promise((done) => {
    server.close(done);
    server.closeAllConnections();
  });
}

function listen(server, port) {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server.address().port));
  });
}

// Serves `dir` on `port` (0: any free port). Returns { url, close }.
export async function serveDir({ dir, port = 0, isolationHeaders }) {
  const root = resolve(dir);
  const extra = isolationHeaders ? await readHeadersFile(root) : {};
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ...extra,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...extra }).end('not found');
    }
  });
  const bound = await listen(server, port);
  return { url: `http://127.0.0.1:${bound}/`, close: closer(server) };
}

// An ordinary page on another origin that embeds `src` in an iframe, as a
// blog post would. It sends no isolation headers.
export async function serveHostPage({ src, port = 0 }) {
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>A blog post</title></head>
<body><h1>A blog post about threads</h1>
<iframe id="embed" src="${src}" width="760" height="900" style="border:1px solid #ccc"></iframe></body></html>`;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
  const bound = await listen(server, port);
  return { url: `http://localhost:${bound}/`, close: closer(server) };
}
