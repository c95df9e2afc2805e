import assert from "node:assert/strict";
import { test } from "node:test";
import { diffSequences, lineDiffRows, splitLines } from "../src/js/diff.js";

test("splits lines keeping their newline", () => {
  assert.deepEqual(splitLines("a\nb\n"), ["a\n", "b\n"]);
  assert.deepEqual(splitLines("a\nb"), ["a\n", "b"]);
  assert.deepEqual(splitLines(""), []);
  assert.deepEqual(splitLines("\n\n"), ["\n", "\n"]);
});

test("side-by-side rows pair changed lines and keep the rest aligned", () => {
  const rows = lineDiffRows("one\ntwo\nthree\nfour\n", "one\nTWO\nthree\nextra\nfour\n");
  assert.deepEqual(rows.map((r) => r.kind), ["same", "changed", "same", "right", "same"]);
  assert.deepEqual(rows[1].left, { number: 2, text: "two", newline: true });
  assert.deepEqual(rows[1].right, { number: 2, text: "TWO", newline: true });
  assert.equal(rows[3].left, null);
  assert.deepEqual(rows[4].left, { number: 4, text: "four", newline: true });
  assert.deepEqual(rows[4].right, { number: 5, text: "four", newline: true });
});

test("a missing final newline is a difference", () => {
  const rows = lineDiffRows("end\n", "end");
  assert.deepEqual(rows.map((r) => r.kind), ["changed"]);
  assert.equal(rows[0].right.newline, false);
  assert.deepEqual(lineDiffRows("same\n", "same\n").map((r) => r.kind), ["same"]);
});

/** Longest common subsequence length by dynamic programming, to check the diff is minimal. */
function lcs(a, b) {
  const table = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i][j] = a[i - 1] === b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
    }
  }
  return table[a.length][b.length];
}

test("random sequences: the script rebuilds both sides and keeps a longest common subsequence", () => {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let round = 0; round < 300; round++) {
    const a = Array.from({ length: Math.floor(random() * 12) }, () => "abc"[Math.floor(random() * 3)]);
    const b = Array.from({ length: Math.floor(random() * 12) }, () => "abc"[Math.floor(random() * 3)]);
    const ops = diffSequences(a, b);
    const rebuiltA = [];
    const rebuiltB = [];
    let equal = 0;
    for (const op of ops) {
      for (let k = 0; k < op.count; k++) {
        if (op.op !== "insert") rebuiltA.push(a[op.aStart + k]);
        if (op.op !== "delete") rebuiltB.push(b[op.bStart + k]);
        if (op.op === "equal") {
          assert.equal(a[op.aStart + k], b[op.bStart + k]);
          equal++;
        }
      }
    }
    assert.deepEqual(rebuiltA, a, JSON.stringify({ a, b, ops }));
    assert.deepEqual(rebuiltB, b, JSON.stringify({ a, b, ops }));
    assert.equal(equal, lcs(a, b), JSON.stringify({ a, b, ops }));
  }
});

test("large outputs with few differences diff quickly", () => {
  const a = Array.from({ length: 50000 }, (_, i) => `line ${i}\n`).join("");
  const b = a.replace("line 25000\n", "changed\n").replace("line 49999\n", "");
  const started = Date.now();
  const rows = lineDiffRows(a, b);
  assert.equal(rows.filter((r) => r.kind !== "same").length, 2);
  assert.ok(Date.now() - started < 5000);
});
