/**
 * Runs a TypeScript CLI script (`node scripts/cli/launch.mjs scripts/metrics.ts ARGS`) from a bundle
 * compiled once by esbuild, instead of transpiling every module through tsx on each run (issue 16:
 * tsx start-up cost about a second of CPU per run). The bundle (node_modules/.cache/cs-report/) is
 * rebuilt when any source file it was built from is newer than it (esbuild's metafile lists them),
 * so an edited loader is never run stale. The config file (report.config.ts, CS_CONFIG) is compiled
 * by esbuild when it is loaded (loaders/config.ts): no TypeScript loader is registered.
 */
import {mkdirSync, readFileSync, renameSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const [entry, ...args] = process.argv.slice(2);
const name = relative(ROOT, resolve(ROOT, entry)).replace(/[\\/]/g, "_").replace(/\.ts$/, "");
const CACHE = join(ROOT, "node_modules", ".cache", "cs-report");
const bundle = join(CACHE, `${name}.mjs`);
const meta = join(CACHE, `${name}.meta.json`);

function fresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = Object.keys(JSON.parse(readFileSync(meta, "utf8")).inputs);
    return inputs.every((f) => statSync(resolve(ROOT, f)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (!fresh()) {
  const {build} = await import("esbuild");
  mkdirSync(CACHE, {recursive: true});
  const tmp = `${bundle}.${process.pid}.tmp`;
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile: tmp,
    metafile: true,
    logLevel: "warning",
    // The bundle lives under node_modules/.cache: import.meta.url must still place PROJECT_ROOT at the project.
    define: {"import.meta.url": JSON.stringify(pathToFileURL(join(ROOT, "loaders", "bundle.js")).href)}
  });
  writeFileSync(`${meta}.${process.pid}.tmp`, JSON.stringify(result.metafile));
  renameSync(tmp, bundle);
  renameSync(`${meta}.${process.pid}.tmp`, meta);
}

process.argv = [process.argv[0], resolve(ROOT, entry), ...args];
await import(pathToFileURL(bundle).href);
