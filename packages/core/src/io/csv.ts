/**
 * CSV records with papaparse, parsed chunk by chunk so that only one chunk of rows is alive at a time.
 * Delimiter (`,` `;` tab) is detected on the header line; the line ending on the first line break.
 * A record with a broken quote (unclosed, or text after a closing quote) is reported and parsing resumes at
 * the next physical line, so one stray quote cannot swallow the rest of the file.
 * Plain records (the vast majority) are split by a character-level fast path that gives exactly papaparse's
 * cells; papaparse reads the others, on the same chunks as before (see `csvRecords`).
 */
import Papa from 'papaparse';
import { READ_LIMITS } from './limits.js';

/** Candidate delimiters, in tie-break order. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;

/** Count each candidate delimiter outside quotes on the first line and pick the most frequent. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 } as Record<',' | ';' | '\t', number>;
  let quoted = false;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: ',' | ';' | '\t' = ',';
  for (const d of CSV_DELIMITERS) if (counts[d] > counts[best]) best = d;
  return best;
}

/** The line ending of the first line: `\r\n`, `\n` or `\r` (default `\n`). */
export function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (lf < 0 && cr < 0) return '\n';
  if (lf < 0) return '\r';
  if (cr >= 0 && cr === lf - 1) return '\r\n';
  if (cr >= 0 && cr < lf) return '\r';
  return '\n';
}

/** One CSV record. `line` is its index among records (0 = header), which is the spreadsheet row minus one. */
export interface CsvRecord {
  cells: string[];
  /** Record index (0 for the header line). Spreadsheet row = index + 1. */
  index: number;
  /** Character offset where the record ends in the text (for progress). */
  end: number;
  /** Set when the record is broken: its first physical line only is given in `cells[0]`. */
  broken?: 'quote' | 'too-long';
  /** Span mode only (`createCsvCursor(..., true)`): the record's cell count, its cells being spans (see `CsvSpanCursor`). */
  spans?: number;
}

/** Characters papaparse parses at a time (a record longer than this is read by doubling, up to `READ_LIMITS.maxRowChars`). */
export const CSV_CHUNK_CHARS = 1 << 16;
const CHUNK_CHARS = CSV_CHUNK_CHARS;

/**
 * Iterate over the records of a CSV text. Only one chunk (`chunkChars`, default 64 Ki characters, doubled for a
 * long record up to `READ_LIMITS.maxRowChars`) of parsed rows exists at a time.
 *
 * Fast path: a record of plain cells (no quote) and well-formed quoted cells (opening quote first in the cell,
 * `""` inside, closing quote followed by the delimiter, the line break or the end) that ends within one chunk is
 * split here, character by character, giving exactly the cells, `index` and `end` papaparse gives (the
 * equivalence is a property test in test/io/csv-fast.test.ts). Any other record (a stray or unclosed quote,
 * text after a closing quote, a record longer than a chunk) goes through papaparse as before, from that record on.
 */
export function* csvRecords(text: string, delimiter: string, newline: string, chunkChars = CHUNK_CHARS): Generator<CsvRecord> {
  const cursor = createCsvCursor(text, delimiter, newline, chunkChars);
  for (let rec = cursor.next(); rec !== null; rec = cursor.next()) yield rec;
}

/** A pull reader of CSV records: `next()` gives the next record, or null at the end. */
export interface CsvCursor {
  next(): CsvRecord | null;
}

/**
 * A cursor in span mode: a record split by the fast path comes with `spans` set and `cells` empty; its cells are
 * `text.slice(spanStart[k], spanEnd[k])` for k < `spans`, except where `spanStart[k]` is -1 (a quoted cell with
 * doubled quotes inside): that cell's text is `spanCells[k]`. The arrays, and the record object of span records,
 * are refilled by each `next()`. Records
 * papaparse reads (and broken ones) come as usual, with `cells`. Same records, indexes and ends as `next()` in
 * the plain mode.
 */
export interface CsvSpanCursor extends CsvCursor {
  readonly spanStart: Int32Array;
  readonly spanEnd: Int32Array;
  readonly spanCells: string[];
}

/** The records of `csvRecords` one `next()` call at a time (no generator per record: the readers' hot path). */
export function createCsvCursor(text: string, delimiter: string, newline: string, chunkChars?: number): CsvCursor;
export function createCsvCursor(text: string, delimiter: string, newline: string, chunkChars: number | undefined, spanMode: true): CsvSpanCursor;
export function createCsvCursor(text: string, delimiter: string, newline: string, chunkChars = CHUNK_CHARS, spanMode = false): CsvCursor | CsvSpanCursor {
  const CHUNK = Math.max(1, Math.floor(chunkChars));
  let pos = 0;
  let index = 0;
  let chunk = CHUNK;
  const n = text.length;
  const nextLine = (start: number): number => {
    const k = text.indexOf(newline, start);
    return k < 0 ? n : k + newline.length;
  };
  /**
   * End of the record starting at `start` by quote state (after its line break), or -1 when a quote is never
   * closed or a closing quote is followed by anything but a quote, the delimiter, a line break or the end: then
   * the quotes are not balanced and the record's extent is unknown.
   */
  const recordEnd = (start: number): number => {
    let i = start;
    for (;;) {
      const q = text.indexOf('"', i);
      const nl = text.indexOf(newline, i);
      if (q < 0 || (nl >= 0 && nl < q)) return nl < 0 ? n : nl + newline.length;
      // An opening quote: find its closing quote, skipping doubled quotes.
      let k = q + 1;
      for (;;) {
        const c = text.indexOf('"', k);
        if (c < 0) return -1;
        if (text[c + 1] === '"') {
          k = c + 2;
          continue;
        }
        k = c + 1;
        break;
      }
      if (k < n && text[k] !== delimiter && !text.startsWith(newline, k)) return -1;
      i = k;
    }
  };

  // Fast path state: the first quote, delimiter and line break at or after where each was last searched from
  // (-1: none), valid for any position between that start and the hit.
  const QUOTE = 34;
  const dl = delimiter.length;
  const nll = newline.length;
  const nl0 = newline.charCodeAt(0);
  let nextQuote = -1, nextDelim = -1, nextNl = -1;
  let quoteFrom = Infinity, delimFrom = Infinity, nlFrom = Infinity;
  /** End of the last fast record, and whether it ended with a line break (else at the end of the text). */
  let fastEnd = 0;
  let fastBreak = false;
  let prevCells: readonly string[] = [];
  // Span mode: cell bounds instead of cell strings (grown as needed; `spanCount` cells in the last record).
  let spanStart = new Int32Array(64);
  let spanEnd = new Int32Array(64);
  const spanCells: string[] = [];
  let spanCount = 0;
  const SPANNED: string[] = [];
  const spanRecord: CsvRecord = { cells: SPANNED, index: 0, end: 0, spans: 0 };
  const pushSpan = (s: number, e: number): void => {
    if (spanCount === spanStart.length) {
      const s2 = new Int32Array(spanCount * 2); s2.set(spanStart); spanStart = s2;
      const e2 = new Int32Array(spanCount * 2); e2.set(spanEnd); spanEnd = e2;
    }
    spanStart[spanCount] = s;
    spanEnd[spanCount++] = e;
  };
  /** The cells of the simple record at `start` (ending within `CHUNK` characters), or null to use papaparse. */
  const fastRecord = (start: number): string[] | null => {
    const limit = start + CHUNK;
    const cells: string[] = spanMode ? SPANNED : [];
    spanCount = 0;
    let i = start;
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        let value = '';
        let doubled = false;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0 || q >= limit) return null;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(j, q + 1);
            j = q + 2;
            doubled = true;
            continue;
          }
          if (spanMode && !doubled) pushSpan(i + 1, q);
          else value += text.slice(j, q);
          j = q + 1;
          break;
        }
        if (!spanMode) cells.push(value);
        else if (doubled) {
          spanCells[spanCount] = value;
          pushSpan(-1, -1);
        }
        if (j === n) {
          fastEnd = n;
          fastBreak = false;
          return (prevCells = cells);
        }
        if (text.startsWith(delimiter, j)) {
          i = j + dl;
          continue;
        }
        if (text.charCodeAt(j) === nl0 && text.startsWith(newline, j) && j + nll <= limit) {
          fastEnd = j + nll;
          fastBreak = true;
          return (prevCells = cells);
        }
        return null;
      }
      if (i < nlFrom || (nextNl !== -1 && nextNl < i)) nextNl = text.indexOf(newline, (nlFrom = i));
      const lineEnd = nextNl < 0 ? n : nextNl;
      if (i < delimFrom || (nextDelim !== -1 && nextDelim < i)) nextDelim = text.indexOf(delimiter, (delimFrom = i));
      const cellEnd = nextDelim >= 0 && nextDelim < lineEnd ? nextDelim : lineEnd;
      if (i < quoteFrom || (nextQuote !== -1 && nextQuote < i)) nextQuote = text.indexOf('"', (quoteFrom = i));
      if (nextQuote >= 0 && nextQuote < cellEnd) return null;
      if (cellEnd >= limit) return null;
      if (spanMode) pushSpan(i, cellEnd);
      else {
        // A cell equal to the same cell of the previous record (an event, a date, a sector repeated on
        // consecutive rows) reuses that string: no new string, and equal strings downstream are the same one.
        const prev = prevCells[cells.length];
        cells.push(prev !== undefined && prev.length === cellEnd - i && text.startsWith(prev, i) ? prev : text.slice(i, cellEnd));
      }
      if (cellEnd !== lineEnd) {
        i = cellEnd + dl;
        continue;
      }
      fastBreak = lineEnd < n;
      fastEnd = fastBreak ? lineEnd + nll : n;
      if (fastEnd > limit) return null;
      return (prevCells = cells);
    }
  };

  // `at` is where papaparse's current chunk starts (the old chunk-by-chunk loop, kept exactly: its chunk
  // boundaries decide which records papaparse sees whole); `pos` is the next record, at or after `at`.
  let at = 0;
  let skip = 0;
  // Records already read (a papaparse chunk gives several at once), given out first.
  const pending: CsvRecord[] = [];
  let pendingAt = 0;
  const next = (): CsvRecord | null => {
    if (pendingAt < pending.length) return pending[pendingAt++]!;
    pending.length = 0;
    pendingAt = 0;
    while (pos < n) {
      const end = Math.min(n, at + chunk);
      const last = end === n;
      // papaparse drops a BOM at the start of its input: a chunk starting with one is left to papaparse.
      if (chunk === CHUNK && text.charCodeAt(at) !== 0xfeff) {
        const cells = fastRecord(pos);
        if (cells) {
          if (fastEnd > end) {
            // Not whole in this chunk: papaparse would see it cut and start its next chunk with it.
            if (pos > at) {
              at = pos;
              skip = 0;
              continue;
            }
          } else {
            pos = fastEnd;
            skip++;
            let rec: CsvRecord;
            if (spanMode) {
              // One record object for every span record: the reader reads it before the next call.
              rec = spanRecord;
              rec.index = index++;
              rec.end = pos;
              rec.spans = spanCount;
            } else rec = { cells, index: index++, end: pos };
            // papaparse gives one empty record after a line break that ends the text.
            if (pos === n && fastBreak) pending.push({ cells: [''], index: index++, end: n });
            return rec;
          }
        }
      }
      const rows: { data: string[]; quoteError: boolean; cursor: number }[] = [];
      Papa.parse<string[]>(text.slice(at, end), {
        delimiter,
        newline: newline as '\r\n',
        quoteChar: '"',
        escapeChar: '"',
        skipEmptyLines: false,
        step: (r) => {
          rows.push({ data: r.data, quoteError: r.errors.some((e) => e.type === 'Quotes'), cursor: r.meta.cursor });
        },
      });
      // Only the last row of a chunk can be cut short; keep it for the next chunk unless this is the end.
      const complete = last ? rows.length : rows.length - 1;
      if (complete <= skip && skip > 0) {
        // The records before `pos` were given by the fast path; the next chunk starts at `pos`.
        at = pos;
        skip = 0;
        continue;
      }
      if (complete <= 0) {
        if (chunk < READ_LIMITS.maxRowChars) {
          chunk *= 2;
          continue;
        }
        // Skip the whole record when its quotes close cleanly (a huge quoted cell with line breaks is one row,
        // not thousands); otherwise (an unclosed quote) resume at the next physical line.
        const line = nextLine(pos);
        const record = recordEnd(pos);
        const stop = record > line ? record : line;
        const rec: CsvRecord = { cells: [text.slice(pos, Math.min(line, pos + 200))], index: index++, end: stop, broken: 'too-long' };
        pos = at = stop;
        chunk = CHUNK;
        return rec;
      }
      chunk = CHUNK;
      let prev = skip > 0 ? rows[skip - 1]!.cursor : 0;
      let restarted = false;
      for (let k = skip; k < complete; k++) {
        const r = rows[k]!;
        const start = at + prev;
        if (r.quoteError) {
          const stop = nextLine(start);
          const firstLine = text.slice(start, stop).replace(/[\r\n]+$/, '');
          pending.push({ cells: [firstLine], index: index++, end: stop, broken: 'quote' });
          pos = stop;
          restarted = true;
          break;
        }
        pending.push({ cells: r.data, index: index++, end: at + r.cursor });
        prev = r.cursor;
      }
      if (!restarted) pos = at + prev;
      at = pos;
      skip = 0;
      if (pending.length) return pending[pendingAt++]!;
    }
    return pending.length > pendingAt ? pending[pendingAt++]! : null;
  };
  if (!spanMode) return { next };
  return {
    next,
    get spanStart() {
      return spanStart;
    },
    get spanEnd() {
      return spanEnd;
    },
    spanCells,
  };
}

/**
 * The records of a CSV text given in pieces (a large file read piece by piece), the same as `csvRecords` on the
 * whole text: a window of at least three record-length limits is parsed with `csvRecords`, the records that end
 * before its last `READ_LIMITS.maxRowChars` (+ one chunk) are kept, and parsing starts again at the next record
 * with the window moved on. Only the window is in memory. `index` and `end` count from the start of the text.
 * (A broken record longer than the window margin is cut where the window ends.)
 */
export function* csvRecordsFromPieces(pieces: Iterable<string>, delimiter: string, newline: string, chunkChars = CHUNK_CHARS, rowChars: number = READ_LIMITS.maxRowChars): Generator<CsvRecord> {
  const cursor = createPiecesCursor(pieces, delimiter, newline, chunkChars, rowChars, false);
  for (let rec = cursor.next(); rec !== null; rec = cursor.next()) yield rec;
}

/**
 * `csvRecordsFromPieces` one `next()` call at a time. `text` is the window the last record was read from and
 * `cursor` the record cursor over it (in span mode, a `CsvSpanCursor`: a span record's cells are spans of `text`).
 */
export interface PiecesCursor {
  next(): CsvRecord | null;
  readonly text: string;
  readonly cursor: CsvCursor;
}

export function createPiecesCursor(pieces: Iterable<string>, delimiter: string, newline: string, chunkChars = CHUNK_CHARS, rowChars: number = READ_LIMITS.maxRowChars, spanMode = false): PiecesCursor {
  const it = pieces[Symbol.iterator]();
  const margin = rowChars + 2 * Math.max(1, Math.floor(chunkChars));
  const want = 3 * margin;
  let buf = '';
  let base = 0;
  let eof = false;
  let index = 0;
  // The window's cursor (null: move the window on first), its safe end, and what was read from it.
  let cursor: CsvCursor | null = null;
  let safe = 0;
  let consumed = 0;
  let count = 0;
  let done = false;
  const next = (): CsvRecord | null => {
    while (!done) {
      if (cursor === null) {
        while (!eof && buf.length < want) {
          const r = it.next();
          if (r.done) eof = true;
          else buf += r.value;
        }
        if (buf.length === 0) {
          done = true;
          return null;
        }
        safe = eof ? buf.length : buf.length - margin;
        consumed = 0;
        count = 0;
        cursor = spanMode ? createCsvCursor(buf, delimiter, newline, chunkChars, true) : createCsvCursor(buf, delimiter, newline, chunkChars);
      }
      const rec = cursor.next();
      if (rec !== null && (eof || rec.end <= safe)) {
        consumed = rec.end;
        count++;
        // The cursor keeps its own counters: its records can be moved to file positions in place.
        rec.index += index;
        rec.end += base;
        return rec;
      }
      if (eof) {
        done = true;
        return null;
      }
      // No record ends in the safe part (it cannot happen with the margin above): move on to avoid a loop.
      if (count === 0) consumed = safe;
      index += count;
      base += consumed;
      buf = buf.slice(consumed);
      cursor = null;
    }
    return null;
  };
  return {
    next,
    get text() {
      return buf;
    },
    get cursor() {
      return cursor!;
    },
  };
}
