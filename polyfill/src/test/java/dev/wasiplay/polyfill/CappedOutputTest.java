package dev.wasiplay.polyfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CappedOutputTest {
    private final ByteArrayOutputStream target = new ByteArrayOutputStream();

    @Test
    void passesWritesUpToTheCapExactly() {
        CappedOutput sink = new CappedOutput(target::write, 5, "stdout");
        sink.write("abc".getBytes(StandardCharsets.UTF_8), 0, 3);
        sink.write("de".getBytes(StandardCharsets.UTF_8), 0, 2);

        assertEquals("abcde", target.toString(StandardCharsets.UTF_8));
        assertEquals(5, sink.written());
    }

    @Test
    void theWritePastTheCapDeliversWhatFitsThenThrows() {
        CappedOutput sink = new CappedOutput(target::write, 4, "stderr");
        sink.write("ab".getBytes(StandardCharsets.UTF_8), 0, 2);

        LimitExceeded e = assertThrows(LimitExceeded.class,
                () -> sink.write("xxcdefg".getBytes(StandardCharsets.UTF_8), 2, 5));

        assertEquals("abcd", target.toString(StandardCharsets.UTF_8));
        assertEquals(LimitExceeded.OUTPUT_LIMIT, e.status());
        assertEquals("output limit exceeded: stderr passed its limit of 4 bytes", e.getMessage());
        // Once full, every further write throws and delivers nothing.
        assertThrows(LimitExceeded.class, () -> sink.write(new byte[] {1}, 0, 1));
        assertEquals(4, target.size());
    }

    @Test
    void noCapMeansTheTargetItself() {
        OutputSink plain = target::write;
        assertSame(plain, CappedOutput.of(plain, Long.MAX_VALUE, "stdout"));
    }

    @Test
    void fdWriteToACappedStdoutEndsTheGuestWithLimitExceeded() {
        WasiPreview1 wasi = new WasiPreview1(WasiOptions.builder()
                .stdout(new CappedOutput(target::write, 3, "stdout"))
                .build());
        ByteArrayMemory memory = new ByteArrayMemory(65536);
        wasi.attach(memory);
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        memory.write(1024, hello, 0, hello.length);
        memory.putInt(2048, 1024);
        memory.putInt(2052, hello.length);

        LimitExceeded e = assertThrows(LimitExceeded.class, () -> wasi.fd_write(1, 2048, 1, 2056));

        assertEquals("hel", target.toString(StandardCharsets.UTF_8));
        assertSame(e, LimitExceeded.in(new RuntimeException("wrapped by an engine", e)));
    }
}
