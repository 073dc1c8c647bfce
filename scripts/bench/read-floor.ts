// Child process of `npm run bench`: the floor every stage is compared with — DuckDB merely reading
// every input file (a count of each table), with no validation or computation.
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {literal, openDb} from "../../loaders/db.js";

const {values} = parseArgs({options: {data: {type: "string"}}});
const dir = values.data!;
const db = await openDb();
const started = performance.now();
const counts: Record<string, number> = {};
for (const file of readdirSync(dir).sort()) {
  const path = literal(join(dir, file));
  const source = file.endsWith(".parquet") ? `read_parquet(${path})` : /\.csv(\.gz)?$/.test(file) ? `read_csv(${path}, all_varchar = true)` : null;
  if (!source) continue;
  const [row] = await db.all<{n: number}>(`SELECT count(*) AS n FROM ${source}`);
  counts[file] = row.n;
}
console.log(JSON.stringify({readMs: performance.now() - started, counts}));
db.close();
