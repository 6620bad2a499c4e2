import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, UnsupportedGraphError } from '../../src/errors.js';
import { buildModel } from '../../src/model/index.js';
import {
  GROWTH_ALL_COLUMNS,
  GROWTH_COLUMNS,
  growthDates,
  growthSeries,
  rowFromGraphs,
  snapshotAsOf,
  windowStart,
} from '../../src/time/index.js';
import type { GrowthOptions, GrowthRow } from '../../src/time/index.js';
import { resolveDuration } from '../../src/time/calendar.js';
import type { AttendanceModel, AttendanceRecord } from '../../src/types.js';
import { generatedModel } from './generated.js';
import { projectPersons } from '../../src/network/project.js';

function davis(): AttendanceModel {
  const path = fileURLToPath(new URL('../../../../tests/fixtures/davis/attendance.csv', import.meta.url));
  const [, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  return buildModel(lines.map((l) => {
    const [person, event, date] = l.split(',');
    return { person: person!, event: event!, date: date!, organisation: null } satisfies AttendanceRecord;
  }));
}

/** Rebuild every row from scratch with the network builders (tolerance 1e-12 on ratios, exact counts). */
function expectSeriesEqualsSnapshots(model: AttendanceModel, options: GrowthOptions): void {
  const series = growthSeries(model, options);
  expect(series.method).toBe('incremental');
  expect(series.rows.length).toBeGreaterThan(0);
  const { every: _e, window, ...net } = options;
  const length = resolveDuration('test', 'window', window ?? '12m');
  let previous: string | null = null;
  for (const row of series.rows) {
    const expected = rowFromGraphs(snapshotAsOf(model, row.date, net), previous, windowStart(row.date, length));
    for (const c of GROWTH_ALL_COLUMNS) {
      const a = row[c as keyof GrowthRow], b = expected[c as keyof GrowthRow];
      if (typeof b === 'number' && !Number.isInteger(b)) expect(a, `${row.date} ${c}`).toBeCloseTo(b, 12);
      else expect(a, `${row.date} ${c}`).toBe(b);
    }
    previous = row.date;
  }
}

describe('growthSeries equals snapshots built from scratch at every date', () => {
  const model = generatedModel();
  it('on Davis, every event date and every month', () => {
    expectSeriesEqualsSnapshots(davis(), { every: 'event' });
    expectSeriesEqualsSnapshots(davis(), { every: 'month', fadeAfter: '2m', window: '3m', strongMin: 2 });
  });
  it('on a generated network with defaults (month, quarter, event)', () => {
    expectSeriesEqualsSnapshots(model, {});
    expectSeriesEqualsSnapshots(model, { every: 'quarter' });
    expectSeriesEqualsSnapshots(model, { every: 'event' });
  });
  it('with thousands of ties (the pair hash of the replay grows and rehashes several times)', () => {
    const big = generatedModel({ seed: 11, people: 400, events: 150 });
    const ties = projectPersons(big).length;
    expect(ties).toBeGreaterThan(4000);
    expectSeriesEqualsSnapshots(big, { every: 'quarter' });
    const series = growthSeries(big, {});
    expect(series.rows[series.rows.length - 1]!.person_ties).toBe(ties);
  });
  it('with a convenor left out (late staff included) and maxEventSize', () => {
    const s = growthSeries(model, { every: 'event', exclude: 'Convenor', maxEventSize: 10 });
    expect(s.rebuilds).toBeGreaterThan(0);
    expectSeriesEqualsSnapshots(model, { every: 'event', exclude: 'Convenor', maxEventSize: 10 });
    expectSeriesEqualsSnapshots(model, { every: 'month', exclude: 'O001', maxEventSize: 8, fadeAfter: '4m', window: '6m' });
  });
  it('with weighted strength, type weights, a window start and an end date', () => {
    expectSeriesEqualsSnapshots(model, {
      every: 'month', strengthBasis: 'weighted', eventTypeWeights: { Webinar: 0.25, dialoog: 1.5 }, strongMin: 2.5,
      from: '2023-06-01', to: '2024-09-15',
    });
    expectSeriesEqualsSnapshots(model, { every: 'quarter', asOf: '2025-06-30', fadeAfter: '30d' });
  });
});

describe('growthSeries(model, options)', () => {
  const model = generatedModel();
  it('has the growth.csv columns first, in order', () => {
    const s = growthSeries(model);
    expect(s.columns.slice(0, GROWTH_COLUMNS.length)).toEqual([...GROWTH_COLUMNS]);
    expect(Object.keys(s.rows[0]!).sort()).toEqual([...GROWTH_ALL_COLUMNS].sort());
  });
  it('rows fall on month ends, then the last event date', () => {
    const s = growthSeries(model);
    const last = model.events[model.events.length - 1]!.date!;
    expect(s.rows[s.rows.length - 1]!.date).toBe(last);
    for (const r of s.rows.slice(0, -1)) expect(Number(r.date.slice(8))).toBeGreaterThanOrEqual(28);
    expect(s.rows.reduce((n, r) => n + r.new_people, 0)).toBe(s.rows[s.rows.length - 1]!.people);
  });
  it('growthDates gives quarter ends and the end date', () => {
    expect(growthDates(['2023-01-05', '2023-05-02', '2023-05-02', '2023-11-20'], 0, '2023-11-20', 'quarter')).toEqual([
      '2023-03-31', '2023-06-30', '2023-09-30', '2023-11-20',
    ]);
    expect(growthDates(['2023-01-05', '2023-05-02', '2023-05-02', '2023-11-20'], 0, '2023-11-20', 'event')).toEqual([
      '2023-01-05', '2023-05-02', '2023-11-20',
    ]);
  });
  it('strengthBasis "significant" falls back to snapshots with the same counts', () => {
    const a = growthSeries(model, { every: 'quarter', strengthBasis: 'significant' });
    const b = growthSeries(model, { every: 'quarter' });
    expect(a.method).toBe('snapshots');
    expect(a.rows.map((r) => [r.date, r.people, r.person_ties, r.organisation_components])).toEqual(
      b.rows.map((r) => [r.date, r.people, r.person_ties, r.organisation_components]),
    );
  });
  it('rejects a bad every or window, and undated data', () => {
    expect(() => growthSeries(model, { every: 'week' as never })).toThrow(InvalidOptionError);
    expect(() => growthSeries(model, { window: 'soon' })).toThrow(InvalidOptionError);
    const undated = buildModel([{ event: 'a', date: null, person: 'x', organisation: null }]);
    expect(() => growthSeries(undated)).toThrow(UnsupportedGraphError);
  });
});
