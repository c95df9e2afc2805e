// Line diff for the Compare view: Myers' O((N+M)D) algorithm, then rows for a side-by-side table. Pure.

/** Above this many edits, or this many lines in all, the diff falls back to one changed block. */
const MAX_EDITS = 2000;
const MAX_LINES = 200000;

/** The lines of a text, each with its "\n" (the last one may have none). */
export function splitLines(text) {
  return text.match(/[^\n]*\n|[^\n]+$/g) || [];
}

/**
 * The shortest edit script turning a into b, as runs of {op: "equal"|"delete"|"insert", aStart, bStart,
 * count}: equal runs cover a[aStart..] and b[bStart..]; deletes cover a; inserts cover b.
 */
export function diffSequences(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = endA - start + (endB - start) > MAX_LINES
    ? null
    : myers(a.slice(start, endA), b.slice(start, endB));
  const ops = [];
  const push = (op, aStart, bStart, count) => {
    if (count === 0) {
      return;
    }
    const last = ops[ops.length - 1];
    if (last && last.op === op
        && (op === "insert" || last.aStart + last.count === aStart)
        && (op === "delete" || last.bStart + last.count === bStart)) {
      last.count += count;
    } else {
      ops.push({ op, aStart, bStart, count });
    }
  };
  push("equal", 0, 0, start);
  if (middle === null) {
    push("delete", start, start, endA - start);
    push("insert", endA, start, endB - start);
  } else {
    for (const step of middle) {
      push(step.op, start + step.aStart, start + step.bStart, step.count);
    }
  }
  push("equal", endA, endB, a.length - endA);
  return ops;
}

/** Myers' greedy forward search; null when the edit distance exceeds MAX_EDITS. */
function myers(a, b) {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) {
    return [];
  }
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace = [];
  for (let d = 0; d <= Math.min(max, MAX_EDITS); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2)); // the part of v that step d reads
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
        ? v[offset + k + 1]
        : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        return backtrack(trace, n, m, d);
      }
    }
  }
  return null;
}

function backtrack(trace, n, m, distance) {
  const steps = [];
  let x = n;
  let y = m;
  for (let d = distance; d > 0; d--) {
    const v = (k) => trace[d][k + d + 1]; // v[offset + k] as it was before step d
    const k = x - y;
    const down = k === -d || (k !== d && v(k - 1) < v(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = v(previousK);
    const previousY = previousX - previousK;
    const snake = Math.min(x - previousX - (down ? 0 : 1), y - previousY - (down ? 1 : 0));
    if (snake > 0) {
      steps.push({ op: "equal", aStart: x - snake, bStart: y - snake, count: snake });
    }
    if (down) {
      steps.push({ op: "insert", aStart: previousX, bStart: previousY, count: 1 });
    } else {
      steps.push({ op: "delete", aStart: previousX, bStart: previousY, count: 1 });
    }
    x = previousX;
    y = previousY;
  }
  if (x > 0) {
    steps.push({ op: "equal", aStart: 0, bStart: 0, count: x });
  }
  return steps.reverse();
}

/**
 * Side-by-side rows comparing two texts line by line: {kind: "same"|"changed"|"left"|"right", left, right},
 * left/right being {number, text, newline} (text without its "\n"; newline false for a last line without
 * one) or null. A deleted block next to an inserted one pairs up into "changed" rows.
 */
export function lineDiffRows(leftText, rightText) {
  const a = splitLines(leftText);
  const b = splitLines(rightText);
  const line = (lines, index) => index === null ? null : {
    number: index + 1,
    text: lines[index].endsWith("\n") ? lines[index].slice(0, -1) : lines[index],
    newline: lines[index].endsWith("\n"),
  };
  const rows = [];
  const ops = diffSequences(a, b);
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op.op === "equal") {
      for (let j = 0; j < op.count; j++) {
        rows.push({ kind: "same", left: line(a, op.aStart + j), right: line(b, op.bStart + j) });
      }
    } else if (op.op === "delete" && ops[i + 1] && ops[i + 1].op === "insert") {
      const insert = ops[++i];
      for (let j = 0; j < Math.max(op.count, insert.count); j++) {
        rows.push({
          kind: j < op.count && j < insert.count ? "changed" : j < op.count ? "left" : "right",
          left: j < op.count ? line(a, op.aStart + j) : null,
          right: j < insert.count ? line(b, insert.bStart + j) : null,
        });
      }
    } else {
      for (let j = 0; j < op.count; j++) {
        rows.push(op.op === "delete"
          ? { kind: "left", left: line(a, op.aStart + j), right: null }
          : { kind: "right", left: null, right: line(b, op.bStart + j) });
      }
    }
  }
  return rows;
}
