// The run's text fields: arguments typed like a shell command line, environment as NAME=value lines, and
// workspace file paths. Each parser throws an Error whose message the page shows as is. Pure, no DOM.

/**
 * Splits a command line the way a POSIX shell would, without expansions: whitespace separates arguments,
 * 'single quotes' keep everything, "double quotes" keep everything but \" and \\, a backslash outside quotes
 * escapes the next character.
 */
export function parseArgs(line) {
  const args = [];
  let current = "";
  let inArgument = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) {
        throw new Error(`Arguments: the ' at position ${i + 1} is never closed`);
      }
      current += line.slice(i + 1, end);
      inArgument = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === "\\" && (line[j + 1] === '"' || line[j + 1] === "\\")) {
          j++;
        }
        current += line[j];
      }
      if (j >= line.length) {
        throw new Error(`Arguments: the " at position ${i + 1} is never closed`);
      }
      inArgument = true;
      i = j;
    } else if (c === "\\" && i + 1 < line.length) {
      current += line[++i];
      inArgument = true;
    } else if (/\s/.test(c)) {
      if (inArgument) {
        args.push(current);
        current = "";
        inArgument = false;
      }
    } else {
      current += c;
      inArgument = true;
    }
  }
  if (inArgument) {
    args.push(current);
  }
  return args;
}

/** The command line that parseArgs turns back into these arguments. */
export function formatArgs(args) {
  return args.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`)).join(" ");
}

/** NAME=value lines (blank lines and lines starting with # ignored) as an object. */
export function parseEnv(text) {
  const env = {};
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "" || line.trimStart().startsWith("#")) {
      return;
    }
    const equals = line.indexOf("=");
    const name = equals < 0 ? line : line.slice(0, equals);
    if (equals <= 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new Error(`Environment, line ${index + 1}: write NAME=value (a name of letters, digits and _), not ${JSON.stringify(line)}`);
    }
    env[name] = line.slice(equals + 1);
  });
  return env;
}

export function formatEnv(env) {
  return Object.entries(env || {}).map(([name, value]) => `${name}=${value}`).join("\n");
}

/**
 * A workspace path in its normal form ("dir/file.txt"): relative to "/", one leading "/" allowed, no empty,
 * "." or ".." segments, no NUL, no backslash.
 */
export function normalizePath(path) {
  const trimmed = typeof path === "string" ? path.trim() : "";
  const relative = trimmed.startsWith("/") ? trimmed.slice(1) : trimmed;
  if (relative === "") {
    throw new Error("a file needs a name");
  }
  if (relative.includes("\0") || relative.includes("\\")) {
    throw new Error(`${JSON.stringify(path)}: a file name may not contain NUL or a backslash`);
  }
  for (const segment of relative.split("/")) {
    if (segment === "" || segment === "." || segment === "..") {
      throw new Error(`${JSON.stringify(path)}: use names separated by single "/", without "." or ".."`);
    }
  }
  return relative;
}

/** Throws when adding `path` to `existing` would make a file also a directory, or name a file twice. */
export function checkNewPath(path, existing) {
  for (const other of existing) {
    if (other === path) {
      throw new Error(`there is already a file named ${path}`);
    }
    if (other.startsWith(path + "/")) {
      throw new Error(`${path} is a directory holding ${other}`);
    }
    if (path.startsWith(other + "/")) {
      throw new Error(`${other} is a file, so it cannot hold ${path}`);
    }
  }
}
