/**
 * `redact: true`: account names become stable pseudonyms before any metric is computed, so no name
 * from the input reaches any output. The pseudonym depends only on the account id.
 */
import {createHash} from "node:crypto";
import type {Locale} from "./config.js";
import type {Db} from "./db.js";

export function pseudonym(accountId: string, locale: Locale): string {
  const tag = createHash("sha256").update(accountId).digest("hex").slice(0, 6).toUpperCase();
  return locale === "ja-JP" ? `顧客 ${tag}` : `Account ${tag}`;
}

export async function redactAccounts(db: Db, locale: Locale): Promise<void> {
  const ids = await db.all<{account_id: string}>(`SELECT account_id FROM accounts`);
  await db.run(`CREATE OR REPLACE TEMP TABLE pseudonyms (account_id VARCHAR, name VARCHAR)`);
  const appender = await db.connection.createAppender("pseudonyms", "main", "temp");
  for (const {account_id} of ids) {
    appender.appendVarchar(account_id);
    appender.appendVarchar(pseudonym(account_id, locale));
    appender.endRow();
  }
  appender.closeSync();
  await db.run(`UPDATE accounts SET account_name = p.name FROM pseudonyms p WHERE accounts.account_id = p.account_id`);
}
