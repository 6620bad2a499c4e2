/**
 * Davis, Gardner & Gardner (1941), Southern Women, replayed in date order: the cumulative network after each
 * event must reproduce `temporal_by_event` of tests/fixtures/davis/golden.json (networkx 2.8.8; see README).
 * Counts are exact; densities within 1e-12.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../packages/core/src/model/index.js';
import { growthSeries, replayEvents } from '../packages/core/src/time/index.js';
import type { AttendanceRecord } from '../packages/core/src/types.js';

const dir = fileURLToPath(new URL('./fixtures/davis/', import.meta.url));
const golden = JSON.parse(readFileSync(dir + 'golden.json', 'utf8')) as {
  temporal_by_event: {
    event: string;
    size: number;
    first_timers: string[];
    returners: string[];
    cumulative_actors: number;
    cumulative_ties: number;
    new_ties: number;
    repeated_ties: number;
    ties_with_count_ge_2: number;
    cumulative_density: number;
    components: number;
  }[];
};

function davisModel() {
  const [header, ...lines] = readFileSync(dir + 'attendance.csv', 'utf8').trim().split(/\r?\n/);
  expect(header).toBe('person,event,date');
  const records: AttendanceRecord[] = lines.map((line) => {
    const [person, event, date] = line.split(',');
    return { person: person!, event: event!, date: date!, organisation: null };
  });
  return buildModel(records);
}

describe('Davis Southern Women replayed in date order', () => {
  const model = davisModel();
  const expected = golden.temporal_by_event;

  it('replayEvents(model, {strongMin: 2}) reproduces temporal_by_event after every event', () => {
    const rows = replayEvents(model, { strongMin: 2 });
    expect(rows.map((r) => r.name)).toEqual(expected.map((g) => g.event));
    rows.forEach((r, i) => {
      const g = expected[i]!;
      expect(r.size, g.event).toBe(g.size);
      expect(r.first_timers, g.event).toBe(g.first_timers.length);
      expect(r.returners, g.event).toBe(g.returners.length);
      expect(r.people, g.event).toBe(g.cumulative_actors);
      expect(r.person_ties, g.event).toBe(g.cumulative_ties);
      expect(r.new_person_ties, g.event).toBe(g.new_ties);
      expect(r.repeated_person_ties, g.event).toBe(g.repeated_ties);
      expect(r.strong_person_ties, g.event).toBe(g.ties_with_count_ge_2);
      expect(r.person_density, g.event).toBeCloseTo(g.cumulative_density, 12);
      expect(r.person_components, g.event).toBe(g.components);
    });
  });

  it('growthSeries(model, {every: "event"}) gives the same cumulative figures, one row per event date', () => {
    const series = growthSeries(model, { every: 'event', strongMin: 2 });
    expect(series.method).toBe('incremental');
    expect(series.rows).toHaveLength(expected.length);
    let previous = 0;
    series.rows.forEach((r, i) => {
      const g = expected[i]!;
      expect(r.events).toBe(i + 1);
      expect(r.people, g.event).toBe(g.cumulative_actors);
      expect(r.new_people, g.event).toBe(g.first_timers.length);
      expect(r.person_ties, g.event).toBe(g.cumulative_ties);
      expect(r.new_person_ties, g.event).toBe(g.new_ties);
      expect(r.strong_person_ties, g.event).toBe(g.ties_with_count_ge_2);
      expect(r.person_density, g.event).toBeCloseTo(g.cumulative_density, 12);
      expect(r.person_components, g.event).toBe(g.components);
      expect(r.people - previous).toBe(g.first_timers.length);
      previous = r.people;
    });
  });
});
