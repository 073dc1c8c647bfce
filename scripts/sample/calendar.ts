/**
 * Calendar arithmetic on whole days and months. Nothing here reads the clock: the sample's
 * "today" is the last day of its end month, taken from the arguments.
 *
 * A day is a count of days since 1970-01-01 (UTC, no time zones involved); a month number is
 * year * 12 + (month - 1), so consecutive months are consecutive integers.
 */

const MS_PER_DAY = 86_400_000;

/** "2026-10" -> 2026 * 12 + 9. Throws on anything else. */
export function parseMonth(text: string): number {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (!match) throw new Error(`expected a month as YYYY-MM, got "${text}"`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** 1..12 */
export function calendarMonth(month: number): number {
  return (month % 12) + 1;
}

/** The first day of a month number. */
export function firstDay(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / MS_PER_DAY;
}

export function daysIn(month: number): number {
  return firstDay(month + 1) - firstDay(month);
}

/** The month number a day falls in. */
export function monthOf(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Day of the month, 1..31. */
export function dayOfMonth(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDate();
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** "YYYY-MM-DD" */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD HH:MM:SS" for a time given in seconds since 1970-01-01. */
export function isoTimestamp(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/**
 * The history the sample covers: `months` calendar months ending with `end`. Arrays indexed by
 * month use the offset from the first month (0 .. months - 1).
 */
export interface Window {
  /** Month number of the first month. */
  first: number;
  months: number;
  /** First day of the first month. */
  startDay: number;
  /** Last day of the last month: the export date; nothing observed happens after it. */
  lastDay: number;
}

export function historyWindow({end, months}: {end: string; months: number}): Window {
  const last = parseMonth(end);
  const first = last - months + 1;
  return {first, months, startDay: firstDay(first), lastDay: firstDay(last + 1) - 1};
}

/** First day of the month at offset i of the window (i may run past either end). */
export function monthStart(win: Window, i: number): number {
  return firstDay(win.first + i);
}

/** Last day of the month at offset i. */
export function monthEnd(win: Window, i: number): number {
  return firstDay(win.first + i + 1) - 1;
}

/** Offset in the window of the month a day falls in. */
export function offsetOf(win: Window, day: number): number {
  return monthOf(day) - win.first;
}
