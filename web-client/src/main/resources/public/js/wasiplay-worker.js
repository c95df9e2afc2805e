// The WasiPlay worker: loads the TeaVM-compiled Java (dev.wasiplay.web.WorkerMain) and starts it.
importScripts("wasiplay-worker-teavm.js");
main();
