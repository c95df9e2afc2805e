// WasiPlay page controller: runs the program in the browser (through the web-client worker), on the server
// (POST /api/run), or both, and shows the results side by side. No framework, no build step.
"use strict";

const WORKER_URL = "/js/wasiplay-worker.js";
const MAIN_FILE = "main.py";
// The server runs ["python", "/" + main, ...args] with an empty environment: the browser run must match.
const ARGV = ["python", "/" + MAIN_FILE];

const SIDE_NAMES = { browser: "Browser run", server: "Server run" };

const STATUS_TEXT = {
  download: "loading python.wasm…",
  compile: "compiling…",
  run: "running…",
};

const byId = (id) => document.getElementById(id);

let runtimesRequest = null; // GET /api/runtimes, asked once per page
let worker = null; // kept between runs: it keeps the compiled python.wasm
let stopCurrentRun = null; // set while a run is going on: stops both sides
let stopBrowserRun = null; // set while the worker is running a program

// ---- The two result columns -------------------------------------------------------------------------------

class ResultPanel {
  constructor(side) {
    this.side = side;
    this.section = byId(`${side}-result`);
  }

  field(name) {
    return byId(`${this.side}-${name}`);
  }

  reset() {
    for (const stream of ["stdout", "stderr"]) {
      this.field(stream).textContent = "";
      this.field(stream).classList.remove("mismatch");
    }
    this.field("exit").textContent = "…";
    this.field("time").textContent = "…";
    this.field("total").textContent = "…";
    this.field("exit").classList.remove("mismatch");
    this.showError(null);
    this.section.dataset.state = "running";
  }

  append(stream, text) {
    this.field(stream).append(text);
  }

  /** result: {stdout, stderr, exitCode, durationMs}; streamed output is already shown, server output is not. */
  finish(result, totalMs, { fillStreams }) {
    if (fillStreams) {
      this.field("stdout").textContent = result.stdout;
      this.field("stderr").textContent = result.stderr;
    }
    this.field("exit").textContent = String(result.exitCode);
    this.field("time").textContent = formatMs(result.durationMs);
    this.field("total").textContent = formatMs(totalMs);
    this.section.dataset.state = "done";
  }

  fail(message, totalMs) {
    this.field("exit").textContent = "–";
    this.field("time").textContent = "–";
    this.field("total").textContent = formatMs(totalMs);
    this.showError(message);
    this.section.dataset.state = "error";
  }

  showError(message) {
    const error = this.field("error");
    error.textContent = message || "";
    error.hidden = !message;
  }
}

const panels = { browser: new ResultPanel("browser"), server: new ResultPanel("server") };

// ---- Status line, progress and messages -------------------------------------------------------------------

function setStatus(text) {
  byId("status").textContent = text;
}

function showProgress(loaded, total) {
  const progress = byId("progress");
  if (typeof total === "number" && total > 0) {
    progress.max = total;
    progress.value = Math.min(loaded || 0, total);
  } else {
    progress.removeAttribute("value"); // indeterminate
  }
  progress.hidden = false;
}

function hideProgress() {
  byId("progress").hidden = true;
}

function showMessage(text) {
  const message = byId("message");
  message.textContent = text || "";
  message.hidden = !text;
}

function formatMs(ms) {
  return typeof ms === "number" && Number.isFinite(ms) ? `${Math.round(ms)} ms` : "–";
}

function setBusy(busy) {
  for (const id of ["run-browser", "run-server", "compare"]) {
    byId(id).disabled = busy;
  }
  byId("stop").disabled = !busy;
  document.body.setAttribute("aria-busy", String(busy));
}

// ---- Running in the browser -------------------------------------------------------------------------------

function fetchRuntimes() {
  if (!runtimesRequest) {
    runtimesRequest = (async () => {
      let response;
      try {
        response = await fetch("/api/runtimes");
      } catch (error) {
        throw new Error(`cannot reach the server to find python.wasm (${error.message})`);
      }
      if (!response.ok) {
        throw new Error(`GET /api/runtimes answered ${response.status} ${response.statusText}`);
      }
      return response.json();
    })();
    runtimesRequest.catch(() => {
      runtimesRequest = null; // ask again next time
    });
  }
  return runtimesRequest;
}

function discardWorker() {
  if (worker) {
    worker.terminate();
    worker = null;
  }
}

/** Runs the code in the web-client worker, streaming output into the Browser column. */
async function runInBrowser(code, panel, onPhase) {
  const runtimes = await fetchRuntimes();
  if (!runtimes.python || !runtimes.python.url) {
    throw new Error("the server offers no python runtime (GET /api/runtimes)");
  }
  if (!worker) {
    worker = new Worker(WORKER_URL);
  }
  const activeWorker = worker;
  const output = { stdout: [], stderr: [] };

  return new Promise((resolve, reject) => {
    const settle = (fn, value) => {
      activeWorker.onmessage = null;
      activeWorker.onerror = null;
      fn(value);
    };
    const failAndDiscard = (message) => {
      if (worker === activeWorker) {
        discardWorker();
      }
      settle(reject, new Error(message));
    };

    activeWorker.onmessage = (event) => {
      const message = event.data || {};
      switch (message.type) {
        case "status":
          onPhase(message.phase);
          if (message.phase === "download") {
            showProgress(message.loaded, message.total);
          } else {
            hideProgress();
          }
          break;
        case "stdout":
        case "stderr":
          output[message.type].push(message.text);
          panel.append(message.type, message.text);
          break;
        case "exit":
          settle(resolve, {
            stdout: output.stdout.join(""),
            stderr: output.stderr.join(""),
            exitCode: message.exitCode,
            durationMs: message.durationMs,
          });
          break;
        case "error":
          failAndDiscard(message.message || "the worker reported an error without a message");
          break;
        default:
          console.warn("WasiPlay: unexpected message from the worker", message);
      }
    };
    activeWorker.onerror = (event) => {
      event.preventDefault();
      failAndDiscard(event.message
        ? `the browser worker crashed: ${event.message}`
        : `the browser worker could not be started (is ${WORKER_URL} served?)`);
    };
    stopBrowserRun = () => failAndDiscard("stopped");

    activeWorker.postMessage({
      type: "run",
      wasmUrl: runtimes.python.url,
      argv: ARGV,
      env: {},
      files: { [MAIN_FILE]: code },
      stdin: "",
    });
  });
}

// ---- Running on the server --------------------------------------------------------------------------------

async function runOnServer(code, signal) {
  let response;
  try {
    response = await fetch("/api/run", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ files: { [MAIN_FILE]: code }, main: MAIN_FILE, args: [], stdin: "" }),
      signal,
    });
  } catch (error) {
    if (error.name === "AbortError") {
      throw new Error("stopped");
    }
    throw new Error(`cannot reach the server (${error.message}); is it still running?`);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: reported below from the status
  }
  if (!response.ok) {
    const detail = body && body.error ? body.error : response.statusText;
    throw new Error(`the server answered ${response.status}: ${detail}`);
  }
  if (!body || typeof body.exitCode !== "number") {
    throw new Error("the server's answer is not a run result");
  }
  return body;
}

// ---- Comparing --------------------------------------------------------------------------------------------

function firstDifferentLine(a, b) {
  const linesA = a.split("\n");
  const linesB = b.split("\n");
  for (let i = 0; i < Math.max(linesA.length, linesB.length); i++) {
    if (linesA[i] !== linesB[i]) {
      return i + 1;
    }
  }
  return 0;
}

function showVerdict(browser, server) {
  const differences = [];
  for (const stream of ["stdout", "stderr"]) {
    if (browser[stream] !== server[stream]) {
      differences.push(`${stream} (from line ${firstDifferentLine(browser[stream], server[stream])})`);
      panels.browser.field(stream).classList.add("mismatch");
      panels.server.field(stream).classList.add("mismatch");
    }
  }
  if (browser.exitCode !== server.exitCode) {
    differences.push(`exit code (${browser.exitCode} vs ${server.exitCode})`);
    panels.browser.field("exit").classList.add("mismatch");
    panels.server.field("exit").classList.add("mismatch");
  }
  const verdict = byId("verdict");
  if (differences.length === 0) {
    verdict.textContent = "identical";
    verdict.dataset.verdict = "identical";
    byId("verdict-details").textContent = "same stdout, stderr and exit code";
  } else {
    verdict.textContent = "differs";
    verdict.dataset.verdict = "differs";
    byId("verdict-details").textContent = `in ${differences.join(", ")}`;
  }
}

function showNoVerdict(reason) {
  const verdict = byId("verdict");
  verdict.textContent = "not compared";
  verdict.dataset.verdict = "not-compared";
  byId("verdict-details").textContent = reason;
}

// ---- Buttons ----------------------------------------------------------------------------------------------

/** mode: "browser", "server" or "compare". */
async function start(mode) {
  const code = byId("code").value;
  const inBrowser = mode !== "server";
  const onServer = mode !== "browser";
  const comparison = byId("comparison");
  comparison.hidden = mode !== "compare";
  byId("verdict").textContent = "";
  delete byId("verdict").dataset.verdict;
  byId("verdict-details").textContent = "";
  showMessage(null);
  hideProgress();
  setBusy(true);
  for (const [side, panel] of Object.entries(panels)) {
    const takesPart = side === "browser" ? inBrowser : onServer;
    if (!takesPart && ["done", "error"].includes(panel.section.dataset.state)) {
      panel.section.dataset.state = "stale"; // an earlier result, possibly of other code
    }
  }

  const serverAbort = new AbortController();
  let browserPhase = null;
  let serverRunning = false;
  const refreshStatus = () => {
    if (browserPhase) {
      setStatus(STATUS_TEXT[browserPhase] || "running…");
    } else if (serverRunning) {
      setStatus("running…");
    }
  };
  stopCurrentRun = () => {
    if (stopBrowserRun) {
      stopBrowserRun();
    }
    serverAbort.abort();
  };

  const timed = async (panel, run, fillStreams) => {
    const started = performance.now();
    panel.reset();
    try {
      const result = await run();
      panel.finish(result, performance.now() - started, { fillStreams });
      return result;
    } catch (error) {
      panel.fail(error.message, performance.now() - started);
      throw error;
    }
  };

  const runs = [];
  const sides = [];
  if (inBrowser) {
    sides.push("browser");
    browserPhase = "download";
    runs.push(timed(panels.browser, () => runInBrowser(code, panels.browser, (phase) => {
      browserPhase = phase;
      refreshStatus();
    }), false).finally(() => {
      browserPhase = null;
      stopBrowserRun = null;
      hideProgress();
      refreshStatus();
    }));
  }
  if (onServer) {
    sides.push("server");
    serverRunning = true;
    runs.push(timed(panels.server, () => runOnServer(code, serverAbort.signal), true).finally(() => {
      serverRunning = false;
      refreshStatus();
    }));
  }
  refreshStatus();

  const outcomes = await Promise.allSettled(runs);
  stopCurrentRun = null;
  setBusy(false);

  const failures = outcomes
    .map((outcome, index) => ({ side: sides[index], error: outcome.reason }))
    .filter((failure) => failure.error);
  if (failures.some((failure) => failure.error.message === "stopped")) {
    setStatus("stopped");
  } else if (failures.length > 0) {
    setStatus("error");
    showMessage(failures.map((failure) => `${SIDE_NAMES[failure.side]}: ${failure.error.message}`).join("\n"));
  } else {
    setStatus("done");
  }
  if (mode === "compare") {
    if (failures.length === 0) {
      showVerdict(outcomes[0].value, outcomes[1].value);
    } else {
      showNoVerdict(`the ${failures.map((failure) => failure.side).join(" and ")} run did not finish`);
    }
  }
}

function stop() {
  if (stopCurrentRun) {
    stopCurrentRun();
  }
}

byId("run-browser").addEventListener("click", () => start("browser"));
byId("run-server").addEventListener("click", () => start("server"));
byId("compare").addEventListener("click", () => start("compare"));
byId("stop").addEventListener("click", stop);

// ---- A shared snippet: /s/{id} opens the playground with the snippet's main file loaded -------------------

async function loadSharedSnippet(id) {
  try {
    const response = await fetch(`/api/snippets/${encodeURIComponent(id)}`);
    const snippet = await response.json();
    if (!response.ok) {
      throw new Error(snippet.error || `${response.status} ${response.statusText}`);
    }
    const main = snippet.files[snippet.main];
    if (typeof main !== "string") {
      throw new Error(`its main file "${snippet.main}" is not a text file of this snippet`);
    }
    byId("code").value = main;
    setStatus(`loaded snippet ${id}`);
  } catch (error) {
    showMessage(`Cannot load snippet ${id}: ${error.message}`);
  }
}

const sharedSnippetPath = /^\/s\/([A-Za-z0-9_-]+)$/.exec(location.pathname);
if (sharedSnippetPath) {
  loadSharedSnippet(sharedSnippetPath[1]);
}
