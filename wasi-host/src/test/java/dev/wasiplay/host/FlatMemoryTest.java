package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.wasiplay.polyfill.LimitExceeded;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FlatMemoryTest {
    private static final int PAGE = Memory.PAGE_SIZE;

    private final FlatMemory memory = new FlatMemory(new MemoryLimits(1, 4), RunLimits.MAX_PAGES);

    @Test
    void scalarsAreLittleEndianAndAgreeWithChicorysOwnMemory() {
        Memory reference = new ByteArrayMemory(new MemoryLimits(1, 4));
        for (Memory m : new Memory[] {memory, reference}) {
            m.writeI32(100, 0x04030201);
            m.writeShort(104, (short) 0x0605);
            m.writeByte(106, (byte) 7);
            m.writeLong(108, 0x0F0E0D0C0B0A0908L);
            m.writeF32(116, 1.5f);
            m.writeF64(120, -2.25);
        }
        assertArrayEquals(reference.readBytes(100, 28), memory.readBytes(100, 28));
        assertEquals(0x04030201, memory.readInt(100));
        assertEquals(0x0605, memory.readU16(104));
        assertEquals(7, memory.read(106));
        assertEquals(0x0F0E0D0C0B0A0908L, memory.readLong(108));
        assertEquals(1.5f, memory.readFloat(116));
        assertEquals(Float.floatToRawIntBits(1.5f), memory.readF32(116));
        assertEquals(-2.25, memory.readDouble(120));
        assertEquals(Double.doubleToRawLongBits(-2.25), memory.readF64(120));
    }

    @Test
    void everyAccessPastTheEndTrapsAndTheLastBytesAreReachable() {
        memory.writeLong(PAGE - 8, -1L);
        assertEquals(-1, memory.readInt(PAGE - 4));
        assertEquals(-1, memory.read(PAGE - 1));
        assertOutOfBounds(m -> m.readInt(PAGE - 3));
        assertOutOfBounds(m -> m.readLong(PAGE - 7));
        assertOutOfBounds(m -> m.readShort(PAGE - 1));
        assertOutOfBounds(m -> m.read(PAGE));
        assertOutOfBounds(m -> m.writeI32(PAGE - 2, 1));
        assertOutOfBounds(m -> m.writeByte(PAGE, (byte) 1));
        assertOutOfBounds(m -> m.writeF64(PAGE - 4, 1));
        assertOutOfBounds(m -> m.readInt(-1));
        assertOutOfBounds(m -> m.readBytes(PAGE - 10, 11));
        assertOutOfBounds(m -> m.write(PAGE - 10, new byte[11], 0, 11));
        assertOutOfBounds(m -> m.copy(0, PAGE - 10, 11));
        assertOutOfBounds(m -> m.fill((byte) 1, PAGE - 10, PAGE + 1));
        assertEquals(-1L, memory.readLong(PAGE - 8), "a failed access changes nothing");
    }

    @Test
    void growingKeepsTheContentsZeroesTheNewPagesAndMovesTheEnd() {
        memory.writeI32(PAGE - 4, 42);
        assertEquals(1, memory.grow(2));
        assertEquals(3, memory.pages());
        assertEquals(42, memory.readInt(PAGE - 4));
        assertEquals(0L, memory.readLong(PAGE));
        memory.writeI32(3 * PAGE - 4, 7);
        assertEquals(7, memory.readInt(3 * PAGE - 4));
        assertOutOfBounds(m -> m.readInt(3 * PAGE - 3));
        assertEquals(3, memory.grow(0));
    }

    @Test
    void growingPastTheModulesMaximumAnswersMinusOne() {
        assertEquals(-1, memory.grow(4));
        assertEquals(1, memory.pages());
        assertEquals(1, memory.grow(3));
        assertEquals(-1, memory.grow(1));
    }

    @Test
    void growingPastTheCapEndsTheRunAsAMemoryLimit() {
        FlatMemory capped = new FlatMemory(new MemoryLimits(1, 10), 3);
        assertEquals(1, capped.grow(2));
        LimitExceeded limit = assertThrows(LimitExceeded.class, () -> capped.grow(1));
        assertEquals(LimitExceeded.MEMORY, limit.status());
        assertTrue(limit.getMessage().startsWith("memory limit exceeded: the guest tried to grow its memory to 4 pages"),
                limit.getMessage());
        assertEquals(3, capped.pages());
    }

    @Test
    void aModuleNeedingMoreThanTheCapCannotStart() {
        LimitExceeded limit = assertThrows(LimitExceeded.class, () -> new FlatMemory(new MemoryLimits(4, 10), 3));
        assertEquals(LimitExceeded.MEMORY, limit.status());
    }

    @Test
    void copyHandlesOverlapBothWaysAndFillStopsAtItsEnd() {
        for (int i = 0; i < 10; i++) {
            memory.writeByte(i, (byte) (i + 1));
        }
        memory.copy(2, 0, 8);
        assertArrayEquals(new byte[] {1, 2, 1, 2, 3, 4, 5, 6, 7, 8}, memory.readBytes(0, 10));
        memory.copy(0, 2, 8);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 7, 8}, memory.readBytes(0, 10));
        memory.fill((byte) 9, 3, 5);
        assertArrayEquals(new byte[] {1, 2, 3, 9, 9, 6}, memory.readBytes(0, 6));
    }

    private void assertOutOfBounds(Consumer<Memory> access) {
        WasmRuntimeException trap = assertThrows(WasmRuntimeException.class, () -> access.accept(memory));
        assertTrue(trap.getMessage().startsWith("out of bounds memory access"), trap.getMessage());
    }
}
