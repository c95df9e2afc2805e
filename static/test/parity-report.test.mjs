import assert from "node:assert/strict";
import { test } from "node:test";
import { compareRuns, engineRun, parseSeed, reportFiles, reportJson, sha256Hex } from "../src/js/parity-report.js";

const HELLO_SHA = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
const hello = new TextEncoder().encode("hello");

test("identical runs give the JSON wasi-host writes, byte for byte", async () => {
  const files = await reportFiles([{ path: "out.txt", change: "created", bytes: hello }]);
  const run = (engine) => engineRun(engine, { exitCode: 0, status: "ok", durationMs: 10.4, stdout: "hi\n", stderr: "" }, files);
  const report = compareRuns(run("browser"), run("server"), 42);
  // The same string is asserted by wasi-host's ParityReportTest.
  assert.equal(reportJson(report), '{"format":"wasiplay-parity-report/1","verdict":"identical","deterministic":{"seed":42},'
    + '"engines":[{"engine":"browser","exitCode":0,"status":"ok","durationMs":10,"stdout":"hi\\n",'
    + '"stderr":"","files":[{"path":"out.txt","change":"created","size":5,"sha256":"' + HELLO_SHA + '"}]},'
    + '{"engine":"server","exitCode":0,"status":"ok","durationMs":10,'
    + '"stdout":"hi\\n","stderr":"","files":[{"path":"out.txt","change":"created","size":5,'
    + '"sha256":"' + HELLO_SHA + '"}]}],"differences":[]}');
});

test("differences name the field and the first differing line, as on the JVM", async () => {
  const chicory = engineRun("chicory", { exitCode: 0, status: "ok", durationMs: 5, stdout: "a\nb\nc\n", stderr: "warn\n" },
    await reportFiles([{ path: "gone.txt", change: "deleted", bytes: null }, { path: "same.txt", change: "created", bytes: hello }]));
  const browser = engineRun("browser", { exitCode: 134, status: "trap", durationMs: 7, stdout: "a\nB\nc\n", stderr: "warn" },
    await reportFiles([{ path: "same.txt", change: "created", size: 5, sha256: HELLO_SHA }]));
  const report = compareRuns(chicory, browser, null);
  assert.equal(report.verdict, "differs");
  assert.equal(report.deterministic, null);
  assert.deepEqual(report.differences.map((d) => JSON.stringify(d)), [
    '{"field":"exitCode","values":[0,134]}',
    '{"field":"status","values":["ok","trap"]}',
    '{"field":"stdout","line":2,"values":["b","B"]}',
    '{"field":"stderr","line":2,"values":["",null]}',
    '{"field":"files","path":"gone.txt","values":[{"change":"deleted","size":0,"sha256":null},null]}',
  ]);
});

test("files: path order, 'changed' is 'modified', the server's sha256 taken as given, __pycache__ left out", async () => {
  const files = await reportFiles([
    { path: "b.txt", change: "changed", bytes: hello },
    { path: "__pycache__/m.cpython-312.pyc", change: "created", bytes: new Uint8Array(3) },
    { path: "a.bin", change: "created", size: 3, sha256: await sha256Hex(new Uint8Array(3)) },
  ]);
  assert.deepEqual(files, [
    { path: "a.bin", change: "created", size: 3, sha256: "709e80c88487a2411e1ee4dfb9f22a861492d20c4765150c0c794abd70f8147c" },
    { path: "b.txt", change: "modified", size: 5, sha256: HELLO_SHA },
  ]);
});

test("seeds are whole numbers from 0 to 2^53 - 1", () => {
  assert.equal(parseSeed(" 7 "), 7);
  assert.equal(parseSeed("9007199254740991"), 9007199254740991);
  assert.throws(() => parseSeed("-1"), /whole number from 0 to 9007199254740991/);
  assert.throws(() => parseSeed("1.5"), /not "1.5"/);
  assert.throws(() => parseSeed("9007199254740992"), /whole number/);
  assert.throws(() => parseSeed(""), /whole number/);
});
