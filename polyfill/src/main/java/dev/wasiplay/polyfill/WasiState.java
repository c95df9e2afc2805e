package dev.wasiplay.polyfill;

import dev.wasiplay.polyfill.vfs.PathResolver;

/** The state shared by the syscall families of one guest instance. */
final class WasiState {
    final WasiOptions options;
    final Memory mem = new Memory();
    final FdTable fds;
    final PathResolver resolver = new PathResolver();
    /** The monotonic clock's reading when the instance was created: the guest's monotonic time 0. */
    final long startMonotonic;
    /** Time spent sleeping in poll_oneoff, which the CPU-time clocks leave out. */
    long sleptNanos;
    int exitCode = -1;

    WasiState(WasiOptions options) {
        this.options = options;
        this.fds = new FdTable(options);
        this.startMonotonic = options.clock.monotonicNanos();
    }
}
