// Observable Framework configuration. The report's own settings live in report.config.ts; the build
// (scripts/build.ts) computes the metrics first and writes the manifest read here.
import {existsSync, readFileSync} from "node:fs";
import {customSidebar} from "./loaders/custom/pages.js";
import {MANIFEST_PATH} from "./loaders/site/paths.js";
import {quartersOf} from "./loaders/site/qbr/quarters.js";
import type {Manifest} from "./loaders/site/export.js";

function manifest(): Manifest {
  if (!existsSync(MANIFEST_PATH)) {
    throw new Error("the metrics have not been computed: run `npm run build` or `npm run dev`, not `observable` directly");
  }
  return JSON.parse(readFileSync(MANIFEST_PATH, "utf8"));
}

const m = manifest();
const ja = m.locale === "ja-JP";
const [asOfYear, asOfMonth] = m.asOf.split("-").map(Number);
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export default {
  root: "src",
  output: process.env.CS_OUTPUT ?? "dist",
  title: m.title ?? (ja ? "CS月次レポート" : "Customer Success Report"),
  // Sidebar. Page files: src/index.md (latest monthly report), src/reports/[month].md (archive), and
  // one .md per analysis page below.
  pages: [
    {name: ja ? "月次レポート（過去分）" : "Monthly reports (archive)", path: "/reports/"},
    {name: ja ? "継続率・MRR" : "Retention & MRR", path: "/retention"},
    {name: ja ? "解約率（チャーン）" : "Churn", path: "/churn"},
    {name: "NPS", path: "/nps"},
    {name: ja ? "ヘルススコア" : "Health", path: "/health"},
    {name: ja ? "オンボーディング・活用・サポート" : "Onboarding, adoption & support", path: "/adoption"},
    {name: ja ? "CSM別ポートフォリオ" : "CSM portfolio", path: "/csm"},
    {name: ja ? "顧客" : "Accounts", path: "/accounts"},
    {name: ja ? "探索（SQL）" : "Explore (SQL)", path: "/explore"},
    {name: ja ? "データ品質" : "Data quality", path: "/data-quality"},
    {name: ja ? "指標の定義" : "Definitions", path: "/definitions"},
    // issue 19
    {name: ja ? "KPIツリー" : "KPI tree", path: "/kpi-tree"},
    {name: ja ? "サービス起点リード（SQL）" : "Service Qualified Leads", path: "/leads"},
    // The analysts' pages (custom/pages, copied into src/custom by the build).
    ...customSidebar(ja)
  ],
  // Every month with data gets its own report page; the home page is the latest one.
  dynamicPaths: [
    ...m.months.map((month) => `/reports/${month}`),
    // issue 17: every calendar quarter with data has its quarterly business review (src/reports/q/).
    ...quartersOf(m.months).map((q) => `/reports/q/${q.quarter}`),
    // issue 17: the list of PDFs `npm run pdf` made (empty here; src/reports/pdfs.json.ts).
    "/reports/pdfs.json"
  ],
  // No web fonts, no DuckDB extensions: the site loads nothing from another host.
  globalStylesheets: [],
  // Framework's default theme plus our print rules and palette (src/style.css).
  style: "style.css",
  // One engine variant ships, "eh" (WebAssembly exception handling, in every browser the site
  // supports: Chrome/Edge 95+, Firefox 113+, Safari 16.4+, see README): scripts/postbuild/duckdb-variant.ts
  // drops the 41 MB "mvp" engine from dist/. Both stay declared here because Framework 1.13's client
  // reads the mvp bundle's entry unguarded (stdlib/duckdb.js registerExtensions): `platforms: {mvp:
  // false}` breaks every query. DuckDB-wasm picks eh wherever it runs, so mvp is never requested.
  duckdb: {extensions: {json: null, parquet: null}},
  search: false,
  // The report's language on <html lang> before first paint, on every page (CJK font selection,
  // screen readers, the localized pager labels in src/style.css).
  head: `<script>document.documentElement.lang = ${JSON.stringify(ja ? "ja" : "en")};</script>` +
    // The site's icon, shipped in dist/ (no favicon.ico request, so no 404 on any page).
    `<link rel="icon" href="/favicon.svg" type="image/svg+xml">`,
  // The footer states the data's as-of month, not the build time: same inputs, same bytes.
  footer: ja ? `データ基準月: ${asOfYear}年${asOfMonth}月` : `Data as of ${MONTHS_EN[asOfMonth - 1]} ${asOfYear}`
};
