// The WasiPlay page: wires the editor, the file tabs, the two engines (this browser's worker and the
// server's /api/run), the Compare view, sharing, examples and themes together.
import { BrowserEngine } from "./browser-engine.js";
import { formatMs, resetComparison, showComparison } from "./compare-view.js";
import { OutputConsole } from "./console.js";
import { anyDialogOpen, confirmAction } from "./dialogs.js";
import { CodeEditor } from "./editor.js";
import { EXAMPLES, findExample } from "./examples.js";
import { downloadBytes, FilesPanel, formatSize } from "./files-panel.js";
import { formatArgs, formatEnv, parseArgs, parseEnv } from "./inputs.js";
import {
  describeRunStatus, fetchRuntimes, loadSnippet, runOnServer, saveSnippet, uploadModule,
} from "./server-api.js";
import { compareRuns, engineRun, parseSeed, reportFiles, reportJson } from "./parity-report.js";
import { readTar, writeTar } from "./tar.js";
import { initTheme } from "./theme.js";
import { fileChanges, fromBase64, MODULE_PREFIX, PYTHON_RUNTIME, sameBytes, Workspace } from "./workspace.js";

const byId = (id) => document.getElementById(id);
const AUTOSAVE_KEY = "wasiplay.workspace.v1";
/** argv[0] of an uploaded module, the same in both engines. */
const MODULE_ARGV0 = "module.wasm";

const engine = new BrowserEngine();
const consoles = {
  browser: new OutputConsole(byId("browser-console")),
  server: new OutputConsole(byId("server-console")),
};

let editor;
let files;
/** {id: "python-3.12"} or {id: "module:<sha>", name, size, sha256, url, onServer, serverProblem} */
let runtime = { id: PYTHON_RUNTIME };
let modules = []; // uploaded or shared modules offered in the runtime menu
let busy = false;
let stopRun = null;
let dirty = false;

// ---- Messages, status, progress -------------------------------------------------------------------------

function showMessage(text, kind = "error") {
  const message = byId("message");
  message.textContent = text || "";
  message.dataset.kind = kind;
  message.hidden = !text;
}

function setStatus(text) {
  byId("status").textContent = text;
}

function showProgress(loaded, total, label) {
  const progress = byId("progress");
  const text = byId("progress-text");
  if (typeof total === "number" && total > 0) {
    progress.max = total;
    progress.value = Math.min(loaded || 0, total);
    text.textContent = `${label}: ${(loaded / 1048576).toFixed(1)} / ${(total / 1048576).toFixed(1)} MB`;
  } else {
    progress.removeAttribute("value");
    text.textContent = loaded ? `${label}: ${(loaded / 1048576).toFixed(1)} MB` : label;
  }
  progress.hidden = false;
  text.hidden = false;
}

function hideProgress() {
  byId("progress").hidden = true;
  byId("progress-text").hidden = true;
}

function setBusy(value) {
  busy = value;
  for (const id of ["run-browser", "run-server", "compare", "share", "runtime", "examples"]) {
    byId(id).disabled = value;
  }
  byId("stop").disabled = !value;
  document.body.setAttribute("aria-busy", String(value));
}

function selectOutputTab(name) {
  for (const tab of ["browser", "server", "compare"]) {
    const button = byId(`tab-${tab}`);
    const selected = tab === name;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    byId(button.getAttribute("aria-controls")).hidden = !selected;
  }
}

function setBadge(tab, text, tone) {
  const badge = byId(`badge-${tab}`);
  badge.textContent = text;
  if (tone) {
    badge.dataset.tone = tone;
  } else {
    delete badge.dataset.tone;
  }
}

// ---- The run's inputs -----------------------------------------------------------------------------------

/**
 * Everything a run started by `mode` ("browser", "server" or "compare") needs from the page; throws an Error with
 * a message for the user when a field it uses is wrong.
 */
function collectInputs(mode) {
  const workspace = files.workspace;
  const args = parseArgs(byId("args").value);
  const env = parseEnv(byId("env").value);
  const stdin = byId("stdin").value;
  const isPython = runtime.id === PYTHON_RUNTIME;
  if (isPython && !workspace.has(workspace.main)) {
    throw new Error(`There is no ${workspace.main} to run: add it, or rename a file to ${workspace.main}.`);
  }
  if (isPython && !workspace.isText(workspace.main)) {
    throw new Error(`${workspace.main} is a binary file; Python needs source text.`);
  }
  const argv = isPython ? ["python", "/" + workspace.main, ...args] : [MODULE_ARGV0, ...args];
  const inputFiles = new Map(workspace.entries().map(({ path, bytes }) => [path, bytes]));
  // Deterministic mode: "compare" (the default: Compare only), "always" or "never"; seed null when off.
  const determinism = byId("deterministic").value;
  const deterministic = determinism === "always" || (determinism === "compare" && mode === "compare");
  const seed = deterministic ? parseSeed(byId("seed").value) : null;
  return { workspace, args, env, stdin, argv, inputFiles, isPython, seed };
}

function serverRequestBody(inputs, seed) {
  const body = {
    files: inputs.workspace.toJsonFiles(),
    args: inputs.args,
    stdin: inputs.stdin,
  };
  if (inputs.isPython) {
    body.main = inputs.workspace.main;
  } else {
    body.runtime = runtime.id;
  }
  if (Object.keys(inputs.env).length > 0) {
    body.env = inputs.env; // sent only when set: servers before issue 5 refuse unknown fields
  }
  if (seed !== null) {
    body.deterministic = { seed };
  }
  return body;
}

async function browserWasmUrl() {
  if (runtime.id === PYTHON_RUNTIME) {
    const runtimes = await fetchRuntimes();
    return runtimes.python.url;
  }
  return runtime.url;
}

// ---- Running --------------------------------------------------------------------------------------------

class RunPanel {
  constructor(side) {
    this.side = side;
    this.console = consoles[side];
    this.section = byId(`${side}-result`);
  }

  field(name) {
    return byId(`${this.side}-${name}`);
  }

  reset() {
    this.console.clear();
    for (const name of ["exit", "time", "total", "files", "seed"]) {
      this.field(name).textContent = "…";
    }
    this.showError(null);
    this.section.dataset.state = "running";
    setBadge(this.side, "…", null);
  }

  finish(result, totalMs, changes, seed) {
    this.console.finish();
    this.field("seed").textContent = seed === null ? "off" : String(seed);
    this.field("exit").textContent = String(result.exitCode);
    this.field("time").textContent = formatMs(result.durationMs);
    this.field("total").textContent = formatMs(totalMs);
    this.field("files").textContent = describeChanges(changes);
    this.section.dataset.state = "done";
    const statusText = describeRunStatus(result);
    this.showError(statusText);
    setBadge(this.side, `exit ${result.exitCode}`, result.exitCode === 0 && !statusText ? "ok" : "bad");
  }

  fail(message, totalMs) {
    this.console.cancelInput();
    this.console.finish();
    this.field("exit").textContent = "–";
    this.field("time").textContent = "–";
    this.field("total").textContent = formatMs(totalMs);
    this.field("files").textContent = "–";
    this.field("seed").textContent = "–";
    this.showError(message === "stopped" ? "Stopped." : message);
    this.section.dataset.state = message === "stopped" ? "stopped" : "error";
    setBadge(this.side, message === "stopped" ? "stopped" : "error", "warn");
  }

  showError(message) {
    const error = this.field("error");
    error.textContent = message || "";
    error.hidden = !message;
  }
}

const panels = { browser: new RunPanel("browser"), server: new RunPanel("server") };

function describeChanges(changes) {
  if (changes === null) {
    return "not reported";
  }
  if (changes.length === 0) {
    return "none changed";
  }
  const counts = { created: 0, changed: 0, deleted: 0 };
  for (const { change } of changes) {
    counts[change] = (counts[change] || 0) + 1;
  }
  // Always in this order, whatever order the tree was walked in.
  return Object.entries(counts).filter(([, count]) => count > 0).map(([change, count]) => `${count} ${change}`).join(", ");
}

/** The files after a browser run, from the worker's fs image (null when the worker sent none). */
function browserChanges(image, inputFiles) {
  if (!image) {
    return null;
  }
  const after = new Map();
  for (const entry of readTar(new Uint8Array(image))) {
    if (entry.type === "file") {
      after.set(entry.path, entry.bytes);
    }
  }
  return fileChanges(inputFiles, after);
}

/**
 * The files after a server run: `image` (base64 tar of the whole tree), or `files`: the server's list of
 * {path, change: "created"|"modified"|"deleted", size, content?} (content text or {base64}; left out for
 * deleted files and past the answer's size cap), or a map path -> text or {base64}; null when neither.
 */
function serverChanges(result, inputFiles) {
  if (typeof result.image === "string") {
    return browserChanges(fromBase64(result.image).buffer, inputFiles);
  }
  if (Array.isArray(result.files)) {
    const listed = [];
    for (const entry of result.files) {
      if (!entry || typeof entry.path !== "string") {
        continue;
      }
      const content = entry.content;
      const bytes = typeof content === "string"
        ? new TextEncoder().encode(content)
        : content && typeof content.base64 === "string" ? fromBase64(content.base64) : null;
      const change = entry.change === "created" ? "created" : entry.change === "deleted" ? "deleted" : "changed";
      if (change !== "deleted" && bytes === null) {
        continue; // content left out of the answer (over its size cap): nothing to show or compare
      }
      listed.push({ path: entry.path, change, bytes: change === "deleted" ? null : bytes });
    }
    return listed.filter((change) => !change.path.split("/").includes("__pycache__"));
  }
  if (!result.files || typeof result.files !== "object") {
    return null;
  }
  const changes = [];
  for (const [path, value] of Object.entries(result.files)) {
    const bytes = typeof value === "string"
      ? new TextEncoder().encode(value)
      : value && typeof value.base64 === "string" ? fromBase64(value.base64) : null;
    if (value === null) {
      changes.push({ path, change: "deleted", bytes: null });
    } else if (bytes && !(inputFiles.has(path) && sameBytes(inputFiles.get(path), bytes))) {
      changes.push({ path, change: inputFiles.has(path) ? "changed" : "created", bytes });
    }
  }
  return changes.filter((change) => !change.path.split("/").includes("__pycache__"));
}

async function runBrowserSide(inputs, { interactive, onPhase, seed }) {
  const panel = panels.browser;
  const started = performance.now();
  panel.reset();
  try {
    const wasmUrl = await browserWasmUrl();
    const request = {
      wasmUrl,
      argv: inputs.argv,
      env: inputs.env,
      files: inputs.workspace.textFiles(),
      stdin: interactive ? "" : inputs.stdin,
      interactive,
      seed,
    };
    if (inputs.workspace.hasBinaryFiles()) {
      request.image = writeTar(inputs.workspace.entries()).buffer;
    }
    const label = runtime.id === PYTHON_RUNTIME ? "Downloading python.wasm" : `Downloading ${runtime.name}`;
    const result = await engine.run(request, {
      onStatus: (message) => {
        onPhase(message.phase);
        if (message.phase === "download") {
          showProgress(message.loaded, message.total, label);
        } else {
          hideProgress();
        }
      },
      onOutput: (stream, text) => panel.console.append(stream, text),
      onInputRequest: (answer) => {
        onPhase("input");
        panel.console.askForInput((text) => {
          onPhase("run");
          answer(text);
        });
      },
    });
    const outcome = {
      result: {
        stdout: panel.console.streamText("stdout"),
        stderr: panel.console.streamText("stderr"),
        exitCode: result.exitCode,
        durationMs: result.durationMs,
        status: result.status,
      },
      totalMs: performance.now() - started,
      changes: null,
    };
    try {
      outcome.changes = browserChanges(result.image, inputs.inputFiles);
    } catch (error) {
      panel.console.note(`The files after the run could not be read: ${error.message}`);
    }
    panel.console.cancelInput();
    panel.finish(outcome.result, outcome.totalMs, outcome.changes, seed);
    if (interactive && result.interactive === null) {
      panel.console.note("Interactive input is not available in this browser: the program got end of input.");
    }
    return outcome;
  } catch (error) {
    const totalMs = performance.now() - started;
    if (error.message !== "stopped") {
      // Name an uploaded module by its file name rather than by its blob: URL.
      const named = runtime.id === PYTHON_RUNTIME ? error.message : error.message.split(runtime.url).join(runtime.name);
      error.message = `Browser run: ${named}`;
    }
    panel.fail(error.message, totalMs);
    return { error, totalMs, changes: null };
  }
}

async function runServerSide(inputs, signal, seed) {
  const panel = panels.server;
  const started = performance.now();
  panel.reset();
  if (runtime.id !== PYTHON_RUNTIME && !runtime.onServer) {
    const error = new Error(`The server does not have ${runtime.name}: ${runtime.serverProblem || "it was not uploaded"}`);
    panel.fail(error.message, 0);
    return { error, totalMs: 0, changes: null };
  }
  try {
    const result = await runOnServer(serverRequestBody(inputs, seed), signal);
    panel.console.append("stdout", result.stdout || "");
    panel.console.append("stderr", result.stderr || "");
    const totalMs = performance.now() - started;
    const changes = serverChanges(result, inputs.inputFiles);
    panel.finish(result, totalMs, changes, seed);
    return { result: { ...result, stdout: result.stdout || "", stderr: result.stderr || "" }, totalMs, changes };
  } catch (error) {
    const totalMs = performance.now() - started;
    panel.fail(error.message, totalMs);
    return { error, totalMs, changes: null };
  }
}

const PHASE_TEXT = {
  download: "Downloading",
  compile: "Compiling",
  run: "Running in the browser",
  input: "Waiting for your input",
};

/** mode: "browser", "server" or "compare". */
async function start(mode) {
  if (busy) {
    return;
  }
  let inputs;
  try {
    inputs = collectInputs(mode);
  } catch (error) {
    showMessage(error.message);
    return;
  }
  showMessage(null);
  hideProgress();
  files.clearMarks();
  setBusy(true);
  selectOutputTab(mode === "compare" ? "compare" : mode);
  const started = performance.now();
  let browserPhase = null;
  let serverRunning = false;
  // The live status region changes with the phase only; the ticking time is outside it.
  const refresh = () => {
    byId("elapsed").textContent = `${((performance.now() - started) / 1000).toFixed(1)} s`;
    const parts = [];
    if (browserPhase) {
      parts.push(PHASE_TEXT[browserPhase] || "Running in the browser");
    }
    if (serverRunning) {
      parts.push("running on the server");
    }
    if (parts.length > 0) {
      const text = parts.join(", ");
      const status = `${text[0].toUpperCase()}${text.slice(1)}…`;
      if (byId("status").textContent !== status) {
        setStatus(status);
      }
    }
  };
  const ticker = setInterval(refresh, 100);
  const serverAbort = new AbortController();
  stopRun = () => {
    engine.stop();
    serverAbort.abort();
  };

  const seed = inputs.seed;
  const sides = [];
  if (mode !== "server") {
    browserPhase = "run";
    sides.push(runBrowserSide(inputs, {
      interactive: mode === "browser" && inputs.stdin === "",
      seed,
      onPhase: (phase) => {
        browserPhase = phase;
        refresh();
      },
    }).finally(() => {
      browserPhase = null;
      hideProgress();
    }));
  } else {
    sides.push(Promise.resolve(null));
  }
  if (mode !== "browser") {
    serverRunning = true;
    sides.push(runServerSide(inputs, serverAbort.signal, seed).finally(() => {
      serverRunning = false;
    }));
  } else {
    sides.push(Promise.resolve(null));
  }
  if (mode === "compare") {
    resetComparison();
    setBadge("compare", "…", null);
  }
  refresh();
  const [browser, server] = await Promise.all(sides);
  clearInterval(ticker);
  byId("elapsed").textContent = "";
  stopRun = null;
  setBusy(false);

  const outcomes = [browser, server].filter(Boolean);
  const stopped = outcomes.some((outcome) => outcome.error && outcome.error.message === "stopped");
  const failures = outcomes.filter((outcome) => outcome.error && outcome.error.message !== "stopped");
  const elapsed = ((performance.now() - started) / 1000).toFixed(1);
  if (stopped) {
    setStatus("Stopped");
  } else if (failures.length > 0) {
    setStatus(`Failed after ${elapsed} s`);
    if (mode === "compare") {
      // A single run shows its failure in its own tab; Compare names both here.
      showMessage(failures.map((outcome) => outcome.error.message).join("\n"));
    }
  } else {
    setStatus(`Done in ${elapsed} s`);
  }
  if (mode === "compare") {
    lastReport = null;
    if (browser.result && server.result) {
      try {
        lastReport = await parityReport(browser, server, seed);
      } catch (error) {
        showMessage(`The parity report could not be built: ${error.message}`);
      }
    }
    const verdict = showComparison(browser, server, lastReport, seed);
    setBadge("compare", verdict === "not-compared" ? "–" : verdict, verdict === "identical" ? "ok" : "warn");
  } else {
    const outcome = mode === "browser" ? browser : server;
    if (outcome && outcome.changes && outcome.changes.length > 0) {
      files.applyRunChanges(outcome.changes);
    }
  }
}

/** The last Compare's parity report (parity-report.js), for "Download report"; null before one or after a failure. */
let lastReport = null;

/** The parity report of a Compare: the browser's run and the server's, as the server and the CLI write it. */
async function parityReport(browser, server, seed) {
  const browserFiles = await reportFiles(browser.changes || []);
  const serverFiles = await reportFiles(Array.isArray(server.result.files)
    ? server.result.files.filter((entry) => entry && typeof entry.path === "string"
      && (entry.change === "deleted" || typeof entry.sha256 === "string"))
    : []);
  return compareRuns(engineRun("browser", browser.result, browserFiles),
    engineRun("server", server.result, serverFiles), seed);
}

function downloadReport() {
  if (lastReport) {
    downloadBytes("wasiplay-parity-report.json", new TextEncoder().encode(reportJson(lastReport) + "\n"),
      "application/json");
  }
}

function stop() {
  if (stopRun) {
    stopRun();
  }
}

// ---- Runtimes: Python, or an uploaded module ------------------------------------------------------------

function renderRuntimeMenu() {
  const select = byId("runtime");
  select.replaceChildren();
  const add = (value, text) => {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = text;
    select.append(option);
  };
  add(PYTHON_RUNTIME, "Python 3.12 (CPython for WASI)");
  for (const module of modules) {
    add(module.id, `${module.name} (${formatSize(module.size)})`);
  }
  add("upload", "Upload a .wasm…");
  select.value = runtime.id;
}

function showRuntime() {
  const isModule = runtime.id !== PYTHON_RUNTIME;
  byId("module-view").hidden = !isModule;
  if (isModule) {
    byId("module-name").textContent = runtime.name;
    byId("module-size").textContent = runtime.size ? formatSize(runtime.size) : "size unknown";
    byId("module-sha").textContent = runtime.sha256.slice(0, 16) + "…";
    byId("module-sha").title = runtime.sha256;
    byId("module-server-note").textContent = runtime.onServer
      ? "The server has a copy too, so it can run it and Share can include it."
      : `Only this browser has it: ${runtime.serverProblem || "the server did not take it"}.`;
  }
  renderRuntimeMenu();
}

function chooseRuntime(id) {
  runtime = id === PYTHON_RUNTIME ? { id } : modules.find((module) => module.id === id) || { id: PYTHON_RUNTIME };
  showRuntime();
  scheduleAutosave();
}

async function sha256Hex(bytes) {
  if (!globalThis.crypto || !crypto.subtle) {
    return null; // not a secure context: the server's hash is used
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function useModuleFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error(`${file.name} is not a WebAssembly module (it does not start with \\0asm).`);
  }
  setStatus(`Uploading ${file.name}…`);
  let sha256 = await sha256Hex(bytes);
  let serverUrl = null;
  let serverProblem = null;
  try {
    const stored = await uploadModule(bytes);
    sha256 = stored.sha256;
    serverUrl = typeof stored.url === "string" ? stored.url : `/api/modules/${stored.sha256}`;
  } catch (error) {
    serverProblem = error.message;
  }
  if (!sha256) {
    sha256 = `local-${crypto.getRandomValues(new Uint32Array(2)).join("")}`;
  }
  const module = {
    id: MODULE_PREFIX + sha256,
    name: file.name,
    size: bytes.length,
    sha256,
    url: serverUrl || URL.createObjectURL(new Blob([bytes], { type: "application/wasm" })),
    onServer: serverUrl !== null,
    serverProblem,
  };
  modules = modules.filter((other) => other.id !== module.id).concat(module);
  setStatus(serverUrl ? `${file.name} uploaded` : `${file.name} loaded in this browser`);
  chooseRuntime(module.id);
}

/** A module named by a snippet ("module:<sha256>"): the server serves it at /api/modules/<sha256>. */
function moduleFromSnippet(id) {
  const sha256 = id.slice(MODULE_PREFIX.length);
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    throw new Error(`the snippet's runtime ${JSON.stringify(id)} is neither "${PYTHON_RUNTIME}" nor "module:<sha256>"`);
  }
  const module = {
    id, name: `${sha256.slice(0, 12)}.wasm`, size: 0, sha256, url: `/api/modules/${sha256}`, onServer: true,
    serverProblem: null,
  };
  modules = modules.filter((other) => other.id !== id).concat(module);
  return module;
}

// ---- Snippets: share, restore, autosave ------------------------------------------------------------------

function currentSnippet() {
  return {
    runtime: runtime.id,
    files: files.workspace.toJsonFiles(),
    main: files.workspace.main,
    args: parseArgs(byId("args").value),
    env: parseEnv(byId("env").value),
    stdin: byId("stdin").value,
  };
}

/** Shows a snippet (shared, restored or an example); throws when it is malformed. */
function applySnippet(snippet) {
  if (!snippet || typeof snippet !== "object") {
    throw new Error("the snippet is not a JSON object");
  }
  const workspace = Workspace.fromJsonFiles(snippet.files || {}, snippet.main);
  const args = snippet.args === undefined ? [] : snippet.args;
  if (!Array.isArray(args) || !args.every((arg) => typeof arg === "string")) {
    throw new Error("the snippet's args must be a list of strings");
  }
  const env = snippet.env === undefined ? {} : snippet.env;
  if (!env || typeof env !== "object" || !Object.values(env).every((value) => typeof value === "string")) {
    throw new Error("the snippet's env must map names to strings");
  }
  const stdin = snippet.stdin === undefined ? "" : snippet.stdin;
  if (typeof stdin !== "string") {
    throw new Error("the snippet's stdin must be a string");
  }
  const runtimeId = snippet.runtime || PYTHON_RUNTIME;
  const nextRuntime = runtimeId === PYTHON_RUNTIME ? { id: PYTHON_RUNTIME }
    : runtimeId.startsWith(MODULE_PREFIX) ? (modules.find((m) => m.id === runtimeId) || moduleFromSnippet(runtimeId))
      : null;
  if (!nextRuntime) {
    throw new Error(`unknown runtime ${JSON.stringify(runtimeId)}`);
  }
  files.load(workspace);
  byId("args").value = formatArgs(args);
  byId("env").value = formatEnv(env);
  byId("stdin").value = stdin;
  runtime = nextRuntime;
  showRuntime();
  updateOptionsSummary();
  dirty = false;
}

let autosaveTimer = 0;

function scheduleAutosave() {
  clearTimeout(autosaveTimer);
  autosaveTimer = setTimeout(() => {
    try {
      const snippet = currentSnippet();
      if (runtime.id !== PYTHON_RUNTIME && !runtime.onServer) {
        snippet.runtime = PYTHON_RUNTIME; // a module only this page has cannot come back after a reload
      }
      localStorage.setItem(AUTOSAVE_KEY, JSON.stringify(snippet));
    } catch (error) {
      // A field does not parse yet, or storage is full or disabled: the page keeps working without it.
    }
  }, 400);
}

function workspaceChanged() {
  dirty = true;
  scheduleAutosave();
}

async function share() {
  let snippet;
  try {
    snippet = currentSnippet();
  } catch (error) {
    showMessage(`Share: ${error.message}`);
    return;
  }
  if (runtime.id !== PYTHON_RUNTIME && !runtime.onServer) {
    showMessage(`Share: the server does not have ${runtime.name} (${runtime.serverProblem}), so a link could not run it.`);
    return;
  }
  const button = byId("share");
  button.disabled = true;
  setStatus("Sharing…");
  try {
    const saved = await saveSnippet(snippet);
    const url = new URL(saved.url, location.origin).href;
    const embedUrl = new URL(`/embed/${encodeURIComponent(saved.id)}`, location.origin).href;
    byId("share-url").value = url;
    byId("embed-code").value = `<iframe src="${embedUrl}" title="WasiPlay snippet ${saved.id}" width="100%" height="600" loading="lazy"></iframe>`;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // no clipboard permission: the link is selected in the dialog instead
    }
    byId("share-status").textContent = copied ? "Link copied to the clipboard." : "Copy the link below.";
    setStatus("Shared");
    byId("share-dialog").showModal();
    byId("share-url").select();
  } catch (error) {
    setStatus("Share failed");
    showMessage(error.message);
  } finally {
    button.disabled = busy;
  }
}

async function copyField(id, button) {
  const field = byId(id);
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    button.textContent = "Copied";
  } catch {
    button.textContent = "Press Ctrl+C";
  }
  setTimeout(() => {
    button.textContent = "Copy";
  }, 2000);
}

/** The snippet id when the page was opened as /s/<id> or /embed/<id>. */
function snippetIdFromPath() {
  const match = /^\/(s|embed)\/([^/]+)\/?$/.exec(location.pathname);
  return match ? { id: decodeURIComponent(match[2]), embedded: match[1] === "embed" } : null;
}

async function loadInitialWorkspace() {
  const shared = snippetIdFromPath();
  if (shared) {
    document.body.classList.toggle("embedded", shared.embedded);
    setStatus("Opening the shared snippet…");
    try {
      applySnippet(await loadSnippet(shared.id));
      setStatus("Ready");
      return;
    } catch (error) {
      showMessage(`${error.message}\nShowing the Hello example instead.`);
      applySnippet(findExample("hello"));
      setStatus("Ready");
      return;
    }
  }
  try {
    const saved = localStorage.getItem(AUTOSAVE_KEY);
    if (saved) {
      applySnippet(JSON.parse(saved));
      return;
    }
  } catch (error) {
    console.warn("WasiPlay: the saved workspace could not be restored", error);
  }
  applySnippet(findExample("hello"));
}

// ---- Examples ---------------------------------------------------------------------------------------------

function renderExamples() {
  const select = byId("examples");
  for (const example of EXAMPLES) {
    const option = document.createElement("option");
    option.value = example.id;
    option.textContent = example.title;
    select.append(option);
  }
  select.addEventListener("change", async () => {
    const example = findExample(select.value);
    select.value = "";
    if (!example) {
      return;
    }
    if (dirty && !(await confirmAction(
      `Replace your files with the “${example.title}” example? Your changes will be lost (Share or Download .zip keeps them).`,
      "Replace"))) {
      return;
    }
    applySnippet({ runtime: PYTHON_RUNTIME, ...example });
    scheduleAutosave();
    showMessage(null);
    setStatus(`Loaded the “${example.title}” example`);
  });
}

// ---- Options summary -------------------------------------------------------------------------------------

function updateOptionsSummary() {
  const parts = [];
  const args = byId("args").value.trim();
  if (args) {
    parts.push(`args: ${args.length > 30 ? args.slice(0, 30) + "…" : args}`);
  }
  if (byId("stdin").value) {
    parts.push("stdin pre-filled");
  }
  if (byId("env").value.trim()) {
    parts.push("environment set");
  }
  byId("options-summary").textContent = parts.length > 0 ? `(${parts.join("; ")})` : "";
}

// ---- Wiring ------------------------------------------------------------------------------------------------

function wire() {
  document.querySelector(".skip-link").addEventListener("click", (event) => {
    event.preventDefault();
    editor.focus();
  });
  byId("run-browser").addEventListener("click", () => start("browser"));
  byId("run-server").addEventListener("click", () => start("server"));
  byId("compare").addEventListener("click", () => start("compare"));
  byId("download-report").addEventListener("click", downloadReport);
  byId("deterministic").addEventListener("change", () => {
    byId("seed").disabled = byId("deterministic").value === "never";
  });
  byId("stop").addEventListener("click", stop);
  byId("share").addEventListener("click", share);
  byId("copy-share-url").addEventListener("click", (event) => copyField("share-url", event.currentTarget));
  byId("copy-embed-code").addEventListener("click", (event) => copyField("embed-code", event.currentTarget));

  for (const id of ["args", "stdin", "env"]) {
    byId(id).addEventListener("input", () => {
      updateOptionsSummary();
      workspaceChanged();
    });
  }

  const runtimeSelect = byId("runtime");
  const moduleFile = byId("module-file");
  runtimeSelect.addEventListener("change", () => {
    if (runtimeSelect.value === "upload") {
      runtimeSelect.value = runtime.id;
      moduleFile.click();
    } else {
      chooseRuntime(runtimeSelect.value);
    }
  });
  moduleFile.addEventListener("change", async () => {
    const file = moduleFile.files[0];
    moduleFile.value = "";
    if (!file) {
      return;
    }
    try {
      await useModuleFile(file);
      showMessage(null);
    } catch (error) {
      setStatus("Ready");
      showMessage(error.message);
    }
  });

  const outputTabs = ["browser", "server", "compare"];
  for (const tab of outputTabs) {
    byId(`tab-${tab}`).addEventListener("click", () => selectOutputTab(tab));
    byId(`tab-${tab}`).addEventListener("keydown", (event) => {
      const index = outputTabs.indexOf(tab);
      const next = event.key === "ArrowRight" ? outputTabs[(index + 1) % 3]
        : event.key === "ArrowLeft" ? outputTabs[(index + 2) % 3] : null;
      if (next) {
        event.preventDefault();
        selectOutputTab(next);
        byId(`tab-${next}`).focus();
      }
    });
  }

  // Ctrl/Cmd+Enter runs (with Shift: compares) from anywhere on the page, as in the editor.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.defaultPrevented || anyDialogOpen()) {
      return;
    }
    if (event.target instanceof HTMLElement && event.target.closest(".stdin-entry")) {
      return;
    }
    event.preventDefault();
    start(event.shiftKey ? "compare" : "browser");
  });
}

function boot() {
  initTheme(byId("theme"));
  editor = new CodeEditor(byId("editor-host"), {
    onChange: (path, text) => files.textChanged(path, text),
    onRun: () => start("browser"),
    onCompare: () => start("compare"),
  });
  files = new FilesPanel(editor, {
    onChange: workspaceChanged,
    onError: (message) => showMessage(message),
  });
  renderExamples();
  wire();
  selectOutputTab("browser");
  if (!globalThis.crossOriginIsolated) {
    engine.stdinServiceWorker(); // registered early, so the first interactive run need not wait for it
  }
  loadInitialWorkspace().then(() => {
    document.body.dataset.ready = "true";
  });
}

boot();
