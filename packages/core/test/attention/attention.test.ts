import { describe, expect, it } from 'vitest';
import { InvalidOptionError, NotFoundError } from '../../src/errors.js';
import { ATTENTION_WEIGHTS, attention, REASON_CODES, wholeMonthsBetween } from '../../src/attention/index.js';
import type { AttentionItem, ReasonCode } from '../../src/attention/index.js';
import { organisationNetwork } from '../../src/network/organisation-network.js';
import { fixtureModel, fixtureRecords } from './fixture.js';
import { buildModel } from '../../src/model/index.js';

const model = fixtureModel('reasons.csv');
const options = { asOf: '2024-12-31', convenor: 'Hub' };

function namesWith(items: AttentionItem[], code: ReasonCode): string[] {
  return items.filter((i) => i.reasons.some((r) => r.code === code)).map((i) => i.name).sort();
}

describe('attention(model, {asOf, convenor}) on tests/fixtures/attention/reasons.csv', () => {
  const items = attention(model, options);
  const expected: Record<ReasonCode, string[]> = {
    isolated: ['Iso Youth'],
    only_weak: ['Once Sports', 'Weak Health'],
    single_contact: ['Single Culture'],
    one_timer: ['Once Sports'],
    drifting: ['Drift Justice'],
    outside_main: ['Island North', 'Island South'],
    bridge_dependent: ['Leaf Faith', 'Via Hub Legal'],
    own_sector_only: ['Same Welfare'],
    convenor_dependent: ['Via Hub Legal'],
  };
  for (const code of REASON_CODES) {
    it(`"${code}" fires for exactly ${expected[code].join(', ')}`, () => {
      expect(namesWith(items, code)).toEqual(expected[code]);
    });
  }

  it('flags nobody else (the core partners, the convenor and Recent Housing stay off the list)', () => {
    const flagged = new Set(items.map((i) => i.name));
    for (const name of ['Alpha Welfare', 'Beta Health', 'Gamma School', 'Delta Police', 'Epsilon Welfare', 'Hub', 'Recent Housing'])
      expect(flagged.has(name), name).toBe(false);
  });

  it('silent seven months is drifting, last seen five months ago is not', () => {
    const drift = items.find((i) => i.name === 'Drift Justice')!.reasons.find((r) => r.code === 'drifting')!;
    expect(drift.numbers).toMatchObject({ last_seen: '2024-05-25', months_silent: 7, events: 3 });
    expect(drift.text.en).toBe('Not seen for 7 months: last came on 2024-05-25, after 3 events.');
    expect(drift.text.nl).toBe('Al 7 maanden niet meer gezien: laatst op 2024-05-25, na 3 activiteiten.');
    expect(items.some((i) => i.name === 'Recent Housing')).toBe(false);
    // With a shorter driftAfter (4 months, cut-off 2024-08-31) the five-month silence counts, and so do
    // Leaf Faith (last 2024-08-15) and Weak Health (last 2024-08-10).
    expect(namesWith(attention(model, { ...options, driftAfter: '4m' }), 'drifting')).toEqual([
      'Drift Justice', 'Leaf Faith', 'Recent Housing', 'Weak Health',
    ]);
  });

  it('states the numbers in English and Dutch', () => {
    const single = items.find((i) => i.name === 'Single Culture')!.reasons[0]!;
    expect(single.text).toEqual({
      en: 'Only one person (1) ever came for this organisation.',
      nl: 'Er kwam maar één persoon (1) namens deze organisatie.',
    });
    const leaf = items.find((i) => i.name === 'Leaf Faith')!.reasons.find((r) => r.code === 'bridge_dependent')!;
    expect(leaf.numbers).toMatchObject({ via: 'organisation', through_name: 'Delta Police', cut_off: 1 });
    expect(leaf.text.en).toContain('only through one organisation (Delta Police)');
    expect(leaf.text.nl).toContain('alleen via één organisatie (Delta Police)');
    const conv = items.find((i) => i.name === 'Via Hub Legal')!.reasons.find((r) => r.code === 'convenor_dependent')!;
    expect(conv.text.en).toMatch(/^Without Hub this organisation would be cut off/);
    const weak = items.find((i) => i.name === 'Weak Health')!.reasons.find((r) => r.code === 'only_weak')!;
    expect(weak.text).toEqual({
      en: 'All 3 ties are weak: none reaches 3 shared events.',
      nl: 'Alle 3 banden zijn zwak: geen enkele haalt 3 gedeelde activiteiten.',
    });
    const outside = items.find((i) => i.name === 'Island North')!.reasons.find((r) => r.code === 'outside_main')!;
    expect(outside.numbers).toEqual({ component_size: 2, main_size: 14 });
  });

  it('scores are the sum of ATTENTION_WEIGHTS, sorted high to low', () => {
    for (const item of items) expect(item.score).toBe(item.reasons.reduce((s, r) => s + ATTENTION_WEIGHTS[r.code], 0));
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.score).toBeGreaterThanOrEqual(items[i]!.score);
    expect(items[0]!.name).toBe('Iso Youth');
    expect(Object.isFrozen(ATTENTION_WEIGHTS)).toBe(true);
  });

  it('suggests up to three introductions to organisations not yet tied, never the convenor', () => {
    const g = organisationNetwork(model, { to: '2024-12-31' });
    for (const item of items) {
      expect(item.suggestions.length).toBeLessThanOrEqual(3);
      for (const s of item.suggestions) {
        expect(s.id).not.toBe(item.id);
        expect(g.hasEdge(item.id, s.id)).toBe(false);
        expect(s.name).not.toBe('Hub');
        expect(s.reason.text.en.length).toBeGreaterThan(0);
        expect(s.reason.text.nl.length).toBeGreaterThan(0);
      }
    }
    // Weak Health shares Alpha, Beta and Gamma with Delta Police, which is also in a sector it has no tie with.
    const weak = items.find((i) => i.name === 'Weak Health')!;
    expect(weak.suggestions[0]).toMatchObject({ name: 'Delta Police', reason: { code: 'common_partners', numbers: { common: 3 } } });
    // Iso Youth has no partners: it gets complementary sectors from the main network.
    const iso = items.find((i) => i.name === 'Iso Youth')!;
    expect(iso.suggestions).toHaveLength(3);
    expect(iso.suggestions.every((s) => s.reason.code === 'complementary_sector')).toBe(true);
  });

  it('without a convenor, convenor_dependent is not judged', () => {
    expect(namesWith(attention(model, { asOf: '2024-12-31' }), 'convenor_dependent')).toEqual([]);
  });

  it('judges the network as of an earlier date', () => {
    // On 2024-04-30 the second Island event and the later Leaf events have not happened yet.
    const early = attention(model, { asOf: '2024-04-30', convenor: 'Hub' });
    expect(namesWith(early, 'one_timer')).toEqual(expect.arrayContaining(['Leaf Faith', 'Via Hub Legal']));
    expect(namesWith(early, 'drifting')).toEqual([]);
  });

  it('level "person" judges people (no single_contact), and detailed() scores everyone', () => {
    const people = attention.detailed(model, { ...options, level: 'person' });
    expect(people.level).toBe('person');
    expect(namesWith(people.items, 'single_contact')).toEqual([]);
    expect(namesWith(people.items, 'isolated')).toEqual([]);
    // The Island people and the Iso pair form components of their own.
    expect(namesWith(people.items, 'outside_main')).toEqual(['Ines', 'Ivo', 'Nils', 'Nora', 'Sara', 'Sven']);
    // Vera and Victor only ever met Hanna: without the convenor's staff they are cut off.
    expect(namesWith(people.items, 'convenor_dependent')).toEqual(['Vera', 'Victor']);
    // Ivo and Ines only met each other, at two events: one weak tie.
    expect(namesWith(people.items, 'only_weak')).toEqual(expect.arrayContaining(['Ines', 'Ivo']));
    expect(Object.keys(people.scores)).toHaveLength(model.people.length);
  });

  it('rejects bad options with typed errors', () => {
    expect(() => attention(model, { level: 'team' as never })).toThrow(InvalidOptionError);
    expect(() => attention(model, { driftAfter: 'half a year' })).toThrow(InvalidOptionError);
    expect(() => attention(model, { suggestions: 5 })).toThrow(InvalidOptionError);
    expect(() => attention(model, { convenor: 'Nobody' })).toThrow(NotFoundError);
    expect(() => attention(model, { convenor: 'Nobody' })).toThrow(/convenor/);
    expect(() => attention(model, { convenor: 'Hub', exclude: 'Alpha Welfare' })).toThrow(InvalidOptionError);
  });

  it('wholeMonthsBetween counts calendar months', () => {
    expect(wholeMonthsBetween('2024-05-25', '2024-12-31')).toBe(7);
    expect(wholeMonthsBetween('2024-07-31', '2024-12-31')).toBe(5);
    expect(wholeMonthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(wholeMonthsBetween('2024-03-31', '2024-04-29')).toBe(0);
  });

  it('an organisation-only record set works too', () => {
    const recs = fixtureRecords('reasons.csv').map((r) => ({ ...r, person: null }));
    const orgOnly = buildModel(recs);
    expect(namesWith(attention(orgOnly, options), 'single_contact')).toEqual([]);
  });
});
