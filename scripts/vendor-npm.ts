/**
 * Fills Observable Framework's npm cache (src/.observablehq/cache/_npm) from node_modules, so a
 * build never contacts a CDN. Framework looks for `_npm/NAME@VERSION/_esm.js` before fetching; we
 * write there an esbuild bundle of the installed package (version from package-lock), with imports
 * of other vendored packages pointing at their sibling cache entries so shared code is not duplicated.
 */
import {build, type Plugin} from "esbuild";
import {copyFile, mkdir, readFile, writeFile} from "node:fs/promises";
import {dirname, join, posix, relative, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {htlCsp} from "./vendor/htl-csp.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cache = join(root, "src", ".observablehq", "cache", "_npm");

/** Every `npm:` module the site may load: Framework's implicit imports plus what our pages import. */
export const VENDORED: {name: string; files?: string[]; entry?: string}[] = [
  {name: "d3"},
  {name: "d3-dsv"}, // FileAttachment.csv()
  {name: "htl"},
  {name: "isoformat"},
  {name: "@observablehq/plot"},
  {name: "@observablehq/inputs"},
  {name: "apache-arrow"}, // FileAttachment.arrow()
  {name: "arquero"},
  {
    name: "@duckdb/duckdb-wasm", // the `sql` block (Explore page only)
    // Framework resolves both engine variants whenever a page uses DuckDB, so both are vendored; the
    // site ships only "eh" (observablehq.config.ts; postbuild/duckdb-variant.ts drops "mvp" from dist/).
    files: [
      "dist/duckdb-mvp.wasm",
      "dist/duckdb-eh.wasm",
      "dist/duckdb-browser-mvp.worker.js",
      "dist/duckdb-browser-eh.worker.js"
    ],
    // duckdb-wasm's createWorker fetches the worker script and starts it from a blob: URL (so that
    // a CDN-hosted worker works cross-origin), which `worker-src 'self'` forbids. Ours is served by
    // the site itself, so the worker starts from its own URL and the Explore page needs no blob:.
    // (A local export takes precedence over the same name from `export *`.)
    entry: `export * from "@duckdb/duckdb-wasm";\nexport async function createWorker(url) { return new Worker(url); }\n`
  }
];

/**
 * Modules Framework's client bundle names but this site never loads: it resolves `npm:react-dom`
 * (JSX cells) and the sample-dataset URLs at build time, which needs only a version in the cache.
 * Stubs that fail loudly keep the build offline without shipping them; vendor the real package if a
 * page ever needs one.
 */
const NOT_VENDORED = "0.0.0-not-vendored";
const STUBS: {name: string; file?: string; source?: string}[] = [
  {
    name: "react-dom",
    file: "client._esm.js",
    source: `export function createRoot() { throw new Error("JSX needs react-dom, which is not vendored: see scripts/vendor-npm.ts"); }\n`
  },
  // Named by Framework's client (sample datasets, recommended libraries); never loaded by our pages.
  ...["@observablehq/sample-datasets", "parquet-wasm", "lodash", "echarts", "leaflet", "mapbox-gl", "react", "topojson-client"].map(
    (name) => ({name})
  )
];

async function packageInfo(name: string): Promise<{version: string; dir: string}> {
  // Top-level node_modules: npm ci installs exactly the versions package-lock records.
  const dir = join(root, "node_modules", name);
  const {version} = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
  return {version, dir};
}

/**
 * Points bare imports of other vendored packages at their sibling cache entries, but only when the
 * import resolves to the same top-level install (duckdb-wasm, for one, nests its own apache-arrow,
 * which must stay bundled).
 */
function siblings(from: string, versions: Map<string, string>, self: string): Plugin {
  const again = Symbol("resolving");
  return {
    name: "vendored-siblings",
    setup(b) {
      b.onResolve({filter: /^[^./]/}, async (args) => {
        const version = versions.get(args.path);
        // (`self`: a wrapper entry importing the package it vendors bundles it.)
        if (!version || args.kind === "entry-point" || args.path === self || args.pluginData === again) return undefined;
        const resolved = await b.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, pluginData: again});
        if (!resolved.path.startsWith(join(root, "node_modules", args.path) + sep)) return undefined;
        const target = `${args.path}@${version}/_esm.js`;
        return {path: posix.relative(posix.dirname(from), target).replace(/^(?!\.)/, "./"), external: true};
      });
    }
  };
}

/** Vendors every module into `cacheDir` (Framework's `_npm` cache of the project, by default). */
export async function vendorNpm({log = console.log, cacheDir = cache}: {log?: (s: string) => void; cacheDir?: string} = {}): Promise<string[]> {
  const infos = new Map<string, {version: string; dir: string}>();
  for (const {name} of VENDORED) infos.set(name, await packageInfo(name));
  const versions = new Map([...infos].map(([name, {version}]) => [name, version]));
  const written: string[] = [];
  for (const {name, files = [], entry: source} of VENDORED) {
    const {version, dir} = infos.get(name)!;
    const entry = `${name}@${version}/_esm.js`;
    const outfile = join(cacheDir, entry);
    await build({
      // Resolve the package as a browser ESM consumer would (the `browser`/`import` conditions).
      ...(source ? {stdin: {contents: source, resolveDir: root, sourcefile: `${name}.entry.js`}} : {entryPoints: [name]}),
      absWorkingDir: root,
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      legalComments: "none",
      outfile,
      logLevel: "error",
      plugins: [siblings(entry, versions, name), htlCsp()]
    });
    written.push(entry);
    for (const file of files) {
      const src = join(dir, file);
      const dest = join(cacheDir, `${name}@${version}`, file);
      await mkdir(dirname(dest), {recursive: true});
      await copyFile(src, dest);
      written.push(relative(cacheDir, dest));
    }
  }
  for (const {name, file, source} of STUBS) {
    const dir = join(cacheDir, `${name}@${NOT_VENDORED}`);
    await mkdir(dir, {recursive: true});
    if (file && source) await writeFile(join(dir, file), source);
    written.push(relative(cacheDir, dir));
  }
  log(`vendored ${VENDORED.length} npm modules into ${relative(root, cacheDir)}`);
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await vendorNpm();
