/** The leads table's contract rules (issue 19): each broken rule quarantines the row with its reason. */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ingestFixture, rejected, type Ingested} from "./helpers.js";

describe("leads: contract rules and quarantine (tests/fixtures/ingest/leads)", () => {
  let r: Ingested;
  beforeAll(async () => (r = await ingestFixture("leads")));
  afterAll(() => r.db.close());

  it("quarantines each broken rule with file, line, column, value and reason", async () => {
    const file = "leads.csv";
    expect(await rejected(r.db, "leads")).toEqual([
      {table: "leads", file, line: 4, column: "source", value: "phone", reason: 'invalid_value: source "phone" not one of support, csm, other'},
      {table: "leads", file, line: 5, column: "won_at", value: null, reason: "missing_value: won_at is required when status is won"},
      {table: "leads", file, line: 6, column: "won_at", value: "2024-02-28", reason: "date_order: won_at 2024-02-28 is before created_at 2024-03-01"},
      {table: "leads", file, line: 7, column: "account_id", value: "A9", reason: 'unknown_account: account_id "A9" not in accounts'},
      {table: "leads", file, line: 8, column: "lead_id", value: "L1", reason: 'duplicate_id: lead_id "L1" already on line 2'},
      {table: "leads", file, line: 9, column: "status", value: "maybe", reason: 'invalid_value: status "maybe" not one of open, won, lost'},
      {table: "leads", file, line: 10, column: "won_mrr", value: "-5", reason: "negative: won_mrr -5 < 0"}
    ]);
  });

  it("accepts the rest, with sources and statuses staged lower-case (a same-day win is allowed)", async () => {
    const rows = await r.db.all(`SELECT lead_id, source, status, won_at, won_mrr FROM leads ORDER BY lead_id`);
    expect(rows).toEqual([
      {lead_id: "L1", source: "support", status: "won", won_at: "2024-02-05", won_mrr: 50},
      {lead_id: "L2", source: "csm", status: "lost", won_at: null, won_mrr: null},
      {lead_id: "L9", source: "support", status: "won", won_at: "2024-03-06", won_mrr: 0}
    ]);
    const stats = r.report.tables.find((t) => t.table === "leads")!;
    expect(stats).toMatchObject({rowsRead: 10, rowsAccepted: 3, rowsRejected: 7});
  });

  it("is optional: without a leads file the table is empty", async () => {
    const v = await ingestFixture("valid");
    try {
      expect(await v.db.all(`SELECT count(*)::INTEGER AS n FROM leads`)).toEqual([{n: 0}]);
    } finally {
      v.db.close();
    }
  });
});
