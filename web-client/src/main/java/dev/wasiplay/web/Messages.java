package dev.wasiplay.web;

import dev.wasiplay.web.js.TypedArrays;
import dev.wasiplay.web.js.WorkerGlobal;
import dev.wasiplay.web.js.WorkerMessage;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.typedarrays.ArrayBuffer;

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

    /** The run's whole file tree as a TarImage, transferred (not copied) to the page; {@code image} is used up. */
    static void fileSystem(byte[] image) {
        WorkerMessage message = create("fs");
        ArrayBuffer buffer = TypedArrays.handOver(image);
        message.setImage(buffer);
        WorkerGlobal.postMessageTransferring(message, buffer);
    }

    /** The end of a run; {@code reason} is null when the guest ended by itself (status "ok"). */
    static void exit(int exitCode, double durationMs, String status, String reason) {
        WorkerMessage message = create("exit");
        message.setExitCode(exitCode);
        message.setDurationMs(durationMs);
        message.setStatus(status);
        if (reason != null) {
            message.setMessage(reason);
        }
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
