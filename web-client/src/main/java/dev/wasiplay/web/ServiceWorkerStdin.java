package dev.wasiplay.web;

import dev.wasiplay.web.js.StdinBindings;

/**
 * Interactive input where SharedArrayBuffer is unavailable (the page is not cross-origin isolated, e.g.
 * embedded in another site): the worker posts {@code {type: "stdin-request"}}, then blocks in a synchronous
 * {@code XMLHttpRequest} to the run's {@code stdinUrl}, which the page's service worker answers once the
 * page hands it the user's input. See README.md.
 */
final class ServiceWorkerStdin implements StdinChannel {
    private final String url;
    private final PostingSink stderr;

    ServiceWorkerStdin(String url, PostingSink stderr) {
        this.url = url;
        this.stderr = stderr;
    }

    @Override
    public byte[] next() {
        Messages.stdinRequest();
        StdinBindings.Answer answer = StdinBindings.requestSynchronously(url);
        if (answer.getError() != null) {
            stderr.post("wasiplay: interactive input is unavailable (" + answer.getError() + "); end of input\n");
            return null;
        }
        return SharedBufferStdin.copy(answer.getData());
    }
}
