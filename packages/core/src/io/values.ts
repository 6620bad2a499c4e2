/**
 * Cell values to clean text and numbers: trimming, undoing our CSV writer's formula neutralisation, durations
 * in hours ("1,5", "1.5 u", "90 min", "1:30"), e-mail sanity, and multi-value cells split on a separator.
 */
import { restoreNeutralised } from '../export/csv.js';
import type { CellValue } from './types.js';

const isList = (v: unknown): v is readonly CellValue[] => Array.isArray(v);

/** Text of a cell: trimmed; numbers as written; Date cells as ISO date (or date-time when not midnight UTC). */
export function cellText(value: CellValue | readonly CellValue[] | undefined): string {
  if (value == null) return '';
  if (isList(value)) return value.map((v) => cellText(v)).filter((t) => t !== '').join(', ');
  if (typeof value === 'string') return restoreNeutralised(value).trim(); // undo our writer's apostrophe first, then trim ("'\t" is a neutralised tab, not an apostrophe)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Number.isNaN(value.getTime())) return '';
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

/** Result of reading a duration cell. */
export type DurationResult = { ok: true; hours: number | null } | { ok: false; message: string; fix: string };

const HOURS = /^(\d+(?:[.,]\d+)?)\s*(?:h|u|uur|uren|hr|hrs|hour|hours|heure|heures)?\.?$/i;
const MINUTES = /^(\d+(?:[.,]\d+)?)\s*(?:m|min|mins|minute|minutes|minuten|minuut)\.?$/i;
const CLOCK = /^(\d{1,3})\s*[:hu]\s*(\d{2})(?:\s*(?:min|m))?$/i;
const DAYS = /^(\d+(?:[.,]\d+)?)\s*(?:d|dag|dagen|day|days|jour|jours)$/i;

/** Largest accepted duration in hours (one event): 1000. */
export const MAX_DURATION_HOURS = 1000;

/**
 * Parse a duration in hours: a number (decimal comma or point), optionally with an hour unit (`2u`, `2 h`,
 * `1.5 hours`, `3 heures`), minutes (`90 min`), a clock time (`1:30`, `1u30`) or a time-formatted XLSX cell.
 * Days are refused (how many hours is a day?). Empty gives null. At most {@link MAX_DURATION_HOURS}.
 */
export function parseDurationHours(value: CellValue | readonly CellValue[] | undefined): DurationResult {
  if (value == null || value === '') return { ok: true, hours: null };
  if (typeof value === 'number') return checkHours(String(value), value);
  if (isList(value)) return parseDurationHours(value[0]);
  if (value instanceof Date) {
    // A time-formatted cell (e.g. 01:30) arrives as a date on 1899-12-30/31 with that time of day.
    const ms = value.getTime() - Date.UTC(1899, 11, 30);
    if (ms >= 0 && ms < 2 * 86_400_000) return checkHours(value.toISOString(), (value.getUTCHours() * 60 + value.getUTCMinutes()) / 60);
    return { ok: false, message: `${cellText(value)} is a date, not a duration.`, fix: 'Write the duration in hours, e.g. 1.5 or 2u30.' };
  }
  const text = cellText(value);
  if (text === '') return { ok: true, hours: null };
  let m = HOURS.exec(text);
  if (m) return checkHours(text, Number(m[1]!.replace(',', '.')));
  m = MINUTES.exec(text);
  if (m) return checkHours(text, Number(m[1]!.replace(',', '.')) / 60);
  m = CLOCK.exec(text);
  if (m && Number(m[2]) < 60) return checkHours(text, Number(m[1]) + Number(m[2]) / 60);
  if (DAYS.test(text)) return { ok: false, message: `"${text}" is in days; hours are expected.`, fix: 'Write the duration in hours (e.g. a day of training: 7).' };
  return { ok: false, message: `"${text}" is not a duration in hours.`, fix: 'Write the duration in hours, e.g. 2, 1,5, 1.5, 90 min or 1:30.' };
}

function checkHours(text: string, hours: number): DurationResult {
  if (!Number.isFinite(hours) || hours < 0) return { ok: false, message: `"${text}" is not a duration in hours.`, fix: 'Write a number of hours of 0 or more.' };
  if (hours > MAX_DURATION_HOURS) return { ok: false, message: `"${text}" hours is more than ${MAX_DURATION_HOURS} for one event.`, fix: 'Check the unit: this column is in hours.' };
  return { ok: true, hours: Math.round(hours * 1e6) / 1e6 };
}

/** A loose e-mail check: something@something.tld, no spaces. */
export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}

/** Split a multi-value cell on a separator; empty parts dropped, each part trimmed. Without separator: one value (or none). */
export function splitValues(text: string, separator: string | undefined): string[] {
  if (text === '') return [];
  if (!separator) return [text];
  return text.split(separator).map((s) => s.trim()).filter((s) => s !== '');
}
