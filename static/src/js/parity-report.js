// The parity report, built on the page exactly as wasi-host's ParityReport builds it on the JVM (the server's
// POST /api/compare and `wasiplay run --engine both`): the same members in the same order, the same comparison,
// so the same two runs give byte-identical JSON. The format is documented in the server README ("Parity report").

export const REPORT_FORMAT = "wasiplay-parity-report/1";
/** The seed deterministic mode uses unless another is given (DeterministicMode.DEFAULT_SEED). */
export const DEFAULT_SEED = 42;
/** The largest seed: 2^53 - 1 (DeterministicMode.MAX_SEED). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** A seed typed by the user: a whole number from 0 to 2^53 - 1, or an Error saying what is wrong. */
export function parseSeed(text) {
  const trimmed = String(text).trim();
  const seed = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`The seed must be a whole number from 0 to ${MAX_SEED}, not "${text}".`);
  }
  return seed;
}

const ignored = (path) => path.split("/").includes("__pycache__");
const byPath = (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0); // UTF-16 order, as Java's String

/** Lowercase hex SHA-256 of some bytes (Web Crypto: the page and Node have it). */
export async function sha256Hex(bytes) {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The report's files from the page's list of changes ({path, change: "created"|"changed"|"deleted", bytes}),
 * or from the server's answer ({path, change: "created"|"modified"|"deleted", size, sha256}): path order,
 * CPython's __pycache__ left out (as on the JVM).
 */
export async function reportFiles(changes) {
  const files = [];
  for (const entry of changes) {
    if (ignored(entry.path)) {
      continue;
    }
    const change = entry.change === "changed" ? "modified" : entry.change;
    if (change === "deleted") {
      files.push({ path: entry.path, change, size: 0, sha256: null });
    } else {
      const sha256 = typeof entry.sha256 === "string" ? entry.sha256 : await sha256Hex(entry.bytes);
      const size = typeof entry.size === "number" ? entry.size : entry.bytes.length;
      files.push({ path: entry.path, change, size, sha256 });
    }
  }
  return files.sort(byPath);
}

/** One engine's side of the report; `files` as reportFiles gives them. */
export function engineRun(engine, { exitCode, status, durationMs, stdout, stderr }, files) {
  return {
    engine,
    exitCode,
    status: status || "ok",
    durationMs: Math.round(durationMs || 0),
    stdout,
    stderr,
    files: files.map(({ path, change, size, sha256 }) => ({ path, change, size, sha256 })),
  };
}

/** The first line (1-based) where two texts differ, split at "\n" only, the text after the last one a line too. */
function firstDifferentLine(field, first, second, out) {
  if (first === second) {
    return;
  }
  const a = first.split("\n");
  const b = second.split("\n");
  for (let i = 0; ; i++) {
    const lineA = i < a.length ? a[i] : null;
    const lineB = i < b.length ? b[i] : null;
    if (lineA !== lineB) {
      out.push({ field, line: i + 1, values: [lineA, lineB] });
      return;
    }
  }
}

const describeFile = (file) => (file ? { change: file.change, size: file.size, sha256: file.sha256 } : null);

/** Compares two engineRun()s of the same inputs; `seed` is deterministic mode's, or null when it was off. */
export function compareRuns(first, second, seed) {
  const differences = [];
  if (first.exitCode !== second.exitCode) {
    differences.push({ field: "exitCode", values: [first.exitCode, second.exitCode] });
  }
  if (first.status !== second.status) {
    differences.push({ field: "status", values: [first.status, second.status] });
  }
  firstDifferentLine("stdout", first.stdout, second.stdout, differences);
  firstDifferentLine("stderr", first.stderr, second.stderr, differences);
  const firstFiles = new Map(first.files.map((file) => [file.path, file]));
  const secondFiles = new Map(second.files.map((file) => [file.path, file]));
  const paths = [...new Set([...firstFiles.keys(), ...secondFiles.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const path of paths) {
    const a = firstFiles.get(path);
    const b = secondFiles.get(path);
    const same = a && b && a.change === b.change && a.size === b.size && a.sha256 === b.sha256;
    if (!same) {
      differences.push({ field: "files", path, values: [describeFile(a), describeFile(b)] });
    }
  }
  return {
    format: REPORT_FORMAT,
    verdict: differences.length === 0 ? "identical" : "differs",
    deterministic: seed === null || seed === undefined ? null : { seed },
    engines: [first, second],
    differences,
  };
}

/** The report as the JVM writes it: no whitespace. */
export function reportJson(report) {
  return JSON.stringify(report);
}
