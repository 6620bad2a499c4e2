import { describe, expect, it } from 'vitest';
import { attention, attentionReport, REASON_CODES, SUGGESTION_CODES } from '../../src/attention/index.js';
import type { AttentionOptions } from '../../src/attention/index.js';
import { attentionReportGraph } from './attention-reference.js';
import { generateDavis } from '../../src/examples/davis.js';
import { generateRupel, RUPEL_CONVENOR } from '../../src/examples/rupel.js';
import { buildModel } from '../../src/model/index.js';
import type { AttendanceModel, AttendanceRecord } from '../../src/types.js';
import { fixtureModel } from './fixture.js';

/** The compact judge and the graphology reference give the same report: every field, in the same order. */
const seen = new Set<string>();

function same(model: AttendanceModel, options: AttentionOptions): void {
  const want = attentionReportGraph(model, options);
  for (const item of want.items) {
    for (const r of item.reasons) seen.add(r.code === 'bridge_dependent' ? `${r.code}:${String(r.numbers['via'])}` : r.code);
    for (const s of item.suggestions) seen.add(s.reason.code);
  }
  const got = attentionReport(model, options);
  expect(got).toStrictEqual(want);
  // Key order too (items, reasons, numbers, scores), as JSON writes them.
  expect(JSON.stringify(got)).toBe(JSON.stringify(want));
}

/** A random attendance list: clusters of organisations joined by few people (bridges, articulation points, islands). */
function randomRecords(seed: number, dated: boolean): AttendanceRecord[] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = (k: number) => Math.floor(rnd() * k);
  const sectors = ['Zorg', 'zorg ', 'Onderwijs', 'Welzijn', null];
  const orgCount = 6 + pick(14);
  const orgs = Array.from({ length: orgCount }, (_, i) => ({ name: `Org ${i}`, sector: sectors[pick(sectors.length)]!, cluster: pick(3) }));
  const people = Array.from({ length: 10 + pick(30) }, (_, i) => ({ name: `Person ${i}`, org: pick(orgCount) }));
  const rows: AttendanceRecord[] = [];
  const events = 8 + pick(20);
  for (let e = 0; e < events; e++) {
    const date = dated ? `202${3 + Math.floor(e / 12)}-${String((e % 12) + 1).padStart(2, '0')}-1${pick(9)}` : null;
    const cluster = pick(3);
    const type = ['meeting', 'webinar'][pick(2)]!;
    for (const p of people) {
      const inCluster = orgs[p.org]!.cluster === cluster;
      if (rnd() < (inCluster ? 0.3 : 0.03)) {
        // Sometimes a person comes for another organisation, or without one; sometimes an organisation without a person.
        const org = rnd() < 0.1 ? pick(orgCount) : p.org;
        rows.push({ event: `Event ${e}`, date, person: p.name, organisation: rnd() < 0.05 ? null : orgs[org]!.name, sector: orgs[org]!.sector, event_type: type });
      }
    }
    if (rnd() < 0.3) {
      const o = orgs[pick(orgCount)]!;
      rows.push({ event: `Event ${e}`, date, person: null, organisation: o.name, sector: o.sector, event_type: type });
    }
  }
  if (!rows.length) rows.push({ event: 'Event 0', date: dated ? '2023-01-01' : null, person: 'Person 0', organisation: 'Org 0', sector: null });
  return rows;
}

describe('attentionReport (compact) equals the graphology reference', () => {
  it('on random models, both levels, with and without a convenor, under varied options', () => {
    for (let trial = 0; trial < 16; trial++) {
      const model = buildModel(randomRecords(1000 + trial, trial % 6 !== 5));
      const orgs = model.organisations;
      const convenor = orgs.length ? orgs[trial % orgs.length]!.id : null;
      const dated = model.events.some((e) => e.date !== null);
      const variants: AttentionOptions[] = [
        {},
        { convenor },
        { level: 'person', convenor },
        { level: 'person', suggestions: 3, driftAfter: '2m' },
        { convenor, strongMin: 2, suggestions: 1 + (trial % 3) },
        { strengthBasis: 'weighted', strongMin: 1.5, eventTypeWeights: { webinar: 0.5 } },
        { strengthBasis: 'significant', alpha: 0.5, level: trial % 2 ? 'person' : 'organisation', convenor },
        { maxEventSize: 4, convenor, suggestions: 0 },
        { exclude: convenor, convenor },
        { exclude: convenor, level: 'person' },
      ];
      if (dated) variants.push({ asOf: '2023-09-30', convenor, driftAfter: '3m' }, { from: '2023-04-01', to: '2024-03-31', level: 'person', convenor });
      for (const options of variants) same(model, options);
    }
    // The random models reach every reason (both kinds of dependence) and every kind of introduction.
    expect([...seen].sort()).toEqual([...REASON_CODES.filter((c) => c !== 'bridge_dependent'), 'bridge_dependent:organisation', 'bridge_dependent:person', 'bridge_dependent:tie', ...SUGGESTION_CODES].sort());
  });

  it('on the attention fixture, Davis and the Rupel example', () => {
    same(fixtureModel('reasons.csv'), { asOf: '2024-12-31', convenor: 'Hub' });
    same(fixtureModel('reasons.csv'), { asOf: '2024-06-30', convenor: 'Hub', level: 'person' });
    const davis = buildModel(generateDavis());
    same(davis, {});
    same(davis, { level: 'person', strongMin: 2 });
    const rupel = buildModel(generateRupel().records);
    same(rupel, { convenor: RUPEL_CONVENOR });
    same(rupel, { convenor: RUPEL_CONVENOR, level: 'person', asOf: '2024-01-31' });
  });

  it('attention(model) is the report’s items', () => {
    const rupel = buildModel(generateRupel().records);
    expect(attention(rupel, { convenor: RUPEL_CONVENOR })).toStrictEqual(attentionReportGraph(rupel, { convenor: RUPEL_CONVENOR }).items);
  });
});
