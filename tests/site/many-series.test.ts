// The many-series rule of line charts (src/components/many-series.js): beyond what the palette
// separates, one series is highlighted and the rest are grey; and the trailing-mean smoothing.
import {describe, expect, it} from "vitest";
import {OTHERS_GREY, seriesStyles, tooManySeries, trailingMean} from "../../src/components/many-series.js";
import {CATEGORICAL, OKABE_ITO} from "../../src/components/palette.js";

const industries = ["IT・通信", "製造業", "不動産", "金融・保険", "人材サービス", "食品・飲料", "小売", "医療", "教育", "物流", "建設"];

describe("seriesStyles", () => {
  it("a chart with more series than the palette holds highlights one and greys the others", () => {
    expect(industries.length).toBeGreaterThan(CATEGORICAL.length);
    const s = seriesStyles(["all", ...industries], {fixed: {all: OKABE_ITO.black}, highlight: "不動産"});
    expect(s.form).toBe("highlight");
    expect(s.highlight).toBe("不動産");
    expect([...s.emphasised].sort()).toEqual(["all", "不動産"].sort());
    expect(s.legendKeys).toEqual(["all", "不動産"]);
    // No two coloured series share a colour; every other series is the one grey.
    const coloured = Object.entries(s.color).filter(([, c]) => c !== OTHERS_GREY);
    expect(coloured.map(([k]) => k).sort()).toEqual(["all", "不動産"].sort());
    expect(new Set(coloured.map(([, c]) => c)).size).toBe(coloured.length);
    expect(industries.filter((k) => k !== "不動産").every((k) => s.color[k] === OTHERS_GREY)).toBe(true);
  });

  it("an unknown highlight (a stale link) falls back to the first series", () => {
    const s = seriesStyles(["all", ...industries], {fixed: {all: OKABE_ITO.black}, highlight: "nope"});
    expect(s.highlight).toBe("IT・通信");
  });

  it("within the palette every series keeps a colour of its own", () => {
    const keys = ["all", "Enterprise", "Mid-Market", "SMB"];
    const s = seriesStyles(keys, {fixed: {all: OKABE_ITO.black}});
    expect(s.form).toBe("palette");
    expect(s.legendKeys).toEqual(keys);
    expect(s.color).toEqual({all: OKABE_ITO.black, Enterprise: CATEGORICAL[0], "Mid-Market": CATEGORICAL[1], SMB: CATEGORICAL[2]});
  });

  it("the limit counts the colours left after the fixed ones (black is the total's)", () => {
    const seven = industries.slice(0, 7);
    const eight = industries.slice(0, 8);
    expect(tooManySeries(7, {all: OKABE_ITO.black})).toBe(false);
    expect(tooManySeries(8, {all: OKABE_ITO.black})).toBe(true);
    expect(tooManySeries(8)).toBe(false);
    expect(seriesStyles(["all", ...seven], {fixed: {all: OKABE_ITO.black}}).form).toBe("palette");
    expect(seriesStyles(["all", ...eight], {fixed: {all: OKABE_ITO.black}}).form).toBe("highlight");
    expect(seriesStyles(eight).form).toBe("palette");
    expect(seriesStyles([...eight, "9th"]).form).toBe("highlight");
  });
});

describe("trailingMean", () => {
  it("averages each series over the month and the two before; earlier months stay empty", () => {
    const rows = [
      {month: "2026-01", segment: "A", rate: 0.1},
      {month: "2026-02", segment: "A", rate: 0.4},
      {month: "2026-03", segment: "A", rate: 0.1},
      {month: "2026-04", segment: "A", rate: 0.1},
      {month: "2026-01", segment: "B", rate: 0},
      {month: "2026-02", segment: "B", rate: 0.3},
      {month: "2026-03", segment: "B", rate: null},
      {month: "2026-04", segment: "B", rate: 0.3}
    ];
    const out = trailingMean(rows, {y: "rate", series: "segment"});
    const a = out.filter((d) => d.segment === "A").map((d) => d.rate);
    expect(a[0]).toBeNull();
    expect(a[1]).toBeNull();
    expect(a[2]).toBeCloseTo(0.2, 12); // (0.1 + 0.4 + 0.1) / 3
    expect(a[3]).toBeCloseTo(0.2, 12); // (0.4 + 0.1 + 0.1) / 3
    // A missing month is not a zero: a window holding it has no mean.
    expect(out.filter((d) => d.segment === "B").map((d) => d.rate)).toEqual([null, null, null, null]);
    // Rows keep their order and other columns; the input is not changed.
    expect(out.map((d) => d.month)).toEqual(rows.map((d) => d.month));
    expect(rows[2].rate).toBe(0.1);
  });
});
