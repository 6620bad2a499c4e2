/**
 * Date cells to ISO `YYYY-MM-DD`. Accepted: ISO dates and date-times (the date part as written), `14/03/2023`,
 * `14-03-2023`, `14.03.2023` (day first by default), four-digit year first `2023/03/14`, month names in Dutch,
 * English and French (`14 maart 2023`, `March 14, 2023`), Excel serial numbers (numbers in a date column), and
 * real Date cells. Two-digit years and impossible dates are errors, never guesses; years outside 1900–2100 too.
 */
import { InvalidOptionError } from '../errors.js';
import { isValidYmd, ymdToIso } from '../model/dates.js';
import type { CellValue, IssueCode } from './types.js';

/** Day/month order names accepted by `dateFormat`. */
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/**
 * `dateFormat` option: an order (`'dmy'` day first, the default; `'mdy'` month first; `'ymd'` year first) or a
 * pattern of the tokens `YYYY`, `MM`/`M`, `DD`/`D` and literal separators, e.g. `'DD/MM/YYYY'`, `'MM-DD-YYYY'`,
 * `'YYYY.MM.DD'` (`M` and `MM` alike accept one or two digits). ISO dates are accepted under every format.
 */
export type DateFormat = DateOrder | (string & {});

/** A compiled `dateFormat`. */
export interface CompiledDateFormat {
  order: DateOrder;
  /** Regex of a user pattern with named groups y, m, d; null for a plain order. */
  pattern: RegExp | null;
  /** The format as the user gave it, for messages. */
  label: string;
}

const ORDER_WORDS: Record<DateOrder, string> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year/month/day' };

/** Compile a `dateFormat` option. Throws InvalidOptionError for anything else. */
export function compileDateFormat(format: DateFormat = 'dmy', who = 'readAttendance'): CompiledDateFormat {
  const f = String(format).trim();
  if ((DATE_ORDERS as readonly string[]).includes(f.toLowerCase())) return { order: f.toLowerCase() as DateOrder, pattern: null, label: f.toLowerCase() };
  const expected = '"dmy", "mdy", "ymd" or a pattern such as "DD/MM/YYYY" (tokens YYYY, MM, M, DD, D)';
  if (/Y{1,3}(?!Y)/.test(f.replace(/YYYY/g, '')) || !f.includes('YYYY')) throw new InvalidOptionError(who, 'dateFormat', format, expected + ' with a four-digit year');
  const tokens = f.match(/YYYY|MM|M|DD|D|[^YMD]+/g);
  if (!tokens || tokens.join('') !== f) throw new InvalidOptionError(who, 'dateFormat', format, expected);
  let re = '';
  const order: string[] = [];
  for (const t of tokens) {
    if (t === 'YYYY') { re += '(?<y>\\d{4})'; order.push('y'); }
    else if (t === 'MM' || t === 'M') { re += '(?<m>\\d{1,2})'; order.push('m'); }
    else if (t === 'DD' || t === 'D') { re += '(?<d>\\d{1,2})'; order.push('d'); }
    else re += t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+');
  }
  const key = order.join('');
  if (key.length !== 3 || new Set(order).size !== 3) throw new InvalidOptionError(who, 'dateFormat', format, expected + ', each token once');
  const asOrder: DateOrder = key === 'mdy' ? 'mdy' : key.startsWith('y') ? 'ymd' : 'dmy';
  return { order: asOrder, pattern: new RegExp('^' + re + TIME_SUFFIX + '$'), label: f };
}

/** Result of parsing one date cell. */
export type DateParseResult = { ok: true; iso: string } | { ok: false; code: IssueCode; message: string; fix: string };

const TIME_SUFFIX = String.raw`(?:[T ]+\d{1,2}[:.hu]\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[ap]\.?m\.?)?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})` + TIME_SUFFIX + '$', 'i');
const NUMERIC = new RegExp(String.raw`^(\d{1,4})([/.\-])(\d{1,2})\2(\d{1,4})` + TIME_SUFFIX + '$', 'i');
const COMPACT = /^(19|20|21)(\d{2})(\d{2})(\d{2})$/;
/** Serials as text: five digits (1927-05-18 to 2173), so a bare year such as "2023" is never read as a serial. */
const SERIAL = /^\d{5}(?:[.,]\d+)?$/;
const YEAR_ONLY = /^(19|20)\d{2}$/;

/** Month names (normalised: lower case, no accents, no dot) in Dutch, English and French, full and short. */
const MONTHS = new Map<string, number>();
[
  ['januari', 'january', 'janvier', 'jan', 'janv'],
  ['februari', 'february', 'fevrier', 'feb', 'febr', 'fev', 'fevr'],
  ['maart', 'march', 'mars', 'mrt', 'mar'],
  ['april', 'avril', 'apr', 'avr'],
  ['mei', 'may', 'mai'],
  ['juni', 'june', 'juin', 'jun'],
  ['juli', 'july', 'juillet', 'jul', 'juil'],
  ['augustus', 'august', 'aout', 'aug'],
  ['september', 'septembre', 'sep', 'sept'],
  ['oktober', 'october', 'octobre', 'okt', 'oct'],
  ['november', 'novembre', 'nov'],
  ['december', 'decembre', 'dec'],
].forEach((names, i) => names.forEach((n) => MONTHS.set(n, i + 1)));
const DAY_MONTH_NAME = /^(\d{1,2})(?:e|er|st|nd|rd|th)?[\s\-./]*([a-z]+)\.?[\s\-./,]*(\d{1,4})$/;
const MONTH_NAME_DAY = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{1,4})$/;
const WEEKDAY_PREFIX = /^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ma|di|wo|do|vr|za|zo|mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim)\.?,?\s+/;

const MONTH_NAMES_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 is 1899-12-30 for serials after its fictitious 1900-02-29 (serial 60). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function checkYmd(text: string, y: number, m: number, d: number, readAs: string, alternative: [number, number, number, string] | null): DateParseResult {
  if (!isValidYmd(y, m, d)) {
    let why = '';
    if (m < 1 || m > 12) why = ` (there is no month ${m})`;
    else if (d < 1) why = ' (there is no day 0)';
    else {
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      why = ` (${MONTH_NAMES_EN[m - 1]} ${y} has ${last} days)`;
    }
    const alt = alternative && isValidYmd(alternative[0], alternative[1], alternative[2]) ? `; if this file writes dates ${alternative[3]}, use --date-format ${alternative[3] === ORDER_WORDS.mdy ? 'mdy' : 'dmy'}` : '';
    return { ok: false, code: 'bad-date', message: `"${text}" is not a real date read as ${readAs}${why}.`, fix: `Correct the date in the file (e.g. 2023-03-14)${alt}.` };
  }
  if (y < 1900 || y > 2100)
    return { ok: false, code: 'date-out-of-range', message: `"${text}" is in the year ${y}, outside 1900–2100: check the year.`, fix: 'Correct the year in the file (dates from 1900 to 2100 are accepted).' };
  return { ok: true, iso: ymdToIso(y, m, d) };
}

function twoDigit(text: string, day: number, month: number, yy: string, order: DateOrder): DateParseResult {
  const full = order === 'mdy' ? `${month}/${day}/20${yy}` : `${day}/${month}/20${yy}`;
  return { ok: false, code: 'two-digit-year', message: `"${text}" has a two-digit year, which could be 19${yy} or 20${yy}.`, fix: `Write the year in full, e.g. ${full}, or use YYYY-MM-DD.` };
}

function fromSerial(text: string, serial: number): DateParseResult {
  if (Number.isInteger(serial) && serial >= 1900 && serial <= 2100)
    return { ok: false, code: 'bad-date', message: `${text} looks like a year, not a date.`, fix: 'Write the full date of the event, e.g. 2023-03-14.' };
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466)
    return { ok: false, code: 'bad-date', message: `${text} is not a date (as an Excel date serial it is out of range).`, fix: 'Format the cell as a date, or write it as YYYY-MM-DD.' };
  const whole = Math.floor(serial);
  if (whole === 60) return { ok: false, code: 'bad-date', message: `${text} is Excel's serial for 29 February 1900, a date that did not exist.`, fix: 'Correct the date in the file.' };
  const day = whole < 60 ? whole + 1 : whole;
  const dt = new Date(EXCEL_EPOCH + day * MS_PER_DAY);
  return checkYmd(text, dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), 'an Excel date serial', null);
}

function normaliseWord(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Parse one date cell with a compiled format. Strings, numbers (Excel serials) and Date objects (their UTC
 * calendar day, which is how XLSX date cells arrive) are accepted; anything else is an error with a fix.
 */
export function parseDateCell(value: CellValue, format: CompiledDateFormat): DateParseResult {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, code: 'bad-date', message: 'the cell holds an invalid date.', fix: 'Retype the date as YYYY-MM-DD.' };
    return checkYmd(value.toISOString(), value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), 'a date cell', null);
  }
  if (typeof value === 'number') return fromSerial(String(value), value);
  if (typeof value !== 'string') return { ok: false, code: 'bad-date', message: `${JSON.stringify(value)} is not a date.`, fix: 'Write the date as YYYY-MM-DD.' };
  const text = value.trim();
  const generalFix = `Write the date as YYYY-MM-DD (e.g. 2023-03-14) or ${format.order === 'mdy' ? 'MM/DD/YYYY' : 'DD/MM/YYYY'}; use --date-format if the file uses another order.`;
  let m = ISO.exec(text);
  if (m) return checkYmd(text, Number(m[1]), Number(m[2]), Number(m[3]), 'year-month-day', null);
  if (format.pattern) {
    const p = format.pattern.exec(text);
    if (p?.groups) {
      const y = Number(p.groups.y), mo = Number(p.groups.m), d = Number(p.groups.d);
      return checkYmd(text, y, mo, d, `the pattern ${format.label}`, null);
    }
  }
  if (SERIAL.test(text)) return fromSerial(text, Number(text.replace(',', '.')));
  if (YEAR_ONLY.test(text)) return fromSerial(text, Number(text));
  m = COMPACT.exec(text);
  if (m) return checkYmd(text, Number(m[1]! + m[2]!), Number(m[3]), Number(m[4]), 'YYYYMMDD', null);
  m = NUMERIC.exec(text);
  if (m) {
    const [a, b, c] = [m[1]!, m[3]!, m[4]!];
    if (a.length === 4) return checkYmd(text, Number(a), Number(b), Number(c), ORDER_WORDS.ymd, null);
    if (format.order === 'ymd') {
      if (a.length === 2 && c.length <= 2) return { ok: false, code: 'two-digit-year', message: `"${text}" has a two-digit year.`, fix: 'Write the year in full, e.g. 2023-03-14.' };
      return { ok: false, code: 'bad-date', message: `"${text}" is not a date in year/month/day order.`, fix: generalFix };
    }
    if (c.length !== 4) {
      if (c.length === 2) return format.order === 'mdy' ? twoDigit(text, Number(b), Number(a), c, 'mdy') : twoDigit(text, Number(a), Number(b), c, 'dmy');
      return { ok: false, code: 'bad-date', message: `"${text}" does not have a four-digit year.`, fix: generalFix };
    }
    const y = Number(c);
    if (format.order === 'mdy') return checkYmd(text, y, Number(a), Number(b), ORDER_WORDS.mdy, [y, Number(b), Number(a), ORDER_WORDS.dmy]);
    return checkYmd(text, y, Number(b), Number(a), ORDER_WORDS.dmy, [y, Number(a), Number(b), ORDER_WORDS.mdy]);
  }
  const words = normaliseWord(text).replace(WEEKDAY_PREFIX, '');
  let dm = DAY_MONTH_NAME.exec(words);
  let day: number | null = null, month: number | undefined, year = '';
  if (dm) { day = Number(dm[1]); month = MONTHS.get(dm[2]!); year = dm[3]!; }
  else if ((dm = MONTH_NAME_DAY.exec(words))) { month = MONTHS.get(dm[1]!); day = Number(dm[2]); year = dm[3]!; }
  if (day != null && month != null) {
    if (year.length === 2) return twoDigit(text, day, month, year, format.order);
    if (year.length === 4) return checkYmd(text, Number(year), month, day, 'day, month name, year', null);
  }
  if (text === '') return { ok: false, code: 'missing-date', message: 'the date is empty.', fix: 'Fill in the date of the event.' };
  return { ok: false, code: 'bad-date', message: `"${text}" is not a date.`, fix: generalFix };
}
