// The browser part of the WasiPlay benchmarks (BENCHMARKS.md), driven by BrowserBenchmark through Playwright.
// One page: python.wasm is fetched once and compiled once here, and that one WebAssembly.Module is posted to
// every runner. Each runner lives in its own dedicated Web Worker and speaks the web-client run protocol
// (web-client/README.md): WasiPlay's TeaVM worker, and peers-worker.js for the npm peers. A run is timed
// here with performance.now(), from posting the run message to receiving its exit message, so it covers the
// same steps for every runner: building the in-memory files, instantiating, running, posting the output.
"use strict";

/** Each runner: its worker script, and what its run messages carry besides the run itself. */
const RUNNERS = {
  wasiplay: { script: "/js/wasiplay-worker.js", extra: {} },
  browser_wasi_shim: { script: "/peers-worker.js", extra: { peer: "browser_wasi_shim" } },
  runno: { script: "/peers-worker.js", extra: { peer: "runno" } },
  // runno with its output joined as WasiPlay's worker joins it: shows what that part of the design is worth.
  "runno, output joined": { script: "/peers-worker.js", extra: { peer: "runno", joinMs: 10 } },
};
/** A run taking longer than this is reported as an error (and its worker replaced). */
const RUN_TIMEOUT_MS = 300000;

let module = null;
const workers = {};
const workloads = {};

function workerFor(runner) {
  if (!workers[runner]) {
    if (!RUNNERS[runner]) throw new Error(`unknown runner ${runner}`);
    workers[runner] = new Worker(RUNNERS[runner].script);
  }
  return workers[runner];
}

window.bench = {
  runners: Object.keys(RUNNERS),

  /** Fetches and compiles python.wasm once; starts one worker per runner. */
  async setUp() {
    const bytes = await (await fetch("/python.wasm")).arrayBuffer();
    module = await WebAssembly.compile(bytes);
    for (const runner of this.runners) workerFor(runner);
    return { wasmBytes: bytes.byteLength, crossOriginIsolated: self.crossOriginIsolated, userAgent: navigator.userAgent };
  },

  /**
   * Defines a workload: {name, argv, files: {path: {text} | {filler: bytes}}, expectedStdout}. File contents
   * are made here, once, so making them is not part of any run.
   */
  define(workload) {
    const files = {};
    for (const [path, content] of Object.entries(workload.files)) {
      files[path] = "text" in content ? content.text : "x".repeat(content.filler);
    }
    workloads[workload.name] = { argv: workload.argv, files, expectedStdout: workload.expectedStdout };
  },

  /** One timed run: resolves with {ms} or {error}, never with a wrong output passed off as a time. */
  run(runner, name) {
    const workload = workloads[name];
    const worker = workerFor(runner);
    return new Promise(resolve => {
      const stdout = [], stderr = [];
      const timer = setTimeout(() => {
        worker.terminate();
        delete workers[runner];
        resolve({ error: `no exit within ${RUN_TIMEOUT_MS} ms; stderr so far: ${stderr.join("").slice(-2000)}` });
      }, RUN_TIMEOUT_MS);
      worker.onerror = event => {
        clearTimeout(timer);
        resolve({ error: `worker error: ${event.message}` });
      };
      worker.onmessage = ({ data }) => {
        switch (data.type) {
          case "stdout": stdout.push(data.text); break;
          case "stderr": stderr.push(data.text); break;
          case "exit": {
            const ms = performance.now() - start;
            clearTimeout(timer);
            const out = stdout.join("");
            if (data.exitCode !== 0 || out !== workload.expectedStdout) {
              resolve({ error: `exit ${data.exitCode}, stdout ${JSON.stringify(out.slice(0, 200))} (${out.length} chars)`
                + `, stderr ${JSON.stringify(stderr.join("").slice(-2000))}` });
            } else {
              resolve({ ms });
            }
            break;
          }
          case "error":
            clearTimeout(timer);
            resolve({ error: data.message });
            break;
        }
      };
      const start = performance.now();
      worker.postMessage({ type: "run", module, argv: workload.argv, files: workload.files, ...RUNNERS[runner].extra });
    });
  },
};
