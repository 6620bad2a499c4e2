/**
 * The organisation projection's person counts (`personPairs`, `internalTies`, `people`) and the incidences'
 * transposes on larger seeded random models than the reference test's (mulberry32, deterministic): many
 * people who come for two or three organisations (also at once, and the same two the other way round: the
 * case counted by `multiPairs`), repeated rows, rows without a person or an organisation, windows,
 * `maxEventSize` and `exclude`. Counts are exact: compared with distinct (person pair, organisation pair) sets
 * built straight from the rows.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/examples/rng.js';
import {
  buildIncidence,
  buildModel,
  projectOrganisations,
  projectPersons,
  resolveNetworkOptions,
  selectRows,
  type AttendanceModel,
  type AttendanceRecord,
  type NetworkOptions,
} from '../../src/index.js';

function randomRecords(seed: number, people: number, orgs: number, events: number): AttendanceRecord[] {
  const rnd = mulberry32(seed);
  const home = Array.from({ length: people }, () => Math.floor(rnd() * orgs));
  // A third of the people also come for a second organisation, some for a third.
  const other = Array.from({ length: people }, () => (rnd() < 0.33 ? Math.floor(rnd() * orgs) : -1));
  const third = Array.from({ length: people }, () => (rnd() < 0.1 ? Math.floor(rnd() * orgs) : -1));
  const out: AttendanceRecord[] = [];
  for (let k = 0; k < events; k++) {
    const date = `2024-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 27)).padStart(2, '0')}`;
    const size = 1 + Math.floor(rnd() * 14);
    for (let s = 0; s < size; s++) {
      // Mostly a small pool (people meet again), some from everyone.
      const p = rnd() < 0.6 ? Math.floor(rnd() * Math.min(people, 25)) : Math.floor(rnd() * people);
      const pick = rnd();
      let o = pick < 0.6 || other[p]! < 0 ? home[p]! : pick < 0.9 || third[p]! < 0 ? other[p]! : third[p]!;
      if (rnd() < 0.05) o = -1;
      const person = rnd() < 0.04 ? null : `P${p}`;
      const organisation = o < 0 ? null : `Org${o}`;
      if (person === null && organisation === null) continue;
      out.push({ event: `E${k}`, date, person, organisation });
      if (rnd() < 0.05) out.push({ event: `E${k}`, date, person, organisation }); // a repeated row
      // Someone who comes for two organisations at once.
      if (person !== null && other[p]! >= 0 && rnd() < 0.08) out.push({ event: `E${k}`, date, person, organisation: `Org${other[p]}` });
    }
  }
  return out;
}

/** Distinct person pairs per organisation pair and per organisation, and distinct people per organisation, from the rows. */
function reference(model: AttendanceModel, options: NetworkOptions) {
  const r = resolveNetworkOptions(model, options);
  const s = selectRows(model, r);
  const a = model.attendance;
  const cross = new Map<string, Set<string>>();
  const internal = new Map<number, Set<string>>();
  const people = new Map<number, Set<number>>();
  for (let k = 0; k < s.eventCount; k++) {
    const e = s.eventFrom + k;
    const rows: { p: number; o: number }[] = [];
    for (let i = a.eventStart[e]!; i < a.eventStart[e + 1]!; i++) {
      if (s.rowKept[i - s.rowFrom] === 0 || a.person[i]! < 0 || a.organisation[i]! < 0) continue;
      rows.push({ p: a.person[i]!, o: a.organisation[i]! });
    }
    for (const w of rows) {
      if (!people.has(w.o)) people.set(w.o, new Set());
      people.get(w.o)!.add(w.p);
    }
    if (s.tieEvent[k] === 0) continue;
    for (const u of rows) {
      for (const v of rows) {
        if (u.p >= v.p) continue;
        if (u.o === v.o) {
          if (!internal.has(u.o)) internal.set(u.o, new Set());
          internal.get(u.o)!.add(`${u.p}|${v.p}`);
        } else {
          const key = `${Math.min(u.o, v.o)}|${Math.max(u.o, v.o)}`;
          if (!cross.has(key)) cross.set(key, new Set());
          cross.get(key)!.add(`${u.p}|${v.p}`);
        }
      }
    }
  }
  return { cross, internal, people };
}

const OPTIONS: NetworkOptions[] = [{}, { maxEventSize: 8 }, { from: '2024-03-01', to: '2024-09-30' }, { exclude: 'Org3' }, { exclude: 'Org0', maxEventSize: 10 }];

describe('organisation projection person counts on larger random models', () => {
  it('personPairs, internalTies and people equal distinct pairs counted from the rows', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const model = buildModel(randomRecords(seed, 40 + 10 * seed, 4 + seed, 30 + 5 * seed));
      for (const options of OPTIONS) {
        if (options.exclude !== undefined && !model.organisations.some((o) => o.name === options.exclude)) continue;
        const ref = reference(model, options);
        const op = projectOrganisations(model, options);
        const where = `seed ${seed}, options ${JSON.stringify(options)}`;
        let crossTotal = 0;
        for (const set of ref.cross.values()) crossTotal += set.size;
        expect(op.personPairs.reduce((x, y) => x + y, 0), where).toBe(crossTotal);
        for (let t = 0; t < op.length; t++) expect(op.personPairs[t], `${where}: tie ${op.src[t]}-${op.tgt[t]}`).toBe(ref.cross.get(`${op.src[t]}|${op.tgt[t]}`)?.size ?? 0);
        for (let o = 0; o < model.organisations.length; o++) {
          expect(op.internalTies[o], `${where}: internal ${o}`).toBe(ref.internal.get(o)?.size ?? 0);
          expect(op.people[o], `${where}: people ${o}`).toBe(ref.people.get(o)?.size ?? 0);
        }
      }
    }
  });

  it('incidences carry a transpose that matches their member lists', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const model = buildModel(randomRecords(100 + seed, 80, 9, 60));
      for (const column of ['person', 'organisation'] as const) {
        for (const options of OPTIONS.slice(0, 3)) {
          const s = selectRows(model, resolveNetworkOptions(model, options));
          const inc = buildIncidence(model, s, column);
          const { actorStart, actorEvent, actorPos } = inc;
          expect(actorStart && actorEvent && actorPos).toBeTruthy();
          // Each entry points at its own actor in its event's list; the actor's events ascend.
          let entries = 0;
          for (let v = 0; v < inc.actorCount; v++) {
            for (let x = actorStart![v]!; x < actorStart![v + 1]!; x++) {
              const k = actorEvent![x]!;
              expect(actorPos![x]!).toBeGreaterThanOrEqual(inc.start[k]!);
              expect(actorPos![x]!).toBeLessThan(inc.start[k + 1]!);
              expect(inc.members[actorPos![x]!]).toBe(v);
              if (x > actorStart![v]!) expect(k).toBeGreaterThan(actorEvent![x - 1]!);
              entries++;
            }
          }
          expect(entries).toBe(inc.members.length);
          // Member lists ascend, with no repeats.
          for (let k = 0; k < inc.eventCount; k++) for (let x = inc.start[k]! + 1; x < inc.start[k + 1]!; x++) expect(inc.members[x]!).toBeGreaterThan(inc.members[x - 1]!);
          // The projections' own incidence equals the one built apart.
          const proj = column === 'person' ? projectPersons(model, options) : projectOrganisations(model, options, { personCounts: false });
          expect([...proj.incidence.members]).toEqual([...inc.members]);
          expect([...proj.incidence.start]).toEqual([...inc.start]);
        }
      }
    }
  });
});
