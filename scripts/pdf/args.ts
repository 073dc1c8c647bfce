/** `npm run pdf` arguments: which reports (the latest month, one month, or all) and which built site. */
import {parseArgs} from "node:util";
import {InputError} from "../../loaders/ingest/errors.js";

export type PdfSelection = {kind: "latest"} | {kind: "month"; month: string} | {kind: "all"};

export interface PdfArgs {
  selection: PdfSelection;
  /** The built site to read and write into (default dist/). */
  dist: string;
}

export const PDF_USAGE = "usage: npm run pdf [-- --month YYYY-MM | --all] [--dist DIR]";

export function parsePdfArgs(argv: string[]): PdfArgs {
  let values;
  try {
    ({values} = parseArgs({
      args: argv,
      options: {month: {type: "string"}, all: {type: "boolean", default: false}, dist: {type: "string", default: "dist"}},
      strict: true,
      allowPositionals: false
    }));
  } catch (e) {
    // node:util's messages name the option ("Unknown option '--mnth'"); the usage line says what is accepted.
    throw new InputError(`${(e as Error).message.split("\n")[0].replace(/\.$/, "")}; ${PDF_USAGE}`);
  }
  if (values.month !== undefined && values.all) throw new InputError(`--month and --all cannot be combined; ${PDF_USAGE}`);
  if (values.month !== undefined) {
    const m = /^(\d{4})-(\d{2})$/.exec(values.month);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new InputError(`--month ${JSON.stringify(values.month)} is not a month: write it as YYYY-MM, e.g. 2026-10`);
    return {selection: {kind: "month", month: values.month}, dist: values.dist!};
  }
  return {selection: values.all ? {kind: "all"} : {kind: "latest"}, dist: values.dist!};
}
