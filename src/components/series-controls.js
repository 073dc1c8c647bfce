/**
 * The controls of a many-series line chart (many-series.js): which series to highlight (shown only
 * when there are more series than the palette holds) and monthly values or their pooled trailing-3-month rates (computed in the loaders),
 * both kept in the URL. keys: the series besides the fixed ones ({key: colour}, as trend's seriesColors). The element's value is {highlight, smooth} ("raw" | "t3"); it fires "input".
 */
import {urlRadio, urlSelect} from "./filters.js";
import {t} from "./i18n.js";
import {tooManySeries} from "./many-series.js";

export function seriesControls(keys, {locale = "en-US", format = String, fixed = {}, highlightKey = "hl", smoothKey = "smooth"} = {}) {
  const tr = t(locale);
  const list = Array.from(keys);
  const highlight = tooManySeries(list.length, fixed) ? urlSelect(list, {key: highlightKey, label: tr("series.highlight"), format}) : null;
  const smooth = urlRadio(["raw", "t3"], {key: smoothKey, label: tr("series.smoothing"), format: (k) => tr(k === "t3" ? "series.trailing3" : "series.raw")});
  const div = document.createElement("div");
  div.className = "cs-series-controls";
  div.append(...[highlight, smooth].filter(Boolean));
  return Object.defineProperty(div, "value", {
    get() {
      return {highlight: highlight?.value ?? null, smooth: smooth.value};
    }
  });
}
