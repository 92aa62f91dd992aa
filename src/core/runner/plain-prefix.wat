;; The byte path of `heroku-workflows local`'s output (src/core/runner/output.ts, plainBytes): every line of a
;; block of whole lines gets the prefix in front, when every byte is printable ASCII, a tab or the line feeds.
;; Assembled by `npm run wasm` (scripts/wasm.mjs) into plain-prefix-wasm.ts; a unit test checks that file is current.
;;
;; Why WebAssembly: 16 bytes are checked per step (SIMD), and a line is copied by memory.copy, not by a call out of
;; JavaScript per line; 1 M lines, 65 MB: ~26 ms here against ~95 ms for the same loop in JavaScript.
(module
  (import "env" "memory" (memory 1))

  ;; prefix(prefixAt, prefixLength, from, to, at, end) -> where the output ends, or -1
  ;; The prefix is at [prefixAt, prefixAt + prefixLength), the lines at [from, to), each ending in a line feed; the
  ;; output goes from `at` and may not pass `end`. -1: a byte that is not plain (the caller decides on the text), a
  ;; last line without its line feed, or no room. The regions must not overlap.
  (func (export "prefix") (param $prefixAt i32) (param $prefixLength i32) (param $from i32) (param $to i32)
                          (param $at i32) (param $end i32) (result i32)
    (local $i i32) (local $line i32) (local $mask i32) (local $v v128) (local $b i32)
    (local.set $i (local.get $from))
    (local.set $line (local.get $from))
    ;; 16 bytes at a time
    (block $tail
      (loop $step
        (br_if $tail (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $to)))
        (local.set $v (v128.load align=1 (local.get $i)))
        ;; not plain: below 0x20 but for tab and line feed, or 0x7f and above
        (if (v128.any_true
              (v128.or
                (v128.andnot
                  (i8x16.lt_u (local.get $v) (v128.const i8x16 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32))
                  (v128.or
                    (i8x16.eq (local.get $v) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))
                    (i8x16.eq (local.get $v) (v128.const i8x16 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9))))
                (i8x16.gt_u (local.get $v) (v128.const i8x16 126 126 126 126 126 126 126 126 126 126 126 126 126 126 126 126))))
          (then (return (i32.const -1))))
        ;; one bit per line feed, lowest first
        (local.set $mask (i8x16.bitmask (i8x16.eq (local.get $v) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))))
        (block $none
          (loop $each
            (br_if $none (i32.eqz (local.get $mask)))
            (local.set $at (call $line (local.get $prefixAt) (local.get $prefixLength) (local.get $line)
                                       (i32.add (local.get $i) (i32.ctz (local.get $mask))) (local.get $at) (local.get $end)))
            (if (i32.lt_s (local.get $at) (i32.const 0)) (then (return (i32.const -1))))
            (local.set $line (i32.add (i32.add (local.get $i) (i32.ctz (local.get $mask))) (i32.const 1)))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (br $each)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step)))
    ;; the last bytes, one at a time
    (block $done
      (loop $byte
        (br_if $done (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $b (i32.load8_u (local.get $i)))
        (if (i32.eq (local.get $b) (i32.const 10))
          (then
            (local.set $at (call $line (local.get $prefixAt) (local.get $prefixLength) (local.get $line) (local.get $i)
                                       (local.get $at) (local.get $end)))
            (if (i32.lt_s (local.get $at) (i32.const 0)) (then (return (i32.const -1))))
            (local.set $line (i32.add (local.get $i) (i32.const 1))))
          (else
            (if (i32.or (i32.and (i32.lt_u (local.get $b) (i32.const 32)) (i32.ne (local.get $b) (i32.const 9)))
                        (i32.gt_u (local.get $b) (i32.const 126)))
              (then (return (i32.const -1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $byte)))
    (if (result i32) (i32.eq (local.get $line) (local.get $to))
      (then (local.get $at))
      (else (i32.const -1))))

  ;; One line, [line, lineFeed], after the prefix at `at`: returns the new end of the output, or -1 past `end`.
  (func $line (param $prefixAt i32) (param $prefixLength i32) (param $line i32) (param $lineFeed i32)
              (param $at i32) (param $end i32) (result i32)
    (local $length i32)
    (local.set $length (i32.sub (i32.add (local.get $lineFeed) (i32.const 1)) (local.get $line)))
    (if (i32.gt_u (i32.add (i32.add (local.get $at) (local.get $prefixLength)) (local.get $length)) (local.get $end))
      (then (return (i32.const -1))))
    (memory.copy (local.get $at) (local.get $prefixAt) (local.get $prefixLength))
    (memory.copy (i32.add (local.get $at) (local.get $prefixLength)) (local.get $line) (local.get $length))
    (i32.add (i32.add (local.get $at) (local.get $prefixLength)) (local.get $length)))
)
