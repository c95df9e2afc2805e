package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import org.junit.jupiter.api.Test;

class ChicoryMemoryTest {
    private final Memory chicory = new ByteBufferMemory(new MemoryLimits(1, 4));
    private final ChicoryMemory memory = new ChicoryMemory(chicory);

    @Test
    void byteLengthFollowsGrowth() {
        assertEquals(65536, memory.byteLength());
        chicory.grow(2);
        assertEquals(3 * 65536, memory.byteLength());
    }

    @Test
    void scalarsAreLittleEndian() {
        memory.putInt(100, 0x04030201);
        memory.putShort(104, (short) 0x0605);
        memory.putByte(106, (byte) 7);
        memory.putLong(108, 0x0F0E0D0C0B0A0908L);

        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 0, 8, 9, 10, 11, 12, 13, 14, 15},
                chicory.readBytes(100, 16));
        assertEquals(0x04030201, memory.getInt(100));
        assertEquals(0x0F0E0D0C0B0A0908L, memory.getLong(108));
        assertEquals(7, memory.getByte(106));
    }

    @Test
    void bulkCopiesCrossPageBoundariesAndRespectOffsets() {
        chicory.grow(1);
        byte[] source = new byte[300];
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) i;
        }
        int address = 65536 - 100;

        memory.write(address, source, 50, 200);
        byte[] target = new byte[260];
        memory.read(address, target, 30, 200);

        for (int i = 0; i < 200; i++) {
            assertEquals((byte) (50 + i), target[30 + i], "byte " + i);
        }
        assertEquals(0, target[29]);
        assertEquals(0, target[230]);
    }
}
