/**
 * Stored codes (onboarding milestones, survey kinds, ticket priorities, CSM activity types, outcome
 * metrics, health components) as the reader's words. A reader never sees `go_live` or `urgent`;
 * a code without a label (a customer's own value) is shown with its underscores as spaces.
 */
import {t} from "./i18n.js";

/** Label keys by kind of code; activities and health components already had their own keys. */
const PREFIX = {
  milestone: "code.milestone.",
  survey: "code.survey.",
  priority: "code.priority.",
  metric: "code.metric.",
  activity: "activity.",
  component: "health.component."
};

/** codeLabel(tr, "milestone", "go_live") → "Go-live" / "本番稼働". tr: t(locale) or a locale. */
export function codeLabel(tr, kind, code) {
  if (code === null || code === undefined || code === "") return "—";
  const translate = typeof tr === "function" ? tr : t(tr);
  const key = `${PREFIX[kind] ?? `code.${kind}.`}${code}`;
  const label = translate(key);
  return label === key ? humanize(code) : label;
}

/** A list of codes stored as one text ("nps, onboarding" or "nps;onboarding"), each as its label. */
export function codeList(tr, kind, text, separator = ", ") {
  if (text === null || text === undefined || text === "") return "—";
  return String(text)
    .split(/\s*[,;|]\s*/)
    .filter(Boolean)
    .map((c) => codeLabel(tr, kind, c))
    .join(separator);
}

/** "site_traffic" → "site traffic" (a code we have no label for still reads as words). */
export function humanize(code) {
  return String(code).replace(/_+/g, " ").trim();
}
