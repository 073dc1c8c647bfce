/** A small line of a KPI's recent months, the last point marked; no axes (the tile states the value). */
import * as Plot from "npm:@observablehq/plot";
import {OKABE_ITO} from "./palette.js";

const monthDate = (m) => new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7) - 1, 1));

/**
 * series: [{month: "YYYY-MM", value: number | null}], oldest first.
 * Options: width, height, color, ariaLabel (text alternative), target (a horizontal reference line).
 */
export function sparkline(series, {width = 160, height = 36, color = OKABE_ITO.blue, ariaLabel, target = null} = {}) {
  const data = (series ?? []).map((d) => ({date: monthDate(d.month), value: d.value ?? NaN}));
  const defined = data.filter((d) => Number.isFinite(d.value));
  const last = defined.at(-1);
  const values = defined.map((d) => d.value).concat(target ?? []);
  return Plot.plot({
    width,
    height,
    margin: 3,
    marginLeft: 3,
    marginRight: 5,
    axis: null,
    ariaLabel,
    ariaDescription: ariaLabel,
    x: {type: "utc", domain: data.length ? [data[0].date, data.at(-1).date] : undefined},
    y: {domain: values.length ? padded(values) : [0, 1]},
    marks: [
      target === null ? null : Plot.ruleY([target], {stroke: OKABE_ITO.grey, strokeDasharray: "2,2", strokeWidth: 1}),
      Plot.lineY(data, {x: "date", y: "value", stroke: color, strokeWidth: 1.5}),
      last ? Plot.dot([last], {x: "date", y: "value", fill: color, r: 2.5}) : null
    ]
  });
}

function padded(values) {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) [lo, hi] = [lo - Math.abs(lo || 1) * 0.1, hi + Math.abs(hi || 1) * 0.1];
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}
