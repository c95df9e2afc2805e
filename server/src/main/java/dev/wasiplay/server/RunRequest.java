package dev.wasiplay.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code POST /api/run} body.
 *
 * @param files the guest's file system: path relative to {@code /} (no leading slash) -> UTF-8 text
 * @param main  the file to run, one of {@code files}' keys
 * @param args  the program's arguments (after the script name)
 * @param stdin everything the program reads from standard input
 */
record RunRequest(Map<String, String> files, String main, List<String> args, String stdin) {

    /** What python is started with; the page's browser run builds the same argv (see the README). */
    List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add("python");
        argv.add("/" + main);
        argv.addAll(args);
        return argv;
    }
}
