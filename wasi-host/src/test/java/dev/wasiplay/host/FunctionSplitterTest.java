package dev.wasiplay.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasiplay.runtimes.BundledRuntimes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionSplitterTest {
    /**
     * A small bytecode interpreter in the shape of CPython's eval loop: a loop around a br_table over nested
     * blocks, cases that write locals of every type, branch back to the loop or out of it, return early from
     * inside an if, call, use memory, and a block with a result whose branches stay inside a case.
     */
    private static final String INTERPRETER_LOOP = """
            (module
              (memory 1)
              (func $triple (param i32) (result i32) local.get 0 i32.const 3 i32.mul)
              (func (export "run") (param $n i32) (param $seed i32) (result i32)
                (local $i i32) (local $acc i32) (local $x i64) (local $f f64)
                block $done
                  loop $next
                    local.get $i
                    local.get $n
                    i32.ge_u
                    br_if $done
                    block $d
                      block $c
                        block $b
                          block $a
                            local.get $i
                            local.get $seed
                            i32.add
                            i32.const 5
                            i32.rem_u
                            br_table $a $b $c $d $done
                          end
                          ;; case a
                          local.get $acc
                          i32.const 7
                          i32.add
                          local.set $acc
                          local.get $i
                          i32.const 1
                          i32.add
                          local.set $i
                          br $next
                        end
                        ;; case b: if/else with a result, a call, a block with a result
                        local.get $acc
                        i32.const 1
                        i32.and
                        if (result i32)
                          local.get $acc
                          call $triple
                        else
                          local.get $acc
                          i32.const 11
                          i32.xor
                        end
                        local.set $acc
                        block (result i64)
                          local.get $x
                          local.get $i
                          i64.extend_i32_u
                          i64.add
                          local.get $i
                          i32.const 3
                          i32.gt_u
                          br_if 0
                          i64.const 5
                          i64.add
                        end
                        local.set $x
                        local.get $i
                        i32.const 1
                        i32.add
                        local.set $i
                        br $next
                      end
                      ;; case c: return early once acc is large
                      local.get $acc
                      i32.const 1000
                      i32.gt_u
                      if
                        local.get $acc
                        local.get $x
                        i32.wrap_i64
                        i32.add
                        return
                      end
                      local.get $f
                      f64.const 1.5
                      f64.add
                      local.set $f
                      local.get $i
                      i32.const 1
                      i32.add
                      local.set $i
                      i32.const 16
                      local.get $acc
                      i32.store
                      br $next
                    end
                    ;; case d: memory
                    i32.const 16
                    i32.load
                    local.get $acc
                    i32.add
                    i32.const 1
                    i32.add
                    local.set $acc
                    local.get $i
                    i32.const 2
                    i32.add
                    local.set $i
                    br $next
                  end
                end
                local.get $acc
                local.get $x
                i32.wrap_i64
                i32.add
                local.get $f
                i32.trunc_f64_s
                i32.add))
            """;

    @Test
    void splitFunctionsComputeWhatTheOriginalsDo() {
        byte[] original = TestGuests.wasmFromWat(INTERPRETER_LOOP);
        Instance reference = instance(parse(original), false);
        for (int[] limits : new int[][] {{8, 8}, {24, 24}, {60, 60}, {120, 120}, {40, 150}, {40, 1000}}) {
            int limit = limits[0];
            FunctionSplitter.Result split = FunctionSplitter.splitWithStats(original, 0, limit, limits[1]);
            assertTrue(split.newFunctions > 0, "limit " + limit + " outlined nothing");
            WasmModule module = parse(split.wasm); // with validation
            for (boolean compiled : new boolean[] {false, true}) {
                Instance instance = instance(module, compiled);
                for (int n = 0; n < 60; n += 3) {
                    for (int seed = 0; seed < 5; seed++) {
                        assertArrayEquals(reference.export("run").apply(n, seed),
                                instance.export("run").apply(n, seed),
                                "limit " + limit + (compiled ? " compiled" : " interpreted") + " n=" + n + " seed=" + seed);
                    }
                }
            }
        }
    }

    @Test
    void bundledPythonSplitIsValidAndHasNoBodyOverTheThreshold() {
        byte[] python = BundledRuntimes.python().bytes();
        FunctionSplitter.Result split = FunctionSplitter.splitWithStats(python, CompiledPython.SPLIT_ABOVE,
                FunctionSplitter.DEFAULT_LIMIT, FunctionSplitter.DEFAULT_SPINE);
        assertTrue(split.splitFunctions >= 6, "the six functions Chicory cannot compile whole are split");
        WasmModule module = parse(split.wasm); // with validation
        assertEquals(module.functionSection().functionCount(),
                Parser.parse(python).functionSection().functionCount() + split.newFunctions);
        // 42,170 bytes was the smallest body Chicory could not compile whole
        assertTrue(split.largestBody <= CompiledPython.SPLIT_ABOVE, "largest body: " + split.largestBody);
    }

    @Test
    void modulesWithoutLargeFunctionsAreLeftAsTheyAre() {
        byte[] original = TestGuests.wasmFromWat(INTERPRETER_LOOP);
        FunctionSplitter.Result split = FunctionSplitter.splitWithStats(original, 100_000, 8, 8);
        assertEquals(0, split.newFunctions);
        assertArrayEquals(original, split.wasm);
    }

    @Test
    void runsWhoseBranchesCarryValuesOutStayInPlace() {
        // every way out of the inner code carries an i32 to the outer block: nothing there can be outlined,
        // but the module stays valid and computes the same
        String wat = """
                (module
                  (func (export "pick") (param $k i32) (result i32)
                    (local $t i32)
                    block $out (result i32)
                      i32.const 1
                      local.get $k
                      br_if $out
                      drop
                      local.get $k
                      i32.const 2
                      i32.add
                      local.set $t
                      local.get $t
                      local.get $t
                      i32.mul
                    end))
                """;
        byte[] original = TestGuests.wasmFromWat(wat);
        byte[] split = FunctionSplitter.split(original, 0, 4);
        Instance reference = instance(parse(original), false);
        Instance instance = instance(parse(split), false);
        List<Long> expected = new ArrayList<>();
        List<Long> actual = new ArrayList<>();
        for (int k = -2; k < 5; k++) {
            expected.add(reference.export("pick").apply(k)[0]);
            actual.add(instance.export("pick").apply(k)[0]);
        }
        assertEquals(expected, actual);
    }

    private static WasmModule parse(byte[] wasm) {
        return Parser.builder().withValidation(true).build().parse(wasm);
    }

    private static Instance instance(WasmModule module, boolean compiled) {
        Instance.Builder builder = Instance.builder(module);
        if (compiled) {
            builder.withMachineFactory(MachineFactoryCompiler.builder(module)
                    .withInterpreterFallback(InterpreterFallback.FAIL)
                    .compile());
        }
        return builder.build();
    }
}
