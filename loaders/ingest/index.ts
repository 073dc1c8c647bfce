/** Ingest: work in progress (issue #4). The API below is stable; others code against it. */
import type {ReportConfig} from "../config.js";
import type {Db} from "../db.js";

/** A fatal input problem: the message names the file, the column, the expected schema and the columns found. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

export interface IngestReport {
  tables: {
    table: string;
    file: string | null;
    rowsRead: number;
    rowsAccepted: number;
    rowsRejected: number;
    rejectedByReason: Record<string, number>;
  }[];
}

export async function ingest(_db: Db, _config: ReportConfig): Promise<IngestReport> {
  throw new Error("ingest: not implemented yet");
}

export {createStagedTables} from "./staged.js";
