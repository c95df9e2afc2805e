package dev.wasiplay.host;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import dev.wasiplay.polyfill.WasiFunction;
import dev.wasiplay.polyfill.WasiPreview1;
import dev.wasiplay.runtimes.BundledRuntimes;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed, checked wasm32-wasi command module: exports {@code _start} and {@code memory}, imports only
 * functions of wasi_snapshot_preview1 with their spec signatures. Immutable; one instance can be run
 * any number of times, from any number of threads at once, by {@link ChicoryHost#run}.
 */
public final class GuestModule {
    static final String START_EXPORT = "_start";
    static final String MEMORY_EXPORT = "memory";

    private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6D};
    private static final Map<WasiFunction, FunctionType> WASI_TYPES = wasiTypes();

    private final WasmModule wasm;
    private final List<WasiFunction> imports;

    private GuestModule(WasmModule wasm, List<WasiFunction> imports) {
        this.wasm = wasm;
        this.imports = imports;
    }

    /**
     * Parses and fully validates an untrusted module.
     *
     * @throws InvalidModuleException naming the first problem found
     */
    public static GuestModule load(byte[] wasm) {
        return load(Objects.requireNonNull(wasm, "wasm"), true);
    }

    /** The bundled CPython, parsed once per process on first use (without validation: it is trusted). */
    public static GuestModule python() {
        return BundledPython.MODULE;
    }

    /** The parsed module, for instantiation. */
    WasmModule wasm() {
        return wasm;
    }

    /** The WASI functions the module imports, in import order. */
    List<WasiFunction> imports() {
        return imports;
    }

    /** The wasm signature of a WASI function: its params, then one i32 errno unless it is proc_exit. */
    static FunctionType wasiType(WasiFunction function) {
        return WASI_TYPES.get(function);
    }

    static GuestModule load(byte[] bytes, boolean validate) {
        checkHeader(bytes);
        checkSectionsFit(bytes);
        WasmModule wasm = parse(bytes, validate);
        List<WasiFunction> imports = checkImports(wasm);
        checkExports(wasm);
        return new GuestModule(wasm, imports);
    }

    private static void checkHeader(byte[] bytes) {
        if (bytes.length < 8) {
            throw new InvalidModuleException(
                    "not a wasm module: " + bytes.length + " bytes, shorter than the 8-byte header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new InvalidModuleException("not a wasm module: bad magic bytes (expected \\0asm)");
            }
        }
        int version = (bytes[4] & 0xFF) | (bytes[5] & 0xFF) << 8 | (bytes[6] & 0xFF) << 16 | (bytes[7] & 0xFF) << 24;
        if (version != 1) {
            throw new InvalidModuleException(
                    "unsupported wasm binary version " + Integer.toUnsignedString(version) + " (expected 1)");
        }
    }

    /** Walks the section headers so that a cut-off upload is reported as such, not as a decoding error. */
    private static void checkSectionsFit(byte[] bytes) {
        int position = 8;
        while (position < bytes.length) {
            int id = bytes[position++] & 0xFF;
            long size = 0;
            int shift = 0;
            int b;
            do {
                if (position >= bytes.length) {
                    throw truncated(id);
                }
                b = bytes[position++] & 0xFF;
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0 && shift < 35);
            if (size > bytes.length - position) {
                throw truncated(id);
            }
            position += (int) size;
        }
    }

    private static InvalidModuleException truncated(int sectionId) {
        return new InvalidModuleException("invalid wasm module: truncated binary (section " + sectionId
                + " runs past the end of the file)");
    }

    private static WasmModule parse(byte[] bytes, boolean validate) {
        try {
            Parser parser = Parser.builder().withValidation(validate).build();
            return parser.parse(() -> new ByteArrayInputStream(bytes));
        } catch (ChicoryException e) {
            throw new InvalidModuleException("invalid wasm module: " + oneLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            // Chicory reads sections from a ByteBuffer: a cut-off binary surfaces as a buffer exception.
            throw new InvalidModuleException(
                    "invalid wasm module: truncated or malformed binary (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static List<WasiFunction> checkImports(WasmModule wasm) {
        Map<String, WasiFunction> byName = new HashMap<>();
        for (WasiFunction f : WasiFunction.values()) {
            byName.put(f.importName, f);
        }
        List<WasiFunction> imports = new ArrayList<>();
        int count = wasm.importSection().importCount();
        for (int i = 0; i < count; i++) {
            Import imp = wasm.importSection().getImport(i);
            String what = "import " + imp.module() + "." + imp.name();
            if (!WasiPreview1.MODULE.equals(imp.module())) {
                throw new InvalidModuleException(
                        what + ": only " + WasiPreview1.MODULE + " can be imported");
            }
            if (imp.importType() != ExternalType.FUNCTION) {
                throw new InvalidModuleException(
                        what + " is a " + imp.importType().name().toLowerCase(Locale.ROOT)
                                + "; only functions can be imported");
            }
            WasiFunction function = byName.get(imp.name());
            if (function == null) {
                throw new InvalidModuleException(what + ": no such WASI preview1 function");
            }
            FunctionType declared = wasm.typeSection().getType(((FunctionImport) imp).typeIndex());
            FunctionType expected = wasiType(function);
            if (!declared.equals(expected)) {
                throw new InvalidModuleException(
                        what + " has type " + signature(declared) + ", expected " + signature(expected));
            }
            imports.add(function);
        }
        return Collections.unmodifiableList(imports);
    }

    private static void checkExports(WasmModule wasm) {
        Export start = export(wasm, START_EXPORT);
        if (start == null || start.exportType() != ExternalType.FUNCTION) {
            throw new InvalidModuleException("no exported function _start: not a WASI command module");
        }
        FunctionType startType = functionType(wasm, start.index());
        if (!startType.params().isEmpty() || !startType.returns().isEmpty()) {
            throw new InvalidModuleException("exported _start has type " + signature(startType) + ", expected () -> ()");
        }
        Export memory = export(wasm, MEMORY_EXPORT);
        if (memory == null || memory.exportType() != ExternalType.MEMORY) {
            throw new InvalidModuleException("no exported memory named \"memory\": WASI needs it to pass data");
        }
    }

    private static Export export(WasmModule wasm, String name) {
        ExportSection exports = wasm.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).name().equals(name)) {
                return exports.getExport(i);
            }
        }
        return null;
    }

    private static FunctionType functionType(WasmModule wasm, int functionIndex) {
        int imported = wasm.importSection().count(ExternalType.FUNCTION);
        if (functionIndex < imported) {
            int seen = 0;
            for (int i = 0; i < wasm.importSection().importCount(); i++) {
                Import imp = wasm.importSection().getImport(i);
                if (imp.importType() == ExternalType.FUNCTION && seen++ == functionIndex) {
                    return wasm.typeSection().getType(((FunctionImport) imp).typeIndex());
                }
            }
        }
        int local = functionIndex - imported;
        if (local >= wasm.functionSection().functionCount()) {
            throw new InvalidModuleException("export refers to unknown function " + functionIndex);
        }
        return wasm.typeSection().getType(wasm.functionSection().getFunctionType(local));
    }

    private static Map<WasiFunction, FunctionType> wasiTypes() {
        Map<WasiFunction, FunctionType> types = new EnumMap<>(WasiFunction.class);
        for (WasiFunction f : WasiFunction.values()) {
            List<ValType> params = new ArrayList<>();
            for (char c : f.params.toCharArray()) {
                params.add(c == 'I' ? ValType.I64 : ValType.I32);
            }
            types.put(f, FunctionType.of(params, f.returnsErrno() ? List.of(ValType.I32) : List.of()));
        }
        return types;
    }

    /** A function type as "(i32, i64) -> i32". */
    private static String signature(FunctionType type) {
        return "(" + valTypes(type.params()) + ") -> " + (type.returns().size() == 1
                ? valTypes(type.returns())
                : "(" + valTypes(type.returns()) + ")");
    }

    private static String valTypes(List<ValType> types) {
        StringBuilder out = new StringBuilder();
        for (ValType type : types) {
            out.append(out.length() == 0 ? "" : ", ").append(type.toString().toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        // Chicory prefixes every parse failure with a generic phrase; the specific part follows it.
        String generic = "section size mismatch, unexpected end of section or function, ";
        String specific = message.startsWith(generic) ? message.substring(generic.length()) : message;
        return specific.replaceAll("\\s+", " ").trim();
    }

    /** Holder idiom: python.wasm is parsed by the first thread that asks, exactly once. */
    private static final class BundledPython {
        static final GuestModule MODULE = load(BundledRuntimes.python().bytes(), false);
    }
}
