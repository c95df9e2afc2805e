// Runs one wasm32-wasi module under Node's built-in WASI (node:wasi, preview1): the third opinion for
// the parity corpus. Prints one JSON object on stdout:
//   {exitCode, trap, stdout, stderr, stdoutSha256, stderrSha256, files: {"/path": sha256}}
// exitCode is null when the guest trapped (trap then holds the message). stdout/stderr are decoded as
// UTF-8 for reading; the *Sha256 fields are over the exact bytes. files lists everything under the root
// after the run, keyed by guest path ("/" + path relative to the root) and sorted: a regular file maps to
// the sha256 of its content, a directory (key ending in "/") to "dir", a symlink to "symlink:" + target.
//
// usage: node node-runner.mjs --module M.wasm --root DIR [--stdin FILE] [--env NAME=VALUE]... -- ARGV...
// The root directory is preopened as "/"; ARGV includes argv[0]. The environment is empty unless given.
import { WASI } from 'node:wasi';
import v8 from 'node:v8';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function fail(message) {
  process.stderr.write(`node-runner: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { module: null, root: null, stdin: null, env: {}, argv: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.argv = argv.slice(i + 1);
      break;
    }
    const value = argv[i + 1];
    if (value === undefined) fail(`${arg} needs a value`);
    i++;
    if (arg === '--module') options.module = value;
    else if (arg === '--root') options.root = value;
    else if (arg === '--stdin') options.stdin = value;
    else if (arg === '--env') {
      const eq = value.indexOf('=');
      if (eq <= 0) fail(`--env wants NAME=VALUE, got "${value}"`);
      options.env[value.slice(0, eq)] = value.slice(eq + 1);
    } else fail(`unknown option ${arg}`);
  }
  if (!options.module) fail('--module is required');
  if (!options.root) fail('--root is required');
  if (!options.argv || options.argv.length === 0) fail('give argv (argv[0] included) after --');
  if (!fs.statSync(options.root, { throwIfNoEntry: false })?.isDirectory()) fail(`not a directory: ${options.root}`);
  return options;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function listFiles(root) {
  const found = {};
  const walk = (dir, guestDir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const hostPath = path.join(dir, entry.name);
      const guestPath = guestDir + '/' + entry.name;
      if (entry.isSymbolicLink()) found[guestPath] = 'symlink:' + fs.readlinkSync(hostPath);
      else if (entry.isDirectory()) {
        found[guestPath + '/'] = 'dir';
        walk(hostPath, guestPath);
      } else if (entry.isFile()) found[guestPath] = sha256(fs.readFileSync(hostPath));
      else found[guestPath] = 'other';
    }
  };
  walk(root, '');
  return Object.fromEntries(Object.keys(found).sort().map((k) => [k, found[k]]));
}

// Node 20's WASI goes wrong once the guest grows its memory: with V8's fast API calls the WASI functions keep
// using the memory as it was before memory.grow, so the process dies with SIGSEGV or output is silently lost
// (nodejs/node#51303). Fast API calls off, every call sees the current memory.
v8.setFlagsFromString('--no-turbo-fast-api-calls');

const options = parseArgs(process.argv.slice(2));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'node-runner-'));
const stdoutPath = path.join(scratch, 'stdout');
const stderrPath = path.join(scratch, 'stderr');
const stdinFd = fs.openSync(options.stdin ?? path.join(scratch, 'empty-stdin'), options.stdin ? 'r' : 'w+');
const stdoutFd = fs.openSync(stdoutPath, 'w');
const stderrFd = fs.openSync(stderrPath, 'w');

let exitCode = null;
let trap = null;
try {
  const wasi = new WASI({
    version: 'preview1',
    args: options.argv,
    env: options.env,
    preopens: { '/': options.root },
    stdin: stdinFd,
    stdout: stdoutFd,
    stderr: stderrFd,
    returnOnExit: true,
  });
  const module = await WebAssembly.compile(fs.readFileSync(options.module));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  exitCode = wasi.start(instance);
} catch (e) {
  trap = String(e && e.stack ? e.stack.split('\n')[0] : e);
}
for (const fd of [stdinFd, stdoutFd, stderrFd]) fs.closeSync(fd);

const stdout = fs.readFileSync(stdoutPath);
const stderr = fs.readFileSync(stderrPath);
fs.rmSync(scratch, { recursive: true, force: true });
process.stdout.write(JSON.stringify({
  exitCode,
  trap,
  stdout: stdout.toString('utf8'),
  stderr: stderr.toString('utf8'),
  stdoutSha256: sha256(stdout),
  stderrSha256: sha256(stderr),
  files: listFiles(options.root),
}) + '\n');
