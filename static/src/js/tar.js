// ustar archives: what the page sends the worker as the input tree (`image`) and what the worker sends back
// after a run (`{type: "fs", image}`). Pure functions over Uint8Array, no DOM.

const BLOCK = 512;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A ustar archive of the given files, parents first: a directory entry for every parent directory, then the
 * file. Paths are relative ("data/in.txt"), without "." or ".." segments.
 * @param {{path: string, bytes: Uint8Array}[]} files
 */
export function writeTar(files) {
  const blocks = [];
  const directories = new Set();
  for (const { path, bytes } of files) {
    const segments = path.split("/");
    for (let i = 1; i < segments.length; i++) {
      const directory = segments.slice(0, i).join("/") + "/";
      if (!directories.has(directory)) {
        directories.add(directory);
        blocks.push(header(directory, 0, "5", 0o755));
      }
    }
    blocks.push(header(path, bytes.length, "0", 0o644));
    blocks.push(bytes);
    const padding = (BLOCK - (bytes.length % BLOCK)) % BLOCK;
    if (padding > 0) {
      blocks.push(new Uint8Array(padding));
    }
  }
  blocks.push(new Uint8Array(2 * BLOCK)); // end of archive
  const total = blocks.reduce((sum, block) => sum + block.length, 0);
  const archive = new Uint8Array(total);
  let offset = 0;
  for (const block of blocks) {
    archive.set(block, offset);
    offset += block.length;
  }
  return archive;
}

function header(path, size, type, mode) {
  const block = new Uint8Array(BLOCK);
  const { name, prefix } = splitName(path);
  putString(block, 0, 100, name);
  putOctal(block, 100, 8, mode);
  putOctal(block, 108, 8, 0); // uid
  putOctal(block, 116, 8, 0); // gid
  putOctal(block, 124, 12, size);
  putOctal(block, 136, 12, 0); // mtime: the epoch, so the same tree always gives the same bytes
  block.fill(0x20, 148, 156); // checksum field counts as spaces while summing
  block[156] = type.charCodeAt(0);
  putString(block, 257, 6, "ustar");
  putString(block, 263, 2, "00");
  putString(block, 345, 155, prefix);
  let sum = 0;
  for (const byte of block) {
    sum += byte;
  }
  putString(block, 148, 8, sum.toString(8).padStart(6, "0") + "\0 ");
  return block;
}

/** ustar keeps names up to 100 bytes, or 255 split at a "/" into a prefix (155) and a name (100). */
function splitName(path) {
  const bytes = encoder.encode(path);
  if (bytes.length <= 100) {
    return { name: path, prefix: "" };
  }
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i] === "/" && i < path.length - 1) {
      const prefix = path.slice(0, i);
      const name = path.slice(i + 1);
      if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100) {
        return { name, prefix };
      }
    }
  }
  throw new Error(`the path ${JSON.stringify(path)} is too long for a tar archive`);
}

function putString(block, offset, length, text) {
  const bytes = encoder.encode(text);
  if (bytes.length > length) {
    throw new Error(`tar field overflow: ${JSON.stringify(text)}`);
  }
  block.set(bytes, offset);
}

function putOctal(block, offset, length, value) {
  putString(block, offset, length, value.toString(8).padStart(length - 1, "0") + "\0");
}

/**
 * The entries of a ustar (or GNU / pax) archive: regular files with their bytes, directories, and anything
 * else by its type. Paths come back without a leading "./" or "/" and without a trailing "/".
 * @param {Uint8Array} archive
 * @returns {{path: string, type: "file"|"directory"|"other", bytes: Uint8Array}[]}
 * @throws Error when the archive is truncated or a header's checksum is wrong
 */
export function readTar(archive) {
  const entries = [];
  let offset = 0;
  let longName = null; // from a GNU 'L' entry or a pax 'x' header, for the next entry
  let paxSize = null;
  while (offset + BLOCK <= archive.length) {
    const block = archive.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) {
      break; // end of archive
    }
    verifyChecksum(block, offset);
    const type = String.fromCharCode(block[156] || 0x30);
    const size = paxSize !== null ? paxSize : readNumber(block, 124, 12);
    const dataStart = offset + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > archive.length) {
      throw new Error(`tar archive truncated: an entry at byte ${offset} needs ${size} bytes of data`);
    }
    const data = archive.subarray(dataStart, dataEnd);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;

    if (type === "L") {
      longName = readString(data, 0, data.length);
      continue;
    }
    if (type === "x") {
      const pax = parsePax(data);
      if (pax.path !== undefined) {
        longName = pax.path;
      }
      paxSize = pax.size !== undefined ? Number(pax.size) : null;
      continue;
    }
    if (type === "g") {
      continue; // global pax header: nothing the page needs
    }
    paxSize = null;
    let path = longName;
    longName = null;
    if (path === null) {
      const name = readString(block, 0, 100);
      const prefix = isUstar(block) ? readString(block, 345, 155) : "";
      path = prefix ? `${prefix}/${name}` : name;
    }
    path = path.replace(/^(\.\/|\/)+/, "").replace(/\/+$/, "");
    if (path === "" || path === ".") {
      continue; // the root directory itself
    }
    if (type === "0" || type === "\0" || type === "7") {
      entries.push({ path, type: "file", bytes: data.slice() });
    } else if (type === "5") {
      entries.push({ path, type: "directory", bytes: new Uint8Array(0) });
    } else {
      entries.push({ path, type: "other", bytes: new Uint8Array(0) });
    }
  }
  return entries;
}

function isUstar(block) {
  return readString(block, 257, 5) === "ustar";
}

function verifyChecksum(block, offset) {
  const stored = readNumber(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) {
    sum += i >= 148 && i < 156 ? 0x20 : block[i];
  }
  if (stored !== sum) {
    throw new Error(`not a tar archive, or a damaged one: bad header checksum at byte ${offset}`);
  }
}

function readString(bytes, offset, length) {
  let end = offset;
  while (end < offset + length && bytes[end] !== 0) {
    end++;
  }
  return decoder.decode(bytes.subarray(offset, end));
}

/** An octal field, or a base-256 one (high bit set: GNU's encoding of large sizes). */
function readNumber(block, offset, length) {
  if (block[offset] & 0x80) {
    let value = block[offset] & 0x7f;
    for (let i = 1; i < length; i++) {
      value = value * 256 + block[offset + i];
    }
    return value;
  }
  const text = readString(block, offset, length).trim();
  if (text === "") {
    return 0;
  }
  if (!/^[0-7]+$/.test(text)) {
    throw new Error(`not a tar archive: bad number field ${JSON.stringify(text)}`);
  }
  return parseInt(text, 8);
}

/** pax records: "<length> <key>=<value>\n", length counting the whole record in bytes. */
function parsePax(data) {
  const records = {};
  let offset = 0;
  while (offset < data.length) {
    let space = offset;
    while (space < data.length && data[space] !== 0x20) {
      space++;
    }
    const length = parseInt(decoder.decode(data.subarray(offset, space)), 10);
    if (!(length > 0) || offset + length > data.length) {
      break;
    }
    const record = decoder.decode(data.subarray(space + 1, offset + length - 1));
    const equals = record.indexOf("=");
    if (equals > 0) {
      records[record.slice(0, equals)] = record.slice(equals + 1);
    }
    offset += length;
  }
  return records;
}
