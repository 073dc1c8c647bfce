// Observable Framework configuration. The report's own settings live in report.config.ts; the build
// (scripts/build.ts) computes the metrics first and writes the manifest read here.
import {existsSync, readFileSync} from "node:fs";
import {MANIFEST_PATH} from "./loaders/site/paths.js";
import type {Manifest} from "./loaders/site/export.js";

function manifest(): Manifest {
  if (!existsSync(MANIFEST_PATH)) {
    throw new Error("the metrics have not been computed: run `npm run build` or `npm run dev`, not `observable` directly");
  }
  return JSON.parse(readFileSync(MANIFEST_PATH, "utf8"));
}

const m = manifest();
const ja = m.locale === "ja-JP";

export default {
  root: "src",
  output: process.env.CS_OUTPUT ?? "dist",
  title: m.title ?? (ja ? "カスタマーサクセス月次レポート" : "Customer Success Report"),
  pages: [
    {name: ja ? "探索（SQL）" : "Explore (SQL)", path: "/explore"}
  ],
  // Every month with data gets its own report page; the home page is the latest one.
  dynamicPaths: m.months.map((month) => `/reports/${month}`),
  // No web fonts, no DuckDB extensions: the site loads nothing from another host.
  globalStylesheets: [],
  duckdb: {extensions: {json: null, parquet: null}},
  search: false,
  // The footer states the data's as-of month, not the build time: same inputs, same bytes.
  footer: ja ? `データ基準月: ${m.asOf}` : `Data as of ${m.asOf}`
};
