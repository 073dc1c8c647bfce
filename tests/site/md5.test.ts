import {createHash} from "node:crypto";
import {describe, expect, it} from "vitest";
import {literal, openDb} from "../../loaders/db.js";
import {shardSql} from "../../loaders/site/datasets/account-history.js";
// @ts-expect-error: a browser module without types
import {md5Hex, shardOf} from "../../src/components/md5.js";

const IDS = ["", "a", "abc", "A", "ACC-000123", "message digest", "株式会社テスト", "x".repeat(55), "y".repeat(56), "z".repeat(64), "é😀" + "w".repeat(119)];

describe("md5Hex", () => {
  it("matches the RFC 1321 test vectors", () => {
    expect(md5Hex("")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(md5Hex("abc")).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(md5Hex("message digest")).toBe("f96b697d7cb7938d525a2f31aaf161d0");
    expect(md5Hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890")).toBe("57edf4a22be3c955ac49da2e2107b67a");
  });

  it("equals Node's MD5 of the UTF-8 bytes, across block boundaries and non-ASCII ids", () => {
    for (const id of IDS) expect(md5Hex(id)).toBe(createHash("md5").update(id, "utf8").digest("hex"));
  });
});

describe("shardOf", () => {
  it("gives the shard DuckDB's shardSql gives, for every shard count the build uses", async () => {
    const db = await openDb();
    try {
      for (const shards of [64, 1024, 4096]) {
        const list = IDS.map((id) => literal(id)).join(", ");
        const rows = await db.all<{id: string; shard: number}>(`SELECT id, ${shardSql("id", shards)} AS shard FROM unnest([${list}]) t(id)`);
        expect(rows.length).toBe(IDS.length);
        expect(rows.map((r) => [r.id, shardOf(r.id, shards)])).toEqual(rows.map((r) => [r.id, r.shard]));
      }
    } finally {
      db.close();
    }
  });
});
