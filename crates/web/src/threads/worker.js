// Starts one thread of a shared-memory pool: a module Web Worker that
// instantiates the app's own module on the app's shared memory, then hands
// itself to rayon. It returns from rayon only when its pool is dropped; it
// then frees its thread's stack and ends.
//
// The worker script is a blob (allowed by `worker-src blob:`), so it needs
// the app module's absolute URL.
const SOURCE = `
self.onmessage = async ({ data }) => {
  self.onmessage = null;
  const app = await import(data.mainJs);
  const wasm = app.initSync({ module: data.module, memory: data.memory });
  postMessage('ready');
  // Outside the async handler: a trap there would only reject its promise,
  // where a trap in a timer callback is an uncaught error, which the page
  // hears of as the worker's 'error' event.
  setTimeout(() => {
    app.threadline_pool_worker(data.receiver, data.slot);
    wasm.__wbindgen_thread_destroy();
    close();
  });
};`;

// Starts the worker; resolves with it once it is ready to take a thread.
export function startPoolWorker(module, memory, mainJs, receiver, slot, name) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([SOURCE], { type: 'text/javascript' }));
    const worker = new Worker(url, { type: 'module', name });
    worker.onmessage = () => {
      URL.revokeObjectURL(url);
      worker.onmessage = null;
      worker.onerror = null;
      resolve(worker);
    };
    worker.onerror = (event) => {
      URL.revokeObjectURL(url);
      worker.terminate();
      reject(new Error(event.message || `${name} failed to start`));
    };
    worker.postMessage({ module, memory, mainJs, receiver, slot });
  });
}
