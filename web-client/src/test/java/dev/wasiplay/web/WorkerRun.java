package dev.wasiplay.web;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The messages the worker posted for one run, as the test page collected them. */
record WorkerRun(List<Map<String, Object>> messages) {

    /** The run from what the test page's runInWorker resolved with (its list of messages). */
    @SuppressWarnings("unchecked")
    static WorkerRun of(Object evaluated) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Object message : (List<Object>) evaluated) {
            messages.add((Map<String, Object>) message);
        }
        if (messages.isEmpty()) {
            throw new AssertionError("the worker posted nothing for the run");
        }
        return new WorkerRun(messages);
    }

    List<Map<String, Object>> ofType(String type) {
        return messages.stream().filter(m -> type.equals(m.get("type"))).collect(Collectors.toList());
    }

    String stdout() {
        return text("stdout");
    }

    String stderr() {
        return text("stderr");
    }

    private String text(String type) {
        return ofType(type).stream().map(m -> (String) m.get("text")).collect(Collectors.joining());
    }

    /** The phases of the status messages, repeats (download progress) collapsed. */
    List<String> phases() {
        return ofType("status").stream().map(m -> (String) m.get("phase")).distinct().collect(Collectors.toList());
    }

    Map<String, Object> last() {
        return messages.get(messages.size() - 1);
    }

    int exitCode() {
        Map<String, Object> last = last();
        if (!"exit".equals(last.get("type"))) {
            throw new AssertionError("the run did not exit: " + messages);
        }
        return ((Number) last.get("exitCode")).intValue();
    }

    /** The exit message's status: "ok", "trap", "output-limit" or "memory". */
    String status() {
        exitCode();
        return (String) last().get("status");
    }

    double durationMs() {
        exitCode();
        return ((Number) last().get("durationMs")).doubleValue();
    }

    String error() {
        Map<String, Object> last = last();
        if (!"error".equals(last.get("type"))) {
            throw new AssertionError("the run did not end in an error: " + messages);
        }
        return (String) last.get("message");
    }

    /** The TarImage of the run's tree from its "fs" message (which comes right before "exit"). */
    byte[] fileSystemImage() {
        List<Map<String, Object>> fs = ofType("fs");
        if (fs.size() != 1) {
            throw new AssertionError("expected one fs message: " + messages);
        }
        return Base64.getDecoder().decode((String) fs.get(0).get("imageBase64"));
    }

    double receivedAt(Map<String, Object> message) {
        return ((Number) message.get("receivedAt")).doubleValue();
    }

    @Override
    public String toString() {
        return messages.toString();
    }
}
