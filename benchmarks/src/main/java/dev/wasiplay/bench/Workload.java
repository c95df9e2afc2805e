package dev.wasiplay.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A python.wasm run every runner does the same way: argv (argv[0] included), files placed in the directory
 * preopened as "/", and the exact stdout it must print. A file is {"text": content} or {"filler": bytes}
 * (that many ASCII 'x', made by whoever builds the file system, outside the timed run).
 */
record Workload(String name, List<String> argv, Map<String, Map<String, Object>> files, String expectedStdout) {

    static Workload python(String name, List<String> argv, String expectedStdout) {
        return new Workload(name, argv, Map.of(), expectedStdout);
    }

    Workload withFile(String path, Map<String, Object> content) {
        Map<String, Map<String, Object>> more = new LinkedHashMap<>(files);
        more.put(path, content);
        return new Workload(name, argv, more, expectedStdout);
    }

    static Map<String, Object> text(String content) {
        return Map.of("text", content);
    }

    static Map<String, Object> filler(int bytes) {
        return Map.of("filler", bytes);
    }

    /** The JSON form the page and node-wasi-bench.mjs take. */
    Map<String, Object> toJson() {
        return Map.of("name", name, "argv", argv, "files", files, "expectedStdout", expectedStdout);
    }
}
