// Node's built-in WASI (node:wasi, preview1) running python.wasm: the reference for ServerBenchmark.
// usage: node node-wasi-bench.mjs <python.wasm> <reps> <throughputRuns> <workload name=code>...
// The module is compiled once; every run gets a fresh WASI and instance. Prints one JSON line per workload.
import { WASI } from 'node:wasi';
import { readFileSync, openSync, closeSync, mkdtempSync, writeFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Like the server: the program is /main.py in a directory preopened as "/", run as `python /main.py`.
function scriptDir(code) {
  const dir = mkdtempSync(join(tmpdir(), 'wasiplay-node-bench-'));
  writeFileSync(join(dir, 'main.py'), code);
  return dir;
}

async function runOnce(module, dir, outFd) {
  const wasi = new WASI({ version: 'preview1', args: ['python', '/main.py'], env: {}, returnOnExit: true,
                          preopens: { '/': dir }, stdout: outFd, stderr: outFd });
  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
  return wasi.start(instance);
}

if (isMainThread) {
  const [wasmPath, repsArg, throughputArg, ...workloads] = process.argv.slice(2);
  const reps = Number(repsArg), throughputRuns = Number(throughputArg);
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  const devNull = openSync('/dev/null', 'w');
  for (const workload of workloads) {
    const [name, code] = [workload.slice(0, workload.indexOf('=')), workload.slice(workload.indexOf('=') + 1)];
    // First run: check the output, and warm up.
    const dir = scriptDir(code);
    const outPath = join(dir, 'output.txt');
    const outFd = openSync(outPath, 'w');
    const exit = await runOnce(module, dir, outFd);
    closeSync(outFd);
    const output = readFileSync(outPath, 'utf8');
    const times = [];
    for (let i = 0; i < reps; i++) {
      const start = performance.now();
      await runOnce(module, dir, devNull);
      times.push(performance.now() - start);
    }
    console.log(JSON.stringify({ name, exit, output, times }));
  }
  // Throughput: hello runs, two at a time (one worker thread per core), each worker instantiating its own.
  const hello = scriptDir(workloads[0].slice(workloads[0].indexOf('=') + 1));
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const start = performance.now();
  await Promise.all([0, 1].map(() => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { module, hello, counter, throughputRuns } });
    worker.on('message', resolve);
    worker.on('error', reject);
  })));
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ name: 'throughput', runs: throughputRuns, seconds }));
} else {
  const { module, hello, counter, throughputRuns } = workerData;
  const devNull = openSync('/dev/null', 'w');
  while (Atomics.add(counter, 0, 1) < throughputRuns) {
    await runOnce(module, hello, devNull);
  }
  parentPort.postMessage('done');
}
