/**
 * Property tests of the person projection (fast-check; the seed is printed in the failure message):
 * shared_events / newman / first / last equal a brute-force pair-by-pair count, relabelling people permutes
 * results, adjacency is symmetric, adding an event never lowers a count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betweenness, buildAdjacency, buildModel, personNetwork, projectPersons, type AttendanceRecord } from '../../src/index.js';

const NAMES = ['Ann', 'Bob', 'Cas', 'Dee', 'Eva', 'Fay', 'Gus', 'Hal'];
/** Events as lists of person indices (duplicates allowed: a person listed twice counts once). */
const eventsArb = fc.array(fc.array(fc.integer({ min: 0, max: NAMES.length - 1 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

function dateOf(k: number): string {
  return `2024-01-${String(k + 1).padStart(2, '0')}`;
}
function toRecords(events: number[][], names: readonly string[] = NAMES): AttendanceRecord[] {
  return events.flatMap((ev, k) => ev.map((p) => ({ event: `Ev${k}`, date: dateOf(k), person: names[p]!, organisation: null })));
}

interface Brute {
  shared: number;
  newman: number;
  first: string;
  last: string;
}
function bruteForce(events: number[][], names: readonly string[] = NAMES): Map<string, Brute> {
  const out = new Map<string, Brute>();
  events.forEach((ev, k) => {
    const present = [...new Set(ev.map((p) => names[p]!))].sort();
    for (let x = 0; x < present.length; x++) {
      for (let y = x + 1; y < present.length; y++) {
        const key = `${present[x]}|${present[y]}`;
        const b = out.get(key) ?? { shared: 0, newman: 0, first: dateOf(k), last: dateOf(k) };
        b.shared++;
        b.newman += 1 / (present.length - 1);
        b.last = dateOf(k);
        out.set(key, b);
      }
    }
  });
  return out;
}
function tiesByName(events: number[][], names: readonly string[] = NAMES): Map<string, Brute> {
  const model = buildModel(toRecords(events, names));
  const proj = projectPersons(model);
  const out = new Map<string, Brute>();
  for (let t = 0; t < proj.length; t++) {
    const pair = [model.people[proj.src[t]!]!.name, model.people[proj.tgt[t]!]!.name].sort();
    out.set(pair.join('|'), {
      shared: proj.shared[t]!,
      newman: proj.newman[t]!,
      first: model.events[proj.firstEvent[t]!]!.date!,
      last: model.events[proj.lastEvent[t]!]!.date!,
    });
  }
  return out;
}

const RUNS = { numRuns: 60 };

describe('projectPersons properties', () => {
  it('equals a brute-force pair-by-pair count (edge set, shared_events, newman, first/last)', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const got = tiesByName(events);
        const want = bruteForce(events);
        expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [k, w] of want) {
          const g = got.get(k)!;
          expect(g.shared).toBe(w.shared);
          expect(Math.abs(g.newman - w.newman)).toBeLessThan(1e-12);
          expect(g.first).toBe(w.first);
          expect(g.last).toBe(w.last);
        }
      }),
      RUNS,
    );
  });

  it('permutes results when people are relabelled (ties and betweenness)', () => {
    fc.assert(
      fc.property(eventsArb, fc.shuffledSubarray(NAMES, { minLength: NAMES.length, maxLength: NAMES.length }), (events, perm) => {
        const rename = new Map(NAMES.map((n, i) => [n, perm[i]!]));
        // Reversed rows inside each event change the order of first appearance, hence the model's ids too.
        const reversed = events.map((ev) => [...ev].reverse());
        const a = tiesByName(events);
        const b = tiesByName(reversed, perm);
        expect(b.size).toBe(a.size);
        for (const [k, v] of a) {
          const [x, y] = k.split('|');
          const key = [rename.get(x!)!, rename.get(y!)!].sort().join('|');
          expect(b.get(key)).toEqual(v);
        }
        const ga = personNetwork(buildModel(toRecords(events)));
        const gb = personNetwork(buildModel(toRecords(reversed, perm)));
        const ba = betweenness(ga, { getEdgeWeight: 'shared_events' });
        const bb = betweenness(gb, { getEdgeWeight: 'shared_events' });
        const nameA = (id: string) => ga.getNodeAttribute(id, 'name');
        const idB = new Map(gb.mapNodes((id, attr) => [attr.name, id] as const));
        for (const [id, v] of Object.entries(ba)) expect(Math.abs(bb[idB.get(rename.get(nameA(id))!)!]! - v)).toBeLessThan(1e-9);
      }),
      RUNS,
    );
  });

  it('has a symmetric adjacency and lookup: j in N(i) iff i in N(j), same tie, find(i, j) = find(j, i)', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const model = buildModel(toRecords(events));
        const proj = projectPersons(model);
        const adj = buildAdjacency(proj.nodeCount, proj.src, proj.tgt, proj.length);
        for (let i = 0; i < proj.nodeCount; i++) {
          for (let x = adj.start[i]!; x < adj.start[i + 1]!; x++) {
            const j = adj.neighbour[x]!;
            const t = adj.edge[x]!;
            let back = -1;
            for (let y = adj.start[j]!; y < adj.start[j + 1]!; y++) if (adj.neighbour[y] === i) back = adj.edge[y]!;
            expect(back).toBe(t);
            expect(proj.find(i, j)).toBe(t);
            expect(proj.find(j, i)).toBe(t);
          }
        }
      }),
      RUNS,
    );
  });

  it('never lowers a count when an event is added', () => {
    fc.assert(
      fc.property(eventsArb, fc.array(fc.integer({ min: 0, max: NAMES.length - 1 }), { minLength: 1, maxLength: 6 }), (events, extra) => {
        const before = tiesByName(events);
        const after = tiesByName([...events, extra]);
        for (const [k, v] of before) expect(after.get(k)!.shared).toBeGreaterThanOrEqual(v.shared);
        expect(after.size).toBeGreaterThanOrEqual(before.size);
      }),
      RUNS,
    );
  });
});
