/**
 * `npm run build` / `npm run dev`: compute once, then let Framework render.
 *  1. load and validate the config; ingest and compute every metric (one DuckDB database) and
 *  2. write the site's data files (.cs-build/site-data), or reuse them from the content-hash cache
 *     when inputs, config and metric code are unchanged (site-data.ts, build-cache.ts);
 *  3. put the metric files in src/data/metrics/ (metric-files.ts), reset Framework's cache and
 *     vendor npm modules into it;
 *  4. build into .cs-build/dist-next, pin the file times Framework writes into pages (see
 *     reproducible.ts), post-process it (postbuild/: no inline scripts or styles, host headers) and
 *     swap it into dist/ only on success (never a half-built dist/).
 * A fatal input or config error prints one message and exits 1 before Framework starts.
 */
import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {mkdir, rename, rm} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {loadConfig, PROJECT_ROOT} from "../loaders/config.js";
import {syncCustomPages} from "../loaders/custom/pages.js";
import {BUILD_DIR, SITE_DATA_DIR} from "../loaders/site/paths.js";
import {publishSiteFiles} from "./metric-files.js";
import {acquireBuildLock} from "./build-lock.js";
import {checkOutDir, reportError} from "./cli-errors.js";
import {watchCustom} from "./dev-custom.js";
import {watchInputs} from "./dev-watch.js";
import {CspError} from "./postbuild/csp.js";
import {publishDigests} from "./postbuild/digests.js";
import {passphraseFor, postBuild} from "./postbuild/index.js";
import {pinLastModified, pinnedTime} from "./reproducible.js";
import {siteData} from "./site-data.js";
import {vendorNpm} from "./vendor-npm.js";

const {values} = parseArgs({
  options: {
    dev: {type: "boolean", default: false},
    // Where the site goes (default dist/); the determinism test builds a second copy elsewhere.
    out: {type: "string", default: "dist"},
    // issue 16: compute the metrics even when the cache holds them (and store nothing)
    "no-cache": {type: "boolean", default: false}
  }
});
const framework = join(PROJECT_ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");

function framework_(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "./scripts/offline-guard.mjs", framework, ...args], {
      cwd: PROJECT_ROOT,
      stdio: "inherit",
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env}
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  await acquireBuildLock(BUILD_DIR);
  const started = performance.now();
  const config = await loadConfig();
  const passphrase = passphraseFor(config.protect);
  // A bad --out fails now, not after the whole computation.
  checkOutDir(resolve(PROJECT_ROOT, values.out!), {create: false});
  const manifest = await siteData(config, {noCache: values["no-cache"]});

  // The metric files pages read, and the Accounts page's history shards with their list.
  await publishSiteFiles();

  // The analysts' pages (custom/pages) join the site under src/custom/.
  await syncCustomPages(config.customDir, config.locale);

  await rm(join(PROJECT_ROOT, "src", ".observablehq", "cache"), {recursive: true, force: true});
  await vendorNpm();
  if (values.dev) {
    watchCustom(config);
    watchInputs(config);
    return framework_(["preview"], {});
  }

  const next = join(BUILD_DIR, "dist-next");
  await rm(next, {recursive: true, force: true});
  const code = await framework_(["build"], {CS_OUTPUT: next});
  if (code !== 0 || !existsSync(join(next, "index.html"))) {
    console.error(`error: the site build failed (exit ${code}); dist/ was left as it was`);
    return code || 1;
  }
  // issue 17: the monthly digests at reports/YYYY-MM.digest.{txt,md} (none in a protected build)
  await publishDigests(join(SITE_DATA_DIR, "metrics"), next, {protect: passphrase !== null});
  await pinLastModified(next, pinnedTime(manifest.asOf));
  await postBuild(next, {passphrase});
  const dist = resolve(PROJECT_ROOT, values.out!);
  await rm(dist, {recursive: true, force: true});
  await mkdir(dirname(dist), {recursive: true});
  await rename(next, dist);
  console.log(`built ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    // Input, config, file-system, memory and CSP problems are the user's to fix: one clear message, no stack trace.
    if (error instanceof CspError) console.error(`error: ${error.message}`);
    else reportError(error);
    process.exit(1);
  }
);
