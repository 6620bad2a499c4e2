/** analyze(model, options): tables consistent with each other, tie dates matching tie profiles, safe mode, determinism. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { comparisonPeriods } from '../../src/analysis/compare.js';
import { InvalidOptionError } from '../../src/errors.js';
import { analysisFiles } from '../../src/export/analysis-files.js';
import { buildModel } from '../../src/model/build-model.js';
import { syntheticRows } from './synthetic.js';

const model = buildModel(syntheticRows());

describe('analyze(model) on the synthetic network', () => {
  const a = analyze(model, { seed: 3, convenor: 'Organisatie A' });

  it('has one row per node and tie, in id order', () => {
    expect(a.people).toHaveLength(model.people.length);
    expect(a.organisations).toHaveLength(model.organisations.length);
    expect(a.events).toHaveLength(model.events.length);
    const ids = a.people.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    for (const t of [...a.personTies, ...a.organisationTies]) expect(t.source < t.target).toBe(true);
    expect(a.counts).toMatchObject({ events: 20, people: model.people.length, organisations: 12 });
  });

  it('counts ties by class and state from the tie rows', () => {
    const c = a.ties.organisation;
    expect(c.total).toBe(a.organisationTies.length);
    expect(c.strong + c.weak).toBe(c.total);
    expect(c.strong_active + c.strong_fading).toBe(c.strong);
    expect(c.strong).toBe(a.organisationTies.filter((t) => t.shared_events >= 3).length);
    expect(a.ties.person.total).toBe(a.personTies.length);
    // Degree and strong/weak counts agree with the tie table.
    for (const o of a.organisations) {
      const mine = a.organisationTies.filter((t) => t.source === o.id || t.target === o.id);
      expect(o.degree).toBe(mine.length);
      expect(o.strong_ties).toBe(mine.filter((t) => t.class === 'strong').length);
    }
  });

  it('gives every tie the dates of its shared events (first and last match the profile)', () => {
    for (const [ties, dates] of [[a.personTies, a.tieDates.person], [a.organisationTies, a.tieDates.organisation]] as const) {
      ties.forEach((t, i) => {
        const d = dates[i]!;
        expect(d).toHaveLength(t.shared_events);
        expect(d[0]).toBe(t.first_shared);
        expect(d[d.length - 1]).toBe(t.last_shared);
      });
    }
  });

  it('reports the growth headline from the first event to the as-of date', () => {
    const firstEvent = a.events[0]!;
    expect(a.headline).toEqual({
      start: { date: firstEvent.date, events: 1, people: firstEvent.people, organisations: firstEvent.organisations },
      end: { date: '2024-08-24', events: 20, people: a.people.length, organisations: 12 },
    });
    const last = a.growth[a.growth.length - 1]!;
    expect(last.date).toBe('2024-08-24');
    expect(last.organisations).toBe(12);
    expect(last.organisation_ties).toBe(a.organisationTies.length);
  });

  it('flags the organisations that stopped coming, compares periods and checks the convenor', () => {
    const flagged = a.attention.filter((x) => x.reasons.length).map((x) => x.name);
    expect(flagged).toEqual(expect.arrayContaining(['Organisatie K', 'Organisatie L']));
    for (const o of a.organisations) expect(o.attention_score).toBe(a.attention.find((x) => x.id === o.id)?.score ?? 0);
    expect(a.comparison!.before).toEqual({ from: '2023-01-05', to: '2023-07-04' });
    expect(a.comparison!.after).toEqual({ from: '2024-02-25', to: '2024-08-24' });
    expect(a.withoutConvenor!.convenor.name).toBe('Organisatie A');
    expect(a.withoutConvenor!.ties.without).toBeLessThan(a.withoutConvenor!.ties.with);
    expect(a.sectors.reduce((s, x) => s + x.organisations, 0)).toBe(12);
  });

  it('is deterministic: same model and seed, same files', () => {
    const again = analyze(buildModel(syntheticRows()), { seed: 3, convenor: 'Organisatie A' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(a));
    expect(analysisFiles(again, { lang: 'nl' })).toEqual(analysisFiles(a, { lang: 'nl' }));
  });
});

describe('analyze options', () => {
  it('--as-of cuts everything after the date', () => {
    const a = analyze(model, { asOf: '2023-06-30' });
    expect(a.period.asOf).toBe('2023-06-30');
    expect(a.events.every((e) => e.date! <= '2023-06-30')).toBe(true);
    expect(a.growth[a.growth.length - 1]!.date).toBe('2023-06-30');
    expect(a.personTies.every((t) => t.last_shared! <= '2023-06-30')).toBe(true);
  });

  it('safe: people become codes everywhere, organisations keep their names', () => {
    const a = analyze(model, { safe: true });
    const text = JSON.stringify(a);
    for (const p of model.people) expect(text).not.toContain(p.name);
    expect(a.people.every((p) => p.name === p.id)).toBe(true);
    expect(text).toContain('Organisatie A');
    expect(a.options.safe).toBe(true);
  });

  it('undated data: tables without time features', () => {
    const undated = buildModel(syntheticRows().map((r) => ({ ...r, date: null })));
    const a = analyze(undated);
    expect(a.period.dated).toBe(false);
    expect(a.growth).toEqual([]);
    expect(a.headline).toBeNull();
    expect(a.comparison).toBeNull();
    expect(a.personTies.length).toBeGreaterThan(0);
    expect(analysisFiles(a)['network.gexf']).not.toContain('attributes class="edge" mode="dynamic"');
  });

  it('rejects bad options with InvalidOptionError naming the option', () => {
    expect(() => analyze(model, { every: 'week' as never })).toThrow(InvalidOptionError);
    expect(() => analyze(model, { window: 'soon' })).toThrow(/window/);
    expect(() => analyze(model, { seed: 1.5 })).toThrow(/seed/);
    expect(() => analyze(model, { convenor: 'Nobody' })).toThrow(/Nobody/);
  });
});

describe('comparisonPeriods(first, asOf, months)', () => {
  it('takes the first and last months, or halves of a short span', () => {
    expect(comparisonPeriods('2023-01-01', '2024-12-31', 6)).toEqual({ before: { from: '2023-01-01', to: '2023-06-30' }, after: { from: '2024-07-01', to: '2024-12-31' } });
    expect(comparisonPeriods('2023-01-01', '2023-08-31', 6)).toEqual({ before: { from: '2023-01-01', to: '2023-05-02' }, after: { from: '2023-05-03', to: '2023-08-31' } });
    expect(comparisonPeriods('2023-01-01', '2023-01-02', 6)).toBeNull();
  });
});
