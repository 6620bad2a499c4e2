/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) in UTC days, so that time windows never depend on the
 * machine's time zone. Durations are written `9m`, `6m`, `2y`, `30d` or `12w`.
 */
import { InvalidOptionError } from '../errors.js';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for an ISO date. */
export function isoToDay(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** ISO date for a day number. */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** True when y-m-d is a real calendar date. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last;
}

/** Format y, m, d as ISO. */
export function ymdToIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Add calendar months to an ISO date, clamping the day to the month's end (2024-01-31 + 1m = 2024-02-29). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return ymdToIso(ty, tm + 1, Math.min(d, last));
}

/** A parsed duration: calendar months or plain days. */
export interface Duration {
  months: number;
  days: number;
}

/** Parse `9m`, `6m`, `2y`, `30d`, `12w` (also `9 months`, `2 years`). Throws InvalidOptionError otherwise. */
export function parseDuration(text: string, who = 'duration', option = 'duration'): Duration {
  const m = /^\s*(\d+)\s*(d|days?|w|weeks?|m|months?|y|years?)\s*$/i.exec(text);
  if (!m) throw new InvalidOptionError(who, option, text, 'a duration such as "9m", "6m", "2y", "12w" or "30d"');
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase()[0];
  if (unit === 'd') return { months: 0, days: n };
  if (unit === 'w') return { months: 0, days: 7 * n };
  if (unit === 'y') return { months: 12 * n, days: 0 };
  return { months: n, days: 0 };
}

/** Subtract a duration from an ISO date. */
export function subtractDuration(iso: string, duration: Duration): string {
  const afterMonths = duration.months ? addMonths(iso, -duration.months) : iso;
  return duration.days ? dayToIso(isoToDay(afterMonths) - duration.days) : afterMonths;
}
