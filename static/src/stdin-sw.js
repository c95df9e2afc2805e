// WasiPlay's stdin service worker: interactive input for pages that are not cross-origin isolated (and so
// have no SharedArrayBuffer), e.g. the playground embedded in another site.
//
// The run's Web Worker blocks in a synchronous POST to /__wasiplay/stdin/<token>. This service worker holds
// that request open until the page posts it the user's input: {type: "stdin", token, eof: false, bytes}
// or {type: "stdin", token, eof: true}. The answer's X-WasiPlay-Stdin header says "data" (the body is the
// input), "eof", or "retry": nothing came within RETRY_MS, ask again (browsers end a service worker's fetch
// event after a few minutes). {type: "stdin-cancel", token} forgets a stopped run's input.
// Every other request goes to the network untouched.
"use strict";

const PREFIX = "/__wasiplay/stdin/";
const RETRY_MS = 25000;

const queued = new Map(); // token -> answers not yet asked for
const waiting = new Map(); // token -> resolve function of the request waiting for input

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (typeof message.token !== "string") {
    return;
  }
  if (message.type === "stdin-cancel") {
    queued.delete(message.token);
    const resolve = waiting.get(message.token);
    if (resolve) {
      waiting.delete(message.token);
      resolve(answer("eof"));
    }
    return;
  }
  if (message.type !== "stdin") {
    return;
  }
  const reply = message.eof ? answer("eof") : answer("data", message.bytes);
  const resolve = waiting.get(message.token);
  if (resolve) {
    waiting.delete(message.token);
    resolve(reply);
  } else {
    const list = queued.get(message.token) || [];
    list.push(reply);
    queued.set(message.token, list);
  }
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(PREFIX)) {
    return; // not ours: the browser fetches it as usual
  }
  event.respondWith(nextAnswer(url.pathname.slice(PREFIX.length)));
});

function nextAnswer(token) {
  const list = queued.get(token);
  if (list && list.length > 0) {
    const reply = list.shift();
    if (list.length === 0) {
      queued.delete(token);
    }
    return Promise.resolve(reply);
  }
  return new Promise((resolve) => {
    const previous = waiting.get(token);
    if (previous) {
      previous(answer("retry")); // a retried request replaces the one it retries
    }
    waiting.set(token, resolve);
    setTimeout(() => {
      if (waiting.get(token) === resolve) {
        waiting.delete(token);
        resolve(answer("retry"));
      }
    }, RETRY_MS);
  });
}

function answer(kind, bytes) {
  return new Response(kind === "data" ? bytes : null, {
    status: 200,
    headers: {
      "X-WasiPlay-Stdin": kind,
      "Content-Type": "application/octet-stream",
      "Cache-Control": "no-store",
    },
  });
}
