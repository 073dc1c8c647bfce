// The many-series rule of line charts (src/components/many-series.js): beyond what the palette
// separates, one series is highlighted and the rest are grey; and the trailing-mean smoothing.
import {describe, expect, it} from "vitest";
import {OTHERS_GREY, seriesStyles, tooManySeries} from "../../src/components/many-series.js";
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
