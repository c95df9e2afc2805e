package dev.wasiplay.polyfill;

/**
 * The small flag and enum groups of wasi_snapshot_preview1, and the checks wasmtime's wiggle layer makes
 * on them before a call runs: a value too wide for its type answers OVERFLOW, an unknown flag bit or enum
 * case answers INVAL (see {@link #flags} and {@link #enumeration}).
 */
public final class Flags {
    private Flags() {
    }

    // fdflags (u16)
    public static final int FDFLAG_APPEND = 1;
    public static final int FDFLAG_DSYNC = 2;
    public static final int FDFLAG_NONBLOCK = 4;
    public static final int FDFLAG_RSYNC = 8;
    public static final int FDFLAG_SYNC = 16;
    public static final int FDFLAGS_ALL = 31;

    // oflags (u16)
    public static final int O_CREAT = 1;
    public static final int O_DIRECTORY = 2;
    public static final int O_EXCL = 4;
    public static final int O_TRUNC = 8;
    public static final int OFLAGS_ALL = 15;

    // lookupflags (u32)
    public static final int LOOKUP_SYMLINK_FOLLOW = 1;

    // fstflags (u16)
    public static final int FST_ATIM = 1;
    public static final int FST_ATIM_NOW = 2;
    public static final int FST_MTIM = 4;
    public static final int FST_MTIM_NOW = 8;
    public static final int FSTFLAGS_ALL = 15;

    // whence (u8)
    public static final int WHENCE_SET = 0;
    public static final int WHENCE_CUR = 1;
    public static final int WHENCE_END = 2;

    // clockid (u32)
    public static final int CLOCK_REALTIME = 0;
    public static final int CLOCK_MONOTONIC = 1;
    public static final int CLOCK_PROCESS_CPUTIME = 2;
    public static final int CLOCK_THREAD_CPUTIME = 3;

    // advice (u8): normal, sequential, random, willneed, dontneed, noreuse
    public static final int ADVICE_COUNT = 6;

    // signal (u8): none .. sys
    public static final int SIGNAL_COUNT = 31;

    // filetype
    public static final byte FILETYPE_UNKNOWN = 0;
    public static final byte FILETYPE_CHARACTER_DEVICE = 2;
    public static final byte FILETYPE_DIRECTORY = 3;
    public static final byte FILETYPE_REGULAR_FILE = 4;
    public static final byte FILETYPE_SYMBOLIC_LINK = 7;

    // eventtype (u8)
    public static final int EVENT_CLOCK = 0;
    public static final int EVENT_FD_READ = 1;
    public static final int EVENT_FD_WRITE = 2;

    // eventrwflags (u16)
    public static final int EVENT_FD_READWRITE_HANGUP = 1;

    // subclockflags (u16)
    public static final int SUBSCRIPTION_CLOCK_ABSTIME = 1;

    // riflags (u16): recv_peek, recv_waitall; sdflags (u8): rd, wr
    public static final int RIFLAGS_ALL = 3;
    public static final int SDFLAGS_ALL = 3;

    /**
     * Checks a flags argument of {@code bits} width passed as an i32: OVERFLOW when it does not fit
     * (negative included, even for u32), INVAL when it has a bit outside {@code known}, else SUCCESS.
     */
    static int flags(int value, int bits, int known) {
        if (value < 0 || (bits < 32 && value >= (1 << bits))) {
            return Errno.OVERFLOW;
        }
        return (value & ~known) != 0 ? Errno.INVAL : Errno.SUCCESS;
    }

    /** Checks an enum argument of {@code bits} width passed as an i32 with {@code count} cases. */
    static int enumeration(int value, int bits, int count) {
        if (value < 0 || (bits < 32 && value >= (1 << bits))) {
            return Errno.OVERFLOW;
        }
        return value < count ? Errno.SUCCESS : Errno.INVAL;
    }

    /** Checks a rights argument (u64 passed as an i64). */
    static int rights(long value) {
        if (value < 0) {
            return Errno.OVERFLOW;
        }
        return (value & ~Rights.ALL) != 0 ? Errno.INVAL : Errno.SUCCESS;
    }
}
