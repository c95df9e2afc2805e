package dev.wasiplay.host;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A wasm-to-wasm pass that splits function bodies too large for one JVM method into several functions, so
 * Chicory's compiler can compile all of them (it leaves a function it cannot fit into a JVM method to its
 * interpreter, and CPython's eval loop is one).
 *
 * <p>How: the function is read into a tree of structured instructions. Working from the innermost blocks
 * outwards, every block body (or function body) larger than the size limit has runs of sibling instructions
 * moved into new functions ("outlined"). A run starts and ends where the body's operand stack is empty. The new
 * function takes every local the run uses as a parameter and returns an exit code, every local the run writes
 * and, if the run contains {@code return}, the function's return values. Branches from inside the run to labels
 * outside it become branches to trampoline blocks that set the exit code; at the call site a {@code br_table} on
 * the exit code takes the original branch, and the exit code kept for {@code return} returns the values the new
 * function handed back. Runs whose outward branches carry values are left in place.
 *
 * <p>Function indices of the original module do not change (new functions are appended), so exports, tables and
 * calls stay as they are. Only the type, function and code sections are rewritten. It reads the MVP instruction
 * set plus sign extension, saturating truncation, bulk memory and reference types (what wasi-sdk emits for
 * python.wasm); a body using anything else (SIMD, exceptions, ...) makes it throw
 * {@link UnsupportedOperationException}.
 */
final class FunctionSplitter {
    /**
     * The default size, in bytes of wasm, pieces of a split body aim to stay under. For python.wasm, 12,000 ran the
     * loop benchmark faster than 6,000 (deeper chains of pieces) and 30,000 (pieces the JIT handles worse).
     */
    static final int DEFAULT_LIMIT = 12_000;

    /**
     * The default size up to which a body keeps its largest segment (for the eval loop: the nested blocks around
     * its br_table dispatch) and has only the rest outlined. For python.wasm, 36,000 instead of the piece limit
     * ran hello and the loop about a third faster: the dispatch then mostly stays in one function instead of
     * passing through a chain of pieces on every bytecode.
     */
    static final int DEFAULT_SPINE = 36_000;

    /** Runs smaller than this (or than half the limit, if that is smaller) are not worth a call. */
    private static final int MIN_RUN = 48;

    private final byte[] wasm;
    private final int above;
    private final int limit;
    private final int spine;
    private final List<FuncType> types = new ArrayList<>();
    private final List<Integer> funcTypes = new ArrayList<>(); // type index of every function, imports first
    private int importedFunctions;
    private final List<byte[]> newBodies = new ArrayList<>();
    private int splitFunctions;
    private int largestBody;

    private FunctionSplitter(byte[] wasm, int above, int limit, int spine) {
        this.wasm = wasm;
        this.above = above;
        this.limit = limit;
        this.spine = Math.max(limit, spine);
    }

    /**
     * The module with every function body larger than {@code above} bytes split into pieces of about {@code limit}
     * bytes at most (the same bytes if no body is that large).
     */
    static byte[] split(byte[] wasm, int above, int limit) {
        return new FunctionSplitter(wasm, above, limit, limit).run();
    }

    /** {@link #split(byte[], int, int)}, keeping largest segments in bodies of up to {@code spine} bytes. */
    static byte[] split(byte[] wasm, int above, int limit, int spine) {
        return new FunctionSplitter(wasm, above, limit, spine).run();
    }

    /** A split module, with how many functions were split, how many new ones they became, the largest body. */
    static final class Result {
        final byte[] wasm;
        final int splitFunctions;
        final int newFunctions;
        final int largestBody;

        Result(byte[] wasm, int splitFunctions, int newFunctions, int largestBody) {
            this.wasm = wasm;
            this.splitFunctions = splitFunctions;
            this.newFunctions = newFunctions;
            this.largestBody = largestBody;
        }
    }

    static Result splitWithStats(byte[] wasm, int above, int limit, int spine) {
        FunctionSplitter splitter = new FunctionSplitter(wasm, above, limit, spine);
        byte[] out = splitter.run();
        return new Result(out, splitter.splitFunctions, splitter.newBodies.size(), splitter.largestBody);
    }

    // ---------------------------------------------------------------- module level

    private record Section(int id, int start, int end) {}

    private record FuncType(byte[] params, byte[] results) {}

    private byte[] run() {
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new IllegalArgumentException("not a wasm module");
        }
        List<Section> sections = new ArrayList<>();
        Reader r = new Reader(wasm, 8);
        while (r.pos < wasm.length) {
            int id = r.u8();
            int size = r.u32();
            sections.add(new Section(id, r.pos, r.pos + size));
            r.pos += size;
        }
        Section code = null;
        for (Section s : sections) {
            if (s.id == 1) {
                readTypes(s);
            } else if (s.id == 2) {
                readImports(s);
            } else if (s.id == 3) {
                Reader fr = new Reader(wasm, s.start);
                int n = fr.u32();
                for (int i = 0; i < n; i++) {
                    funcTypes.add(fr.u32());
                }
            } else if (s.id == 10) {
                code = s;
            }
        }
        if (code == null) {
            return wasm;
        }
        List<byte[]> bodies = new ArrayList<>();
        Reader cr = new Reader(wasm, code.start);
        int count = cr.u32();
        for (int i = 0; i < count; i++) {
            int size = cr.u32();
            int start = cr.pos;
            cr.pos += size;
            int funcIndex = importedFunctions + i;
            if (size > above) {
                bodies.add(new FunctionRewrite(funcIndex, start, start + size).rewrite());
                splitFunctions++;
            } else {
                bodies.add(Arrays.copyOfRange(wasm, start, start + size));
            }
            largestBody = Math.max(largestBody, bodies.get(i).length);
        }
        if (newBodies.isEmpty()) {
            return wasm;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(wasm.length + 1024 * 1024);
        out.write(wasm, 0, 8);
        for (Section s : sections) {
            if (s.id == 1) {
                Writer w = new Writer();
                w.u32(types.size());
                for (FuncType t : types) {
                    w.u8(0x60);
                    w.u32(t.params.length);
                    w.bytes(t.params);
                    w.u32(t.results.length);
                    w.bytes(t.results);
                }
                writeSection(out, 1, w);
            } else if (s.id == 3) {
                Writer w = new Writer();
                int defined = funcTypes.size() - importedFunctions;
                w.u32(defined);
                for (int i = importedFunctions; i < funcTypes.size(); i++) {
                    w.u32(funcTypes.get(i));
                }
                writeSection(out, 3, w);
            } else if (s.id == 10) {
                Writer w = new Writer();
                w.u32(bodies.size() + newBodies.size());
                for (byte[] b : bodies) {
                    w.u32(b.length);
                    w.bytes(b);
                }
                for (byte[] b : newBodies) {
                    w.u32(b.length);
                    w.bytes(b);
                }
                writeSection(out, 10, w);
            } else {
                // the section header is re-encoded from its id and size; the payload is copied as is
                Writer w = new Writer();
                w.bytes(Arrays.copyOfRange(wasm, s.start, s.end));
                writeSection(out, s.id, w);
            }
        }
        return out.toByteArray();
    }

    private static void writeSection(ByteArrayOutputStream out, int id, Writer payload) {
        Writer header = new Writer();
        header.u8(id);
        header.u32(payload.size());
        out.writeBytes(header.toByteArray());
        out.writeBytes(payload.toByteArray());
    }

    private void readTypes(Section s) {
        Reader r = new Reader(wasm, s.start);
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            if (r.u8() != 0x60) {
                throw new IllegalArgumentException("unsupported type form in type section");
            }
            byte[] params = r.valTypes();
            byte[] results = r.valTypes();
            types.add(new FuncType(params, results));
        }
    }

    private void readImports(Section s) {
        Reader r = new Reader(wasm, s.start);
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            r.skipName();
            r.skipName();
            int kind = r.u8();
            switch (kind) {
                case 0 -> {
                    funcTypes.add(r.u32());
                    importedFunctions++;
                }
                case 1 -> {
                    r.u8();
                    r.limits();
                }
                case 2 -> r.limits();
                case 3 -> {
                    r.u8();
                    r.u8();
                }
                default -> throw new IllegalArgumentException("unsupported import kind " + kind);
            }
        }
    }

    private int addFunction(byte[] params, byte[] results, byte[] body) {
        largestBody = Math.max(largestBody, body.length);
        types.add(new FuncType(params, results));
        funcTypes.add(types.size() - 1);
        newBodies.add(body);
        return funcTypes.size() - 1;
    }

    // ---------------------------------------------------------------- instruction tree

    /** One instruction; structured ones ({@link Block}) carry their bodies. */
    private abstract static class Node {
        abstract int size();
    }

    private static final int KIND_PLAIN = 0;
    private static final int KIND_LOCAL = 1; // local.get/set/tee
    private static final int KIND_BR = 2; // br, br_if
    private static final int KIND_BR_TABLE = 3;
    private static final int KIND_RETURN = 4;

    private static final class Insn extends Node {
        final int kind;
        final int opcode; // first byte
        final byte[] raw; // whole encoding, for KIND_PLAIN
        final int index; // local index or branch depth
        final int[] targets; // br_table: targets, then default last
        final int pops;
        final int pushes;
        final boolean ends; // unconditional transfer: the rest of the body is unreachable

        Insn(int kind, int opcode, byte[] raw, int index, int[] targets, int pops, int pushes, boolean ends) {
            this.kind = kind;
            this.opcode = opcode;
            this.raw = raw;
            this.index = index;
            this.targets = targets;
            this.pops = pops;
            this.pushes = pushes;
            this.ends = ends;
        }

        static Insn plain(byte[] raw, int pops, int pushes, boolean ends) {
            return new Insn(KIND_PLAIN, raw[0] & 0xff, raw, 0, null, pops, pushes, ends);
        }

        static Insn local(int opcode, int index) {
            int pops = opcode == 0x20 ? 0 : 1;
            int pushes = opcode == 0x21 ? 0 : 1;
            return new Insn(KIND_LOCAL, opcode, null, index, null, pops, pushes, false);
        }

        static Insn br(int opcode, int depth) {
            return new Insn(KIND_BR, opcode, null, depth, null, opcode == 0x0D ? 1 : 0, 0, opcode == 0x0C);
        }

        static Insn brTable(int[] targets) {
            return new Insn(KIND_BR_TABLE, 0x0E, null, 0, targets, 1, 0, true);
        }

        static Insn ret() {
            return new Insn(KIND_RETURN, 0x0F, null, 0, null, 0, 0, true);
        }

        @Override
        int size() {
            return switch (kind) {
                case KIND_PLAIN -> raw.length;
                case KIND_LOCAL, KIND_BR -> 1 + (index < 128 ? 1 : 2);
                case KIND_BR_TABLE -> 2 + 2 * targets.length;
                default -> 1;
            };
        }
    }

    private static final class Block extends Node {
        final int opcode; // 0x02 block, 0x03 loop, 0x04 if
        final byte[] blockType;
        final int params;
        final int results;
        final List<Node> body;
        List<Node> elseBody;
        int cachedSize = -1;

        Block(int opcode, byte[] blockType, int params, int results, List<Node> body) {
            this.opcode = opcode;
            this.blockType = blockType;
            this.params = params;
            this.results = results;
            this.body = body;
        }

        int labelArity() {
            return opcode == 0x03 ? params : results;
        }

        @Override
        int size() {
            if (cachedSize < 0) {
                int s = 2 + blockType.length + sizeOf(body);
                if (elseBody != null) {
                    s += 1 + sizeOf(elseBody);
                }
                cachedSize = s;
            }
            return cachedSize;
        }
    }

    private static int sizeOf(List<Node> nodes) {
        int s = 0;
        for (Node n : nodes) {
            s += n.size();
        }
        return s;
    }

    // ---------------------------------------------------------------- one function

    private final class FunctionRewrite {
        final int funcIndex;
        final int start;
        final int end;
        final FuncType type;
        final List<Byte> localTypes = new ArrayList<>(); // params first
        int exitLocal = -1;
        int[] returnTemps;

        FunctionRewrite(int funcIndex, int start, int end) {
            this.funcIndex = funcIndex;
            this.start = start;
            this.end = end;
            this.type = types.get(funcTypes.get(funcIndex));
        }

        byte[] rewrite() {
            for (byte p : type.params) {
                localTypes.add(p);
            }
            Reader r = new Reader(wasm, start);
            int groups = r.u32();
            for (int i = 0; i < groups; i++) {
                int n = r.u32();
                byte t = (byte) r.u8();
                for (int j = 0; j < n; j++) {
                    localTypes.add(t);
                }
            }
            List<Node> body = new ArrayList<>();
            if (parseBody(r, body)) {
                throw new IllegalStateException("function " + funcIndex + ": else outside an if");
            }
            if (r.pos != end) {
                throw new IllegalStateException("function " + funcIndex + ": body did not end at its size");
            }
            List<Integer> labels = new ArrayList<>();
            labels.add(type.results.length); // the function body's own label
            splitBody(body, 0, labels);
            Writer w = new Writer();
            // locals: the original ones, then those added by the pass, one group per local for simplicity
            int extra = localTypes.size() - type.params.length;
            w.u32(extra);
            for (int i = type.params.length; i < localTypes.size(); i++) {
                w.u32(1);
                w.u8(localTypes.get(i));
            }
            emitNodes(w, body, 0, null);
            w.u8(0x0B);
            return w.toByteArray();
        }

        int exitLocal() {
            if (exitLocal < 0) {
                localTypes.add((byte) 0x7F);
                exitLocal = localTypes.size() - 1;
            }
            return exitLocal;
        }

        int[] returnTemps() {
            if (returnTemps == null) {
                returnTemps = new int[type.results.length];
                for (int i = 0; i < returnTemps.length; i++) {
                    localTypes.add(type.results[i]);
                    returnTemps[i] = localTypes.size() - 1;
                }
            }
            return returnTemps;
        }

        // ------------------------------------------------------------ parsing

        /** Parses instructions into {@code out} up to and including the matching end or else; true if else. */
        boolean parseBody(Reader r, List<Node> out) {
            while (true) {
                int at = r.pos;
                int op = r.u8();
                switch (op) {
                    case 0x0B:
                        return false;
                    case 0x05:
                        return true;
                    case 0x02, 0x03, 0x04: {
                        int btStart = r.pos;
                        int params;
                        int results;
                        int b = wasm[r.pos] & 0xff;
                        if (b == 0x40) {
                            r.pos++;
                            params = 0;
                            results = 0;
                        } else if (b == 0x7F || b == 0x7E || b == 0x7D || b == 0x7C || b == 0x7B || b == 0x70
                                || b == 0x6F) {
                            r.pos++;
                            params = 0;
                            results = 1;
                        } else {
                            int idx = (int) r.s64();
                            params = types.get(idx).params.length;
                            results = types.get(idx).results.length;
                        }
                        byte[] bt = Arrays.copyOfRange(wasm, btStart, r.pos);
                        Block block = new Block(op, bt, params, results, new ArrayList<>());
                        if (parseBody(r, block.body)) {
                            block.elseBody = new ArrayList<>();
                            if (parseBody(r, block.elseBody)) {
                                throw new IllegalStateException("function " + funcIndex + ": two else in one if");
                            }
                        }
                        out.add(block);
                        continue;
                    }
                    default:
                        break;
                }
                out.add(parseInsn(r, at, op));
            }
        }

        Insn parseInsn(Reader r, int at, int op) {
            switch (op) {
                case 0x00:
                    return Insn.plain(new byte[] {0x00}, 0, 0, true);
                case 0x01:
                    return Insn.plain(new byte[] {0x01}, 0, 0, false);
                case 0x0C, 0x0D:
                    return Insn.br(op, r.u32());
                case 0x0E: {
                    int n = r.u32();
                    int[] targets = new int[n + 1];
                    for (int i = 0; i <= n; i++) {
                        targets[i] = r.u32();
                    }
                    return Insn.brTable(targets);
                }
                case 0x0F:
                    return Insn.ret();
                case 0x10: {
                    int f = r.u32();
                    FuncType t = types.get(funcTypes.get(f));
                    return Insn.plain(copy(at, r.pos), t.params.length, t.results.length, false);
                }
                case 0x11: {
                    int ti = r.u32();
                    r.u32();
                    FuncType t = types.get(ti);
                    return Insn.plain(copy(at, r.pos), t.params.length + 1, t.results.length, false);
                }
                case 0x1A:
                    return Insn.plain(copy(at, r.pos), 1, 0, false);
                case 0x1B:
                    return Insn.plain(copy(at, r.pos), 3, 1, false);
                case 0x1C: {
                    int n = r.u32();
                    r.pos += n;
                    return Insn.plain(copy(at, r.pos), 3, 1, false);
                }
                case 0x20, 0x21, 0x22:
                    return Insn.local(op, r.u32());
                case 0x23:
                    r.u32();
                    return Insn.plain(copy(at, r.pos), 0, 1, false);
                case 0x24:
                    r.u32();
                    return Insn.plain(copy(at, r.pos), 1, 0, false);
                case 0x25:
                    r.u32();
                    return Insn.plain(copy(at, r.pos), 1, 1, false);
                case 0x26:
                    r.u32();
                    return Insn.plain(copy(at, r.pos), 2, 0, false);
                case 0x3F:
                    r.u8();
                    return Insn.plain(copy(at, r.pos), 0, 1, false);
                case 0x40:
                    r.u8();
                    return Insn.plain(copy(at, r.pos), 1, 1, false);
                case 0x41:
                case 0x42:
                    r.s64();
                    return Insn.plain(copy(at, r.pos), 0, 1, false);
                case 0x43:
                    r.pos += 4;
                    return Insn.plain(copy(at, r.pos), 0, 1, false);
                case 0x44:
                    r.pos += 8;
                    return Insn.plain(copy(at, r.pos), 0, 1, false);
                case 0xD0:
                    r.u8();
                    return Insn.plain(copy(at, r.pos), 0, 1, false);
                case 0xD1:
                    return Insn.plain(copy(at, r.pos), 1, 1, false);
                case 0xD2:
                    r.u32();
                    return Insn.plain(copy(at, r.pos), 0, 1, false);
                case 0xFC:
                    return parsePrefixed(r, at);
                default:
                    break;
            }
            if (op >= 0x28 && op <= 0x35) { // loads
                r.u32();
                r.u32();
                return Insn.plain(copy(at, r.pos), 1, 1, false);
            }
            if (op >= 0x36 && op <= 0x3E) { // stores
                r.u32();
                r.u32();
                return Insn.plain(copy(at, r.pos), 2, 0, false);
            }
            if (op == 0x45 || op == 0x50 || (op >= 0x67 && op <= 0x69) || (op >= 0x79 && op <= 0x7B)
                    || (op >= 0x8B && op <= 0x91) || (op >= 0x99 && op <= 0x9F) || (op >= 0xA7 && op <= 0xC4)) {
                return Insn.plain(copy(at, r.pos), 1, 1, false); // unary, conversions, sign extension
            }
            if ((op >= 0x46 && op <= 0x4F) || (op >= 0x51 && op <= 0x66) || (op >= 0x6A && op <= 0x78)
                    || (op >= 0x7C && op <= 0x8A) || (op >= 0x92 && op <= 0x98) || (op >= 0xA0 && op <= 0xA6)) {
                return Insn.plain(copy(at, r.pos), 2, 1, false); // comparisons, binary
            }
            throw new UnsupportedOperationException(
                    String.format("function %d: opcode 0x%02x not supported by the splitter", funcIndex, op));
        }

        Insn parsePrefixed(Reader r, int at) {
            int sub = r.u32();
            switch (sub) {
                case 0, 1, 2, 3, 4, 5, 6, 7:
                    return Insn.plain(copy(at, r.pos), 1, 1, false);
                case 8:
                    r.u32();
                    r.u8();
                    return Insn.plain(copy(at, r.pos), 3, 0, false);
                case 9, 13:
                    r.u32();
                    return Insn.plain(copy(at, r.pos), 0, 0, false);
                case 10:
                    r.u8();
                    r.u8();
                    return Insn.plain(copy(at, r.pos), 3, 0, false);
                case 11:
                    r.u8();
                    return Insn.plain(copy(at, r.pos), 3, 0, false);
                case 12, 14:
                    r.u32();
                    r.u32();
                    return Insn.plain(copy(at, r.pos), 3, 0, false);
                case 15:
                    r.u32();
                    return Insn.plain(copy(at, r.pos), 2, 1, false);
                case 16:
                    r.u32();
                    return Insn.plain(copy(at, r.pos), 0, 1, false);
                case 17:
                    r.u32();
                    return Insn.plain(copy(at, r.pos), 3, 0, false);
                default:
                    throw new UnsupportedOperationException("function " + funcIndex + ": opcode 0xfc " + sub
                            + " not supported by the splitter");
            }
        }

        byte[] copy(int from, int to) {
            return Arrays.copyOfRange(wasm, from, to);
        }

        // ------------------------------------------------------------ splitting

        /**
         * Splits the body (inner blocks first) while it is larger than the limit. entryHeight: the operand stack the
         * body starts with (a block's params); labels: the arity of every enclosing label, innermost last.
         */
        void splitBody(List<Node> body, int entryHeight, List<Integer> labels) {
            for (Node n : body) {
                if (n instanceof Block b) {
                    labels.add(b.labelArity());
                    splitBody(b.body, b.params, labels);
                    if (b.elseBody != null) {
                        splitBody(b.elseBody, b.params, labels);
                    }
                    labels.remove(labels.size() - 1);
                    b.cachedSize = -1;
                }
            }
            if (sizeOf(body) <= limit) {
                return;
            }
            // boundaries where the operand stack of this body is empty (and the code reachable)
            List<Integer> cuts = new ArrayList<>();
            int height = entryHeight;
            boolean reachable = true;
            int deadFrom = body.size();
            if (height == 0) {
                cuts.add(0);
            }
            for (int i = 0; i < body.size(); i++) {
                Node n = body.get(i);
                if (n instanceof Block b) {
                    height += b.results - b.params - (b.opcode == 0x04 ? 1 : 0);
                } else {
                    Insn in = (Insn) n;
                    height += in.pushes - in.pops;
                    if (in.ends) {
                        reachable = false;
                        deadFrom = i + 1;
                        break;
                    }
                }
                if (height == 0) {
                    cuts.add(i + 1);
                }
            }
            if (!reachable && !cuts.isEmpty() && cuts.get(cuts.size() - 1) != deadFrom) {
                // a run may end with the unconditional transfer (the dead code after it stays where it is)
                cuts.add(deadFrom);
            }
            // minimal segments between consecutive cuts; the largest stays for last, and in place while the body
            // is no larger than the spine limit
            int largest = -1;
            int largestSize = -1;
            for (int c = 0; c + 1 < cuts.size(); c++) {
                int s = sizeOf(body.subList(cuts.get(c), cuts.get(c + 1)));
                if (s > largestSize) {
                    largestSize = s;
                    largest = c;
                }
            }
            // group segments (except the largest) into runs of at most the limit
            List<int[]> runs = new ArrayList<>();
            int runStart = -1;
            int runSize = 0;
            for (int c = 0; c + 1 < cuts.size(); c++) {
                int s = sizeOf(body.subList(cuts.get(c), cuts.get(c + 1)));
                if (c == largest && largestSize > limit / 2) {
                    if (runStart >= 0) {
                        runs.add(new int[] {cuts.get(runStart), cuts.get(c)});
                    }
                    runStart = -1;
                    runSize = 0;
                    continue;
                }
                if (runStart >= 0 && runSize + s > limit) {
                    runs.add(new int[] {cuts.get(runStart), cuts.get(c)});
                    runStart = -1;
                    runSize = 0;
                }
                if (runStart < 0) {
                    runStart = c;
                }
                runSize += s;
            }
            if (runStart >= 0) {
                runs.add(new int[] {cuts.get(runStart), cuts.get(cuts.size() - 1)});
            }
            if (largestSize > limit / 2 && sizeOf(body) > spine) {
                runs.add(new int[] {cuts.get(largest), cuts.get(largest + 1)});
            }
            // the biggest runs first, until the body fits; then outline them from the last backwards, so that the
            // indices of the earlier ones stay valid
            runs.sort((a, b) -> Integer.compare(sizeOf(body.subList(b[0], b[1])), sizeOf(body.subList(a[0], a[1]))));
            List<int[]> chosen = new ArrayList<>();
            int total = sizeOf(body);
            for (int[] run : runs) {
                if (total <= limit) {
                    break;
                }
                int s = sizeOf(body.subList(run[0], run[1]));
                if (s < Math.min(MIN_RUN, limit / 2)) {
                    continue;
                }
                Outline o = analyse(body.subList(run[0], run[1]), labels);
                if (o == null) {
                    continue;
                }
                chosen.add(run);
                total -= s - 40; // about what a call site costs
            }
            chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
            for (int[] run : chosen) {
                List<Node> nodes = body.subList(run[0], run[1]);
                Outline o = analyse(nodes, labels);
                boolean endsUnreachable = run[1] == deadFrom && !reachable;
                List<Node> replacement = outline(new ArrayList<>(nodes), o, endsUnreachable);
                nodes.clear();
                nodes.addAll(replacement);
            }
        }

        /** What a run touches. */
        final class Outline {
            final TreeSet<Integer> used = new TreeSet<>();
            final TreeSet<Integer> written = new TreeSet<>();
            final TreeSet<Integer> outward = new TreeSet<>(); // relative depths at the run's level
            boolean returns;
        }

        /** The run's locals and outward branches, or null if it cannot be outlined. */
        Outline analyse(List<Node> run, List<Integer> labels) {
            Outline o = new Outline();
            if (!collect(run, 0, o)) {
                return null;
            }
            for (int d : o.outward) {
                if (d >= labels.size()) {
                    return null;
                }
                int arity = labels.get(labels.size() - 1 - d);
                if (arity != 0) {
                    return null;
                }
            }
            return o;
        }

        boolean collect(List<Node> nodes, int nesting, Outline o) {
            for (Node n : nodes) {
                if (n instanceof Block b) {
                    if (!collect(b.body, nesting + 1, o)) {
                        return false;
                    }
                    if (b.elseBody != null && !collect(b.elseBody, nesting + 1, o)) {
                        return false;
                    }
                    continue;
                }
                Insn in = (Insn) n;
                switch (in.kind) {
                    case KIND_LOCAL -> {
                        o.used.add(in.index);
                        if (in.opcode != 0x20) {
                            o.written.add(in.index);
                        }
                    }
                    case KIND_BR -> {
                        if (in.index >= nesting) {
                            o.outward.add(in.index - nesting);
                        }
                    }
                    case KIND_BR_TABLE -> {
                        for (int t : in.targets) {
                            if (t >= nesting) {
                                o.outward.add(t - nesting);
                            }
                        }
                    }
                    case KIND_RETURN -> o.returns = true;
                    default -> {}
                }
            }
            return true;
        }

        /** Moves the run into a new function; returns the call site that replaces it. */
        List<Node> outline(List<Node> run, Outline o, boolean endsUnreachable) {
            Integer[] used = o.used.toArray(new Integer[0]);
            Integer[] written = o.written.toArray(new Integer[0]);
            Integer[] outward = o.outward.toArray(new Integer[0]);
            Map<Integer, Integer> localMap = new LinkedHashMap<>();
            byte[] params = new byte[used.length];
            for (int i = 0; i < used.length; i++) {
                localMap.put(used[i], i);
                params[i] = localTypes.get(used[i]);
            }
            int retCount = o.returns ? type.results.length : 0;
            byte[] results = new byte[1 + written.length + retCount];
            results[0] = 0x7F;
            for (int i = 0; i < written.length; i++) {
                results[1 + i] = localTypes.get(written[i]);
            }
            for (int i = 0; i < retCount; i++) {
                results[1 + written.length + i] = type.results[i];
            }
            // the new function's own locals: exit code, then return value temps
            int gExit = used.length;
            int gRetBase = used.length + 1;
            int trampolines = outward.length + (o.returns ? 1 : 0);
            Map<Integer, Integer> trampolineOf = new LinkedHashMap<>();
            for (int i = 0; i < outward.length; i++) {
                trampolineOf.put(outward[i], i);
            }
            int returnTrampoline = o.returns ? outward.length : -1;
            Writer g = new Writer();
            g.u32(1 + retCount);
            g.u32(1);
            g.u8(0x7F);
            for (int i = 0; i < retCount; i++) {
                g.u32(1);
                g.u8(type.results[i]);
            }
            // block $fn, then one block per trampoline, innermost = trampoline 0
            for (int i = 0; i <= trampolines; i++) {
                g.u8(0x02);
                g.u8(0x40);
            }
            Retarget rt = new Retarget(localMap, trampolineOf, returnTrampoline, gRetBase, retCount);
            emitNodes(g, run, 0, rt);
            g.u8(0x0C);
            g.u32(trampolines); // normal completion: exit code stays 0
            for (int j = 0; j < trampolines; j++) {
                g.u8(0x0B); // end of trampoline j
                g.u8(0x41);
                g.s32(j + 1);
                g.u8(0x21);
                g.u32(gExit);
                g.u8(0x0C);
                g.u32(trampolines - j - 1);
            }
            g.u8(0x0B); // end of $fn
            g.u8(0x20);
            g.u32(gExit);
            for (Integer w : written) {
                g.u8(0x20);
                g.u32(localMap.get(w));
            }
            for (int i = 0; i < retCount; i++) {
                g.u8(0x20);
                g.u32(gRetBase + i);
            }
            g.u8(0x0B);
            int newFunc = addFunction(params, results, g.toByteArray());

            // the call site
            List<Node> site = new ArrayList<>();
            for (Integer u : used) {
                site.add(Insn.local(0x20, u));
            }
            Writer call = new Writer();
            call.u8(0x10);
            call.u32(newFunc);
            site.add(Insn.plain(call.toByteArray(), params.length, results.length, false));
            int[] temps = retCount > 0 ? returnTemps() : new int[0];
            for (int i = retCount - 1; i >= 0; i--) {
                site.add(Insn.local(0x21, temps[i]));
            }
            for (int i = written.length - 1; i >= 0; i--) {
                site.add(Insn.local(0x21, written[i]));
            }
            int exit = exitLocal();
            site.add(Insn.local(0x21, exit));
            if (o.returns) {
                site.add(Insn.local(0x20, exit));
                site.add(Insn.plain(i32Const(returnTrampoline + 1), 0, 1, false));
                site.add(Insn.plain(new byte[] {0x46}, 2, 1, false)); // i32.eq
                List<Node> thenBody = new ArrayList<>();
                for (int i = 0; i < retCount; i++) {
                    thenBody.add(Insn.local(0x20, temps[i]));
                }
                thenBody.add(Insn.ret());
                site.add(new Block(0x04, new byte[] {0x40}, 0, 0, thenBody));
            }
            if (outward.length > 0) {
                // block $continue { br_table [continue, outward...] on the exit code }
                int[] targets = new int[outward.length + 2];
                targets[0] = 0;
                for (int i = 0; i < outward.length; i++) {
                    targets[i + 1] = outward[i] + 1;
                }
                targets[outward.length + 1] = 0; // default: continue (also exit codes of return, handled above)
                List<Node> inner = new ArrayList<>();
                inner.add(Insn.local(0x20, exit));
                inner.add(Insn.brTable(targets));
                site.add(new Block(0x02, new byte[] {0x40}, 0, 0, inner));
            }
            if (endsUnreachable) {
                site.add(Insn.plain(new byte[] {0x00}, 0, 0, true));
            }
            return site;
        }

        // ------------------------------------------------------------ writing

        void emitNodes(Writer w, List<Node> nodes, int nesting, Retarget rt) {
            for (Node n : nodes) {
                if (n instanceof Block b) {
                    w.u8(b.opcode);
                    w.bytes(b.blockType);
                    emitNodes(w, b.body, nesting + 1, rt);
                    if (b.elseBody != null) {
                        w.u8(0x05);
                        emitNodes(w, b.elseBody, nesting + 1, rt);
                    }
                    w.u8(0x0B);
                    continue;
                }
                Insn in = (Insn) n;
                switch (in.kind) {
                    case KIND_PLAIN -> w.bytes(in.raw);
                    case KIND_LOCAL -> {
                        w.u8(in.opcode);
                        w.u32(rt == null ? in.index : rt.localMap.get(in.index));
                    }
                    case KIND_BR -> {
                        w.u8(in.opcode);
                        w.u32(rt == null ? in.index : rt.depth(in.index, nesting));
                    }
                    case KIND_BR_TABLE -> {
                        w.u8(0x0E);
                        w.u32(in.targets.length - 1);
                        for (int t : in.targets) {
                            w.u32(rt == null ? t : rt.depth(t, nesting));
                        }
                    }
                    case KIND_RETURN -> {
                        if (rt == null) {
                            w.u8(0x0F);
                        } else {
                            for (int i = rt.retCount - 1; i >= 0; i--) {
                                w.u8(0x21);
                                w.u32(rt.retBase + i);
                            }
                            w.u8(0x0C);
                            w.u32(nesting + rt.returnTrampoline);
                        }
                    }
                    default -> throw new AssertionError();
                }
            }
        }
    }

    /** How a run's instructions change when they move into their new function. */
    private record Retarget(Map<Integer, Integer> localMap, Map<Integer, Integer> trampolineOf,
            int returnTrampoline, int retBase, int retCount) {
        int depth(int depth, int nesting) {
            if (depth < nesting) {
                return depth;
            }
            return nesting + trampolineOf.get(depth - nesting);
        }
    }

    private static byte[] i32Const(int value) {
        Writer w = new Writer();
        w.u8(0x41);
        w.s32(value);
        return w.toByteArray();
    }

    // ---------------------------------------------------------------- LEB128

    private static final class Reader {
        final byte[] b;
        int pos;

        Reader(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        int u8() {
            return b[pos++] & 0xff;
        }

        int u32() {
            long result = 0;
            int shift = 0;
            while (true) {
                int x = b[pos++] & 0xff;
                result |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return (int) result;
                }
                shift += 7;
            }
        }

        long s64() {
            long result = 0;
            int shift = 0;
            int x;
            do {
                x = b[pos++] & 0xff;
                result |= (long) (x & 0x7f) << shift;
                shift += 7;
            } while ((x & 0x80) != 0);
            if (shift < 64 && (x & 0x40) != 0) {
                result |= -1L << shift;
            }
            return result;
        }

        void skipName() {
            int n = u32();
            pos += n;
        }

        byte[] valTypes() {
            int n = u32();
            byte[] t = Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return t;
        }

        void limits() {
            int flags = u8();
            u32();
            if ((flags & 1) != 0) {
                u32();
            }
        }
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void u8(int v) {
            out.write(v);
        }

        void u32(int v) {
            long x = v & 0xffffffffL;
            do {
                int bits = (int) (x & 0x7f);
                x >>>= 7;
                out.write(x != 0 ? bits | 0x80 : bits);
            } while (x != 0);
        }

        void s32(int v) {
            long x = v;
            while (true) {
                int bits = (int) (x & 0x7f);
                x >>= 7;
                boolean done = (x == 0 && (bits & 0x40) == 0) || (x == -1 && (bits & 0x40) != 0);
                out.write(done ? bits : bits | 0x80);
                if (done) {
                    return;
                }
            }
        }

        void bytes(byte[] b) {
            out.writeBytes(b);
        }

        int size() {
            return out.size();
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
