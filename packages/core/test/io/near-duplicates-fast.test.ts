/**
 * The faster near-duplicate search (reused match buffers, word pairs compared once, a letter-count bound that
 * skips hopeless Jaro–Winkler comparisons, no work when no two names share their numbers) suggests exactly what
 * the previous one did (near-duplicates-reference.ts): the same pairs, similarities, order and fixes, on random
 * name lists built to be near each other (shared words, swapped words, typos, accents, case, punctuation,
 * numbers), with the default and other thresholds and windows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNearDuplicates, jaroWinkler } from '../../src/io/near-duplicates.js';
import { referenceFindNearDuplicates, referenceJaroWinkler } from './near-duplicates-reference.js';

const SEED = Number(process.env.FC_SEED ?? 20261121);
const WORDS = ['caw', 'antwerpen', 'antwerp', 'school', 'vzw', 'stad', 'gent', 'Gent', 'Élise', 'Elise', 'dupont', 'Dupond', 'murphy', 'wilson', 'partners', 'ltd', 'co', 'de', 'la', 'zoë', 'zoe', 'ß', 'ss', 'iron', 'crown', 'analytics', 'digital', '😀'];
const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom('1', '2', '12', 'P0000931', 'P0000932', '2023') },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'e', 'n', 't', 'r', 'é'), minLength: 1, maxLength: 7 }) },
);
const name = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '  ', '.', ', ', ' & ', '-')).map(([ws, sep]) => ws.join(sep));
const names = fc.uniqueArray(fc.record({ name, count: fc.integer({ min: 1, max: 5 }) }), { selector: (n) => n.name, maxLength: 80 });
const options = fc.oneof(fc.constant(undefined), fc.record({ threshold: fc.constantFrom(0.8, 0.9, 0.92, 0.97), window: fc.integer({ min: 1, max: 12 }), limit: fc.integer({ min: 1, max: 1000 }) }));

describe('findNearDuplicates (faster) equals the previous implementation', () => {
  it('on random near-duplicate name lists (property)', () => {
    fc.assert(
      fc.property(names, fc.constantFrom('person', 'organisation'), options, (list, kind, opts) => {
        expect(findNearDuplicates(list, kind as 'person', opts)).toEqual(referenceFindNearDuplicates(list, kind as 'person', opts));
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it('on codes that differ only in their numbers (nothing to suggest) and on a mix', () => {
    const codes = Array.from({ length: 3000 }, (_, i) => ({ name: `P${String(i).padStart(7, '0')}`, count: 1 + (i % 3) }));
    expect(findNearDuplicates(codes, 'person')).toEqual([]);
    expect(referenceFindNearDuplicates(codes, 'person')).toEqual([]);
    const mixed = [...codes.slice(0, 200), { name: 'P0000001 ', count: 1 }, { name: 'Caw Antwerpen', count: 2 }, { name: 'C.A.W. Antwerpen', count: 1 }];
    const got = findNearDuplicates(mixed, 'organisation');
    expect(got).toEqual(referenceFindNearDuplicates(mixed, 'organisation'));
    expect(got.length).toBeGreaterThan(0);
  });

  it('jaroWinkler gives the same numbers (property)', () => {
    const s = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', 'x', ' '), maxLength: 70 });
    fc.assert(
      fc.property(s, s, (a, b) => {
        expect(jaroWinkler(a, b)).toBe(referenceJaroWinkler(a, b));
      }),
      { numRuns: 2000, seed: SEED + 1 },
    );
  });
});
