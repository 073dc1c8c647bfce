// Types for quarter-label.js (unit-tested from TypeScript).
export function quarterLabel(review: {quarter: string; months: string[]; partial: boolean}, options?: {locale?: string}): string;
