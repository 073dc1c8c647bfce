// Framework archive loader: packs the metric files the build computed once (scripts/build.ts) so
// pages read FileAttachment("data/metrics/<table>.arrow").
import {writeArchive} from "../../loaders/site/archive.js";

await writeArchive(process.stdout);
