// The page's tar reader and writer against GNU tar (Debian's `tar`, always installed) in both directions.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { readTar, writeTar } from "../src/js/tar.js";

const scratch = mkdtempSync(path.join(tmpdir(), "wasiplay-tar-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const LONG_DIR = "a-directory-name-long-enough/".repeat(4) + "deeper";
const LONG_NAME = "x".repeat(120) + ".txt";

function makeTree(root) {
  mkdirSync(path.join(root, "data", "nested"), { recursive: true });
  mkdirSync(path.join(root, LONG_DIR), { recursive: true });
  writeFileSync(path.join(root, "main.py"), "print('hi ✓')\n");
  writeFileSync(path.join(root, "data", "nested", "blob.bin"), Buffer.from([0, 1, 2, 255, 254, 0]));
  writeFileSync(path.join(root, "empty.txt"), "");
  writeFileSync(path.join(root, LONG_DIR, "file.txt"), "deep\n");
  writeFileSync(path.join(root, "big.bin"), Buffer.alloc(70000, 7));
}

function gnuTar(format, extraPaths = []) {
  const root = mkdtempSync(path.join(scratch, "tree-"));
  makeTree(root);
  for (const name of extraPaths) {
    writeFileSync(path.join(root, name), name);
  }
  const archive = path.join(scratch, `${format}-${path.basename(root)}.tar`);
  execFileSync("tar", [`--format=${format}`, "-cf", archive, "-C", root, "."]);
  return new Uint8Array(readFileSync(archive));
}

function filesOf(entries) {
  return new Map(entries.filter((e) => e.type === "file").map((e) => [e.path, Buffer.from(e.bytes).toString("latin1")]));
}

test("reads a ustar archive made by GNU tar, long paths split into prefix and name included", () => {
  const entries = readTar(gnuTar("ustar"));
  const files = filesOf(entries);
  assert.equal(files.get("main.py"), Buffer.from("print('hi ✓')\n").toString("latin1"));
  assert.deepEqual([...Buffer.from(files.get("data/nested/blob.bin"), "latin1")], [0, 1, 2, 255, 254, 0]);
  assert.equal(files.get("empty.txt"), "");
  assert.equal(files.get(`${LONG_DIR}/file.txt`), "deep\n");
  assert.equal(files.get("big.bin").length, 70000);
  assert.ok(entries.some((e) => e.type === "directory" && e.path === "data/nested"));
  assert.ok(!entries.some((e) => e.path === "" || e.path.startsWith("./")));
});

test("reads GNU long names and pax path records", () => {
  for (const format of ["gnu", "pax"]) {
    const files = filesOf(readTar(gnuTar(format, [LONG_NAME])));
    assert.equal(files.get(LONG_NAME), LONG_NAME, format);
    assert.equal(files.get("main.py"), Buffer.from("print('hi ✓')\n").toString("latin1"), format);
  }
});

test("writes archives GNU tar extracts to the same files", () => {
  const input = [
    { path: "main.py", bytes: new TextEncoder().encode("print('ok')\n") },
    { path: "data/nested/blob.bin", bytes: new Uint8Array([0, 255, 10, 13]) },
    { path: `${LONG_DIR}/${"y".repeat(90)}.txt`, bytes: new TextEncoder().encode("long path\n") },
    { path: "empty.txt", bytes: new Uint8Array(0) },
  ];
  const archive = path.join(scratch, "written.tar");
  writeFileSync(archive, writeTar(input));
  const out = mkdtempSync(path.join(scratch, "out-"));
  execFileSync("tar", ["-xf", archive, "-C", out]);
  for (const { path: name, bytes } of input) {
    assert.deepEqual(new Uint8Array(readFileSync(path.join(out, name))), bytes, name);
  }
  const listed = execFileSync("tar", ["-tf", archive]).toString().trim().split("\n");
  assert.ok(listed.includes("data/"), listed.join(","));
  assert.ok(listed.includes("data/nested/blob.bin"));
});

test("round trip through its own reader, and the same tree gives the same bytes", () => {
  const input = [{ path: "a/b.txt", bytes: new Uint8Array([1, 2, 3]) }];
  assert.deepEqual(writeTar(input), writeTar(input));
  const entries = readTar(writeTar(input));
  assert.deepEqual(entries.map((e) => [e.path, e.type]), [["a", "directory"], ["a/b.txt", "file"]]);
  assert.deepEqual(entries[1].bytes, new Uint8Array([1, 2, 3]));
});

test("rejects damaged and truncated archives, and names too long for ustar", () => {
  const archive = writeTar([{ path: "f.txt", bytes: new Uint8Array(600) }]);
  const damaged = archive.slice();
  damaged[10] ^= 0xff;
  assert.throws(() => readTar(damaged), /bad header checksum at byte 0/);
  assert.throws(() => readTar(archive.slice(0, 700)), /truncated/);
  assert.deepEqual(readTar(new Uint8Array(1024)), []);
  assert.throws(() => writeTar([{ path: "z".repeat(300), bytes: new Uint8Array(0) }]), /too long/);
});
