// Child process of `npm run bench`: one pipeline run over --data, printing its stage timings as JSON.
import {parseArgs} from "node:util";
import {loadConfig} from "../../loaders/config.js";
import {runPipeline} from "../../loaders/pipeline.js";
import {exportSiteData} from "../../loaders/site/export.js";
import {join} from "node:path";

// --no-site: ingest and metrics only (the pipeline's scale test), without writing the site's data.
const {values} = parseArgs({options: {data: {type: "string"}, out: {type: "string"}, "no-site": {type: "boolean", default: false}}});
const config = await loadConfig({...process.env, CS_DATA_DIR: values.data});
const result = await runPipeline(config);
const ingestMs = result.timings.ingest;
const metricsMs = Object.entries(result.timings)
  .filter(([k]) => k.startsWith("metrics:"))
  .reduce((s, [, v]) => s + v, 0);
const t = performance.now();
if (!values["no-site"]) await exportSiteData(result, join(values.out!, "site-data"));
const exportMs = performance.now() - t;
console.log(JSON.stringify({ingestMs, metricsMs, exportMs, timings: result.timings}));
