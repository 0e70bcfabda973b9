// Starts whichever build this page can run.
//
// The threaded build imports a shared WebAssembly.Memory. Chromium creates one
// on any page, but Firefox and Safari only allow shared memory on
// cross-origin isolated pages, so a page that is not isolated (a blog's
// iframe, a host that cannot send headers) gets the plain build.

function showFailure(message) {
  const app = document.getElementById('app');
  if (!app) return;
  app.dataset.state = 'error';
  const line = app.querySelector('[data-boot-message]') ?? app.appendChild(document.createElement('p'));
  line.setAttribute('data-boot-message', '');
  line.setAttribute('role', 'alert');
  line.textContent = `Threadline could not start: ${message}`;
}

async function start(build) {
  const module = await import(build.js);
  await module.default({ module_or_path: build.wasm });
}

async function boot(threaded, plain) {
  // importModule: the app's dynamic import (the lab's editor bundle). A JS
  // snippet of the app's own would be written by both builds at once into
  // one output directory, and could be copied out empty.
  const state = { build: 'plain', reason: null, importModule: (url) => import(url) };
  globalThis.threadlineBoot = state;
  if (globalThis.crossOriginIsolated === true) {
    try {
      state.build = 'threaded';
      await start(threaded);
      return;
    } catch (error) {
      console.error(error);
      state.build = 'plain';
      state.reason = `the threaded build failed to start (${error})`;
    }
  } else {
    state.reason = 'this page is not cross-origin isolated, so its workers cannot share memory';
  }
  try {
    await start(plain);
  } catch (error) {
    console.error(error);
    showFailure(String(error));
  }
}

// The addresses of both builds come from this script's own tag (Trunk fills
// them in), so the page needs no inline script.
const tag = document.querySelector('script[data-threaded-js]');
if (tag) {
  boot(
    { js: tag.dataset.threadedJs, wasm: tag.dataset.threadedWasm },
    { js: tag.dataset.plainJs, wasm: tag.dataset.plainWasm },
  );
} else {
  showFailure('the page does not say where its WebAssembly is');
}
