// `npm run docs`: regenerates the metric definitions section of data/README.md.
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {PROJECT_ROOT} from "../loaders/config.js";
import {definitionsMarkdown, replaceDefinitions} from "../loaders/docs/definitions-markdown.js";
import {FAMILIES} from "../loaders/metrics/index.js";
import {QBR_DEFINITIONS} from "../loaders/site/qbr/definitions.js";

const path = join(PROJECT_ROOT, "data", "README.md");
const before = await readFile(path, "utf8");
const after = replaceDefinitions(before, definitionsMarkdown([...FAMILIES, {definitions: QBR_DEFINITIONS}]));
await writeFile(path, after);
console.log(before === after ? "data/README.md definitions are up to date" : "data/README.md definitions updated");
