package dev.wasiplay.web;

/**
 * Where interactive input comes from once the pre-filled stdin is used up: the page, asked through a
 * {@code {type: "stdin-request"}} message, answering over a SharedArrayBuffer ({@link SharedBufferStdin})
 * or through a service worker ({@link ServiceWorkerStdin}). See README.md, "Interactive stdin".
 */
interface StdinChannel {
    /**
     * Asks the page for input and blocks the worker until it answers.
     *
     * @return the bytes the user entered (never empty), or null for end of input (Ctrl+D); a later call
     *         asks again, as a terminal does after Ctrl+D
     */
    byte[] next();
}
