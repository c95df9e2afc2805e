;; Helpers shared by the WAT conformance guests (pulled in with ";; @include helpers.wat" after the
;; module's imports, which must import fd_write as $fd_write). Memory: 2 pages; 0-63 scratch for calls,
;; 64-127 the helpers' own scratch, labels at 40000 (a data segment of NUL-separated strings the guest
;; defines, label k being the k-th), errno names at 60000, a number buffer at 59000.
  (memory (export "memory") 2)
  (data (i32.const 60000)
    "SUCCESS\002BIG\00ACCES\00ADDRINUSE\00ADDRNOTAVAIL\00AFNOSUPPORT\00AGAIN\00ALREADY\00"
    "BADF\00BADMSG\00BUSY\00CANCELED\00CHILD\00CONNABORTED\00CONNREFUSED\00CONNRESET\00"
    "DEADLK\00DESTADDRREQ\00DOM\00DQUOT\00EXIST\00FAULT\00FBIG\00HOSTUNREACH\00"
    "IDRM\00ILSEQ\00INPROGRESS\00INTR\00INVAL\00IO\00ISCONN\00ISDIR\00"
    "LOOP\00MFILE\00MLINK\00MSGSIZE\00MULTIHOP\00NAMETOOLONG\00NETDOWN\00NETRESET\00"
    "NETUNREACH\00NFILE\00NOBUFS\00NODEV\00NOENT\00NOEXEC\00NOLCK\00NOLINK\00"
    "NOMEM\00NOMSG\00NOPROTOOPT\00NOSPC\00NOSYS\00NOTCONN\00NOTDIR\00NOTEMPTY\00"
    "NOTRECOVERABLE\00NOTSOCK\00NOTSUP\00NOTTY\00NXIO\00OVERFLOW\00OWNERDEAD\00PERM\00"
    "PIPE\00PROTO\00PROTONOSUPPORT\00PROTOTYPE\00RANGE\00ROFS\00SPIPE\00SRCH\00"
    "STALE\00TIMEDOUT\00TXTBSY\00XDEV\00NOTCAPABLE\00")

  ;; address of the k-th NUL-terminated string of the table at $base
  (func $nth (param $base i32) (param $k i32) (result i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $k)))
        (loop $skip
          (local.set $base (i32.add (local.get $base) (i32.const 1)))
          (br_if $skip (i32.load8_u (i32.sub (local.get $base) (i32.const 1)))))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br $next)))
    (local.get $base))

  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; writes memory[ptr..ptr+len) to stdout; traps if that fails
  (func $print (param $ptr i32) (param $len i32)
    (i32.store (i32.const 64) (local.get $ptr))
    (i32.store (i32.const 68) (local.get $len))
    (if (call $fd_write (i32.const 1) (i32.const 64) (i32.const 1) (i32.const 72)) (then unreachable)))

  (func $print_cstr (param $p i32)
    (call $print (local.get $p) (call $strlen (local.get $p))))

  (func $print_char (param $c i32)
    (i32.store8 (i32.const 80) (local.get $c))
    (call $print (i32.const 80) (i32.const 1)))

  ;; unsigned decimal
  (func $print_u64 (param $v i64)
    (local $p i32)
    (local.set $p (i32.const 59100))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $v) (i64.const 10)))))
      (local.set $v (i64.div_u (local.get $v) (i64.const 10)))
      (br_if $digit (i64.ne (local.get $v) (i64.const 0))))
    (call $print (local.get $p) (i32.sub (i32.const 59100) (local.get $p))))

  ;; "label: ERRNO\n" for label k
  (func $say (param $k i32) (param $errno i32)
    (call $print_cstr (call $nth (i32.const 40000) (local.get $k)))
    (call $print (i32.const 59200) (i32.const 2))
    (call $print_cstr (call $nth (i32.const 60000) (local.get $errno)))
    (call $print_char (i32.const 10)))

  ;; "label: N\n" for label k
  (func $say_num (param $k i32) (param $n i64)
    (call $print_cstr (call $nth (i32.const 40000) (local.get $k)))
    (call $print (i32.const 59200) (i32.const 2))
    (call $print_u64 (local.get $n))
    (call $print_char (i32.const 10)))
  (data (i32.const 59200) ": ")
