package dev.wasiplay.server;

import static dev.wasiplay.server.HttpTestClient.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wasiplay.host.GuestModule;
import dev.wasiplay.host.RunOutcome;
import dev.wasiplay.polyfill.vfs.TarImage;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server runs start from the very filesystem image the browser gets for the same workspace: the run's
 * {@code RunSpec} carries the bytes {@code POST /api/image} and {@code GET /api/snippets/{id}/image} serve,
 * and the guest's tree is that image's tree (every mtime 0), for python (pre-started instances) and modules.
 */
class RunImageTest {

    private static final String LISTING_PY = """
            import os, sys
            for top, dirs, files in sorted(os.walk('/')):
                for name in sorted(dirs) + sorted(files):
                    st = os.stat(os.path.join(top, name))
                    print(os.path.join(top, name), st.st_size if name in files else 'dir', int(st.st_mtime))
            """;

    private static WasiPlayServer server;
    private static HttpTestClient client;
    private static PythonRunner runner;

    @BeforeAll
    static void start() {
        server = new WasiPlayServer();
        client = new HttpTestClient(server.start(0));
        runner = new PythonRunner(RunSettings.defaults());
    }

    @AfterAll
    static void stop() {
        runner.shutdown();
        server.stop();
    }

    private static Map<String, Object> pythonWorkspace() {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("/main.py", LISTING_PY);
        files.put("data/notes.txt", "some notes\n");
        files.put("data/deeper/blob.bin", Map.of("base64", Base64.getEncoder().encodeToString(new byte[] {0, (byte) 0xff, 7})));
        files.put("a/very/" + "long-directory-name-".repeat(6) + "/x.txt", "past 100 bytes of path: a pax header");
        Map<String, Object> workspace = new LinkedHashMap<>();
        workspace.put("files", files);
        workspace.put("main", "main.py");
        workspace.put("args", List.of("one"));
        return workspace;
    }

    private static Workspace parse(String json) {
        return new WorkspaceParser().parse(json.getBytes(UTF_8));
    }

    @Test
    void aServerRunStartsFromTheImageTheEndpointsServe() throws Exception {
        String body = HttpTestClient.body(pythonWorkspace());
        HttpResponse<byte[]> posted = client.postForBytes("/api/image", body);
        assertEquals(200, posted.statusCode());
        String id = json(client.post("/api/snippets", body)).get("id").textValue();
        HttpResponse<byte[]> saved = client.get("/api/snippets/" + id + "/image");
        assertEquals(200, saved.statusCode());
        assertArrayEquals(posted.body(), saved.body(), "both image endpoints");

        Workspace workspace = parse(body);
        assertArrayEquals(posted.body(), runner.specFor(workspace, null).image(), "the image a server run starts from");

        RunOutcome outcome = runner.execute(workspace, null, null);
        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        assertArrayEquals(posted.body(), TarImage.create(outcome.fileSystem()),
                "a run that only reads leaves exactly the image's tree");
    }

    @Test
    void theGuestSeesTheImagesTreeOverHttp() throws Exception {
        String body = HttpTestClient.body(pythonWorkspace());
        HttpResponse<String> run = client.post("/api/run", body);
        assertEquals(200, run.statusCode(), run.body());
        JsonNode answer = json(run);
        assertEquals(0, answer.get("exitCode").intValue(), answer.get("stderr").textValue());
        String longDir = "/a/very/" + "long-directory-name-".repeat(6);
        assertEquals(String.join("\n",
                "/a dir 0", "/data dir 0", "/main.py " + LISTING_PY.getBytes(UTF_8).length + " 0",
                "/a/very dir 0", "/a/very/" + "long-directory-name-".repeat(6) + " dir 0",
                longDir + "/x.txt 36 0",
                "/data/deeper dir 0", "/data/notes.txt 11 0", "/data/deeper/blob.bin 3 0") + "\n",
                answer.get("stdout").textValue(), "every entry of the image, with its mtime of 0");
        assertEquals(0, answer.get("files").size(), "nothing changed: " + answer.get("files"));
    }

    @Test
    void aModuleRunStartsFromTheImageToo() throws Exception {
        byte[] wasm = CGuests.compile("""
                #include <stdio.h>
                #include <sys/stat.h>
                int main(void) {
                    struct stat st;
                    if (stat("/in/data.txt", &st) != 0) return 2;
                    printf("%lld %lld\\n", (long long) st.st_size, (long long) st.st_mtime);
                    FILE *out = fopen("/out.txt", "w");
                    fputs("written\\n", out);
                    return fclose(out);
                }
                """);
        String body = HttpTestClient.body(Map.of("runtime", "module:" + "0".repeat(64),
                "files", Map.of("in/data.txt", "12345"), "main", "prog"));
        Workspace workspace = parse(body);
        byte[] image = client.postForBytes("/api/image", body).body();
        assertArrayEquals(image, runner.specFor(workspace, null).image());

        RunOutcome outcome = runner.execute(workspace, GuestModule.load(wasm), null);
        assertEquals(0, outcome.exitCode(), outcome.stderrText());
        assertEquals("5 0\n", outcome.stdoutText());
        List<ChangedFile> changes = ChangedFile.between(workspace.files(), outcome.fileSystem(), 1 << 20);
        assertEquals(List.of("out.txt created"), changes.stream().map(c -> c.path() + " " + c.change()).toList());
    }
}
