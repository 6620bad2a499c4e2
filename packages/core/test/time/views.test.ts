import { describe, expect, it } from 'vitest';
import { InvalidOptionError, UnsupportedGraphError } from '../../src/errors.js';
import { buildModel } from '../../src/model/index.js';
import {
  cohorts,
  comparePeriods,
  retention,
  snapshotAsOf,
  snapshotAtMeeting,
  snapshotWindow,
  tieTransitions,
} from '../../src/time/index.js';
import type { AttendanceRecord } from '../../src/types.js';

// Five people of five organisations: a trio meets three times early in 2024, a new trio twice in November.
const rows: [string, string, string, string][] = [
  ['E1', '2024-01-10', 'p1', 'A'], ['E1', '2024-01-10', 'p2', 'B'],
  ['E2', '2024-02-10', 'p1', 'A'], ['E2', '2024-02-10', 'p2', 'B'], ['E2', '2024-02-10', 'p3', 'C'],
  ['E3', '2024-03-10', 'p1', 'A'], ['E3', '2024-03-10', 'p2', 'B'],
  ['E4', '2024-11-10', 'p3', 'C'], ['E4', '2024-11-10', 'p4', 'D'],
  ['E5', '2024-11-20', 'p4', 'D'], ['E5', '2024-11-20', 'p5', 'E'],
];
const model = buildModel(rows.map(([event, date, person, organisation]): AttendanceRecord => ({ event, date, person, organisation })));
const edges = (g: { forEachEdge(cb: (k: string, a: unknown, s: string, t: string) => void): void }) => {
  const out: string[] = [];
  g.forEachEdge((_k, _a, s, t) => out.push(`${s}-${t}`));
  return out.sort();
};

describe('snapshots', () => {
  it('snapshotAsOf(model, "2024-03-31") holds the first trio, p1–p2 strong', () => {
    const s = snapshotAsOf(model, '2024-03-31');
    expect(s).toMatchObject({ mode: 'cumulative', date: '2024-03-31', from: null, events: 3 });
    expect(s.persons.nodes()).toEqual(['P001', 'P002', 'P003']);
    expect(s.persons.getEdgeAttributes('P001', 'P002')).toMatchObject({ shared_events: 3, class: 'strong', state: 'active', last_shared: '2024-03-10' });
    expect(s.organisations.order).toBe(3);
  });
  it('recency is judged at the snapshot date', () => {
    const s = snapshotAsOf(model, '2024-12-31');
    expect(s.persons.getEdgeAttribute('P001', 'P002', 'state')).toBe('fading');
    expect(s.persons.getEdgeAttribute('P004', 'P005', 'state')).toBe('active');
  });
  it('snapshotWindow(model, "2024-11-30", 3) keeps only the last three months', () => {
    const s = snapshotWindow(model, '2024-11-30', 3);
    expect(s).toMatchObject({ mode: 'window', from: '2024-09-01', events: 2 });
    expect(edges(s.persons)).toEqual(['P003-P004', 'P004-P005']);
    expect(snapshotWindow(model, '2024-11-30', '3m').from).toBe('2024-09-01');
  });
  it('snapshotAtMeeting(model, 2) is the network after the second event', () => {
    const s = snapshotAtMeeting(model, 2);
    expect(s.meeting).toMatchObject({ n: 2, name: 'E2', date: '2024-02-10' });
    expect(s.persons.getEdgeAttribute('P001', 'P002', 'shared_events')).toBe(2);
    expect(() => snapshotAtMeeting(model, 6)).toThrow(InvalidOptionError);
    expect(() => snapshotAsOf(model, '2024-02-30')).toThrow(InvalidOptionError);
  });
  it('undated models are refused with UnsupportedGraphError', () => {
    const undated = buildModel([{ event: 'x', date: null, person: 'a', organisation: null }]);
    expect(() => snapshotAsOf(undated, '2024-01-01')).toThrow(UnsupportedGraphError);
  });
});

describe('tieTransitions(model, dateA, dateB)', () => {
  it('cumulative: new ties, weak to strong, became fading; nothing lost', () => {
    const t = tieTransitions(model, '2024-02-28', '2024-12-31');
    expect(t.persons.new.map((c) => `${c.source}-${c.target}`)).toEqual(['P003-P004', 'P004-P005']);
    expect(t.persons.weakToStrong.map((c) => `${c.source}-${c.target}`)).toEqual(['P001-P002']);
    expect(t.persons.weakToStrong[0]!.before!.shared_events).toBe(2);
    expect(t.persons.weakToStrong[0]!.after!.shared_events).toBe(3);
    expect(t.persons.becameFading.map((c) => `${c.source}-${c.target}`)).toEqual(['P001-P002', 'P001-P003', 'P002-P003']);
    expect(t.persons.lost).toEqual([]);
    expect(t.organisations.new.map((c) => `${c.source}-${c.target}`)).toEqual(['O003-O004', 'O004-O005']);
  });
  it('with a rolling window, ties drop out (lost)', () => {
    const t = tieTransitions(model, '2024-02-28', '2024-12-31', { window: '3m' });
    expect(t.window).toBe('3m');
    expect(t.persons.lost.map((c) => `${c.source}-${c.target}`)).toEqual(['P001-P002', 'P001-P003', 'P002-P003']);
    expect(t.persons.lost[0]!.after).toBeNull();
    expect(t.persons.new).toHaveLength(2);
  });
  it('refuses dates in the wrong order', () => {
    expect(() => tieTransitions(model, '2024-12-31', '2024-01-01')).toThrow(InvalidOptionError);
  });
});

describe('retention and cohorts', () => {
  it('retention(model, [H1, H2]) counts retained, new, returning and lost', () => {
    const r = retention(model, [
      { from: '2024-01-01', to: '2024-06-30', label: 'H1' },
      { from: '2024-07-01', to: '2024-12-31', label: 'H2' },
    ]);
    expect(r[0]!.people).toEqual({ present: 3, retained: 0, new: 3, returning: 0, lost: 0, retention: null, churn: null });
    expect(r[1]!.people).toEqual({ present: 3, retained: 1, new: 2, returning: 0, lost: 2, retention: 1 / 3, churn: 2 / 3 });
    expect(r[1]!.organisations).toMatchObject({ present: 3, retained: 1, new: 2, lost: 2 });
    expect(r[1]!.events).toBe(2);
  });
  it('retention(model, "quarter") covers the data; a gap makes returners', () => {
    const r = retention(model, 'quarter');
    expect(r.map((x) => x.label)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(r[1]!.people).toMatchObject({ present: 0, lost: 3, retention: 0, churn: 1 });
    expect(r[3]!.people).toMatchObject({ present: 3, new: 2, returning: 1, retention: null });
  });
  it('cohorts(model, {every: "half"}) is a retention triangle', () => {
    const c = cohorts(model, { every: 'half' });
    expect(c.periods).toEqual(['2024-H1', '2024-H2']);
    expect(c.people).toEqual([
      { cohort: '2024-H1', size: 3, active: [3, 1], share: [1, 1 / 3] },
      { cohort: '2024-H2', size: 2, active: [2], share: [1] },
    ]);
  });
  it('excluding an organisation leaves out its staff', () => {
    const r = retention(model, 'half', { exclude: 'C' });
    expect(r[0]!.people.present).toBe(2);
    expect(r[1]!.organisations.present).toBe(2);
  });
  it('rejects bad periods', () => {
    expect(() => retention(model, 'week' as never)).toThrow(InvalidOptionError);
    expect(() => retention(model, [{ from: '2024-05-01', to: '2024-01-01' }])).toThrow(InvalidOptionError);
    expect(() => cohorts(model, { every: 'day' as never })).toThrow(InvalidOptionError);
  });
});

describe('comparePeriods(model, {first: "3m"}, {last: "3m"})', () => {
  const c = comparePeriods(model, { first: '3m' }, { last: '3m' });
  it('resolves the periods from the data', () => {
    expect([c.a.from, c.a.to]).toEqual(['2024-01-10', '2024-04-09']);
    expect([c.b.from, c.b.to]).toEqual(['2024-08-21', '2024-11-20']);
  });
  it('gives the same figures side by side with differences', () => {
    expect(c.a.figures).toMatchObject({ events: 3, people: 3, person_ties: 3, strong_person_ties: 1, new_people: 3 });
    expect(c.b.figures).toMatchObject({ events: 2, people: 3, person_ties: 2, strong_person_ties: 0, new_people: 2, new_person_ties: 2 });
    expect(c.difference['people']).toBe(0);
    expect(c.difference['person_ties']).toBe(-1);
  });
  it('lists new and lost ties', () => {
    expect(c.newTies.persons.map((t) => `${t.source}-${t.target}`)).toEqual(['P003-P004', 'P004-P005']);
    expect(c.lostTies.persons.map((t) => `${t.source}-${t.target}`)).toEqual(['P001-P002', 'P001-P003', 'P002-P003']);
    expect(c.lostTies.organisations).toHaveLength(3);
  });
});
