package dev.wasiplay.host;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import dev.wasiplay.runtimes.BundledRuntimes;
import java.util.function.Function;

/**
 * The bundled CPython compiled to JVM bytecode by Chicory's compiler, once per process on first use.
 *
 * <p>Before compiling, {@link FunctionSplitter} splits the functions too large for one JVM method (CPython's eval
 * loop is one of six) into pieces, so that all of python.wasm runs as bytecode the JVM's JIT then optimises;
 * without the split those six would be left to Chicory's interpreter. Instances must be built from
 * {@link #module()} (the split module), not {@link GuestModule#python()}.
 */
final class CompiledPython {
    /** Bodies larger than this (bytes of wasm) are split; the largest function that compiled whole is 46,703. */
    static final int SPLIT_ABOVE = 40_000;

    private CompiledPython() {}

    /** The split CPython module the compiled machines belong to. */
    static GuestModule module() {
        return Holder.MODULE;
    }

    /** The machine factory for instances of {@link #module()}; blocks while compiling. */
    static Function<Instance, Machine> machineFactory() {
        return Holder.FACTORY;
    }

    /** Holder idiom: split and compiled by the first thread that asks, exactly once. */
    private static final class Holder {
        static final GuestModule MODULE = GuestModule.load(
                FunctionSplitter.split(BundledRuntimes.python().bytes(), SPLIT_ABOVE, FunctionSplitter.DEFAULT_LIMIT,
                        FunctionSplitter.DEFAULT_SPINE),
                false);
        static final Function<Instance, Machine> FACTORY = MachineFactoryCompiler.builder(MODULE.wasm())
                .withInterpreterFallback(InterpreterFallback.SILENT)
                .compile();
    }
}
