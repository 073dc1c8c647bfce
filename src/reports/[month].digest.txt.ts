// /reports/YYYY-MM.digest.txt: the month's plain-text digest (loaders/site/datasets/digest.ts).
import {writeDigestFile} from "../../loaders/site/digest-file.js";

await writeDigestFile("txt");
