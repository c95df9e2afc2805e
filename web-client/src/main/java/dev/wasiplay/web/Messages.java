package dev.wasiplay.web;

import dev.wasiplay.web.js.WorkerGlobal;
import dev.wasiplay.web.js.WorkerMessage;
import org.teavm.jso.core.JSObjects;

/** The messages the worker posts to the page (see README.md for the protocol). */
final class Messages {
    static final String DOWNLOAD = "download";
    static final String COMPILE = "compile";
    static final String RUN = "run";

    private Messages() {
    }

    static void status(String phase) {
        WorkerMessage message = create("status");
        message.setPhase(phase);
        WorkerGlobal.postMessage(message);
    }

    /** Download progress; {@code total} is negative when the size is unknown. */
    static void progress(double loaded, double total) {
        WorkerMessage message = create("status");
        message.setPhase(DOWNLOAD);
        message.setLoaded(loaded);
        if (total >= 0) {
            message.setTotal(total);
        }
        WorkerGlobal.postMessage(message);
    }

    static void output(String stream, String text) {
        WorkerMessage message = create(stream);
        message.setText(text);
        WorkerGlobal.postMessage(message);
    }

    /** The guest is reading stdin and the page offered a channel for input: ask the user. */
    static void stdinRequest() {
        WorkerGlobal.postMessage(create("stdin-request"));
    }

    static void exit(int exitCode, double durationMs) {
        WorkerMessage message = create("exit");
        message.setExitCode(exitCode);
        message.setDurationMs(durationMs);
        WorkerGlobal.postMessage(message);
    }

    static void error(String text) {
        WorkerMessage message = create("error");
        message.setMessage(text);
        WorkerGlobal.postMessage(message);
    }

    private static WorkerMessage create(String type) {
        WorkerMessage message = JSObjects.create();
        message.setType(type);
        return message;
    }
}
