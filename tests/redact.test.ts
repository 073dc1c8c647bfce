import {describe, expect, it} from "vitest";
import {pseudonym, redactAccounts} from "../loaders/redact.js";
import {stagedDb} from "./helpers/staged.js";

describe("redact", () => {
  it("gives each account a stable pseudonym that depends only on its id", () => {
    expect(pseudonym("A-1", "en-US")).toBe(pseudonym("A-1", "en-US"));
    expect(pseudonym("A-1", "en-US")).toMatch(/^Account [0-9A-F]{6}$/);
    expect(pseudonym("A-1", "ja-JP")).toMatch(/^顧客 [0-9A-F]{6}$/);
    expect(pseudonym("A-1", "en-US")).not.toBe(pseudonym("A-2", "en-US"));
  });

  it("replaces every account name, including hostile and empty ones", async () => {
    const db = await stagedDb({
      accounts: [
        {account_id: "A-1", account_name: "株式会社さくらメディア"},
        {account_id: "A-2", account_name: "<img src=x onerror=alert(1)>"},
        {account_id: "A-3"}
      ]
    });
    await redactAccounts(db, "en-US");
    expect(await db.all(`SELECT account_id, account_name FROM accounts ORDER BY account_id`)).toEqual([
      {account_id: "A-1", account_name: pseudonym("A-1", "en-US")},
      {account_id: "A-2", account_name: pseudonym("A-2", "en-US")},
      {account_id: "A-3", account_name: pseudonym("A-3", "en-US")}
    ]);
    db.close();
  });
});
