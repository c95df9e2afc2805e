;; A result pointer not aligned to its type (a u64 timestamp at an address that is 4 but not 8 aligned)
;; makes the call trap, as wiggle does in wasmtime.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  ;; @include helpers.wat
  (data (i32.const 20000) "aligned: ok\n")
  (func (export "_start")
    (if (call $clock_time_get (i32.const 1) (i64.const 0) (i32.const 24)) (then unreachable))
    (call $print (i32.const 20000) (i32.const 12))
    (drop (call $clock_time_get (i32.const 1) (i64.const 0) (i32.const 28)))
    (call $print (i32.const 20000) (i32.const 12))))
