/** The metric files the build puts in src/data/metrics/: which are copied, and their pinned time. */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it, vi} from "vitest";
import {publishMetricFiles} from "../../scripts/metric-files.js";

const root = mkdtempSync(join(tmpdir(), "metric-files-test-"));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(root, {recursive: true, force: true});
});

describe("publishMetricFiles", () => {
  it("copies every file but the history shards and the Markdown digests, at the end of the as-of month unless told not to pin", async () => {
    vi.stubEnv("SOURCE_DATE_EPOCH", "");
    const dir = join(root, "site-data");
    const target = join(root, "metrics");
    mkdirSync(dir);
    const files = {"manifest.json": '{"asOf":"2024-04"}', "churn.arrow": "A", "digest-2024-04.md": "# md", "digest-2024-04.txt": "txt", "account-history-007.json.gz": "gz"};
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    // A file left from an earlier build goes.
    mkdirSync(target);
    writeFileSync(join(target, "stale.arrow"), "old");

    expect(await publishMetricFiles({dir, target})).toBe(3);
    expect(readdirSync(target).sort()).toEqual(["churn.arrow", "digest-2024-04.txt", "manifest.json"]);
    expect(readFileSync(join(target, "churn.arrow"), "utf8")).toBe("A");
    expect(statSync(join(target, "churn.arrow")).mtime.toISOString()).toBe("2024-04-30T23:59:59.000Z");

    await publishMetricFiles({dir, target, pin: false});
    expect(Math.abs(Date.now() - statSync(join(target, "churn.arrow")).mtimeMs)).toBeLessThan(60_000);
  });
});
