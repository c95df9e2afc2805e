// The Compare tab: a verdict (identical / differs / not compared), both runs' exit codes, statuses and
// timings, a side-by-side line diff of stdout and of stderr, and the files each run created, changed or
// deleted.
import { lineDiffRows } from "./diff.js";
import { asText, sameBytes } from "./workspace.js";

const byId = (id) => document.getElementById(id);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "className") {
      node.className = value;
    } else if (name.startsWith("data-")) {
      node.setAttribute(name, value);
    } else {
      node[name] = value;
    }
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

export function formatMs(ms) {
  if (typeof ms !== "number" || !Number.isFinite(ms)) {
    return "–";
  }
  return ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

const FIELD_WORDS = { exitCode: "exit code", status: "status", stdout: "stdout", stderr: "stderr", files: "files" };

export function resetComparison() {
  byId("compare-empty").hidden = true;
  byId("compare-body").hidden = false;
  const verdict = byId("verdict");
  verdict.textContent = "running…";
  delete verdict.dataset.verdict;
  byId("verdict-details").textContent = "both sides run with the same files, arguments, environment and input";
  byId("verdict-timing").textContent = "";
  byId("compare-facts-body").replaceChildren();
  byId("compare-streams").replaceChildren();
  byId("compare-files").replaceChildren();
  byId("verdict-seed").textContent = "";
  byId("download-report").disabled = true;
}

/**
 * @param {{result?: object, error?: Error, totalMs: number, changes: object[] | null}} browser
 * @param {{result?: object, error?: Error, totalMs: number, changes: object[] | null}} server
 * @param {object | null} report the parity report of the two (parity-report.js), null when a side failed
 * @param {number | null} seed deterministic mode's seed, null when off
 * @returns {"identical"|"differs"|"not-compared"}
 */
export function showComparison(browser, server, report, seed) {
  byId("verdict-seed").textContent = seed === null ? "not deterministic (real clocks and random numbers)"
    : `deterministic mode, seed ${seed}`;
  byId("download-report").disabled = !report;
  const verdict = byId("verdict");
  const details = byId("verdict-details");
  showFacts(browser, server);
  byId("verdict-timing").textContent = timing(browser.result, server.result);
  if (!browser.result || !server.result || !report) {
    const failed = [!browser.result ? "browser" : null, !server.result ? "server" : null].filter(Boolean);
    if (failed.length === 0) {
      verdict.textContent = "not compared";
      verdict.dataset.verdict = "not-compared";
      details.textContent = "the parity report could not be built";
      return "not-compared";
    }
    verdict.textContent = "not compared";
    verdict.dataset.verdict = "not-compared";
    details.textContent = `the ${failed.join(" and ")} run did not finish: `
      + [browser.error, server.error].filter(Boolean).map((error) => error.message).join("; ");
    return "not-compared";
  }
  for (const stream of ["stdout", "stderr"]) {
    showStreamDiff(stream, browser.result[stream], server.result[stream]);
  }
  const filesVerdict = showFiles(browser.changes, server.changes);
  // The verdict is the report's: the same comparison the server and the CLI make.
  const differences = [];
  for (const difference of report.differences) {
    const words = difference.field === "exitCode" || difference.field === "status"
      ? `${FIELD_WORDS[difference.field]} (${difference.values[0]} vs ${difference.values[1]})`
      : FIELD_WORDS[difference.field];
    if (!differences.includes(words)) {
      differences.push(words);
    }
  }
  if (differences.length === 0) {
    verdict.textContent = "identical";
    verdict.dataset.verdict = "identical";
    details.textContent = filesVerdict === "same"
      ? "same stdout, stderr, exit code and files"
      : "same stdout, stderr and exit code" + (filesVerdict === "unknown" ? " (files not compared: see below)" : "");
    return "identical";
  }
  verdict.textContent = "differs";
  verdict.dataset.verdict = "differs";
  details.textContent = `in ${differences.join(", ")}`;
  return "differs";
}

/** How the two run times compare, e.g. "The server took 12.3× as long as the browser." */
function timing(browser, server) {
  if (!browser || !server || !(browser.durationMs > 0) || !(server.durationMs > 0)) {
    return "";
  }
  const ratio = server.durationMs / browser.durationMs;
  if (ratio >= 1.1) {
    return `The server took ${ratio.toFixed(1)}× as long as the browser.`;
  }
  if (ratio <= 1 / 1.1) {
    return `The browser took ${(1 / ratio).toFixed(1)}× as long as the server.`;
  }
  return "Both took about as long.";
}

function showFacts(browser, server) {
  const rows = [
    ["exit code", (side) => (side.result ? String(side.result.exitCode) : "–"), true],
    ["status", (side) => (side.result ? side.result.status || "ok" : side.error ? "failed" : "–"), true],
    ["run time", (side) => formatMs(side.result?.durationMs), false],
    ["total", (side) => formatMs(side.totalMs), false],
  ];
  const body = byId("compare-facts-body");
  for (const [label, value, compared] of rows) {
    const left = value(browser);
    const right = value(server);
    const row = element("tr", { "data-fact": label },
      element("th", { scope: "row" }, label),
      element("td", { id: `compare-browser-${label.replace(" ", "-")}` }, left),
      element("td", { id: `compare-server-${label.replace(" ", "-")}` }, right));
    if (compared && left !== right) {
      row.classList.add("differs");
    }
    body.append(row);
  }
}

/** Makes control characters (escape sequences, carriage returns) visible in the diff. */
function visible(text) {
  const fragment = document.createDocumentFragment();
  const parts = text.split(/([\u0000-\u0008\u000b-\u001f\u007f])/);
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      const code = part.charCodeAt(0);
      fragment.append(element("span", { className: "escape", title: `U+${code.toString(16).padStart(4, "0")}` },
        code === 0x1b ? "␛" : code === 0x0d ? "␍" : code === 0x7f ? "␡" : String.fromCharCode(0x2400 + code)));
    } else if (part) {
      fragment.append(part);
    }
  });
  return fragment;
}

/** Adds the diff block of one stream; true when both sides wrote the same. */
function showStreamDiff(stream, left, right) {
  const same = left === right;
  const rows = lineDiffRows(left, right);
  const changed = rows.filter((row) => row.kind !== "same").length;
  const summary = same
    ? (left === "" ? "empty on both sides" : `identical (${rows.length} line${rows.length === 1 ? "" : "s"})`)
    : `${changed} line${changed === 1 ? "" : "s"} differ`;
  const block = element("section", { className: "diff-block", "data-testid": `diff-${stream}`, "data-same": String(same) },
    element("h3", {}, stream, element("span", { className: "diff-summary" }, summary)));
  if (left === "" && right === "") {
    byId("compare-streams").append(block);
    return true;
  }
  const table = element("table", { className: "diff-table" },
    element("colgroup", {}, element("col", { className: "line-number" }), element("col"),
      element("col", { className: "line-number" }), element("col")),
    element("thead", {}, element("tr", {},
      element("th", { scope: "col" }, "#"), element("th", { scope: "col" }, "Browser"),
      element("th", { scope: "col" }, "#"), element("th", { scope: "col" }, "Server"))));
  const tbody = element("tbody");
  const cell = (line, side) => {
    const text = element("td", { className: `text ${side}` });
    if (line) {
      text.append(visible(line.text));
      if (!line.newline) {
        text.append(element("span", { className: "no-newline", title: "no newline at the end" }, " ⏎̸"));
      }
    }
    return [element("td", { className: "n" }, line ? String(line.number) : ""), text];
  };
  for (const row of rows) {
    const tr = element("tr", { className: row.kind, "data-kind": row.kind });
    tr.append(...cell(row.left, "left"), ...cell(row.right, "right"));
    tbody.append(tr);
  }
  table.append(tbody);
  block.append(element("div", { className: "diff-scroll" }, table));
  byId("compare-streams").append(block);
  return same;
}

/**
 * The files table; "same", "differs", or "unknown" when a side did not report its files.
 * @param {{path: string, change: string, bytes: Uint8Array | null}[] | null} browser
 * @param {{path: string, change: string, bytes: Uint8Array | null}[] | null} server
 */
function showFiles(browser, server) {
  const container = byId("compare-files");
  const block = element("section", { className: "diff-block", "data-testid": "diff-files" });
  if (browser === null || server === null) {
    const missing = [browser === null ? "browser" : null, server === null ? "server" : null].filter(Boolean);
    block.append(element("h3", {}, "files", element("span", { className: "diff-summary" }, "not compared")),
      element("p", { className: "diff-empty" },
        `The ${missing.join(" and ")} engine did not report the files after the run, so files are not compared.`));
    container.append(block);
    return "unknown";
  }
  const paths = [...new Set([...browser, ...server].map((change) => change.path))].sort();
  if (paths.length === 0) {
    block.append(element("h3", {}, "files", element("span", { className: "diff-summary" }, "no file created, changed or deleted on either side")));
    container.append(block);
    return "same";
  }
  const find = (list, path) => list.find((change) => change.path === path) || null;
  const describe = (change) => {
    if (!change) {
      return "unchanged";
    }
    if (change.change === "deleted") {
      return "deleted";
    }
    const text = asText(change.bytes);
    return `${change.change}, ${change.bytes.length} bytes${text === null ? " (binary)" : ""}`;
  };
  let allSame = true;
  const tbody = element("tbody");
  for (const path of paths) {
    const left = find(browser, path);
    const right = find(server, path);
    const same = (left === null && right === null)
      || (left !== null && right !== null && left.change === right.change
        && (left.bytes === null ? right.bytes === null : right.bytes !== null && sameBytes(left.bytes, right.bytes)));
    allSame &&= same;
    tbody.append(element("tr", { className: same ? "same" : "changed", "data-path": path },
      element("td", { className: "text" }, path),
      element("td", { className: "text" }, describe(left)),
      element("td", { className: "text" }, describe(right)),
      element("td", { className: "text" }, same ? "same" : "differs")));
  }
  block.append(
    element("h3", {}, "files", element("span", { className: "diff-summary" }, allSame ? `same ${paths.length} change(s) on both sides` : "differ")),
    element("div", { className: "diff-scroll" }, element("table", { className: "diff-table" },
      element("thead", {}, element("tr", {},
        element("th", { scope: "col" }, "path"), element("th", { scope: "col" }, "Browser"),
        element("th", { scope: "col" }, "Server"), element("th", { scope: "col" }, ""))),
      tbody)));
  container.append(block);
  return allSame ? "same" : "differs";
}
