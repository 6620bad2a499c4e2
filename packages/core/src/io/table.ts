/**
 * `parseTable`: one user file (CSV, XLSX or JSON) to a header line and an iterable of rows, with file-level
 * problems reported instead of thrown. The format comes from the content first (a zip is XLSX, a picture is
 * refused), the extension second. CSV rows are parsed lazily, chunk by chunk, each time `rows` is iterated;
 * XLSX sheets and JSON arrays are held in memory as their parsers return them (hence READ_LIMITS on bytes).
 */
import { detach } from '../model/detach.js';
import { createCsvCursor, createPiecesCursor, csvRecords, csvRecordsFromPieces, detectDelimiter, detectNewline, type CsvCursor, type CsvRecord, type CsvSpanCursor } from './csv.js';
import { decodeText, decodeWindows1252, extensionOf, looksBinary, sniffBytes, utf8Evidence } from './decode.js';
import { READ_LIMITS } from './limits.js';
import type { CellValue, InputFile, Issue, IssueCode, TableFormat } from './types.js';
import { cellText } from './values.js';
import { readXlsxSheet, XlsxSheetNotFound } from './xlsx.js';

/** A cell: one value, or several (a JSON array value, e.g. `"organisation": ["A", "B"]`). */
export type TableCell = CellValue | readonly CellValue[];

/** One data row of a table. */
export interface TableRow {
  /**
   * Row number as a spreadsheet shows it. CSV: the header is row 1 and each record is one row (a quoted cell
   * spanning several lines stays one row, as in Excel); empty lines count as rows but are not yielded.
   * XLSX: the sheet's own row number. JSON: element i of the array is row i + 2 (as if the keys were row 1).
   */
  row: number;
  /** Cells aligned with `headers` (a CSV row may have more or fewer cells than headers). */
  cells: TableCell[];
  /** Set when the row could not be parsed: an unbalanced quote, a record over the length limit, or a JSON element that is not an object. `cells[0]` then holds the raw start of the row. */
  broken?: 'quote' | 'too-long' | 'not-object';
  /** Share of the file read once this row is done, in [0, 1] (for progress bars). */
  progress: number;
  /** XLSX only: 0-based columns of this row holding a formula without a computed value. */
  uncomputed?: number[];
}

/** A parsed table. `rows` can be iterated more than once (CSV re-parses; XLSX and JSON walk memory). */
export interface ParsedTable {
  file: string;
  format: TableFormat;
  /** Text encoding (CSV and JSON). */
  encoding: string | null;
  /** CSV delimiter. */
  delimiter: string | null;
  /** XLSX sheet name. */
  sheet: string | null;
  /** Header texts as written (trimmed). Empty when `errors` is not empty. */
  headers: string[];
  /** Spreadsheet row of the header (1 unless blank rows come first). */
  headerRow: number;
  /** The data rows (empty rows skipped). */
  rows: Iterable<TableRow>;
  /** Whole-file problems; when there is one, the table has no rows. */
  errors: Issue[];
  /** Whole-file remarks (the file is still read). */
  warnings: Issue[];
  /**
   * CSV only: the same data rows as `rows`, with the cells of plain records as spans over the decoded text (see
   * `SpanRows`), for readers that intern cell values without cutting a string per cell.
   */
  spanRows?: () => SpanRows;
  /**
   * CSV read in memory only: the decoded text (line ends as `newline`), its delimiter and the record index of the
   * header line and the offset where the record after it starts, for the reader's bulk scan of plain records
   * (io/fast-rows.ts `bulk`), which leaves any other record to `createCsvCursor` from where it starts.
   */
  csv?: { text: string; delimiter: string; newline: string; headerIndex: number; dataStart: number };
}

/**
 * A pull reader of a CSV table's data rows in span mode. `next()` moves to the next data row (empty rows and the
 * header skipped, as in `rows`) and says how it comes: `SPAN_ROW` (cells as spans: `cursor.spanStart/spanEnd`
 * over `text`, `count` cells, row number `row`, share read `progress`), `TABLE_ROW` (the row as `tableRow`, as
 * `rows` gives it: records that papaparse reads, broken records) or `END`.
 */
export interface SpanRows {
  next(): 0 | 1 | 2;
  /** The text the current row's spans index (a streamed file: the window it was read from). */
  readonly text: string;
  readonly cursor: CsvSpanCursor;
  row: number;
  progress: number;
  count: number;
  tableRow: TableRow | null;
}
export const SPAN_END = 0, SPAN_ROW = 1, TABLE_ROW = 2;

/** `SpanRows` over the records of a span-mode cursor (`text`, `cursor`: where the last record was read). */
function spanRowsOf(source: { next(): CsvRecord | null; readonly text: string; readonly cursor: CsvCursor }, hIndex: number, total: number): SpanRows {
  const out: SpanRows = {
    get text() {
      return source.text;
    },
    get cursor() {
      return source.cursor as CsvSpanCursor;
    },
    row: 0,
    progress: 0,
    count: 0,
    tableRow: null,
    next(): 0 | 1 | 2 {
      for (let rec = source.next(); rec !== null; rec = source.next()) {
        if (rec.index <= hIndex) continue;
        const count = rec.spans;
        if (count !== undefined) {
          const text = source.text, cursor = source.cursor as CsvSpanCursor;
          let empty = true;
          for (let k = 0; k < count && empty; k++) empty = spanCellEmpty(text, cursor, k);
          if (empty) continue;
          out.row = rec.index + 1;
          out.progress = Math.min(1, rec.end / total);
          out.count = count;
          out.tableRow = null;
          return SPAN_ROW;
        }
        if (!rec.broken && isEmptyRow(rec.cells)) continue;
        const row: TableRow = { row: rec.index + 1, cells: rec.cells, progress: Math.min(1, rec.end / total) };
        if (rec.broken) row.broken = rec.broken;
        out.row = row.row;
        out.progress = row.progress;
        out.count = rec.cells.length;
        out.tableRow = row;
        return TABLE_ROW;
      }
      return SPAN_END;
    },
  };
  return out;
}

/** True when cell `k` of the span record is empty as `cellText` reads it (a visible ASCII first character settles most cells). */
function spanCellEmpty(text: string, cursor: CsvSpanCursor, k: number): boolean {
  const s = cursor.spanStart[k]!;
  if (s < 0) return cellText(cursor.spanCells[k]) === '';
  const e = cursor.spanEnd[k]!;
  if (e === s) return true;
  const c = text.charCodeAt(s);
  // An apostrophe may be our writer's neutralisation mark: let cellText decide.
  if (c > 32 && c < 127 && c !== 39) return false;
  return cellText(text.slice(s, e)) === '';
}

/** Options of `parseTable`. */
export interface ParseTableOptions {
  /** XLSX sheet to read, by name (case-insensitive). Default: the first sheet. */
  sheet?: string | null;
}

/** Header label for messages: the header text, or "column N" (1-based) when the header cell is empty. */
export function columnLabel(headers: readonly string[], index: number): string {
  const h = headers[index];
  return h != null && h !== '' ? h : `column ${index + 1}`;
}

function fileIssue(file: string, code: IssueCode, message: string, fix: string): Issue {
  return { file, row: null, column: null, value: null, message, fix, code };
}

function failed(file: string, format: TableFormat, issue: Issue, extra: Partial<ParsedTable> = {}): ParsedTable {
  return { file, format, encoding: null, delimiter: null, sheet: null, headers: [], headerRow: 1, rows: [], errors: [issue], warnings: [], ...extra };
}

const isEmptyCell = (c: TableCell | undefined): boolean => c == null || (typeof c === 'string' && cellText(c) === '') || (Array.isArray(c) && c.length === 0);
/** True when every cell is empty as `cellText` reads it (such rows are skipped, not yielded). */
export const isEmptyRow = (cells: readonly TableCell[]): boolean => cells.every(isEmptyCell);

const FORMATS_FIX = 'Give a CSV, XLSX or JSON file (in Excel: File › Save as › "CSV UTF-8" or "Excel Workbook").';

/**
 * Parse one file into headers and rows. Never throws for a bad file: problems come back in `errors`
 * (whole file unusable) and `warnings`. Limits: see `READ_LIMITS`.
 */
export async function parseTable(file: InputFile, options: ParseTableOptions = {}): Promise<ParsedTable> {
  const { name, bytes } = file;
  const ext = extensionOf(name);
  const kind = sniffBytes(bytes);
  if (typeof kind === 'object')
    return failed(name, 'csv', fileIssue(name, 'unsupported-format', `this file is ${kind.binary}, not a table of attendance records.`, FORMATS_FIX));
  if (bytes.length === 0) return failed(name, 'csv', fileIssue(name, 'empty-file', 'the file is empty.', 'Check that you chose the right file.'));
  if (kind === 'zip') return parseXlsx(file, options.sheet ?? null, ext);
  if (file.stream && ext !== 'json') return parseCsvStream(file, ext);
  if (bytes.length > READ_LIMITS.maxFileBytes)
    return failed(name, 'csv', fileIssue(name, 'file-too-large', `the file has ${bytes.length} bytes, more than the ${READ_LIMITS.maxFileBytes} that can be read at once.`, 'Split it into several files (for example one per year) and give them all.'));
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text))
    return failed(name, 'csv', fileIssue(name, 'unsupported-format', 'this file holds binary data, not a text table.', FORMATS_FIX), { encoding });
  const warnings: Issue[] = [];
  if (encoding === 'windows-1252') {
    const mixed = utf8Evidence(bytes);
    if (mixed)
      warnings.push(fileIssue(name, 'mixed-encoding', `the file is not valid UTF-8 (byte 0x${mixed.badByte.toString(16).toUpperCase().padStart(2, '0')} at offset ${mixed.badOffset}), yet it holds ${mixed.sequences} UTF-8 encoded character${mixed.sequences === 1 ? '' : 's'}: it was read as Windows-1252, so accented letters may show garbled (such as "Ã«" for "ë").`, 'Save the file again as "CSV UTF-8" (or fix the one invalid byte) so that every name reads correctly.'));
  }
  if (ext === 'xlsx' || ext === 'xls' || ext === 'xlsm')
    warnings.push(fileIssue(name, 'unsupported-format', `the file is named .${ext} but holds text; it was read as CSV.`, 'Rename it to .csv to avoid confusion.'));
  const start = text.trimStart()[0];
  if (ext === 'json' || ((start === '[' || start === '{') && ext !== 'csv' && ext !== 'tsv' && ext !== 'txt')) return parseJson(name, text, encoding, warnings);
  return parseCsv(name, text, encoding, ext, warnings);
}

function parseCsv(name: string, fullText: string, encoding: string, ext: string, warnings: Issue[]): ParsedTable {
  // Excel's "sep=;" first line names the delimiter and is hidden when Excel opens the file: drop it.
  const sep = /^sep=([,;\t|])\r?\n/i.exec(fullText);
  const sepless = sep ? fullText.slice(sep[0].length) : fullText;
  const delimiter = sep ? sep[1]! : ext === 'tsv' || ext === 'tab' ? '\t' : detectDelimiter(sepless.slice(0, 65536));
  let newline = detectNewline(sepless.slice(0, 65536));
  // Mixed line endings (CRLF lines followed by LF lines, e.g. files appended by different tools) would glue the
  // later lines into one record: read every CR, CRLF and LF as LF instead. Line breaks inside quoted cells stay
  // line breaks (a CRLF inside a cell becomes LF).
  let text = sepless;
  if (newline !== '\n' && (newline === '\r\n' ? /\r(?!\n)|(?<!\r)\n/ : /\n/).test(text)) {
    text = text.replace(/\r\n?/g, '\n');
    newline = '\n';
  }
  let headers: string[] | null = null;
  let headerIndex = -1;
  let dataStart = 0;
  for (const rec of csvRecords(text, delimiter, newline)) {
    if (rec.broken) {
      return failed(name, 'csv', { file: name, row: rec.index + 1, column: null, value: shortenValue(String(rec.cells[0] ?? '')), message: 'the header line has an unbalanced quote (").', fix: 'Remove the stray quote from the header line, or close it.', code: 'stray-quote' }, { encoding, delimiter });
    }
    if (isEmptyRow(rec.cells)) continue;
    headers = rec.cells.map((c) => detach(c.trim()));
    headerIndex = rec.index;
    dataStart = rec.end;
    break;
  }
  if (!headers) return failed(name, 'csv', fileIssue(name, 'empty-file', 'the file has no header line and no rows.', 'Check that you chose the right file.'), { encoding, delimiter });
  if (headers.length > READ_LIMITS.maxColumns)
    return failed(name, 'csv', { ...fileIssue(name, 'too-many-columns', `the header has ${headers.length} columns, more than the ${READ_LIMITS.maxColumns} that are read.`, 'Keep only the attendance columns (event, date, person, organisation, ...) or check the delimiter.'), row: headerIndex + 1 }, { encoding, delimiter });
  const total = Math.max(1, text.length);
  const hIndex = headerIndex;
  const rows: Iterable<TableRow> = {
    // A plain iterator over a record cursor (no generator per row: this is the readers' hot loop).
    [Symbol.iterator](): Iterator<TableRow> {
      const cursor = createCsvCursor(text, delimiter, newline);
      // One result object, refilled: for-of and spread read it before asking for the next row.
      const result = { value: undefined as unknown as TableRow, done: false };
      return {
        next(): IteratorResult<TableRow> {
          for (let rec = cursor.next(); rec !== null; rec = cursor.next()) {
            if (rec.index <= hIndex) continue;
            if (!rec.broken && isEmptyRow(rec.cells)) continue;
            const row: TableRow = { row: rec.index + 1, cells: rec.cells, progress: Math.min(1, rec.end / total) };
            if (rec.broken) row.broken = rec.broken;
            result.value = row;
            return result;
          }
          return { value: undefined, done: true };
        },
      };
    },
  };
  const spanRows = (): SpanRows => {
    const cursor = createCsvCursor(text, delimiter, newline, undefined, true);
    return spanRowsOf({ next: cursor.next, text, cursor }, hIndex, total);
  };
  return { file: name, format: 'csv', encoding, delimiter, sheet: null, headers, headerRow: headerIndex + 1, rows, errors: [], warnings, spanRows, csv: { text, delimiter, newline, headerIndex: hIndex, dataStart } };
}

/** Text pieces of a streamed file, decoded as `encoding`, line ends turned into LF when `lf` is set. */
function* decodedPieces(file: InputFile, encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252', lf: boolean): Generator<string> {
  const decoder = encoding === 'windows-1252' ? null : new TextDecoder('utf-8', { ignoreBOM: false });
  let carry = '';
  const out = (text: string): string => {
    if (!lf) return text;
    // A CR at the end of a piece may be the first half of a CRLF: keep it for the next piece.
    let t = carry + text;
    carry = '';
    if (t.endsWith('\r')) {
      carry = '\r';
      t = t.slice(0, -1);
    }
    return t.replace(/\r\n?/g, '\n');
  };
  for (const bytes of file.stream!.chunks()) {
    const text = decoder ? decoder.decode(bytes, { stream: true }) : decodeWindows1252(bytes);
    if (text) yield out(text);
  }
  const tail = (decoder ? decoder.decode() : '') + carry;
  carry = '';
  if (tail) yield lf ? tail.replace(/\r\n?/g, '\n') : tail;
}

/**
 * A large CSV file read piece by piece (`InputFile.stream`): the encoding is told from the start of the file
 * (UTF-8, with or without BOM, else Windows-1252; UTF-16 is refused: save as UTF-8), line ends become LF when
 * the first line does not end in LF, and rows are parsed from a moving window (`csvRecordsFromPieces`), so the
 * file is never in memory as a whole and has no size limit. Each iteration of `rows` reads the file again.
 */
function parseCsvStream(file: InputFile, ext: string): ParsedTable {
  const { name, bytes: head } = file;
  const size = file.stream!.size;
  let encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) encoding = 'utf-8-bom';
  else if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || decodeText(head.subarray(0, 4096)).encoding.startsWith('utf-16'))
    return failed(name, 'csv', fileIssue(name, 'file-too-large', `the file has ${size} bytes in UTF-16, more than the ${READ_LIMITS.maxFileBytes} that can be read at once.`, 'Save it as "CSV UTF-8" (then it is read piece by piece, whatever its size), or split it into several files.'));
  else {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
      encoding = 'utf-8';
    } catch {
      encoding = 'windows-1252';
    }
  }
  const headText = encoding === 'windows-1252' ? decodeWindows1252(head) : new TextDecoder('utf-8', { ignoreBOM: false }).decode(head);
  if (looksBinary(headText)) return failed(name, 'csv', fileIssue(name, 'unsupported-format', 'this file holds binary data, not a text table.', FORMATS_FIX), { encoding });
  const warnings: Issue[] = [];
  if (ext === 'xlsx' || ext === 'xls' || ext === 'xlsm')
    warnings.push(fileIssue(name, 'unsupported-format', `the file is named .${ext} but holds text; it was read as CSV.`, 'Rename it to .csv to avoid confusion.'));
  const sep = /^sep=([,;\t|])\r?\n/i.exec(headText);
  const sepless = sep ? headText.slice(sep[0].length) : headText;
  const delimiter = sep ? sep[1]! : ext === 'tsv' || ext === 'tab' ? '\t' : detectDelimiter(sepless.slice(0, 65536));
  const lf = detectNewline(sepless.slice(0, 65536)) !== '\n';
  const pieces = function* (): Generator<string> {
    let first = true;
    for (const piece of decodedPieces(file, encoding, lf)) {
      if (first && sep) {
        first = false;
        const m = /^sep=([,;\t|])\r?\n/i.exec(piece);
        yield m ? piece.slice(m[0].length) : piece;
        continue;
      }
      first = false;
      yield piece;
    }
  };
  let headers: string[] | null = null;
  let headerIndex = -1;
  for (const rec of csvRecordsFromPieces(pieces(), delimiter, '\n')) {
    if (rec.broken)
      return failed(name, 'csv', { file: name, row: rec.index + 1, column: null, value: shortenValue(String(rec.cells[0] ?? '')), message: 'the header line has an unbalanced quote (").', fix: 'Remove the stray quote from the header line, or close it.', code: 'stray-quote' }, { encoding, delimiter });
    if (isEmptyRow(rec.cells)) continue;
    headers = rec.cells.map((c) => detach(c.trim()));
    headerIndex = rec.index;
    break;
  }
  if (!headers) return failed(name, 'csv', fileIssue(name, 'empty-file', 'the file has no header line and no rows.', 'Check that you chose the right file.'), { encoding, delimiter });
  if (headers.length > READ_LIMITS.maxColumns)
    return failed(name, 'csv', { ...fileIssue(name, 'too-many-columns', `the header has ${headers.length} columns, more than the ${READ_LIMITS.maxColumns} that are read.`, 'Keep only the attendance columns (event, date, person, organisation, ...) or check the delimiter.'), row: headerIndex + 1 }, { encoding, delimiter });
  const total = Math.max(1, size);
  const hIndex = headerIndex;
  const rows: Iterable<TableRow> = {
    *[Symbol.iterator]() {
      for (const rec of csvRecordsFromPieces(pieces(), delimiter, '\n')) {
        if (rec.index <= hIndex) continue;
        if (!rec.broken && isEmptyRow(rec.cells)) continue;
        const row: TableRow = { row: rec.index + 1, cells: rec.cells, progress: Math.min(1, rec.end / total) };
        if (rec.broken) row.broken = rec.broken;
        yield row;
      }
    },
  };
  const spanRows = (): SpanRows => spanRowsOf(createPiecesCursor(pieces(), delimiter, '\n', undefined, undefined, true), hIndex, total);
  return { file: name, format: 'csv', encoding, delimiter, sheet: null, headers, headerRow: headerIndex + 1, rows, errors: [], warnings, spanRows };
}

/** Shorten a value for a report line (see `READ_LIMITS.maxReportedValueChars`). */
export function shortenValue(text: string): string {
  const max = READ_LIMITS.maxReportedValueChars;
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

const JSON_ROW_KEYS = ['rows', 'records', 'data', 'attendance', 'items'];

function parseJson(name: string, text: string, encoding: string, warnings: Issue[]): ParsedTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return failed(name, 'json', fileIssue(name, 'unreadable-file', `the file is not valid JSON (${(err as Error).message}).`, 'Fix the JSON syntax, or save the table as CSV.'), { encoding });
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const key = JSON_ROW_KEYS.find((k) => Array.isArray((data as Record<string, unknown>)[k]));
    if (key) data = (data as Record<string, unknown>)[key];
  }
  if (!Array.isArray(data))
    return failed(name, 'json', fileIssue(name, 'unreadable-file', 'the JSON is not an array of rows.', 'Write an array of objects, e.g. [{"person": "An", "event": "Kick-off", "date": "2023-03-14"}].'), { encoding });
  const headers: string[] = [];
  const index = new Map<string, number>();
  for (const item of data) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    for (const k of Object.keys(item)) {
      if (!index.has(k)) {
        if (headers.length >= READ_LIMITS.maxColumns)
          return failed(name, 'json', fileIssue(name, 'too-many-columns', `the rows have more than ${READ_LIMITS.maxColumns} different keys.`, 'Keep only the attendance keys (event, date, person, organisation, ...).'), { encoding });
        index.set(k, headers.length);
        headers.push(k);
      }
    }
  }
  if (headers.length === 0) return failed(name, 'json', fileIssue(name, 'empty-file', 'the JSON array has no rows with keys.', 'Write an array of objects with keys such as person, event, date.'), { encoding });
  const arr = data as unknown[];
  const rows: Iterable<TableRow> = {
    *[Symbol.iterator]() {
      for (let i = 0; i < arr.length; i++) {
        const item = arr[i];
        const progress = (i + 1) / arr.length;
        if (!item || typeof item !== 'object' || Array.isArray(item)) {
          if (item == null) continue;
          yield { row: i + 2, cells: [shortenValue(JSON.stringify(item) ?? '')], broken: 'not-object', progress };
          continue;
        }
        const cells: TableCell[] = new Array(headers.length).fill(null);
        for (const [k, v] of Object.entries(item as Record<string, unknown>)) cells[index.get(k)!] = jsonCell(v);
        if (isEmptyRow(cells)) continue;
        yield { row: i + 2, cells, progress };
      }
    },
  };
  return { file: name, format: 'json', encoding, delimiter: null, sheet: null, headers, headerRow: 1, rows, errors: [], warnings };
}

function jsonScalar(v: unknown): CellValue {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

function jsonCell(v: unknown): TableCell {
  return Array.isArray(v) ? v.map(jsonScalar) : jsonScalar(v);
}

async function parseXlsx(file: InputFile, sheet: string | null, ext: string): Promise<ParsedTable> {
  const { name, bytes } = file;
  if (bytes.length > READ_LIMITS.maxXlsxBytes)
    return failed(name, 'xlsx', fileIssue(name, 'file-too-large', `the workbook has ${bytes.length} bytes, more than the ${READ_LIMITS.maxXlsxBytes} that can be read.`, 'Save the attendance sheet alone as CSV and give that file.'));
  let read;
  try {
    read = await readXlsxSheet(bytes, sheet);
  } catch (err) {
    if (err instanceof XlsxSheetNotFound)
      return failed(name, 'xlsx', fileIssue(name, 'unreadable-file', `the workbook has no sheet named "${err.sheet}"; its sheets are ${err.available.map((s) => `"${s}"`).join(', ')}.`, `Use --sheet with one of those names.`));
    const what = ext === 'xlsx' || ext === 'xlsm' ? 'this .xlsx file could not be read' : 'this file is a zip archive but not a readable Excel workbook';
    return failed(name, 'xlsx', fileIssue(name, 'unreadable-file', `${what} (${(err as Error)?.message ?? String(err)}).`, 'Open it in Excel or LibreOffice and save it again as .xlsx or as CSV.'));
  }
  const sheetRows = read.rows;
  const headerIdx = sheetRows.findIndex((r) => !isEmptyRow(r));
  if (headerIdx < 0) return failed(name, 'xlsx', fileIssue(name, 'empty-file', `the sheet "${read.sheet}" is empty.`, 'Use --sheet to choose the sheet with the attendance table.'), { sheet: read.sheet });
  const rawHeaders = sheetRows[headerIdx]!.map((c) => cellText(c));
  let width = rawHeaders.length;
  while (width > 0 && rawHeaders[width - 1] === '') width--;
  if (width > READ_LIMITS.maxColumns)
    return failed(name, 'xlsx', { ...fileIssue(name, 'too-many-columns', `the header has ${width} columns, more than the ${READ_LIMITS.maxColumns} that are read.`, 'Keep only the attendance columns.'), row: headerIdx + 1 }, { sheet: read.sheet });
  const headers = rawHeaders.slice(0, width);
  const warnings: Issue[] = [];
  const unheaded = new Set<number>();
  for (let i = headerIdx + 1; i < sheetRows.length; i++) {
    const r = sheetRows[i]!;
    for (let j = width; j < r.length; j++) if (!isEmptyCell(r[j]) && !unheaded.has(j)) unheaded.add(j);
  }
  for (const j of [...unheaded].sort((a, b) => a - b).slice(0, 20))
    warnings.push(fileIssue(name, 'extra-columns', `column ${j + 1} has values but no header; it is ignored.`, 'Give the column a header (and --map it) if it matters.'));
  const n = sheetRows.length;
  const rows: Iterable<TableRow> = {
    *[Symbol.iterator]() {
      for (let i = headerIdx + 1; i < n; i++) {
        const r = sheetRows[i]!;
        const cells = r.slice(0, width);
        if (isEmptyRow(cells)) continue;
        const uncomputed = read.uncomputed.get(i + 1)?.filter((c) => c < width);
        yield uncomputed?.length ? { row: i + 1, cells, progress: (i + 1) / n, uncomputed } : { row: i + 1, cells, progress: (i + 1) / n };
      }
    },
  };
  return { file: name, format: 'xlsx', encoding: null, delimiter: null, sheet: read.sheet, headers, headerRow: headerIdx + 1, rows, errors: [], warnings };
}

