/**
 * The near-duplicate search's shortcuts against the earlier implementation (near-duplicates-reference.ts), on
 * inputs the small property test rarely builds: lists long enough for the rising cut (a `limit` reached early,
 * pairs below the cut never scored), long runs of equal keys and long shared prefixes (the radix sort's
 * counting passes), non-ASCII names (accents, ligatures, surrogate pairs, control characters, other scripts),
 * and code-like names (P0000931) mixed with real names and with each other (the numbers' hash table).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.js';
import { mulberry32 } from '../../src/examples/rng.js';
import { findNearDuplicates } from '../../src/io/near-duplicates.js';
import { referenceFindNearDuplicates } from './near-duplicates-reference.js';

const SEED = Number(process.env.FC_SEED ?? 20261121);

/** A seeded generator (mulberry32), so that the lists below are the same on every run. */
const random = mulberry32;

const ADJ = ['Oak', 'Lake', 'River', 'Green', 'Civic', 'Crown', 'Falcon', 'Cedar', 'Vale', 'Stone', 'North', 'South', 'West', 'Union'];
const NOUN = ['Health', 'Foods', 'Labs', 'Works', 'Studio', 'Trust', 'Care', 'Media', 'Analytics', 'Consulting', 'Capital', 'Design'];
const SUFFIX = ['Ltd', 'LLP', 'plc', 'Co', 'CIC', 'Inc', 'Institute', 'Association', 'Agency', ''];
const SURNAME = ['Brown', 'Evans', 'Khan', 'Murphy', "O'Neill", 'Wilson', 'Dupont', 'Dupond'];

/** Organisation-like names with typos, swapped words, punctuation and numbers, as in the bench files. */
function organisations(count: number, seed: number): { name: string; count: number }[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const seen = new Set<string>();
  const out: { name: string; count: number }[] = [];
  while (out.length < count) {
    let name: string;
    const form = rnd();
    if (form < 0.15) {
      const [a, b] = [pick(SURNAME), pick(SURNAME)];
      name = `${a}, ${b} & Partners`;
    } else name = [pick(ADJ), pick(NOUN), pick(SUFFIX)].filter((w) => w !== '').join(' ');
    if (rnd() < 0.5) name += ` ${1 + Math.floor(rnd() * 4)}`;
    const typo = rnd();
    if (typo < 0.1 && name.length > 6) {
      const at = 1 + Math.floor(rnd() * (name.length - 2));
      name = name.slice(0, at) + name.slice(at + 1);
    } else if (typo < 0.15) name = name.toUpperCase();
    else if (typo < 0.2) name = name.replace(/ /g, '.');
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, count: 1 + Math.floor(rnd() * 40) });
  }
  return out;
}

describe('findNearDuplicates (shortcuts) equals the previous implementation on large and unusual inputs', () => {
  it('on 1,500 organisation-like names, with limits the cut reaches early and late', () => {
    const names = organisations(1500, 7);
    for (const options of [undefined, { limit: 25 }, { limit: 300, threshold: 0.9 }, { limit: 5000, window: 3 }, { limit: 0 }, { limit: Infinity, threshold: 0.97 }, { threshold: 0, limit: 200 }, { threshold: 1 }]) {
      const got = findNearDuplicates(names, 'organisation', options);
      expect(got).toEqual(referenceFindNearDuplicates(names, 'organisation', options));
      if (options?.limit !== 0) expect(got.length).toBeGreaterThan(0);
    }
  });

  it('on long runs of equal loose keys (more than the window and than 64), long shared prefixes and long keys', () => {
    const names: { name: string; count: number }[] = [];
    const seps = [' ', '.', '-', '_', ', ', '/', '  ', ' & '];
    for (let i = 0; i < 90; i++) {
      const sep = seps[i % seps.length]!;
      const casing = i % 3 === 0 ? 'upper' : i % 3 === 1 ? 'title' : 'lower';
      const words = ['Caw', 'Antwerpen', 'Noord'];
      const w = casing === 'upper' ? words.map((x) => x.toUpperCase()) : casing === 'lower' ? words.map((x) => x.toLowerCase()) : words;
      names.push({ name: `${w.join(sep)}${'.'.repeat(Math.floor(i / 24))}`, count: 1 + (i % 5) });
    }
    for (let i = 0; i < 60; i++) names.push({ name: `Internationale Vereniging voor Samenwerking ${String.fromCharCode(97 + (i % 26))}${i}x`, count: 2 });
    // Keys longer than 64 code units (beyond the table of needed common letters).
    for (let i = 0; i < 30; i++) {
      const letter = String.fromCharCode(97 + (i % 7));
      names.push({ name: `Koninklijke Vereniging van Vrienden der Internationale Samenwerking ${letter}${'x'.repeat(i % 4)} Afdeling Oost`, count: 1 + (i % 3) });
    }
    const unique = [...new Map(names.map((n) => [n.name, n])).values()];
    for (const options of [undefined, { window: 2 }, { window: 0 }, { window: 70, limit: 50 }]) {
      expect(findNearDuplicates(unique, 'organisation', options)).toEqual(referenceFindNearDuplicates(unique, 'organisation', options));
    }
  });

  it('on non-ASCII names: accents, ligatures, surrogate pairs, control characters, other scripts (property)', () => {
    const WORDS = ['Élise', 'Elise', 'ÉLISE', 'Zoë', 'Zoe', 'Straße', 'Strasse', 'ﬁnance', 'finance', 'Ōsaka', 'Osaka', 'Łódź', 'Lodz', '😀', '😀😁', '𝔄𝔟𝔠', 'Abc', '東京', '東京都', 'Ñandú', 'Nandu', 'Ω', 'ω', '٣', '3', '²', '2', 'a\tb', 'a\nb', 'x\u200by', 'xy', '\ud800', '\udc00'];
    const word = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', 'é', 'ß', 'ø', '😀', 'n', 't', '1'), minLength: 1, maxLength: 8 }) },
    );
    const name = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '.', '-', ', ')).map(([ws, sep]) => ws.join(sep));
    const names = fc.uniqueArray(fc.record({ name, count: fc.integer({ min: 1, max: 5 }) }), { selector: (n) => n.name, maxLength: 60 });
    const options = fc.oneof(fc.constant(undefined), fc.record({ threshold: fc.constantFrom(0.8, 0.9, 0.92), window: fc.integer({ min: 0, max: 10 }), limit: fc.integer({ min: 0, max: 60 }) }));
    fc.assert(
      fc.property(names, options, (list, opts) => {
        expect(findNearDuplicates(list, 'person', opts)).toEqual(referenceFindNearDuplicates(list, 'person', opts));
      }),
      { numRuns: 300, seed: SEED + 2 },
    );
  });

  it('on code-like names mixed with real names and with codes sharing their numbers', () => {
    const rnd = random(11);
    const codes = Array.from({ length: 4000 }, (_, i) => ({ name: `P${String(i).padStart(7, '0')}`, count: 1 + (i % 7) }));
    // All numbers distinct: nothing to suggest, also with non-ASCII and code-like names whose digits differ.
    const distinct = [...codes, { name: 'Élise 12', count: 1 }, { name: 'Zoë 12 3', count: 2 }, { name: 'ＡＢＣ ０１２', count: 1 }];
    expect(findNearDuplicates(distinct, 'person')).toEqual([]);
    expect(referenceFindNearDuplicates(distinct, 'person')).toEqual([]);
    // The same numbers in other forms: 'P-0000012', 'p 0000012', full-width digits, superscripts.
    const mixed = [
      ...codes.slice(0, 1500),
      { name: 'P-0000012', count: 3 },
      { name: 'p 0000012', count: 1 },
      { name: 'Ｐ００００００１２', count: 1 },
      { name: 'P0000013²', count: 1 },
      ...organisations(400, 3),
      { name: 'Jan Peeters', count: 4 },
      { name: 'Jan Peters', count: 2 },
      { name: 'Peeters Jan', count: 1 },
    ];
    for (let k = 0; k < 200; k++) {
      const i = Math.floor(rnd() * 1500);
      mixed.push({ name: `${['Dr', 'Mr', 'Ms'][k % 3]} P${String(i).padStart(7, '0')}${k % 2 ? ' ' : '-'}${k}`, count: 1 });
    }
    const unique = [...new Map(mixed.map((n) => [n.name, n])).values()];
    for (const options of [undefined, { limit: 40 }, { threshold: 0.8, limit: 2000 }]) {
      const got = findNearDuplicates(unique, 'person', options);
      expect(got).toEqual(referenceFindNearDuplicates(unique, 'person', options));
      expect(got.length).toBeGreaterThan(0);
    }
  });

  it('on names drawn from thousands of distinct characters (the sort for large alphabets) and long keys', () => {
    const rnd = random(5);
    const cjk = (length: number): string => Array.from({ length }, () => String.fromCharCode(0x4e00 + Math.floor(rnd() * 20000))).join('');
    const names: { name: string; count: number }[] = [];
    for (let i = 0; i < 60; i++) {
      const name = `${cjk(14)} ${cjk(14)} ${cjk(12)}`;
      names.push({ name, count: 1 + (i % 4) });
      if (i % 3 === 0) {
        const at = Math.floor(rnd() * name.length);
        names.push({ name: name.slice(0, at) + cjk(1) + name.slice(at + 1), count: 1 });
      }
      if (i % 5 === 0) names.push({ name: name.split(' ').reverse().join(' '), count: 2 });
    }
    const unique = [...new Map(names.map((n) => [n.name, n])).values()];
    expect(new Set(unique.flatMap((n) => [...n.name])).size).toBeGreaterThan(2048);
    for (const options of [undefined, { threshold: 0.8 }, { window: 3, limit: 5 }]) {
      const got = findNearDuplicates(unique, 'person', options);
      expect(got).toEqual(referenceFindNearDuplicates(unique, 'person', options));
      expect(got.length).toBeGreaterThan(0);
    }
  });

  it('rejects options it cannot honour, naming the option', () => {
    const names = [{ name: 'Caw Antwerpen', count: 2 }, { name: 'CAW Antwerpen', count: 1 }];
    expect(() => findNearDuplicates(names, 'organisation', { window: 2.5 })).toThrow(InvalidOptionError);
    expect(() => findNearDuplicates(names, 'organisation', { window: -1 })).toThrow(/window/);
    expect(() => findNearDuplicates(names, 'organisation', { limit: -1 })).toThrow(/limit/);
    expect(() => findNearDuplicates(names, 'organisation', { threshold: 1.5 })).toThrow(/threshold/);
    expect(() => findNearDuplicates(names, 'organisation', { threshold: Number.NaN })).toThrow(/threshold/);
  });
});
