package dev.wasiplay.host;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import java.util.function.Function;

/**
 * The bundled CPython compiled to JVM bytecode by Chicory's compiler, once per process on first use.
 *
 * <p>Compiling python.wasm takes about 20-30 s and a few GB of heap. The functions too large for a JVM
 * method (CPython's eval loop is one) are left to the interpreter, function by function; the rest runs as
 * bytecode that the JVM's JIT then optimises.
 */
final class CompiledPython {
    private CompiledPython() {}

    /** The machine factory for instances of {@link GuestModule#python()}; blocks while compiling. */
    static Function<Instance, Machine> machineFactory() {
        return Holder.FACTORY;
    }

    /** Holder idiom: compiled by the first thread that asks, exactly once. */
    private static final class Holder {
        static final Function<Instance, Machine> FACTORY = MachineFactoryCompiler.builder(GuestModule.python().wasm())
                .withInterpreterFallback(InterpreterFallback.SILENT)
                .compile();
    }
}
