// The worker that runs a Python program. The page sends the interpreter's
// module, already compiled, and the program in the first message; the
// module's main takes over from there.
importScripts('./threadline-py.js');

self.onmessage = async ({ data }) => {
  if (data?.type !== 'threadline:start') return;
  self.onmessage = null;
  self.threadlineRun = data.run;
  await wasm_bindgen({ module_or_path: data.module });
};
