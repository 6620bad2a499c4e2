/**
 * Tie-engine invariants of issue 3 at the organisation level (fast-check). The person level is covered by
 * packages/core/test/network/projection.properties.test.ts; this file adds what it does not: organisation ties
 * equal a brute-force pair-by-pair count (shared_events over events where both organisations are present,
 * person_pairs over distinct cross-organisation person pairs with each row's affiliation), relabelling
 * organisations permutes the results, and adding an event never lowers a count. Seed fixed, FC_SEED overrides.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../packages/core/src/model/build-model.js';
import { organisationNetwork } from '../packages/core/src/network/organisation-network.js';
import type { AttendanceRecord } from '../packages/core/src/types.js';

const SEED = Number(process.env.FC_SEED ?? 20241011);
const params = { seed: SEED, numRuns: Number(process.env.FC_RUNS ?? 60), verbose: 1 as const };
const ORGS = ['Alfa', 'Beta', 'Gamma', 'Delta', 'Epsilon'];
const PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'];

/** Events as lists of [person, organisation] attendances. */
const eventsArb = fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: PEOPLE.length - 1 }), fc.integer({ min: 0, max: ORGS.length - 1 })), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 7 });

const dateOf = (k: number) => `2024-02-${String(k + 1).padStart(2, '0')}`;
function records(events: [number, number][][], orgs: readonly string[] = ORGS): AttendanceRecord[] {
  return events.flatMap((ev, k) => ev.map(([p, o]) => ({ event: `Ev${k}`, date: dateOf(k), person: PEOPLE[p]!, organisation: orgs[o]! })));
}

/** Brute force: organisation pair → {shared, personPairs}. */
function brute(events: [number, number][][], orgs: readonly string[] = ORGS): Map<string, { shared: number; personPairs: number }> {
  const out = new Map<string, { shared: number; personPairs: Set<string> }>();
  events.forEach((ev) => {
    const present = [...new Set(ev.map(([, o]) => orgs[o]!))].sort();
    for (let x = 0; x < present.length; x++)
      for (let y = x + 1; y < present.length; y++) {
        const key = `${present[x]}|${present[y]}`;
        const b = out.get(key) ?? { shared: 0, personPairs: new Set<string>() };
        b.shared++;
        out.set(key, b);
      }
    // Person pairs across organisations, with the affiliation on each row.
    for (const [p, o] of ev)
      for (const [q, r] of ev) {
        if (p >= q || orgs[o] === orgs[r]) continue;
        const key = [orgs[o]!, orgs[r]!].sort().join('|');
        const b = out.get(key) ?? { shared: 0, personPairs: new Set<string>() };
        b.personPairs.add(`${p}|${q}`);
        out.set(key, b);
      }
  });
  return new Map([...out].filter(([, v]) => v.shared > 0).map(([k, v]) => [k, { shared: v.shared, personPairs: v.personPairs.size }]));
}

function ties(events: [number, number][][], orgs: readonly string[] = ORGS): Map<string, { shared: number; personPairs: number }> {
  const g = organisationNetwork(buildModel(records(events, orgs)));
  const out = new Map<string, { shared: number; personPairs: number }>();
  g.forEachEdge((_e, a, s, t) => {
    out.set([g.getNodeAttribute(s, 'name'), g.getNodeAttribute(t, 'name')].sort().join('|'), { shared: a.shared_events, personPairs: a.person_pairs });
  });
  return out;
}

describe(`organisation ties (seed ${SEED})`, () => {
  it('equal a brute-force pair-by-pair count of shared events and cross-organisation person pairs (fixed affiliations)', () => {
    // Each person keeps one organisation here (person p always works at organisation p mod 5); shared_events
    // is checked with arbitrary, changing affiliations just below.
    fc.assert(
      fc.property(eventsArb, (events) => {
        const fixed = events.map((ev) => ev.map(([p]) => [p, p % ORGS.length] as [number, number]));
        expect(ties(fixed)).toEqual(brute(fixed));
      }),
      params,
    );
  });

  it('equal the brute-force count with arbitrary (changing) affiliations, person_pairs included', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        expect(ties(events)).toEqual(brute(events));
      }),
      params,
    );
  });

  // Regression: when two people swap organisations between events, the one person tie p0–p6 (cross
  // Beta–Gamma both times) is one person pair (PRODUCT.md §2: "distinct cross-organisation person ties").
  it('person_pairs counts a person tie once when its two people swap organisations', () => {
    const events: [number, number][][] = [[[0, 1], [6, 2]], [[6, 1], [0, 2]], [[0, 0]]];
    expect(ties(events).get('Beta|Gamma')).toEqual({ shared: 2, personPairs: 1 });
  });

  it('are the same ties when organisations are renamed (relabelling permutes results)', () => {
    fc.assert(
      fc.property(eventsArb, fc.shuffledSubarray(ORGS, { minLength: ORGS.length, maxLength: ORGS.length }), (events, perm) => {
        const renamed = ties(events, perm.map((o) => `${o}-x`));
        const back = new Map([...renamed].map(([k, v]) => [k.split('|').map((n) => ORGS[perm.indexOf(n.slice(0, -2))]!).sort().join('|'), v]));
        expect(back).toEqual(ties(events));
      }),
      params,
    );
  });

  it('never lose a count when an event is added', () => {
    fc.assert(
      fc.property(eventsArb, fc.array(fc.tuple(fc.integer({ min: 0, max: PEOPLE.length - 1 }), fc.integer({ min: 0, max: ORGS.length - 1 })), { minLength: 1, maxLength: 6 }), (events, extra) => {
        const before = ties(events);
        const after = ties([...events, extra]);
        for (const [k, v] of before) {
          const w = after.get(k);
          expect(w, k).toBeDefined();
          expect(w!.shared).toBeGreaterThanOrEqual(v.shared);
          expect(w!.personPairs).toBeGreaterThanOrEqual(v.personPairs);
        }
      }),
      params,
    );
  });
});
