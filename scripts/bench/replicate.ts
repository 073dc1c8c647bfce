/**
 * `tsx scripts/bench/replicate.ts --data DIR --times K --out DIR`: a K-times larger book for the
 * pipeline's scale test, made in seconds by DuckDB from a generated one: copy k (0 … K-1) of every
 * row, with every id (account, subscription, response, ticket, lead) and account name suffixed "~k"
 * for k > 0, so the copies are distinct accounts with the same shape. The generator (npm run sample)
 * produces any size too, streaming, but simulates ~10k accounts a minute; this is for when a
 * million-account book is needed now. CSV in, CSV out (UTF-8, header row).
 */
import {mkdirSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {ident, literal, openDb} from "../../loaders/db.js";

const {values} = parseArgs({options: {data: {type: "string"}, times: {type: "string"}, out: {type: "string"}}});
const times = Number(values.times);
if (!values.data || !values.out || !Number.isInteger(times) || times < 1) {
  console.error("usage: tsx scripts/bench/replicate.ts --data DIR --times K --out DIR");
  process.exit(2);
}
/** Columns made distinct per copy. */
const SUFFIXED = /^(account_id|account_name|subscription_id|response_id|ticket_id|lead_id)$/;

mkdirSync(values.out, {recursive: true});
const db = await openDb(":memory:", {memoryLimit: "2GB"});
await db.run("SET preserve_insertion_order = false");
for (const file of readdirSync(values.data).filter((f) => f.endsWith(".csv")).sort()) {
  const source = `read_csv(${literal(join(values.data, file))}, all_varchar = true, header = true)`;
  const columns = (await db.columns(`SELECT * FROM ${source}`)).map((c) => c.name);
  const select = columns
    .map((c) => (SUFFIXED.test(c) ? `CASE WHEN k = 0 OR ${ident(c)} IS NULL THEN ${ident(c)} ELSE ${ident(c)} || '~' || k END AS ${ident(c)}` : ident(c)))
    .join(", ");
  await db.run(`COPY (SELECT ${select} FROM range(${times}) r(k), ${source}) TO ${literal(join(values.out, file))} (HEADER, DELIMITER ',')`);
  console.error(`${file}: ×${times}`);
}
db.close();
