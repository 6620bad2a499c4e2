/**
 * The CSV tokeniser as it was before its fast path (papaparse chunk by chunk, verbatim), kept as the reference
 * the fast tokeniser is compared with in csv-fast.test.ts: same cells, record indices, ends and broken records.
 */
import Papa from 'papaparse';
import { READ_LIMITS } from '../../src/io/limits.js';
import type { CsvRecord } from '../../src/io/csv.js';

const CHUNK_CHARS = 1 << 16;

/**
 * Iterate over the records of a CSV text. Only one chunk (`chunkChars`, default 64 Ki characters, doubled for a
 * long record up to `READ_LIMITS.maxRowChars`) of parsed rows exists at a time.
 */
export function* referenceCsvRecords(text: string, delimiter: string, newline: string, chunkChars = CHUNK_CHARS): Generator<CsvRecord> {
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
  while (pos < n) {
    const end = Math.min(n, pos + chunk);
    const last = end === n;
    const rows: { data: string[]; quoteError: boolean; cursor: number }[] = [];
    Papa.parse<string[]>(text.slice(pos, end), {
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
      yield { cells: [text.slice(pos, Math.min(line, pos + 200))], index: index++, end: stop, broken: 'too-long' };
      pos = stop;
      chunk = CHUNK;
      continue;
    }
    chunk = CHUNK;
    let prev = 0;
    let restarted = false;
    for (let k = 0; k < complete; k++) {
      const r = rows[k]!;
      const start = pos + prev;
      if (r.quoteError) {
        const stop = nextLine(start);
        const firstLine = text.slice(start, stop).replace(/[\r\n]+$/, '');
        yield { cells: [firstLine], index: index++, end: stop, broken: 'quote' };
        pos = stop;
        restarted = true;
        break;
      }
      yield { cells: r.data, index: index++, end: pos + r.cursor };
      prev = r.cursor;
    }
    if (!restarted) pos += prev;
  }
}

/**
 * The records of a CSV text given in pieces (a large file read piece by piece), the same as `csvRecords` on the
 * whole text: a window of at least three record-length limits is parsed with `csvRecords`, the records that end
 * before its last `READ_LIMITS.maxRowChars` (+ one chunk) are kept, and parsing starts again at the next record
 * with the window moved on. Only the window is in memory. `index` and `end` count from the start of the text.
 * (A broken record longer than the window margin is cut where the window ends.)
 */
export function* referenceCsvRecordsFromPieces(pieces: Iterable<string>, delimiter: string, newline: string, chunkChars = CHUNK_CHARS, rowChars: number = READ_LIMITS.maxRowChars): Generator<CsvRecord> {
  const it = pieces[Symbol.iterator]();
  const margin = rowChars + 2 * Math.max(1, Math.floor(chunkChars));
  const want = 3 * margin;
  let buf = '';
  let base = 0;
  let eof = false;
  let index = 0;
  for (;;) {
    while (!eof && buf.length < want) {
      const r = it.next();
      if (r.done) eof = true;
      else buf += r.value;
    }
    if (buf.length === 0) return;
    const safe = eof ? buf.length : buf.length - margin;
    let consumed = 0;
    let count = 0;
    for (const rec of referenceCsvRecords(buf, delimiter, newline, chunkChars)) {
      if (!eof && rec.end > safe) break;
      yield { ...rec, index: index + rec.index, end: base + rec.end };
      consumed = rec.end;
      count++;
    }
    if (eof) return;
    if (count === 0) {
      // No record ends in the safe part (it cannot happen with the margin above); move on to avoid a loop.
      consumed = safe;
    }
    index += count;
    base += consumed;
    buf = buf.slice(consumed);
  }
}
