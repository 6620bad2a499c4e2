/**
 * Large files read piece by piece (`InputFile.stream`): the same records, model and report as the whole file,
 * whatever the piece sizes, for UTF-8 (with and without BOM), Windows-1252 and CRLF files, with quoted cells
 * spanning lines, doubled quotes and a broken quote.
 */
import { describe, expect, it } from 'vitest';
import { createPiecesCursor, csvRecords, csvRecordsFromPieces, type CsvSpanCursor } from '../../src/io/csv.js';
import { readAttendance } from '../../src/io/read-attendance.js';
import type { InputFile } from '../../src/io/types.js';

function csvText(rows: number, crlf = false): string {
  const nl = crlf ? '\r\n' : '\n';
  const lines = ['event,date,person,organisation,sector'];
  for (let i = 0; i < rows; i++) {
    const person = i % 97 === 0 ? `"Ré, ${i % 13}\nline"` : `Persoon ${i % 311}`;
    // A broken quote once, and now and then a quoted cell with doubled quotes (a string cell, not a span).
    const broken = i === 777 ? '"open quote' : i % 53 === 0 ? `"Org ""${i % 5}"""` : `Org ${i % 41}`;
    lines.push(`Event ${Math.floor(i / 15)},2023-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 9},${person},${broken},Zorg`);
  }
  return lines.join(nl) + nl;
}

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function streamed(name: string, bytes: Uint8Array, piece: number, head = 4096): InputFile {
  return {
    name,
    bytes: bytes.subarray(0, head),
    stream: {
      size: bytes.length,
      *chunks() {
        for (let i = 0; i < bytes.length; i += piece) yield bytes.subarray(i, i + piece);
      },
    },
  };
}

describe('csvRecordsFromPieces', () => {
  const text = csvText(3000);
  const whole = Array.from(csvRecords(text, ',', '\n', 512));
  for (const size of [1, 333, 5000, 1 << 20]) {
    it(`gives the records of csvRecords with pieces of ${size} characters`, () => {
      const got = Array.from(csvRecordsFromPieces(pieces(text, size), ',', '\n', 512, 2048));
      expect(got).toEqual(whole);
    });
  }
});

describe('createPiecesCursor in span mode', () => {
  const text = csvText(3000);
  const whole = Array.from(csvRecords(text, ',', '\n', 512));
  for (const size of [1, 333, 5000]) {
    it(`gives the cells of csvRecords as spans of its window, with pieces of ${size} characters`, () => {
      const cursor = createPiecesCursor(pieces(text, size), ',', '\n', 512, 2048, true);
      const got = [];
      const windows = new Set<string>();
      for (let rec = cursor.next(); rec !== null; rec = cursor.next()) {
        windows.add(cursor.text.slice(0, 40));
        const spans = cursor.cursor as CsvSpanCursor;
        const cells = rec.spans === undefined ? rec.cells : Array.from({ length: rec.spans }, (_, k) => (spans.spanStart[k]! < 0 ? spans.spanCells[k]! : cursor.text.slice(spans.spanStart[k]!, spans.spanEnd[k]!)));
        got.push({ cells, index: rec.index, end: rec.end, ...(rec.broken ? { broken: rec.broken } : {}) });
      }
      expect(got).toEqual(whole.map((r) => ({ cells: r.cells, index: r.index, end: r.end, ...(r.broken ? { broken: r.broken } : {}) })));
      // The window moved on many times.
      expect(windows.size).toBeGreaterThan(5);
    });
  }
});

describe('readAttendance with a streamed file', () => {
  const cases: [string, Uint8Array][] = [
    ['utf-8', new TextEncoder().encode(csvText(2000))],
    ['utf-8 with BOM and CRLF', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csvText(2000, true))])],
    ['windows-1252', Uint8Array.from(csvText(2000), (c) => (c === 'é' ? 0xe9 : c.charCodeAt(0)))],
  ];
  for (const [label, bytes] of cases) {
    it(`equals the whole read: ${label}`, async () => {
      const whole = await readAttendance([{ name: 'a.csv', bytes }]);
      for (const piece of [7, 4096]) {
        const part = await readAttendance([streamed('a.csv', bytes, piece)]);
        expect(part.model).toEqual(whole.model);
        expect(part.report.errors).toEqual(whole.report.errors);
        expect(part.report.counts).toEqual(whole.report.counts);
        expect(part.mappings[0]!.encoding).toBe(whole.mappings[0]!.encoding);
      }
      // The fast path (spans of the window) and the general row reader agree on a streamed file too.
      const general = await readAttendance([streamed('a.csv', bytes, 4096)], { fastPath: false });
      expect(general.model).toEqual(whole.model);
      expect(general.report).toEqual(whole.report);
      expect(whole.report.errors.length).toBeGreaterThan(0);
    });
  }
});
