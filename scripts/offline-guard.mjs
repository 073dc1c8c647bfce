// Preloaded into the Framework process (node --import): the build must never reach the network.
// Any fetch to another host means a module or file was not vendored; fail at once and say which.
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return realFetch(input, init);
  const npm = /^\/npm\/((?:@[^/]+\/)?[^/@]+)/.exec(url.pathname)?.[1] ?? /^\/((?:@[^/]+\/)?[^/@]+)/.exec(url.pathname)?.[1];
  const what = url.hostname.includes("jsdelivr") || url.hostname.includes("npmjs")
    ? `the npm module "${npm}" is not vendored for offline builds.\n` +
      `  Add it to package.json dependencies (npm install --save-exact ${npm}) and to VENDORED in\n` +
      `  scripts/vendor-npm.ts, then rebuild.`
    : `the build tried to download ${url.href}.\n` +
      `  Nothing may be fetched from another host; vendor the file or drop the reference (a DuckDB\n` +
      `  extension? keep duckdb.extensions empty in observablehq.config.ts).`;
  process.stderr.write(`\nerror: offline build: ${what}\n`);
  process.exit(3);
};
