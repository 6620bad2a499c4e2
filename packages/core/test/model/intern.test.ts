/**
 * The interner (model/intern.ts): equal texts get one id, different texts different ids, in order of first
 * sight, whether given as spans of a longer text or as strings, for short packed texts (up to 20 characters below
 * U+0100), long ones and ones with wider characters, across table growth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInterner } from '../../src/model/intern.js';

const SEED = Number(process.env.FC_SEED ?? 20261121);
const unit = fc.constantFrom('a', 'b', 'A', '0', ' ', 'é', 'ÿ', 'Ā', '€', '😀', '\u0000', ',');
const cell = fc.string({ unit, maxLength: 26 });

describe('createInterner', () => {
  it('gives equal ids exactly to equal texts, spans and strings alike (property)', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 300 }), fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }), (cells, asString) => {
        const text = '|' + cells.join('|') + '|';
        const interner = createInterner();
        const expected = new Map<string, number>();
        let at = 1;
        cells.forEach((c, i) => {
          const id = asString[i] ? interner.string(c) : interner.span(text, at, at + c.length);
          at += c.length + 1;
          if (!expected.has(c)) expected.set(c, expected.size);
          expect(id).toBe(expected.get(c));
          expect(interner.value(id)).toBe(c);
        });
        expect(interner.size).toBe(expected.size);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('keeps ids through many doublings of its table', () => {
    const interner = createInterner();
    const n = 50_000;
    for (let i = 0; i < n; i++) expect(interner.string(`P${String(i).padStart(7, '0')}`)).toBe(i);
    for (let i = n - 1; i >= 0; i -= 997) expect(interner.string(`P${String(i).padStart(7, '0')}`)).toBe(i);
    // Texts that differ only after the packed part, or only in a wide character.
    const long = 'x'.repeat(20);
    expect(interner.string(long + 'a')).not.toBe(interner.string(long + 'b'));
    expect(interner.string('Ā')).not.toBe(interner.string('\u0001'));
    expect(interner.size).toBe(n + 4);
  });
});
