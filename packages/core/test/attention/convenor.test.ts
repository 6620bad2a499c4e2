import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/errors.js';
import { withoutConvenor } from '../../src/attention/index.js';
import { fixtureModel } from './fixture.js';

describe('withoutConvenor(model, "Hub") on the attention fixture', () => {
  const model = fixtureModel('reasons.csv');
  const lens = withoutConvenor(model, 'Hub', { asOf: '2024-12-31' });

  it('leaves out the convenor and its two staff', () => {
    expect(lens.convenor.name).toBe('Hub');
    expect(lens.staff.map((s) => s.name).sort()).toEqual(['Hanna', 'Hugo']);
    expect(lens.organisations.hasNode(lens.convenor.id)).toBe(false);
    expect(lens.before.organisations.nodes - lens.after.organisations.nodes).toBe(1);
    expect(lens.before.persons.nodes - lens.after.persons.nodes).toBe(2);
  });

  it('says who becomes unconnected: Via Hub Legal and its two people lose all ties', () => {
    expect(lens.unconnected.organisations.map((u) => [u.name, u.how, u.tiesBefore, u.tiesAfter])).toEqual([['Via Hub Legal', 'lost_all_ties', 1, 0]]);
    expect(lens.unconnected.people.map((u) => [u.name, u.how]).sort()).toEqual([['Vera', 'lost_all_ties'], ['Victor', 'lost_all_ties']]);
  });

  it('carries the attention list of the network without the convenor', () => {
    const iso = lens.attention.items.filter((i) => i.reasons.some((r) => r.code === 'isolated')).map((i) => i.name).sort();
    expect(iso).toEqual(['Iso Youth', 'Via Hub Legal']);
    expect(lens.attention.convenor).toBeNull();
  });

  it('reports people who leave the main network when the convenor was their only bridge', () => {
    // Delta Police is Leaf Faith's only partner: without it (and Dirk, Dana), Leaf Faith and its people are cut off.
    const d = withoutConvenor(model, 'Delta Police', { asOf: '2024-12-31' });
    expect(d.unconnected.organisations.map((u) => u.name)).toEqual(['Leaf Faith']);
    expect(d.unconnected.people.map((u) => u.name).sort()).toEqual(['Lars', 'Lea']);
  });

  it('throws NotFoundError for an unknown convenor', () => {
    expect(() => withoutConvenor(model, 'Nobody')).toThrow(NotFoundError);
  });
});
