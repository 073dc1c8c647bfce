// /reports/YYYY-MM.digest.md: the month's Markdown digest (loaders/site/datasets/digest.ts).
import {writeDigestFile} from "../../loaders/site/digest-file.js";

await writeDigestFile("md");
