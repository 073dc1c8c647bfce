// Observable Framework configuration. The report's own settings live in report.config.ts.
export default {
  root: "src",
  output: process.env.CS_OUTPUT ?? "dist",
  title: "CS Report",
  globalStylesheets: [],
  duckdb: {extensions: {json: null, parquet: null}},
  search: false,
  footer: ""
};
