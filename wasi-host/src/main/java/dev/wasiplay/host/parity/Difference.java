package dev.wasiplay.host.parity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way the two engines' runs differ.
 *
 * @param field  "exitCode", "status", "stdout", "stderr" or "files"
 * @param line   for stdout and stderr: the first line (1-based) that differs; else null
 * @param path   for files: the file; else null
 * @param values what each engine had there, in the report's engine order: the exit code, the status, the line's
 *               text without its newline (null past the last line), the file's {change, size, sha256} (null when
 *               that engine left the file as it was)
 */
public record Difference(String field, Integer line, String path, List<Object> values) {

    public Difference {
        values = new ArrayList<>(values); // may hold nulls, so not List.copyOf
    }

    static Difference of(String field, Integer line, String path, Object first, Object second) {
        return new Difference(field, line, path, Arrays.asList(first, second));
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", field);
        if (line != null) {
            json.put("line", line);
        }
        if (path != null) {
            json.put("path", path);
        }
        json.put("values", values);
        return json;
    }
}
