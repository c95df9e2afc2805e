// WasiPlay embed: the compact view of one snippet at /embed/{id}, for iframes on other sites. Shows the
// snippet's main file (editable), runs it in this browser through the web-client worker, shows the output.
"use strict";

const WORKER_URL = "/js/wasiplay-worker.js";
const byId = (id) => document.getElementById(id);

const snippetId = (/^\/embed\/([A-Za-z0-9_-]+)$/.exec(location.pathname) || [])[1];
let snippet = null;
let worker = null; // kept between runs: it keeps the compiled module

function setStatus(text, isError = false) {
  const status = byId("status");
  status.textContent = text;
  status.classList.toggle("error", isError);
}

function isPython(workspace) {
  return workspace.runtime === "python-3.12";
}

async function fetchJson(url, options) {
  const response = await fetch(url, options);
  let body = null;
  try {
    body = await response.json();
  } catch {
    // reported below
  }
  if (!response.ok) {
    throw new Error(body && body.error ? body.error : `${url} answered ${response.status}`);
  }
  return body;
}

async function load() {
  if (!snippetId) {
    throw new Error("no snippet id in this address");
  }
  snippet = await fetchJson(`/api/snippets/${snippetId}`);
  byId("open").href = `/s/${snippetId}`;
  const code = byId("code");
  const main = snippet.files[snippet.main];
  if (typeof main === "string") {
    byId("file-name").textContent = snippet.main;
    code.value = main;
    code.hidden = false;
  } else {
    const module = snippet.runtime.startsWith("module:") ? ` (module ${snippet.runtime.slice(7, 19)}…)` : "";
    byId("file-name").textContent = snippet.main + module;
  }
  byId("run").disabled = false;
  setStatus("ready");
}

async function wasmUrlOf(workspace) {
  if (isPython(workspace)) {
    const runtimes = await fetchJson("/api/runtimes");
    return runtimes.python.url;
  }
  return `/api/modules/${workspace.runtime.slice("module:".length)}`;
}

/** The snippet as it is now: the main file as edited. */
function currentWorkspace() {
  const files = { ...snippet.files };
  if (!byId("code").hidden) {
    files[snippet.main] = byId("code").value;
  }
  return { ...snippet, files };
}

/** The same argv the server builds (see the server README). */
function argvOf(workspace) {
  return isPython(workspace)
    ? ["python", `/${workspace.main}`, ...workspace.args]
    : [workspace.main, ...workspace.args];
}

function textFilesOf(workspace) {
  const files = {};
  for (const [path, content] of Object.entries(workspace.files)) {
    if (typeof content === "string") {
      files[path] = content;
    }
  }
  return files;
}

/**
 * The filesystem image the run starts from (ustar; see the server README): the saved snippet's, cacheable,
 * or the edited workspace's. The worker builds the guest's tree from it; "files" (text only) is kept for
 * workers that predate images.
 */
async function imageOf(workspace) {
  const edited = workspace.files[workspace.main] !== snippet.files[snippet.main];
  const response = edited
    ? await fetch("/api/image", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(workspace),
    })
    : await fetch(`/api/snippets/${snippetId}/image`);
  if (!response.ok) {
    let detail = `${response.status}`;
    try {
      detail = (await response.json()).error || detail;
    } catch {
      // not JSON
    }
    throw new Error(`cannot get the snippet's filesystem image: ${detail}`);
  }
  return response.arrayBuffer();
}

function appendOutput(stream, text) {
  const output = byId("output");
  output.hidden = false;
  if (stream === "stderr") {
    const span = document.createElement("span");
    span.className = "stderr";
    span.textContent = text;
    output.append(span);
  } else {
    output.append(text);
  }
}

async function run() {
  const workspace = currentWorkspace();
  byId("run").disabled = true;
  byId("output").textContent = "";
  setStatus("starting…");
  const started = performance.now();
  try {
    const message = {
      type: "run",
      wasmUrl: await wasmUrlOf(workspace),
      argv: argvOf(workspace),
      env: workspace.env,
      image: await imageOf(workspace),
      files: textFilesOf(workspace),
      stdin: workspace.stdin,
    };
    const exit = await runInWorker(message);
    setStatus(`exit code ${exit.exitCode} · ${Math.round(exit.durationMs)} ms run`
      + ` · ${Math.round(performance.now() - started)} ms total`, exit.exitCode !== 0);
    byId("status").dataset.exitCode = String(exit.exitCode);
  } catch (error) {
    setStatus(error.message, true);
  } finally {
    byId("run").disabled = false;
  }
}

function runInWorker(message) {
  if (!worker) {
    worker = new Worker(WORKER_URL);
  }
  const active = worker;
  return new Promise((resolve, reject) => {
    const fail = (text) => {
      active.terminate();
      if (worker === active) {
        worker = null;
      }
      reject(new Error(text));
    };
    active.onmessage = (event) => {
      const data = event.data || {};
      switch (data.type) {
        case "status":
          setStatus({ download: "downloading…", compile: "compiling…", run: "running…" }[data.phase] || "running…");
          break;
        case "stdout":
        case "stderr":
          appendOutput(data.type, data.text);
          break;
        case "exit":
          resolve(data);
          break;
        case "error":
          fail(data.message || "the worker failed");
          break;
        default:
          break;
      }
    };
    active.onerror = (event) => {
      event.preventDefault();
      fail(`the browser worker failed: ${event.message || "it could not be started"}`);
    };
    active.postMessage(message, [message.image]);
  });
}

byId("run").addEventListener("click", run);
load().catch((error) => setStatus(`cannot load the snippet: ${error.message}`, true));
