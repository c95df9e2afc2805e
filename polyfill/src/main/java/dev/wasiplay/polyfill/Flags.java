package dev.wasiplay.polyfill;

/** The small flag and enum groups of wasi_snapshot_preview1. */
public final class Flags {
    private Flags() {
    }

    // fdflags
    public static final int FDFLAG_APPEND = 1;
    public static final int FDFLAG_DSYNC = 2;
    public static final int FDFLAG_NONBLOCK = 4;
    public static final int FDFLAG_RSYNC = 8;
    public static final int FDFLAG_SYNC = 16;

    // oflags
    public static final int O_CREAT = 1;
    public static final int O_DIRECTORY = 2;
    public static final int O_EXCL = 4;
    public static final int O_TRUNC = 8;

    // lookupflags
    public static final int LOOKUP_SYMLINK_FOLLOW = 1;

    // fstflags
    public static final int FST_ATIM = 1;
    public static final int FST_ATIM_NOW = 2;
    public static final int FST_MTIM = 4;
    public static final int FST_MTIM_NOW = 8;

    // whence
    public static final int WHENCE_SET = 0;
    public static final int WHENCE_CUR = 1;
    public static final int WHENCE_END = 2;

    // clockid
    public static final int CLOCK_REALTIME = 0;
    public static final int CLOCK_MONOTONIC = 1;
    public static final int CLOCK_PROCESS_CPUTIME = 2;
    public static final int CLOCK_THREAD_CPUTIME = 3;

    // filetype
    public static final byte FILETYPE_UNKNOWN = 0;
    public static final byte FILETYPE_CHARACTER_DEVICE = 2;
    public static final byte FILETYPE_DIRECTORY = 3;
    public static final byte FILETYPE_REGULAR_FILE = 4;
    public static final byte FILETYPE_SYMBOLIC_LINK = 7;

    // eventtype
    public static final int EVENT_CLOCK = 0;
    public static final int EVENT_FD_READ = 1;
    public static final int EVENT_FD_WRITE = 2;

    // subclockflags
    public static final int SUBSCRIPTION_CLOCK_ABSTIME = 1;
}
