import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build-model.js';
import { detach, detachOrNull } from '../../src/model/detach.js';
import { cleanName, nameKey } from '../../src/model/identity.js';

describe('nameKey', () => {
  it('folds case, accents, spaces and Unicode normalisation into one key', () => {
    expect(nameKey('  Élise   Dupont ')).toBe('elise dupont');
    expect(nameKey('Ele\u0301onore')).toBe(nameKey('\u00c9l\u00e9onore'.replace('\u00c9', 'E')));
    expect(nameKey('Fran\u00e7ois')).toBe(nameKey('Franc\u0327ois'));
  });

  it('drops invisible format characters (zero-width space, soft hyphen, bidi marks)', () => {
    expect(nameKey('An\u200bPeeters')).toBe(nameKey('AnPeeters'));
    expect(nameKey('Jan\u00ad Smit')).toBe(nameKey('Jan Smit'));
    expect(nameKey('\u200fSara')).toBe(nameKey('Sara'));
  });

  it('keeps punctuation: "C.A.W." and "CAW" are near-duplicates to suggest, not one identity', () => {
    expect(nameKey('C.A.W. Antwerpen')).not.toBe(nameKey('CAW Antwerpen'));
  });

  it('cleanName keeps case and accents for display', () => {
    expect(cleanName('  Élise   Dupont ')).toBe('Élise Dupont');
  });
});

describe('buildModel identity', () => {
  it('counts NFC and NFD spellings and zero-width variants as one person', () => {
    const model = buildModel([
      { event: 'A', date: '2024-01-01', person: 'Zo\u00eb', organisation: null },
      { event: 'B', date: '2024-01-02', person: 'Zoe\u0308', organisation: null },
      { event: 'C', date: '2024-01-03', person: 'Zo\u200b\u00eb', organisation: null },
    ]);
    expect(model.people).toHaveLength(1);
    expect(model.people[0]!.name).toBe('Zo\u00eb');
    expect(model.attendance.length).toBe(3);
  });
});

describe('nameKey and cleanName ASCII fast path', () => {
  const full = (name: string): string => name.normalize('NFKD').replace(/\p{Cf}/gu, '').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en').normalize('NFC');
  it('equals the full Unicode folding on printable ASCII and on any other text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '  ', '.', '-', '0', 'I', '\t', '\n') }), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' })), (name) => {
        expect(nameKey(name)).toBe(full(name));
        expect(cleanName(name)).toBe(name.normalize('NFC').replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 500, seed: 20261121 },
    );
  });
});

describe('detach', () => {
  it('gives the same text (any length, any Unicode), and null for null', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(20), (text, cut) => {
        const sliced = ('x'.repeat(cut) + text + 'y'.repeat(30)).slice(cut, cut + text.length);
        expect(detach(sliced)).toBe(text);
        expect(detachOrNull(sliced)).toBe(text);
      }),
      { numRuns: 300, seed: 20261121 },
    );
    expect(detachOrNull(null)).toBeNull();
    expect(detachOrNull(undefined)).toBeNull();
  });
});
