// Types for i18n.js, so the report loader (TypeScript) formats its summary sentences with the very
// same formatters and labels as the pages.
export type Locale = "en-US" | "ja-JP";
export type Params = Record<string, string | number | null | undefined>;
export type Translate = (key: string, params?: Params) => string;

export function labels(locale: string): Record<string, string | ((params: Params) => string)>;
export function t(locale: string): Translate;
export function langOf(locale: string): "ja" | "en";
export function setDocumentLang(locale: string): void;

type Num = number | null | undefined;
export interface Formatters {
  locale: string;
  currency: string;
  symbol: string;
  money(v: Num): string;
  moneyCompact(v: Num): string;
  moneyDelta(v: Num): string;
  number(v: Num, digits?: number): string;
  percent(v: Num, digits?: number): string;
  percentDelta(v: Num, digits?: number): string;
  pp(v: Num, digits?: number): string;
  points(v: Num, digits?: number): string;
  nps(v: Num, digits?: number): string;
  month(s: string | null | undefined): string;
  monthShort(s: string | null | undefined): string;
  date(s: string | null | undefined): string;
  dateShort(s: string | null | undefined): string;
  quarter(s: string | null | undefined): string;
  // issue 12: one precision per measure
  score(v: Num): string;
  componentScore(v: Num): string;
  csat(v: Num): string;
  users(v: Num): string;
  hours(v: Num): string;
  ratio(v: Num): string;
}
export function formatters(locale?: string, currency?: string): Formatters;
