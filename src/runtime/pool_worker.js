// Starts one thread of a sized rayon pool: a module Web Worker that
// instantiates the app's own module on the app's shared memory, then hands
// itself to rayon (it never returns to its event loop).
//
// The worker script is a blob, so it needs the app module's absolute URL;
// wasm-bindgen-rayon starts its global pool the same way.
const SOURCE = `
self.onmessage = async ({ data }) => {
  const app = await import(data.mainJs);
  app.initSync({ module: data.module, memory: data.memory });
  postMessage('ready');
  app.threadline_pool_worker(data.receiver);
};`;

export function startPoolWorker(module, memory, mainJs, receiver, name) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([SOURCE], { type: 'text/javascript' }));
    const worker = new Worker(url, { type: 'module', name });
    worker.onmessage = () => {
      URL.revokeObjectURL(url);
      resolve();
    };
    worker.onerror = (event) => reject(new Error(event.message || `${name} failed to start`));
    worker.postMessage({ module, memory, mainJs, receiver });
  });
}
