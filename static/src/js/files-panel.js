// The workspace's file tabs and what acts on them: open, add, rename, delete, upload (text or binary),
// download one binary file, download everything as a .zip, and marks for files a run created or changed.
import { askForName, confirmAction } from "./dialogs.js";
import { checkNewPath, normalizePath } from "./inputs.js";
import { Workspace } from "./workspace.js";
import { writeZip } from "./zip.js";

const byId = (id) => document.getElementById(id);

export function downloadBytes(name, bytes, type = "application/octet-stream") {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function formatSize(bytes) {
  if (bytes < 1024) {
    return `${bytes} byte${bytes === 1 ? "" : "s"}`;
  }
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export { formatSize };

export class FilesPanel {
  /**
   * @param {import("./editor.js").CodeEditor} editor
   * @param {{onChange: () => void, onError: (message: string) => void}} hooks
   */
  constructor(editor, hooks) {
    this.editor = editor;
    this.hooks = hooks;
    this.workspace = new Workspace();
    this.active = null;
    this.marks = new Map(); // path -> "new" | "changed"

    byId("add-file").addEventListener("click", () => this.addFile());
    byId("rename-file").addEventListener("click", () => this.renameFile(this.active));
    byId("delete-file").addEventListener("click", () => this.deleteFile(this.active));
    byId("upload-files").addEventListener("click", () => byId("upload-input").click());
    byId("upload-input").addEventListener("change", (event) => this.upload(event.target));
    byId("download-zip").addEventListener("click", () => this.downloadZip());
    byId("binary-download").addEventListener("click", () => {
      if (this.active) {
        downloadBytes(this.active.split("/").pop(), this.workspace.bytes(this.active));
      }
    });
    byId("file-tabs").addEventListener("keydown", (event) => this.onTabKey(event));
  }

  /** Shows a new workspace (an example, a shared snippet, a restored session). */
  load(workspace) {
    this.workspace = workspace;
    this.marks.clear();
    this.editor.reset();
    this.active = null;
    const first = workspace.has(workspace.main) ? workspace.main : workspace.paths()[0] || null;
    this.render();
    if (first) {
      this.open(first);
    } else {
      this.showNothing();
    }
  }

  /** The editor changed a file. */
  textChanged(path, text) {
    if (this.workspace.has(path)) {
      this.workspace.files.set(path, { text });
      this.hooks.onChange();
    }
  }

  render() {
    const tabs = byId("file-tabs");
    tabs.replaceChildren();
    for (const path of this.workspace.paths()) {
      const tab = document.createElement("button");
      tab.type = "button";
      tab.className = "file-tab tab-open";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", "file-panel");
      tab.dataset.path = path;
      tab.dataset.testid = "file-tab";
      const selected = path === this.active;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      tab.classList.toggle("active", selected);
      tab.title = path === this.workspace.main ? `${path} (the file that runs)` : path;
      tab.append(path);
      const mark = this.marks.get(path);
      if (mark) {
        const badge = document.createElement("span");
        badge.className = "file-badge";
        badge.dataset.change = mark;
        badge.textContent = mark;
        badge.title = mark === "new" ? "created by the last run" : "changed by the last run";
        tab.append(badge);
      }
      if (!this.workspace.isText(path)) {
        tab.append(" ⬇");
        tab.setAttribute("aria-label", `${path} (binary)${mark ? `, ${mark}` : ""}`);
      }
      tab.addEventListener("click", () => this.open(path));
      tab.addEventListener("dblclick", () => this.renameFile(path));
      tabs.append(tab);
    }
    const hasActive = this.active !== null;
    byId("rename-file").disabled = !hasActive;
    byId("delete-file").disabled = !hasActive;
    byId("download-zip").disabled = this.workspace.files.size === 0;
    if (hasActive) {
      byId("rename-file").setAttribute("aria-label", `Rename ${this.active}`);
      byId("delete-file").setAttribute("aria-label", `Delete ${this.active}`);
      byId("file-panel").setAttribute("aria-label", this.active);
    }
  }

  open(path) {
    this.active = path;
    const isText = this.workspace.isText(path);
    byId("editor-host").hidden = !isText;
    byId("binary-view").hidden = isText;
    if (isText) {
      this.editor.open(path, this.workspace.text(path));
    } else {
      const bytes = this.workspace.bytes(path);
      byId("binary-name").textContent = path;
      byId("binary-size").textContent = formatSize(bytes.length);
      const shown = bytes.subarray(0, 256);
      const rows = [];
      for (let i = 0; i < shown.length; i += 16) {
        const hex = [...shown.subarray(i, i + 16)].map((b) => b.toString(16).padStart(2, "0")).join(" ");
        rows.push(`${i.toString(16).padStart(8, "0")}  ${hex}`);
      }
      byId("binary-preview").textContent = rows.join("\n") + (bytes.length > 256 ? "\n…" : "");
    }
    this.render();
  }

  showNothing() {
    byId("editor-host").hidden = true;
    byId("binary-view").hidden = true;
    this.render();
  }

  focusActiveTab() {
    const tab = byId("file-tabs").querySelector('[aria-selected="true"]');
    if (tab) {
      tab.focus();
    }
  }

  onTabKey(event) {
    const paths = this.workspace.paths();
    const index = paths.indexOf(this.active);
    let next = null;
    if (event.key === "ArrowRight") {
      next = paths[(index + 1) % paths.length];
    } else if (event.key === "ArrowLeft") {
      next = paths[(index - 1 + paths.length) % paths.length];
    } else if (event.key === "Home") {
      next = paths[0];
    } else if (event.key === "End") {
      next = paths[paths.length - 1];
    } else if (event.key === "F2") {
      event.preventDefault();
      this.renameFile(this.active);
      return;
    } else if (event.key === "Delete") {
      event.preventDefault();
      this.deleteFile(this.active);
      return;
    } else if (event.key === "Enter" && this.workspace.isText(this.active)) {
      event.preventDefault();
      this.editor.focus();
      return;
    }
    if (next !== null && next !== undefined) {
      event.preventDefault();
      this.open(next);
      this.focusActiveTab();
    }
  }

  async addFile() {
    const path = await askForName({
      title: "New file",
      value: this.suggestName(),
      okText: "Create",
      validate: (value) => {
        const normal = normalizePath(value);
        checkNewPath(normal, this.workspace.paths());
        return normal;
      },
    });
    if (path === null) {
      return;
    }
    this.workspace.add(path, { text: "" });
    this.hooks.onChange();
    this.open(path);
    this.editor.focus();
  }

  suggestName() {
    for (let i = 1; ; i++) {
      const name = i === 1 ? "module.py" : `module${i}.py`;
      if (!this.workspace.has(name)) {
        return name;
      }
    }
  }

  async renameFile(path) {
    if (!path) {
      return;
    }
    const renamed = await askForName({
      title: `Rename ${path}`,
      value: path,
      okText: "Rename",
      validate: (value) => {
        const normal = normalizePath(value);
        if (normal !== path) {
          checkNewPath(normal, this.workspace.paths().filter((other) => other !== path));
        }
        return normal;
      },
    });
    if (renamed === null || renamed === path) {
      return;
    }
    this.workspace.rename(path, renamed);
    if (this.marks.has(path)) {
      this.marks.set(renamed, this.marks.get(path));
      this.marks.delete(path);
    }
    if (this.workspace.isText(renamed)) {
      this.editor.rename(path, renamed, this.workspace.text(renamed));
    }
    this.hooks.onChange();
    this.open(renamed);
    this.focusActiveTab();
  }

  async deleteFile(path) {
    if (!path) {
      return;
    }
    const isMain = path === this.workspace.main;
    const ok = await confirmAction(
      `Delete ${path}?${isMain ? " It is the file that runs." : ""} This cannot be undone (Download .zip keeps a copy).`,
      "Delete");
    if (!ok) {
      return;
    }
    const paths = this.workspace.paths();
    const index = paths.indexOf(path);
    this.workspace.remove(path);
    this.editor.forget(path);
    this.marks.delete(path);
    this.hooks.onChange();
    const remaining = this.workspace.paths();
    if (remaining.length === 0) {
      this.active = null;
      this.showNothing();
    } else {
      this.open(remaining[Math.min(index, remaining.length - 1)]);
    }
  }

  async upload(input) {
    const files = [...input.files];
    input.value = "";
    const problems = [];
    let last = null;
    for (const file of files) {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const content = Workspace.contentOf(bytes);
        const path = normalizePath(file.name);
        if (this.workspace.has(path)) {
          const ok = await confirmAction(`Replace ${path} with the uploaded file?`, "Replace");
          if (!ok) {
            continue;
          }
          this.workspace.put(path, content);
          this.editor.forget(path);
        } else {
          this.workspace.add(path, content);
        }
        last = path;
      } catch (error) {
        problems.push(`${file.name}: ${error.message}`);
      }
    }
    if (last) {
      this.hooks.onChange();
      this.active = null;
      this.open(last);
    }
    if (problems.length > 0) {
      this.hooks.onError(`Some files were not added:\n${problems.join("\n")}`);
    }
  }

  downloadZip() {
    downloadBytes("wasiplay-workspace.zip", writeZip(this.workspace.entries()), "application/zip");
  }

  /**
   * Puts what a run created or changed into the workspace and marks the tabs. Changed text files are
   * replaced as an undoable edit; deleted files stay in the workspace.
   * @param {{path: string, change: string, bytes: Uint8Array | null}[]} changes
   */
  applyRunChanges(changes) {
    this.marks.clear();
    for (const { path, change, bytes } of changes) {
      if (change === "deleted") {
        continue;
      }
      try {
        const content = Workspace.contentOf(bytes);
        const wasText = this.workspace.isText(path);
        this.workspace.put(path, content);
        if (wasText && typeof content.text === "string") {
          this.editor.replace(path, content.text);
        } else {
          this.editor.forget(path);
        }
        this.marks.set(path, change === "created" ? "new" : "changed");
      } catch (error) {
        this.hooks.onError(`The run wrote ${path}, which cannot be shown here: ${error.message}`);
      }
    }
    if (changes.some((change) => change.change !== "deleted")) {
      this.hooks.onChange();
    }
    if (this.active && this.workspace.has(this.active)) {
      const path = this.active;
      this.active = null;
      this.open(path);
    } else {
      this.render();
    }
  }

  clearMarks() {
    if (this.marks.size > 0) {
      this.marks.clear();
      this.render();
    }
  }
}
