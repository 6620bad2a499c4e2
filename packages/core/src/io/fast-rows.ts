/**
 * The reader's fast path for CSV rows: cells come as spans of the file's text (or of the window of a streamed
 * file; table.ts `spanRows`), each mapped cell is interned per column (model/intern.ts), and everything the
 * general row reader (row.ts) and the model builder work out from one cell (its trimmed text, date, duration,
 * e-mail, formula and header checks, the builder's draft ids) is worked out once per distinct value. A row is
 * then a handful of integer lookups: no string, record or key is made per row.
 *
 * Only regular rows are read here: one cell per header, no cell over the length limit, and every cell a value
 * the general reader takes without error or warning. Any other row is left to the general reader (`row`
 * returns false before changing anything), which gives its errors and warnings. So both paths give the same
 * model and report; a property test compares them (test/io/fast-rows.test.ts).
 */
import type { ModelBuilder } from '../model/build-model.js';
import type { AttendanceRecord, Field } from '../types.js';
import { createInterner, type Interner } from '../model/intern.js';
import { createPairIds } from './int-tables.js';
import { READ_LIMITS } from './limits.js';
import type { ResolvedReadOptions } from './options.js';
import { parseDateCell } from './parse-date.js';
import { duplicateRowIssue, twoEventsIssue, type PersonDays, type RowRefs } from './row-bookkeeping.js';
import type { ReportCollector } from './report.js';
import { equalsLower, FORMULA_FIELDS, startsWithEquals } from './row.js';
import { createCsvCursor, CSV_CHUNK_CHARS } from './csv.js';
import { columnLabel, isEmptyRow, type ParsedTable, type SpanRows, type TableRow } from './table.js';
import { cellText, isEmail, parseDurationHours } from './values.js';

/** What the fast path shares with the reader of the file. */
export interface FastRowContext {
  table: ParsedTable;
  columns: Partial<Record<Field, number[]>>;
  options: ResolvedReadOptions;
  /** Aliases or a side table (events, organisations) in use: then the general reader reads every row. */
  resolving: boolean;
  builder: ModelBuilder;
  report: ReportCollector;
  /** The row of each attendance. */
  rowRefs: RowRefs;
  personDays: PersonDays;
  fileIndex: number;
  fileNames: readonly string[];
}

/** What the bulk scan hands back to the reader of the file. */
export interface BulkHooks {
  /** A data row the fast path does not read (irregular shape or value, or a record papaparse reads): the general reader's. */
  general(row: TableRow): void;
  /** True while the file's mapping still lacks a sample value of some column. */
  sampling(): boolean;
  sample(cells: readonly string[]): void;
  /** Share of the text read, every 1,024 rows. */
  progress(share: number): void;
}

/** Rows of a bulk scan: data rows met (empty rows not counted), and those the fast path used itself. */
export interface BulkCounts {
  rows: number;
  used: number;
}

/** A fast reader of one file's rows. */
export interface FastRows {
  /** Read the current row of `rows` (a `SPAN_ROW`); false when it is not regular (nothing was changed: read it the general way). */
  row(rows: SpanRows): boolean;
  /**
   * Read the data records of an in-memory CSV text from offset `from` (record index `firstIndex`) to its end in
   * one scan: plain records of regular rows here, every other data row handed to `hooks.general` in file order.
   */
  bulk(csv: { text: string; delimiter: string; newline: string }, from: number, firstIndex: number, hooks: BulkHooks): BulkCounts;
}

/** Records the bulk scan hands to a record cursor one by one before one cursor reads the rest of the file. */
const MAX_HANDED = 256;
const QUOTE = 34;

/** What a value gives: not looked at yet, a good value, an empty good value (person, organisation), or a bad one. */
const UNSEEN = 0, GOOD = 1, EMPTY = 2, BAD = 3, STATE = 3;
/** Organisation values: flags beside the state once the value's draft is known to have a sector (a region). */
const SECTOR_KNOWN = 4, REGION_KNOWN = 8;

/** One mapped column: its interned values and what each value gives. */
interface Column {
  field: Field;
  index: number;
  ids: Interner;
  /** Per value, side by side: its state (UNSEEN, GOOD, EMPTY, BAD) and the builder's draft id (person, organisation; -1 until first used). */
  info: Int32Array;
  /** `cellText` of the value, null when empty (date column: the ISO date; e-mail: lower-cased). */
  text: (string | null)[];
  /** Duration column: hours (NaN: none). */
  number: Float64Array;
  /** The previous row's cell (span and value id; start -1: none) and how often the next row repeated it. */
  lastStart: number;
  lastEnd: number;
  lastId: number;
  repeats: number;
  tries: number;
}

function growColumn(col: Column, size: number): void {
  let cap = col.number.length;
  while (cap < size) cap *= 2;
  const info = new Int32Array(2 * cap);
  info.set(col.info);
  col.info = info;
  const number = new Float64Array(cap).fill(NaN);
  number.set(col.number);
  col.number = number;
}

function newColumn(field: Field, index: number): Column {
  return { field, index, ids: createInterner(), info: new Int32Array(512), text: [], number: new Float64Array(256).fill(NaN), lastStart: -1, lastEnd: -1, lastId: -1, repeats: 0, tries: 0 };
}

/**
 * The fast path for a file, or null when its set-up needs the general reader for every row: not a CSV, aliases
 * or side tables, split cells, a field read from several columns, no date column, a person identity other than
 * the name, or `fastPath: false`.
 */
export function createFastRows(ctx: FastRowContext): FastRows | null {
  const { table, columns, options } = ctx;
  if (!options.fastPath || !table.spanRows || ctx.resolving || options.personKey !== 'name') return null;
  if (options.split.event || options.split.person || options.split.organisation) return null;
  for (const f of Object.keys(columns) as Field[]) if (columns[f]!.length !== 1) return null;
  if (!columns.event || !columns.date || (!columns.person && !columns.organisation)) return null;

  const headers = table.headers;
  const width = Math.max(headers.length, 1);
  const headersLower = headers.map((h) => h.toLowerCase());
  const col = (f: Field): Column | null => (columns[f] ? newColumn(f, columns[f]![0]!) : null);
  const E = col('event')!, D = col('date')!, P = col('person'), O = col('organisation');
  const SECTOR = col('sector'), REGION = col('region'), TYPE = col('event_type'), ROLE = col('role'), DUR = col('duration_hours'), MAIL = col('email');
  const used = [E, D, P, O, SECTOR, REGION, TYPE, ROLE, DUR, MAIL].filter((c): c is Column => c !== null);
  // A field this path does not know (one added to FIELDS later) is left to the general reader.
  if (used.length !== Object.keys(columns).length) return null;
  // A row that repeats the header repeats it in every column with a header: one such column decides "no".
  const sentinel = used.find((c) => headersLower[c.index] !== '')?.index ?? -1;
  if (sentinel < 0) return null;
  const formula = new Set<number>(used.filter((c) => FORMULA_FIELDS.includes(c.field)).map((c) => c.index));
  const personColumn = P ? columnLabel(headers, P.index) : null;
  const { drafts } = ctx.builder;
  const maxCell = READ_LIMITS.maxCellChars;

  /** Work out what value `id` of `c` gives, once. */
  const judge = (c: Column, id: number): void => {
    if (id >= c.number.length) growColumn(c, id + 1);
    const raw = c.ids.value(id);
    const t = cellText(raw);
    let bad = (formula.has(c.index) && startsWithEquals(raw)) || (c.index === sentinel && equalsLower(t, headersLower[sentinel]!));
    let text: string | null = t === '' ? null : t;
    switch (c.field) {
      case 'event':
        if (t === '') bad = true;
        break;
      case 'date': {
        // An empty date is an error in a file read with dates; a bad one too.
        const parsed = t === '' ? null : parseDateCell(raw, options.date);
        if (parsed === null || !parsed.ok) bad = true;
        else text = parsed.iso;
        break;
      }
      case 'duration_hours':
        if (t !== '') {
          const d = parseDurationHours(raw);
          if (!d.ok) bad = true;
          else if (d.hours !== null) c.number[id] = d.hours;
        }
        break;
      case 'email':
        if (t !== '') {
          if (isEmail(t)) text = t.toLowerCase();
          else bad = true;
        }
        break;
      default:
        break;
    }
    c.text[id] = text;
    c.info[2 * id] = bad ? BAD : text === null ? EMPTY : GOOD;
    c.info[2 * id + 1] = -1;
  };

  // Draft event per (event value, date value).
  const eventPairs = createPairIds();
  let eventDraft = new Int32Array(1024);
  // The previous row's event and date values and their draft (rows of one event usually come together).
  let lastEventValue = -1, lastDateValue = -1, lastEvent = -1;
  // The record handed to the person-day check (it reads the event name, date and person).
  const rec: AttendanceRecord = { event: '', date: null, person: null, organisation: null, sector: null, region: null, event_type: null, duration_hours: null, role: null, email: null };
  const fileName = table.file;

  let text = '';

  /**
   * A regular row from its value ids (-1: no such column) and the texts of its optional columns: what
   * `builder.add` does with the general reader's record, by draft ids. (Sector and region go to the row's
   * organisation: a row without one leaves them unused.)
   */
  const commitRow = (ve: number, vd: number, vp: number, sp: number, vo: number, so: number, sector: string | null, region: string | null, type: string | null, role: string | null, email: string | null, duration: number | null, rowNumber: number): void => {
    drafts.begin();
    let e: number;
    if (ve === lastEventValue && vd === lastDateValue) {
      e = lastEvent;
      if (type !== null || duration !== null) drafts.touchEvent(e, type, duration);
    } else {
      const pairsBefore = eventPairs.size;
      const pair = eventPairs.add(ve, vd);
      if (pair === pairsBefore) {
        // A new (event, date) pair of values: the builder finds or makes its draft.
        if (pair === eventDraft.length) {
          const e2 = new Int32Array(eventDraft.length * 2);
          e2.set(eventDraft);
          eventDraft = e2;
        }
        eventDraft[pair] = e = drafts.event(E.text[ve]!, D.text[vd]!, type, duration);
      } else {
        e = eventDraft[pair]!;
        if (type !== null || duration !== null) drafts.touchEvent(e, type, duration);
      }
      lastEventValue = ve;
      lastDateValue = vd;
      lastEvent = e;
    }
    let o = -1;
    if (so === GOOD) {
      const flags = O!.info[2 * vo]!;
      o = O!.info[2 * vo + 1]!;
      if (o < 0) O!.info[2 * vo + 1] = o = drafts.organisation(O!.text[vo]!, sector, region);
      else if ((sector !== null && (flags & SECTOR_KNOWN) === 0) || (region !== null && (flags & REGION_KNOWN) === 0)) drafts.touchOrganisation(o, sector, region);
      // Once the draft has a sector (region), later touches with one change nothing: skip them.
      O!.info[2 * vo] = flags | (sector !== null ? SECTOR_KNOWN : 0) | (region !== null ? REGION_KNOWN : 0);
    }
    let p = -1;
    if (sp === GOOD) {
      p = P!.info[2 * vp + 1]!;
      if (p < 0) P!.info[2 * vp + 1] = p = drafts.person(P!.text[vp]!, so === GOOD ? O!.text[vo]! : null, email);
    }
    const added = drafts.commit(e, p, o, role);
    if (!added) {
      const first = ctx.builder.last.attendance;
      ctx.report.warning(duplicateRowIssue(fileName, rowNumber, ctx.rowRefs.file(first), ctx.rowRefs.row(first), ctx.fileIndex, ctx.fileNames));
      return;
    }
    ctx.rowRefs.set(ctx.builder.last.attendance, ctx.fileIndex, rowNumber);
    if (p >= 0) {
      // The check reads the event and the date (the person's name only for a person without a draft id, which a
      // named person always has here): the name is looked up for the warning alone.
      rec.event = E.text[ve]!;
      rec.date = D.text[vd]!;
      const earlier = ctx.personDays.check(p, e, rec, options.personKey, ctx.fileIndex, rowNumber);
      if (earlier) {
        rec.person = P!.text[vp]!;
        rec.email = email;
        ctx.report.warning(twoEventsIssue(fileName, rowNumber, personColumn, rec, earlier, ctx.fileIndex, ctx.fileNames));
      }
    }
  };

  /** The text of value `v` of column `c` (null: no column, or an empty cell; undefined: a bad value). */
  const textOfValue = (c: Column | null, v: number): string | null | undefined => (c === null ? null : c.info[2 * v] === BAD ? undefined : c.text[v]!);

  // The bulk scan's columns by header index (null: not mapped), and per row the value id of each mapped column.
  const byIndex: (Column | null)[] = new Array<Column | null>(width).fill(null);
  for (const c of used) byIndex[c.index] = c;
  const cellStart = new Int32Array(width);
  const cellEnd = new Int32Array(width);

  /** The value id of the cell [s, e) of `text` in column `c`: previous row's cell first, then the interner. */
  const spanValue = (t: string, c: Column, s: number, e: number): number => {
    const ls = c.lastStart;
    if (ls >= 0 && c.lastEnd - ls === e - s && (c.tries < 64 || 2 * c.repeats >= c.tries)) {
      c.tries++;
      let i = 0;
      const len = e - s;
      while (i < len && t.charCodeAt(s + i) === t.charCodeAt(ls + i)) i++;
      if (i === len) {
        c.repeats++;
        c.lastStart = s;
        c.lastEnd = e;
        return c.lastId;
      }
    }
    const id = c.ids.span(t, s, e);
    if (2 * id >= c.info.length || c.info[2 * id] === UNSEEN) judge(c, id);
    c.lastStart = s;
    c.lastEnd = e;
    c.lastId = id;
    return id;
  };

  // The values of the current plain record, as `readValues` found them.
  let ve_ = -1, vd_ = -1, vp_ = -1, sp_ = EMPTY, vo_ = -1, so_ = EMPTY;
  let sector_: string | null = null, region_: string | null = null, type_: string | null = null, role_: string | null = null, email_: string | null = null;
  let duration_: number | null = null;
  const optionalText = (t: string, c: Column | null): string | null | undefined => (c === null ? null : textOfValue(c, spanValue(t, c, cellStart[c.index]!, cellEnd[c.index]!)));
  /**
   * The value ids and texts of the plain record in `cellStart`/`cellEnd` (one cell per header), into `ve_` …
   * `duration_`; false when the row is not regular (its cells are the general reader's to judge).
   */
  const readValues = (t: string): boolean => {
    for (let k = 0; k < width; k++) if (cellEnd[k]! - cellStart[k]! > maxCell) return false;
    const ve = spanValue(t, E, cellStart[E.index]!, cellEnd[E.index]!);
    const vd = spanValue(t, D, cellStart[D.index]!, cellEnd[D.index]!);
    if (E.info[2 * ve] === BAD || D.info[2 * vd] === BAD) return false;
    let vp = -1, sp = EMPTY, vo = -1, so = EMPTY;
    if (P) {
      vp = spanValue(t, P, cellStart[P.index]!, cellEnd[P.index]!);
      sp = P.info[2 * vp]!;
      if (sp === BAD) return false;
    }
    if (O) {
      vo = spanValue(t, O, cellStart[O.index]!, cellEnd[O.index]!);
      so = O.info[2 * vo]! & STATE;
      if (so === BAD) return false;
    }
    if (sp === EMPTY && so === EMPTY) return false;
    const sector = optionalText(t, SECTOR), region = optionalText(t, REGION), type = optionalText(t, TYPE), role = optionalText(t, ROLE), email = optionalText(t, MAIL);
    if (sector === undefined || region === undefined || type === undefined || role === undefined || email === undefined) return false;
    let duration: number | null = null;
    if (DUR) {
      const v = spanValue(t, DUR, cellStart[DUR.index]!, cellEnd[DUR.index]!);
      if (DUR.info[2 * v] === BAD) return false;
      const h = DUR.number[v]!;
      duration = Number.isNaN(h) ? null : h;
    }
    ve_ = ve; vd_ = vd; vp_ = vp; sp_ = sp; vo_ = vo; so_ = so;
    sector_ = sector; region_ = region; type_ = type; role_ = role; email_ = email; duration_ = duration;
    return true;
  };

  return {
    row(rows: SpanRows): boolean {
      if (rows.count !== width) return false;
      const cursor = rows.cursor;
      if (rows.text !== text) for (const c of used) c.lastStart = -1;
      text = rows.text;
      for (let k = 0; k < width; k++) {
        // A quoted cell with doubled quotes comes as a string, not a span: such a row is the general reader's.
        if (cursor.spanStart[k]! < 0) return false;
        cellStart[k] = cursor.spanStart[k]!;
        cellEnd[k] = cursor.spanEnd[k]!;
      }
      if (!readValues(text)) return false;
      commitRow(ve_, vd_, vp_, sp_, vo_, so_, sector_, region_, type_, role_, email_, duration_, rows.row);
      return true;
    },

    bulk(csv: { text: string; delimiter: string; newline: string }, from: number, firstIndex: number, hooks: BulkHooks): BulkCounts {
      for (const c of used) c.lastStart = -1;
      // A local copy of the text: the scan loop reads it on every character.
      const t = (text = csv.text);
      const n = t.length;
      const total = Math.max(1, n);
      const D0 = csv.delimiter.charCodeAt(0);
      const N0 = csv.newline.charCodeAt(0);
      const N1 = csv.newline.length > 1 ? csv.newline.charCodeAt(1) : -1;
      const NL = csv.newline.length;
      let pos = from;
      let index = firstIndex;
      let rows = 0, usedRows = 0;
      let sampling = hooks.sampling();
      // What `handOver` read: where the scan goes on, records read, data rows among them, and whether it read to the end.
      const handed = { count: 0, pos: 0, records: 0, rows: 0, tail: false };
      const cellStrings = (count: number): string[] => {
        const cells = new Array<string>(count);
        for (let k = 0; k < count; k++) cells[k] = t.slice(cellStart[k]!, cellEnd[k]!);
        return cells;
      };
      /**
       * A record that is not plain cells, at `recStart` (record index `at`): the record cursor reads it (papaparse
       * where it must) from where it starts; after MAX_HANDED such records, one cursor reads the rest of the file
       * (one cursor per record would parse a chunk each time). Rare, so out of the scan loop.
       */
      const handOver = (recStart: number, at: number): void => {
        const tail = handed.count++ >= MAX_HANDED;
        const cursor = createCsvCursor(t.slice(recStart), csv.delimiter, csv.newline);
        handed.records = handed.rows = 0;
        handed.tail = tail;
        for (let rec = cursor.next(); rec !== null; rec = tail ? cursor.next() : null) {
          handed.pos = recStart + rec.end;
          handed.records++;
          if (!rec.broken && isEmptyRow(rec.cells)) continue;
          handed.rows++;
          const row: TableRow = { row: at + rec.index + 1, cells: rec.cells, progress: Math.min(1, handed.pos / total) };
          if (rec.broken) row.broken = rec.broken;
          if (!rec.broken && sampling) {
            hooks.sample(rec.cells);
            sampling = hooks.sampling();
          }
          hooks.general(row);
          if (((rows + handed.rows) & 1023) === 0) hooks.progress(row.progress);
        }
      };
      /** True when the plain record of `count` cells is empty as `cellText` reads every cell (a visible ASCII first character settles most). */
      const emptyRecord = (recStart: number, count: number): boolean => {
        for (let k = 0; k < count && k < width; k++) {
          const s = cellStart[k]!, e = cellEnd[k]!;
          if (e === s) continue;
          const c = t.charCodeAt(s);
          if ((c > 32 && c < 127 && c !== 39) || cellText(t.slice(s, e)) !== '') return false;
        }
        return count <= width || isEmptyRow(recordCells(recStart));
      };
      // The cells of the plain record at `start` with more cells than headers (only `width` spans are kept).
      const recordCells = (start: number): string[] => createCsvCursor(t.slice(start), csv.delimiter, csv.newline).next()!.cells;

      while (pos < n) {
        const recStart = pos;
        let count = 0;
        let plain = true;
        let i = pos;
        // One record: cells up to the line break (a quoted cell may hold line breaks), as `createCsvCursor` splits it.
        for (;;) {
          let c = t.charCodeAt(i);
          let s = i, e: number;
          if (c === QUOTE) {
            const q = t.indexOf('"', i + 1);
            if (q < 0 || t.charCodeAt(q + 1) === QUOTE) {
              plain = false;
              break;
            }
            s = i + 1;
            e = q;
            i = q + 1;
            c = t.charCodeAt(i);
            if (i < n && c !== D0 && !(c === N0 && (NL === 1 || t.charCodeAt(i + 1) === N1))) {
              plain = false;
              break;
            }
          } else {
            while (i < n && c !== D0 && c !== N0 && c !== QUOTE) c = t.charCodeAt(++i);
            if (i < n && (c === QUOTE || (c === N0 && NL === 2 && t.charCodeAt(i + 1) !== N1))) {
              plain = false;
              break;
            }
            e = i;
          }
          if (count < width) {
            cellStart[count] = s;
            cellEnd[count] = e;
          }
          count++;
          if (i >= n) {
            pos = n;
            break;
          }
          if (c === D0) {
            i++;
            continue;
          }
          pos = i + NL;
          break;
        }
        // A record longer than the cursor's chunk is papaparse's (and the length limit's) to read.
        if (!plain || pos - recStart > CSV_CHUNK_CHARS) {
          handOver(recStart, index);
          pos = handed.pos;
          index += handed.records;
          rows += handed.rows;
          if (handed.tail) break;
          continue;
        }
        const rowNumber = ++index;
        if (emptyRecord(recStart, count)) continue;
        rows++;
        if ((rows & 1023) === 0) hooks.progress(Math.min(1, pos / total));
        if (sampling) {
          hooks.sample(count > width ? recordCells(recStart) : cellStrings(count));
          sampling = hooks.sampling();
        }
        if (count === width && readValues(t)) {
          usedRows++;
          commitRow(ve_, vd_, vp_, sp_, vo_, so_, sector_, region_, type_, role_, email_, duration_, rowNumber);
        } else hooks.general({ row: rowNumber, cells: count > width ? recordCells(recStart) : cellStrings(count), progress: Math.min(1, pos / total) });
      }
      return { rows, used: usedRows };
    },
  };
}
