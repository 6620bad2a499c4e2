/**
 * One table row to attendance records: pick the mapped cells, check them (missing event, missing person and
 * organisation, dates, durations, e-mail, column counts, cell length), resolve aliases and side tables, and
 * expand multi-value cells. Returns the records, or the errors that keep the row out, plus its warnings.
 */
import type { AttendanceRecord, Field } from '../types.js';
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
const FORMULA_FIELDS: readonly Field[] = ['event', 'person', 'organisation', 'sector', 'region', 'event_type', 'role'];

/** True when a data row repeats the header texts (case-insensitive, at least two non-empty headers). */
function repeatsHeader(headers: readonly string[], cells: readonly TableCell[]): boolean {
  let compared = 0;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (h === '') continue;
    if (cellText(cells[i]).toLowerCase() !== h.toLowerCase()) return false;
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

/** Read one row. Pure apart from its inputs: no report, no builder. */
export function readRow(ctx: RowContext, row: TableRow): RowOutcome {
  const { table, columns, options } = ctx;
  const file = table.file;
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const out: RowOutcome = { records: [], errors, warnings };
  const err = (column: string | null, value: unknown, code: Issue['code'], message: string, fix: string) => errors.push(makeIssue(file, row.row, column, value, code, message, fix));
  const warn = (column: string | null, value: unknown, code: Issue['code'], message: string, fix: string) => warnings.push(makeIssue(file, row.row, column, value, code, message, fix));

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
  const headers = table.headers;
  const cells = row.cells;
  if (row.uncomputed?.length) {
    // read-excel-file reads such a cell as empty: using the row would silently lose its person, event, ...
    for (const c of row.uncomputed)
      err(columnLabel(headers, c), null, 'formula-uncomputed', 'this cell holds a formula without a computed value (the workbook was never recalculated, or the formula gives an error such as #N/A), so its value is unknown.', 'Open the file in Excel or LibreOffice, let it recalculate and save it again, or replace the formula by its value.');
    return out;
  }
  if (repeatsHeader(headers, cells)) {
    err(null, cells.map((c) => cellText(c)).join(table.delimiter ?? ', '), 'repeated-header', 'this row repeats the header line (were several files pasted together?); it is not an attendance.', 'Remove the repeated header line (or give the files separately: they are concatenated).');
    return out;
  }
  if (table.format === 'csv') {
    const other = cells.length === 1 && headers.length > 1 ? otherDelimiter(cells, headers.length, table.delimiter ?? ',') : null;
    if (other) {
      const name = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);
      err(null, cells.map((c) => cellText(c)).join(table.delimiter ?? ','), 'mixed-delimiter', `this row is separated by ${name(other)} while the header uses ${name(table.delimiter ?? ',')}, so its cells cannot be told apart.`, `Use one delimiter in the whole file (save it again from the spreadsheet as CSV), or replace ${name(other)} by ${name(table.delimiter ?? ',')} on this row.`);
      return out;
    }
    if (cells.length > headers.length) {
      const extra = cells.slice(headers.length).map((c) => cellText(c));
      if (extra.some((c) => c !== ''))
        err(null, extra.join(table.delimiter ?? ','), 'extra-columns', `this row has ${cells.length} cells but the header has ${headers.length} columns, so its values may be shifted.`, `Put cells that contain "${table.delimiter === '\t' ? 'tab' : table.delimiter}" between double quotes, or remove the extra cells.`);
    } else if (cells.length < headers.length) {
      warn(columnLabel(headers, cells.length), null, 'too-few-columns', `this row has ${cells.length} cells but the header has ${headers.length} columns; the missing cells are read as empty.`, 'Check that no cell was lost on this row (every row should have one cell per column).');
    }
  }
  for (let i = 0; i < cells.length && i < Math.max(headers.length, 1); i++) {
    const text = typeof cells[i] === 'string' ? (cells[i] as string) : '';
    if (text.length > READ_LIMITS.maxCellChars)
      err(columnLabel(headers, i), text, 'cell-too-long', `this cell has ${text.length} characters, more than the ${READ_LIMITS.maxCellChars} accepted.`, 'Shorten the cell (an attendance cell holds a name, a date or a short label).');
  }
  if (errors.length) return out;

  const text = (field: Field): { value: string; column: string | null; raw: TableCell | undefined } => {
    const cols = columns[field];
    if (!cols || cols.length === 0) return { value: '', column: null, raw: undefined };
    if (field === 'person' && cols.length > 1) {
      const parts = cols.map((c) => cellText(cells[c])).filter((t) => t !== '');
      return { value: parts.join(' '), column: cols.map((c) => columnLabel(headers, c)).join(' + '), raw: parts.join(' ') };
    }
    for (const c of cols) {
      const v = cellText(cells[c]);
      if (v !== '') return { value: v, column: columnLabel(headers, c), raw: cells[c] };
    }
    return { value: '', column: columnLabel(headers, cols[0]!), raw: undefined };
  };
  const list = (field: 'person' | 'organisation' | 'event'): { values: string[]; column: string | null } => {
    const t = text(field);
    const raw = t.raw;
    const values = Array.isArray(raw) ? (raw as readonly CellValue[]).map((v) => cellText(v)).filter((v) => v !== '') : splitValues(t.value, options.split[field]);
    return { values, column: t.column };
  };

  // A text cell starting with "=" is probably a formula exported as text. (Our own writer's `'=` is restored, not flagged.)
  for (const field of FORMULA_FIELDS) {
    for (const c of columns[field] ?? []) {
      const raw = cells[c];
      if (typeof raw === 'string' && raw.trimStart().startsWith('='))
        warn(columnLabel(headers, c), raw, 'formula-cell', 'this cell starts with "=" like a spreadsheet formula; it is read as text, as written.', 'If it is a formula, save the values instead (in Excel: copy, then Paste Values) before exporting; if the text is right, nothing to do (outputs neutralise it).');
    }
  }

  const ev = list('event');
  const people = list('person');
  const orgs = list('organisation');
  const eventColumn = ev.column ?? columnLabel(headers, columns.event?.[0] ?? 0);
  if (ev.values.length === 0) err(eventColumn, null, 'missing-event', 'the event is empty.', 'Fill in the event (activity, session, meeting) this attendance belongs to, or remove the row.');
  if (people.values.length === 0 && orgs.values.length === 0) {
    const column = people.column ?? orgs.column ?? (columns.person ? columnLabel(headers, columns.person[0]!) : columns.organisation ? columnLabel(headers, columns.organisation[0]!) : null);
    err(column, null, 'missing-person-and-organisation', 'both the person and the organisation are empty.', 'Fill in who attended (a person, an organisation, or both), or remove the row.');
  }

  // Date: the row's own, else the events table's; checked per event value when it comes from the table.
  const dateCell = text('date');
  let rowDate: string | null = null;
  if (dateCell.value !== '') {
    const value = firstValue(dateCell.raw);
    const cache = typeof value === 'string' ? ctx.dateCache : undefined;
    let parsed = cache?.get(value as string);
    if (parsed === undefined) {
      parsed = parseDateCell(value, options.date);
      if (cache && cache.size < 100_000) cache.set(value as string, parsed);
    }
    if (parsed.ok) rowDate = parsed.iso;
    else err(dateCell.column, dateCell.raw, parsed.code, parsed.message, parsed.fix);
  }

  let duration: number | null = null;
  const dur = text('duration_hours');
  if (dur.value !== '') {
    const d = parseDurationHours(dur.raw);
    if (d.ok) duration = d.hours;
    else warn(dur.column, dur.raw, 'bad-duration', d.message + ' The row is used without a duration.', d.fix);
  }
  let email: string | null = null;
  const mail = text('email');
  if (mail.value !== '') {
    // The e-mail is an identity key only: never repeated in reports.
    if (isEmail(mail.value)) email = mail.value.toLowerCase();
    else warn(mail.column, null, 'bad-email', 'this cell is not an e-mail address; it is ignored.', 'Write one address such as name@example.org.');
  }

  const resolve = (kind: 'person' | 'organisation' | 'event', v: string) => (ctx.aliases ? ctx.aliases.resolve(kind, v) : v);
  const events: { name: string; date: string | null; type: string | null; duration: number | null }[] = [];
  for (const value of ev.values) {
    const aliased = resolve('event', value);
    const side = ctx.events?.lookup(aliased) ?? (aliased !== value ? ctx.events?.lookup(value) : undefined);
    const date = rowDate ?? side?.date ?? null;
    if (date == null && !ctx.undated && dateCell.value === '' && errors.length === 0) {
      const where = columns.date?.length ? `the date is empty` : `the event "${value}" has no date in the events table`;
      err(dateCell.column ?? eventColumn, columns.date?.length ? null : value, 'missing-date', `${where}, while this file is read with dates.`, columns.date?.length ? 'Fill in the date of the event, or use --map "<date header>=ignore" to read the whole file without dates.' : 'Add the event and its date to the events table.');
    }
    events.push({ name: side?.name ?? aliased, date, type: text('event_type').value || side?.event_type || null, duration: duration ?? side?.duration_hours ?? null });
  }
  if (errors.length) return out;

  const sector = text('sector').value || null;
  const region = text('region').value || null;
  const role = text('role').value || null;
  const personNames = people.values.length ? people.values.map((p) => resolve('person', p)) : [null];
  const orgInfos = orgs.values.length
    ? orgs.values.map((o) => {
        const aliased = resolve('organisation', o);
        const side = ctx.organisations?.lookup(aliased) ?? (aliased !== o ? ctx.organisations?.lookup(o) : undefined);
        return { name: side?.name ?? aliased, sector: sector ?? side?.sector ?? null, region: region ?? side?.region ?? null };
      })
    : [null];
  for (const e of events)
    for (const person of personNames)
      for (const org of orgInfos)
        out.records.push({
          event: e.name,
          date: e.date,
          person,
          organisation: org?.name ?? null,
          sector: org?.sector ?? null,
          region: org?.region ?? null,
          event_type: e.type,
          duration_hours: e.duration,
          role,
          email,
          source: { file, row: row.row },
        });
  return out;
}
