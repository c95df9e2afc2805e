// Runs modules in the browser through the web-client worker (see web-client/README.md for its protocol),
// including interactive stdin:
//  - cross-origin isolated page: a SharedArrayBuffer the worker blocks on with Atomics.wait;
//  - otherwise: the worker blocks in a synchronous request that the stdin service worker (/stdin-sw.js)
//    holds open until the page hands it the input.
// Stop terminates the worker at once; the next run starts a new one.

const WORKER_URL = "/js/wasiplay-worker.js";
const SERVICE_WORKER_URL = "/stdin-sw.js";
/** Bytes of input one answer carries; a longer line goes out in several answers. */
const STDIN_CAPACITY = 64 * 1024;
const encoder = new TextEncoder();

/** Interactive input over a SharedArrayBuffer: STATE (int32) at 0, LENGTH (int32) at 4, data from 8. */
class SharedBufferStdin {
  constructor() {
    this.buffer = new SharedArrayBuffer(8 + STDIN_CAPACITY);
    this.control = new Int32Array(this.buffer, 0, 2);
    this.data = new Uint8Array(this.buffer, 8);
  }

  fields() {
    return { stdinBuffer: this.buffer };
  }

  deliver(bytes) {
    if (bytes === null) {
      Atomics.store(this.control, 0, 2); // EOF
    } else {
      this.data.set(bytes);
      Atomics.store(this.control, 1, bytes.length);
      Atomics.store(this.control, 0, 1); // DATA
    }
    Atomics.notify(this.control, 0);
  }

  cancel() {}
}

/** Interactive input through the stdin service worker, for pages without SharedArrayBuffer. */
class ServiceWorkerStdin {
  constructor(registration) {
    this.registration = registration;
    this.token = crypto.randomUUID();
  }

  fields() {
    return { stdinUrl: `/__wasiplay/stdin/${this.token}` };
  }

  deliver(bytes) {
    const target = this.registration.active;
    if (target) {
      target.postMessage({ type: "stdin", token: this.token, eof: bytes === null, bytes });
    }
  }

  cancel() {
    const target = this.registration.active;
    if (target) {
      target.postMessage({ type: "stdin-cancel", token: this.token });
    }
  }
}

export class BrowserEngine {
  constructor() {
    this.worker = null;
    this.stopCurrent = null;
    this.serviceWorker = null; // a promise of the registration, or of null
  }

  /**
   * How this page can offer interactive input: "shared" (cross-origin isolated), "service-worker", or null
   * (neither: programs then get end of input).
   */
  async interactiveMode() {
    if (globalThis.crossOriginIsolated && typeof SharedArrayBuffer === "function") {
      return "shared";
    }
    return (await this.stdinServiceWorker()) ? "service-worker" : null;
  }

  /** Registers the stdin service worker once and waits until it is active (null if that fails). */
  stdinServiceWorker() {
    if (!this.serviceWorker) {
      this.serviceWorker = (async () => {
        if (!("serviceWorker" in navigator)) {
          return null;
        }
        try {
          await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" });
          const registration = await Promise.race([
            navigator.serviceWorker.ready,
            new Promise((resolve) => setTimeout(() => resolve(null), 10000)),
          ]);
          return registration && registration.active ? registration : null;
        } catch (error) {
          console.warn("WasiPlay: the stdin service worker could not be registered", error);
          return null;
        }
      })();
    }
    return this.serviceWorker;
  }

  /**
   * Runs one module.
   * @param {{wasmUrl: string, argv: string[], env: object, files: object, image?: ArrayBuffer, stdin: string,
   *          interactive: boolean, seed?: number | null}} request  seed: deterministic mode's, null or absent for off
   * @param {{onStatus: (message: object) => void, onOutput: (stream: string, text: string) => void,
   *          onInputRequest: (answer: (text: string | null) => void) => void}} handlers
   * @returns {Promise<{exitCode: number, durationMs: number, status: string, image: ArrayBuffer | null,
   *          interactive: string | null}>}
   *          rejects with Error("stopped") when stopped, or the worker's error
   */
  async run(request, handlers) {
    let channel = null;
    let mode = null;
    if (request.interactive) {
      mode = await this.interactiveMode();
      if (mode === "shared") {
        channel = new SharedBufferStdin();
      } else if (mode === "service-worker") {
        channel = new ServiceWorkerStdin(await this.stdinServiceWorker());
      }
    }
    if (!this.worker) {
      this.worker = new Worker(WORKER_URL);
    }
    const worker = this.worker;
    const pendingInput = []; // answers queued because a line was longer than one answer holds

    return new Promise((resolve, reject) => {
      let image = null;
      const settle = () => {
        worker.onmessage = null;
        worker.onerror = null;
        this.stopCurrent = null;
        if (channel) {
          channel.cancel();
        }
      };
      const fail = (message) => {
        settle();
        this.discardWorker(worker);
        reject(new Error(message));
      };
      this.stopCurrent = () => fail("stopped");

      const answerInputRequest = () => {
        if (pendingInput.length > 0) {
          channel.deliver(pendingInput.shift());
          return;
        }
        handlers.onInputRequest((text) => {
          if (this.worker !== worker || worker.onmessage === null) {
            return; // the run ended meanwhile
          }
          if (text === null) {
            channel.deliver(null);
            return;
          }
          const bytes = encoder.encode(text);
          for (let i = 0; i < bytes.length; i += STDIN_CAPACITY) {
            pendingInput.push(bytes.slice(i, i + STDIN_CAPACITY));
          }
          channel.deliver(pendingInput.length > 0 ? pendingInput.shift() : null);
        });
      };

      worker.onmessage = (event) => {
        const message = event.data || {};
        switch (message.type) {
          case "status":
            handlers.onStatus(message);
            break;
          case "stdout":
          case "stderr":
            handlers.onOutput(message.type, message.text);
            break;
          case "stdin-request":
            if (channel) {
              answerInputRequest();
            }
            break;
          case "fs":
            image = message.image instanceof ArrayBuffer ? message.image : null;
            break;
          case "exit":
            settle();
            resolve({ exitCode: message.exitCode, durationMs: message.durationMs, status: message.status || "ok",
              image, interactive: mode });
            break;
          case "error":
            fail(message.message || "the worker reported an error without a message");
            break;
          default:
            console.warn("WasiPlay: unexpected message from the worker", message);
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        fail(event.message
          ? `the browser engine crashed: ${event.message}`
          : `the browser engine could not be started (is ${WORKER_URL} served?)`);
      };

      const message = {
        type: "run",
        wasmUrl: request.wasmUrl,
        argv: request.argv,
        env: request.env,
        files: request.files,
        stdin: request.stdin,
        ...(channel ? channel.fields() : {}),
      };
      if (request.image) {
        message.image = request.image;
      }
      if (typeof request.seed === "number") {
        message.deterministic = { seed: request.seed };
      }
      worker.postMessage(message);
    });
  }

  /** Ends the running program at once (the worker is terminated); its run rejects with "stopped". */
  stop() {
    if (this.stopCurrent) {
      this.stopCurrent();
    }
  }

  get running() {
    return this.stopCurrent !== null;
  }

  discardWorker(worker) {
    if (this.worker === worker) {
      this.worker.terminate();
      this.worker = null;
    }
  }
}
