;; A call that traps has had no effect: path_open with O_CREAT and an out-of-bounds result pointer
;; creates nothing (the polyfill checks every pointer first; wasmtime would create the file, then trap).
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  ;; @include helpers.wat
  (data (i32.const 20000) "created.txt")
  (func (export "_start")
    (drop (call $path_open (i32.const 3) (i32.const 0) (i32.const 20000) (i32.const 11) (i32.const 1)
      (i64.const 0) (i64.const 0) (i32.const 0) (i32.const 200000)))))
