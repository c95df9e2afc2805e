// ANSI escape sequences in program output: SGR (colours, bold, italic, underline, inverse) becomes styled
// segments; every other CSI, OSC or two-character escape is dropped. Output arrives in chunks, so a sequence
// split across two chunks is held back until it is complete. Pure, no DOM.

const ESC = "\u001b";

function plainStyle() {
  return { fg: null, bg: null, bold: false, dim: false, italic: false, underline: false, inverse: false, strike: false };
}

export class AnsiParser {
  constructor() {
    this.style = plainStyle();
    this.pending = "";
  }

  /**
   * The styled segments of the next chunk of output: [{text, style}], style being a snapshot (fg/bg: null,
   * a palette index 0..255, or "#rrggbb").
   */
  feed(chunk) {
    const text = this.pending + chunk;
    this.pending = "";
    const segments = [];
    let plainStart = 0;
    let i = 0;
    const flushPlain = (end) => {
      if (end > plainStart) {
        segments.push({ text: text.slice(plainStart, end), style: { ...this.style } });
      }
    };
    while (i < text.length) {
      if (text[i] !== ESC) {
        i++;
        continue;
      }
      const end = sequenceEnd(text, i);
      if (end < 0) {
        flushPlain(i);
        this.pending = text.slice(i); // incomplete: wait for the rest
        return merge(segments);
      }
      flushPlain(i);
      if (text[i + 1] === "[" && text[end - 1] === "m") {
        this.applySgr(text.slice(i + 2, end - 1));
      }
      i = end;
      plainStart = end;
    }
    flushPlain(text.length);
    return merge(segments);
  }

  applySgr(parameters) {
    const codes = parameters === "" ? [0] : parameters.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
    const style = this.style;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i];
      if (code === 0) {
        Object.assign(style, plainStyle());
      } else if (code === 1) {
        style.bold = true;
      } else if (code === 2) {
        style.dim = true;
      } else if (code === 3) {
        style.italic = true;
      } else if (code === 4) {
        style.underline = true;
      } else if (code === 7) {
        style.inverse = true;
      } else if (code === 9) {
        style.strike = true;
      } else if (code === 22) {
        style.bold = false;
        style.dim = false;
      } else if (code === 23) {
        style.italic = false;
      } else if (code === 24) {
        style.underline = false;
      } else if (code === 27) {
        style.inverse = false;
      } else if (code === 29) {
        style.strike = false;
      } else if (code >= 30 && code <= 37) {
        style.fg = code - 30;
      } else if (code >= 90 && code <= 97) {
        style.fg = code - 90 + 8;
      } else if (code === 39) {
        style.fg = null;
      } else if (code >= 40 && code <= 47) {
        style.bg = code - 40;
      } else if (code >= 100 && code <= 107) {
        style.bg = code - 100 + 8;
      } else if (code === 49) {
        style.bg = null;
      } else if (code === 38 || code === 48) {
        const key = code === 38 ? "fg" : "bg";
        if (codes[i + 1] === 5 && i + 2 < codes.length) {
          style[key] = clamp(codes[i + 2], 0, 255);
          i += 2;
        } else if (codes[i + 1] === 2 && i + 4 < codes.length) {
          style[key] = "#" + codes.slice(i + 2, i + 5).map((c) => clamp(c, 0, 255).toString(16).padStart(2, "0")).join("");
          i += 4;
        }
      }
    }
  }
}

function clamp(value, low, high) {
  return Number.isFinite(value) ? Math.min(high, Math.max(low, value)) : low;
}

/** The index just past the escape sequence starting at text[start] (an ESC), or -1 if it is incomplete. */
function sequenceEnd(text, start) {
  const kind = text[start + 1];
  if (kind === undefined) {
    return -1;
  }
  if (kind === "[") {
    for (let i = start + 2; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x40 && c <= 0x7e) {
        return i + 1;
      }
      if (c < 0x20 || c > 0x3f) {
        return i; // malformed: drop what came so far
      }
    }
    return -1;
  }
  if (kind === "]") {
    for (let i = start + 2; i < text.length; i++) {
      if (text[i] === "\u0007") {
        return i + 1;
      }
      if (text[i] === ESC && text[i + 1] === "\\") {
        return i + 2;
      }
      if (text[i] === ESC && i + 1 === text.length) {
        return -1;
      }
    }
    return -1;
  }
  // ESC, intermediate bytes (0x20-0x2f, e.g. "(" choosing a character set), then one final byte.
  let i = start + 1;
  while (i < text.length && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) {
    i++;
  }
  return i < text.length ? i + 1 : -1;
}

function merge(segments) {
  const merged = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last && sameStyle(last.style, segment.style)) {
      last.text += segment.text;
    } else {
      merged.push(segment);
    }
  }
  return merged;
}

function sameStyle(a, b) {
  return Object.keys(a).every((key) => a[key] === b[key]);
}

/** The CSS colour of a 256-colour palette index from 16 on (the first 16 come from the theme's CSS). */
export function paletteColor(index) {
  if (index >= 232) {
    const level = 8 + (index - 232) * 10;
    return `rgb(${level}, ${level}, ${level})`;
  }
  const cube = index - 16;
  const levels = [0, 95, 135, 175, 215, 255];
  return `rgb(${levels[Math.floor(cube / 36)]}, ${levels[Math.floor(cube / 6) % 6]}, ${levels[cube % 6]})`;
}

/** Whether the style changes anything about plain text. */
export function isPlain(style) {
  return sameStyle(style, plainStyle());
}
