// A worker process of the procs mode. The page sends the process module,
// already compiled, in the first message: compiled code is shared (as
// processes share the interpreter's code pages), memory is not (each
// instance gets its own, as each process gets its own heap).
importScripts('./threadline-proc.js');

self.onmessage = async ({ data }) => {
  if (data?.type !== 'threadline:start') return;
  self.onmessage = null;
  // Instantiating runs the module's main, which takes over onmessage and
  // tells the page this process is ready.
  await wasm_bindgen({ module_or_path: data.module });
};
