/**
 * Property test (fast-check; the seed is printed in the failure message): `projectPersons` and
 * `projectOrganisations` equal a naive reference projection, written pair by pair with Maps and Sets straight
 * from the model's attendance rows, on random models with people who change organisation or come for two at
 * once, rows without a person or without an organisation, undated events, event types with weights,
 * durations, windows, as-of dates, `maxEventSize` and `exclude`. Every column must be bit-identical
 * (Object.is on each entry: the reference adds in the same chronological order, so no tolerance).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  projectOrganisations,
  projectPersons,
  resolveNetworkOptions,
  type AttendanceModel,
  type AttendanceRecord,
  type NetworkOptions,
} from '../../src/index.js';

const PEOPLE = ['Ann', 'Bob', 'Cas', 'Dee', 'Eva', 'Fay', 'Gus', 'Hal', 'Ida'];
const ORGS = ['North', 'South', 'East', 'West', 'Mid'];
const TYPES = ['webinar', 'training', 'Visit', null] as const;
const DATES = ['2024-01-05', '2024-02-05', '2024-03-05', '2024-04-05', '2024-05-05', '2024-06-05', null] as const;

const rowArb = fc.record({
  person: fc.option(fc.integer({ min: 0, max: PEOPLE.length - 1 }), { freq: 8 }),
  organisation: fc.option(fc.integer({ min: 0, max: ORGS.length - 1 }), { freq: 6 }),
});
const eventArb = fc.record({
  date: fc.constantFrom(...DATES),
  type: fc.constantFrom(...TYPES),
  hours: fc.option(fc.constantFrom(0.5, 1, 1.5, 2, 3.25), { freq: 2 }),
  rows: fc.array(rowArb, { minLength: 1, maxLength: 8 }),
});
const optionsArb = fc.record(
  {
    from: fc.constantFrom('2024-01-01', '2024-02-01', '2024-03-10'),
    to: fc.constantFrom('2024-03-31', '2024-06-30'),
    asOf: fc.constantFrom('2024-07-01', '2024-12-31'),
    maxEventSize: fc.integer({ min: 2, max: 6 }),
    eventTypeWeights: fc.constantFrom<Record<string, number>>({ webinar: 0.25 }, { Training: 2, visit: 0.5 }, { WEBINAR: 0.1, training: 1 }, { visit: 0 }),
    exclude: fc.constantFrom(...ORGS),
  },
  { requiredKeys: [] },
);

interface Generated {
  events: { date: string | null; type: string | null; hours: number | null; rows: { person: number | null; organisation: number | null }[] }[];
}

function toRecords(g: Generated): AttendanceRecord[] {
  const out: AttendanceRecord[] = [];
  g.events.forEach((ev, k) => {
    for (const r of ev.rows) {
      if (r.person === null && r.organisation === null) continue;
      out.push({
        event: `Ev${k}`,
        date: ev.date,
        person: r.person === null ? null : PEOPLE[r.person]!,
        organisation: r.organisation === null ? null : ORGS[r.organisation]!,
        event_type: ev.type,
        duration_hours: ev.hours,
      });
    }
  });
  return out;
}

interface RefTie {
  shared: number;
  newman: number;
  first: number;
  last: number;
  weighted: number;
  hours: number;
}

/** The naive projection, pair by pair, from the model's rows. */
function reference(model: AttendanceModel, options: NetworkOptions) {
  const r = resolveNetworkOptions(model, options);
  const a = model.attendance;
  const weightOf = (type: string | null): number => {
    if (type === null) return 1;
    for (const [k, w] of Object.entries(r.eventTypeWeights)) if (k.toLowerCase() === type.toLowerCase()) return w;
    return 1;
  };
  const staff = new Set<number>();
  const x = r.excludedOrganisation;
  const rowsOf = (e: number) => {
    const rows: { p: number; o: number }[] = [];
    for (let i = a.eventStart[e]!; i < a.eventStart[e + 1]!; i++) rows.push({ p: a.person[i]!, o: a.organisation[i]! });
    return rows;
  };
  if (x >= 0) for (let e = r.eventFrom; e < r.eventTo; e++) for (const row of rowsOf(e)) if (row.o === x && row.p >= 0) staff.add(row.p);
  const kept = (row: { p: number; o: number }) => x < 0 || (row.o !== x && !(row.p >= 0 && staff.has(row.p)));

  const personTies = new Map<string, RefTie>();
  const orgTies = new Map<string, RefTie>();
  const crossPairs = new Map<string, Set<string>>();
  const internal = new Map<number, Set<string>>();
  const people = new Map<number, Set<number>>();
  const lastOrg = new Map<number, number>();
  const nodeP = new Map<number, { events: number; tie: number; first: number; last: number }>();
  const nodeO = new Map<number, { events: number; tie: number; first: number; last: number }>();
  const add = (ties: Map<string, RefTie>, members: number[], e: number) => {
    const ev = model.events[e]!;
    const w = weightOf(ev.type);
    const h = ev.durationHours ?? NaN;
    for (let u = 0; u < members.length; u++) {
      for (let v = u + 1; v < members.length; v++) {
        const key = `${members[u]}|${members[v]}`;
        const t = ties.get(key);
        if (!t) ties.set(key, { shared: 1, newman: 1 / (members.length - 1), first: e, last: e, weighted: w, hours: h });
        else {
          t.shared++;
          t.newman += 1 / (members.length - 1);
          t.last = e;
          t.weighted += w;
          if (h === h) t.hours = t.hours === t.hours ? t.hours + h : h;
        }
      }
    }
  };
  const visit = (nodes: typeof nodeP, v: number, e: number, tie: boolean) => {
    const n = nodes.get(v) ?? { events: 0, tie: 0, first: e, last: e };
    n.events++;
    if (tie) n.tie++;
    n.last = e;
    nodes.set(v, n);
  };
  for (let e = r.eventFrom; e < r.eventTo; e++) {
    const rows = rowsOf(e).filter(kept);
    const ps = [...new Set(rows.filter((w) => w.p >= 0).map((w) => w.p))].sort((u, v) => u - v);
    const os = [...new Set(rows.filter((w) => w.o >= 0).map((w) => w.o))].sort((u, v) => u - v);
    const size = ps.length > 0 ? ps.length : os.length;
    const tie = r.maxEventSize === null || size <= r.maxEventSize;
    for (const p of ps) visit(nodeP, p, e, tie);
    for (const o of os) visit(nodeO, o, e, tie);
    for (const w of rows) {
      if (w.p >= 0 && w.o >= 0) {
        lastOrg.set(w.p, w.o);
        if (!people.has(w.o)) people.set(w.o, new Set());
        people.get(w.o)!.add(w.p);
      }
    }
    if (!tie) continue;
    add(personTies, ps, e);
    add(orgTies, os, e);
    const both = rows.filter((w) => w.p >= 0 && w.o >= 0);
    for (const u of both) {
      for (const v of both) {
        if (u.p >= v.p) continue;
        if (u.o === v.o) {
          if (!internal.has(u.o)) internal.set(u.o, new Set());
          internal.get(u.o)!.add(`${u.p}|${v.p}`);
        } else {
          const key = u.o < v.o ? `${u.o}|${v.o}` : `${v.o}|${u.o}`;
          if (!crossPairs.has(key)) crossPairs.set(key, new Set());
          crossPairs.get(key)!.add(`${u.p}|${v.p}`);
        }
      }
    }
  }
  return { personTies, orgTies, crossPairs, internal, people, lastOrg, nodeP, nodeO };
}

type Proj = ReturnType<typeof projectPersons> | ReturnType<typeof projectOrganisations>;

function expectTies(proj: Proj, want: Map<string, RefTie>): void {
  expect(proj.length).toBe(want.size);
  let uniform = true;
  let known = false;
  for (const w of want.values()) {
    if (!Object.is(w.weighted, w.shared)) uniform = false;
    if (w.hours === w.hours) known = true;
  }
  // The flags may be conservative (an event of weight != 1 or with hours can sit in no tie), never wrong.
  if (proj.uniformWeight) expect(uniform).toBe(true);
  if (!proj.hoursKnown) expect(known).toBe(false);
  for (let t = 0; t < proj.length; t++) {
    const i = proj.src[t]!;
    const j = proj.tgt[t]!;
    expect(i).toBeLessThan(j);
    if (t > 0) expect(proj.src[t - 1]! < i || (proj.src[t - 1] === i && proj.tgt[t - 1]! < j)).toBe(true);
    const w = want.get(`${i}|${j}`);
    expect(w, `tie ${i}-${j}`).toBeDefined();
    expect(proj.shared[t]).toBe(w!.shared);
    expect(Object.is(proj.newman[t], w!.newman), `newman ${proj.newman[t]} vs ${w!.newman}`).toBe(true);
    expect(proj.firstEvent[t]).toBe(w!.first);
    expect(proj.lastEvent[t]).toBe(w!.last);
    expect(Object.is(proj.weighted[t], w!.weighted), `weighted ${proj.weighted[t]} vs ${w!.weighted}`).toBe(true);
    expect(Object.is(proj.hours[t], w!.hours), `hours ${proj.hours[t]} vs ${w!.hours}`).toBe(true);
    expect(proj.find(i, j)).toBe(t);
    expect(proj.find(j, i)).toBe(t);
  }
  for (let i = 0; i < proj.nodeCount; i++) {
    expect(proj.rowStart[i + 1]! - proj.rowStart[i]!).toBe([...want.keys()].filter((k) => k.startsWith(`${i}|`)).length);
    for (let j = 0; j < proj.nodeCount; j++) if (!want.has(`${Math.min(i, j)}|${Math.max(i, j)}`)) expect(proj.find(i, j)).toBe(-1);
  }
}

function expectNodes(proj: Proj, want: Map<number, { events: number; tie: number; first: number; last: number }>): void {
  for (let v = 0; v < proj.nodeCount; v++) {
    const w = want.get(v);
    expect(proj.nodes.present[v]).toBe(w ? 1 : 0);
    expect(proj.nodes.events[v]).toBe(w?.events ?? 0);
    expect(proj.nodes.tieEvents[v]).toBe(w?.tie ?? 0);
    expect(proj.nodes.firstEvent[v]).toBe(w?.first ?? -1);
    expect(proj.nodes.lastEvent[v]).toBe(w?.last ?? -1);
  }
}

describe('projections equal a naive reference', () => {
  it('person and organisation ties, node columns, person pairs, internal ties and people (bit-identical)', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 12 }), optionsArb, (events, drawn) => {
        const records = toRecords({ events });
        fc.pre(records.length > 0);
        const model = buildModel(records);
        // `exclude` names an organisation of the data (an unknown one is an error, tested in options.test.ts).
        const options: NetworkOptions = { ...drawn };
        if (options.exclude !== undefined && !model.organisations.some((o) => o.name === options.exclude)) delete options.exclude;
        const ref = reference(model, options);

        const pp = projectPersons(model, options);
        expectTies(pp, ref.personTies);
        expectNodes(pp, ref.nodeP);
        for (let p = 0; p < model.people.length; p++) expect(pp.organisation[p]).toBe(ref.lastOrg.get(p) ?? -1);

        const op = projectOrganisations(model, options);
        expectTies(op, ref.orgTies);
        expectNodes(op, ref.nodeO);
        for (let t = 0; t < op.length; t++) expect(op.personPairs[t], `person pairs of tie ${t}`).toBe(ref.crossPairs.get(`${op.src[t]}|${op.tgt[t]}`)?.size ?? 0);
        for (let o = 0; o < model.organisations.length; o++) {
          expect(op.internalTies[o], `internal ties of ${o}`).toBe(ref.internal.get(o)?.size ?? 0);
          expect(op.people[o], `people of ${o}`).toBe(ref.people.get(o)?.size ?? 0);
        }
        const lean = projectOrganisations(model, options, { personCounts: false });
        expect(lean.length).toBe(op.length);
        expect(lean.personPairs.every((v) => v === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('materialises weighted (= shared) and hours (NaN) on first read when no weight or duration applies', () => {
    const model = buildModel([
      { event: 'A', date: '2024-01-01', person: 'x', organisation: 'O1' },
      { event: 'A', date: '2024-01-01', person: 'y', organisation: 'O2' },
      { event: 'B', date: '2024-02-01', person: 'x', organisation: 'O1' },
      { event: 'B', date: '2024-02-01', person: 'y', organisation: 'O2' },
      { event: 'B', date: '2024-02-01', person: 'z', organisation: 'O2' },
    ]);
    const p = projectPersons(model);
    expect(p.uniformWeight).toBe(true);
    expect(p.hoursKnown).toBe(false);
    expect([...p.weighted]).toEqual([...p.shared]);
    expect(p.weighted).toBe(p.weighted);
    expect([...p.hours].every((h) => Number.isNaN(h))).toBe(true);
    const w = projectPersons(model, { eventTypeWeights: { anything: 2 } });
    expect(w.uniformWeight).toBe(true);
    const typed = buildModel([
      { event: 'A', date: '2024-01-01', person: 'x', organisation: 'O1', event_type: 'webinar', duration_hours: 2 },
      { event: 'A', date: '2024-01-01', person: 'y', organisation: 'O2', event_type: 'webinar', duration_hours: 2 },
    ]);
    const q = projectPersons(typed, { eventTypeWeights: { Webinar: 0.5 } });
    expect(q.uniformWeight).toBe(false);
    expect(q.hoursKnown).toBe(true);
    expect([...q.weighted]).toEqual([0.5]);
    expect([...q.hours]).toEqual([2]);
  });
});
