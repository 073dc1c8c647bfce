/**
 * The metric definitions section of data/README.md, rendered from the Definition objects that sit
 * next to each metric's SQL, so the README, the site's definitions page and the code cannot drift.
 */
import type {Definition, MetricFamily} from "../metrics/family.js";

export const START = "<!-- definitions:start -->";
export const END = "<!-- definitions:end -->";

const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");

/** families: the metric families, and any other rules documented alongside (e.g. the QBR's). */
export function definitionsMarkdown(families: Pick<MetricFamily, "definitions">[]): string {
  const parts: string[] = [
    "Generated from the definitions next to each metric's SQL in `loaders/metrics/` by `npm run docs`; do not edit by hand.",
    ""
  ];
  const byTable = new Map<string, Definition[]>();
  for (const d of families.flatMap((f) => f.definitions)) byTable.set(d.table, [...(byTable.get(d.table) ?? []), d]);
  for (const [table, defs] of byTable) {
    parts.push(`### ${table}`, "", "| metric | formula | definition | 日本語 |", "|---|---|---|---|");
    for (const d of defs) {
      parts.push(`| **${cell(d.name.en)}** (\`${d.id}\`) | ${cell(d.formula)} | ${cell(d.text.en)} | ${cell(d.name.ja)}: ${cell(d.text.ja)} |`);
    }
    parts.push("");
  }
  return parts.join("\n");
}

/** Replaces the text between the markers; throws if the markers are missing. */
export function replaceDefinitions(readme: string, section: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`data/README.md must contain the lines ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${section}\n${readme.slice(end)}`;
}
