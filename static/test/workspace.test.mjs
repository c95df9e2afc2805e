import assert from "node:assert/strict";
import { test } from "node:test";
import { asText, fileChanges, fromBase64, toBase64, Workspace } from "../src/js/workspace.js";
import { crc32 } from "../src/js/zip.js";

const bytes = (text) => new TextEncoder().encode(text);

test("text is UTF-8 without NUL; anything else is binary", () => {
  assert.equal(asText(bytes("héllo ✓")), "héllo ✓");
  assert.equal(asText(new Uint8Array([0xc3])), null);
  assert.equal(asText(new Uint8Array([65, 0, 66])), null);
  assert.deepEqual(Workspace.contentOf(new Uint8Array([255])), { bytes: new Uint8Array([255]) });
});

test("base64 round trip, large inputs included", () => {
  const data = Uint8Array.from({ length: 100000 }, (_, i) => (i * 7) % 256);
  assert.deepEqual(fromBase64(toBase64(data)), data);
  assert.throws(() => fromBase64("not base64!"), /not valid base64/);
});

test("snippet files: text and base64 in, the same out", () => {
  const files = { "main.py": "print(1)\n", "data/x.bin": { base64: toBase64(new Uint8Array([0, 1, 2])) } };
  const workspace = Workspace.fromJsonFiles(files, "main.py");
  assert.deepEqual(workspace.toJsonFiles(), files);
  assert.deepEqual(workspace.textFiles(), { "main.py": "print(1)\n" });
  assert.ok(workspace.hasBinaryFiles());
  assert.throws(() => Workspace.fromJsonFiles({ "../x": "" }), /\.\./);
  assert.throws(() => Workspace.fromJsonFiles({ "a.txt": 3 }), /file a.txt/);
  assert.throws(() => Workspace.fromJsonFiles({ lib: "", "lib/x.py": "" }), /lib/);
});

test("a restored snippet lists its main file first, then the rest in stored (path) order", () => {
  const stored = { "a/notes.txt": "n", "main.py": "print(1)", "pixel.bin": { base64: "AA==" } };
  assert.deepEqual(Workspace.fromJsonFiles(stored, "main.py").paths(), ["main.py", "a/notes.txt", "pixel.bin"]);
  assert.deepEqual(Workspace.fromJsonFiles(stored, "pixel.bin").paths(), ["pixel.bin", "a/notes.txt", "main.py"]);
});

test("rename keeps the order and follows the main file", () => {
  const workspace = Workspace.fromJsonFiles({ "main.py": "a", "b.py": "b" }, "main.py");
  workspace.rename("main.py", "app.py");
  assert.deepEqual(workspace.paths(), ["app.py", "b.py"]);
  assert.equal(workspace.main, "app.py");
  assert.throws(() => workspace.rename("app.py", "b.py"), /already/);
});

test("file changes: created, changed, deleted; CPython's __pycache__ ignored", () => {
  const before = new Map([["main.py", bytes("x")], ["keep.txt", bytes("k")], ["gone.txt", bytes("g")]]);
  const after = new Map([["main.py", bytes("x")], ["keep.txt", bytes("K")], ["new/out.bin", new Uint8Array([1])],
    ["__pycache__/util.cpython-312.pyc", new Uint8Array([2])]]);
  assert.deepEqual(fileChanges(before, after).map((c) => [c.path, c.change]),
    [["gone.txt", "deleted"], ["keep.txt", "changed"], ["new/out.bin", "created"]]);
});

test("zip entries carry the standard CRC-32", () => {
  assert.equal(crc32(bytes("123456789")), 0xcbf43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
});
