/**
 * Page state in the query string, so a shared link (or a reload) opens the same view:
 *   const segment = view(bindUrl(Inputs.select(segments, {label: tr("common.segment")}), "segment"));
 * The control starts from ?segment=… when present and valid, and every change rewrites the URL with
 * history.replaceState (no navigation, no history entry per keystroke). Keys whose value equals the
 * control's initial value are dropped, so default views keep clean URLs.
 */

/** All query parameters of the current page as an object of strings. */
export function readState() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** One query parameter (string), or `fallback` when absent. */
export function getParam(key, fallback = null) {
  const v = new URLSearchParams(location.search).get(key);
  return v === null ? fallback : v;
}

/** Sets (or, with null / undefined / "", removes) query parameters, keeping the others and the hash. */
export function setParams(values) {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) url.searchParams.delete(k);
    else url.searchParams.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  if (url.href !== location.href) history.replaceState(history.state, "", url.href);
}

export function setParam(key, value) {
  setParams({[key]: value});
}

/** How a control's value goes to and from the URL, by kind of value. */
function codecFor(value) {
  if (Array.isArray(value)) return {parse: (s) => (s === "" ? [] : s.split(",")), serialize: (v) => (v ?? []).join(",")};
  if (typeof value === "number") return {parse: (s) => (s === "" || isNaN(+s) ? undefined : +s), serialize: (v) => (v == null ? "" : String(v))};
  if (typeof value === "boolean") return {parse: (s) => s === "1" || s === "true", serialize: (v) => (v ? "1" : "0")};
  return {parse: (s) => s, serialize: (v) => (v == null ? "" : String(v))};
}

/**
 * Binds an Inputs control (anything with .value and "input" events) to the URL key `key`.
 *  parse(string) → value / serialize(value) → string: default by the control's initial value type
 *  valid(value) → boolean: a URL value failing it is ignored (stale or hand-edited links)
 * Returns the control, for view().
 */
export function bindUrl(input, key, {parse, serialize, valid} = {}) {
  const initial = input.value;
  const codec = codecFor(initial);
  parse ??= codec.parse;
  serialize ??= codec.serialize;
  const raw = getParam(key);
  if (raw !== null) {
    const v = parse(raw);
    if (v !== undefined && (!valid || valid(v))) {
      input.value = v;
      // Some controls normalise (e.g. a select ignores an unknown option): keep what they accepted.
      if (serialize(input.value) !== serialize(v)) input.value = initial;
    }
  }
  const defaultString = serialize(initial);
  input.addEventListener("input", () => {
    const s = serialize(input.value);
    setParam(key, s === defaultString ? null : s);
  });
  return input;
}
