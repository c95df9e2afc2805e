;; Raw-ABI edge cases that C cannot reach through wasi-libc: which iovec a read or write uses, argument
;; values too wide for their type (OVERFLOW) or naming no flag or case (INVAL) as wasmtime's wiggle
;; checks them, NUL bytes and invalid UTF-8 in paths, length limits, empty buffers at any address, memory
;; grown between calls, proc_raise, and an exit code of 127 (which wasmtime would refuse with a trap).
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_pread" (func $fd_pread (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_seek" (func $fd_seek (param i32 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_advise" (func $fd_advise (param i32 i64 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_fdstat_set_flags" (func $fd_fdstat_set_flags (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_filestat_set_times" (func $fd_filestat_set_times (param i32 i64 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_get" (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_raise" (func $proc_raise (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sock_send" (func $sock_send (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  ;; @include helpers.wat

  (data (i32.const 40000)
    "two iovecs to stdout, nwritten\00"                              ;; 0
    "an empty iovec first, nwritten\00"                              ;; 1
    "no iovecs, nwritten\00"                                         ;; 2
    "fd_read into two iovecs, nread\00"                              ;; 3
    "fdflags 0x20\00"                                                ;; 4
    "fdflags 0x10000\00"                                             ;; 5
    "fdflags -1\00"                                                  ;; 6
    "oflags 0x10\00"                                                 ;; 7
    "lookupflags 2\00"                                               ;; 8
    "lookupflags -1\00"                                              ;; 9
    "rights bit 30\00"                                               ;; 10
    "rights bit 63\00"                                               ;; 11
    "whence 3\00"                                                    ;; 12
    "whence 256\00"                                                  ;; 13
    "advice 6\00"                                                    ;; 14
    "clock id 4\00"                                                  ;; 15
    "clock id -1\00"                                                 ;; 16
    "fstflags 16\00"                                                 ;; 17
    "fstflags 0x10000\00"                                            ;; 18
    "proc_raise SIGTERM (15)\00"                                     ;; 19
    "proc_raise 31\00"                                               ;; 20
    "proc_raise 256\00"                                              ;; 21
    "sock_send si_flags 0x10000\00"                                  ;; 22
    "a path with a NUL byte\00"                                      ;; 23
    "a path that is not UTF-8\00"                                    ;; 24
    "an empty path\00"                                               ;; 25
    "a path of 4096 bytes\00"                                        ;; 26
    "a 256-byte name\00"                                             ;; 27
    "a 255-byte name (created)\00"                                   ;; 28
    "poll_oneoff with event type 3\00"                               ;; 29
    "poll_oneoff with clock flags 2\00"                              ;; 30
    "poll_oneoff with clock id 9\00"                                 ;; 31
    "fd_prestat_dir_name into exactly 1 byte\00"                     ;; 32
    "byte after the name (untouched 0xEE = 238)\00"                  ;; 33
    "random_get of 0 bytes at an address past the end\00"            ;; 34
    "fd_pread into an empty iovec past the end, nread\00"            ;; 35
    "fd_write from memory grown since the last call, nwritten\00"    ;; 36
    "args_sizes_get count\00"                                        ;; 37
    "environ_sizes_get count\00"                                     ;; 38
    "whence 3 on a closed fd (the argument is checked first)\00"     ;; 39
  )
  (data (i32.const 20000) "ab")
  (data (i32.const 20010) "cd\n")
  (data (i32.const 20100) "file.txt")
  (data (i32.const 20200) "bad\00name")
  (data (i32.const 20300) "\ff\fe")

  (func $errno_of_open (param $path i32) (param $len i32) (param $oflags i32) (result i32)
    (call $path_open (i32.const 3) (i32.const 0) (local.get $path) (local.get $len) (local.get $oflags)
      (i64.const 0) (i64.const 0) (i32.const 0) (i32.const 32)))

  (func (export "_start")
    (local $fd i32)
    ;; fd_write uses the first non-empty iovec only
    (i32.store (i32.const 0) (i32.const 20000)) (i32.store (i32.const 4) (i32.const 2))
    (i32.store (i32.const 8) (i32.const 20010)) (i32.store (i32.const 12) (i32.const 3))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 2) (i32.const 16)))
    (call $print_char (i32.const 10))
    (call $say_num (i32.const 0) (i64.extend_i32_u (i32.load (i32.const 16))))
    (i32.store (i32.const 4) (i32.const 0))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 2) (i32.const 16)))
    (call $say_num (i32.const 1) (i64.extend_i32_u (i32.load (i32.const 16))))
    (i32.store (i32.const 16) (i32.const 77))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 16)))
    (call $say_num (i32.const 2) (i64.extend_i32_u (i32.load (i32.const 16))))

    ;; fd_read fills the first non-empty iovec only
    (if (call $path_open (i32.const 3) (i32.const 0) (i32.const 20100) (i32.const 8) (i32.const 0)
          (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 32)) (then unreachable))
    (local.set $fd (i32.load (i32.const 32)))
    (i32.store (i32.const 0) (i32.const 21000)) (i32.store (i32.const 4) (i32.const 3))
    (i32.store (i32.const 8) (i32.const 21010)) (i32.store (i32.const 12) (i32.const 3))
    (drop (call $fd_read (local.get $fd) (i32.const 0) (i32.const 2) (i32.const 16)))
    (call $say_num (i32.const 3) (i64.extend_i32_u (i32.load (i32.const 16))))

    ;; argument checks
    (call $say (i32.const 4) (call $fd_fdstat_set_flags (local.get $fd) (i32.const 0x20)))
    (call $say (i32.const 5) (call $fd_fdstat_set_flags (local.get $fd) (i32.const 0x10000)))
    (call $say (i32.const 6) (call $fd_fdstat_set_flags (local.get $fd) (i32.const -1)))
    (call $say (i32.const 7) (call $errno_of_open (i32.const 20100) (i32.const 8) (i32.const 0x10)))
    (call $say (i32.const 8) (call $path_open (i32.const 3) (i32.const 2) (i32.const 20100) (i32.const 8) (i32.const 0)
      (i64.const 0) (i64.const 0) (i32.const 0) (i32.const 32)))
    (call $say (i32.const 9) (call $path_open (i32.const 3) (i32.const -1) (i32.const 20100) (i32.const 8) (i32.const 0)
      (i64.const 0) (i64.const 0) (i32.const 0) (i32.const 32)))
    (call $say (i32.const 10) (call $path_open (i32.const 3) (i32.const 0) (i32.const 20100) (i32.const 8) (i32.const 0)
      (i64.const 0x40000000) (i64.const 0) (i32.const 0) (i32.const 32)))
    (call $say (i32.const 11) (call $path_open (i32.const 3) (i32.const 0) (i32.const 20100) (i32.const 8) (i32.const 0)
      (i64.const 0) (i64.const 0x8000000000000000) (i32.const 0) (i32.const 32)))
    (call $say (i32.const 12) (call $fd_seek (local.get $fd) (i64.const 0) (i32.const 3) (i32.const 40)))
    (call $say (i32.const 13) (call $fd_seek (local.get $fd) (i64.const 0) (i32.const 256) (i32.const 40)))
    (call $say (i32.const 39) (call $fd_seek (i32.const 99) (i64.const 0) (i32.const 3) (i32.const 40)))
    (call $say (i32.const 14) (call $fd_advise (local.get $fd) (i64.const 0) (i64.const 0) (i32.const 6)))
    (call $say (i32.const 15) (call $clock_time_get (i32.const 4) (i64.const 0) (i32.const 40)))
    (call $say (i32.const 16) (call $clock_time_get (i32.const -1) (i64.const 0) (i32.const 40)))
    (call $say (i32.const 17) (call $fd_filestat_set_times (local.get $fd) (i64.const 0) (i64.const 0) (i32.const 16)))
    (call $say (i32.const 18) (call $fd_filestat_set_times (local.get $fd) (i64.const 0) (i64.const 0) (i32.const 0x10000)))
    (call $say (i32.const 19) (call $proc_raise (i32.const 15)))
    (call $say (i32.const 20) (call $proc_raise (i32.const 31)))
    (call $say (i32.const 21) (call $proc_raise (i32.const 256)))
    (call $say (i32.const 22) (call $sock_send (i32.const 3) (i32.const 0) (i32.const 0) (i32.const 0x10000) (i32.const 40)))

    ;; paths
    (call $say (i32.const 23) (call $errno_of_open (i32.const 20200) (i32.const 8) (i32.const 0)))
    (call $say (i32.const 24) (call $errno_of_open (i32.const 20300) (i32.const 2) (i32.const 0)))
    (call $say (i32.const 25) (call $errno_of_open (i32.const 20300) (i32.const 0) (i32.const 0)))
    (memory.fill (i32.const 24000) (i32.const 97) (i32.const 4096))
    (call $say (i32.const 26) (call $errno_of_open (i32.const 24000) (i32.const 4096) (i32.const 0)))
    (call $say (i32.const 27) (call $errno_of_open (i32.const 24000) (i32.const 256) (i32.const 1)))
    (call $say (i32.const 28) (call $errno_of_open (i32.const 24000) (i32.const 255) (i32.const 1)))

    ;; poll_oneoff subscriptions it cannot take (48-byte subscriptions at 128, events at 256)
    (memory.fill (i32.const 128) (i32.const 0) (i32.const 48))
    (i32.store8 (i32.const 136) (i32.const 3))
    (call $say (i32.const 29) (call $poll_oneoff (i32.const 128) (i32.const 256) (i32.const 1) (i32.const 40)))
    (i32.store8 (i32.const 136) (i32.const 0))
    (i32.store16 (i32.const 168) (i32.const 2))
    (call $say (i32.const 30) (call $poll_oneoff (i32.const 128) (i32.const 256) (i32.const 1) (i32.const 40)))
    (i32.store16 (i32.const 168) (i32.const 0))
    (i32.store (i32.const 144) (i32.const 9))
    (call $say (i32.const 31) (call $poll_oneoff (i32.const 128) (i32.const 256) (i32.const 1) (i32.const 40)))

    ;; fd_prestat_dir_name writes the name only, no NUL
    (i32.store8 (i32.const 301) (i32.const 0xEE))
    (call $say (i32.const 32) (call $fd_prestat_dir_name (i32.const 3) (i32.const 300) (i32.const 1)))
    (call $say_num (i32.const 33) (i64.extend_i32_u (i32.load8_u (i32.const 301))))

    ;; empty buffers are never dereferenced, wherever they point
    (call $say (i32.const 34) (call $random_get (i32.const 0x7FFFFFF0) (i32.const 0)))
    (i32.store (i32.const 0) (i32.const 0x7FFFFFF0)) (i32.store (i32.const 4) (i32.const 0))
    (drop (call $fd_pread (local.get $fd) (i32.const 0) (i32.const 1) (i64.const 0) (i32.const 16)))
    (call $say_num (i32.const 35) (i64.extend_i32_u (i32.load (i32.const 16))))

    ;; memory grown between calls is usable at once
    (drop (memory.grow (i32.const 1)))
    (i32.store (i32.const 131072) (i32.const 0x0A4B4F))
    (i32.store (i32.const 0) (i32.const 131072)) (i32.store (i32.const 4) (i32.const 3))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 16)))
    (call $say_num (i32.const 36) (i64.extend_i32_u (i32.load (i32.const 16))))

    (drop (call $args_sizes_get (i32.const 16) (i32.const 20)))
    (call $say_num (i32.const 37) (i64.extend_i32_u (i32.load (i32.const 16))))
    (drop (call $environ_sizes_get (i32.const 16) (i32.const 20)))
    (call $say_num (i32.const 38) (i64.extend_i32_u (i32.load (i32.const 16))))

    (call $proc_exit (i32.const 127))))
