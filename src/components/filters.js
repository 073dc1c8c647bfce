/**
 * The analysis pages' filter controls, each bound to a query-string key (url-state.js), so a shared
 * link or a reload opens the same view. Values are plain strings (or {from, to} for a month range).
 */
import * as Inputs from "npm:@observablehq/inputs";
import {bindUrl} from "./url-state.js";

/** A select bound to ?key=. options: values (strings); format: value → label. */
export function urlSelect(options, {key, label, format = String, value, width} = {}) {
  const list = Array.from(options);
  const initial = value !== undefined && list.includes(value) ? value : list[0];
  const input = Inputs.select(list, {label, format, value: initial, width});
  input.dataset.urlKey = key;
  return bindUrl(input, key, {valid: (v) => list.includes(v)});
}

/** A radio group bound to ?key=. */
export function urlRadio(options, {key, label, format = String, value} = {}) {
  const list = Array.from(options);
  const initial = value !== undefined && list.includes(value) ? value : list[0];
  const input = Inputs.radio(list, {label, format, value: initial});
  input.dataset.urlKey = key;
  return bindUrl(input, key, {valid: (v) => list.includes(v)});
}

/** A search box bound to ?key= (its text, not its matches): Inputs.text with `submit: false`. */
export function urlText(options = {}) {
  const {key, label, placeholder, value = "", width} = options;
  const input = Inputs.text({label, placeholder, value, width, autocomplete: "off", spellcheck: false});
  input.dataset.urlKey = key;
  return bindUrl(input, key);
}

/**
 * Two month selects (from, to) bound to ?from= and ?to=; the value is {from, to}, always ordered
 * (a reversed pair from a hand-edited link is swapped). Defaults: the last `span` months.
 */
export function monthRange(months, {label = {}, format = String, span = 24, keys = ["from", "to"], value} = {}) {
  const list = Array.from(months);
  const initialTo = value?.to ?? list.at(-1);
  const initialFrom = value?.from ?? list[Math.max(0, list.length - span)];
  const valid = (v) => list.includes(v);
  const from = bindUrl(Inputs.select(list, {label: label.from, format, value: initialFrom}), keys[0], {valid});
  const to = bindUrl(Inputs.select(list, {label: label.to, format, value: initialTo}), keys[1], {valid});
  from.dataset.urlKey = keys[0];
  to.dataset.urlKey = keys[1];
  const div = document.createElement("div");
  div.className = "cs-range";
  div.append(from, to);
  // The sub-selects' "input" events bubble to the div, so view(monthRange(…)) follows both.
  return Object.defineProperty(div, "value", {
    get() {
      const [a, b] = [from.value, to.value];
      return a <= b ? {from: a, to: b} : {from: b, to: a};
    },
    set(v) {
      if (v?.from) from.value = v.from;
      if (v?.to) to.value = v.to;
    }
  });
}

/** "dimension:segment" keys for a select of (dimension, segment) pairs, total first. */
export function pairKey(dimension, segment) {
  return `${dimension}:${segment}`;
}

/** "segment:SMB" → {dimension: "segment", segment: "SMB"} (split at the first colon). */
export function splitPair(key) {
  const i = String(key).indexOf(":");
  return i < 0 ? {dimension: "all", segment: "all"} : {dimension: key.slice(0, i), segment: key.slice(i + 1)};
}

/**
 * A select of every (dimension, segment) pair found in `rows`, in their order, bound to ?key=; the
 * value is the pair's key ("all:all" for the whole book). `include(dimension)` limits the dimensions.
 */
export function segmentSelect(rows, {key = "seg", label, pairLabel, include = () => true, width = 260} = {}) {
  const keys = [];
  const seen = new Set();
  for (const r of rows) {
    if (!include(r.dimension)) continue;
    const k = pairKey(r.dimension, r.segment);
    if (!seen.has(k)) seen.add(k), keys.push(k);
  }
  keys.sort((x, y) => (x === "all:all" ? -1 : y === "all:all" ? 1 : 0));
  return urlSelect(keys, {key, label, width, format: (k) => {
    const {dimension, segment} = splitPair(k);
    return pairLabel ? pairLabel(dimension, segment) : k;
  }});
}
