import assert from "node:assert/strict";
import { test } from "node:test";
import { checkNewPath, formatArgs, formatEnv, normalizePath, parseArgs, parseEnv } from "../src/js/inputs.js";

test("arguments split like a shell command line", () => {
  assert.deepEqual(parseArgs(""), []);
  assert.deepEqual(parseArgs("  one   two "), ["one", "two"]);
  assert.deepEqual(parseArgs(`'two words' "double \\"quoted\\"" back\\ slash ''`), ["two words", 'double "quoted"', "back slash", ""]);
  assert.deepEqual(parseArgs(`mixed'single'"double"`), ["mixedsingledouble"]);
  assert.throws(() => parseArgs("it's"), /the ' at position 3 is never closed/);
  assert.throws(() => parseArgs('"open'), /the " at position 1 is never closed/);
});

test("formatted arguments parse back to the same list", () => {
  for (const args of [["a", "b c", "it's", "", "ü", "$HOME", "--flag=1"], []]) {
    assert.deepEqual(parseArgs(formatArgs(args)), args);
  }
});

test("environment lines", () => {
  assert.deepEqual(parseEnv("A=1\n\n# comment\nB_2=x=y\nEMPTY=\r\n"), { A: "1", B_2: "x=y", EMPTY: "" });
  assert.throws(() => parseEnv("A=1\nnot a pair"), /line 2/);
  assert.throws(() => parseEnv("1A=x"), /line 1/);
  assert.equal(formatEnv({ A: "1", B: "two words" }), "A=1\nB=two words");
});

test("workspace paths", () => {
  assert.equal(normalizePath("/main.py"), "main.py");
  assert.equal(normalizePath(" data/in.txt "), "data/in.txt");
  for (const bad of ["", "/", "a//b", "a/", "../x", "./x", "a/./b", "a\\b", "nul\0"]) {
    assert.throws(() => normalizePath(bad), Error, JSON.stringify(bad));
  }
  assert.throws(() => checkNewPath("a", ["a"]), /already a file named a/);
  assert.throws(() => checkNewPath("lib", ["lib/util.py"]), /is a directory/);
  assert.throws(() => checkNewPath("main.py/x", ["main.py"]), /is a file/);
  checkNewPath("lib/other.py", ["lib/util.py"]);
});
