// A run's output pane: stdout and stderr interleaved as they arrive (stderr marked), ANSI colours rendered,
// the user's input shown where it was typed, and the line where the program waits for input. Output is
// buffered and drawn once per animation frame, and the display stops growing past MAX_SHOWN characters
// (the run's full text is still kept for Compare, up to MAX_KEPT).
import { AnsiParser, isPlain, paletteColor } from "./ansi.js";

const MAX_SHOWN = 2_000_000;
const MAX_KEPT = 8_000_000;

export class OutputConsole {
  /** @param {HTMLPreElement} element */
  constructor(element) {
    this.element = element;
    this.clear();
  }

  clear() {
    this.element.replaceChildren();
    this.parsers = { stdout: new AnsiParser(), stderr: new AnsiParser() };
    this.text = { stdout: "", stderr: "" };
    this.truncated = { stdout: false, stderr: false };
    this.shown = 0;
    this.queue = [];
    this.frame = 0;
    this.hiddenCharacters = 0;
    this.entry = null;
    this.pendingTypeAhead = "";
  }

  /** Program output; drawn on the next animation frame. */
  append(stream, text) {
    if (this.text[stream].length < MAX_KEPT) {
      this.text[stream] += text;
    } else {
      this.truncated[stream] = true;
    }
    this.queue.push({ stream, text });
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => this.flush());
    }
  }

  /** Draws whatever is queued now. */
  flush() {
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    const atBottom = this.element.scrollHeight - this.element.scrollTop - this.element.clientHeight < 24;
    const fragment = document.createDocumentFragment();
    for (const { stream, text } of this.queue) {
      for (const segment of this.parsers[stream].feed(text)) {
        this.draw(fragment, stream, segment);
      }
    }
    this.queue = [];
    this.insert(fragment);
    if (atBottom) {
      this.element.scrollTop = this.element.scrollHeight;
    }
  }

  draw(fragment, stream, { text, style }) {
    if (this.shown >= MAX_SHOWN) {
      this.hiddenCharacters += text.length;
      return;
    }
    const shownText = text.slice(0, MAX_SHOWN - this.shown);
    this.hiddenCharacters += text.length - shownText.length;
    this.shown += shownText.length;
    const last = fragment.lastChild;
    const className = stream === "stdout" ? "out" : "err";
    if (isPlain(style) && last && last.nodeType === 1 && last.className === className && !last.dataset.styled) {
      last.append(shownText);
      return;
    }
    const span = document.createElement("span");
    span.className = className;
    span.dataset.stream = stream;
    if (!isPlain(style)) {
      span.dataset.styled = "true";
      applyStyle(span, style);
    }
    span.textContent = shownText;
    fragment.append(span);
  }

  insert(node) {
    if (this.entry) {
      this.element.insertBefore(node, this.entry.element);
    } else {
      this.element.append(node);
    }
  }

  /** Marks the end of the run: output still held by the ANSI parsers and truncation notes are shown. */
  finish() {
    this.flush();
    if (this.hiddenCharacters > 0) {
      this.note(`… ${this.hiddenCharacters.toLocaleString()} more characters of output are not shown`);
    }
  }

  note(text) {
    const line = document.createElement("span");
    line.className = "note-line";
    line.textContent = text;
    this.insert(line);
  }

  /** The full text of a stream (for Compare). */
  streamText(stream) {
    return this.text[stream];
  }

  /**
   * Shows an input line where the output ends and focuses it. Enter sends the line with its "\n"; Ctrl+D
   * sends what is typed without a newline, or end of input when nothing is; pasting several lines sends the
   * complete ones at once.
   * @param {(text: string | null) => void} submit null = end of input
   */
  askForInput(submit) {
    this.flush();
    this.cancelInput();
    const wrapper = document.createElement("span");
    wrapper.className = "stdin-entry";
    const input = document.createElement("input");
    input.type = "text";
    input.dataset.testid = "stdin-input";
    input.spellcheck = false;
    input.autocomplete = "off";
    input.setAttribute("autocapitalize", "off");
    input.setAttribute("aria-label", "Input for the program: Enter sends the line, Ctrl+D ends the input");
    const eof = document.createElement("button");
    eof.type = "button";
    eof.className = "secondary";
    eof.dataset.testid = "stdin-eof";
    eof.textContent = "End input (Ctrl+D)";
    wrapper.append(input, eof);
    this.element.append(wrapper);
    this.entry = { element: wrapper, input };

    const send = (text) => {
      this.cancelInput();
      const echo = document.createElement("span");
      echo.className = text === null ? "eof" : "in";
      echo.dataset.stream = "stdin";
      echo.textContent = text === null ? "[end of input]\n" : text;
      this.element.append(echo);
      this.element.scrollTop = this.element.scrollHeight;
      submit(text);
    };
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.isComposing) {
        event.preventDefault();
        send(input.value + "\n");
      } else if ((event.key === "d" || event.key === "D") && event.ctrlKey && !event.altKey && !event.metaKey) {
        event.preventDefault();
        send(input.value === "" ? null : input.value);
      }
    });
    input.addEventListener("paste", (event) => {
      const pasted = event.clipboardData ? event.clipboardData.getData("text") : "";
      const lastNewline = pasted.lastIndexOf("\n");
      if (lastNewline < 0) {
        return;
      }
      event.preventDefault();
      const before = input.value.slice(0, input.selectionStart ?? input.value.length);
      const after = input.value.slice(input.selectionEnd ?? input.value.length);
      const complete = before + pasted.slice(0, lastNewline + 1).replace(/\r\n/g, "\n");
      const rest = pasted.slice(lastNewline + 1) + after;
      send(complete);
      if (rest !== "") {
        this.pendingTypeAhead = rest;
      }
    });
    eof.addEventListener("click", () => send(null));
    if (this.pendingTypeAhead) {
      input.value = this.pendingTypeAhead;
      this.pendingTypeAhead = "";
    }
    this.element.scrollTop = this.element.scrollHeight;
    input.focus({ preventScroll: true });
  }

  /** Removes the input line (the run ended or was stopped). */
  cancelInput() {
    if (this.entry) {
      this.entry.element.remove();
      this.entry = null;
    }
  }

  get waitingForInput() {
    return this.entry !== null;
  }
}

function applyStyle(span, style) {
  let fg = style.fg;
  let bg = style.bg;
  if (style.inverse) {
    [fg, bg] = [bg === null ? "inverse-fg" : bg, fg === null ? "inverse-bg" : fg];
  }
  for (const flag of ["bold", "dim", "italic", "underline", "strike"]) {
    if (style[flag]) {
      span.classList.add(`ansi-${flag}`);
    }
  }
  setColor(span, "fg", fg);
  setColor(span, "bg", bg);
}

function setColor(span, kind, color) {
  const property = kind === "fg" ? "color" : "backgroundColor";
  if (color === null) {
    return;
  }
  if (color === "inverse-fg") {
    span.style[property] = "var(--console-bg)";
  } else if (color === "inverse-bg") {
    span.style[property] = "var(--text)";
  } else if (typeof color === "number" && color < 16) {
    span.classList.add(`ansi-${kind}-${color}`);
  } else {
    span.style[property] = typeof color === "number" ? paletteColor(color) : color;
  }
}
