// Types for many-series.js (the many-series rule is unit-tested from TypeScript).
export const OTHERS_GREY: string;
export interface SeriesStyles {
  form: "palette" | "highlight";
  color: Record<string, string>;
  emphasised: Set<string>;
  legendKeys: string[];
  highlight: string | null;
}
export function seriesStyles(keys: string[], options?: {fixed?: Record<string, string>; highlight?: string | null; palette?: string[]}): SeriesStyles;
export function tooManySeries(n: number, fixed?: Record<string, string>, palette?: string[]): boolean;
