// The code editor, in a shadow root of its host element: CodeMirror 6 with Python highlighting, line numbers, bracket matching and closing, code
// folding, search, completion of names, Tab / Shift-Tab indentation, and Ctrl/Cmd+Enter to run. One
// EditorState per file, so every file keeps its own undo history and selection.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import {
  bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting,
} from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { EditorState, Prec } from "@codemirror/state";
import {
  crosshairCursor, drawSelection, dropCursor, EditorView, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, keymap, lineNumbers, rectangularSelection,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";

// Colours come from the page's custom properties (they inherit into the shadow root), so the editor follows
// the light / dark theme without being rebuilt.
const pageTheme = EditorView.theme({
  "&": {
    flex: "1",
    minWidth: "0",
    maxHeight: "70vh",
    fontSize: "0.92rem",
    backgroundColor: "var(--surface)",
    color: "var(--text)",
  },
  "&.cm-focused": { outline: "3px solid var(--focus)", outlineOffset: "-3px" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-content": { caretColor: "var(--text)" },
  ".cm-gutters": { backgroundColor: "var(--surface-2)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--accent) 6%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "color-mix(in srgb, var(--accent) 12%, transparent)", color: "var(--text)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--text)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground":
    { backgroundColor: "color-mix(in srgb, var(--accent) 28%, transparent)" },
  ".cm-selectionMatch": { backgroundColor: "color-mix(in srgb, var(--accent) 14%, transparent)" },
  "&.cm-focused .cm-matchingBracket": {
    backgroundColor: "color-mix(in srgb, var(--ok) 25%, transparent)",
    outline: "1px solid color-mix(in srgb, var(--ok) 60%, transparent)",
  },
  "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "color-mix(in srgb, var(--danger) 30%, transparent)" },
  ".cm-panels, .cm-tooltip": { backgroundColor: "var(--surface-2)", color: "var(--text)", borderColor: "var(--border)" },
  ".cm-tooltip-autocomplete ul li[aria-selected]": { backgroundColor: "var(--accent)", color: "var(--on-accent)" },
  ".cm-foldPlaceholder": { backgroundColor: "var(--surface-2)", color: "var(--muted)", borderColor: "var(--border)" },
  ".cm-textfield": { backgroundColor: "var(--surface)", color: "var(--text)", border: "1px solid var(--border)" },
  ".cm-button": { backgroundImage: "none", backgroundColor: "var(--surface)", color: "var(--text)", border: "1px solid var(--border)" },
});

const pageHighlighting = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword],
    color: "var(--tok-keyword)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--tok-string)" },
  { tag: tags.number, color: "var(--tok-number)" },
  { tag: [tags.bool, tags.null, tags.atom], color: "var(--tok-bool)" },
  { tag: tags.comment, color: "var(--tok-comment)", fontStyle: "italic" },
  { tag: [tags.function(tags.definition(tags.variableName)), tags.function(tags.variableName)], color: "var(--tok-function)" },
  { tag: [tags.definition(tags.className), tags.className, tags.typeName], color: "var(--tok-class)" },
  { tag: [tags.operator, tags.punctuation], color: "var(--tok-operator)" },
  { tag: tags.propertyName, color: "var(--tok-property)" },
  { tag: [tags.meta, tags.self], color: "var(--tok-class)" },
  { tag: tags.invalid, color: "var(--tok-invalid)" },
]);

/** Styles of the shadow root itself; CodeMirror adds its own there (a page CSP forbids <style> elements). */
function hostSheet() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(":host { display: flex; min-width: 0; } .cm-mount { flex: 1; display: flex; min-width: 0; }");
  return sheet;
}

export class CodeEditor {
  /**
   * @param {HTMLElement} parent
   * @param {{onChange: (path: string, text: string) => void, onRun: () => void, onCompare: () => void}} hooks
   */
  constructor(parent, hooks) {
    this.hooks = hooks;
    this.states = new Map(); // path -> EditorState of a file that is not shown
    this.path = null;
    // In a shadow root, CodeMirror styles itself with constructed style sheets rather than <style> elements,
    // which the page's Content Security Policy (style-src 'self') would block.
    const shadow = parent.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = [hostSheet()];
    const mount = document.createElement("div");
    mount.className = "cm-mount";
    shadow.append(mount);
    this.view = new EditorView({ parent: mount, root: shadow, state: EditorState.create({ doc: "" }) });
  }

  extensions(path) {
    const runKeys = Prec.highest(keymap.of([
      { key: "Mod-Enter", run: () => { this.hooks.onRun(); return true; } },
      { key: "Mod-Shift-Enter", run: () => { this.hooks.onCompare(); return true; } },
    ]));
    const isPython = /\.pyi?$/.test(path);
    return [
      runKeys,
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      foldGutter(),
      drawSelection(),
      dropCursor(),
      EditorState.allowMultipleSelections.of(true),
      indentOnInput(),
      indentUnit.of("    "),
      pageTheme,
      syntaxHighlighting(pageHighlighting),
      bracketMatching(),
      closeBrackets(),
      autocompletion(),
      rectangularSelection(),
      crosshairCursor(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      keymap.of([
        ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap,
        ...completionKeymap, indentWithTab,
      ]),
      isPython ? python() : [],
      EditorView.contentAttributes.of({ id: "code", "aria-label": `Contents of ${path}`, "data-testid": "code" }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && this.path === path) {
          this.hooks.onChange(path, update.state.doc.toString());
        }
      }),
    ];
  }

  /** Shows a file, creating its editor state the first time. */
  open(path, text) {
    if (this.path === path) {
      return;
    }
    if (this.path !== null) {
      this.states.set(this.path, this.view.state);
    }
    let state = this.states.get(path);
    if (!state || state.doc.toString() !== text) {
      state = EditorState.create({ doc: text, extensions: this.extensions(path) });
    }
    this.states.delete(path);
    this.path = path;
    this.view.setState(state);
  }

  /** Replaces a file's text as an undoable edit (e.g. with what a run wrote to it). */
  replace(path, text) {
    if (this.path === path) {
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
    } else if (this.states.has(path)) {
      const state = this.states.get(path);
      this.states.set(path, state.update({ changes: { from: 0, to: state.doc.length, insert: text } }).state);
    }
  }

  /** Forgets a file (deleted), or moves its state to a new name (renamed). */
  forget(path) {
    this.states.delete(path);
    if (this.path === path) {
      this.path = null;
    }
  }

  rename(from, to, text) {
    const state = this.path === from ? this.view.state : this.states.get(from);
    this.states.delete(from);
    if (this.path === from) {
      this.path = null;
    }
    if (state) {
      // The language may change with the name: keep the text, rebuild the extensions.
      this.states.set(to, EditorState.create({ doc: text, selection: state.selection, extensions: this.extensions(to) }));
    }
  }

  /** Drops every file's state (a new workspace was loaded). */
  reset() {
    this.states.clear();
    this.path = null;
    this.view.setState(EditorState.create({ doc: "" }));
  }

  focus() {
    this.view.focus();
  }
}
