import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvRecords, detectDelimiter, detectNewline } from '../../src/io/csv.js';
import { formatCsvValue } from '../../src/export/csv.js';

describe('detectDelimiter / detectNewline', () => {
  it('picks the most frequent of , ; tab outside quotes on the first line', () => {
    expect(detectDelimiter('a;b;"c,d,e"\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a,b;c,d')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
    expect(detectNewline('a\r\nb')).toBe('\r\n');
    expect(detectNewline('a\rb')).toBe('\r');
    expect(detectNewline('a\nb\r\n')).toBe('\n');
  });
});

describe('csvRecords', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\n', 'x', '1'), maxLength: 8 });
  it('chunked parsing equals one papaparse pass, for any chunk size (property, well-formed CSV)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom('\n', '\r\n'), (rows, chunk, nl) => {
        const text = rows.map((r) => r.map((c) => formatCsvValue(c)).join(',')).join(nl) + nl;
        const whole = Papa.parse<string[]>(text, { delimiter: ',', newline: nl as '\n', quoteChar: '"' }).data;
        const got = [...csvRecords(text, ',', nl, chunk)];
        expect(got.every((r) => !r.broken)).toBe(true);
        expect(got.map((r) => r.cells)).toEqual(whole);
        expect(got.map((r) => r.index)).toEqual(whole.map((_, i) => i));
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });

  it('a broken quote costs its first line only, whatever the chunk size', () => {
    const text = 'h1,h2\nok,1\n"broken,2\nnext,3\n"x"y,4\nlast,5\n';
    for (const chunk of [1, 3, 8, 64, 1 << 16]) {
      const got = [...csvRecords(text, ',', '\n', chunk)].map((r) => (r.broken ? `${r.index}:${r.broken}:${r.cells[0]}` : `${r.index}:${r.cells.join('|')}`));
      expect(got).toEqual(['0:h1|h2', '1:ok|1', '2:quote:"broken,2', '3:next|3', '4:quote:"x"y,4', '5:last|5', '6:']);
    }
  });
});
