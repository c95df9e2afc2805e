// Talking to the WasiPlay server: runs (POST /api/run), snippets (share), uploaded modules, runtimes. Every
// failure becomes an Error whose message says what happened in words a person can act on.

/** An Error from an HTTP answer; `status` is the HTTP status (0: the server could not be reached). */
export class ServerError extends Error {
  constructor(message, status, retryAfterSeconds = null) {
    super(message);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

async function request(what, url, options = {}) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (error) {
    if (error.name === "AbortError") {
      throw new ServerError("stopped", 0);
    }
    throw new ServerError(`${what}: the server cannot be reached (${error.message}). Is it still running?`, 0);
  }
  let body = null;
  const text = await response.text().catch(() => "");
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: described from the status below
  }
  if (!response.ok) {
    throw describeFailure(what, response, body);
  }
  return body;
}

function describeFailure(what, response, body) {
  const detail = body && typeof body.error === "string" ? body.error : response.statusText || "no details";
  const status = response.status;
  if (status === 503) {
    const retry = parseRetryAfter(response.headers.get("Retry-After"));
    const when = retry === null ? "in a moment" : `in ${retry} s`;
    return new ServerError(`${what}: the server is busy running other programs (503). Try again ${when}.`, 503, retry);
  }
  if (status === 413) {
    return new ServerError(`${what}: too large for the server (413): ${detail}`, 413);
  }
  if (status === 404 || status === 405) {
    return new ServerError(`${what}: this server does not offer that (${status}): ${detail}`, status);
  }
  if (status === 429) {
    const retry = parseRetryAfter(response.headers.get("Retry-After"));
    return new ServerError(`${what}: too many requests (429)${retry === null ? "" : `; try again in ${retry} s`}.`, 429, retry);
  }
  if (status >= 500) {
    return new ServerError(`${what}: the server failed (${status}): ${detail}`, status);
  }
  return new ServerError(`${what}: the server refused it (${status}): ${detail}`, status);
}

function parseRetryAfter(header) {
  if (!header) {
    return null;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return Math.max(0, Math.round(seconds));
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

const JSON_HEADERS = { "Content-Type": "application/json" };

/**
 * POST /api/run. The answer: {stdout, stderr, exitCode, durationMs, status?, message?, files?}.
 * @param {object} body {runtime?, files, main?, args, env?, stdin}
 */
export async function runOnServer(body, signal) {
  const result = await request("Server run", "/api/run", {
    method: "POST", headers: JSON_HEADERS, body: JSON.stringify(body), signal,
  });
  if (!result || typeof result.exitCode !== "number") {
    throw new ServerError("Server run: the server's answer is not a run result", 200);
  }
  return result;
}

export async function fetchRuntimes() {
  const runtimes = await request("Finding the runtimes", "/api/runtimes");
  if (!runtimes || !runtimes.python || typeof runtimes.python.url !== "string") {
    throw new ServerError("Finding the runtimes: the server offers no Python runtime (GET /api/runtimes)", 200);
  }
  return runtimes;
}

/** POST /api/snippets → {id, url}. */
export async function saveSnippet(snippet) {
  const saved = await request("Share", "/api/snippets", {
    method: "POST", headers: JSON_HEADERS, body: JSON.stringify(snippet),
  });
  if (!saved || typeof saved.id !== "string") {
    throw new ServerError("Share: the server's answer has no snippet id", 200);
  }
  return { id: saved.id, url: typeof saved.url === "string" ? saved.url : `/s/${encodeURIComponent(saved.id)}` };
}

export async function loadSnippet(id) {
  return request(`Opening the shared snippet ${id}`, `/api/snippets/${encodeURIComponent(id)}`);
}

/** POST /api/modules with the raw module → {sha256, size, url}. */
export async function uploadModule(bytes) {
  const stored = await request("Uploading the module", "/api/modules", {
    method: "POST", headers: { "Content-Type": "application/wasm" }, body: bytes,
  });
  if (!stored || typeof stored.sha256 !== "string") {
    throw new ServerError("Uploading the module: the server's answer has no sha256", 200);
  }
  return stored;
}

/** Turns a run result's status (from the server's limits) into a sentence, or null when it ran normally. */
export function describeRunStatus(result) {
  const status = result.status;
  if (!status || status === "ok") {
    return null;
  }
  const detail = typeof result.message === "string" && result.message ? `: ${result.message}` : "";
  switch (status) {
    case "timeout":
      return `Time limit exceeded: the server stopped the program${detail}`;
    case "memory":
      return `Memory limit exceeded: the program wanted more memory than the server allows${detail}`;
    case "output-limit":
      return `Output limit exceeded: the program wrote more than the server keeps${detail}`;
    case "trap":
      return `The module trapped (a WebAssembly runtime error)${detail}`;
    case "error":
      return `The server could not run the module${detail}`;
    default:
      return `The server ended the run with status "${status}"${detail}`;
  }
}
