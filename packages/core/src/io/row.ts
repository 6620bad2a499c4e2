/**
 * One table row to attendance records: pick the mapped cells, check them (missing event, missing person and
 * organisation, dates, durations, e-mail, column counts, cell length), resolve aliases and side tables, and
 * expand multi-value cells. Returns the records, or the errors that keep the row out, plus its warnings.
 */
import { detach } from '../model/detach.js';
import { FIELDS, type AttendanceRecord, type Field } from '../types.js';
import type { AliasResolver } from './aliases.js';
import { READ_LIMITS } from './limits.js';
import type { ResolvedReadOptions } from './options.js';
import { parseDateCell, type DateParseResult } from './parse-date.js';
import { makeIssue } from './report.js';
import type { EventEntry, OrganisationEntry, SideTable } from './side-tables.js';
import { columnLabel, type ParsedTable, type TableCell, type TableRow } from './table.js';
import type { CellValue, Issue } from './types.js';
import { cellText, isEmail, parseDurationHours, splitValues } from './values.js';

/** Everything a row needs from its file and the options. */
export interface RowContext {
  table: ParsedTable;
  /** Columns per field, in header order (several only for joined first/last names or explicit --map). */
  columns: Partial<Record<Field, number[]>>;
  options: ResolvedReadOptions;
  aliases: AliasResolver | null;
  organisations: SideTable<OrganisationEntry> | null;
  events: SideTable<EventEntry> | null;
  /** True when the file is read without dates (no date column, no events table). */
  undated: boolean;
  /** Parsed dates by cell text (dates repeat on many rows); filled by `readRow` when given. Default: none. */
  dateCache?: Map<string, DateParseResult>;
}

/** The outcome for one row. */
export interface RowOutcome {
  records: AttendanceRecord[];
  errors: Issue[];
  warnings: Issue[];
}

const firstValue = (c: TableCell | undefined): CellValue => (Array.isArray(c) ? ((c as readonly CellValue[])[0] ?? null) : ((c as CellValue | undefined) ?? null));

/** Text fields checked for formula-like cells. */
export const FORMULA_FIELDS: readonly Field[] = ['event', 'person', 'organisation', 'sector', 'region', 'event_type', 'role'];

/** `text.toLowerCase() === lower`, without lower-casing a copy when `text` is ASCII. */
export function equalsLower(text: string, lower: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return text.toLowerCase() === lower;
    if (c >= 65 && c <= 90) c += 32;
    if (i >= lower.length || c !== lower.charCodeAt(i)) return false;
  }
  return n === lower.length;
}

/** True when a data row repeats the header texts (case-insensitive, at least two non-empty headers; `headersLower` lower-cased). */
function repeatsHeader(headersLower: readonly string[], cells: readonly TableCell[]): boolean {
  let compared = 0;
  for (let i = 0; i < headersLower.length; i++) {
    const h = headersLower[i]!;
    if (h === '') continue;
    if (!equalsLower(cellText(cells[i]), h)) return false;
    compared++;
  }
  return compared >= 2;
}

/**
 * A one-cell CSV row that another candidate delimiter would split into (at least) as many cells as the header:
 * the file mixes delimiters. Returns that delimiter, or null.
 */
function otherDelimiter(cells: readonly TableCell[], width: number, delimiter: string): string | null {
  if (width < 2) return null;
  const raw = cells.map((c) => (typeof c === 'string' ? c : '')).join(delimiter);
  for (const d of [',', ';', '\t']) {
    if (d === delimiter) continue;
    if (raw.split(d).length >= width) return d;
  }
  return null;
}

/** `text.trimStart().startsWith('=')`, without the copy when the text starts with a visible ASCII character. */
export function startsWithEquals(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c > 32 && c < 127) return c === 61;
  return text.trimStart().startsWith('=');
}

/** A picked field of a row: its text, the column(s) it came from, and the raw cell. */
interface Picked {
  field: Field;
  /** The field's columns (empty: not mapped). */
  cols: readonly number[];
  value: string;
  column: string | null;
  raw: TableCell | undefined;
  /** `list`'s result for this field, and its one-value list. */
  listed: Listed;
  one: string[];
}

/** The values of a multi-value field and the column(s) they came from. */
interface Listed {
  values: string[];
  column: string | null;
}

const NO_VALUES = Object.freeze([]) as unknown as string[];
const ONE_NULL = Object.freeze([null]) as unknown as null[];

/** The shared empty list of a row without errors or warnings (replaced by a fresh array on the first one). */
const EMPTY = Object.freeze([]) as unknown as Issue[];

/** Read one row. Pure apart from its inputs: no report, no builder. */
export function readRow(ctx: RowContext, row: TableRow): RowOutcome {
  return createRowReader(ctx)(row);
}

/** Options of `createRowReader`. */
export interface RowReaderOptions {
  /**
   * Give the same outcome object, records array and record objects for every row, refilled (the caller reads
   * each outcome before asking for the next row and keeps no record). Default: false (fresh objects per row).
   */
  reuse?: boolean;
}

/**
 * `readRow` for the rows of one file: what depends on the file only (column labels, lower-case headers, the
 * formula-checked columns) is worked out once, and each row allocates only what it returns (with `reuse`,
 * not even that).
 */
export function createRowReader(ctx: RowContext, readerOptions: RowReaderOptions = {}): (row: TableRow) => RowOutcome {
  const reuse = readerOptions.reuse === true;
  const { table, columns, options } = ctx;
  const file = table.file;
  const headers = table.headers;
  const headersLower = headers.map((h) => h.toLowerCase());
  const labels = headers.map((_, i) => columnLabel(headers, i));
  const label = (c: number): string => labels[c] ?? columnLabel(headers, c);
  const width = Math.max(headers.length, 1);
  const formulaColumns: number[] = [];
  for (const field of FORMULA_FIELDS) for (const c of columns[field] ?? []) formulaColumns.push(c);
  const personJoined = (columns.person?.length ?? 0) > 1 ? columns.person!.map((c) => label(c)).join(' + ') : null;
  const eventColumn0 = columnLabel(headers, columns.event?.[0] ?? 0);
  const personColumn0 = columns.person ? label(columns.person[0]!) : columns.organisation ? label(columns.organisation[0]!) : null;
  const dateMapped = (columns.date?.length ?? 0) > 0;
  const delimiter = table.delimiter;
  const isCsv = table.format === 'csv';
  const aliases = ctx.aliases;
  const resolve = (kind: 'person' | 'organisation' | 'event', v: string) => (aliases ? aliases.resolve(kind, v) : v);
  // One result slot per field, refilled by `text` on each row (a row is read before the next one starts).
  const slots = {} as Record<Field, Picked>;
  for (const field of FIELDS)
    slots[field] = { field, cols: columns[field] ?? [], value: '', column: null, raw: undefined, listed: { values: NO_VALUES, column: null }, one: [''] };

  let cells: TableCell[] = [];
  /** The first non-empty cell of a field (person: the non-empty cells of all its columns, joined). */
  const pick = (slot: Picked): Picked => {
    const cols = slot.cols;
    if (cols.length === 0) {
      slot.value = '';
      slot.column = null;
      slot.raw = undefined;
      return slot;
    }
    if (personJoined !== null && slot.field === 'person') {
      const parts = cols.map((c) => cellText(cells[c])).filter((t) => t !== '');
      slot.value = parts.join(' ');
      slot.column = personJoined;
      slot.raw = slot.value;
      return slot;
    }
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k]!;
      const v = cellText(cells[c]);
      if (v !== '') {
        slot.value = v;
        slot.column = label(c);
        slot.raw = cells[c];
        return slot;
      }
    }
    slot.value = '';
    slot.column = label(cols[0]!);
    slot.raw = undefined;
    return slot;
  };
  /** The values of a person, organisation or event field (in a reused list: read it before the next row). */
  const list = (slot: Picked, separator: string | undefined): Listed => {
    const t = pick(slot);
    const raw = t.raw;
    const l = slot.listed;
    if (Array.isArray(raw)) l.values = (raw as readonly CellValue[]).map((v) => cellText(v)).filter((v) => v !== '');
    else if (separator) l.values = splitValues(t.value, separator);
    else if (t.value === '') l.values = NO_VALUES;
    else {
      // `splitValues(value, undefined)` is `[value]`: the slot's one-element list.
      slot.one[0] = t.value;
      l.values = slot.one;
    }
    l.column = t.column;
    return l;
  };
  const splitEvent = options.split.event, splitPerson = options.split.person, splitOrganisation = options.split.organisation;

  const S = slots;
  let lastDateText: string | null = null;
  let lastDate: DateParseResult | undefined;
  // The row being read and its outcome (for `err` and `warn`).
  let out: RowOutcome = { records: [], errors: EMPTY, warnings: EMPTY };
  let rowNumber = 0;
  const err = (column: string | null, value: unknown, code: Issue['code'], message: string, fix: string) => {
    if (out.errors === EMPTY) out.errors = [];
    out.errors.push(makeIssue(file, rowNumber, column, value, code, message, fix));
  };
  const warn = (column: string | null, value: unknown, code: Issue['code'], message: string, fix: string) => {
    if (out.warnings === EMPTY) out.warnings = [];
    out.warnings.push(makeIssue(file, rowNumber, column, value, code, message, fix));
  };
  // Per-row scratch for the events and organisations of a row (reused; the records copy what they need).
  const events: { name: string; date: string | null; type: string | null; duration: number | null }[] = [];
  const orgInfos: { name: string; sector: string | null; region: string | null }[] = [];

  // With `reuse`: the one outcome, the record objects (by position in the row) and the row's source.
  const shared: RowOutcome = { records: [], errors: EMPTY, warnings: EMPTY };
  const pool: AttendanceRecord[] = [];
  const sharedSource = { file, row: 0 };

  return (row: TableRow): RowOutcome => {
    if (reuse) {
      out = shared;
      out.records.length = 0;
      out.errors = EMPTY;
      out.warnings = EMPTY;
    } else out = { records: [], errors: EMPTY, warnings: EMPTY };
    rowNumber = row.row;

    if (row.broken === 'quote') {
      err(null, row.cells[0], 'stray-quote', 'this row has an unbalanced quote ("): a quoted cell is not closed, or text follows a closing quote.', 'Remove the stray quote, or write a quote inside a quoted cell as two quotes ("").');
      return out;
    }
    if (row.broken === 'too-long') {
      err(null, row.cells[0], 'row-too-long', `this row is longer than ${READ_LIMITS.maxRowChars} characters (often an unclosed quote).`, 'Check the quotes on this row; split very long cells.');
      return out;
    }
    if (row.broken === 'not-object') {
      err(null, row.cells[0], 'bad-value', 'this element of the JSON array is not an object.', 'Write each row as an object, e.g. {"person": "An", "event": "Kick-off", "date": "2023-03-14"}.');
      return out;
    }
    cells = row.cells;
    if (row.uncomputed?.length) {
      // read-excel-file reads such a cell as empty: using the row would silently lose its person, event, ...
      for (const c of row.uncomputed)
        err(columnLabel(headers, c), null, 'formula-uncomputed', 'this cell holds a formula without a computed value (the workbook was never recalculated, or the formula gives an error such as #N/A), so its value is unknown.', 'Open the file in Excel or LibreOffice, let it recalculate and save it again, or replace the formula by its value.');
      return out;
    }
    if (repeatsHeader(headersLower, cells)) {
      err(null, cells.map((c) => cellText(c)).join(table.delimiter ?? ', '), 'repeated-header', 'this row repeats the header line (were several files pasted together?); it is not an attendance.', 'Remove the repeated header line (or give the files separately: they are concatenated).');
      return out;
    }
    if (isCsv) {
      const other = cells.length === 1 && headers.length > 1 ? otherDelimiter(cells, headers.length, delimiter ?? ',') : null;
      if (other) {
        const name = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);
        err(null, cells.map((c) => cellText(c)).join(delimiter ?? ','), 'mixed-delimiter', `this row is separated by ${name(other)} while the header uses ${name(delimiter ?? ',')}, so its cells cannot be told apart.`, `Use one delimiter in the whole file (save it again from the spreadsheet as CSV), or replace ${name(other)} by ${name(delimiter ?? ',')} on this row.`);
        return out;
      }
      if (cells.length > headers.length) {
        const extra = cells.slice(headers.length).map((c) => cellText(c));
        if (extra.some((c) => c !== ''))
          err(null, extra.join(delimiter ?? ','), 'extra-columns', `this row has ${cells.length} cells but the header has ${headers.length} columns, so its values may be shifted.`, `Put cells that contain "${delimiter === '\t' ? 'tab' : delimiter}" between double quotes, or remove the extra cells.`);
      } else if (cells.length < headers.length) {
        warn(columnLabel(headers, cells.length), null, 'too-few-columns', `this row has ${cells.length} cells but the header has ${headers.length} columns; the missing cells are read as empty.`, 'Check that no cell was lost on this row (every row should have one cell per column).');
      }
    }
    for (let i = 0; i < cells.length && i < width; i++) {
      const cell = cells[i];
      if (typeof cell === 'string' && cell.length > READ_LIMITS.maxCellChars)
        err(columnLabel(headers, i), cell, 'cell-too-long', `this cell has ${cell.length} characters, more than the ${READ_LIMITS.maxCellChars} accepted.`, 'Shorten the cell (an attendance cell holds a name, a date or a short label).');
    }
    if (out.errors.length) return out;

    // A text cell starting with "=" is probably a formula exported as text. (Our own writer's `'=` is restored, not flagged.)
    for (let k = 0; k < formulaColumns.length; k++) {
      const c = formulaColumns[k]!;
      const raw = cells[c];
      if (typeof raw === 'string' && startsWithEquals(raw))
        warn(label(c), raw, 'formula-cell', 'this cell starts with "=" like a spreadsheet formula; it is read as text, as written.', 'If it is a formula, save the values instead (in Excel: copy, then Paste Values) before exporting; if the text is right, nothing to do (outputs neutralise it).');
    }

    const ev = list(S.event, splitEvent);
    const people = list(S.person, splitPerson);
    const orgs = list(S.organisation, splitOrganisation);
    const eventColumn = ev.column ?? eventColumn0;
    if (ev.values.length === 0) err(eventColumn, null, 'missing-event', 'the event is empty.', 'Fill in the event (activity, session, meeting) this attendance belongs to, or remove the row.');
    if (people.values.length === 0 && orgs.values.length === 0) {
      const column = people.column ?? orgs.column ?? personColumn0;
      err(column, null, 'missing-person-and-organisation', 'both the person and the organisation are empty.', 'Fill in who attended (a person, an organisation, or both), or remove the row.');
    }

    // Date: the row's own, else the events table's; checked per event value when it comes from the table.
    const dateCell = pick(S.date);
    const dateValue = dateCell.value;
    const dateColumn = dateCell.column;
    let rowDate: string | null = null;
    if (dateValue !== '') {
      const value = firstValue(dateCell.raw);
      const cache = typeof value === 'string' ? ctx.dateCache : undefined;
      // Dates repeat on consecutive rows: the previous row's date text first, then the cache.
      let parsed = cache && value === lastDateText ? lastDate : cache?.get(value as string);
      if (parsed === undefined) {
        parsed = parseDateCell(value, options.date);
        if (cache && cache.size < 100_000) cache.set(detach(value as string), parsed.ok ? parsed : { ...parsed, message: detach(parsed.message), fix: detach(parsed.fix) });
      }
      if (cache) {
        lastDateText = value as string;
        lastDate = parsed;
      }
      if (parsed.ok) rowDate = parsed.iso;
      else err(dateColumn, dateCell.raw, parsed.code, parsed.message, parsed.fix);
    }

    let duration: number | null = null;
    const dur = pick(S.duration_hours);
    if (dur.value !== '') {
      const d = parseDurationHours(dur.raw);
      if (d.ok) duration = d.hours;
      else warn(dur.column, dur.raw, 'bad-duration', d.message + ' The row is used without a duration.', d.fix);
    }
    let email: string | null = null;
    const mail = pick(S.email);
    if (mail.value !== '') {
      // The e-mail is an identity key only: never repeated in reports.
      if (isEmail(mail.value)) email = mail.value.toLowerCase();
      else warn(mail.column, null, 'bad-email', 'this cell is not an e-mail address; it is ignored.', 'Write one address such as name@example.org.');
    }

    let nEvents = 0;
    for (const value of ev.values) {
      const aliased = resolve('event', value);
      const side = ctx.events?.lookup(aliased) ?? (aliased !== value ? ctx.events?.lookup(value) : undefined);
      const date = rowDate ?? side?.date ?? null;
      if (date == null && !ctx.undated && dateValue === '' && out.errors.length === 0) {
        const where = dateMapped ? `the date is empty` : `the event "${value}" has no date in the events table`;
        err(dateColumn ?? eventColumn, dateMapped ? null : value, 'missing-date', `${where}, while this file is read with dates.`, dateMapped ? 'Fill in the date of the event, or use --map "<date header>=ignore" to read the whole file without dates.' : 'Add the event and its date to the events table.');
      }
      const e = (events[nEvents++] ??= { name: '', date: null, type: null, duration: null });
      e.name = side?.name ?? aliased;
      e.date = date;
      e.type = pick(S.event_type).value || side?.event_type || null;
      e.duration = duration ?? side?.duration_hours ?? null;
    }
    if (out.errors.length) return out;

    const sector = pick(S.sector).value || null;
    const region = pick(S.region).value || null;
    const role = pick(S.role).value || null;
    const personNames: readonly (string | null)[] = people.values.length ? (aliases ? people.values.map((p) => resolve('person', p)) : people.values) : ONE_NULL;
    const nOrgs = orgs.values.length;
    for (let k = 0; k < nOrgs; k++) {
      const o = orgs.values[k]!;
      const aliased = resolve('organisation', o);
      const side = ctx.organisations?.lookup(aliased) ?? (aliased !== o ? ctx.organisations?.lookup(o) : undefined);
      const info = (orgInfos[k] ??= { name: '', sector: null, region: null });
      info.name = side?.name ?? aliased;
      info.sector = sector ?? side?.sector ?? null;
      info.region = region ?? side?.region ?? null;
    }
    let source = { file, row: row.row };
    if (reuse) {
      source = sharedSource;
      source.row = row.row;
    }
    for (let i = 0; i < nEvents; i++) {
      const e = events[i]!;
      for (const person of personNames)
        for (let k = 0; k < Math.max(nOrgs, 1); k++) {
          const org = nOrgs ? orgInfos[k]! : null;
          const n = out.records.length;
          const r: AttendanceRecord = reuse && n < pool.length ? pool[n]! : { event: '', date: null, person: null, organisation: null, sector: null, region: null, event_type: null, duration_hours: null, role: null, email: null, source };
          if (reuse && n === pool.length) pool.push(r);
          r.event = e.name;
          r.date = e.date;
          r.person = person;
          r.organisation = org?.name ?? null;
          r.sector = org?.sector ?? null;
          r.region = org?.region ?? null;
          r.event_type = e.type;
          r.duration_hours = e.duration;
          r.role = role;
          r.email = email;
          r.source = source;
          out.records.push(r);
        }
    }
    return out;
  };
}
