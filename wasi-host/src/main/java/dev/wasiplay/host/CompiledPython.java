package dev.wasiplay.host;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import dev.wasiplay.runtimes.BundledRuntimes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Function;

/**
 * The bundled CPython compiled to JVM bytecode by Chicory's compiler.
 *
 * <p>Before compiling, {@link FunctionSplitter} splits the functions too large for one JVM method (CPython's eval
 * loop is one of six) into pieces, so that all of python.wasm runs as bytecode the JVM's JIT then optimises;
 * without the split those six would be left to Chicory's interpreter. Instances must be built from
 * {@link #module()} (the split module), not {@link GuestModule#python()}.
 *
 * <p>The compile itself (about 30 s and 2.5 GB of heap) happens at build time: {@link #main} writes the generated
 * classes into this module's jar ({@value #CLASSES_RESOURCE}, keyed by the split module's digest in
 * {@value #KEY_RESOURCE}), and {@link #machineFactory()} loads them. Only if that resource is missing or belongs
 * to another split module (e.g. {@link FunctionSplitter} changed without a rebuild) is the module compiled at run
 * time, once per process.
 */
public final class CompiledPython {
    /** Bodies larger than this (bytes of wasm) are split; the largest function that compiled whole is 46,703. */
    static final int SPLIT_ABOVE = 40_000;

    static final String CLASSES_RESOURCE = "compiled-python.jar";
    static final String KEY_RESOURCE = "compiled-python.properties";

    private CompiledPython() {}

    /** The split CPython module the compiled machines belong to. */
    static GuestModule module() {
        return Holder.MODULE;
    }

    /** The machine factory for instances of {@link #module()}; blocks while loading (or compiling). */
    static Function<Instance, Machine> machineFactory() {
        return Holder.FACTORY;
    }

    /** {@link #module()} bound to {@link #machineFactory()}: what {@link ChicoryHost#run} runs compiled. */
    static GuestModule compiledModule() {
        return Holder.COMPILED;
    }

    /** Whether {@link #machineFactory()} came from the classes compiled at build time. */
    static boolean precompiled() {
        machineFactory();
        return Holder.PRECOMPILED.loaded;
    }

    /**
     * Build step (wasi-host's {@code process-classes}): splits and compiles the bundled CPython and writes the
     * generated classes and their key into the directory given (the module's classes directory).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompiledPython <output directory>");
        }
        Path dir = Path.of(args[0], CompiledPython.class.getPackageName().replace('.', '/'));
        Files.createDirectories(dir);
        long start = System.nanoTime();
        GuestModule module = splitPython();
        if (Files.exists(dir.resolve(CLASSES_RESOURCE)) && module.wasm().digest().equals(storedDigest(dir))) {
            System.out.println("compiled python.wasm is up to date: " + dir.resolve(CLASSES_RESOURCE));
            return;
        }
        MachineFactoryCompiler.builder(module.wasm())
                .withInterpreterFallback(InterpreterFallback.FAIL)
                .withCache(new Cache() {
                    @Override
                    public byte[] get(String key) {
                        return null;
                    }

                    @Override
                    public void putIfAbsent(String key, byte[] data) throws IOException {
                        Files.write(dir.resolve(CLASSES_RESOURCE), data);
                        Properties properties = new Properties();
                        properties.setProperty("digest", key);
                        try (var out = Files.newOutputStream(dir.resolve(KEY_RESOURCE))) {
                            properties.store(out, "digest of the split python.wasm the classes were compiled from");
                        }
                    }
                })
                .compile();
        System.out.printf("compiled the split python.wasm in %.1f s: %s (%,d bytes)%n",
                (System.nanoTime() - start) / 1e9, dir.resolve(CLASSES_RESOURCE),
                Files.size(dir.resolve(CLASSES_RESOURCE)));
    }

    private static String storedDigest(Path dir) throws IOException {
        Path keyFile = dir.resolve(KEY_RESOURCE);
        if (!Files.exists(keyFile)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(keyFile)) {
            properties.load(in);
        }
        return properties.getProperty("digest");
    }

    private static GuestModule splitPython() {
        return GuestModule.load(
                FunctionSplitter.split(BundledRuntimes.python().bytes(), SPLIT_ABOVE, FunctionSplitter.DEFAULT_LIMIT,
                        FunctionSplitter.DEFAULT_SPINE),
                false);
    }

    /** The classes compiled at build time, served to Chicory's compiler as its cache. */
    private static final class PrecompiledClasses implements Cache {
        volatile boolean loaded;

        @Override
        public byte[] get(String key) throws IOException {
            try (InputStream keyIn = CompiledPython.class.getResourceAsStream(KEY_RESOURCE)) {
                if (keyIn == null) {
                    return null;
                }
                Properties properties = new Properties();
                properties.load(keyIn);
                if (!key.equals(properties.getProperty("digest"))) {
                    return null;
                }
            }
            try (InputStream in = CompiledPython.class.getResourceAsStream(CLASSES_RESOURCE)) {
                if (in == null) {
                    return null;
                }
                loaded = true;
                return in.readAllBytes();
            }
        }

        @Override
        public void putIfAbsent(String key, byte[] data) {
            // compiled at run time: nothing is kept beyond this process
        }
    }

    /** Holder idiom: split and loaded (or compiled) by the first thread that asks, exactly once. */
    private static final class Holder {
        static final GuestModule MODULE = splitPython();
        static final PrecompiledClasses PRECOMPILED = new PrecompiledClasses();
        static final Function<Instance, Machine> FACTORY = MachineFactoryCompiler.builder(MODULE.wasm())
                .withInterpreterFallback(InterpreterFallback.SILENT)
                .withCache(PRECOMPILED)
                .compile();
        static final GuestModule COMPILED = MODULE.withMachines(FACTORY);
    }
}
