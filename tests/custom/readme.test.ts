// README.md's "Add your own metric" example works as written: the SQL builds and gives the hand-computed
// rows, the quoted error is the one the build gives, and the page has both titles.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {DEFAULT_CONFIG} from "../../loaders/config.js";
import {buildCustomMetrics} from "../../loaders/custom/metrics.js";
import {localizePage} from "../../loaders/custom/pages.js";
import {openDb} from "../../loaders/db.js";
import {readmeExample} from "./readme-example.js";

async function build(sql: string) {
  const dir = mkdtempSync(join(tmpdir(), "cs-readme-"));
  mkdirSync(join(dir, "metrics"));
  writeFileSync(join(dir, "metrics", "enterprise_mrr.sql"), sql);
  const db = await openDb();
  await db.run(`CREATE TABLE account_months AS SELECT * FROM (VALUES
    ('2024-01', 'A', 100.50::DECIMAL(18,2), 'Enterprise'), ('2024-01', 'B', 200.25, 'Enterprise'), ('2024-01', 'C', 999, 'SMB'),
    ('2024-02', 'A', 150, 'Enterprise')) t(month, account_id, mrr, segment)`);
  try {
    const built = await buildCustomMetrics(db, {asOf: "2024-02", firstMonth: "2024-01", dimensions: ["segment"], config: {...DEFAULT_CONFIG, customDir: dir}});
    return {built, rows: await db.all(`SELECT * FROM enterprise_mrr`)};
  } finally {
    db.close();
    rmSync(dir, {recursive: true, force: true});
  }
}

describe("README: Add your own metric", () => {
  const example = readmeExample();

  it("the SQL builds the table it describes", async () => {
    const {built, rows} = await build(example.sql);
    expect(built[0].definition.name).toEqual({en: "Enterprise MRR", ja: "エンタープライズのMRR"});
    expect(rows).toEqual([{month: "2024-01", mrr: 300.75}, {month: "2024-02", mrr: 150}]);
  });

  it("the quoted error is the one `GROUP month` gives", async () => {
    const broken = example.sql.replace("GROUP BY month", "GROUP month");
    expect(broken).not.toBe(example.sql);
    const error = await build(broken).then(() => "", (e: Error) => e.message);
    expect(`error: ${error}`.replace(/^error: .*\/metrics\//, "error: custom/metrics/")).toBe(example.error);
  });

  it("the page has both titles", () => {
    expect(localizePage("p.md", example.page, "ja-JP").title).toEqual({en: "Enterprise MRR", ja: "エンタープライズのMRR"});
  });
});
