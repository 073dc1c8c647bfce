import {describe, expect, it} from "vitest";
import {openDb} from "../loaders/db.js";

describe("openDb", () => {
  it("applies the memory limit and returns plain values", async () => {
    const db = await openDb(":memory:", {memoryLimit: "512MB"});
    expect(await db.all(`SELECT current_setting('memory_limit') AS m`)).toEqual([{m: "488.2 MiB"}]);
    expect(await db.all(`SELECT DATE '2024-02-29' AS d, 12.30::DECIMAL(18,2) AS m, 3::BIGINT AS n, NULL AS z, 'x' AS s`)).toEqual([
      {d: "2024-02-29", m: 12.3, n: 3, z: null, s: "x"}
    ]);
    db.close();
  });
});
