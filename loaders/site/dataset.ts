/** A file family the site reads, shaped from the computed metrics (pages only filter and draw). */
import type {Db} from "../db.js";
import type {MetricContext} from "../metrics/family.js";

export interface SiteDataset {
  name: string;
  /** Writes this dataset's files into `dir` (packed as data/metrics/<file> for pages). */
  write(db: Db, ctx: MetricContext, dir: string): Promise<void>;
}
