// The peers WasiPlay is benchmarked against, in a dedicated Web Worker like WasiPlay's own, speaking the
// same run protocol (web-client/README.md) so the page drives all runners the same way:
//   page -> worker: {type: "run", peer, module, argv, files}   (module: a compiled WebAssembly.Module)
//   worker -> page: {type: "stdout"|"stderr", text} per write, then {type: "exit", exitCode} or {type: "error", message}
// Each run gets a fresh WASI and Instance, and the files are UTF-8 text in an in-memory directory preopened as
// "/". Every write is decoded (streaming UTF-8) and posted as it happens, as @runno/wasi's own WASIWorkerHost
// does; with joinMs in the message, writes are joined the way WasiPlay's worker joins them (OutputPoster):
// posted at once when nothing was posted for joinMs, else with the first write after that, on a change of
// stream, and at the end.
// esbuild bundles this file and both packages into one classic worker script (see benchmarks/pom.xml).
import { WASI as ShimWASI, File, OpenFile, ConsoleStdout, PreopenDirectory, Directory } from "@bjorn3/browser_wasi_shim";
import { WASI as RunnoWASI } from "@runno/wasi";

const PEERS = { "browser_wasi_shim": runShim, "runno": runRunno };

let joinMs = 0, pendingType = null, pendingText = "", lastPost = -Infinity;

self.onmessage = async ({ data }) => {
  try {
    const run = PEERS[data.peer];
    if (!run) throw new Error(`unknown peer ${data.peer}; known: ${Object.keys(PEERS)}`);
    joinMs = data.joinMs || 0;
    const exitCode = await run(data.module, data.argv, data.files || {});
    flush();
    self.postMessage({ type: "exit", exitCode });
  } catch (error) {
    self.postMessage({ type: "error", message: String(error && error.stack || error) });
  }
};

function post(type, text) {
  if (!text) return;
  if (pendingType !== null && pendingType !== type) flush();
  pendingType = type;
  pendingText += text;
  if (performance.now() - lastPost >= joinMs) flush();
}

function flush() {
  if (pendingType !== null) self.postMessage({ type: pendingType, text: pendingText });
  pendingType = null;
  pendingText = "";
  lastPost = performance.now();
}

/** @bjorn3/browser_wasi_shim: a tree of Directory/File inodes; fd 3 is the preopened "/". */
async function runShim(module, argv, files) {
  const root = new Map();
  const encoder = new TextEncoder();
  for (const [path, text] of Object.entries(files)) {
    const parts = path.replace(/^\/+/, "").split("/");
    let dir = root;
    for (const name of parts.slice(0, -1)) {
      if (!dir.has(name)) dir.set(name, new Directory(new Map()));
      dir = dir.get(name).contents;
    }
    dir.set(parts[parts.length - 1], new File(encoder.encode(text)));
  }
  const out = new TextDecoder(), err = new TextDecoder();
  const fds = [
    new OpenFile(new File(new Uint8Array(0))),
    new ConsoleStdout(bytes => post("stdout", out.decode(bytes, { stream: true }))),
    new ConsoleStdout(bytes => post("stderr", err.decode(bytes, { stream: true }))),
    new PreopenDirectory("/", root),
  ];
  const wasi = new ShimWASI(argv, [], fds);
  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
  const exitCode = wasi.start(instance);
  post("stdout", out.decode());
  post("stderr", err.decode());
  return exitCode;
}

/** @runno/wasi: a flat map of absolute paths; it decodes output itself and calls back once per write. */
async function runRunno(module, argv, files) {
  const now = new Date();
  const fs = {};
  for (const [name, text] of Object.entries(files)) {
    const path = "/" + name.replace(/^\/+/, "");
    fs[path] = { path, mode: "string", content: text, timestamps: { access: now, modification: now, change: now } };
  }
  const wasi = new RunnoWASI({
    args: argv, env: {}, fs,
    stdout: text => post("stdout", text),
    stderr: text => post("stderr", text),
    stdin: () => null,
  });
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  return wasi.start({ module, instance }).exitCode;
}
