;; A WASI call given a buffer that runs past the end of memory traps (the WASI spec and wasmtime); output
;; written before the trap is kept and the host reports the trap as exit 134 with "wasm trap: ..." on stderr.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  ;; @include helpers.wat
  (data (i32.const 20000) "before the trap\n")
  (func (export "_start")
    (call $print (i32.const 20000) (i32.const 16))
    ;; an iovec whose 32 bytes start 16 bytes before the end of the 2-page memory
    (i32.store (i32.const 0) (i32.const 131056))
    (i32.store (i32.const 4) (i32.const 32))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 16)))
    (call $print (i32.const 20000) (i32.const 16))))
