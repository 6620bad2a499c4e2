/**
 * Calendar helpers of the time views: validated ISO dates, period ends (month, quarter, half-year, year),
 * rolling-window starts and binary searches over the chronological event dates of a model. All arithmetic is
 * on UTC day numbers (see model/dates.ts), so results never depend on the machine's time zone.
 */
import { InvalidOptionError, UnsupportedGraphError } from '../errors.js';
import { addMonths, dayToIso, isoToDay, isValidYmd, parseDuration, subtractDuration } from '../model/dates.js';
import type { Duration } from '../model/dates.js';
import type { AttendanceModel } from '../types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Period lengths understood by `growthSeries`, `cohorts` and `retention`. */
export const PERIODS = ['month', 'quarter', 'half', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** Throw InvalidOptionError unless `value` is a real ISO calendar date `YYYY-MM-DD`. */
export function assertIsoDate(who: string, option: string, value: unknown): asserts value is string {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!m || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3])))
    throw new InvalidOptionError(who, option, value, 'an ISO date "YYYY-MM-DD" such as "2024-03-31"');
}

/** Parse a duration option (`"6m"`, `"12m"`, `"2y"`, `"30d"`), or a whole number of months. */
export function resolveDuration(who: string, option: string, value: unknown): Duration {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1) throw new InvalidOptionError(who, option, value, 'a whole number of months >= 1 or a duration such as "12m"');
    return { months: value, days: 0 };
  }
  if (typeof value !== 'string') throw new InvalidOptionError(who, option, value, 'a duration such as "6m", "12m" or "2y"');
  const d = parseDuration(value, who, option);
  if (d.months === 0 && d.days === 0) throw new InvalidOptionError(who, option, value, 'a duration longer than zero');
  return d;
}

/** The day after an ISO date. */
export function nextDay(iso: string): string {
  return dayToIso(isoToDay(iso) + 1);
}

/** The day before an ISO date. */
export function previousDay(iso: string): string {
  return dayToIso(isoToDay(iso) - 1);
}

/**
 * First day of the rolling window of length `duration` that ends on `date` (both ends inclusive): the day
 * after `date`, minus the duration. The 12 months ending 2024-10-31 run from 2023-11-01, the 3 months ending
 * 2024-11-30 from 2024-09-01 (whole calendar months at month ends), the 12 months ending 2024-03-14 from 2023-03-15.
 */
export function windowStart(date: string, duration: Duration): string {
  return subtractDuration(nextDay(date), duration);
}

/** Months in one period. */
export function periodMonths(every: Period): number {
  return every === 'month' ? 1 : every === 'quarter' ? 3 : every === 'half' ? 6 : 12;
}

/** First day of the period that contains `date` (calendar months, quarters from January, halves, years). */
export function periodStart(date: string, every: Period): string {
  const y = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const len = periodMonths(every);
  const first = Math.floor((month - 1) / len) * len + 1;
  return `${y}-${String(first).padStart(2, '0')}-01`;
}

/** Last day of the period that contains `date`. */
export function periodEnd(date: string, every: Period): string {
  return previousDay(addMonths(periodStart(date, every), periodMonths(every)));
}

/** A short label for the period that contains `date`: `2024-03`, `2024-Q1`, `2024-H1`, `2024`. */
export function periodLabel(date: string, every: Period): string {
  const y = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (every === 'month') return date.slice(0, 7);
  if (every === 'quarter') return `${y}-Q${Math.floor((month - 1) / 3) + 1}`;
  if (every === 'half') return `${y}-H${month <= 6 ? 1 : 2}`;
  return y;
}

/** Chronological event dates of a dated model; throws UnsupportedGraphError (naming `who`) on undated data. */
export function eventDates(who: string, model: AttendanceModel): string[] {
  if (!model.dated)
    throw new UnsupportedGraphError(who, 'dated events (every event needs a date for time views; add a date column or an events side table with dates)');
  return model.events.map((e) => e.date as string);
}

/** Index of the first event dated on or after `iso` (= number of events strictly before it). */
export function firstOnOrAfter(dates: readonly string[], iso: string): number {
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < iso) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of events dated on or before `iso`. */
export function countOnOrBefore(dates: readonly string[], iso: string): number {
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! <= iso) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
