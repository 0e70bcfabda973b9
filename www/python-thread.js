// One Python thread's host thread in the threaded build: the interpreter's
// module instantiated on the program's shared memory. It tells the page
// when it is ready for a thread, runs each thread the page gives it, and
// says so again when that thread ends, so that the page can reuse it.
let ready = null;

self.onmessage = async ({ data }) => {
  if (data?.type === 'threadline:thread-start') {
    importScripts(data.glue);
    ready = wasm_bindgen({
      module_or_path: data.module,
      memory: data.memory,
      thread_stack_size: data.stackBytes,
    });
    await ready;
    postMessage({ type: 'threadline:thread-idle' });
  } else if (data?.type === 'threadline:thread-run') {
    await ready;
    // Outside the async handler, so that a trap is an uncaught error the
    // page hears of as this worker's 'error' event.
    setTimeout(() => {
      wasm_bindgen.threadline_py_thread(data.entry);
      postMessage({ type: 'threadline:thread-idle' });
    });
  }
};
