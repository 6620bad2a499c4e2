/**
 * The tokeniser's fast path (plain and well-formed quoted cells split without papaparse) gives exactly what the
 * papaparse-only tokeniser gave (test/io/csv-reference.ts, kept verbatim): the same cells, record indices,
 * record ends and broken records, on random CSV texts with quotes, doubled quotes, stray and unclosed quotes,
 * text after a closing quote, embedded delimiters and line breaks, CRLF, lone CR, BOMs (at the start and
 * inside), empty lines and ragged rows, for every delimiter and line ending and for chunk sizes from 1 character
 * (each chunk boundary a record can straddle) to the default. Also for the streamed reader (pieces).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, csvRecordsFromPieces } from '../../src/io/csv.js';
import { referenceCsvRecords, referenceCsvRecordsFromPieces } from './csv-reference.js';

const SEED = Number(process.env.FC_SEED ?? 20261121);

/** Cells: plain text, well-formed quoted cells, and broken pieces (stray quotes, text after a closing quote). */
const plain = fc.string({ unit: fc.constantFrom('a', 'B', 'é', ' ', '1', 'x', '\u00a0'), maxLength: 6 });
const quotedContent = fc.string({ unit: fc.constantFrom('a', ',', ';', '\t', '\n', '\r\n', '\r', '""', ' ', 'é', '\uFEFF'), maxLength: 6 });
const cell = fc.oneof(
  { weight: 6, arbitrary: plain },
  { weight: 4, arbitrary: quotedContent.map((c) => `"${c}"`) },
  { weight: 1, arbitrary: fc.constantFrom('"', 'a"b', '"open', '"x"y', '"a" ', ' "a"', '""', '"""', '"a""', '\uFEFF', '\uFEFFa', '\r', '"\r"') },
);
const delimiter = fc.constantFrom(',', ';', '\t');
const newline = fc.constantFrom('\n', '\r\n', '\r');

/** A CSV text: rows of 0..5 cells (ragged), empty lines, maybe a BOM first, maybe no final line break. */
const csv = fc
  .record({
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { minLength: 0, maxLength: 14 }),
    delimiter,
    newline,
    bom: fc.boolean(),
    finalBreak: fc.boolean(),
    chunk: fc.oneof(fc.integer({ min: 1, max: 90 }), fc.constant(1 << 16)),
  })
  .map(({ rows, delimiter: d, newline: nl, bom, finalBreak, chunk }) => ({
    text: (bom ? '\uFEFF' : '') + rows.map((r) => r.join(d)).join(nl) + (finalBreak && rows.length ? nl : ''),
    delimiter: d,
    newline: nl,
    chunk,
  }));

describe('csvRecords fast path', () => {
  it('equals the papaparse-only tokeniser on random CSV texts (property)', () => {
    fc.assert(
      fc.property(csv, ({ text, delimiter: d, newline: nl, chunk }) => {
        expect([...csvRecords(text, d, nl, chunk)]).toEqual([...referenceCsvRecords(text, d, nl, chunk)]);
      }),
      { numRuns: 3000, seed: SEED },
    );
  });

  it('equals it on the read line ending when the text mixes line endings (the reader turns them into LF)', () => {
    fc.assert(
      fc.property(csv, ({ text, delimiter: d, chunk }) => {
        const lf = text.replace(/\r\n?/g, '\n');
        expect([...csvRecords(lf, d, '\n', chunk)]).toEqual([...referenceCsvRecords(lf, d, '\n', chunk)]);
      }),
      { numRuns: 1000, seed: SEED + 1 },
    );
  });

  it('equals it for specific edge cases', () => {
    const cases = ['', '\n', '\n\n', 'a', 'a\n', '"a"', '"a"\n', '"a",', 'a,\n', '"a""', '"a"""\n', '""\n""', '\uFEFFa,b\nc', 'a\n\uFEFF"b"\n', '"a\nb",c\r\nd', 'x,"y" ,z\nw', 'a,b\n"open\nc,d\n'];
    for (const text of cases)
      for (const chunk of [1, 2, 3, 5, 8, 1 << 16])
        for (const nl of ['\n', '\r\n'])
          expect([...csvRecords(text, ',', nl, chunk)], JSON.stringify({ text, chunk, nl })).toEqual([...referenceCsvRecords(text, ',', nl, chunk)]);
  });

  it('equals it on a large generated file with the default chunk (many chunk boundaries)', () => {
    const lines = ['event_id,event_date,person_id,organisation'];
    for (let i = 0; i < 20_000; i++) lines.push(`E${i >> 4},2023-01-${String(1 + (i % 28)).padStart(2, '0')},P${i % 997},${i % 7 === 0 ? `"Org, ${i % 13} ""x"""` : `Org ${i % 31}`}`);
    const text = lines.join('\n') + '\n';
    expect([...csvRecords(text, ',', '\n')]).toEqual([...referenceCsvRecords(text, ',', '\n')]);
  });
});

describe('csvRecordsFromPieces fast path', () => {
  it('equals the papaparse-only streamed tokeniser for any piece sizes (property)', () => {
    fc.assert(
      fc.property(csv, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 4, max: 64 }), ({ text, delimiter: d, newline: nl, chunk }, piece, rowChars) => {
        const pieces: string[] = [];
        for (let i = 0; i < text.length; i += piece) pieces.push(text.slice(i, i + piece));
        const small = Math.min(chunk, 32);
        expect([...csvRecordsFromPieces(pieces, d, nl, small, rowChars)]).toEqual([...referenceCsvRecordsFromPieces(pieces, d, nl, small, rowChars)]);
      }),
      { numRuns: 1000, seed: SEED + 2 },
    );
  });
});
