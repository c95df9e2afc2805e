// Node's built-in WASI (node:wasi, preview1) running python.wasm: the reference on the server and the native
// floor in the browser part of the WasiPlay benchmarks (BENCHMARKS.md).
// usage: node node-wasi-bench.mjs <python.wasm> <spec.json>
//   spec: {reps, workloads: [{name, argv, files: {path: {text} | {filler: bytes}}}], throughput?: {workload, runs}}
// The module is compiled once; every run gets a fresh WASI and Instance, with a directory holding the
// workload's files preopened as "/". The first run of each workload checks the output and warms up (its
// stdout and stderr go to a file, reported as "output"); the timed runs write to /dev/null. Prints one JSON
// line per workload: {name, exit, output, times}, then {name: "throughput", runs, ms} if asked for.
// Note: time.sleep hangs in node:wasi (poll_oneoff), so no workload may sleep.
import { WASI } from "node:wasi";
import { readFileSync, openSync, closeSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";

function workloadDir(files) {
  const dir = mkdtempSync(join(tmpdir(), "wasiplay-node-bench-"));
  for (const [path, content] of Object.entries(files || {})) {
    const target = join(dir, path.replace(/^\/+/, ""));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, "text" in content ? content.text : "x".repeat(content.filler));
  }
  return dir;
}

async function runOnce(module, argv, dir, outFd) {
  const wasi = new WASI({ version: "preview1", args: argv, env: {}, returnOnExit: true,
                          preopens: { "/": dir }, stdout: outFd, stderr: outFd });
  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
  return wasi.start(instance);
}

if (isMainThread) {
  const [wasmPath, specPath] = process.argv.slice(2);
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  const devNull = openSync("/dev/null", "w");
  const dirs = {};
  for (const workload of spec.workloads) {
    const dir = dirs[workload.name] = workloadDir(workload.files);
    const outPath = join(mkdtempSync(join(tmpdir(), "wasiplay-node-out-")), "output.txt");
    const outFd = openSync(outPath, "w");
    const exit = await runOnce(module, workload.argv, dir, outFd);
    closeSync(outFd);
    const output = readFileSync(outPath, "utf8");
    const times = [];
    for (let i = 0; i < spec.reps; i++) {
      const start = performance.now();
      await runOnce(module, workload.argv, dir, devNull);
      times.push(performance.now() - start);
    }
    console.log(JSON.stringify({ name: workload.name, exit, output, times }));
  }
  if (spec.throughput) {
    // Runs of one workload, two at a time (one worker thread per core), each worker instantiating its own.
    const workload = spec.workloads.find(w => w.name === spec.throughput.workload);
    const runs = spec.throughput.runs;
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const start = performance.now();
    await Promise.all([0, 1].map(() => new Promise((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url),
        { workerData: { module, argv: workload.argv, dir: dirs[workload.name], counter, runs } });
      worker.on("message", resolve);
      worker.on("error", reject);
    })));
    console.log(JSON.stringify({ name: "throughput", runs, ms: performance.now() - start }));
  }
} else {
  const { module, argv, dir, counter, runs } = workerData;
  const devNull = openSync("/dev/null", "w");
  while (Atomics.add(counter, 0, 1) < runs) {
    await runOnce(module, argv, dir, devNull);
  }
  parentPort.postMessage("done");
}
