// The workspace: the program's files (text or binary), which one is the main file, and the snippet JSON that
// shares them. Pure, no DOM.
import { checkNewPath, normalizePath } from "./inputs.js";

export const PYTHON_RUNTIME = "python-3.12";
export const MODULE_PREFIX = "module:";

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });

/** The text of bytes that are UTF-8 without NUL characters (as a person would call "text"), else null. */
export function asText(bytes) {
  if (bytes.includes(0)) {
    return null;
  }
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

export function toBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text) {
  let binary;
  try {
    binary = atob(text);
  } catch {
    throw new Error("not valid base64");
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

export function sameBytes(a, b) {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

/** A file: {text} for text, {bytes} for binary content. */
export class Workspace {
  constructor() {
    /** @type {Map<string, {text?: string, bytes?: Uint8Array}>} in tab order */
    this.files = new Map();
    this.main = "main.py";
  }

  paths() {
    return [...this.files.keys()];
  }

  has(path) {
    return this.files.has(path);
  }

  isText(path) {
    return typeof this.files.get(path)?.text === "string";
  }

  text(path) {
    return this.files.get(path)?.text;
  }

  bytes(path) {
    const file = this.files.get(path);
    if (!file) {
      return undefined;
    }
    return file.bytes || encoder.encode(file.text);
  }

  /** Adds a new file; throws when the path is invalid or clashes with another file. */
  add(path, content) {
    const normal = normalizePath(path);
    checkNewPath(normal, this.files.keys());
    this.files.set(normal, content);
    return normal;
  }

  /** Replaces or adds a file, whatever was there (for files written by a run). */
  put(path, content) {
    const normal = normalizePath(path);
    if (!this.files.has(normal)) {
      checkNewPath(normal, this.files.keys());
    }
    this.files.set(normal, content);
    return normal;
  }

  /** Bytes as a text file when they are text, else as a binary file. */
  static contentOf(bytes) {
    const text = asText(bytes);
    return text === null ? { bytes } : { text };
  }

  rename(from, to) {
    const normal = normalizePath(to);
    if (normal === from) {
      return normal;
    }
    checkNewPath(normal, this.paths().filter((path) => path !== from));
    const renamed = new Map();
    for (const [path, content] of this.files) {
      renamed.set(path === from ? normal : path, content);
    }
    this.files = renamed;
    if (this.main === from) {
      this.main = normal;
    }
    return normal;
  }

  remove(path) {
    this.files.delete(path);
  }

  /** The files as the snippet / run API wants them: text as a string, binary as {base64}. */
  toJsonFiles() {
    const files = {};
    for (const [path, content] of this.files) {
      files[path] = typeof content.text === "string" ? content.text : { base64: toBase64(content.bytes) };
    }
    return files;
  }

  /** Text files only, for the worker's `files` field. */
  textFiles() {
    const files = {};
    for (const [path, content] of this.files) {
      if (typeof content.text === "string") {
        files[path] = content.text;
      }
    }
    return files;
  }

  hasBinaryFiles() {
    return [...this.files.values()].some((content) => typeof content.text !== "string");
  }

  /** Every file as {path, bytes}, for a tar or zip. */
  entries() {
    return this.paths().map((path) => ({ path, bytes: this.bytes(path) }));
  }

  /** @throws Error naming the first bad file */
  static fromJsonFiles(files, main) {
    if (files === null || typeof files !== "object" || Array.isArray(files)) {
      throw new Error("the snippet's files must be an object mapping paths to contents");
    }
    const workspace = new Workspace();
    for (const [path, value] of Object.entries(files)) {
      if (typeof value === "string") {
        workspace.add(path, { text: value });
      } else if (value && typeof value.base64 === "string") {
        try {
          workspace.add(path, { bytes: fromBase64(value.base64) });
        } catch (error) {
          throw new Error(`file ${path}: ${error.message}`);
        }
      } else {
        throw new Error(`file ${path}: the content must be text or {"base64": "..."}`);
      }
    }
    if (typeof main === "string" && main !== "") {
      workspace.main = normalizePath(main);
    } else if (workspace.files.size > 0 && !workspace.has("main.py")) {
      workspace.main = workspace.paths()[0];
    }
    // A stored snippet keeps its files sorted by path (its id is a hash of canonical JSON), so the tab order
    // is rebuilt the way people lay a workspace out: the file that runs first, then the rest by path.
    if (workspace.files.has(workspace.main)) {
      const mainContent = workspace.files.get(workspace.main);
      workspace.files.delete(workspace.main);
      workspace.files = new Map([[workspace.main, mainContent], ...workspace.files]);
    }
    return workspace;
  }
}

/**
 * What changed between the files given to a run and the files after it: created, changed and deleted paths
 * with their new bytes. Files under __pycache__ (CPython's bytecode cache) are left out.
 * @param {Map<string, Uint8Array>} before
 * @param {Map<string, Uint8Array>} after
 */
export function fileChanges(before, after) {
  const changes = [];
  const ignored = (path) => path.split("/").includes("__pycache__");
  for (const [path, bytes] of after) {
    if (ignored(path)) {
      continue;
    }
    if (!before.has(path)) {
      changes.push({ path, change: "created", bytes });
    } else if (!sameBytes(before.get(path), bytes)) {
      changes.push({ path, change: "changed", bytes });
    }
  }
  for (const path of before.keys()) {
    if (!after.has(path) && !ignored(path)) {
      changes.push({ path, change: "deleted", bytes: null });
    }
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}
