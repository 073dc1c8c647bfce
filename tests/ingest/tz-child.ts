/** Child process of hostile.test.ts: ingests the parquet-tz fixture (machine zone from TZ) and prints the staged end dates. */
import {resolveConfig} from "../../loaders/config.js";
import {openDb} from "../../loaders/db.js";
import {ingest} from "../../loaders/ingest/index.js";

const timeZone = process.argv[2];
const db = await openDb();
await ingest(db, resolveConfig({dataDir: "tests/fixtures/ingest/parquet-tz", ...(timeZone ? {timeZone} : {})}));
console.log(JSON.stringify(await db.all("SELECT subscription_id, CAST(end_date AS VARCHAR) AS end_date FROM subscriptions")));
db.close();
