// Builds the WasiPlay page: bundles src/js/main.js (with CodeMirror from node_modules) and src/app.css
// with esbuild into content-hashed files under <out>/assets/, writes <out>/index.html pointing at them, and
// copies the service worker (which must keep a fixed URL) to <out>/stdin-sw.js.
//
//   node build.mjs --src <static/src> --out <target/classes/public> [--node-modules <dir>] [--minify|--no-minify]
import { build } from "esbuild";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

function options(argv) {
  const result = { minify: true };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name === "--no-minify" || name === "--minify") {
      result.minify = name === "--minify";
    } else if (["--src", "--out", "--node-modules"].includes(name) && i + 1 < argv.length) {
      result[name.slice(2)] = path.resolve(argv[++i]);
    } else {
      throw new Error(`unknown or incomplete option ${name}`);
    }
  }
  if (!result.src || !result.out) {
    throw new Error("usage: node build.mjs --src DIR --out DIR [--node-modules DIR] [--no-minify]");
  }
  return result;
}

async function main() {
  const opts = options(process.argv.slice(2));
  const assets = path.join(opts.out, "assets");
  await rm(assets, { recursive: true, force: true });
  await mkdir(assets, { recursive: true });

  const result = await build({
    entryPoints: { app: path.join(opts.src, "js", "main.js"), style: path.join(opts.src, "app.css") },
    bundle: true,
    format: "esm",
    target: ["chrome110", "firefox115", "safari16"],
    minify: opts.minify,
    sourcemap: "linked",
    outdir: assets,
    entryNames: "[name]-[hash]",
    nodePaths: opts["node-modules"] ? [opts["node-modules"]] : [],
    metafile: true,
    legalComments: "linked",
    logLevel: "warning",
  });

  const outputs = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (output.entryPoint && !file.endsWith(".map")) {
      const entry = path.basename(output.entryPoint);
      outputs[entry === "app.css" ? "css" : "js"] = "/assets/" + path.basename(file);
    }
  }
  if (!outputs.js || !outputs.css) {
    throw new Error("esbuild produced no script or no stylesheet: " + JSON.stringify(outputs));
  }

  const template = await readFile(path.join(opts.src, "index.html"), "utf8");
  const placeholders = { "/assets/app.js": outputs.js, "/assets/app.css": outputs.css };
  let html = template;
  for (const [placeholder, real] of Object.entries(placeholders)) {
    if (!html.includes(`"${placeholder}"`)) {
      throw new Error(`index.html does not reference ${placeholder}`);
    }
    html = html.replaceAll(`"${placeholder}"`, `"${real}"`);
  }
  await writeFile(path.join(opts.out, "index.html"), html);
  // Copied as they are: the stdin service worker, and the compact embed page (/embed/{id}) with its files.
  for (const file of ["stdin-sw.js", "embed.html", "embed.js", "embed.css"]) {
    await copyFile(path.join(opts.src, file), path.join(opts.out, file));
  }
  console.log(`wasiplay page: ${outputs.js}, ${outputs.css}`);
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
