// The worker that runs a Python program. The page sends the interpreter's
// glue script, its module (already compiled) and the program in the first
// message; the module's main takes over from there. In the threaded build
// the program's other threads run on workers of `python-thread.js`. A
// program's child processes run on workers of this script too, started by
// the program's worker with the same glue and module (kept here for it),
// and the buffer the run's processes share, where the page has one.
self.onmessage = async ({ data }) => {
  if (data?.type !== 'threadline:start') return;
  self.onmessage = null;
  importScripts(data.glue);
  self.threadlineGlue = data.glue;
  self.threadlineModule = data.module;
  self.threadlineRun = data.run;
  // A child process's view of its run's shared memory (Value, Array).
  self.threadlineShared = data.shared;
  // A child process's mailbox: its parent's notices, readable while it waits.
  self.threadlineMailbox = data.mailbox;
  // No service worker controls the page: answer the lab's requests here.
  self.threadlineLocalNetwork = data.localNetwork;
  await wasm_bindgen({ module_or_path: data.module });
};
