package dev.wasiplay.polyfill;

/** A guest pointer or length fell outside linear memory; the call answers EFAULT. */
final class MemoryFault extends RuntimeException {
    static final MemoryFault INSTANCE = new MemoryFault();

    private MemoryFault() {
        super("guest pointer out of bounds", null, false, false);
    }
}
